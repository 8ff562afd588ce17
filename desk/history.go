package desk

import (
	"relance/ledger"
	"relance/ledger/dunning"
	"relance/ledger/law"
	"relance/ledger/payment"
	"relance/ledger/privacy"
	"relance/ledger/store"
	"relance/letters/archive"
)

// CustomerRecords are what the dossier records about a customer besides the ledger:
// the actions, promises, payment plans and insolvency procedures, the acts of the
// register of limitation interruptions (with where each stands) and the judgments.
type CustomerRecords struct {
	Actions       []dunning.Action
	Promises      []dunning.Promise
	Plans         []dunning.Plan
	Procedures    []law.Procedure
	Interruptions []dunning.RegisterEntry
	Judgments     []law.Judgment
}

// CustomerRecords reads a customer's records in one read transaction (the customer's
// history).
func (s *Session) CustomerRecords(id string) (CustomerRecords, error) {
	var r CustomerRecords
	err := s.DB.View(func(tx *store.Tx) error {
		var err error
		if r.Actions, err = tx.Actions(id); err != nil {
			return err
		}
		if r.Promises, err = tx.Promises(id); err != nil {
			return err
		}
		if r.Plans, err = tx.Plans(id); err != nil {
			return err
		}
		if r.Procedures, err = tx.ProceduresOf(id); err != nil {
			return err
		}
		r.Interruptions, r.Judgments, err = legalRecords(tx, id)
		return err
	})
	return r, err
}

// legalRecords reads customer id's register acts, with where each stands, and its
// judgments.
func legalRecords(tx *store.Tx, id string) ([]dunning.RegisterEntry, []law.Judgment, error) {
	recs, err := tx.Interruptions(id)
	if err != nil {
		return nil, nil, err
	}
	js, err := tx.Judgments(id)
	if err != nil {
		return nil, nil, err
	}
	return dunning.Register(recs), js, nil
}

// ExportCustomer is everything the dossier holds about customer id at asOf, for a
// subject-access or portability request (RGPD art. 15 and 20): the record, the items,
// disputes and blocks, and the history — actions, promises, plans, procedures with
// their events, the payments entered by hand, the register's acts and the judgments —
// read in one transaction.
func (s *Session) ExportCustomer(id string, asOf ledger.Date) (*privacy.Export, error) {
	s, err := s.WithAccount(id)
	if err != nil {
		return nil, err
	}
	e, err := privacy.CustomerExport(s.Book, s.Disputes, s.Blocks, id, asOf)
	if err != nil {
		return nil, err
	}
	err = s.DB.View(func(tx *store.Tx) error {
		if e.Actions, err = tx.Actions(id); err != nil {
			return err
		}
		if e.Promises, err = tx.Promises(id); err != nil {
			return err
		}
		if e.Plans, err = tx.Plans(id); err != nil {
			return err
		}
		if e.Procedures, err = tx.ProceduresOf(id); err != nil {
			return err
		}
		if e.Payments, err = tx.Payments(id); err != nil {
			return err
		}
		if e.Interruptions, e.Judgments, err = legalRecords(tx, id); err != nil {
			return err
		}
		if e.Overindebtedness, err = tx.Overindebt(id); err != nil { // the over-indebtedness file
			return err
		}
		if e.Cheques, err = tx.Cheques(id); err != nil { // the unpaid cheques
			return err
		}
		if e.Proofs, err = tx.Proofs(id); err != nil { // the proof of the debt per invoice
			return err
		}
		if e.Contract, err = tx.Contract(id); err != nil { // what the customer accepted, its guarantees
			return err
		}
		if e.Causes, err = tx.Causes(id); err != nil { // the causes of late payment
			return err
		}
		recs, err := archive.List(tx, archive.Filter{Customer: id})
		for i := len(recs) - 1; i >= 0; i-- { // oldest first
			e.Letters = append(e.Letters, privacy.Letter{ID: recs[i].ID, Date: recs[i].Date, Stage: string(recs[i].Stage), Subject: recs[i].Subject})
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	// Empty lists stay lists in the JSON document.
	if e.Actions == nil {
		e.Actions = []dunning.Action{}
	}
	if e.Promises == nil {
		e.Promises = []dunning.Promise{}
	}
	if e.Plans == nil {
		e.Plans = []dunning.Plan{}
	}
	if e.Procedures == nil {
		e.Procedures = []law.Procedure{}
	}
	if e.Payments == nil {
		e.Payments = []payment.Payment{}
	}
	if e.Interruptions == nil {
		e.Interruptions = []dunning.RegisterEntry{}
	}
	if e.Judgments == nil {
		e.Judgments = []law.Judgment{}
	}
	return e, nil
}
