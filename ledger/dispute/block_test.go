package dispute_test

import (
	"errors"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/dispute"
)

func TestBlockSteps(t *testing.T) {
	p := dispute.Proposal{Date: day(time.November, 1), By: "cr"}
	cases := []struct {
		name string
		run  func(b *dispute.Block) error
		key  string
	}{
		{"decide without proposal", func(b *dispute.Block) error {
			b.Proposed = dispute.Proposal{}
			return b.Decide(dispute.Decision{Date: day(time.November, 2), By: "dg", Blocked: true}, "")
		}, "dispute.block.err.noproposal"},
		{"lift without decision", func(b *dispute.Block) error {
			return b.LiftBlock(dispute.Lift{Date: day(time.November, 2), By: "cr"})
		}, "dispute.block.err.notblocked"},
		{"lift when decided not to block", func(b *dispute.Block) error {
			must(t, b.Decide(dispute.Decision{Date: day(time.November, 2), By: "dg"}, ""))
			return b.LiftBlock(dispute.Lift{Date: day(time.November, 3), By: "cr"})
		}, "dispute.block.err.notblocked"},
		{"lift twice", func(b *dispute.Block) error {
			must(t, b.Decide(dispute.Decision{Date: day(time.November, 2), By: "dg", Blocked: true}, ""))
			must(t, b.LiftBlock(dispute.Lift{Date: day(time.November, 3), By: "cr"}))
			return b.LiftBlock(dispute.Lift{Date: day(time.November, 4), By: "cr"})
		}, "dispute.block.err.notblocked"},
		{"decide twice", func(b *dispute.Block) error {
			must(t, b.Decide(dispute.Decision{Date: day(time.November, 2), By: "dg", Blocked: true}, ""))
			return b.Decide(dispute.Decision{Date: day(time.November, 3), By: "dg"}, "")
		}, "dispute.block.err.decided"},
		{"answer after decision", func(b *dispute.Block) error {
			must(t, b.Decide(dispute.Decision{Date: day(time.November, 2), By: "dg", Blocked: true}, ""))
			return b.Answer(dispute.SalesAnswer{Date: day(time.November, 3), By: "S1"})
		}, "dispute.block.err.answer"},
		{"decision before the answer", func(b *dispute.Block) error {
			must(t, b.Answer(dispute.SalesAnswer{Date: day(time.November, 5), By: "S1"}))
			return b.Decide(dispute.Decision{Date: day(time.November, 4), By: "dg"}, "")
		}, "dispute.block.err.date"},
		{"full flow", func(b *dispute.Block) error {
			must(t, b.Answer(dispute.SalesAnswer{Date: day(time.November, 2), By: "S1", Agree: true}))
			must(t, b.Decide(dispute.Decision{Date: day(time.November, 3), By: "dg", Blocked: true}, "payment of F001"))
			if !b.BlockedAt(day(time.November, 3)) || b.BlockedAt(day(time.November, 2)) || b.State() != dispute.BlockActive {
				t.Error("not blocked from the decision")
			}
			must(t, b.LiftBlock(dispute.Lift{Date: day(time.November, 10), By: "cr"}))
			if b.BlockedAt(day(time.November, 10)) || !b.BlockedAt(day(time.November, 9)) || b.State() != dispute.BlockLifted {
				t.Error("still blocked after lifting")
			}
			return b.Validate()
		}, ""},
	}
	for _, tc := range cases {
		b := &dispute.Block{ID: "B2026-0001", Customer: "ACME", Proposed: p}
		err := tc.run(b)
		if tc.key == "" && err != nil || tc.key != "" && !errors.Is(err, &ledger.Problem{Key: tc.key}) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.key)
		}
	}
}

func TestProposeBlocks(t *testing.T) {
	b := smallBook()
	idx := dispute.NewIndex(smallDisputes(t))
	// ACME: A is 83 days late, 1,000 € of which 400 € disputed → 600 € count; balance
	// 1,300 € over its 1,000 € limit. BETA: C 175 days late, 2,000 €.
	rule := dispute.BlockRule{MinDaysLate: 60, MinOverdue: 100000, CreditLimit: true}
	got := dispute.ProposeBlocks(b, asOf, rule, idx, nil)
	if len(got) != 2 || got[0].Customer != "ACME" || got[1].Customer != "BETA" {
		t.Fatalf("proposals %+v", got)
	}
	if r := got[0].Proposed.Reasons; len(r) != 1 || r[0].Key != "dispute.block.reason.limit" {
		t.Errorf("ACME reasons %+v (600 € after disputes is under 1,000 €)", r)
	}
	if r := got[1].Proposed.Reasons; len(r) != 1 || r[0].Key != "dispute.block.reason.overdue" || r[0].Args[1] != "2000.00" {
		t.Errorf("BETA reasons %+v", r)
	}
	for _, p := range got {
		if err := p.Validate(); err != nil || !p.Proposed.Automatic {
			t.Errorf("%s: %v", p.Customer, err)
		}
	}
	// A pending block keeps the rule from proposing the customer again.
	again := dispute.ProposeBlocks(b, asOf, rule, idx, got[:1])
	if len(again) != 1 || again[0].Customer != "BETA" {
		t.Errorf("with ACME pending: %+v", again)
	}
	blocked := got[1]
	must(t, blocked.Decide(dispute.Decision{Date: asOf, By: "dg", Blocked: true}, ""))
	if l := dispute.BlockedAt([]dispute.Block{got[0], blocked}, asOf); len(l) != 1 || l[0].Customer != "BETA" {
		t.Errorf("logistics list %+v", l)
	}
}

func TestDigest(t *testing.T) {
	b := smallBook()
	idx := dispute.NewIndex(smallDisputes(t))
	blocks := []dispute.Block{{ID: "B1", Customer: "ACME", Proposed: dispute.Proposal{Date: asOf, By: "rule"}}}
	sp, err := dispute.FindSalesperson(b, "sophie")
	if err != nil || sp.ID != "S1" {
		t.Fatalf("find: %v %v", sp, err)
	}
	if _, err := dispute.FindSalesperson(b, "nobody"); err == nil {
		t.Error("unknown salesperson found")
	}
	if _, err := dispute.FindSalesperson(b, "ar"); !errors.Is(err, &ledger.Problem{Key: "dispute.err.salesperson_ambiguous"}) {
		t.Errorf("ambiguous: %v", err)
	}
	d := dispute.Digest(b, idx, blocks, sp, asOf)
	if len(d.Disputes) != 1 || len(d.Customers) != 1 || len(d.Blocks) != 1 {
		t.Fatalf("digest %+v", d)
	}
	c := d.Customers[0]
	if c.ID != "ACME" || c.Overdue != 100000 || c.Disputed != 40000 || c.DaysLate != 83 {
		t.Errorf("customer %+v", c)
	}
	if d2 := dispute.Digest(b, idx, blocks, b.Salespeople[1], asOf); len(d2.Disputes) != 0 || len(d2.Blocks) != 0 || len(d2.Customers) != 1 {
		t.Errorf("S2 digest %+v", d2)
	}
}
