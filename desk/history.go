package desk

import (
	"relance/ledger/dunning"
	"relance/ledger/law"
	"relance/ledger/store"
)

// CustomerRecords are what the dossier records about a customer besides the ledger:
// the actions, promises, payment plans and insolvency procedures.
type CustomerRecords struct {
	Actions    []dunning.Action
	Promises   []dunning.Promise
	Plans      []dunning.Plan
	Procedures []law.Procedure
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
		r.Procedures, err = tx.ProceduresOf(id)
		return err
	})
	return r, err
}
