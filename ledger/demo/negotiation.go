package demo

import (
	"relance/ledger"
	"relance/ledger/dunning"
	"relance/ledger/store"
)

// NegotiationNote marks the broken promise of the demo's case study for the course
// module « Négocier un accord » (the programme's « Cas Tristan »): the business
// customer with the largest overdue of those with a dispute on part of it, to whom
// the demo adds a promise of half its undisputed overdue, made a month before today and broken
// two weeks before. Its situation makes a good negotiation: a large overdue, a
// broken promise, a partial dispute.
const NegotiationNote = "Cas d’étude « négocier un accord » : promesse obtenue par téléphone, non tenue"

// putNegotiationCase records the case study's broken promise in tx. It runs after
// putDisputes, putDunning, putInsolvency and putOverindebt, and leaves out the
// customers they keep busy (a pending promise, an active plan, a procedure, an
// over-indebtedness file).
func putNegotiationCase(tx *store.Tx, book *ledger.Book, today ledger.Date) error {
	ds, err := tx.Disputes()
	if err != nil {
		return err
	}
	rec, err := tx.Dunning()
	if err != nil {
		return err
	}
	procs, err := tx.Procedures()
	if err != nil {
		return err
	}
	disputed := map[string]ledger.Cents{}
	for _, d := range ds {
		if d.ActiveAt(today) {
			disputed[d.Customer] += d.Total()
		}
	}
	busy := map[string]bool{}
	for _, p := range rec.Promises {
		busy[p.Customer] = busy[p.Customer] || p.Status == dunning.PromisePending
	}
	for _, p := range rec.Plans {
		busy[p.Customer] = busy[p.Customer] || p.Status == dunning.PlanActive
	}
	for _, p := range procs {
		busy[p.Customer] = true
	}
	var pick *ledger.Account
	var best ledger.Cents
	for _, a := range book.Accounts {
		id := a.Customer.ID
		if a.Customer.Kind != ledger.Business || busy[id] || disputed[id] <= 0 {
			continue
		}
		k, err := tx.Overindebt(id)
		if err != nil {
			return err
		}
		if o := a.Overdue(today); k == nil && o > disputed[id] && o > best {
			pick, best = a, o
		}
	}
	if pick == nil {
		return nil
	}
	half := (best - disputed[pick.Customer.ID]) / 2 / 10000 * 10000 // a round figure: half the undisputed overdue, in hundreds of euros
	p := dunning.Promise{Customer: pick.Customer.ID, Made: today.AddDays(-30), Due: today.AddDays(-16), Amount: max(half, 10000),
		Status: dunning.PromiseBroken, Closed: today.AddDays(-13), By: Collector, Note: NegotiationNote}
	if err := tx.PutPromise(&p); err != nil {
		return err
	}
	return tx.AddAction(&dunning.Action{Customer: p.Customer, Kind: dunning.ActionKind(dunning.ChanCall), Stage: "call1",
		Date: p.Made, Outcome: dunning.OutcomePromise, By: Collector, Record: p.ID})
}

// NegotiationCase returns the ID of the demo's case-study customer in tx ("" when the
// dossier has none): the customer of the promise marked NegotiationNote.
func NegotiationCase(tx *store.Tx) (string, error) {
	rec, err := tx.Dunning()
	if err != nil {
		return "", err
	}
	for _, p := range rec.Promises {
		if p.Note == NegotiationNote {
			return p.Customer, nil
		}
	}
	return "", nil
}
