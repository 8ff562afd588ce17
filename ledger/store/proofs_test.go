package store

import (
	"errors"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/proof"
)

// An invoice's proof is stored under its customer and item, replaced whole when set
// again, listed per customer; an unknown customer or item, or a record that does not
// validate, is refused with nothing written; an erasure may change the references only.
func TestProofs(t *testing.T) {
	_, db := disputeDossier(t)
	item := sampleItems()[0].ID
	day := ledger.NewDate(2026, time.December, 4)
	ok := proof.Invoice{Customer: "C1", Item: item, Order: proof.Piece{State: proof.Present, Ref: " BC 2026-118 "},
		Delivery: proof.Piece{State: proof.Missing}, Recorded: day}
	for _, c := range []struct {
		name   string
		change func(*proof.Invoice)
		key    string
	}{
		{"unknown customer", func(v *proof.Invoice) { v.Customer = "NOPE" }, "dunning.err.unknown_customer"},
		{"unknown item", func(v *proof.Invoice) { v.Item = "NOPE" }, "dunning.err.unknown_item"},
		{"bad state", func(v *proof.Invoice) { v.Copy.State = "perdu" }, "proof.err.state"},
	} {
		v := ok
		c.change(&v)
		if err := db.Update(func(tx *Tx) error { return tx.PutProof(&v) }); !errors.Is(err, &ledger.Problem{Key: c.key}) {
			t.Errorf("%s: %v, want %s", c.name, err, c.key)
		}
	}
	if vs, err := db.LoadProofs(""); err != nil || len(vs) != 0 {
		t.Fatalf("refused records written: %v %v", vs, err)
	}
	v := ok
	if err := db.Update(func(tx *Tx) error { return tx.PutProof(&v) }); err != nil {
		t.Fatal(err)
	}
	v.Delivery = proof.Piece{State: proof.Present, Ref: "BL 7"}
	if err := db.Update(func(tx *Tx) error { return tx.PutProof(&v) }); err != nil {
		t.Fatal(err)
	}
	vs, err := db.LoadProofs("C1")
	if err != nil || len(vs) != 1 || vs[0].Order.Ref != "BC 2026-118" || vs[0].Delivery.Ref != "BL 7" {
		t.Fatalf("proofs %+v %v", vs, err)
	}
	err = db.Update(func(tx *Tx) error {
		n, err := tx.EraseProofText("C1", func(v *proof.Invoice) { v.Delivery.State = proof.Missing })
		if err == nil || n != 0 {
			t.Errorf("erasure changed a state: %d %v", n, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *Tx) error {
		n, err := tx.EraseProofText("C1", func(v *proof.Invoice) { v.Order.Ref, v.Delivery.Ref = "x", "x" })
		if n != 1 {
			t.Errorf("erased %d records, want 1", n)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	err = db.View(func(tx *Tx) error {
		got, err := tx.Proof("C1", item)
		if err != nil || got == nil || got.Order.Ref != "x" || got.Delivery.State != proof.Present {
			t.Errorf("after erasure %+v %v", got, err)
		}
		none, err := tx.Proof("C1", "NOPE")
		if none != nil || err != nil {
			t.Errorf("unknown item %+v %v", none, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
