package negotiation

import (
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/dunning"
	"relance/ledger/law"
	"relance/ledger/roleplay"
)

// A worked example: 10 000 € overdue, 2 000 € of it disputed, a promise broken, class
// C, interest 150 €, indemnity 40 €, oldest due date 60 days before 4 Dec 2026.
func example() Input {
	asOf := ledger.NewDate(2026, 12, 4)
	return Input{
		Situation: roleplay.Situation{Customer: "C1", Name: "Tristan SARL", Class: "C", AsOf: asOf,
			Overdue: 1000000, Undisputed: 800000, Oldest: asOf.AddDays(-60),
			Broken: []roleplay.Promise{{Made: asOf.AddDays(-30), Due: asOf.AddDays(-16), Amount: 400000}}},
		Interest: 15000, Indemnity: 4000, Scenario: dunning.DefaultScenarios()["C"], Route: law.RouteInjonction, Deposit: 30}
}

func TestNegotiationBuild(t *testing.T) {
	s := Build(example())
	if s.Principal != 800000 || s.Disputed != 200000 || s.Total() != 819000 {
		t.Fatalf("objective: %+v", s)
	}
	if s.Opening.Amount != 819000 || s.Opening.Instalments != 1 || s.Opening.FirstDate != s.AsOf.AddDays(8) {
		t.Errorf("opening: %+v", s.Opening)
	}
	// class C: 3 monthly payments; a broken promise: a third at signature
	if s.Floor.Instalments != 3 || s.Floor.First != 266666 || s.Floor.Last != ledger.NewDate(2027, 2, 12) {
		t.Errorf("floor: %+v", s.Floor)
	}
	if s.Floor.WaiveInterest || s.Waived() != 0 {
		t.Errorf("class C keeps its penalties: %+v", s.Floor)
	}
	if s.Trades[0].Concession != Instalments || len(s.Trades[0].Counterpart) != 4 {
		t.Errorf("instalments for acknowledgement, direct debit, acceleration, guarantee: %+v", s.Trades[0])
	}
	// scenario C: block at +20, notice at +30 (both passed: the day after), legal at
	// +45 (passed) → the notice + 8 days.
	want := []Consequence{{Step: Block, Date: s.AsOf.AddDays(1)}, {Step: Notice, Date: s.AsOf.AddDays(1)},
		{Step: Legal, Date: s.AsOf.AddDays(9), Route: law.RouteInjonction}}
	if len(s.Then) != 3 {
		t.Fatalf("consequences: %+v", s.Then)
	}
	for i := range want {
		if s.Then[i] != want[i] {
			t.Errorf("consequence %d: %+v, want %+v", i, s.Then[i], want[i])
		}
	}
	if s.DepositShare() != 30 {
		t.Errorf("deposit %d", s.DepositShare())
	}
}

func TestNegotiationOutcome(t *testing.T) {
	s := Build(example())
	d := s.AsOf
	o := Outcome{Result: Agreement, Date: d, Obtained: []Counterpart{Acknowledgement, Acceleration},
		Instalments: []dunning.Instalment{{Due: d.AddDays(8), Amount: 300000}, {Due: d.AddDays(38), Amount: 250000}, {Due: d.AddDays(68), Amount: 250000}}}
	if err := o.Validate(&s); err != nil {
		t.Fatal(err)
	}
	p := o.PaymentPlan("C1")
	if p.Total != 800000 || !p.Acknowledgement || !p.Acceleration || p.Validate() != nil {
		t.Errorf("plan %+v", p)
	}
	g := o.Graded(&s, true)
	if g.Score.String() != "20" {
		t.Errorf("grade %+v", g)
	}
	o.Instalments[1].Due = d // before the first
	if err := o.Validate(&s); err == nil {
		t.Error("instalments out of order accepted")
	}
	no := Outcome{Result: Disagreement, Date: d}
	if err := no.Validate(&s); err != nil {
		t.Fatal(err)
	}
	if n := s.NextStep(d); n.Step != Block {
		t.Errorf("next %+v", n)
	}
	if _, err := ParseResult("maybe"); err == nil {
		t.Error("bad outcome accepted")
	}
}

// A floor of 1 000 € in 3 payments with a third at first: 333,33 € then 333,33 € and
// 333,34 € a month apart; one payment is the whole amount.
func TestMarginsSchedule(t *testing.T) {
	d := ledger.NewDate(2026, time.December, 13)
	got := Margins{Amount: 100000, Instalments: 3, First: 33333, FirstDate: d}.Schedule()
	if len(got) != 3 || got[0].Amount != 33333 || got[1].Amount != 33333 || got[2].Amount != 33334 ||
		got[1].Due != d.AddMonths(1) || got[2].Due != d.AddMonths(2) {
		t.Errorf("schedule %+v", got)
	}
	if one := (Margins{Amount: 100000, Instalments: 1, First: 100000, FirstDate: d}).Schedule(); len(one) != 1 || one[0].Amount != 100000 {
		t.Errorf("one payment %+v", one)
	}
}
