package store

import (
	"errors"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/cheque"
	"relance/ledger/payment"
)

// An unpaid cheque is stored with the next ID of its rejection's year, refused whole
// when it names an unknown customer, invoice or return, and its steps are added in
// the procedure's order; its notes alone are erased.
func TestCheques(t *testing.T) {
	_, db := disputeDossier(t)
	defer db.Close()
	rej := ledger.NewDate(2026, time.October, 5)
	ok := cheque.Cheque{Customer: "C1", Number: "0001234", Bank: "Banque Exemple", Amount: 20050,
		Presented: rej.AddDays(-3), Rejected: rej, Reason: cheque.NoFunds, Invoices: []string{"VE:2"}, Notes: "a dit qu'il paierait"}
	for _, c := range []struct {
		name    string
		change  func(*cheque.Cheque)
		wantKey string
		wantID  string
	}{
		{"unknown customer", func(c *cheque.Cheque) { c.Customer = "NOPE" }, "cheque.err.customer", ""},
		{"unknown invoice", func(c *cheque.Cheque) { c.Invoices = []string{"VE:9"} }, "cheque.err.invoice", ""},
		{"unknown return", func(c *cheque.Cheque) { c.Return = "RG2026-000099" }, "cheque.err.return", ""},
		{"no amount", func(c *cheque.Cheque) { c.Amount = 0 }, "cheque.err.field", ""},
		{"first", func(*cheque.Cheque) {}, "", "CH2026-0001"},
		{"same number", func(*cheque.Cheque) {}, "cheque.err.duplicate", ""},
		{"item as return", func(c *cheque.Cheque) { c.Number, c.Return = "77", "VE:1" }, "", "CH2026-0002"},
		{"return used", func(c *cheque.Cheque) { c.Number, c.Return = "78", "VE:1" }, "cheque.err.return_used", ""},
		{"given ID", func(c *cheque.Cheque) { c.ID = "CH2026-0001" }, "cheque.err.has_id", ""},
	} {
		ch := ok
		c.change(&ch)
		err := db.Update(func(tx *Tx) error { return tx.PutCheque(&ch) })
		if c.wantKey != "" {
			if !errors.Is(err, &ledger.Problem{Key: c.wantKey}) {
				t.Errorf("%s: %v, want %s", c.name, err, c.wantKey)
			}
			continue
		}
		if err != nil || ch.ID != c.wantID {
			t.Errorf("%s: %v, id %q want %q", c.name, err, ch.ID, c.wantID)
		}
	}
	// a return recorded with `payment return` is linked
	err := db.Update(func(tx *Tx) error {
		p := payment.Payment{Customer: "C1", Date: rej.AddDays(-10), Amount: 5000, Method: payment.Cheque, Ref: "555",
			Entered: rej.AddDays(-10), Source: payment.SourceManual}
		if err := tx.AddPayment(&p); err != nil {
			return err
		}
		r := payment.Payment{Customer: "C1", Date: rej, Amount: 5000, Method: payment.Cheque, Ref: "555", Entered: rej,
			Source: payment.SourceManual, Kind: payment.KindReturn, Returns: p.ID}
		if err := tx.AddPayment(&r); err != nil {
			return err
		}
		ch := ok
		ch.Number, ch.Amount, ch.Return = "555", 5000, r.ID
		return tx.PutCheque(&ch)
	})
	if err != nil {
		t.Fatal(err)
	}
	step := func(id string, k cheque.Kind, d ledger.Date) error {
		return db.Update(func(tx *Tx) error { _, err := tx.RecordChequeStep(id, k, d, "Me Martin"); return err })
	}
	if err := step("CH2026-0001", cheque.KindServed, rej.AddDays(40)); !errors.Is(err, &ledger.Problem{Key: "cheque.err.needs"}) {
		t.Errorf("served before the certificate: %v", err)
	}
	if err := step("CH2099-0001", cheque.KindLetter, rej); !errors.Is(err, &ledger.Problem{Key: "cheque.err.unknown"}) {
		t.Errorf("unknown cheque: %v", err)
	}
	for _, s := range []struct {
		k cheque.Kind
		d ledger.Date
	}{{cheque.KindCertRequested, rej.AddDays(30)}, {cheque.KindCertObtained, rej.AddDays(35)}, {cheque.KindServed, rej.AddDays(40)}} {
		if err := step("CH2026-0001", s.k, s.d); err != nil {
			t.Fatalf("%s: %v", s.k, err)
		}
	}
	err = db.Update(func(tx *Tx) error {
		c, err := tx.ChequeLetterIssued("CH2026-0001", rej.AddDays(2), "LT000007")
		if err != nil || c.LetterID != "LT000007" || c.Letter != rej.AddDays(2) {
			t.Errorf("letter %+v %v", c, err)
		}
		c, err = tx.ChequeLetterIssued("CH2026-0001", rej.AddDays(9), "LT000008")
		if err != nil || c.LetterID != "LT000007" {
			t.Errorf("second letter %+v %v", c, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	cs, err := db.LoadCheques("C1")
	if err != nil || len(cs) != 3 || cs[0].Served != rej.AddDays(40) || cs[0].Officer != "Me Martin" {
		t.Fatalf("cheques %+v %v", cs, err)
	}
	err = db.Update(func(tx *Tx) error {
		_, err := tx.EraseChequeText("C1", func(c *cheque.Cheque) { c.Amount++ })
		return err
	})
	if !errors.Is(err, &ledger.Problem{Key: "privacy2.err.not_text"}) {
		t.Errorf("an erasure changing the amount: %v", err)
	}
	err = db.Update(func(tx *Tx) error {
		n, err := tx.EraseChequeText("C1", func(c *cheque.Cheque) { c.Notes = "[effacé]" })
		if n != 3 {
			t.Errorf("erased %d", n)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if cs, _ = db.LoadCheques(""); cs[0].Notes != "[effacé]" || cs[0].Amount != 20050 {
		t.Errorf("after erasure %+v", cs[0])
	}
}
