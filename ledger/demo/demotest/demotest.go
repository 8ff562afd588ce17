// Package demotest gives tests the demo dossier: created at a date in a temporary
// folder, open read-only, with its book loaded (the setup the letter and report tests
// each wrote again).
package demotest

import (
	"path/filepath"
	"testing"

	"relance/ledger"
	"relance/ledger/demo"
	"relance/ledger/store"
)

// Open creates the demo dossier anchored at today and returns it open read-only with
// its book; the dossier is closed when the test ends.
func Open(t testing.TB, today ledger.Date) (*store.DB, *ledger.Book) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "d.db")
	if err := demo.Create(path, today); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Error(err)
		}
	})
	book, err := db.Load()
	if err != nil {
		t.Fatal(err)
	}
	return db, book
}
