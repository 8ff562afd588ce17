package credit

import (
	"testing"
	"time"

	"relance/ledger"
)

var march31 = ledger.NewDate(2026, time.March, 31)

func day(y int, m time.Month, d int) ledger.Date { return ledger.NewDate(y, m, d) }

func inv(id string, doc, due ledger.Date, amt, open ledger.Cents) ledger.Item {
	return ledger.Item{ID: id, Number: id, Kind: ledger.Invoice, DocDate: doc, DueDate: due, Amount: amt, Open: open}
}

// handBook is a small dossier whose KPIs at 31 March 2026 are worked out by hand below.
//
//	A (business, S1): A1 3 000 due 9 Feb (50 days late), A2 2 000 due 14 Apr, unapplied payment −500.
//	B (consumer, S2): B1 1 000 due 20 Dec 2025 (101 days late); B2 4 000 due 3 Mar paid 10 Mar;
//	                  B4 1 000 cancelled by credit note B3 on 15 Feb.
//	C (doubtful 416): C1 700 due 1 Jul 2025.
//
// Sales (invoices − credit notes by document date): Jun 2025 700, Nov 2025 1 000,
// Jan 2026 3 000, Feb 2026 4 000 + 1 000 − 1 000 = 4 000, Mar 2026 2 000.
func handBook() *ledger.Book {
	a := &ledger.Account{Customer: ledger.Customer{ID: "A", Name: "Alpha", Salesperson: "S1"}, Items: []ledger.Item{
		inv("A1", day(2026, 1, 10), day(2026, 2, 9), eur(3000), eur(3000)),
		inv("A2", day(2026, 3, 15), day(2026, 4, 14), eur(2000), eur(2000)),
		{ID: "P", Kind: ledger.Payment, Label: "VIR SEPA ALPHA", DocDate: day(2026, 3, 20), DueDate: day(2026, 3, 20), Amount: -eur(500), Open: -eur(500)},
	}}
	b := &ledger.Account{Customer: ledger.Customer{ID: "B", Name: "Bêta", Kind: ledger.Consumer, Salesperson: "S2"}, Items: []ledger.Item{
		inv("B1", day(2025, 11, 20), day(2025, 12, 20), eur(1000), eur(1000)),
		{ID: "B2", Number: "B2", Kind: ledger.Invoice, DocDate: day(2026, 2, 1), DueDate: day(2026, 3, 3), Amount: eur(4000), Match: "AA", Settled: day(2026, 3, 10)},
		{ID: "B4", Number: "B4", Kind: ledger.Invoice, DocDate: day(2026, 2, 10), DueDate: day(2026, 3, 12), Amount: eur(1000), Match: "AB", Settled: day(2026, 2, 15)},
		{ID: "B3", Number: "B3", Kind: ledger.CreditNote, DocDate: day(2026, 2, 15), DueDate: day(2026, 2, 15), Amount: -eur(1000), Match: "AB", Settled: day(2026, 2, 15)},
		{ID: "BP", Kind: ledger.Payment, DocDate: day(2026, 3, 10), DueDate: day(2026, 3, 10), Amount: -eur(4000), Match: "AA", Settled: day(2026, 3, 10)},
	}}
	c := &ledger.Account{Customer: ledger.Customer{ID: "C", Name: "Gamma", Doubtful: true}, Items: []ledger.Item{
		inv("C1", day(2025, 6, 1), day(2025, 7, 1), eur(700), eur(700)),
	}}
	for _, x := range []*ledger.Account{a, b, c} {
		ledger.SortItems(x.Items)
	}
	return ledger.NewBook(ledger.DefaultSettings(), []ledger.Salesperson{{ID: "S1", Name: "Sophie"}, {ID: "S2", Name: "Samir"}},
		[]*ledger.Account{a, b, c})
}

