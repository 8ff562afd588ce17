package desk

import (
	"relance/ledger"
	"relance/ledger/dunning"
	"relance/ledger/hygiene"
	"relance/ledger/store"
)

// HygieneReach is what the account-hygiene checks read of a large dossier: the open
// items, and the payments since the oldest promise (whose state they check).
func HygieneReach() Reach { return Reach{Risk: true} }

// Hygiene runs the checks of an up-to-date customer ledger at asOf (hygiene.Run): the
// window's « Tenue du compte » tab and `relance hygiene` call it. smallRest is the largest
// rest of an invoice counted as a small rest (0: hygiene.DefaultSmallRest).
func (s *Session) Hygiene(asOf ledger.Date, smallRest ledger.Cents) (*hygiene.Report, error) {
	var promises []dunning.Promise
	if err := s.DB.View(func(tx *store.Tx) error {
		var err error
		promises, err = tx.Promises("")
		return err
	}); err != nil {
		return nil, err
	}
	inProcedure := map[string]bool{}
	for _, p := range s.Procedures {
		inProcedure[p.Customer] = true
	}
	return hygiene.Run(hygiene.Input{Book: s.Book, Disputes: s.Disputes, Promises: promises, AsOf: asOf, SmallRest: smallRest,
		InProcedure: func(id string) bool { return inProcedure[id] }}), nil
}
