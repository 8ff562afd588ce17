package store

import (
	"errors"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"relance/ledger"
	"relance/ledger/dispute"
)

// disputeDossier has customer C1 (salesperson S1) with sampleItems: VE:2 open 200.50.
func disputeDossier(t *testing.T) (string, *DB) {
	t.Helper()
	path, db := newDossier(t)
	err := db.Update(func(tx *Tx) error {
		if err := tx.PutSalesperson(ledger.Salesperson{ID: "S1", Name: "Sophie"}); err != nil {
			return err
		}
		if err := tx.PutCustomer(&ledger.Customer{ID: "C1", Name: "Dupont", Salesperson: "S1"}); err != nil {
			return err
		}
		return tx.PutItems("C1", sampleItems())
	})
	if err != nil {
		t.Fatal(err)
	}
	return path, db
}

// A dossier written at schema 1 (no disputes or blocks bucket, schema 1 in meta)
// opens, is migrated to schema 2 after a backup, and keeps its data.
func TestMigrateSchema1To2(t *testing.T) {
	path, db := disputeDossier(t)
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{[]byte(bDisputes), []byte(bBlocks)} {
			if err := tx.DeleteBucket(b); err != nil {
				return err
			}
		}
		return tx.Bucket([]byte(bMeta)).Put([]byte(kSchema), u64(1))
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := Open(path, Options{ReadOnly: true}); !errors.Is(err, &ledger.Problem{Key: "err.dossier.migrate_ro"}) {
		t.Fatalf("read-only open of a schema-1 file: %v", err)
	}
	db, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var schema uint64
	db.bolt.View(func(tx *bolt.Tx) error { schema = getU64(tx.Bucket([]byte(bMeta)).Get([]byte(kSchema))); return nil })
	if schema != SchemaVersion {
		t.Fatalf("schema %d after migration", schema)
	}
	err = db.Update(func(tx *Tx) error {
		d := dispute.New("C1", []dispute.DisputedItem{{ItemID: "VE:2", Amount: 5000}}, dispute.ReasonPrice,
			ledger.NewDate(2026, time.April, 10), "cr", "S1", ledger.NoDate, "")
		if err := tx.PutDispute(&d); err != nil {
			return err
		}
		b := dispute.Block{Customer: "C1", Proposed: dispute.Proposal{Date: ledger.NewDate(2026, time.April, 10), By: "cr"}}
		return tx.PutBlock(&b)
	})
	if err != nil {
		t.Fatal(err)
	}
	book, err := db.Load()
	if err != nil || len(book.Accounts) != 1 || len(book.Accounts[0].Items) != 3 {
		t.Fatalf("data after migration: %v", err)
	}
}

