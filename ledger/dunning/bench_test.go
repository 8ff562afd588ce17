package dunning_test

import (
	"runtime"
	"sync"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/demo"
	"relance/ledger/dunning"
)

var benchToday = ledger.NewDate(2026, time.November, 23)

// big is the benchmark dossier (50,000 customers, 1,000,000 items), generated once per run.
var big = sync.OnceValue(func() *ledger.Book { return demo.GenerateBook(50000, 1000000, 1, benchToday) })

// BenchmarkAgenda50k1M draws up the agenda of the 50,000-customer, 1,000,000-item
// dossier, with one letter recorded for every tenth customer and classes spread A–D.
func BenchmarkAgenda50k1M(b *testing.B) {
	if testing.Short() {
		b.Skip("large")
	}
	book := big()
	var rec dunning.Records
	classes := map[string]string{}
	for i, a := range book.Accounts {
		classes[a.Customer.ID] = dunning.Classes[i%4]
		if i%10 == 0 {
			rec.Actions = append(rec.Actions, dunning.Action{ID: "A" + a.Customer.ID, Customer: a.Customer.ID,
				Kind: dunning.ActionKind(dunning.ChanLetter), Stage: "r1", Date: benchToday.AddDays(-20)})
		}
	}
	in := dunning.Input{Book: book, AsOf: benchToday, Records: rec, Class: func(id string) string { return classes[id] }}
	runtime.GC() // the generation's garbage is not the engine's
	b.ResetTimer()
	var n int
	for b.Loop() {
		n = len(dunning.Run(in).Entries)
	}
	b.ReportMetric(float64(n), "entries")
}
