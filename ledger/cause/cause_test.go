package cause

import (
	"errors"
	"slices"
	"testing"
	"time"

	"relance/ledger"
)

func TestParseAndSides(t *testing.T) {
	for _, c := range All() {
		got, err := Parse(" " + string(c) + " ")
		if err != nil || got != c {
			t.Errorf("Parse(%q) = %q, %v", c, got, err)
		}
	}
	internal := 0
	for _, c := range All() {
		if c.Internal() {
			internal++
		}
	}
	if internal != 5 || Cash.Internal() || !LateInvoicing.Internal() {
		t.Errorf("%d internal causes; cash internal %v", internal, Cash.Internal())
	}
	_, err := Parse("météo")
	var p *ledger.Problem
	if !errors.As(err, &p) || p.Key != "cause.err.cause" || p.Args[1] != "météo" {
		t.Errorf("Parse(météo): %v", err)
	}
}

// Three late invoices, one not yet due, one paid: the recorded cause wins over the
// dispute's, a dispute's reason gives its cause, an insolvent customer's invoice takes
// « procédure collective », and the rest is not stated; the shares are of the late amount.
func TestCompute(t *testing.T) {
	asOf := ledger.NewDate(2026, time.December, 4)
	due := asOf.AddDays(-30)
	inv := func(id string, open ledger.Cents, due ledger.Date) ledger.Item {
		return ledger.Item{ID: id, Number: "F" + id, Kind: ledger.Invoice, DocDate: due.AddDays(-30), DueDate: due, Amount: open, Open: open}
	}
	a := &ledger.Account{Customer: ledger.Customer{ID: "C1", Name: "Un"}, Items: []ledger.Item{
		inv("1", 100000, due), inv("2", 50000, due), inv("3", 25000, due), inv("4", 99900, asOf.AddDays(5)), inv("5", 0, due)}}
	b := &ledger.Account{Customer: ledger.Customer{ID: "C2", Name: "Deux"}, Items: []ledger.Item{inv("9", 25000, due)}}
	in := Inputs{
		Records: map[Key]Record{
			{"C1", "1"}: {Customer: "C1", Item: "1", Cause: Cash, Date: asOf.AddDays(-2)},
			{"C1", "2"}: {Customer: "C1", Item: "2", Cause: Forgotten, Date: asOf.AddDays(1)}, // recorded after the date
		},
		Disputed: func(c, it string) string {
			if c == "C1" && (it == "1" || it == "2") {
				return "delivery"
			}
			return ""
		},
		Insolvent: func(c string) bool { return c == "C2" },
	}
	r := Compute(slices.Values([]*ledger.Account{a, b}), asOf, in)
	if r.Late.Count != 4 || r.Late.Amount != 200000 {
		t.Fatalf("late %+v", r.Late)
	}
	got := map[string]string{}
	for _, l := range r.Invoices {
		got[l.Item] = string(l.Cause) + "/" + l.How
	}
	want := map[string]string{"1": "cash/recorded", "2": "delivery/derived", "3": "/", "9": "insolvency/derived"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("invoice %s: %s, want %s", k, got[k], v)
		}
	}
	if r.Internal != (Total{1, 50000}) || r.External != (Total{2, 125000}) || r.Unstated != (Total{1, 25000}) {
		t.Errorf("internal %+v external %+v unstated %+v", r.Internal, r.External, r.Unstated)
	}
	if r.Share(r.External) != 63 || r.Share(r.Unstated) != 13 { // 62.5 rounds up, 12.5 too
		t.Errorf("shares %d %d", r.Share(r.External), r.Share(r.Unstated))
	}
	for _, ln := range r.Lines {
		if ln.Cause == Cash && (ln.Count != 1 || ln.Recorded != 1) || ln.Cause == Delivery && (ln.Count != 1 || ln.Recorded != 0) {
			t.Errorf("line %+v", ln)
		}
	}
	if (&r.Invoices[1]).Text("fr") != "Problème de livraison (d’après le litige ou la procédure)" || (&r.Invoices[2]).Text("en") != "Cause not stated" {
		t.Errorf("texts %q %q", (&r.Invoices[1]).Text("fr"), (&r.Invoices[2]).Text("en"))
	}
}
