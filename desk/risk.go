package desk

import (
	"relance/ledger"
	"relance/ledger/credit"
	"relance/ledger/risk"
	"relance/ledger/store"
)

// RiskInput reads what assessing the risk at asOf needs (policy, disputes, promises,
// actions, procedures, records) with the open amounts rebuilt at asOf by
// credit.OpenAtMap: the one input of the classes on screen, in the command line and in
// the recorded proposals.
func (s *Session) RiskInput(asOf ledger.Date) (risk.Input, error) {
	in, err := s.DB.RiskInput(s.Book, asOf)
	if err != nil {
		return risk.Input{}, err
	}
	in.OpenAt = credit.OpenAtMap
	return in, nil
}

// Risk assesses every customer at asOf; explain adds each axis's reasons (slower).
func (s *Session) Risk(asOf ledger.Date, explain bool) (*risk.Result, risk.Input, error) {
	in, err := s.RiskInput(asOf)
	if err != nil {
		return nil, in, err
	}
	in.Explain = explain
	res, err := risk.Assess(in)
	return res, in, err
}

// Classes returns the risk class in force of each customer at asOf.
func (s *Session) Classes(asOf ledger.Date) (func(string) string, error) {
	res, _, err := s.Risk(asOf, false)
	if err != nil {
		return nil, err
	}
	return res.ClassOfID, nil
}

// RecomputeRisk assesses the book at asOf, records what risk.Recompute finds (initial
// classes, new proposals, superseded ones) in one transaction, and returns the
// assessment as it stands after recording.
func (s *Session) RecomputeRisk(asOf ledger.Date) (*risk.Result, error) {
	res, in, err := s.Risk(asOf, false)
	if err != nil {
		return nil, err
	}
	ch := risk.Recompute(res, in.Records)
	if ch.Empty() {
		return res, nil
	}
	if err := s.DB.Update(func(tx *store.Tx) error { _, err := tx.RecordChanges(ch); return err }); err != nil {
		return nil, err
	}
	res, _, err = s.Risk(asOf, false)
	return res, err
}
