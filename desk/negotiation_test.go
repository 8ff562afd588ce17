package desk_test

import (
	"bytes"
	"slices"
	"testing"

	"relance/ledger/classroom"
	"relance/ledger/dunning"
	"relance/ledger/negotiation"
)

// The demo's case study: prepared from the ledger (a broken promise, a disputed part,
// penalties), an agreement recorded becomes the payment plan in the same transaction,
// scored for a trainee; a second outcome on the closed sheet is refused.
func TestNegotiationDesk(t *testing.T) {
	s := openDemo(t)
	id, name, err := s.NegotiationCase()
	if err != nil || id == "" || name == "" {
		t.Fatalf("case study: %q %q %v", id, name, err)
	}
	sh, err := s.PrepareNegotiation(id, anchor)
	if err != nil {
		t.Fatal(err)
	}
	if sh.Principal <= 0 || sh.Disputed <= 0 || len(sh.Broken) < 1 || sh.Interest <= 0 || len(sh.Then) < 2 {
		t.Fatalf("sheet %+v", sh)
	}
	if _, err := s.PrepareNegotiation("NOPE", anchor); !isProblem(err, "nego.err.customer") {
		t.Errorf("unknown customer: %v", err)
	}
	var pdf bytes.Buffer
	if err := s.NegotiationPDF(&pdf, &sh, "fr", nil); err != nil || pdf.Len() < 1000 {
		t.Fatalf("PDF: %d bytes, %v", pdf.Len(), err)
	}
	half := sh.Principal / 2
	o := negotiation.Outcome{Result: negotiation.Agreement, Date: anchor, By: "Claire",
		Obtained:    []negotiation.Counterpart{negotiation.Acknowledgement, negotiation.Acceleration},
		Instalments: []dunning.Instalment{{Due: anchor.AddDays(8), Amount: half}, {Due: anchor.AddDays(38), Amount: sh.Principal - half}}}
	bad := o
	bad.Instalments = []dunning.Instalment{{Due: anchor.AddDays(-1), Amount: 100}}
	if _, err := s.RecordNegotiation(sh, bad); !isProblem(err, "nego.err.instalment_date") {
		t.Errorf("bad instalment: %v", err)
	}
	got, err := s.RecordNegotiation(sh, o)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID == "" || got.Outcome.Plan == "" {
		t.Fatalf("recorded %+v", got.Outcome)
	}
	_, rec, err := s.DB.LoadDunning()
	if err != nil {
		t.Fatal(err)
	}
	var plan *dunning.Plan
	for i := range rec.Plans {
		if rec.Plans[i].ID == got.Outcome.Plan {
			plan = &rec.Plans[i]
		}
	}
	if plan == nil || plan.Total != sh.Principal || !plan.Acknowledgement || !plan.Acceleration {
		t.Fatalf("plan %+v", plan)
	}
	if _, err := s.RecordNegotiation(*got, negotiation.Outcome{Result: negotiation.Disagreement, Date: anchor}); !isProblem(err, "nego.err.closed") {
		t.Errorf("closed sheet: %v", err)
	}
	list, err := s.Negotiations(id)
	if err != nil || len(list) != 1 || list[0].Outcome == nil {
		t.Fatalf("list %+v %v", list, err)
	}
	if err := s.SaveTrainee(&classroom.Trainee{Name: "Léa Martin", Added: anchor}); err != nil {
		t.Fatal(err)
	}
	at, g, err := s.ScoreNegotiation("Léa Martin", got, true, "trainer")
	if err != nil || at.Kind != classroom.Negotiation || g.OutOf != 20 || len(g.Points) != 4 {
		t.Fatalf("score %+v %+v %v", at, g, err)
	}
}

// A disagreement plans the sheet's next step in the agenda, in the same transaction:
// the agenda of that day brings it up for the customer, carrying out the planned action.
func TestNegotiationDisagreementPlansNextStep(t *testing.T) {
	s := openDemo(t)
	before, err := s.Agenda(anchor, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	id := "" // a customer called today (the case study's is already in litigation)
	for _, e := range before.Entries {
		if e.Channel == dunning.ChanCall && e.Amount > 0 && id == "" {
			id = e.Customer
		}
	}
	sh, err := s.PrepareNegotiation(id, anchor)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.RecordNegotiation(sh, negotiation.Outcome{Result: negotiation.Disagreement, Date: anchor, By: "Claire", Note: "refuse tout échéancier"})
	if err != nil {
		t.Fatal(err)
	}
	o := got.Outcome
	if o.Planned == "" || o.Next == "" || o.NextDate < anchor {
		t.Fatalf("outcome %+v: no step planned", o)
	}
	_, rec, err := s.DB.LoadDunning()
	if err != nil {
		t.Fatal(err)
	}
	var act *dunning.Action
	for i := range rec.Actions {
		if rec.Actions[i].ID == o.Planned {
			act = &rec.Actions[i]
		}
	}
	if act == nil || act.Status != dunning.ActionPlanned || act.Customer != id || act.Date != o.NextDate || string(act.Kind) != string(o.Next) {
		t.Fatalf("planned action %+v for outcome %+v", act, o)
	}
	ag, err := s.Agenda(o.NextDate, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range ag.Entries {
		found = found || e.Customer == id && slices.Contains(e.Refs, o.Planned) && len(e.Items) > 0 && e.Amount > 0
	}
	if !found {
		t.Errorf("the agenda of %s does not bring up %s's planned %s (%s)", o.NextDate, id, o.Next, o.Planned)
	}
}
