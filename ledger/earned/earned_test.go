package earned

import (
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"relance/ledger"
	"relance/ledger/dunning"
)

func day(m time.Month, d int) ledger.Date { return ledger.NewDate(2026, m, d) }

func pay(id string, on ledger.Date, amount ledger.Cents) ledger.Item {
	return ledger.Item{ID: "BQ:" + id, Number: id, Kind: ledger.Payment, DocDate: on, Amount: -amount}
}

// Each payment of the period goes to the latest action on its customer in the 30 days
// before it; the DSO gained is worth days × daily sales × rate.
func TestCompute(t *testing.T) {
	from, to := day(9, 30), day(12, 29) // 90 days
	accounts := []*ledger.Account{
		{Customer: ledger.Customer{ID: "C1"}, Items: []ledger.Item{
			{ID: "VE:F1", Kind: ledger.Invoice, DocDate: day(10, 1), Amount: 900000},
			pay("P1", day(10, 20), 100000), // 10 days after the letter of 10/10
			pay("P2", day(11, 25), 50000),  // 5 days after the call of 20/11 (the letter is older)
			pay("P3", day(9, 15), 70000),   // before the period
		}},
		{Customer: ledger.Customer{ID: "C2"}, Items: []ledger.Item{
			{ID: "VE:A1", Kind: ledger.CreditNote, DocDate: day(11, 1), Amount: -90000},
			pay("P4", day(12, 1), 30000),  // 31 days after the notice of 31/10: no action
			pay("P5", day(12, 10), 20000), // the day of the promise
		}},
	}
	actions := []dunning.Action{
		{Customer: "C1", Kind: dunning.ActionKind(dunning.ChanLetter), Date: day(10, 10)},
		{Customer: "C1", Kind: dunning.ActionKind(dunning.ChanCall), Date: day(11, 20)},
		{Customer: "C1", Kind: dunning.ActionKind(dunning.ChanCall), Date: day(11, 22), Status: dunning.ActionPlanned},
		{Customer: "C2", Kind: dunning.ActionKind(dunning.ChanNotice), Date: day(10, 31)},
		{Customer: "C2", Kind: dunning.KindPromise, Date: day(12, 10)},
		{Customer: "C2", Kind: dunning.KindNote, Date: day(12, 9)},
	}
	dsoFrom, dsoTo, rate := decimal.NewFromInt(62), decimal.RequireFromString("54.5"), decimal.RequireFromString("4.5")
	r := Compute(Input{Accounts: slices.Values(accounts), Actions: actions, From: from, To: to, DSOFrom: &dsoFrom, DSOTo: &dsoTo, Rate: &rate})
	want := map[Lever]struct {
		actions, payments int
		collected         ledger.Cents
		delay, share      string
	}{
		Letter: {1, 1, 100000, "10", "50"},
		Call:   {1, 1, 50000, "5", "25"},
		Notice: {1, 0, 0, "0", "0"},
		Plan:   {1, 1, 20000, "0", "10"},
		Legal:  {0, 0, 0, "0", "0"},
		None:   {0, 1, 30000, "0", "15"},
	}
	if len(r.Rows) != len(Levers()) || r.Collected != 200000 {
		t.Fatalf("%d rows, collected %s", len(r.Rows), r.Collected)
	}
	for _, row := range r.Rows {
		w := want[row.Lever]
		if row.Actions != w.actions || row.Payments != w.payments || row.Collected != w.collected || row.Delay.String() != w.delay || row.Share.String() != w.share {
			t.Errorf("%s: %+v, want %+v", row.Lever, row, w)
		}
	}
	// Sales 9,000.00 − 900.00 over 90 days: 90.00 a day; 7.5 days gained at 4.5 %: 30.38.
	if r.DailySales != 9000 || r.Gained == nil || r.Gained.String() != "7.5" || r.Value == nil || *r.Value != 3038 {
		t.Errorf("daily sales %s, gained %v, value %v", r.DailySales, r.Gained, r.Value)
	}
	// Without a rate, no value; without a DSO, nothing gained.
	if r := Compute(Input{Accounts: slices.Values(accounts), Actions: actions, From: from, To: to, DSOFrom: &dsoFrom, DSOTo: &dsoTo}); r.Value != nil || r.Gained == nil {
		t.Errorf("no rate: value %v, gained %v", r.Value, r.Gained)
	}
	if r := Compute(Input{Accounts: slices.Values(accounts), Actions: actions, From: from, To: to, Rate: &rate}); r.Value != nil || r.Gained != nil {
		t.Errorf("no DSO: value %v, gained %v", r.Value, r.Gained)
	}
}

// A rate is read as a person types it, and a bad one is refused naming it.
func TestParseRate(t *testing.T) {
	for in, want := range map[string]string{"4,5": "4.5", " 4.5 % ": "4.5", "0": "0", "100": "100", "": ""} {
		r, err := ParseRate(in)
		got := ""
		if r != nil {
			got = r.String()
		}
		if err != nil || got != want {
			t.Errorf("ParseRate(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"cent", "-1", "100,5", "4,5,6"} {
		if _, err := ParseRate(in); err == nil {
			t.Errorf("ParseRate(%q) accepted", in)
		}
	}
}
