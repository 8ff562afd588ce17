package desk

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"relance/ledger"
	"relance/ledger/classroom"
	"relance/ledger/demo"
	"relance/ledger/law"
	"relance/ledger/negotiation"
	"relance/ledger/roleplay"
	"relance/ledger/store"
	"relance/letters/negotiationpdf"
	"relance/letters/pdfdoc"
)

// NegotiationModule is the course module a negotiation assesses (the quiz's module ID
// for « Négocier un accord »).
const NegotiationModule = "negotiate"

// PrepareNegotiation prefills the negotiation sheet of customer id at asOf from the
// ledger (negotiation.Build): the situation its call sheet shows, the interest and
// indemnity of its décompte (law engine), the scenario of its risk class, the court
// procedure open against it (law.CourtRoute), its guarantees' cover, its class's
// deposit and whether its deliveries are blocked. Nothing is stored.
func (s *Session) PrepareNegotiation(id string, asOf ledger.Date) (negotiation.Sheet, error) {
	if s.Book.Account(id) == nil {
		return negotiation.Sheet{}, &ledger.Problem{Key: "nego.err.customer", Args: []string{"value", id}}
	}
	ag, err := s.Agenda(asOf, false, nil)
	if err != nil {
		return negotiation.Sheet{}, err
	}
	cs, err := s.CallSheet(id, asOf, ag.Agenda, ag.Records)
	if err != nil {
		return negotiation.Sheet{}, err
	}
	in := negotiation.Input{Situation: roleplay.Build(cs.Account, asOf, cs.Records, cs.Disputes, cs.Profile, cs.Class),
		Scenario: ag.Scenarios.For(cs.Class), Route: law.CourtRoute(&cs.Account.Customer, s.Book.Settings.Country)}
	dec, err := s.Decompte(id, law.Terms{End: asOf})
	var p *ledger.Problem
	switch {
	case err == nil:
		in.Interest, in.Indemnity = dec.Totals.Interest, dec.Totals.Indemnity
	case errors.As(err, &p) && p.Key == "law.err.nothing_overdue":
	default:
		return negotiation.Sheet{}, err
	}
	v, err := s.ContractOf(id, asOf)
	if err != nil {
		return negotiation.Sheet{}, err
	}
	in.Cover = v.Cover
	pol, err := s.RiskPolicy()
	if err != nil {
		return negotiation.Sheet{}, err
	}
	if c := pol.Class(cs.Class); c != nil {
		in.Deposit = c.Deposit
	}
	for i := range s.Blocks {
		if b := &s.Blocks[i]; b.Customer == id && b.BlockedAt(asOf) {
			in.Blocked = true
		}
	}
	return negotiation.Build(in), nil
}

// SaveNegotiation stores sheet sh (its margins and counterparts as the negotiator
// edited them), prepared by by, in one transaction; its ID is written back.
func (s *Session) SaveNegotiation(sh *negotiation.Sheet, by string) error {
	if s.Book.Account(sh.Customer) == nil {
		return &ledger.Problem{Key: "nego.err.customer", Args: []string{"value", sh.Customer}}
	}
	c := *sh
	c.By = by
	if err := s.DB.Update(func(tx *store.Tx) error { return negotiation.Save(tx, &c) }); err != nil {
		return err
	}
	*sh = c
	return nil
}

// Negotiations returns the sheets of customer, oldest first.
func (s *Session) Negotiations(customer string) ([]negotiation.Sheet, error) {
	var out []negotiation.Sheet
	err := s.DB.View(func(tx *store.Tx) (err error) {
		out, err = negotiation.List(tx, customer)
		return err
	})
	return out, err
}

