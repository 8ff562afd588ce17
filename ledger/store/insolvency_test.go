package store

import (
	"errors"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/law"
)

func TestProcedures(t *testing.T) {
	path, db := disputeDossier(t)
	judgment := ledger.NewDate(2026, time.October, 5)
	// A dossier that never recorded a procedure has no bucket: reads say "none".
	if ps, err := db.LoadProcedures(); err != nil || len(ps) != 0 {
		t.Fatalf("empty dossier: %v %v", ps, err)
	}
	cases := []struct {
		name    string
		p       law.Procedure
		wantKey string
		wantID  string
	}{
		{"unknown customer", law.Procedure{Customer: "NOPE", Kind: law.Redressement, Judgment: judgment, BODACC: judgment.AddDays(10), Mandataire: "Me A"},
			"law.proc.err.customer", ""},
		{"invalid kind", law.Procedure{Customer: "C1", Kind: "faillite", Judgment: judgment, BODACC: judgment.AddDays(10), Mandataire: "Me A"},
			"law.proc.err.field", ""},
		{"first", law.Procedure{Customer: "C1", Kind: law.Redressement, Judgment: judgment, BODACC: judgment.AddDays(10), Mandataire: "Me A"},
			"", "J2026-0001"},
		{"second", law.Procedure{Customer: "C1", Kind: law.Liquidation, Judgment: judgment.AddDays(40), BODACC: judgment.AddDays(50), Mandataire: "Me A"},
			"", "J2026-0002"},
	}
	for _, c := range cases {
		p := c.p
		err := db.Update(func(tx *Tx) error { return tx.PutProcedure(&p) })
		if c.wantKey != "" {
			if !errors.Is(err, &ledger.Problem{Key: c.wantKey}) {
				t.Errorf("%s: %v, want %s", c.name, err, c.wantKey)
			}
			continue
		}
		if err != nil || p.ID != c.wantID {
			t.Errorf("%s: %v, id %q want %q", c.name, err, p.ID, c.wantID)
		}
	}
	db.Close()

	db, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ps, err := db.LoadProcedures()
	if err != nil || len(ps) != 2 || ps[0].Kind != law.Redressement || ps[1].ID != "J2026-0002" {
		t.Fatalf("procedures %+v %v", ps, err)
	}
	book, err := db.Load()
	if err != nil {
		t.Fatal(err)
	}
	if st := book.Account("C1").Customer.Status; st != ledger.StatusInsolvency {
		t.Errorf("customer status %q, want insolvency", st)
	}
	err = db.View(func(tx *Tx) error {
		mine, err := tx.ProceduresOf("C1")
		if err != nil || len(mine) != 2 {
			t.Errorf("ProceduresOf: %v %v", mine, err)
		}
		p, err := tx.Procedure("J2026-0001")
		if err != nil || p == nil || p.Mandataire != "Me A" {
			t.Errorf("Procedure: %v %v", p, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
