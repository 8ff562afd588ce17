package importer

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/importer/fecgen"
	"relance/ledger/store"
)

// genFEC writes a generated FEC of about lines lines into dir and returns its path.
func genFEC(t *testing.T, dir, name string, lines, customers int, seed uint64, start ledger.Date) string {
	t.Helper()
	path := filepath.Join(dir, name)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fecgen.Write(f, fecgen.Config{Lines: lines, Customers: customers, Seed: seed, Start: start}); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// dossierState is what a test compares of a dossier: its whole book, its import
// records and its revision.
func dossierState(t *testing.T, db *store.DB) string {
	t.Helper()
	book, err := db.Load()
	if err != nil {
		t.Fatal(err)
	}
	recs, err := Records(db)
	if err != nil {
		t.Fatal(err)
	}
	rev, err := db.Revision()
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(struct {
		Book     *ledger.Book
		Records  []Record
		Revision uint64
	}{book, recs, rev})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func checkClean(t *testing.T, db *store.DB) {
	t.Helper()
	rep, err := db.Check()
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() {
		t.Fatalf("check: %v", rep.Problems)
	}
}

// TestImportStagedSameAsOneTransaction imports the same files, the second one a
// re-import over the first's customers, in one transaction and staged in small
// batches: the dossiers are the same, the revision moved by one per import, and no
// copy is left beside the dossier.
func TestImportStagedSameAsOneTransaction(t *testing.T) {
	dir := t.TempDir()
	a := genFEC(t, dir, "999999999FEC20241231.txt", 3000, 40, 1, ledger.NewDate(2024, time.January, 1))
	b := genFEC(t, dir, "999999999FEC20251231.txt", 3000, 50, 2, ledger.NewDate(2025, time.January, 1))
	var states [2]string
	for i, staged := range []bool{false, true} {
		path := filepath.Join(dir, []string{"one.db", "staged.db"}[i])
		db, err := store.Create(path, ledger.DefaultSettings())
		if err != nil {
			t.Fatal(err)
		}
		o := Options{Today: ledger.NewDate(2025, time.December, 31), Staged: staged, batchItems: 100}
		batches := 0
		o.afterBatch = func(int) error { batches++; return nil }
		for _, f := range []string{a, b} {
			if _, err := Run(context.Background(), db, []string{f}, o); err != nil {
				t.Fatal(err)
			}
		}
		if staged && batches < 10 {
			t.Errorf("staged import in %d transactions, want many", batches)
		}
		if _, err := os.Stat(path + store.StageSuffix); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("copy left beside the dossier: %v", err)
		}
		checkClean(t, db)
		states[i] = dossierState(t, db)
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if states[0] != states[1] {
		t.Error("the staged import wrote another dossier than the one-transaction import")
	}
}

// TestImportStagedFailureChangesNothing injects a failure after a few committed
// batches of a staged import (and, the other way, makes the last write fail): the
// dossier is exactly as before (same book, records and revision), its check is
// clean, no copy is left, and it still takes the import afterwards.
func TestImportStagedFailureChangesNothing(t *testing.T) {
	dir := t.TempDir()
	a := genFEC(t, dir, "999999999FEC20241231.txt", 3000, 40, 1, ledger.NewDate(2024, time.January, 1))
	b := genFEC(t, dir, "999999999FEC20251231.txt", 3000, 50, 2, ledger.NewDate(2025, time.January, 1))
	path := filepath.Join(dir, "d.db")
	db, err := store.Create(path, ledger.DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	today := ledger.NewDate(2025, time.December, 31)
	if _, err := Run(context.Background(), db, []string{a}, Options{Today: today}); err != nil {
		t.Fatal(err)
	}
	before := dossierState(t, db)
	boom := errors.New("injected failure")
	o := Options{Today: today, Staged: true, batchItems: 100}
	o.afterBatch = func(n int) error {
		if n == 3 {
			return boom
		}
		return nil
	}
	if _, err := Run(context.Background(), db, []string{b}, o); !errors.Is(err, boom) {
		t.Fatalf("import: %v, want the injected failure", err)
	}
	if _, err := os.Stat(path + store.StageSuffix); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("copy left beside the dossier: %v", err)
	}
	checkClean(t, db)
	if dossierState(t, db) != before {
		t.Fatal("a failed staged import changed the dossier")
	}
	// A leftover copy (a crash) is replaced by the next staged import.
	if err := os.WriteFile(path+store.StageSuffix, []byte("left over"), 0o600); err != nil {
		t.Fatal(err)
	}
	o.afterBatch = nil
	reps, err := Run(context.Background(), db, []string{b}, o)
	if err != nil {
		t.Fatal(err)
	}
	if !reps[0].Applied || reps[0].AlreadyImported {
		t.Fatalf("report %+v", reps[0])
	}
	checkClean(t, db)
	if dossierState(t, db) == before {
		t.Fatal("the import after the failure wrote nothing")
	}
	if _, err := os.Stat(path + store.StageSuffix); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("copy left beside the dossier: %v", err)
	}
}
