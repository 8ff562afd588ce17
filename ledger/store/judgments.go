package store

import (
	"encoding/json"
	"slices"

	"relance/ledger"
	"relance/ledger/law"
)

// Bucket judgments (schema 8, declared in schema.go) holds the enforceable decisions
// obtained against customers (law.Judgment): the sums awarded, the dates the interest,
// its majoration and the enforcement period run from, and the payments received on
// them since:
//
//	judgments   judgment ID ("JG2026-0001") → JSON law.Judgment
//
// IDs are sequential per year of the decision. A record is written when the decision
// is entered; afterwards only payments are added to it (AddJudgmentPayment).

// JudgmentPrefix is the prefix of judgment IDs.
const JudgmentPrefix = "JG"

// PutJudgment validates and stores a new judgment j, giving it the next ID for the
// year of its decision (written back into j). An unknown customer, a judgment that
// does not validate or one that already has an ID is refused, nothing written.
func (t *Tx) PutJudgment(j *law.Judgment) error {
	if err := j.Validate(); err != nil {
		return err
	}
	if j.ID != "" {
		return &ledger.Problem{Key: "judgment.err.has_id", Args: []string{"id", j.ID}}
	}
	cust, err := t.Customer(j.Customer)
	if err != nil {
		return err
	}
	if cust == nil {
		return &ledger.Problem{Key: "judgment.err.customer", Args: []string{"value", j.Customer}}
	}
	if j.Payments == nil {
		j.Payments = []law.JudgmentPayment{}
	}
	b := t.tx.Bucket([]byte(bJudgments))
	id := nextID(b, JudgmentPrefix, j.Decision.Year())
	c := *j
	c.ID = id
	if err := putJSON(b, []byte(id), &c); err != nil {
		return err
	}
	j.ID = id
	return nil
}

// AddJudgmentPayment adds payment p to judgment id and stores it; the judgment with
// the payment must still validate (not before the decision, a positive amount). An
// unknown ID is refused.
func (t *Tx) AddJudgmentPayment(id string, p law.JudgmentPayment) (*law.Judgment, error) {
	j, err := t.Judgment(id)
	if err != nil {
		return nil, err
	}
	if j == nil {
		return nil, &ledger.Problem{Key: "judgment.err.unknown", Args: []string{"value", id}}
	}
	j.Payments = append(j.Payments, p)
	slices.SortStableFunc(j.Payments, func(a, b law.JudgmentPayment) int { return int(a.Date - b.Date) })
	if err := j.Validate(); err != nil {
		return nil, err
	}
	if err := putJSON(t.tx.Bucket([]byte(bJudgments)), []byte(id), j); err != nil {
		return nil, err
	}
	return j, nil
}

// Judgment returns judgment id, or nil when there is none.
func (t *Tx) Judgment(id string) (*law.Judgment, error) {
	return getJSON[law.Judgment](t, bJudgments, id)
}

// Judgments returns the judgments of customer (every customer's when customer is
// empty), in ID order.
func (t *Tx) Judgments(customer string) ([]law.Judgment, error) {
	out := []law.Judgment{}
	err := t.tx.Bucket([]byte(bJudgments)).ForEach(func(k, v []byte) error {
		var j law.Judgment
		if err := json.Unmarshal(v, &j); err != nil {
			return t.corrupt(string(bJudgments), string(k), err)
		}
		if customer == "" || j.Customer == customer {
			out = append(out, j)
		}
		return nil
	})
	return out, err
}

// LoadJudgments reads the judgments of customer (every customer's when empty) in one
// read transaction.
func (db *DB) LoadJudgments(customer string) ([]law.Judgment, error) {
	var out []law.Judgment
	err := db.View(func(tx *Tx) error {
		var err error
		out, err = tx.Judgments(customer)
		return err
	})
	return out, err
}
