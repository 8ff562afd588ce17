package desk_test

import (
	"path/filepath"
	"testing"
	"time"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/demo"
)

// BenchmarkAgedOpen10k1M measures the aged balance in process on the session `relance
// aged` opens (desk.OpenReadFor with the zero Reach: the open items only) of the dossier `relance gen
// --customers 10000 --items 1000000 --seed 1` writes: the computation once the dossier
// is read (issue 26: ≤ 10 ms).
func BenchmarkAgedOpen10k1M(b *testing.B) {
	if testing.Short() {
		b.Skip("large")
	}
	today := ledger.NewDate(2026, time.December, 4)
	path := filepath.Join(b.TempDir(), "gen.relance")
	if err := demo.Generate(path, 10000, 1000000, 1, today); err != nil {
		b.Fatal(err)
	}
	s, err := desk.OpenReadFor(path, today, desk.Reach{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if !s.Partial {
		b.Fatal("the session holds the whole history")
	}
	b.ReportMetric(float64(s.Book.ItemCount()), "items")
	b.ResetTimer()
	for range b.N {
		if s.Aged(today, nil).Total.Total() == 0 {
			b.Fatal("empty aged balance")
		}
	}
}
