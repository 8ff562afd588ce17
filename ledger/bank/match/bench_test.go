package match

import (
	"runtime"
	"strings"
	"sync"
	"testing"

	"relance/ledger"
	"relance/ledger/bank"
	"relance/ledger/credit"
	"relance/ledger/demo"
)

// big is the benchmark dossier (50,000 customers, 1,000,000 items), generated once per run.
var big = sync.OnceValue(func() *ledger.Book { return demo.GenerateBook(50000, 1000000, 1, demoToday) })

// benchLines returns n credits paying open debits of book, in four kinds taken in
// turn: the invoice number and its amount, the payer's name and the amount, the name
// and a round amount, a payer unknown to the book.
func benchLines(book *ledger.Book, n int) []bank.Line {
	lines := make([]bank.Line, 0, n)
	for i := 0; len(lines) < n; i++ {
		a := book.Accounts[(i*7919)%len(book.Accounts)]
		var it *ledger.Item
		for j := range a.Items {
			if x := &a.Items[(j+i)%len(a.Items)]; x.Open > 0 && x.Amount > 0 {
				it = x
				break
			}
		}
		l := bank.Line{Credit: true, Method: bank.Transfer, Booked: demoToday, Currency: "EUR",
			Debtor: strings.ToUpper(a.Customer.Name) + " SARL"}
		switch {
		case it == nil || i%4 == 3:
			l.Amount, l.Debtor, l.Remittance = ledger.Cents(1000+i), "FOURNISSEUR INCONNU", "REMBOURSEMENT AVOIR 2026-11"
		case i%4 == 0:
			l.Amount, l.Remittance = it.Open, "REGLEMENT FACTURE "+it.Number
		case i%4 == 1:
			l.Amount = it.Open
		default:
			l.Amount = 100000
		}
		lines = append(lines, l)
	}
	return lines
}

// BenchmarkSuggest10kOn50k1M suggests matches for 10,000 credits against the
// 50,000-customer / 1,000,000-item dossier, open amounts rebuilt at the date
// (credit.OpenAtMap); the target is 1 s.
func BenchmarkSuggest10kOn50k1M(b *testing.B) {
	if testing.Short() {
		b.Skip("large")
	}
	book := big()
	lines := benchLines(book, 10000)
	runtime.GC()
	b.ResetTimer()
	var found, exact int
	for b.Loop() {
		found, exact = 0, 0
		for _, s := range Suggest(book, credit.OpenAtMap, demoToday, lines, nil) {
			if len(s.Candidates) > 0 {
				found++
				if s.Candidates[0].Exact {
					exact++
				}
			}
		}
	}
	b.ReportMetric(float64(found), "matched")
	b.ReportMetric(float64(exact), "exact")
}
