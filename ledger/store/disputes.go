package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	bolt "go.etcd.io/bbolt"

	"relance/ledger"
	"relance/ledger/dispute"
)

// Buckets disputes and blocks (schema 2, declared in schema.go):
//
//	disputes  dispute ID ("L2026-0001") → JSON dispute.Dispute
//	blocks    block ID ("B2026-0001")   → JSON dispute.Block
//
// IDs are sequential per year of the opening (or proposal) date, zero-padded so that
// bbolt's byte order is the numbering order.

// Prefixes of the sequential IDs.
const (
	DisputePrefix = "L" // litige
	BlockPrefix   = "B" // blocage
)

// nextID returns the next ID prefix+"YYYY-NNNN" in bucket b for year.
func nextID(b *bolt.Bucket, prefix string, year int) string {
	head := prefix + strconv.Itoa(year) + "-"
	n := 0
	c := b.Cursor()
	for k, _ := c.Seek([]byte(head)); k != nil && bytes.HasPrefix(k, []byte(head)); k, _ = c.Next() {
		if v, err := strconv.Atoi(string(k[len(head):])); err == nil && v > n {
			n = v
		}
	}
	return fmt.Sprintf("%s%04d", head, n+1)
}

// Dispute returns dispute id, or nil when there is none.
func (t *Tx) Dispute(id string) (*dispute.Dispute, error) {
	return getJSON[dispute.Dispute](t, bDisputes, id)
}

// MustDispute returns dispute id, or a localized "no such dispute" problem.
func (t *Tx) MustDispute(id string) (*dispute.Dispute, error) {
	d, err := t.Dispute(id)
	if err == nil && d == nil {
		err = &ledger.Problem{Key: "dispute.err.notfound", Args: []string{"id", id}}
	}
	return d, err
}

// Disputes returns every dispute in ID order.
func (t *Tx) Disputes() ([]dispute.Dispute, error) {
	out := []dispute.Dispute{}
	err := t.tx.Bucket([]byte(bDisputes)).ForEach(func(k, v []byte) error {
		var d dispute.Dispute
		if err := json.Unmarshal(v, &d); err != nil {
			return t.corrupt("disputes", string(k), err)
		}
		out = append(out, d)
		return nil
	})
	return out, err
}

// PutDispute validates and stores d; a dispute without an ID is new and gets the next
// one for the year it was opened (written back into d). It refuses, with a localized
// problem and nothing written: an invalid dispute (Dispute.Validate), an unknown
// customer, owner or item, an item that is not an open debit, a disputed amount above
// the item's open amount (checked when the items are new or changed, so a dispute
// stays storable after the invoice is later paid), a rewritten history or note list
// (both are append-only), and any change but an added note or attachment to a
// resolved or cancelled dispute.
func (t *Tx) PutDispute(d *dispute.Dispute) error {
	if err := d.Validate(); err != nil {
		return err
	}
	label := d.ID
	if label == "" {
		label = "(" + d.Customer + ")"
	}
	cust, err := t.Customer(d.Customer)
	if err != nil {
		return err
	}
	if cust == nil {
		return &ledger.Problem{Key: "dispute.err.unknown_customer", Args: []string{"id", label, "customer", d.Customer}}
	}
	if d.Owner != dispute.Internal && t.tx.Bucket([]byte(bSalespeople)).Get([]byte(d.Owner)) == nil {
		return &ledger.Problem{Key: "dispute.err.unknown_owner", Args: []string{"id", label, "value", d.Owner}}
	}
	var old *dispute.Dispute
	if d.ID != "" {
		if old, err = t.Dispute(d.ID); err != nil {
			return err
		}
	}
	if old != nil {
		if err := checkAppendOnly(old, d); err != nil {
			return err
		}
	}
	items, err := t.Items(d.Customer)
	if err != nil {
		return err
	}
	byID := make(map[string]*ledger.Item, len(items))
	for i := range items {
		byID[items[i].ID] = &items[i]
	}
	checkOpen := old == nil || !slices.Equal(old.Items, d.Items)
	for _, di := range d.Items {
		it := byID[di.ItemID]
		if it == nil {
			return &ledger.Problem{Key: "dispute.err.unknown_item", Args: []string{"id", label, "item", di.ItemID, "customer", d.Customer}}
		}
		if checkOpen && (it.Open <= 0 || di.Amount > it.Open) {
			return &ledger.Problem{Key: "dispute.err.over_open", Args: []string{"id", label, "item", it.Number,
				"value", di.Amount.String(), "open", it.Open.String()}}
		}
	}
	b := t.tx.Bucket([]byte(bDisputes))
	if d.ID == "" {
		d.ID = nextID(b, DisputePrefix, d.Opened.Year())
	}
	return putJSON(b, []byte(d.ID), d)
}

