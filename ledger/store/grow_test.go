package store

import (
	"testing"

	"relance/ledger"
)

// TestOpenGrow opens a dossier mapped larger than its file (Options.Grow), writes
// more than the file held, and reads it back after reopening.
func TestOpenGrow(t *testing.T) {
	path, db := newDossier(t)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := Open(path, Options{Grow: 8 << 20})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *Tx) error {
		if err := tx.PutCustomer(&ledger.Customer{ID: "C1", Name: "Grow"}); err != nil {
			return err
		}
		return tx.PutItems("C1", sampleItems())
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db, err = Open(path, Options{ReadOnly: true, Grow: 8 << 20})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var items []ledger.Item
	err = db.View(func(tx *Tx) error { var err error; items, err = tx.Items("C1"); return err })
	if err != nil {
		t.Fatal(err)
	}
	if n := len(items); n != len(sampleItems()) {
		t.Fatalf("%d items after reopening, want %d", n, len(sampleItems()))
	}
}
