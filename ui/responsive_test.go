package ui

import (
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"relance/ledger/importer/fecgen"
)

// While a large FEC is analysed and imported, the interface stays responsive: starting
// each step returns at once (the work runs off the UI goroutine), progress reports keep
// flowing, and user actions meanwhile (changing screen, searching, changing the as-of
// date) each take under 100 ms. 300,000 lines in `make test`; RELANCE_LARGE=1 uses
// 1,000,000 lines on top of the 50k-customer scale (minutes, ~1 GB).
func TestImportStaysResponsive(t *testing.T) {
	if testing.Short() {
		t.Skip("large import")
	}
	lines, customers := 300_000, 15_000
	if os.Getenv("RELANCE_LARGE") == "1" {
		lines, customers = 1_000_000, 50_000
	}
	src := filepath.Join(t.TempDir(), "grand-livre.txt")
	f, err := os.Create(src)
	if err != nil {
		t.Fatal(err)
	}
	st, err := fecgen.Write(f, fecgen.Config{Lines: lines, Customers: customers, Seed: 7})
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	a := emptyDossierApp(t, "fr")
	done := importSteps(t, a)
	var mu sync.Mutex
	var reports []time.Time
	stop := a.tracer.watch(func(name string, _ map[string]any) {
		if name == "import.progress" {
			mu.Lock()
			reports = append(reports, time.Now())
			mu.Unlock()
		}
	})
	t.Cleanup(stop)
	w := a.importFile(src)
	if s := <-done; s != "detected" {
		t.Fatalf("step %s", s)
	}

	// Analysis: the call returns at once, then the user works while it runs.
	start := time.Now()
	w.prepare()
	if d := time.Since(start); d > 100*time.Millisecond {
		t.Errorf("prepare blocked the UI for %v", d)
	}
	actions := 0
	var took []time.Duration
	var slowest time.Duration
	var slowestName string
	act := func(name string, fn func()) {
		t0 := time.Now()
		fn()
		d := time.Since(t0)
		if d > slowest {
			slowest, slowestName = d, name
		}
		took = append(took, d)
		actions++
	}
	var step string
wait:
	for {
		select {
		case step = <-done:
			break wait
		case <-time.After(50 * time.Millisecond):
			switch actions % 3 {
			case 0:
				act("settings", func() { a.showScreen(screenSettings) })
			case 1:
				act("legal", func() { a.showScreen(screenLegal) })
			default:
				act("dashboard", func() { a.showScreen(screenDashboard) })
			}
		}
	}
	if step != "prepared" || w.plan.Err() != nil {
		t.Fatalf("step %s, %v", step, w.plan.Err())
	}
	mu.Lock()
	n := len(reports)
	var gap time.Duration
	for i := 1; i < n; i++ {
		if d := reports[i].Sub(reports[i-1]); d > gap {
			gap = d
		}
	}
	mu.Unlock()
	t.Logf("%d lines (%d MB): %d progress reports, longest gap %v; %d UI actions meanwhile, slowest %v (%s)",
		st.Lines, st.Bytes>>20, n, gap, actions, slowest, slowestName)
	if n < 10 {
		t.Errorf("only %d progress reports over %d MB", n, st.Bytes>>20)
	}
	if gap > 2*time.Second {
		t.Errorf("progress stalled for %v", gap)
	}
	// Wall time on a shared machine: the analysis holds a core (and its garbage
	// collection taxes whatever allocates meanwhile), other work may hold the other. The
	// typical action must stay under 100 ms and none may freeze the window (400 ms); the
	// slowest path is logged for the record (building the Contentieux screen: 70–150 ms).
	slices.Sort(took)
	if len(took) == 0 {
		t.Log("the analysis ended before any UI action")
	} else if med := took[len(took)/2]; med > 100*time.Millisecond {
		t.Errorf("UI actions during the analysis: median %v (> 100 ms), slowest %v (%s)", med, slowest, slowestName)
	}
	if slowest > 400*time.Millisecond {
		t.Errorf("a UI action took %v during the analysis (%s)", slowest, slowestName)
	}

	// Writing: the call returns at once too, and the dossier is reloaded after.
	reloaded := loads(t, a)
	start = time.Now()
	w.apply()
	if d := time.Since(start); d > 100*time.Millisecond {
		t.Errorf("apply blocked the UI for %v", d)
	}
	if s := <-done; s != "applied" {
		t.Fatalf("step %s", s)
	}
	if err := <-reloaded; err != nil {
		t.Fatal(err)
	}
	if len(a.book.Accounts) == 0 {
		t.Error("nothing imported")
	}
}
