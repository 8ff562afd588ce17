package roleplay

import (
	"errors"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/dispute"
	"relance/ledger/dunning"
)

func d(y int, m time.Month, day int) ledger.Date { return ledger.NewDate(y, m, day) }

// account: three invoices at 4 Dec 2026 — F1 1 200,00 € due 1 Oct (64 days late),
// F2 800,00 € due 15 Nov (19 days late, disputed), F3 500,00 € not yet due.
func account() *ledger.Account {
	return &ledger.Account{
		Customer: ledger.Customer{ID: "C1", Name: "Dupont SARL", Contacts: []ledger.Contact{{Name: "M. Roux", Role: "Comptabilité", Phone: "01 02 03 04 05"}}},
		Items: []ledger.Item{
			{ID: "1", Customer: "C1", Number: "F1", Kind: ledger.Invoice, DocDate: d(2026, 9, 1), DueDate: d(2026, 10, 1), Amount: 120000, Open: 120000},
			{ID: "2", Customer: "C1", Number: "F2", Kind: ledger.Invoice, DocDate: d(2026, 10, 15), DueDate: d(2026, 11, 15), Amount: 80000, Open: 80000},
			{ID: "3", Customer: "C1", Number: "F3", Kind: ledger.Invoice, DocDate: d(2026, 11, 20), DueDate: d(2026, 12, 20), Amount: 50000, Open: 50000},
		},
	}
}

func TestRolePlayBuildAndCards(t *testing.T) {
	asOf := d(2026, 12, 4)
	ds := []dispute.Dispute{dispute.New("C1", []dispute.DisputedItem{{ItemID: "2", Amount: 80000}}, dispute.ReasonQuality, d(2026, 11, 20), "", "", 0, "")}
	rec := dunning.Records{Promises: []dunning.Promise{
		{Customer: "C1", Made: d(2026, 10, 10), Due: d(2026, 10, 20), Amount: 120000, Status: dunning.PromiseBroken, Closed: d(2026, 10, 30)},
	}}
	s := Build(account(), asOf, rec, ds, nil, "B")
	if s.Balance != 250000 || s.Overdue != 200000 || s.Undisputed != 120000 {
		t.Fatalf("balance %v overdue %v undisputed %v, want 2500, 2000, 1200", s.Balance, s.Overdue, s.Undisputed)
	}
	if s.Oldest != d(2026, 10, 1) || s.Invoices[0].DaysLate != 64 || !s.Invoices[1].Disputed || len(s.Broken) != 1 {
		t.Fatalf("situation %+v", s)
	}
	if s.Contact != "M. Roux (Comptabilité)" {
		t.Fatalf("contact %q", s.Contact)
	}
	c := Make(s, "")
	if c.Profile != Disputes || c.Why != "roleplay.why.disputes" {
		t.Fatalf("suggested %s (%s), want disputes", c.Profile, c.Why)
	}
	// The call asks the undisputed 1 200,00 € within 8 days; the floor is F1, the oldest.
	if c.Target != 120000 || c.Floor != 120000 || c.By != d(2026, 12, 12) {
		t.Fatalf("target %v floor %v by %v", c.Target, c.Floor, c.By)
	}
	// A broken promise adds its objection to the profile's three.
	if len(c.Objections) != 4 || c.Objections[3] != "roleplay.obj.broken" {
		t.Fatalf("objections %v", c.Objections)
	}
	if c2 := Make(s, Aggressive); c2.Profile != Aggressive || c2.Suggested != Disputes {
		t.Fatalf("chosen profile %s suggested %s", c2.Profile, c2.Suggested)
	}
}

func TestRolePlaySuggest(t *testing.T) {
	for _, tc := range []struct {
		s    Situation
		want Profile
	}{
		{Situation{}, Talkative},
		{Situation{Late12m: 75, LateKnown: true}, Aggressive},
		{Situation{Worsening: true, Late12m: 75, LateKnown: true}, Sincere},
		{Situation{Broken: make([]Promise, 2), Worsening: true}, Manipulative},
		{Situation{Disputes: make([]Dispute, 1), Broken: make([]Promise, 2)}, Disputes},
	} {
		if got, _ := Suggest(&tc.s); got != tc.want {
			t.Errorf("Suggest(%+v) = %s, want %s", tc.s, got, tc.want)
		}
	}
}

func TestRolePlayProfile(t *testing.T) {
	if p, err := ParseProfile("manipulative"); err != nil || !p.Difficult() {
		t.Fatalf("manipulative: %v %v", p, err)
	}
	_, err := ParseProfile("grumpy")
	var pb *ledger.Problem
	if !errors.As(err, &pb) || pb.Key != "roleplay.err.profile" || pb.Args[1] != "grumpy" {
		t.Fatalf("bad profile: %v", err)
	}
}

// Worked examples of the scale (out of 20 for a difficult profile, 19 otherwise).
func TestRolePlayGridScore(t *testing.T) {
	asOf := d(2026, 12, 4)
	full := Grid{Customer: "C1", Profile: Aggressive, Contact: true, Understand: true, Convince: true, Conclude: true,
		Open: true, Closed: true, Reformulated: true, Objection: true, Amount: 120000, Date: d(2026, 12, 12), Tone: 2, DESC: true}
	if s := full.Scored(); s.Points.String() != "20" || s.OutOf != 20 {
		t.Fatalf("full grid %v/%d, want 20/20", s.Points, s.OutOf)
	}
	// A talkative customer: no DESC line. Contact and understand reached (4), open
	// questions (1), reformulation (2), a date but no amount (1), acceptable tone (1) = 9/19.
	g := Grid{Customer: "C1", Profile: Talkative, Contact: true, Understand: true, Open: true, Leading: true,
		Reformulated: true, Date: d(2026, 12, 10), Tone: 1, DESC: true}
	if s := g.Scored(); s.Points.String() != "9" || s.OutOf != 19 || len(s.Lines) != 10 {
		t.Fatalf("partial grid %v/%d (%d lines), want 9/19", s.Points, s.OutOf, len(s.Lines))
	}
	if err := g.Validate(asOf); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		edit  func(*Grid)
		field string
	}{
		{func(g *Grid) { g.Tone = 3 }, "tone"},
		{func(g *Grid) { g.Amount = -1 }, "amount"},
		{func(g *Grid) { g.Date = d(2026, 12, 1) }, "date"},
		{func(g *Grid) { g.Customer = " " }, "customer"},
	} {
		bad := g
		tc.edit(&bad)
		var pb *ledger.Problem
		if err := bad.Validate(asOf); !errors.As(err, &pb) || pb.Args[1] != tc.field {
			t.Errorf("%s: %v", tc.field, err)
		}
	}
}
