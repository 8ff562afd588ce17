package desk

import (
	"relance/ledger"
	"relance/ledger/law"
	"relance/ledger/store"
)

// ProcedureRow is a recorded insolvency procedure with its customer's name (its ID
// when the customer is gone) and its deadlines at a date.
type ProcedureRow struct {
	law.Procedure
	Name      string             `json:"name"`
	Deadlines []law.ProcDeadline `json:"deadlines"`
}

// ProcedureDeadlines lists the dossier's insolvency procedures, in ID order, each with
// its deadlines at asOf (declaration of claims, retention of title, continuation of
// contracts: law.ProcedureDeadlines).
func (s *Session) ProcedureDeadlines(asOf ledger.Date) []ProcedureRow {
	rows := []ProcedureRow{}
	for _, p := range s.Procedures {
		name := p.Customer
		if acc := s.Book.Account(p.Customer); acc != nil {
			name = acc.Customer.Name
		}
		rows = append(rows, ProcedureRow{Procedure: p, Name: name, Deadlines: law.ProcedureDeadlines(p, asOf)})
	}
	return rows
}

// RecordProcedure records insolvency procedure p against its customer and sets the
// customer's status to insolvency (reminders and penalties stop), in one transaction;
// p's ID is written back. An unknown customer or a procedure that does not validate is
// refused, nothing written.
func (s *Session) RecordProcedure(p *law.Procedure) error {
	c := *p
	if err := s.DB.Update(func(tx *store.Tx) error { return tx.PutProcedure(&c) }); err != nil {
		return err
	}
	*p = c
	return nil
}

// ActiveProcedure returns the procedure governing customer at asOf (the latest opened
// by then), or a *ledger.Problem (law.proc.err.none) when there is none: what a claim
// or a retention-of-title letter is written under.
func (s *Session) ActiveProcedure(customer string, asOf ledger.Date) (*law.Procedure, error) {
	p := law.Active(s.Procedures, customer, asOf)
	if p == nil {
		return nil, &ledger.Problem{Key: "law.proc.err.none", Args: []string{"customer", customer}}
	}
	c := *p
	return &c, nil
}
