package store

import (
	"errors"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/payment"
)

func TestPayments(t *testing.T) {
	path, db := disputeDossier(t)
	d := ledger.NewDate(2026, time.April, 10)
	p := payment.Payment{Customer: "C1", Date: d, Amount: 30000, Method: payment.Transfer, Entered: d, Source: payment.SourceManual,
		Allocations: []payment.Allocation{{Item: "VE:2", Number: "FA2", Amount: 20050}}}
	err := db.Update(func(tx *Tx) error { return tx.AddPayment(&p) })
	if err != nil || p.ID != "RG2026-000001" {
		t.Fatalf("add: %v, ID %q", err, p.ID)
	}
	// Refused, nothing written: a rewrite, an unknown customer, an item not the customer's.
	for name, q := range map[string]payment.Payment{
		"rewrite":  p,
		"customer": {Customer: "C9", Date: d, Amount: 1, Method: payment.Cash, Entered: d, Source: payment.SourceManual},
		"item": {Customer: "C1", Date: d, Amount: 1, Method: payment.Cash, Entered: d, Source: payment.SourceManual,
			Allocations: []payment.Allocation{{Item: "VE:9", Amount: 1}}},
	} {
		if err := db.Update(func(tx *Tx) error { return tx.AddPayment(&q) }); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	book, err := db.Load()
	if err != nil {
		t.Fatal(err)
	}
	a := book.Account("C1")
	if got := a.Balance(); got != 20050-30000 {
		t.Errorf("balance after the payment %s", got)
	}
	for _, it := range a.Items {
		if it.ID == "VE:2" && (it.Open != 0 || it.Settled != d) {
			t.Errorf("the invoice paid: %+v", it)
		}
	}
	if rep, err := db.Check(); err != nil || !rep.OK() {
		t.Errorf("check with a payment applied: %+v %v", rep, err)
	}

	// Reversed once; the reversal dated before the payment is refused.
	err = db.Update(func(tx *Tx) error {
		_, err := tx.ReversePayment(p.ID, payment.Reversal{Date: d.AddDays(-1), Entered: d})
		return err
	})
	var pr *ledger.Problem
	if !errors.As(err, &pr) || pr.Key != "payment.err.reversal_date" {
		t.Errorf("reversal before the payment: %v", err)
	}
	err = db.Update(func(tx *Tx) error {
		_, err := tx.ReversePayment(p.ID, payment.Reversal{Date: d.AddDays(5), Reason: "chèque impayé", Entered: d.AddDays(5)})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, fn := range map[string]func(tx *Tx) error{
		"reverse again": func(tx *Tx) error {
			_, err := tx.ReversePayment(p.ID, payment.Reversal{Date: d.AddDays(6), Entered: d.AddDays(6)})
			return err
		},
		"supersede a reversed one": func(tx *Tx) error { return tx.SupersedePayment(p.ID, "BQ:1", d.AddDays(6)) },
		"unknown":                  func(tx *Tx) error { return tx.SupersedePayment("RG2026-000099", "BQ:1", d.AddDays(6)) },
	} {
		if err := db.Update(fn); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	db.Close()
	db, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	book, err = db.Load()
	if err != nil {
		t.Fatal(err)
	}
	if got := book.Account("C1").Balance(); got != 20050 {
		t.Errorf("balance after the reversal %s", got)
	}
	err = db.View(func(tx *Tx) error {
		pays, err := tx.Payments("C1")
		if err != nil {
			return err
		}
		if len(pays) != 1 || pays[0].Reversed == nil || pays[0].Reversed.Reason != "chèque impayé" {
			t.Errorf("stored: %+v", pays)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