// RecordNegotiation records outcome o of sheet sh in one transaction: the sheet is
// stored with its outcome (given an ID if it had none) and, for an agreement, its
// instalments become the customer's payment plan (what `relance plan` records:
// AgreePlan), whose ID the outcome keeps; a disagreement names the next step, the
// sheet's first consequence from the outcome's date, and plans it in the agenda (its
// action's ID kept in the outcome). An outcome that does not validate,
// a plan refused or a sheet already closed writes nothing. It returns the sheet stored.
func (s *Session) RecordNegotiation(sh negotiation.Sheet, o negotiation.Outcome) (*negotiation.Sheet, error) {
	if s.Book.Account(sh.Customer) == nil {
		return nil, &ledger.Problem{Key: "nego.err.customer", Args: []string{"value", sh.Customer}}
	}
	if err := o.Validate(&sh); err != nil {
		return nil, err
	}
	if sh.By == "" {
		sh.By = o.By
	}
	err := s.DB.Update(func(tx *store.Tx) error {
		switch o.Result {
		case negotiation.Agreement:
			p := o.PaymentPlan(sh.Customer)
			if err := agreePlan(tx, &p); err != nil {
				return err
			}
			o.Plan = p.ID
		case negotiation.Disagreement:
			next := sh.NextStep(o.Date)
			o.Next, o.NextDate = next.Step, next.Date
			if sh.ID == "" { // the planned action names the sheet
				if err := negotiation.Save(tx, &sh); err != nil {
					return err
				}
			}
			act := next.Planned(&sh, &o)
			if err := tx.AddAction(&act); err != nil {
				return err
			}
			o.Planned = act.ID
		}
		sh.Outcome = &o
		return negotiation.Save(tx, &sh) // refused when the sheet is already closed
	})
	if err != nil {
		return nil, err
	}
	return &sh, nil
}

// NegotiationPDF writes the one-page sheet sh for the meeting to w, in lang.
func (s *Session) NegotiationPDF(w io.Writer, sh *negotiation.Sheet, lang string, f *pdfdoc.Factory) error {
	return negotiationpdf.Sheet(w, negotiationpdf.Print{Company: s.Book.Settings.Company, Currency: s.Book.Settings.Currency, Lang: lang}, sh, f)
}

// ScoreNegotiation scores the recorded sheet sh with the module's grid (announced: the
// trainee stated the consequences of a disagreement) and keeps it with trainee ref (an
// ID or a name) as a negotiation attempt whose Detail is the sheet and its grade, in
// one transaction (Session.RecordAttempt).
func (s *Session) ScoreNegotiation(ref string, sh *negotiation.Sheet, announced bool, by string) (*classroom.Attempt, negotiation.Grade, error) {
	if sh.Outcome == nil {
		return nil, negotiation.Grade{}, &ledger.Problem{Key: "nego.err.no_outcome", Args: []string{"value", sh.Customer}}
	}
	t, err := s.TraineeByName(ref)
	if err != nil {
		return nil, negotiation.Grade{}, err
	}
	g := sh.Outcome.Graded(sh, announced)
	detail, err := json.Marshal(struct {
		Sheet *negotiation.Sheet `json:"sheet"`
		Grade negotiation.Grade  `json:"grade"`
	}{sh, g})
	if err != nil {
		return nil, negotiation.Grade{}, fmt.Errorf("negotiation grade: %w", err)
	}
	at := &classroom.Attempt{Trainee: t.ID, Kind: classroom.Negotiation, Exercise: "negotiation/" + sh.Customer + "/" + sh.ID,
		Title: sh.Name, Module: NegotiationModule, Date: sh.Outcome.Date, Score: g.Score, OutOf: g.OutOf, Detail: detail, By: by}
	if err := s.RecordAttempt(at); err != nil {
		return nil, negotiation.Grade{}, err
	}
	return at, g, nil
}

// NegotiationCase returns the demo's case-study customer for « négocier un accord »
// (demo.NegotiationCase), its ID and name; "" when the dossier has none.
func (s *Session) NegotiationCase() (id, name string, err error) {
	err = s.DB.View(func(tx *store.Tx) (err error) {
		id, err = demo.NegotiationCase(tx)
		return err
	})
	if a := s.Book.Account(id); a != nil {
		name = a.Customer.Name
	}
	return id, name, err
}
