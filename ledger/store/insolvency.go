package store

import (
	"encoding/json"
	"sort"

	"relance/ledger"
	"relance/ledger/law"
)

// Bucket procedures (schema 5, declared in schema.go) holds the insolvency procedures
// recorded against customers:
//
//	procedures  procedure ID ("J2026-0001") → JSON law.Procedure
//
// The procedure's recorded events (law.ProcEvent: a contestation received, a decision
// notified…) are kept in the same JSON, field "events", absent in records written
// before it existed: no migration is needed.
//
// IDs are sequential per year of the opening judgment. Before schema 5 the bucket was
// created by the first PutProcedure; the migration to schema 5 creates it.

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
	b := t.tx.Bucket([]byte(bProcedures))
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

// AddProcedureEvent appends event e, recorded at asOf, to procedure id and stores it
// (law.ValidateEvent checks it first); it returns the procedure as stored. An unknown
// procedure is refused.
func (t *Tx) AddProcedureEvent(id string, e law.ProcEvent, asOf ledger.Date) (*law.Procedure, error) {
	p, err := t.Procedure(id)
	if err != nil {
		return nil, err
	}
	if p == nil {
		return nil, &ledger.Problem{Key: "insolv2.err.procedure", Args: []string{"id", id}}
	}
	if err := law.ValidateEvent(p, e, asOf); err != nil {
		return nil, err
	}
	p.Events = append(p.Events, e)
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if err := putJSON(t.tx.Bucket([]byte(bProcedures)), []byte(p.ID), p); err != nil {
		return nil, err
	}
	return p, nil
}

// Procedure returns procedure id, or nil when there is none.
func (t *Tx) Procedure(id string) (*law.Procedure, error) {
	return getJSON[law.Procedure](t, bProcedures, id)
}

// Procedures returns every recorded procedure in ID order.
func (t *Tx) Procedures() ([]law.Procedure, error) {
	out := []law.Procedure{}
	err := t.tx.Bucket([]byte(bProcedures)).ForEach(func(k, v []byte) error {
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
