package desk

import (
	"relance/ledger/dunning"
	"relance/ledger/store"
)

// RecordOutcome records what an action done gives (eff, from dunning.Record: the
// action, and the promise, payment plan or dispute it creates, the planned actions it
// closes or adds) in one transaction; the IDs given are written back into eff. Any
// refusal (an unknown customer or item, a promise or plan that does not validate…)
// leaves nothing written.
func (s *Session) RecordOutcome(eff *dunning.Effects) error {
	return s.DB.Update(func(tx *store.Tx) error { return tx.ApplyOutcome(eff) })
}

// Reschedule records the actions that move an agenda entry to another date or
// assignee (acts, from dunning.Reschedule) in one transaction; their IDs are written
// back into acts. Any refusal leaves nothing written.
func (s *Session) Reschedule(acts []dunning.Action) error {
	return s.DB.Update(func(tx *store.Tx) error { return tx.AddActions(acts) })
}

// RecordPromiseStatuses records, in one transaction, the statuses an agenda found
// stale at its date (ag.Promises and ag.Plans: promises kept or broken, plans completed
// or defaulted); an agenda with none writes nothing. The agenda may have been drawn up
// on another session of the same dossier (a read-only one).
func (s *Session) RecordPromiseStatuses(ag dunning.Agenda) error {
	if len(ag.Promises)+len(ag.Plans) == 0 {
		return nil
	}
	return s.DB.Update(func(tx *store.Tx) error {
		for i := range ag.Promises {
			if err := tx.PutPromise(&ag.Promises[i]); err != nil {
				return err
			}
		}
		for i := range ag.Plans {
			if err := tx.PutPlan(&ag.Plans[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

// AgreePlan records payment plan p agreed with a customer (its ID is written back into
// p) with, in the same transaction, the action of agreeing it and the plan letter to
// send, planned at p.Agreed. An unknown customer or a plan that does not validate is
// refused, nothing written.
func (s *Session) AgreePlan(p *dunning.Plan) error {
	c := *p
	err := s.DB.Update(func(tx *store.Tx) error { return agreePlan(tx, &c) })
	if err != nil {
		return err
	}
	*p = c
	return nil
}

// agreePlan is AgreePlan inside transaction tx (the negotiation's agreement calls it
// with its sheet, in one transaction).
func agreePlan(tx *store.Tx, c *dunning.Plan) error {
	if err := tx.PutPlan(c); err != nil {
		return err
	}
	return tx.AddActions([]dunning.Action{
		{Customer: c.Customer, Kind: dunning.KindPlan, Date: c.Agreed, By: c.By, Record: c.ID, Amount: c.Total},
		{Customer: c.Customer, Kind: dunning.ActionKind(dunning.ChanLetter), Stage: "plan", Date: c.Agreed, By: c.By,
			Status: dunning.ActionPlanned},
	})
}

// SaveScenario records the reminder scenario of sc.Class, replacing the one before, in
// one transaction. It is refused, nothing written, for a class that is neither a
// shipped one nor one of the risk policy's, a scenario that does not validate
// (dunning.Scenario.Validate) or a letter stage that does not go with its step's
// channel (dunning.Scenario.CheckStages).
func (s *Session) SaveScenario(sc dunning.Scenario) error {
	return s.DB.Update(func(tx *store.Tx) error {
		if err := checkScenario(tx, sc); err != nil {
			return err
		}
		return tx.PutScenario(sc)
	})
}

// ResetScenario removes the dossier's scenario of class: the shipped one applies again.
// A class unknown to the dossier is refused.
func (s *Session) ResetScenario(class string) error {
	return s.DB.Update(func(tx *store.Tx) error {
		if err := checkClass(tx, class); err != nil {
			return err
		}
		return tx.ResetScenario(class)
	})
}
