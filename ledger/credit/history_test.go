package credit

import (
	"encoding/json"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/demo"
)

// slowSnapshot is the dashboard at d computed the slow, obvious way: positions from
// the aged balance (PositionAt) and sales by scanning every item for every period.
func slowSnapshot(book *ledger.Book, d ledger.Date, o KPIOptions) Snapshot {
	o = o.norm()
	sales := func(from, to ledger.Date) ledger.Cents {
		var s ledger.Cents
		for _, a := range book.Accounts {
			for _, it := range a.Items {
				if (it.Kind == ledger.Invoice || it.Kind == ledger.CreditNote) && it.DocDate > from && it.DocDate <= to {
					s += it.Amount
				}
			}
		}
		return s
	}
	end, begin := PositionAt(book, d, o.Disputed), PositionAt(book, o.ceiBegin(d), o.Disputed)
	return assemble(&end, &begin, sales, o, book.Settings.Currency)
}

// A disputes hook for tests: a tenth of every open debit whose document number ends in 7.
func testDispute(it *ledger.Item, _ ledger.Date, open ledger.Cents) ledger.Cents {
	if open > 0 && len(it.Number) > 0 && it.Number[len(it.Number)-1] == '7' {
		return open / 10
	}
	return 0
}

// The fast incremental history gives, at every month end, exactly the figures computed
// from the aged balance at that date (positions, KPIs and their inputs).
func TestHistoryMatchesAgedBalance(t *testing.T) {
	books := map[string]*ledger.Book{
		"generated": demo.GenerateBook(300, 6000, 3, today),
		"demo":      demo.Book(today),
	}
	for name, book := range books {
		for _, opt := range []KPIOptions{{}, {Days: 30, CEIMonthlyAverage: true, Disputed: testDispute}} {
			hist := History(book, today, 24, opt)
			if len(hist) != 24 || hist[23].AsOf != today || hist[0].AsOf != ledger.NewDate(2024, time.December, 31) {
				t.Fatalf("%s: points %v … %v", name, hist[0].AsOf, hist[len(hist)-1].AsOf)
			}
			for _, fast := range hist {
				slow := slowSnapshot(book, fast.AsOf, opt)
				fj, _ := json.Marshal(fast)
				sj, _ := json.Marshal(slow)
				if string(fj) != string(sj) {
					t.Errorf("%s at %s:\nfast %+v\nslow %+v", name, fast.AsOf, fast.Position, slow.Position)
					if fast.Position == slow.Position {
						t.Errorf("fast %s\nslow %s", fj, sj)
					}
				}
			}
			// The last point is KPIsAt at the as-of date.
			at := KPIsAt(book, today, opt)
			aj, _ := json.Marshal(at)
			lj, _ := json.Marshal(hist[23])
			if string(aj) != string(lj) {
				t.Errorf("%s: KPIsAt differs from the history's last point", name)
			}
		}
	}
}

// The demo dossier has doubtful customers: they are out of the receivables and reported apart.
func TestDoubtfulExcluded(t *testing.T) {
	book := demo.Book(today)
	p := PositionAt(book, today, nil)
	var doubtful, all ledger.Cents
	for _, a := range book.Accounts {
		all += a.Balance()
		if a.Customer.Doubtful {
			doubtful += a.Balance()
		}
	}
	if doubtful == 0 || p.Doubtful != doubtful || p.Receivables != all-doubtful {
		t.Errorf("doubtful %s (want %s), receivables %s (want %s)", p.Doubtful, doubtful, p.Receivables, all-doubtful)
	}
	if p.Receivables != p.NotDue+p.Overdue+p.Credits || p.Current() != p.NotDue+p.Credits {
		t.Errorf("position does not add up: %+v", p)
	}
}

func BenchmarkKPIsAt50k1M(b *testing.B) {
	book := bigBook(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		KPIsAt(book, today, KPIOptions{})
	}
}

func BenchmarkHistory24Months50k1M(b *testing.B) {
	book := bigBook(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		History(book, today, 24, KPIOptions{})
	}
}

// An account read in part takes its sales from its History, read from the latest day back
// only as far as the sales index goes: the dashboard is the same as from the items, with
// count-back periods of one to 24 months (from inside the data to before it).
func TestHistoryFromTheDailySales(t *testing.T) {
	whole := demo.GenerateBook(120, 4000, 5, today)
	part := demo.GenerateBook(120, 4000, 5, today)
	for _, a := range part.Accounts {
		a.History = &ledger.AccountHistory{
			Sales:       ledger.NewDaySeries(ledger.EncodeDays(ledger.SalesByDay(a.Items), false), false),
			Balance:     ledger.NewDaySeries(ledger.EncodeDays(ledger.BalanceByDay(a.Items), true), true),
			LastInvoice: ledger.LastInvoice(a.Items),
		}
	}
	for _, points := range []int{1, 3, 6} { // the generated history is 14 months long
		for _, months := range []int{1, 3, 12, 24} {
			for _, opt := range []KPIOptions{{CountBackMonths: months}, {Days: 30, CountBackMonths: months}} {
				got, _ := json.Marshal(History(part, today, points, opt))
				want, _ := json.Marshal(History(whole, today, points, opt))
				if string(got) != string(want) {
					t.Errorf("%d month ends, count-back %d months, %d days: the history differs", points, months, opt.Days)
				}
			}
		}
	}
}
