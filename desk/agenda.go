package desk

import (
	"relance/ledger"
	"relance/ledger/credit"
	"relance/ledger/dunning"
)

// LegalSoonDays is how far ahead the agenda lists the insolvency procedures' deadlines.
const LegalSoonDays = 60

// Agenda is the day's reminder actions at a date with what they were drawn up from.
type Agenda struct {
	dunning.Agenda
	Records   dunning.Records
	Scenarios dunning.Scenarios
	// Legal are the limitation deadlines within three months or passed, the
	// insolvency deadlines within LegalSoonDays and the decisions' enforcement
	// deadlines within EnforcementSoonDays.
	Legal []dunning.LegalDeadline
}

// Agenda draws up the agenda at asOf with the risk classes at asOf (classOf nil) or the
// ones given; dry explains why the other customers have nothing due.
func (s *Session) Agenda(asOf ledger.Date, dry bool, classOf func(string) string) (*Agenda, error) {
	if classOf == nil {
		var err error
		if classOf, err = s.Classes(asOf); err != nil {
			return nil, err
		}
	}
	sc, rec, err := s.DB.LoadDunning()
	if err != nil {
		return nil, err
	}
	held, err := s.OverindebtHeld(asOf) // over-indebtedness files hold reminders (overindebt.go)
	if err != nil {
		return nil, err
	}
	ag := dunning.Run(dunning.Input{Book: s.Book, AsOf: asOf, Scenarios: sc, Records: rec, Class: classOf,
		Disputes: s.Index, DryRun: dry, Held: held})
	legal, err := s.withEnforcement(dunning.LegalDeadlines(s.Book, asOf, &rec, s.Procedures, LegalSoonDays, credit.OpenAtMap), asOf)
	if err != nil { // the decisions' enforcement deadlines (CPCE L111-4), judgments.go
		return nil, err
	}
	return &Agenda{Agenda: ag, Records: rec, Scenarios: sc, Legal: legal}, nil
}
