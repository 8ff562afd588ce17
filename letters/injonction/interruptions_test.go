package injonction

import (
	"path/filepath"
	"testing"

	"relance/ledger"
	"relance/ledger/dunning"
	"relance/ledger/law"
	"relance/ledger/store"
)

// The pack's limitation check counts the register of interruptions item by item: an
// invoice whose five years ran out is left out of the claim, unless an act of the
// register (here an acknowledgement of that invoice) restarted its period.
func TestPackCountsTheRegister(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.db")
	s := ledger.DefaultSettings()
	s.Company.Name = "Test SARL"
	db, err := store.Create(path, s)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	doc, due := ledger.NewDate(2020, 2, 1), ledger.NewDate(2020, 3, 2) // five years: 2 March 2025
	items := []ledger.Item{
		{ID: "VE:1", Kind: ledger.Invoice, Number: "FA1", DocDate: doc, DueDate: due, Amount: 150000, Open: 150000},
		{ID: "VE:2", Kind: ledger.Invoice, Number: "FA2", DocDate: doc, DueDate: due, Amount: 80000, Open: 80000},
	}
	ack := dunning.InterruptionRecord{Customer: "C1", Kind: law.Acknowledgement, Date: ledger.NewDate(2024, 6, 1), Items: []string{"VE:1"}, By: "test"}
	err = db.Update(func(tx *store.Tx) error {
		if err := tx.PutCustomer(&ledger.Customer{ID: "C1", Name: "Dupont SARL", Kind: ledger.Business,
			Address: ledger.Address{Lines: []string{"1 rue de la Paix"}, Postcode: "75002", City: "Paris"}}); err != nil {
			return err
		}
		if err := tx.PutItems("C1", items); err != nil {
			return err
		}
		return tx.AddInterruption(&ack, today)
	})
	if err != nil {
		t.Fatal(err)
	}
	book, err := db.Load()
	if err != nil {
		t.Fatal(err)
	}
	p, err := Prepare(db, book, "C1", today, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, l := range p.Lines {
		got[l.Number] = l.Excluded
	}
	if got["FA1"] != "" || got["FA2"] != "law.ip.excl.limitation" {
		t.Errorf("claim lines: %+v", p.Lines)
	}
}
