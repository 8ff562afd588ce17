package credit

import (
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/demo"
)

var today = ledger.NewDate(2026, time.November, 23)

func TestRanges(t *testing.T) {
	r := Ranges([]int{30, 60, 90})
	if len(r) != 4 || r[0] != (Range{1, 30}) || r[3] != (Range{From: 91}) || r[3].Label() != "over_90" || r[1].Label() != "31-60" {
		t.Errorf("%v", r)
	}
	for days, want := range map[int]int{1: 0, 30: 0, 31: 1, 60: 1, 61: 2, 90: 2, 91: 3, 5000: 3} {
		if got := bucketOf(r, days); got != want {
			t.Errorf("%d days late → bucket %d, want %d", days, got, want)
		}
	}
}

func TestAgedBuckets(t *testing.T) {
	asOf := ledger.NewDate(2026, time.June, 30)
	due := func(daysLate int) ledger.Date { return asOf.AddDays(-daysLate) }
	inv := func(id string, daysLate int, amt ledger.Cents) ledger.Item {
		d := due(daysLate)
		return ledger.Item{ID: id, Kind: ledger.Invoice, DocDate: d.AddDays(-30), DueDate: d, Amount: amt, Open: amt}
	}
	a := &ledger.Account{Customer: ledger.Customer{ID: "C1", Name: "Un"}, Items: []ledger.Item{
		inv("a", 0, 100), inv("b", -10, 200), inv("c", 1, 300), inv("d", 30, 400), inv("e", 31, 500),
		inv("f", 90, 600), inv("g", 91, 700),
		{ID: "p", Kind: ledger.Payment, DocDate: asOf.AddDays(-3), Amount: -50, Open: -50},
	}}
	book := ledger.NewBook(ledger.DefaultSettings(), nil, []*ledger.Account{a})
	ag := AgedBalance(book, asOf, nil)
	b := ag.Lines[0].Buckets
	if b.NotDue != 300 || b.Late[0] != 700 || b.Late[1] != 500 || b.Late[2] != 600 || b.Late[3] != 700 || b.Credits != -50 {
		t.Errorf("buckets %+v", b)
	}
	if b.Total() != a.Balance() || ag.Total.Total() != a.Balance() || b.Overdue() != a.Overdue(asOf) {
		t.Error("totals")
	}
}

// A lettered history rebuilt at past dates: before the payment the invoice is open,
// between a partial payment and the final one the rest is open, after it nothing is.
func TestOpenAtRebuildsThePast(t *testing.T) {
	d := ledger.NewDate(2026, time.January, 10)
	a := &ledger.Account{Customer: ledger.Customer{ID: "C"}, Items: []ledger.Item{
		{ID: "inv", Kind: ledger.Invoice, DocDate: d, DueDate: d.AddDays(30), Amount: 1000, Match: "AA", Settled: d.AddDays(90)},
		{ID: "p1", Kind: ledger.Payment, DocDate: d.AddDays(40), Amount: -400, Match: "AA", Settled: d.AddDays(90)},
		{ID: "p2", Kind: ledger.Payment, DocDate: d.AddDays(90), Amount: -600, Match: "AA", Settled: d.AddDays(90)},
		{ID: "inv2", Kind: ledger.Invoice, DocDate: d.AddDays(100), DueDate: d.AddDays(130), Amount: 50, Open: 50},
	}}
	cases := []struct {
		at   int
		want ledger.Cents
	}{{-1, 0}, {0, 1000}, {39, 1000}, {40, 600}, {89, 600}, {90, 0}, {100, 50}, {400, 50}}
	for _, c := range cases {
		var sum ledger.Cents
		for _, o := range OpenAt(a, d.AddDays(c.at)) {
			sum += o.OpenAt
		}
		if sum != c.want {
			t.Errorf("day %d: open %s, want %s", c.at, sum, c.want)
		}
	}
}

// Property: on generated dossiers, Σ buckets = balance for every customer and in total,
// today and at past dates (where the balance is Σ amounts dated on or before the date).
func TestAgedSumsEqualBalances(t *testing.T) {
	books := []*ledger.Book{demo.Book(today), demo.GenerateBook(300, 6000, 5, today), demo.GenerateBook(50, 2000, 9, today)}
	for bi, book := range books {
		for _, back := range []int{0, 1, 17, 45, 120, 300, 500} {
			asOf := today.AddDays(-back)
			ag := AgedBalance(book, asOf, nil)
			lines := map[string]*AgedLine{}
			for i := range ag.Lines {
				lines[ag.Lines[i].Customer.ID] = &ag.Lines[i]
			}
			for i := range ag.Doubtful {
				lines[ag.Doubtful[i].Customer.ID] = &ag.Doubtful[i]
			}
			var total ledger.Cents
			for _, a := range book.Accounts {
				var want ledger.Cents
				for _, it := range a.Items {
					if it.DocDate <= asOf {
						want += it.Amount
					}
				}
				if back == 0 && want != a.Balance() {
					t.Fatalf("book %d %s: Σ amounts %s ≠ balance %s", bi, a.Customer.ID, want, a.Balance())
				}
				var got ledger.Cents
				if l := lines[a.Customer.ID]; l != nil {
					got = l.Buckets.Total()
					var items ledger.Cents
					for _, o := range l.Items {
						items += o.OpenAt
					}
					if items != got {
						t.Errorf("book %d %s at %s: items %s ≠ buckets %s", bi, a.Customer.ID, asOf, items, got)
					}
				}
				if got != want {
					t.Errorf("book %d %s at %s: buckets %s ≠ balance %s", bi, a.Customer.ID, asOf, got, want)
				}
				total += want
			}
			if ag.Total.Total()+ag.DoubtfulTotal.Total() != total {
				t.Errorf("book %d at %s: total %s + doubtful %s ≠ %s", bi, asOf, ag.Total.Total(), ag.DoubtfulTotal.Total(), total)
			}
		}
	}
}

func BenchmarkAgedBalance50k1M(b *testing.B) {
	if testing.Short() {
		b.Skip("large")
	}
	book := demo.GenerateBook(50000, 1000000, 1, today)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		AgedBalance(book, today, nil)
	}
}
