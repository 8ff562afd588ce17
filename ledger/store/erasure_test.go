package store

import (
	"errors"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/dunning"
	"relance/ledger/law"
)

// The erasure rewrites the free text of a customer's register acts, judgments and
// procedures, and nothing else: a change to a date, an amount, a kind or a link is
// refused and the whole transaction writes nothing.
func TestEraseRecordText(t *testing.T) {
	_, db := disputeDossier(t)
	asOf := ledger.NewDate(2026, time.November, 23)
	dec := ledger.NewDate(2026, time.March, 10)
	ack := dunning.InterruptionRecord{Customer: "C1", Kind: law.Acknowledgement, Date: ledger.NewDate(2026, time.May, 4),
		Proof: "LRAR de M. Dupont", Note: "courrier de Dupont", By: "Sophie"}
	j := law.Judgment{Customer: "C1", Kind: law.JudgmentMerits, Decision: dec, Enforceable: dec.AddDays(20),
		Principal: 100000, Interest: law.InterestLegal, Court: "Tribunal de commerce de Lyon", Ref: "RG 26/1 Dupont",
		Payments: []law.JudgmentPayment{{Date: dec.AddDays(40), Amount: 20000, Ref: "VIR Dupont"}}}
	p := law.Procedure{Customer: "C1", Kind: law.Redressement, Judgment: dec, BODACC: dec.AddDays(10), Mandataire: "Me X",
		Note: "vu Dupont", Events: []law.ProcEvent{{Kind: law.EventContractNotice, Date: dec.AddDays(30), Subject: "bail de Dupont"}}}
	err := db.Update(func(tx *Tx) error {
		if err := tx.AddInterruption(&ack, asOf); err != nil {
			return err
		}
		if err := tx.PutJudgment(&j); err != nil {
			return err
		}
		return tx.PutProcedure(&p)
	})
	if err != nil {
		t.Fatal(err)
	}

	// A change beyond the free text is refused, nothing written.
	rev, _ := db.Revision()
	for name, f := range map[string]func(tx *Tx) error{
		"act date": func(tx *Tx) error {
			_, err := tx.EraseInterruptionText("C1", func(r *dunning.InterruptionRecord) { r.Note, r.Date = "", r.Date+1 })
			return err
		},
		"judgment principal": func(tx *Tx) error {
			_, err := tx.EraseJudgmentText("C1", func(j *law.Judgment) { j.Ref, j.Principal = "", 1 })
			return err
		},
		"payment amount": func(tx *Tx) error {
			_, err := tx.EraseJudgmentText("C1", func(j *law.Judgment) { j.Payments[0].Amount = 1 })
			return err
		},
		"event date": func(tx *Tx) error {
			_, err := tx.EraseProcedureText("C1", func(p *law.Procedure) { p.Events[0].Date++ })
			return err
		},
	} {
		if err := db.Update(f); !errors.Is(err, &ledger.Problem{Key: "privacy2.err.not_text"}) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if r, _ := db.Revision(); r != rev {
		t.Error("a refused erasure changed the dossier")
	}

	// The free text is rewritten, the rest kept.
	var n [3]int
	err = db.Update(func(tx *Tx) error {
		var err error
		if n[0], err = tx.EraseInterruptionText("C1", func(r *dunning.InterruptionRecord) { r.Proof, r.Note = "x", "y" }); err != nil {
			return err
		}
		if n[1], err = tx.EraseJudgmentText("C1", func(j *law.Judgment) { j.Ref, j.Payments[0].Ref = "RG 26/1", "VIR" }); err != nil {
			return err
		}
		n[2], err = tx.EraseProcedureText("C1", func(p *law.Procedure) { p.Note, p.Events[0].Subject = "", "z" })
		return err
	})
	if err != nil || n != [3]int{1, 1, 1} {
		t.Fatalf("erase: %v %v", err, n)
	}
	err = db.View(func(tx *Tx) error {
		rs, _ := tx.Interruptions("C1")
		js, _ := tx.Judgments("C1")
		ps, _ := tx.ProceduresOf("C1")
		if len(rs) != 1 || rs[0].Proof != "x" || rs[0].Note != "y" || rs[0].Date != ack.Date || rs[0].ID != ack.ID {
			t.Errorf("act %+v", rs)
		}
		if len(js) != 1 || js[0].Ref != "RG 26/1" || js[0].Court != j.Court || js[0].Payments[0].Ref != "VIR" ||
			js[0].Payments[0].Amount != 20000 || js[0].Principal != j.Principal {
			t.Errorf("judgment %+v", js)
		}
		if len(ps) != 1 || ps[0].Note != "" || ps[0].Events[0].Subject != "z" || ps[0].Events[0].Date != p.Events[0].Date {
			t.Errorf("procedure %+v", ps)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if k, err := eraseNobody(db); err != nil || k != 0 {
		t.Errorf("no customer: %d %v", k, err)
	}
}

// eraseNobody runs the three erasures without a customer: nothing to rewrite.
func eraseNobody(db *DB) (int, error) {
	var n int
	err := db.Update(func(tx *Tx) error {
		for _, f := range []func() (int, error){
			func() (int, error) { return tx.EraseInterruptionText("", func(*dunning.InterruptionRecord) {}) },
			func() (int, error) { return tx.EraseJudgmentText("", func(*law.Judgment) {}) },
			func() (int, error) { return tx.EraseProcedureText("", func(*law.Procedure) {}) },
		} {
			k, err := f()
			if err != nil {
				return err
			}
			n += k
		}
		return nil
	})
	return n, err
}