func TestPutDispute(t *testing.T) {
	_, db := disputeDossier(t)
	defer db.Close()
	opened := ledger.NewDate(2026, time.April, 10)
	mk := func(item string, amount ledger.Cents) dispute.Dispute {
		return dispute.New("C1", []dispute.DisputedItem{{ItemID: item, Amount: amount}}, dispute.ReasonQuality, opened, "cr", "S1", ledger.NoDate, "")
	}
	refused := []struct {
		name string
		d    func() dispute.Dispute
		key  string
	}{
		{"unknown customer", func() dispute.Dispute { d := mk("VE:2", 100); d.Customer = "ZZ"; return d }, "dispute.err.unknown_customer"},
		{"unknown item", func() dispute.Dispute { return mk("VE:9", 100) }, "dispute.err.unknown_item"},
		{"above open", func() dispute.Dispute { return mk("VE:2", 20051) }, "dispute.err.over_open"},
		{"settled invoice", func() dispute.Dispute { return mk("VE:1", 100) }, "dispute.err.over_open"},
		{"payment", func() dispute.Dispute { return mk("BQ:1", 100) }, "dispute.err.over_open"},
		{"unknown owner", func() dispute.Dispute { d := mk("VE:2", 100); d.Owner = "S9"; return d }, "dispute.err.unknown_owner"},
		{"invalid", func() dispute.Dispute { d := mk("VE:2", 100); d.Reason = "x"; return d }, "dispute.err.reason"},
	}
	for _, tc := range refused {
		rev0, _ := db.Revision()
		err := db.Update(func(tx *Tx) error { d := tc.d(); return tx.PutDispute(&d) })
		if !errors.Is(err, &ledger.Problem{Key: tc.key}) {
			t.Errorf("%s: %v, want %s", tc.name, err, tc.key)
		}
		if rev, _ := db.Revision(); rev != rev0 {
			t.Errorf("%s: half-written", tc.name)
		}
	}
	// Sequential IDs per year; the whole open amount may be disputed; internal owner.
	var ids []string
	for i, amount := range []ledger.Cents{20050, 100, 100} {
		d := mk("VE:2", amount)
		if i == 2 {
			d.Owner = dispute.Internal
			d.Opened = ledger.NewDate(2027, time.January, 5)
			d.History[0].Date = d.Opened
		}
		if err := db.Update(func(tx *Tx) error { return tx.PutDispute(&d) }); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, d.ID)
	}
	if ids[0] != "L2026-0001" || ids[1] != "L2026-0002" || ids[2] != "L2027-0001" {
		t.Errorf("ids %v", ids)
	}
	// A status change is stored; a rewritten history is refused; a closed dispute is frozen.
	err := db.Update(func(tx *Tx) error {
		d, err := tx.MustDispute("L2026-0001")
		if err != nil {
			return err
		}
		if err := d.Move(dispute.StatusResolved, opened.AddDays(3), "cr", "", &dispute.Resolution{Kind: dispute.ResolvedRejected}); err != nil {
			return err
		}
		return tx.PutDispute(d)
	})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *Tx) error {
		d, _ := tx.MustDispute("L2026-0002")
		d.History[0].Comment = "changed"
		return tx.PutDispute(d)
	})
	if !errors.Is(err, &ledger.Problem{Key: "dispute.err.rewrite"}) {
		t.Errorf("rewrite: %v", err)
	}
	err = db.Update(func(tx *Tx) error {
		d, _ := tx.MustDispute("L2026-0001")
		d.Attachments = append(d.Attachments, "avoir.pdf")
		if err := d.AddNote(opened.AddDays(5), "cr", "credit note sent"); err != nil {
			return err
		}
		return tx.PutDispute(d)
	})
	if err != nil {
		t.Errorf("note on a closed dispute: %v", err)
	}
	err = db.Update(func(tx *Tx) error {
		d, _ := tx.MustDispute("L2026-0001")
		d.Reason = dispute.ReasonPrice
		return tx.PutDispute(d)
	})
	if !errors.Is(err, &ledger.Problem{Key: "dispute.err.closed_change"}) {
		t.Errorf("closed change: %v", err)
	}
	if err := db.View(func(tx *Tx) error { _, err := tx.MustDispute("L1999-0001"); return err }); !errors.Is(err, &ledger.Problem{Key: "dispute.err.notfound"}) {
		t.Errorf("missing dispute: %v", err)
	}
	var all []dispute.Dispute
	db.View(func(tx *Tx) error { all, err = tx.Disputes(); return err })
	if len(all) != 3 || all[0].Status != dispute.StatusResolved || all[0].Resolution.Kind != dispute.ResolvedRejected {
		t.Errorf("disputes %+v", all)
	}
}

func TestPutBlock(t *testing.T) {
	_, db := disputeDossier(t)
	defer db.Close()
	d := ledger.NewDate(2026, time.April, 10)
	b := dispute.Block{Customer: "C1", Proposed: dispute.Proposal{Date: d, By: "cr", Reasons: []dispute.BlockReason{{Key: "dispute.block.reason.manual", Args: []string{"text", "x"}}}}}
	if err := db.Update(func(tx *Tx) error { return tx.PutBlock(&b) }); err != nil || b.ID != "B2026-0001" {
		t.Fatalf("%v %s", err, b.ID)
	}
	err := db.Update(func(tx *Tx) error {
		x, _ := tx.Block(b.ID)
		return x.LiftBlock(dispute.Lift{Date: d, By: "cr"})
	})
	if !errors.Is(err, &ledger.Problem{Key: "dispute.block.err.notblocked"}) {
		t.Errorf("lift of a proposal: %v", err)
	}
	err = db.Update(func(tx *Tx) error {
		x, _ := tx.Block(b.ID)
		if err := x.Decide(dispute.Decision{Date: d.AddDays(1), By: "dg", Blocked: true}, "pay F1"); err != nil {
			return err
		}
		return tx.PutBlock(x)
	})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *Tx) error {
		x, _ := tx.Block(b.ID)
		x.Decision.Blocked = false
		return tx.PutBlock(x)
	})
	if !errors.Is(err, &ledger.Problem{Key: "dispute.block.err.rewrite"}) {
		t.Errorf("rewritten decision: %v", err)
	}
	bad := dispute.Block{Customer: "ZZ", Proposed: dispute.Proposal{Date: d, By: "cr"}}
	if err := db.Update(func(tx *Tx) error { return tx.PutBlock(&bad) }); !errors.Is(err, &ledger.Problem{Key: "dispute.err.unknown_customer"}) {
		t.Errorf("unknown customer: %v", err)
	}
	var all []dispute.Block
	db.View(func(tx *Tx) error { all, err = tx.Blocks(); return err })
	if len(all) != 1 || all[0].State() != dispute.BlockActive || all[0].LiftConditions != "pay F1" {
		t.Errorf("blocks %+v", all)
	}
}
