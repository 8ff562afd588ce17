package store

import (
	"errors"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/overindebt"
)

// A consumer's file is stored, read back, replaced, refused whole for a business
// customer or an unknown one, and its free text only may be erased.
func TestOverindebt(t *testing.T) {
	_, db := disputeDossier(t) // C1 is a business
	err := db.Update(func(tx *Tx) error {
		return tx.PutCustomer(&ledger.Customer{ID: "P1", Name: "Mme Durand", Kind: ledger.Consumer})
	})
	if err != nil {
		t.Fatal(err)
	}
	filed := ledger.NewDate(2026, time.September, 1)
	k := overindebt.Case{Customer: "P1", Commission: "Commission du Rhône", Ref: "0692026-12345", Filed: filed, Note: "appel de Mme Durand"}
	for _, c := range []struct {
		name, customer, key string
	}{{"business", "C1", "overindebt.err.business"}, {"unknown", "NOPE", "overindebt.err.customer"}} {
		bad := k
		bad.Customer = c.customer
		err := db.Update(func(tx *Tx) error { return tx.PutOverindebt(&bad) })
		if !errors.Is(err, &ledger.Problem{Key: c.key}) {
			t.Errorf("%s: %v, want %s", c.name, err, c.key)
		}
	}
	if err := db.Update(func(tx *Tx) error { return tx.PutOverindebt(&k) }); err != nil {
		t.Fatal(err)
	}
	k.Admitted = filed.AddDays(50)
	if err := db.Update(func(tx *Tx) error { return tx.PutOverindebt(&k) }); err != nil {
		t.Fatal(err)
	}
	all, err := db.LoadOverindebts()
	if err != nil || len(all) != 1 || all[0].Admitted != k.Admitted || all[0].Ref != k.Ref {
		t.Fatalf("files = %+v, %v", all, err)
	}
	// The erasure may change the reference and the note, nothing else.
	err = db.Update(func(tx *Tx) error {
		_, err := tx.EraseOverindebtText("P1", func(c *overindebt.Case) { c.Filed = filed.AddDays(1) })
		return err
	})
	if !errors.Is(err, &ledger.Problem{Key: "privacy2.err.not_text"}) {
		t.Errorf("a date changed: %v", err)
	}
	err = db.Update(func(tx *Tx) error {
		n, err := tx.EraseOverindebtText("P1", func(c *overindebt.Case) { c.Ref, c.Note = "(effacé)", "(effacé)" })
		if n != 1 {
			t.Errorf("erased %d files", n)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	err = db.View(func(tx *Tx) error {
		got, err := tx.Overindebt("P1")
		if err == nil && (got.Ref != "(effacé)" || got.Note != "(effacé)" || got.Admitted != k.Admitted) {
			t.Errorf("after the erasure: %+v", got)
		}
		if n, err := tx.EraseOverindebtText("C1", nil); n != 0 || err != nil {
			t.Errorf("no file: %d %v", n, err)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *Tx) error {
		ok, err := tx.DeleteOverindebt("P1")
		if !ok {
			t.Error("nothing deleted")
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if all, _ := db.LoadOverindebts(); len(all) != 0 {
		t.Errorf("after delete: %+v", all)
	}
}
