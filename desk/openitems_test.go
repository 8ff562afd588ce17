package desk_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/credit"
	"relance/ledger/demo"
	"relance/ledger/importer"
	"relance/ledger/importer/fecgen"
	"relance/ledger/payment"
	"relance/ledger/store"
)

// positionOutput is what `relance customers --format json` and `relance aged --format
// csv` print at asOf from the session s, the disputes column included.
func positionOutput(t *testing.T, s *desk.Session, asOf ledger.Date) string {
	t.Helper()
	rows, err := json.MarshalIndent(s.Customers(asOf), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	var csv bytes.Buffer
	if err := credit.WriteAgedCSV(&csv, s.Aged(asOf, nil), nil, "fr"); err != nil {
		t.Fatal(err)
	}
	return string(rows) + "\n" + csv.String()
}

// exactFrom is the date from which the dossier at path's open items give the figures.
func exactFrom(t *testing.T, path string) ledger.Date {
	t.Helper()
	db, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_, exact, err := db.LoadOpen(ledger.NoDate)
	if err != nil {
		t.Fatal(err)
	}
	return exact
}

// wholeBook returns the date from which the dossier at path's partial reads are exact,
// and its whole book (OpenRead), for the caller to close.
func wholeBook(t *testing.T, path string) (ledger.Date, *desk.Session) {
	t.Helper()
	exact := exactFrom(t, path)
	full, err := desk.OpenRead(path)
	if err != nil {
		t.Fatal(err)
	}
	return exact, full
}

// samePosition checks that OpenReadFor with the zero Reach prints byte for byte what
// OpenRead prints: from the open items only at dates on or after the exactness date,
// from the whole book (Partial false) before it.
func samePosition(t *testing.T, name, path string) {
	t.Helper()
	exact, full := wholeBook(t, path)
	defer full.Close()
	for _, c := range []struct {
		at   ledger.Date
		open bool
	}{{exact, true}, {exact.AddDays(1), true}, {exact.AddDays(30), true}, {exact.AddDays(365), true},
		{exact.AddDays(-1), false}, {exact.AddDays(-60), false}} {
		s, err := desk.OpenReadFor(path, c.at, desk.Reach{})
		if err != nil {
			t.Fatal(err)
		}
		if s.Partial != c.open {
			t.Errorf("%s at %s (exact from %s): Partial %v", name, c.at, exact, s.Partial)
		}
		if c.open && s.Book.ItemCount() >= full.Book.ItemCount() {
			t.Errorf("%s at %s: read %d items of %d", name, c.at, s.Book.ItemCount(), full.Book.ItemCount())
		}
		if got, want := positionOutput(t, s, c.at), positionOutput(t, full, c.at); got != want {
			t.Errorf("%s at %s: aged balance and customer list differ from the whole book's", name, c.at)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// noStale fails if the open_items or closed_items bucket of s's dossier is not what its
// items give.
func noStale(t *testing.T, what string, s *desk.Session) {
	t.Helper()
	err := s.DB.View(func(tx *store.Tx) error {
		stale, err := tx.StaleOpenItems()
		if len(stale) > 0 {
			t.Errorf("%s: open items of %v differ from a rebuild", what, stale)
		}
		if err != nil {
			return err
		}
		stale, err = tx.StaleClosedItems()
		if len(stale) > 0 {
			t.Errorf("%s: closed items of %v differ from a rebuild", what, stale)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The reports' partial reads (OpenReadFor: the open position, and the reaches) give the whole book's figures on
// the demo and on a generated dossier.
func TestPartialReadsDemo(t *testing.T) {
	path := demoFile(t)
	samePosition(t, "demo", path)
	sameReach(t, "demo", path)
}

func TestPartialReadsGenerated(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gen.db")
	if err := demo.Generate(path, 150, 15000, 3, ledger.NewDate(2026, time.December, 4)); err != nil {
		t.Fatal(err)
	}
	samePosition(t, "generated", path)
	sameReach(t, "generated", path)
}

// writeThen runs write on the dossier at path open for writing, closes it, and checks
// that its open items are what a rebuild gives and that the figures still agree.
func writeThen(t *testing.T, what, path string, write func(s *desk.Session)) {
	t.Helper()
	s, err := desk.OpenWrite(path)
	if err != nil {
		t.Fatal(err)
	}
	write(s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	r, err := desk.OpenRead(path)
	if err != nil {
		t.Fatal(err)
	}
	noStale(t, what, r)
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	samePosition(t, what, path)
	sameReach(t, what, path)
}

// writeFEC writes a generated FEC of lines lines and returns its file.
func writeFEC(t *testing.T, dir, name string, lines int) string {
	t.Helper()
	var fec bytes.Buffer
	if _, err := fecgen.Write(&fec, fecgen.Config{Lines: lines, Customers: 20, Seed: 11}); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, name)
	if err := os.WriteFile(file, fec.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return file
}

// After an import, a second import, payments recorded by hand and an erasure, the open
// items are what a rebuild from the items gives, and the figures still agree.
func TestOpenItemsFollowTheWrites(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "imp.db")
	set := ledger.DefaultSettings()
	set.Company.Name = "Test SAS"
	if err := desk.Create(path, set); err != nil {
		t.Fatal(err)
	}
	today := ledger.NewDate(2026, time.December, 4)
	for i, lines := range []int{3000, 4000} {
		file := writeFEC(t, dir, fmt.Sprintf("FEC%d.txt", i), lines)
		writeThen(t, fmt.Sprintf("import %d", i+1), path, func(s *desk.Session) {
			if _, err := s.Import(context.Background(), []string{file}, importer.Options{Today: today}); err != nil {
				t.Fatal(err)
			}
		})
	}
	exact := exactFrom(t, path)
	r, err := desk.OpenRead(path)
	if err != nil {
		t.Fatal(err)
	}
	if n := r.Book.ItemCount(); n < 1000 {
		t.Errorf("%d items imported", n)
	}
	r.Close()
	paid := 0
	writeThen(t, "payments", path, func(s *desk.Session) {
		for _, a := range s.Book.Accounts {
			for _, it := range a.OpenItems() {
				if it.Amount > 0 && paid < 3 {
					req := payment.Request{Payment: payment.Payment{Customer: a.Customer.ID, Date: exact.AddDays(paid * 5),
						Amount: it.Open / 2, Method: payment.Transfer, Ref: "VIR TEST"}}
					if _, err := s.RecordPayment(req, exact.AddDays(20), "test"); err != nil {
						t.Fatal(err)
					}
					paid++
					break
				}
			}
		}
	})
	if paid == 0 {
		t.Fatal("no open invoice to pay")
	}
	if got, want := exactFrom(t, path), exact.AddDays((paid-1)*5); got != want {
		t.Errorf("exact from %s after payments up to %s", got, want)
	}
}

func TestOpenItemsAfterAnErasure(t *testing.T) {
	path := demoFile(t)
	erased := ""
	writeThen(t, "erasure", path, func(s *desk.Session) {
		for _, a := range s.Book.Accounts {
			if a.Customer.Kind == ledger.Consumer && len(a.Items) > 0 {
				if err := s.EraseCustomer(a.Customer.ID, anchor, "test", "fr"); err == nil {
					erased = a.Customer.ID
					break
				}
			}
		}
	})
	if erased == "" {
		t.Fatal("no consumer could be erased")
	}
}
