package store

import (
	"errors"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/cause"
)

// A cause is stored on a customer's invoice, replaced, its note erased, cleared; one
// on an unknown invoice is refused with nothing written.
func TestCauses(t *testing.T) {
	_, db := disputeDossier(t)
	it := sampleItems()[0]
	acc := &ledger.Account{Customer: ledger.Customer{ID: "C1"}}
	today := ledger.NewDate(2026, time.December, 4)
	r := cause.Record{Customer: acc.Customer.ID, Item: it.ID, Cause: cause.Cash, Source: cause.FromCard, Note: "dit M. Dupont", Date: today, By: "moi"}
	if err := db.Update(func(tx *Tx) error { return tx.SetCauses([]cause.Record{r}) }); err != nil {
		t.Fatal(err)
	}
	bad := r
	bad.Item = "nope"
	r2 := r
	r2.Cause = cause.BadFaith
	err := db.Update(func(tx *Tx) error { return tx.SetCauses([]cause.Record{r2, bad}) })
	var p *ledger.Problem
	if !errors.As(err, &p) || p.Key != "cause.err.item" {
		t.Fatalf("unknown item: %v", err)
	}
	err = db.View(func(tx *Tx) error {
		rs, err := tx.Causes(acc.Customer.ID)
		if err != nil || len(rs) != 1 || rs[0].Cause != cause.Cash {
			t.Errorf("after the refused write: %+v %v", rs, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *Tx) error {
		n, err := tx.EraseCauseText(acc.Customer.ID, func(string) string { return "" })
		if err != nil || n != 1 {
			t.Errorf("erase: %d %v", n, err)
		}
		rs, _ := tx.Causes("")
		if len(rs) != 1 || rs[0].Note != "" {
			t.Errorf("note kept: %+v", rs)
		}
		return tx.ClearCause(acc.Customer.ID, it.ID)
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.View(func(tx *Tx) error {
		rs, err := tx.Causes("")
		if len(rs) != 0 {
			t.Errorf("cleared, still %+v", rs)
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
}
