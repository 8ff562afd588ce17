package proof

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"relance/ledger"
)

var day = ledger.NewDate(2026, time.December, 4)

func present(ref string) Piece { return Piece{State: Present, Ref: ref} }

// The verdict of one invoice: the golden triangle complete; a piece recorded missing
// makes it incomplete whatever else is known; an order or delivery not recorded leaves
// it to record; the copy not recorded counts as held (it is in the ledger).
func TestJudge(t *testing.T) {
	for _, c := range []struct {
		name       string
		v          Invoice
		verdict    Verdict
		missing    []Kind
		unrecorded []Kind
	}{
		{"triangle", Invoice{Order: present("BC 1"), Delivery: present("BL 1"), Copy: present("")}, Complete, []Kind{}, []Kind{}},
		{"copy from the ledger", Invoice{Order: present("BC 1"), Delivery: present("BL 1")}, Complete, []Kind{}, []Kind{}},
		{"delivery missing", Invoice{Order: present("BC 1"), Delivery: Piece{State: Missing}}, Incomplete, []Kind{Delivery}, []Kind{}},
		{"nothing recorded", Invoice{}, Unrecorded, []Kind{}, []Kind{Order, Delivery}},
		{"missing and unknown", Invoice{Delivery: Piece{State: Missing}, Copy: Piece{State: Missing}}, Incomplete,
			[]Kind{Delivery, Copy}, []Kind{Order}},
	} {
		j := Judge(c.v)
		if j.Verdict != c.verdict || !slices.Equal(j.Missing, c.missing) || !slices.Equal(j.Unrecorded, c.unrecorded) {
			t.Errorf("%s: %+v, want %s missing %v unrecorded %v", c.name, j, c.verdict, c.missing, c.unrecorded)
		}
	}
}

// A record that does not validate is refused with the field and the value.
func TestValidate(t *testing.T) {
	ok := Invoice{Customer: "C1", Item: "I1", Order: present("BC 1"), Recorded: day}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		edit func(v *Invoice)
		key  string
	}{
		{"no customer", func(v *Invoice) { v.Customer = " " }, "proof.err.customer"},
		{"no item", func(v *Invoice) { v.Item = "" }, "proof.err.item"},
		{"bad state", func(v *Invoice) { v.Delivery.State = "lost" }, "proof.err.state"},
		{"long ref", func(v *Invoice) { v.Order.Ref = strings.Repeat("x", MaxRef+1) }, "proof.err.ref_long"},
		{"control", func(v *Invoice) { v.Order.Ref = "BC\x071" }, "proof.err.ref_control"},
		{"future", func(v *Invoice) { v.Order.Date = day.AddDays(1) }, "proof.err.date_future"},
		{"ref not recorded", func(v *Invoice) { v.Copy.Ref = "classeur 3" }, "proof.err.unknown_ref"},
	} {
		v := ok
		c.edit(&v)
		var p *ledger.Problem
		if err := v.Validate(); !errors.As(err, &p) || p.Key != c.key {
			t.Errorf("%s: %v, want %s", c.name, err, c.key)
		} else if msg := p.Localize("fr"); strings.Contains(msg, "{") {
			t.Errorf("%s: %q", c.name, msg)
		}
	}
}

// A worked example: four open invoices of a customer, one paid, a credit and one dated
// after the as-of date left out; one complete, one without delivery note, one without
// order nor delivery note, one not recorded.
func TestAssess(t *testing.T) {
	items := []ledger.Item{
		{ID: "a", Number: "F1", Amount: 100000, Open: 100000, DocDate: day.AddDays(-90)},
		{ID: "b", Number: "F2", Amount: 50000, Open: 20000, DocDate: day.AddDays(-60)},
		{ID: "c", Number: "F3", Amount: 30000, Open: 30000, DocDate: day.AddDays(-30)},
		{ID: "d", Number: "F4", Amount: 10000, Open: 10000, DocDate: day.AddDays(-10)},
		{ID: "paid", Number: "F0", Amount: 10000, Open: 0, DocDate: day.AddDays(-100)},
		{ID: "credit", Number: "AV1", Amount: -5000, Open: -5000, DocDate: day.AddDays(-5)},
		{ID: "later", Number: "F5", Amount: 7000, Open: 7000, DocDate: day.AddDays(1)},
	}
	proofs := Index([]Invoice{
		{Item: "a", Order: present("BC 1"), Delivery: present("BL 1")},
		{Item: "b", Order: present("BC 2"), Delivery: Piece{State: Missing}},
		{Item: "c", Order: Piece{State: Missing}, Delivery: Piece{State: Missing, Ref: "demandé le 3/11"}},
		{Item: "paid", Order: Piece{State: Missing}},
	})
	r := Assess("C1", items, proofs, day)
	if len(r.Lines) != 4 {
		t.Fatalf("%d lines, want 4: %+v", len(r.Lines), r.Lines)
	}
	if r.Complete != 1 || r.Incomplete != 2 || r.Unrecorded != 1 || r.NoOrder != 1 || r.NoDelivery != 2 || r.NoCopy != 0 {
		t.Errorf("counts %+v", r)
	}
	if r.IncompleteOpen != 50000 { // 200,00 + 300,00
		t.Errorf("incomplete open %d, want 50000", r.IncompleteOpen)
	}
	if l := r.Lines[3]; l.Number != "F4" || l.Verdict != Unrecorded || l.Proof.Item != "d" || l.Proof.Customer != "C1" {
		t.Errorf("line F4 %+v", l)
	}
}
