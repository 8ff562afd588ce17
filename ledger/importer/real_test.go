package importer

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"relance/ledger"
	"relance/ledger/importer/report"
	"relance/ledger/store"
)

// sharedFEC returns the folder of the real FEC samples (../shared/testdata/fec from
// the repository root), or skips the test when it is absent.
func sharedFEC(t testing.TB) string {
	t.Helper()
	_, here, _, ok := runtime.Caller(0)
	if !ok {
		t.Skip("cannot locate the test source")
	}
	// here = <root>/ledger/importer/real_test.go
	root := filepath.Dir(filepath.Dir(filepath.Dir(here)))
	dir := filepath.Join(root, "..", "shared", "testdata", "fec")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("real FEC samples not found at %s (expected ../shared/testdata/fec beside the repository): %v", dir, err)
	}
	return dir
}

func newDossier(t testing.TB) *store.DB {
	t.Helper()
	db, err := store.Create(filepath.Join(t.TempDir(), "d.db"), ledger.DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestRealFEC(t *testing.T) {
	dir := sharedFEC(t)
	tests := []struct {
		file      string
		layout    string
		sep       string
		customers int // minimum
	}{
		{"0000000001FEC20220831.txt", "BIC", "TAB", 2},
		{"000000000FEC20231231.txt", "BNC22", "TAB", 1},
		{"111111111FEC20221231.TXT", "BIC", "|", 2},
		{"123456789FEC20500930.txt", "BIC", "TAB", 1},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			db := newDossier(t)
			path := filepath.Join(dir, tc.file)
			reps, err := Run(context.Background(), db, []string{path}, Options{Today: ledger.NewDate(2026, 11, 23)})
			if err != nil {
				t.Fatalf("import: %v", err)
			}
			r := reps[0]
			var sb strings.Builder
			r.Render(&sb, "fr", "EUR")
			t.Log("\n" + sb.String())
			if r.Debit != r.Credit {
				t.Errorf("Σ debit %s ≠ Σ credit %s", r.Debit, r.Credit)
			}
			if r.Count(report.Fatal) != 0 {
				t.Errorf("fatal findings: %v", r.Counts)
			}
			if string(r.Layout) != tc.layout || r.Dialect.SepName() != tc.sep {
				t.Errorf("layout %s sep %s, want %s %s", r.Layout, r.Dialect.SepName(), tc.layout, tc.sep)
			}
			if r.Customers < tc.customers {
				t.Errorf("%d customers, want ≥ %d", r.Customers, tc.customers)
			}
			// The receivable total equals the balance of the receivable accounts,
			// in the report and in the dossier.
			want := balanceOfPrefixes(t, path, ledger.DefaultSettings().Receivables)
			if r.ReceivableBalance != want || r.Receivables != want {
				t.Errorf("receivables %s (report balance %s), want 411* balance %s", r.Receivables, r.ReceivableBalance, want)
			}
			book, err := db.Load()
			if err != nil {
				t.Fatal(err)
			}
			var total ledger.Cents
			for _, a := range book.Accounts {
				total += a.Balance()
			}
			if total != want {
				t.Errorf("dossier total %s, want %s", total, want)
			}
		})
	}
}
