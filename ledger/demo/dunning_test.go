package demo

import (
	"path/filepath"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/dispute"
	"relance/ledger/dunning"
	"relance/ledger/store"
)

// The demo dossier has a realistic agenda on its today, promises in each state and
// two payment plans, one honoured and one defaulted.
func TestDemoDunning(t *testing.T) {
	today := ledger.NewDate(2026, time.November, 23)
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := Create(path, today); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	book, err := db.Load()
	if err != nil {
		t.Fatal(err)
	}
	sc, rec, err := db.LoadDunning()
	if err != nil {
		t.Fatal(err)
	}
	ds, _, _ := db.LoadDisputes()
	ag := dunning.Run(dunning.Input{Book: book, AsOf: today, Scenarios: sc, Records: rec, Disputes: dispute.NewIndex(ds)})
	channels := map[dunning.Channel]int{}
	overdue := 0
	for _, e := range ag.Entries {
		channels[e.Channel]++
		if e.Overdue(today) {
			overdue++
		}
	}
	if len(ag.Entries) < 10 || len(ag.Entries) > 60 || len(channels) < 3 || overdue == 0 {
		t.Errorf("agenda: %d entries, channels %v, %d overdue", len(ag.Entries), channels, overdue)
	}
	states := map[dunning.PromiseStatus]int{}
	for _, p := range rec.Promises {
		states[dunning.PromiseStateAt(p, book.Account(p.Customer), today)]++
	}
	for _, s := range []dunning.PromiseStatus{dunning.PromisePending, dunning.PromiseKept, dunning.PromiseBroken} {
		if states[s] == 0 {
			t.Errorf("no %s promise: %v", s, states)
		}
	}
	plans := map[dunning.PlanStatus]int{}
	for _, p := range rec.Plans {
		plans[dunning.PlanStateAt(p, book.Account(p.Customer), today).Status]++
	}
	if len(rec.Plans) != 2 || plans[dunning.PlanActive] != 1 || plans[dunning.PlanDefaulted] != 1 {
		t.Errorf("plans: %v", plans)
	}
	terms := 0
	for _, a := range rec.Actions {
		if a.Kind == dunning.KindTermRequest {
			terms++
		}
	}
	if terms != 2 || len(rec.Actions) < 100 {
		t.Errorf("%d term requests, %d actions", terms, len(rec.Actions))
	}
}
