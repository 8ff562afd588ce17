package desk

import (
	"relance/ledger"
	"relance/ledger/risk"
	"relance/ledger/store"
)

// RiskPolicy returns the dossier's risk policy (classes, weights, signals).
func (s *Session) RiskPolicy() (risk.Policy, error) {
	var p risk.Policy
	err := s.DB.View(func(tx *store.Tx) error {
		var err error
		p, err = tx.RiskPolicy()
		return err
	})
	return p, err
}

// SaveRiskPolicy records p as the dossier's policy.
// A session holding part of the history reads its part again (Reload): the new policy
// may look further back into the payments.
func (s *Session) SaveRiskPolicy(p risk.Policy) error {
	if err := s.DB.Update(func(tx *store.Tx) error { return tx.PutRiskPolicy(p) }); err != nil {
		return err
	}
	if s.Partial {
		return s.Reload()
	}
	return nil
}

// ResetRiskPolicy puts back the shipped policy.
func (s *Session) ResetRiskPolicy() error { return s.SaveRiskPolicy(risk.DefaultPolicy()) }

// OverrideClass records a class set by hand for a customer, with its reason.
func (s *Session) OverrideClass(o risk.Override) error {
	return s.DB.Update(func(tx *store.Tx) error { return tx.AddOverride(o) })
}

// AcknowledgeSignal records that a person saw a customer's signal.
func (s *Session) AcknowledgeSignal(a risk.Ack) error {
	return s.DB.Update(func(tx *store.Tx) error { return tx.AddAck(a) })
}

// DecideProposal accepts or rejects a class change proposed by a recomputation.
func (s *Session) DecideProposal(id string, outcome risk.Outcome, by, comment string, date ledger.Date) (risk.Decision, error) {
	var d risk.Decision
	err := s.DB.Update(func(tx *store.Tx) error {
		var err error
		d, err = tx.DecideProposal(id, outcome, s.Who(by), comment, date)
		return err
	})
	return d, err
}
