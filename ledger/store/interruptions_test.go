package store

import (
	"errors"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/dunning"
	"relance/ledger/law"
)

// The register of interruptions round-trips through the file; it is append-only (an
// end added once, a correction by a later record), refuses what does not hold and
// writes nothing then; Dunning hands it to the limitation computation.
func TestInterruptionRegister(t *testing.T) {
	path, db := disputeDossier(t)
	asOf := ledger.NewDate(2026, time.November, 23)
	add := func(r *dunning.InterruptionRecord) error {
		return db.Update(func(tx *Tx) error { return tx.AddInterruption(r, asOf) })
	}
	ack := dunning.InterruptionRecord{Customer: "C1", Kind: law.Acknowledgement, Date: ledger.NewDate(2026, time.May, 4),
		Items: []string{"VE:2"}, Proof: "LRAR 1A 234 567 8901 2", Note: "courrier du gérant", By: "Sophie"}
	if err := add(&ack); err != nil || ack.ID != "IP2026-000001" || ack.Recorded != asOf {
		t.Fatalf("add: %v, %+v", err, ack)
	}
	suit := dunning.InterruptionRecord{Customer: "C1", Kind: law.LegalAction, Date: ledger.NewDate(2026, time.June, 1), Proof: "RG 26/01234", By: "Sophie"}
	if err := add(&suit); err != nil || suit.ID != "IP2026-000002" {
		t.Fatalf("add the suit: %v %+v", err, suit)
	}
	rev, _ := db.Revision()

	var pr *ledger.Problem
	refused := map[string]dunning.InterruptionRecord{
		"interrupt.err.rewrite":         ack,
		"dunning.err.unknown_customer":  {Customer: "C9", Kind: law.Acknowledgement, Date: asOf},
		"dunning.err.unknown_item":      {Customer: "C1", Kind: law.Acknowledgement, Date: asOf, Items: []string{"VE:9"}},
		"interrupt.err.public_only":     {Customer: "C1", Kind: law.AdminLetter, Date: asOf},
		"interrupt.err.future":          {Customer: "C1", Kind: law.Enforcement, Date: asOf.AddDays(1)},
		"interrupt.err.duplicate":       {Customer: "C1", Kind: law.Acknowledgement, Date: ack.Date, Items: []string{"VE:2"}},
		"interrupt.err.unknown":         {Customer: "C1", Kind: law.Enforcement, Date: asOf, Replaces: "IP2026-000099"},
		"interrupt.err.withdraw_reason": {Customer: "C1", Kind: law.Acknowledgement, Date: ack.Date, Replaces: ack.ID, Withdrawn: true},
	}
	for key, r := range refused {
		if err := add(&r); !errors.As(err, &pr) || pr.Key != key {
			t.Errorf("%s: %v", key, err)
		}
	}
	if r, _ := db.Revision(); r != rev {
		t.Error("a refused record changed the dossier")
	}

	// The end of the suit, once; not before the suit, not after the entry date; an
	// acknowledgement has none.
	end := func(id string, d ledger.Date) (*dunning.InterruptionRecord, error) {
		var out *dunning.InterruptionRecord
		err := db.Update(func(tx *Tx) error {
			var err error
			out, err = tx.EndInterruption(id, d, "Sophie", asOf)
			return err
		})
		return out, err
	}
	for key, c := range map[string]struct {
		id string
		d  ledger.Date
	}{
		"interrupt.err.end_before": {suit.ID, suit.Date.AddDays(-1)},
		"interrupt.err.end_future": {suit.ID, asOf.AddDays(1)},
		"interrupt.err.no_end":     {ack.ID, asOf},
		"interrupt.err.unknown_id": {"IP2026-000077", asOf},
	} {
		if _, err := end(c.id, c.d); !errors.As(err, &pr) || pr.Key != key {
			t.Errorf("end %s: %v", key, err)
		}
	}
	ended, err := end(suit.ID, ledger.NewDate(2026, time.October, 15))
	if err != nil || ended.End != ledger.NewDate(2026, time.October, 15) || ended.EndBy != "Sophie" || ended.EndRecorded != asOf {
		t.Fatalf("end: %v %+v", err, ended)
	}
	if _, err := end(suit.ID, asOf); !errors.As(err, &pr) || pr.Key != "interrupt.err.already_ended" {
		t.Errorf("second end: %v", err)
	}

	// A correction replaces the acknowledgement: the new date counts, the old one stays.
	fix := ack
	fix.ID, fix.Date, fix.Replaces = "", ledger.NewDate(2026, time.May, 6), ack.ID
	if err := add(&fix); err != nil {
		t.Fatal(err)
	}
	again := fix
	again.ID, again.Date = "", ledger.NewDate(2026, time.May, 7)
	if err := add(&again); !errors.As(err, &pr) || pr.Key != "interrupt.err.replaced" {
		t.Errorf("second correction of the same record: %v", err)
	}

	// Round trip through the file.
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var rec dunning.Records
	if err := db.View(func(tx *Tx) error { rec, err = tx.Dunning(); return err }); err != nil {
		t.Fatal(err)
	}
	if len(rec.Register) != 3 {
		t.Fatalf("register: %+v", rec.Register)
	}
	got := rec.Register[0]
	if got.ID != ack.ID || got.Proof != ack.Proof || got.Note != ack.Note || got.By != "Sophie" || got.Items[0] != "VE:2" {
		t.Errorf("read back %+v", got)
	}
	in := rec.Interruptions()("C1", "VE:2")
	if len(in) != 2 || in[0].Date != fix.Date || in[1].Kind != law.LegalAction || in[1].End != ended.End {
		t.Errorf("counted: %+v", in)
	}
	if rep, err := db.Check(); err != nil || !rep.OK() {
		t.Errorf("check: %+v %v", rep, err)
	}
}

// A claim filed in an insolvency is linked to the customer's procedure opened by then;
// one dated before the opening judgment is refused.
func TestInsolvencyClaimProcedure(t *testing.T) {
	_, db := disputeDossier(t)
	defer db.Close()
	asOf := ledger.NewDate(2026, time.November, 23)
	p := law.Procedure{Customer: "C1", Kind: law.Redressement, Judgment: ledger.NewDate(2026, time.September, 1),
		BODACC: ledger.NewDate(2026, time.September, 10), Mandataire: "Me Martin"}
	if err := db.Update(func(tx *Tx) error { return tx.PutProcedure(&p) }); err != nil {
		t.Fatal(err)
	}
	early := dunning.InterruptionRecord{Customer: "C1", Kind: dunning.InsolvencyClaim, Date: ledger.NewDate(2026, time.August, 20)}
	var pr *ledger.Problem
	if err := db.Update(func(tx *Tx) error { return tx.AddInterruption(&early, asOf) }); !errors.As(err, &pr) || pr.Key != "interrupt.err.before_judgment" {
		t.Errorf("claim before the judgment: %v", err)
	}
	claim := dunning.InterruptionRecord{Customer: "C1", Kind: dunning.InsolvencyClaim, Date: ledger.NewDate(2026, time.October, 2)}
	if err := db.Update(func(tx *Tx) error { return tx.AddInterruption(&claim, asOf) }); err != nil || claim.Procedure != p.ID {
		t.Errorf("claim: %v, procedure %q want %q", err, claim.Procedure, p.ID)
	}
}
