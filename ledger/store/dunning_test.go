package store

import (
	"errors"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/dunning"
)

func TestDunningEmptyBuckets(t *testing.T) {
	_, db := newDossier(t)
	defer db.Close()
	sc, r, err := db.LoadDunning()
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Actions)+len(r.Promises)+len(r.Plans) != 0 || len(sc) != 4 {
		t.Fatalf("empty dossier: %d scenarios, %+v", len(sc), r)
	}
}

func TestDunningRecords(t *testing.T) {
	path, db := disputeDossier(t)
	d := ledger.NewDate(2026, time.April, 10)
	err := db.Update(func(tx *Tx) error {
		if err := tx.PutCustomer(&ledger.Customer{ID: "C10", Name: "Other"}); err != nil {
			return err
		}
		for _, a := range []dunning.Action{
			{Customer: "C1", Kind: dunning.ActionKind(dunning.ChanLetter), Stage: "r1", Date: d, Items: []string{"VE:2"}, By: "cr"},
			{Customer: "C10", Kind: dunning.KindTermRequest, Date: d.AddDays(-3)},
			{Customer: "C1", Kind: dunning.ActionKind(dunning.ChanCall), Date: d.AddDays(-1), Outcome: dunning.OutcomeNoAnswer},
		} {
			if err := tx.AddAction(&a); err != nil {
				return err
			}
		}
		p := dunning.Promise{Customer: "C1", Made: d, Due: d.AddDays(10), Amount: 20050, Items: []string{"VE:2"}, Status: dunning.PromisePending}
		if err := tx.PutPromise(&p); err != nil {
			return err
		}
		pl := dunning.Plan{Customer: "C1", Agreed: d, Total: 20050, Status: dunning.PlanActive, Acknowledgement: true,
			Instalments: []dunning.Instalment{{Due: d.AddDays(30), Amount: 10000}, {Due: d.AddDays(60), Amount: 10050}}}
		return tx.PutPlan(&pl)
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.View(func(tx *Tx) error {
		acts, err := tx.Actions("C1")
		if err != nil {
			return err
		}
		if len(acts) != 2 || acts[0].Kind != "call" || acts[1].Stage != "r1" || acts[1].ID != "A2026-000001" {
			t.Errorf("C1 actions: %+v", acts)
		}
		all, _ := tx.Actions("")
		c10, _ := tx.Actions("C10")
		c, _ := tx.Actions("C")
		if len(all) != 3 || len(c10) != 1 || len(c) != 0 {
			t.Errorf("all %d, C10 %d, C %d", len(all), len(c10), len(c))
		}
		ps, _ := tx.Promises("C1")
		pl, _ := tx.Plans("")
		if len(ps) != 1 || ps[0].ID != "P2026-000001" || len(pl) != 1 || pl[0].ID != "E2026-000001" || !pl[0].Acknowledgement {
			t.Errorf("promises %+v plans %+v", ps, pl)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	// Refusals: nothing is written.
	cases := []struct {
		name string
		fn   func(tx *Tx) error
		key  string
	}{
		{"action with ID", func(tx *Tx) error {
			return tx.AddAction(&dunning.Action{ID: "A2026-000001", Customer: "C1", Kind: "call", Date: d})
		}, "dunning.err.action_rewrite"},
		{"action unknown customer", func(tx *Tx) error {
			return tx.AddAction(&dunning.Action{Customer: "ZZ", Kind: "call", Date: d})
		}, "dunning.err.unknown_customer"},
		{"action unknown item", func(tx *Tx) error {
			return tx.AddAction(&dunning.Action{Customer: "C1", Kind: "call", Date: d, Items: []string{"nope"}})
		}, "dunning.err.unknown_item"},
		{"action no date", func(tx *Tx) error {
			return tx.AddAction(&dunning.Action{Customer: "C1", Kind: "call"})
		}, "dunning.err.action_date"},
		{"promise amount rewritten", func(tx *Tx) error {
			ps, _ := tx.Promises("C1")
			ps[0].Amount = 1
			return tx.PutPromise(&ps[0])
		}, "dunning.err.promise_rewrite"},
		{"promise zero", func(tx *Tx) error {
			return tx.PutPromise(&dunning.Promise{Customer: "C1", Made: d, Due: d, Status: dunning.PromisePending})
		}, "dunning.err.promise_amount"},
		{"plan total", func(tx *Tx) error {
			return tx.PutPlan(&dunning.Plan{Customer: "C1", Agreed: d, Total: 5, Status: dunning.PlanActive,
				Instalments: []dunning.Instalment{{Due: d, Amount: 4}}})
		}, "dunning.err.plan_total"},
		{"plan instalments out of order", func(tx *Tx) error {
			return tx.PutPlan(&dunning.Plan{Customer: "C1", Agreed: d, Total: 8, Status: dunning.PlanActive,
				Instalments: []dunning.Instalment{{Due: d.AddDays(5), Amount: 4}, {Due: d.AddDays(5), Amount: 4}}})
		}, "dunning.err.plan_date"},
		{"plan instalments rewritten", func(tx *Tx) error {
			pl, _ := tx.Plans("C1")
			pl[0].Instalments[0].Amount = 1
			pl[0].Instalments[1].Amount = 20049
			return tx.PutPlan(&pl[0])
		}, "dunning.err.plan_rewrite"},
		{"scenario out of order", func(tx *Tx) error {
			return tx.PutScenario(dunning.Scenario{Class: "B", Steps: []dunning.Step{
				{Code: "r1", Offset: 10, Channel: dunning.ChanLetter}, {Code: "r2", Offset: 5, Channel: dunning.ChanLetter}}})
		}, "dunning.err.step_order"},
		{"scenario bad template", func(tx *Tx) error {
			return tx.PutScenario(dunning.Scenario{Class: "B", Steps: []dunning.Step{
				{Code: "r1", Offset: 10, Channel: dunning.ChanLetter, Template: "zz"}}})
		}, "dunning.err.step_template"},
	}
	for _, c := range cases {
		err := db.Update(c.fn)
		if !errors.Is(err, &ledger.Problem{Key: c.key}) {
			t.Errorf("%s: got %v, want %s", c.name, err, c.key)
		}
	}

	// Allowed changes: closing a promise once, a plan once, a custom scenario.
	err = db.Update(func(tx *Tx) error {
		ps, _ := tx.Promises("C1")
		ps[0].Status, ps[0].Closed, ps[0].Note = dunning.PromiseBroken, d.AddDays(14), "no payment"
		if err := tx.PutPromise(&ps[0]); err != nil {
			return err
		}
		pl, _ := tx.Plans("C1")
		pl[0].Status, pl[0].Closed = dunning.PlanDefaulted, d.AddDays(35)
		if err := tx.PutPlan(&pl[0]); err != nil {
			return err
		}
		return tx.PutScenario(dunning.Scenario{Class: "B", Steps: []dunning.Step{{Code: "r1", Offset: 3, Channel: dunning.ChanLetter, Template: "r1"}}})
	})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *Tx) error {
		ps, _ := tx.Promises("C1")
		ps[0].Status = dunning.PromiseKept
		return tx.PutPromise(&ps[0])
	})
	if !errors.Is(err, &ledger.Problem{Key: "dunning.err.promise_rewrite"}) {
		t.Errorf("re-closing a promise: %v", err)
	}
	sc, _, err := db.LoadDunning()
	if err != nil || len(sc["B"].Steps) != 1 || len(sc["A"].Steps) == 0 {
		t.Fatalf("scenarios: %v %+v", err, sc["B"])
	}
}
