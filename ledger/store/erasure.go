package store

import (
	"bytes"
	"encoding/json"
	"slices"

	"relance/ledger"
	"relance/ledger/dunning"
	"relance/ledger/law"
)

// The erasure of a person's data (GDPR art. 17, ledger/privacy) is the one rewrite
// that the register of limitation interruptions (append-only), the judgments (only
// payments added) and the insolvency procedures allow: it may change their free text
// and nothing else. The functions below hand each of a customer's records to the
// caller's erase function and store what it returns, after checking that only the
// free text changed: a change to a kind, a date, an amount, an item, a link or who
// recorded it is refused, nothing written.

// EraseInterruptionText rewrites the register records of customer through erase,
// which may change their Proof and Note only, and returns how many records the
// customer has.
func (t *Tx) EraseInterruptionText(customer string, erase func(r *dunning.InterruptionRecord)) (int, error) {
	if customer == "" {
		return 0, nil
	}
	recs, err := t.Interruptions(customer)
	if err != nil {
		return 0, err
	}
	strip := func(r dunning.InterruptionRecord) any {
		r.Proof, r.Note = "", ""
		return r
	}
	b := t.tx.Bucket([]byte(bInterruptions))
	for i := range recs {
		old := recs[i]
		erase(&recs[i])
		if err := onlyText(old.ID, strip(old), strip(recs[i])); err != nil {
			return 0, err
		}
		if err := putJSON(b, dunningKey(customer, old.ID), &recs[i]); err != nil {
			return 0, err
		}
	}
	return len(recs), nil
}

// EraseJudgmentText rewrites the judgments of customer through erase, which may
// change their Court, Ref and the Ref of their payments only, and returns how many
// judgments the customer has.
func (t *Tx) EraseJudgmentText(customer string, erase func(j *law.Judgment)) (int, error) {
	if customer == "" {
		return 0, nil
	}
	js, err := t.Judgments(customer)
	if err != nil {
		return 0, err
	}
	strip := func(j law.Judgment) any {
		j.Court, j.Ref = "", ""
		j.Payments = slices.Clone(j.Payments)
		for i := range j.Payments {
			j.Payments[i].Ref = ""
		}
		return j
	}
	b := t.tx.Bucket([]byte(bJudgments))
	for i := range js {
		old := js[i]
		old.Payments = slices.Clone(old.Payments)
		erase(&js[i])
		if err := onlyText(old.ID, strip(old), strip(js[i])); err != nil {
			return 0, err
		}
		if err := putJSON(b, []byte(old.ID), &js[i]); err != nil {
			return 0, err
		}
	}
	return len(js), nil
}

// EraseProcedureText rewrites the insolvency procedures of customer through erase,
// which may change their Note and the Subject of their events only, and returns how
// many procedures the customer has.
func (t *Tx) EraseProcedureText(customer string, erase func(p *law.Procedure)) (int, error) {
	if customer == "" {
		return 0, nil
	}
	ps, err := t.ProceduresOf(customer)
	if err != nil {
		return 0, err
	}
	strip := func(p law.Procedure) any {
		p.Note = ""
		p.Events = slices.Clone(p.Events)
		for i := range p.Events {
			p.Events[i].Subject = ""
		}
		return p
	}
	b := t.tx.Bucket([]byte(bProcedures))
	for i := range ps {
		old := ps[i]
		old.Events = slices.Clone(old.Events)
		erase(&ps[i])
		if err := onlyText(old.ID, strip(old), strip(ps[i])); err != nil {
			return 0, err
		}
		if err := putJSON(b, []byte(old.ID), &ps[i]); err != nil {
			return 0, err
		}
	}
	return len(ps), nil
}

// onlyText reports a Problem unless before and after — a record with its free text
// cleared, before and after the erasure — are the same.
func onlyText(id string, before, after any) error {
	x, err := json.Marshal(before)
	if err != nil {
		return err
	}
	y, err := json.Marshal(after)
	if err != nil {
		return err
	}
	if !bytes.Equal(x, y) {
		return &ledger.Problem{Key: "privacy2.err.not_text", Args: []string{"id", id}}
	}
	return nil
}
