package store

import (
	"encoding/json"
	"fmt"
	"sort"

	"relance/ledger"
	"relance/ledger/law"
)

// bProcedures holds the insolvency procedures recorded against customers:
//
//	procedures  procedure ID ("J2026-0001") → JSON law.Procedure
//
// IDs are sequential per year of the opening judgment. The bucket is created by the
// first PutProcedure (no schema change: a dossier without it simply has no procedure),
// and every read tolerates its absence.
var bProcedures = []byte("procedures")

// ProcedurePrefix is the prefix of procedure IDs (jugement d'ouverture).
const ProcedurePrefix = "J"

// PutProcedure validates and stores p and, in the same transaction, sets the customer's
// collection status to insolvency: reminders and penalties stop for it (C. com. L622-7,
// L622-21, L622-28). A procedure without an ID is new and gets the next one for the
// year of its judgment (written back into p). An unknown customer is refused.
func (t *Tx) PutProcedure(p *law.Procedure) error {
	if err := p.Validate(); err != nil {
		return err
	}
	cust, err := t.Customer(p.Customer)
	if err != nil {
		return err
	}
	if cust == nil {
		return &ledger.Problem{Key: "law.proc.err.customer", Args: []string{"customer", p.Customer}}
	}
	b, err := t.tx.CreateBucketIfNotExists(bProcedures)
	if err != nil {
		return fmt.Errorf("create bucket %s: %w", bProcedures, err)
	}
	if p.ID == "" {
		p.ID = nextID(b, ProcedurePrefix, p.Judgment.Year())
	}
	if err := putJSON(b, []byte(p.ID), p); err != nil {
		return err
	}
	if cust.Status != ledger.StatusInsolvency {
		cust.Status = ledger.StatusInsolvency
		if err := t.PutCustomer(cust); err != nil {
			return err
		}
	}
	return nil
}

// Procedure returns procedure id, or nil when there is none.
func (t *Tx) Procedure(id string) (*law.Procedure, error) {
	b := t.tx.Bucket(bProcedures)
	if b == nil {
		return nil, nil
	}
	v := b.Get([]byte(id))
	if v == nil {
		return nil, nil
	}
	var p law.Procedure
	if err := json.Unmarshal(v, &p); err != nil {
		return nil, t.corrupt("procedures", id, err)
	}
	return &p, nil
}

// Procedures returns every recorded procedure in ID order (none when the bucket does
// not exist yet).
func (t *Tx) Procedures() ([]law.Procedure, error) {
	out := []law.Procedure{}
	b := t.tx.Bucket(bProcedures)
	if b == nil {
		return out, nil
	}
	err := b.ForEach(func(k, v []byte) error {
		var p law.Procedure
		if err := json.Unmarshal(v, &p); err != nil {
			return t.corrupt("procedures", string(k), err)
		}
		out = append(out, p)
		return nil
	})
	return out, err
}

// ProceduresOf returns the procedures of customer id, oldest judgment first.
func (t *Tx) ProceduresOf(id string) ([]law.Procedure, error) {
	all, err := t.Procedures()
	if err != nil {
		return nil, err
	}
	var out []law.Procedure
	for _, p := range all {
		if p.Customer == id {
			out = append(out, p)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Judgment < out[j].Judgment })
	return out, nil
}

// LoadProcedures reads every procedure in one read transaction.
func (db *DB) LoadProcedures() ([]law.Procedure, error) {
	var out []law.Procedure
	err := db.View(func(tx *Tx) error {
		var err error
		out, err = tx.Procedures()
		return err
	})
	return out, err
}
