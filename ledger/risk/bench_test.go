package risk_test

import (
	"sync"
	"testing"

	"relance/ledger"
	"relance/ledger/demo"
	"relance/ledger/risk"
)

var benchToday = ledger.NewDate(2026, 11, 23)

// big is the benchmark dossier (50,000 customers, 1,000,000 items), generated once per run.
var big = sync.OnceValue(func() *ledger.Book { return demo.GenerateBook(50000, 1000000, 1, benchToday) })

// BenchmarkAssess50k1M computes the class and the signals of 50,000 customers holding
// 1,000,000 items (demo.GenerateBook, seed 1) at the generator's "today".
func BenchmarkAssess50k1M(b *testing.B) {
	if testing.Short() {
		b.Skip("large")
	}
	book := big()
	in := risk.Input{Book: book, Policy: risk.DefaultPolicy(), AsOf: benchToday}
	b.ResetTimer()
	for b.Loop() {
		if _, err := risk.Assess(in); err != nil {
			b.Fatal(err)
		}
	}
}
