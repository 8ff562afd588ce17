package credit

import (
	"strconv"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/demo"
)

func TestSummaries(t *testing.T) {
	asOf := ledger.NewDate(2026, time.March, 31)
	inv := func(id string, due ledger.Date, amt, open ledger.Cents) ledger.Item {
		return ledger.Item{ID: id, Kind: ledger.Invoice, DocDate: due.AddDays(-30), DueDate: due, Amount: amt, Open: open}
	}
	a := &ledger.Account{Customer: ledger.Customer{ID: "C1", Name: "Un", CreditLimit: 1000}, Items: []ledger.Item{
		inv("1", ledger.NewDate(2026, time.January, 31), 50000, 50000),                          // 59 days late
		inv("2", ledger.NewDate(2026, time.March, 30), 20000, 5000),                             // 1 day late, partly paid
		inv("3", ledger.NewDate(2026, time.March, 31), 10000, 10000),                            // due today: not overdue
		{ID: "4", Kind: ledger.Payment, DocDate: asOf, Amount: -3000, Open: -3000},              // unapplied payment
		inv("5", ledger.NewDate(2025, time.December, 31), 7000, 0),                              // paid
		{ID: "6", Kind: ledger.Payment, DocDate: asOf.AddDays(-20), Amount: -15000, Match: "A"}, // settles 2 in part
	}}
	a.Items[1].Match = "A"
	b := ledger.NewBook(ledger.DefaultSettings(), nil, []*ledger.Account{a})
	s := Summaries(b, asOf)[0]
	if s.Balance != 62000 || s.Overdue != 55000 || s.DaysLate != 59 || s.OpenItems != 4 || !s.CreditOver {
		t.Errorf("summary %+v", s)
	}
	if a.Balance() != s.Balance || a.Overdue(asOf) != s.Overdue || a.OldestOverdue(asOf) != ledger.NewDate(2026, time.January, 31) {
		t.Error("Account methods disagree with Summaries")
	}
}

// A summary at a past date is the account as it stood then: the items issued later
// are left out, the ones settled later are still open (issue 17: `customers --at`
// and the Clients list showed today's open amounts whatever the date).
func TestSummariesAtPastDate(t *testing.T) {
	d := func(m time.Month, day int) ledger.Date { return ledger.NewDate(2026, m, day) }
	a := &ledger.Account{Customer: ledger.Customer{ID: "C1", Name: "Un"}, Items: []ledger.Item{
		// invoice of 15/01 due 14/02, paid on 20/03 (lettered L1)
		{ID: "1", Kind: ledger.Invoice, DocDate: d(1, 15), DueDate: d(2, 14), Amount: 40000, Open: 0, Match: "L1", Settled: d(3, 20)},
		{ID: "2", Kind: ledger.Payment, DocDate: d(3, 20), Amount: -40000, Open: 0, Match: "L1", Settled: d(3, 20)},
		// invoice of 10/03, still open today
		{ID: "3", Kind: ledger.Invoice, DocDate: d(3, 10), DueDate: d(4, 9), Amount: 10000, Open: 10000},
	}}
	b := ledger.NewBook(ledger.DefaultSettings(), nil, []*ledger.Account{a})
	at := d(3, 1)
	s := Summaries(b, at)[0]
	if s.Balance != 40000 || s.Overdue != 40000 || s.OpenItems != 1 || s.OldestDue != d(2, 14) || s.DaysLate != 15 {
		t.Errorf("at %s: %+v, want the paid-later invoice open and the later one absent", at, s)
	}
	if now := Summaries(b, d(4, 30))[0]; now.Balance != 10000 || now.Overdue != 10000 {
		t.Errorf("today: %+v", now)
	}
	tot := ledger.Totals([]ledger.CustomerSummary{s, {ID: "D", Balance: 5000, Overdue: 5000, Doubtful: true}})
	if tot.Balance != 40000 || tot.Overdue != 40000 || tot.Doubtful != 5000 || tot.DoubtfulCustomers != 1 {
		t.Errorf("totals keep the doubtful apart: %+v", tot)
	}
}

// BenchmarkSummaries50k1M is the Clients list's figures at a date on a 50,000-customer,
// 1,000,000-item dossier: today (the stored open amounts) and 120 days back (rebuilt).
func BenchmarkSummaries50k1M(b *testing.B) {
	if testing.Short() {
		b.Skip("large")
	}
	book := demo.GenerateBook(50000, 1000000, 1, today)
	for _, back := range []int{0, 120} {
		b.Run("back"+strconv.Itoa(back), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				Summaries(book, today.AddDays(-back))
			}
		})
	}
}
