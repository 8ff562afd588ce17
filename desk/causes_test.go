package desk_test

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"

	"relance/desk"

	"relance/ledger"
	"relance/ledger/cause"
	"relance/ledger/dunning"
)

// On the demo: a cause recorded on a late invoice from the card shows in the breakdown
// as recorded; a call's outcome with a cause records it on every late invoice of the
// customer in the same transaction as the action; clearing it leaves the invoice
// without a stated cause (or the one its dispute gives).
func TestLateCauses(t *testing.T) {
	s := openDemo(t)
	before, err := s.LateCauses(anchor)
	if err != nil {
		t.Fatal(err)
	}
	if before.Late.Count == 0 || before.Unstated.Count == 0 || before.External.Count == 0 {
		t.Fatalf("the demo's breakdown: late %+v unstated %+v external %+v", before.Late, before.Unstated, before.External)
	}
	var x cause.Late // an invoice without a cause
	for _, l := range before.Invoices {
		if l.Cause == "" {
			x = l
			break
		}
	}
	if err := s.RecordCause(x.Customer, []string{x.Item}, cause.InvoiceError, cause.FromCard, "", "test", anchor); err != nil {
		t.Fatal(err)
	}
	after, err := s.LateCauses(anchor)
	if err != nil {
		t.Fatal(err)
	}
	if after.Unstated.Count != before.Unstated.Count-1 || after.Internal.Amount != before.Internal.Amount+x.Open {
		t.Errorf("after recording: unstated %+v internal %+v (before %+v %+v)", after.Unstated, after.Internal, before.Unstated, before.Internal)
	}
	// A call with a cause: every late invoice of the customer gets it.
	acc := s.Book.Account(x.Customer)
	late := 0
	for i := range acc.Items {
		if acc.Items[i].OverdueAt(anchor) {
			late++
		}
	}
	en := dunning.Entry{Customer: x.Customer, Channel: dunning.ChanCall, Stage: "r1", Items: []string{x.Item}}
	eff, err := dunning.Record(en, acc, dunning.Outcome{Kind: dunning.OutcomeRefusal, Date: anchor, By: "test", Cause: cause.BadFaith})
	if err != nil {
		t.Fatal(err)
	}
	if len(eff.Causes) != late {
		t.Fatalf("%d causes for %d late invoices", len(eff.Causes), late)
	}
	if err := s.RecordOutcome(&eff); err != nil {
		t.Fatal(err)
	}
	got, err := s.CausesOf(x.Customer)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range got {
		if r.Cause != cause.BadFaith || r.Source != cause.FromCall {
			t.Errorf("after the call: %+v", r)
		}
	}
	if err := s.RecordCauses(x.Customer, map[cause.Cause][]string{"": {x.Item}}, "test", anchor); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.CausesOf(x.Customer); got[x.Item].Cause != "" {
		t.Errorf("cleared, still %+v", got[x.Item])
	}
	if err := s.RecordCause(x.Customer, []string{"nope"}, cause.Cash, cause.FromCLI, "", "test", anchor); !isProblem(err, "cause.err.item") {
		t.Errorf("unknown invoice: %v", err)
	}
}

func isProblem(err error, key string) bool {
	var p *ledger.Problem
	return errors.As(err, &p) && p.Key == key
}

// The management report carries the breakdown by cause and what collection earned
// over the 90 days before its date, as the window's tabs and the CLI compute them.
func TestManagementReport(t *testing.T) {
	s := openDemo(t)
	d, err := s.Dashboard(anchor, 24, 90)
	if err != nil {
		t.Fatal(err)
	}
	rate := decimal.RequireFromString("4.5")
	r, err := s.ManagementReport(d, &rate)
	if err != nil {
		t.Fatal(err)
	}
	causes, _ := s.LateCauses(anchor)
	earned, _ := s.Earned(anchor.AddDays(-desk.EarnedDays), anchor, &rate)
	if r.Causes == nil || r.Causes.Late != causes.Late || r.Earned == nil || r.Earned.Collected != earned.Collected || r.Earned.Value == nil {
		t.Errorf("report causes %+v earned %+v", r.Causes, r.Earned)
	}
}
