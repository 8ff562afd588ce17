package demo

import (
	"path/filepath"
	"reflect"
	"testing"

	"relance/ledger"
	"relance/ledger/dispute"
	"relance/ledger/store"
)

func TestDemoDisputes(t *testing.T) {
	book := Book(today)
	ds, bs := Disputes(book, today)
	ds2, bs2 := Disputes(Book(today), today)
	if !reflect.DeepEqual(ds, ds2) || !reflect.DeepEqual(bs, bs2) {
		t.Fatal("demo disputes are not deterministic")
	}
	if len(ds) != len(disputeScript) {
		t.Fatalf("%d disputes, want %d", len(ds), len(disputeScript))
	}
	status, reasons, res, owners := map[dispute.Status]int{}, map[dispute.Reason]int{}, map[dispute.ResolutionKind]int{}, map[string]int{}
	for _, d := range ds {
		if err := d.Validate(); err != nil {
			t.Error(err)
		}
		status[d.Status]++
		reasons[d.Reason]++
		owners[d.Owner]++
		if d.Resolution != nil {
			res[d.Resolution.Kind]++
		}
		if d.History[len(d.History)-1].Date > today {
			t.Errorf("%s: history after today", d.Customer)
		}
	}
	for _, s := range dispute.Statuses() {
		if status[s] == 0 {
			t.Errorf("no %s dispute", s)
		}
	}
	for _, r := range dispute.Reasons() {
		if reasons[r] == 0 {
			t.Errorf("no %s dispute", r)
		}
	}
	if res[dispute.ResolvedCreditNote] == 0 || res[dispute.ResolvedRejected] == 0 || res[dispute.ResolvedPartial] == 0 || res[dispute.ResolvedCancelled] != 1 {
		t.Errorf("resolutions %v", res)
	}
	for _, sp := range book.Salespeople {
		if owners[sp.ID] == 0 {
			t.Errorf("%s owns no dispute", sp.ID)
		}
	}
	states := map[dispute.BlockState]int{}
	for _, b := range bs {
		if err := b.Validate(); err != nil {
			t.Error(err)
		}
		states[b.State()]++
	}
	if len(bs) != 3 || states[dispute.BlockProposed] != 1 || states[dispute.BlockActive] != 1 || states[dispute.BlockLifted] != 1 {
		t.Errorf("blocks %v", states)
	}
	// The dossier holds them, numbered in order, and the disputed amounts show.
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := Create(path, today); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var stored []dispute.Dispute
	var blocks []dispute.Block
	db.View(func(tx *store.Tx) error {
		stored, _ = tx.Disputes()
		blocks, _ = tx.Blocks()
		return nil
	})
	if len(stored) != len(ds) || stored[0].ID != "L2026-0001" && stored[0].ID[:1] != "L" || len(blocks) != 3 {
		t.Fatalf("stored %d disputes, %d blocks", len(stored), len(blocks))
	}
	idx := dispute.NewIndex(stored)
	var disputed ledger.Cents
	for _, a := range book.Accounts {
		for i := range a.Items {
			disputed += idx.DisputedAmount(&a.Items[i], today)
		}
	}
	if disputed <= 0 || len(idx.Open(today)) != status[dispute.StatusOpen]+status[dispute.StatusWithSales]+status[dispute.StatusAnswerReceived] {
		t.Errorf("disputed now %v, open %d", disputed, len(idx.Open(today)))
	}
}
