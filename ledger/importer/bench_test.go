package importer

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"relance/ledger"
	"relance/ledger/importer/fecgen"
	"relance/ledger/importer/report"
	"relance/ledger/store"
)

var (
	bigOnce sync.Once
	bigPath string
	bigStat fecgen.Stats
	bigDir  string
)

// bigFEC generates a 1,000,000-line FEC into a temporary folder, once per process.
func bigFEC(b *testing.B) (string, fecgen.Stats) {
	bigOnce.Do(func() {
		dir, err := os.MkdirTemp("", "fecbench")
		if err != nil {
			b.Fatal(err)
		}
		bigDir = dir
		bigPath = filepath.Join(dir, "999999999FEC20251231.txt")
		f, err := os.Create(bigPath)
		if err != nil {
			b.Fatal(err)
		}
		bigStat, err = fecgen.Write(f, fecgen.Config{Lines: 1_000_000, Customers: 20_000, Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		if err := f.Close(); err != nil {
			b.Fatal(err)
		}
	})
	b.Cleanup(func() {}) // the file is removed by TestMain
	return bigPath, bigStat
}

func TestMain(m *testing.M) {
	code := m.Run()
	if bigDir != "" {
		os.RemoveAll(bigDir)
	}
	os.Exit(code)
}

// BenchmarkParse measures the FEC scan alone (reading, splitting, amounts, dates,
// checks, keeping receivable lines) on one goroutine.
func BenchmarkParse(b *testing.B) {
	path, st := bigFEC(b)
	b.SetBytes(st.Bytes)
	cpu0 := cpuTime()
	n := 0
	for b.Loop() {
		n++
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		rep := &report.Collector{}
		o := Options{}
		s, err := scanFEC(context.Background(), f, "big", &o, rep)
		f.Close()
		if err != nil || s == nil || rep.Worst() == report.Fatal {
			b.Fatal(err, rep.Fatal())
		}
		if s.receivable != st.Receivable {
			b.Fatalf("receivable %s, want %s", s.receivable, st.Receivable)
		}
	}
	// CPU time (user+system of the whole process) is what "MB/s on one core" means on
	// a shared machine, where wall time depends on the neighbours.
	if d := cpuTime() - cpu0; d > 0 {
		b.ReportMetric(float64(st.Bytes)*float64(n)/d.Seconds()/1e6, "MB/cpu-s")
	}
}

// BenchmarkImport measures the whole import of the 1,000,000-line FEC into a new
// dossier, bbolt commit included.
func BenchmarkImport(b *testing.B) {
	path, st := bigFEC(b)
	b.SetBytes(st.Bytes)
	for b.Loop() {
		b.StopTimer()
		db, err := store.Create(filepath.Join(b.TempDir(), "d.db"), ledger.DefaultSettings())
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		reps, err := Run(context.Background(), db, []string{path}, Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if reps[0].Receivables != st.Receivable {
			b.Fatalf("receivables %s, want %s", reps[0].Receivables, st.Receivable)
		}
		b.ReportMetric(float64(reps[0].Items), "items")
		db.Close()
		b.StartTimer()
	}
}