// checkAppendOnly refuses a change that rewrites what was recorded.
func checkAppendOnly(old, d *dispute.Dispute) error {
	args := []string{"id", d.ID}
	if old.Status.Final() && !sameJSON(old, frozen(old, d)) {
		return &ledger.Problem{Key: "dispute.err.closed_change", Args: append(args, "status", string(old.Status))}
	}
	if old.Customer != d.Customer || old.Opened != d.Opened || !hasPrefix(d.History, old.History) || !hasPrefix(d.Notes, old.Notes) {
		return &ledger.Problem{Key: "dispute.err.rewrite", Args: args}
	}
	return nil
}

// frozen returns d without the notes and attachments added since old: what must not
// change once a dispute is closed (notes and attachments may still be appended).
func frozen(old, d *dispute.Dispute) *dispute.Dispute {
	c := *d
	if hasPrefix(d.Notes, old.Notes) {
		c.Notes = old.Notes
	}
	if hasPrefix(d.Attachments, old.Attachments) {
		c.Attachments = old.Attachments
	}
	return &c
}

// hasPrefix reports whether s starts with prefix.
func hasPrefix[T comparable](s, prefix []T) bool {
	return len(s) >= len(prefix) && slices.Equal(s[:len(prefix)], prefix)
}

// sameJSON reports whether a and b have the same JSON form (nil and empty lists alike).
func sameJSON(a, b any) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && bytes.Equal(x, y)
}

// Block returns block id, or nil when there is none.
func (t *Tx) Block(id string) (*dispute.Block, error) {
	return getJSON[dispute.Block](t, bBlocks, id)
}

// Blocks returns every delivery block in ID order.
func (t *Tx) Blocks() ([]dispute.Block, error) {
	out := []dispute.Block{}
	err := t.tx.Bucket([]byte(bBlocks)).ForEach(func(k, v []byte) error {
		var b dispute.Block
		if err := json.Unmarshal(v, &b); err != nil {
			return t.corrupt("blocks", string(k), err)
		}
		out = append(out, b)
		return nil
	})
	return out, err
}

// PutBlock validates and stores b; a block without an ID is new and gets the next one
// for the year of its proposal (written back into b). Refused: an invalid block
// (Block.Validate: steps out of order), an unknown customer, and a change to a step
// already recorded (steps are only ever added).
func (t *Tx) PutBlock(b *dispute.Block) error {
	if err := b.Validate(); err != nil {
		return err
	}
	cust, err := t.Customer(b.Customer)
	if err != nil {
		return err
	}
	if cust == nil {
		return &ledger.Problem{Key: "dispute.err.unknown_customer", Args: []string{"id", b.ID, "customer", b.Customer}}
	}
	bk := t.tx.Bucket([]byte(bBlocks))
	if b.ID != "" {
		old, err := t.Block(b.ID)
		if err != nil {
			return err
		}
		if old != nil && (!sameJSON(old.Proposed, b.Proposed) || old.Customer != b.Customer ||
			(old.SalesAnswer != nil && !sameJSON(old.SalesAnswer, b.SalesAnswer)) ||
			(old.Decision != nil && (!sameJSON(old.Decision, b.Decision) || old.LiftConditions != b.LiftConditions)) ||
			(old.Lifted != nil && !sameJSON(old.Lifted, b.Lifted))) {
			return &ledger.Problem{Key: "dispute.block.err.rewrite", Args: []string{"id", b.ID}}
		}
	} else {
		b.ID = nextID(bk, BlockPrefix, b.Proposed.Date.Year())
	}
	return putJSON(bk, []byte(b.ID), b)
}

// LoadDisputes reads every dispute and delivery block of the dossier in one read
// transaction.
func (db *DB) LoadDisputes() ([]dispute.Dispute, []dispute.Block, error) {
	var ds []dispute.Dispute
	var bs []dispute.Block
	err := db.View(func(tx *Tx) error {
		var err error
		if ds, err = tx.Disputes(); err != nil {
			return err
		}
		bs, err = tx.Blocks()
		return err
	})
	return ds, bs, err
}

// ChangeDispute reads dispute id, applies change to it and stores it (PutDispute's
// checks apply): the one way a user action modifies a dispute.
func (t *Tx) ChangeDispute(id string, change func(*dispute.Dispute) error) error {
	d, err := t.MustDispute(id)
	if err != nil {
		return err
	}
	if err := change(d); err != nil {
		return err
	}
	return t.PutDispute(d)
}

// ChangeBlock reads block id, applies change to it and stores it (PutBlock's checks
// apply): the one way a user action modifies a delivery block.
func (t *Tx) ChangeBlock(id string, change func(*dispute.Block) error) error {
	b, err := t.Block(id)
	if err != nil {
		return err
	}
	if b == nil {
		return &ledger.Problem{Key: "dispute.cli.no_block", Args: []string{"value", id}}
	}
	if err := change(b); err != nil {
		return err
	}
	return t.PutBlock(b)
}
