package store

import (
	"errors"
	"testing"

	"relance/ledger"
	"relance/ledger/risk"
)

func TestRiskRecords(t *testing.T) {
	_, db := disputeDossier(t)
	day := ledger.NewDate(2026, 11, 23)

	// An empty bucket gives the default policy and no records.
	var pol risk.Policy
	var recs risk.Records
	err := db.View(func(tx *Tx) error {
		var err error
		if pol, err = tx.RiskPolicy(); err != nil {
			return err
		}
		recs, err = tx.RiskRecords()
		return err
	})
	if err != nil || len(pol.Classes) != 4 || len(recs.Overrides)+len(recs.Proposals) != 0 {
		t.Fatalf("empty bucket: %v %+v %+v", err, pol, recs)
	}

	refused := []struct {
		name string
		fn   func(tx *Tx) error
		key  string
	}{
		{"invalid policy", func(tx *Tx) error { p := risk.DefaultPolicy(); p.Classes[0].Code = ""; return tx.PutRiskPolicy(p) }, "risk.err.policy"},
		{"unknown class", func(tx *Tx) error {
			return tx.AddOverride(risk.Override{Customer: "C1", Class: "Z", Reason: "r", By: "b", Date: day})
		}, "risk.err.class"},
		{"unknown customer", func(tx *Tx) error {
			return tx.AddOverride(risk.Override{Customer: "C9", Class: "A", Reason: "r", By: "b", Date: day})
		}, "risk.err.customer"},
		{"override without reason", func(tx *Tx) error {
			return tx.AddOverride(risk.Override{Customer: "C1", Class: "A", By: "b", Date: day})
		}, "risk.err.field"},
		{"ack of an unknown signal", func(tx *Tx) error {
			return tx.AddAck(risk.Ack{Customer: "C1", Signal: "nope", Comment: "c", By: "b", Date: day})
		}, "risk.err.signal"},
		{"unknown proposal", func(tx *Tx) error {
			_, err := tx.DecideProposal("R2026-000099", risk.Accepted, "b", "", day)
			return err
		}, "risk.err.proposal"},
	}
	for _, c := range refused {
		err := db.Update(func(tx *Tx) error {
			if err := tx.AddAck(risk.Ack{Customer: "C1", Signal: risk.SigOverLimit, Comment: "written first", By: "b", Date: day}); err != nil {
				return err
			}
			return c.fn(tx)
		})
		if !errors.Is(err, &ledger.Problem{Key: c.key}) {
			t.Errorf("%s: got %v, want %s", c.name, err, c.key)
		}
	}
	db.View(func(tx *Tx) error { recs, err = tx.RiskRecords(); return err })
	if len(recs.Acks) != 0 {
		t.Fatalf("a refused action half-wrote: %+v", recs.Acks)
	}

	var id string
	err = db.Update(func(tx *Tx) error {
		p := risk.DefaultPolicy()
		p.Signals.DriftDays = 15
		if err := tx.PutRiskPolicy(p); err != nil {
			return err
		}
		if err := tx.AddOverride(risk.Override{Customer: "C1", Class: "C", Reason: "garantie", By: "Claire", Date: day}); err != nil {
			return err
		}
		if err := tx.AddOverride(risk.Override{Customer: "C1", Reason: "levée", By: "Claire", Date: day}); err != nil {
			return err
		}
		if err := tx.AddAck(risk.Ack{Customer: "C1", Signal: risk.SigOverLimit, Comment: "vu", By: "Claire", Date: day}); err != nil {
			return err
		}
		stored, err := tx.RecordChanges(risk.Changes{
			Initial:   []risk.Assignment{{Customer: "C1", Class: "B", Date: day.AddDays(-30), Source: risk.SourceInitial}},
			Proposals: []risk.Proposal{{Customer: "C1", Date: day, From: "B", To: "D", Score: 70}},
		})
		if err != nil {
			return err
		}
		id = stored[0].ID
		_, err = tx.DecideProposal(id, risk.Accepted, "Claire", "d'accord", day)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if id != "R2026-000005" { // overrides 1–2, ack 3, assignment 4
		t.Errorf("proposal ID %s", id)
	}
	err = db.Update(func(tx *Tx) error {
		_, err := tx.DecideProposal(id, risk.Rejected, "Claire", "", day)
		return err
	})
	if !errors.Is(err, &ledger.Problem{Key: "risk.err.decided"}) {
		t.Errorf("second decision: %v", err)
	}
	book, _ := db.Load()
	in, err := db.RiskInput(book, day)
	if err != nil {
		t.Fatal(err)
	}
	r := in.Records
	if in.Policy.Signals.DriftDays != 15 || len(r.Overrides) != 2 || r.Overrides[1].Class != "" || len(r.Acks) != 1 ||
		len(r.Proposals) != 1 || len(r.Decisions) != 1 || len(r.Assignments) != 2 || r.Assignments[1].Class != "D" {
		t.Fatalf("records: %+v", r)
	}
	res, err := risk.Assess(in)
	if err != nil {
		t.Fatal(err)
	}
	if as := res.Get("C1"); as.Class != "D" || as.Override != nil || as.Pending != nil {
		t.Fatalf("assessment: class %s override %v pending %v", as.Class, as.Override, as.Pending)
	}
}