func TestKPIsByHand(t *testing.T) {
	book := handBook()
	disputeA1 := func(it *ledger.Item, _ ledger.Date, open ledger.Cents) ledger.Cents {
		if it.ID == "A1" {
			return open
		}
		return 0
	}
	cases := []struct {
		name string
		opt  KPIOptions
		want map[string]string
	}{
		{"defaults", KPIOptions{}, map[string]string{
			// receivables 4 500 (A) + 1 000 (B) = 5 500; doubtful C 700 apart
			KeyReceivables: "5500", KeyDoubtful: "700",
			// sales of (31 Dec, 31 Mar] = 3 000 + 4 000 + 2 000 = 9 000: 5 500 / 9 000 × 90
			KeyDSOAccounting: "55",
			// 5 500 − Mar 2 000 (31 days) = 3 500 < Feb 4 000: 31 + 3 500 / 4 000 × 28 = 55.5
			KeyDSOCountBack: "55.5",
			// current = 5 500 − overdue 4 000 = 1 500: 1 500 / 9 000 × 90 = 15; ADD = 55 − 15
			KeyBPDSO: "15", KeyADD: "40",
			KeyOverdue: "4000", KeyOverdueRate: "72.73", // 4 000 / 5 500
			KeyOver90: "1000", KeyOver90Share: "18.18", // B1, 101 days
			KeyDisputes: "0",
			// begin (31 Dec 2025) 1 000; (1 000 + 9 000 − 5 500) / (1 000 + 9 000 − 1 500)
			KeyCEI: "52.94",
		}},
		{"30 days, monthly-average CEI, a dispute", KPIOptions{Days: 30, CEIMonthlyAverage: true, Disputed: disputeA1}, map[string]string{
			KeyDSOAccounting: "82.5", // sales of March 2 000: 5 500 / 2 000 × 30
			KeyBPDSO:         "22.5",
			KeyADD:           "60",
			KeyCEI:           "-60",   // (1 000 + 3 000 − 5 500) / (1 000 + 3 000 − 1 500)
			KeyDisputes:      "54.55", // 3 000 / 5 500
		}},
	}
	for _, c := range cases {
		s := KPIsAt(book, march31, c.opt)
		for key, want := range c.want {
			f := s.KPI(key)
			if f == nil || !f.Defined {
				t.Errorf("%s: %s missing or undefined", c.name, key)
				continue
			}
			if f.Value.String() != want {
				t.Errorf("%s: %s = %s, want %s", c.name, key, f.Value, want)
			}
			if f.Method == "" || len(f.Inputs) == 0 {
				t.Errorf("%s: %s has no method or inputs", c.name, key)
			}
		}
		if s.MonthSales != eur(2000) {
			t.Errorf("%s: month sales %s", c.name, s.MonthSales)
		}
	}
	// Count-back inputs: the receivables, then March and February (the month that exhausts them).
	cb := KPIsAt(book, march31, KPIOptions{}).KPI(KeyDSOCountBack)
	if len(cb.Inputs) != 4 || cb.Inputs[1].From != day(2026, 3, 1) || cb.Inputs[2].To != day(2026, 2, 28) || cb.AtLeast {
		t.Errorf("count-back inputs %+v", cb.Inputs)
	}
}

// At a past date the state is rebuilt: on 28 Feb, B2 was open and not yet due, B4 was
// already cancelled by its credit note, A2 and the payment did not exist.
func TestPositionInThePast(t *testing.T) {
	p := KPIsAt(handBook(), day(2026, 2, 28), KPIOptions{}).Position
	want := Position{AsOf: day(2026, 2, 28), Receivables: eur(8000), NotDue: eur(4000), Overdue: eur(4000), Doubtful: eur(700)}
	if p != want {
		t.Errorf("got %+v\nwant %+v", p, want)
	}
	if slow := PositionAt(handBook(), day(2026, 2, 28), nil); slow != want {
		t.Errorf("slow %+v", slow)
	}
}

func TestUndefinedKPIs(t *testing.T) {
	book := ledger.NewBook(ledger.DefaultSettings(), nil, nil)
	s := KPIsAt(book, march31, KPIOptions{})
	for _, k := range []string{KeyDSOAccounting, KeyBPDSO, KeyADD, KeyOverdueRate, KeyCEI, KeyOver90Share} {
		if f := s.KPI(k); f == nil || f.Defined {
			t.Errorf("%s should be undefined on an empty book", k)
		}
	}
	if f := s.KPI(KeyDSOCountBack); !f.Defined || !f.Value.IsZero() {
		t.Errorf("count-back on nothing owed: %+v", f)
	}
}

// A count-back DSO whose receivables exceed every month given is a lower bound.
func TestCountBackAtLeast(t *testing.T) {
	s := KPIsAt(handBook(), march31, KPIOptions{CountBackMonths: 1})
	if f := s.KPI(KeyDSOCountBack); !f.AtLeast || f.Value.String() != "31" {
		t.Errorf("%+v", f)
	}
}

func TestHistoryPoints(t *testing.T) {
	p := HistoryPoints(ledger.NewDate(2026, time.November, 23), 3)
	if len(p) != 3 || p[0] != day(2026, 9, 30) || p[1] != day(2026, 10, 31) || p[2] != day(2026, 11, 23) {
		t.Errorf("%v", p)
	}
	p = HistoryPoints(day(2024, 3, 31), 2)
	if p[0] != day(2024, 2, 29) || p[1] != day(2024, 3, 31) {
		t.Errorf("%v", p)
	}
}
