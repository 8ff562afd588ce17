package desk_test

import (
	"path/filepath"
	"runtime"
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
	path, today := generated10k1M(b)
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

// readFor opens the dossier at path for reach at today, computes with the session and
// closes it: what `relance kpi`, `risk` or `agenda` do in process, the read included.
func readFor(b *testing.B, path string, today ledger.Date, reach desk.Reach, compute func(*desk.Session) error) {
	b.Helper()
	s, err := desk.OpenReadFor(path, today, reach)
	if err != nil {
		b.Fatal(err)
	}
	if !s.Partial {
		b.Fatal("the session holds the whole history")
	}
	if err := compute(s); err != nil {
		b.Fatal(err)
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
}

// generated10k1M writes the dossier of `relance gen --customers 10000 --items 1000000
// --seed 1 --today 2026-12-04` in a temporary folder.
func generated10k1M(b *testing.B) (string, ledger.Date) {
	b.Helper()
	if testing.Short() {
		b.Skip("large")
	}
	today := ledger.NewDate(2026, time.December, 4)
	path := filepath.Join(b.TempDir(), "gen.relance")
	if err := demo.Generate(path, 10000, 1000000, 1, today); err != nil {
		b.Fatal(err)
	}
	return path, today
}

// BenchmarkKPIRead10k1M measures `relance kpi` in process on the generated 10,000-customer
// / 1,000,000-item dossier: the read of what the dashboard at the as-of date looks at
// (its open items, the customers' sales and balance by day) and its figures (issue 26:
// the whole process ≤ 0.2 s).
func BenchmarkKPIRead10k1M(b *testing.B) {
	path, today := generated10k1M(b)
	b.ResetTimer()
	for range b.N {
		readFor(b, path, today, desk.Reach{KPIMonths: 1, KPIDays: 90}, func(s *desk.Session) error {
			_, err := s.Dashboard(today, 1, 90)
			return err
		})
	}
}

// BenchmarkRiskRead10k1M measures `relance risk` in process on the generated dossier: the
// read (the open items, and the payment behaviour of the closed items of the risk
// windows) and the risk classes with their signals (issue 26: the whole process ≤ 0.5 s).
func BenchmarkRiskRead10k1M(b *testing.B) {
	path, today := generated10k1M(b)
	b.ResetTimer()
	for range b.N {
		readFor(b, path, today, desk.Reach{Risk: true}, func(s *desk.Session) error {
			_, _, err := s.Risk(today, false)
			return err
		})
	}
}

// BenchmarkWindowFirst10k1M measures the first step of the window on the generated
// dossier: the dossier opened for writing with what the window shows first
// (desk.OpenWriteStaged with OpeningReach), the dashboard's two month ends and the risk
// classes of the Clients list (issue 26: the window usable ≤ 0.5 s after start).
func BenchmarkWindowFirst10k1M(b *testing.B) {
	path, today := generated10k1M(b)
	b.ResetTimer()
	for range b.N {
		s, check, err := desk.OpenWriteStaged(path, today, desk.OpeningReach())
		if err != nil {
			b.Fatal(err)
		}
		if !s.Partial || check == nil {
			b.Fatal("the first step read the whole history")
		}
		if _, err := s.Dashboard(today, desk.OpeningReach().KPIMonths, 0); err != nil {
			b.Fatal(err)
		}
		if _, _, err := s.Risk(today, false); err != nil {
			b.Fatal(err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWindowBackground10k1M measures what the window does in the background once a
// large dossier is shown (issue 26): the check before writing and the dashboard's 24
// months, each reading every account whole in turn and keeping none, on a session that
// holds the open items. It reports the live heap after them (MB-live): the session's,
// not the whole history's.
func BenchmarkWindowBackground10k1M(b *testing.B) {
	path, today := generated10k1M(b)
	b.ResetTimer()
	var live uint64
	for range b.N {
		s, check, err := desk.OpenWriteStaged(path, today, desk.OpeningReach())
		if err != nil {
			b.Fatal(err)
		}
		if check == nil {
			b.Fatal("the first step read the whole history")
		}
		if err := check(); err != nil {
			b.Fatal(err)
		}
		if _, err := s.Dashboard(today, 24, 0); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		live = m.HeapAlloc
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(live)/(1<<20), "MB-live")
}
