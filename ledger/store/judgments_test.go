package store

import (
	"errors"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/law"
)

// A judgment is stored with the next ID of its decision's year, refused whole when it
// does not validate or names an unknown customer, and payments are added to it later.
func TestJudgments(t *testing.T) {
	path, db := disputeDossier(t)
	dec := ledger.NewDate(2026, time.March, 10)
	ok := law.Judgment{Customer: "C1", Kind: law.JudgmentMerits, Decision: dec, Enforceable: dec.AddDays(20),
		Principal: 100000, Interest: law.InterestLegal, Art700: 50000}
	for _, c := range []struct {
		name    string
		change  func(*law.Judgment)
		wantKey string
		wantID  string
	}{
		{"unknown customer", func(j *law.Judgment) { j.Customer = "NOPE" }, "judgment.err.customer", ""},
		{"no principal", func(j *law.Judgment) { j.Principal = 0 }, "judgment.err.field", ""},
		{"first", func(*law.Judgment) {}, "", "JG2026-0001"},
		{"second", func(*law.Judgment) {}, "", "JG2026-0002"},
		{"given ID", func(j *law.Judgment) { j.ID = "JG2026-0001" }, "judgment.err.has_id", ""},
	} {
		j := ok
		c.change(&j)
		err := db.Update(func(tx *Tx) error { return tx.PutJudgment(&j) })
		if c.wantKey != "" {
			if !errors.Is(err, &ledger.Problem{Key: c.wantKey}) {
				t.Errorf("%s: %v, want %s", c.name, err, c.wantKey)
			}
			continue
		}
		if err != nil || j.ID != c.wantID {
			t.Errorf("%s: %v, id %q want %q", c.name, err, j.ID, c.wantID)
		}
	}
	pay := law.JudgmentPayment{Date: dec.AddDays(40), Amount: 30000, Ref: "CJ"}
	err := db.Update(func(tx *Tx) error { _, err := tx.AddJudgmentPayment("JG2026-0002", pay); return err })
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *Tx) error {
		_, err := tx.AddJudgmentPayment("JG2026-0002", law.JudgmentPayment{Date: dec.AddDays(-1), Amount: 100})
		return err
	})
	if !errors.Is(err, &ledger.Problem{Key: "judgment.err.payment_before"}) {
		t.Errorf("payment before the decision: %v", err)
	}
	err = db.Update(func(tx *Tx) error { _, err := tx.AddJudgmentPayment("JG2099-0001", pay); return err })
	if !errors.Is(err, &ledger.Problem{Key: "judgment.err.unknown"}) {
		t.Errorf("unknown judgment: %v", err)
	}
	db.Close()

	db, err = Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	js, err := db.LoadJudgments("C1")
	if err != nil || len(js) != 2 || js[1].ID != "JG2026-0002" || len(js[1].Payments) != 1 || js[1].Payments[0] != pay ||
		len(js[0].Payments) != 0 || js[0].Art700 != 50000 {
		t.Fatalf("judgments %+v %v", js, err)
	}
	if other, err := db.LoadJudgments("C2"); err != nil || len(other) != 0 {
		t.Errorf("C2: %+v %v", other, err)
	}
}
