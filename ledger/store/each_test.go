package store

import (
	"encoding/json"
	"testing"

	bolt "go.etcd.io/bbolt"

	"relance/ledger"
	"relance/ledger/payment"
)

// EachAccount gives every account as Load builds it, the payments recorded by hand
// applied; CheckAccounts finds what CheckBook finds on the loaded book, and an items
// record of no customer.
func TestEachAccountAndCheckAccounts(t *testing.T) {
	_, db := newDossier(t)
	defer db.Close()
	d := ledger.NewDate(2026, 3, 20)
	err := db.Update(func(tx *Tx) error {
		for _, id := range []string{"C1", "C2", "C3"} {
			if err := tx.PutCustomer(&ledger.Customer{ID: id, Name: "Client " + id}); err != nil {
				return err
			}
		}
		if err := tx.PutItems("C1", sampleItems()); err != nil {
			return err
		}
		if err := tx.PutItems("C3", sampleItems()[:2]); err != nil {
			return err
		}
		p := payment.Payment{Customer: "C1", Date: d, Amount: 10000, Method: payment.Cheque, Entered: d, Source: payment.SourceManual,
			Allocations: []payment.Allocation{{Item: "VE:2", Number: "FA2", Amount: 10000}}}
		return tx.AddPayment(&p)
	})
	if err != nil {
		t.Fatal(err)
	}
	book, err := db.Load()
	if err != nil {
		t.Fatal(err)
	}
	var got []*ledger.Account
	if err := db.EachAccount(func(a *ledger.Account) error { got = append(got, a); return nil }); err != nil {
		t.Fatal(err)
	}
	js := func(v any) string {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if g, w := js(got), js(book.Accounts); g != w {
		t.Errorf("EachAccount\n got %.400s\nwant %.400s", g, w)
	}
	probs, err := db.CheckAccounts()
	if err != nil || len(probs) != 0 {
		t.Fatalf("sound dossier: %v, %v", probs, err)
	}
	// The ledger re-imported without VE:2, and an item whose open amount exceeds it.
	bad := sampleItems()[1:]
	bad[0].Open = bad[0].Amount + 1
	if err := db.bolt.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte(bItems)).Put([]byte("C1"), encodeItems(bad)) }); err != nil {
		t.Fatal(err)
	}
	if book, err = db.Load(); err != nil {
		t.Fatal(err)
	}
	want, err := db.CheckBook(book)
	if err != nil {
		t.Fatal(err)
	}
	probs, err = db.CheckAccounts()
	if err != nil || len(probs) != 2 || js(probs) != js(want) {
		t.Fatalf("CheckAccounts %s, %v; CheckBook %s", js(probs), err, js(want))
	}
	// An items record of no customer: the dossier is damaged.
	if err := db.bolt.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte(bItems)).Put([]byte("C0"), encodeItems(bad)) }); err != nil {
		t.Fatal(err)
	}
	probs, err = db.CheckAccounts()
	if err != nil || len(probs) == 0 || probs[len(probs)-1].Key != "err.dossier.corrupt" {
		t.Fatalf("an items record of no customer: %s, %v", js(probs), err)
	}
}
