// Package archive keeps the letters Relance issued, frozen: what was sent (the merged
// text and the exact PDF bytes), to whom, when, by whom, about which items, with the
// PDF's SHA-256. Records are append-only and hash-chained: each record's hash covers
// its content and the previous record's hash, so that Verify finds any record changed,
// removed or reordered after issue — an audit trail a court would accept.
//
// Layout of store.BucketLetters:
//
//	"r" + 8-byte big-endian sequence → JSON Record (without the PDF)
//	"p" + 8-byte big-endian sequence → the PDF bytes
//	"h"                               → JSON Head: count, last sequence, last hash
//
// Sequences come from the bucket's own counter; IDs are "LT000001"….
package archive

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"relance/ledger"
	"relance/ledger/store"
	"relance/letters/compose"
	"relance/letters/templates"
)

// Record is an issued letter.
type Record struct {
	Seq          uint64            `json:"seq"`
	ID           string            `json:"id"`
	Customer     string            `json:"customer"`
	CustomerName string            `json:"customer_name"`
	Stage        templates.Stage   `json:"stage"`
	Lang         string            `json:"lang"`
	Template     string            `json:"template"`
	Specific     bool              `json:"specific"`
	ItemIDs      []string          `json:"items"`
	Reference    string            `json:"reference"`
	Subject      string            `json:"subject"`
	Text         string            `json:"text"` // compose.Letter.PlainText
	Total        ledger.Cents      `json:"total"`
	Channel      templates.Channel `json:"channel"`
	Date         ledger.Date       `json:"date"`   // the letter's date
	Issued       time.Time         `json:"issued"` // when it was issued (given by the caller)
	By           string            `json:"by"`
	PDFSize      int               `json:"pdf_size"`
	PDFHash      string            `json:"pdf_sha256"`
	// Data is the structured content of a document other than a reminder letter (a
	// penalty invoice: what it billed), JSON read by the package that issued it, and
	// covered by the hash like the rest.
	Data json.RawMessage `json:"data,omitempty"`
	Prev string          `json:"prev"` // previous record's Hash ("" for the first)
	Hash string          `json:"hash"` // SHA-256 of Prev and this record with Hash empty
}

// Input is a letter to issue.
type Input struct {
	Letter  *compose.Letter
	PDF     []byte
	Channel templates.Channel // "" = the letter's channel
	By      string
	At      time.Time       // when it is issued: the caller reads the clock, not this package
	Data    json.RawMessage // Record.Data; nil for a letter
}

func key(prefix byte, seq uint64) []byte {
	k := make([]byte, 9)
	k[0] = prefix
	binary.BigEndian.PutUint64(k[1:], seq)
	return k
}

// ID returns the record ID of a sequence number.
func ID(seq uint64) string { return fmt.Sprintf("LT%06d", seq) }

func parseID(id string) (uint64, bool) {
	n, err := strconv.ParseUint(strings.TrimPrefix(strings.ToUpper(id), "LT"), 10, 64)
	return n, err == nil && n > 0
}

func bucket(tx *store.Tx) (*bolt.Bucket, error) {
	b := tx.Bolt().Bucket(store.BucketLetters)
	if b == nil {
		return nil, &ledger.Problem{Key: "letters.err.schema"}
	}
	return b, nil
}

// hashOf returns the record's hash: SHA-256 over its JSON with Hash empty (which
// includes Prev and the PDF's SHA-256).
func hashOf(r Record) string {
	r.Hash = ""
	b, _ := json.Marshal(r) // a Record always marshals
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// Issue freezes a letter in the caller's transaction: it appends the record and the
// PDF, chained to the last record, and returns the record.
func Issue(tx *store.Tx, in Input) (*Record, error) {
	l := in.Letter
	switch {
	case l == nil:
		return nil, &ledger.Problem{Key: "letters.archive.err.field", Args: []string{"field", "letter"}}
	case len(in.PDF) == 0:
		return nil, &ledger.Problem{Key: "letters.archive.err.pdf", Args: []string{"customer", l.Customer}}
	case strings.TrimSpace(in.By) == "":
		return nil, &ledger.Problem{Key: "letters.archive.err.field", Args: []string{"field", "by"}}
	case in.At.IsZero():
		return nil, &ledger.Problem{Key: "letters.archive.err.field", Args: []string{"field", "at"}}
	}
	b, err := bucket(tx)
	if err != nil {
		return nil, err
	}
	if c, err := tx.Customer(l.Customer); err != nil {
		return nil, err
	} else if c == nil {
		return nil, &ledger.Problem{Key: "letters.err.customer", Args: []string{"value", l.Customer}}
	}
	prev := ""
	if last, err := lastRecord(b); err != nil {
		return nil, err
	} else if last != nil {
		prev = last.Hash
	}
	seq, err := b.NextSequence()
	if err != nil {
		return nil, fmt.Errorf("archive: %w", err)
	}
	ch := in.Channel
	if ch == "" {
		ch = l.Channel
	}
	sum := sha256.Sum256(in.PDF)
	r := Record{Seq: seq, ID: ID(seq), Customer: l.Customer, CustomerName: l.CustomerName, Stage: l.Stage, Lang: l.Lang,
		Template: l.Template, Specific: l.Specific, ItemIDs: slices.Clone(l.ItemIDs), Reference: l.Reference,
		Subject: l.Subject, Text: l.PlainText(), Total: l.Totals.Remaining, Channel: ch, Date: l.Date,
		Issued: in.At.UTC().Truncate(time.Second), By: in.By, PDFSize: len(in.PDF), PDFHash: hex.EncodeToString(sum[:]), Prev: prev}
	if len(in.Data) > 0 {
		if !json.Valid(in.Data) {
			return nil, &ledger.Problem{Key: "letters.archive.err.field", Args: []string{"field", "data"}}
		}
		r.Data = slices.Clone(in.Data)
	}
	r.Hash = hashOf(r)
	v, err := json.Marshal(r)
	if err != nil {
		return nil, fmt.Errorf("archive: %w", err)
	}
	if err := b.Put(key('r', seq), v); err != nil {
		return nil, fmt.Errorf("archive: %w", err)
	}
	if err := b.Put(key('p', seq), in.PDF); err != nil {
		return nil, fmt.Errorf("archive: %w", err)
	}
	if err := advanceHead(b, &r); err != nil {
		return nil, err
	}
	return &r, nil
}

func lastRecord(b *bolt.Bucket) (*Record, error) {
	c := b.Cursor()
	k, _ := c.Seek([]byte{'r' + 1})
	var v []byte
	if k == nil {
		k, v = c.Last()
	} else {
		k, v = c.Prev()
	}
	if k == nil || k[0] != 'r' {
		return nil, nil
	}
	var r Record
	if err := json.Unmarshal(v, &r); err != nil {
		return nil, &ledger.Problem{Key: "letters.archive.err.corrupt", Args: []string{"id", ID(seqOf(k))}, Err: err}
	}
	return &r, nil
}

func seqOf(k []byte) uint64 {
	if len(k) != 9 {
		return 0
	}
	return binary.BigEndian.Uint64(k[1:])
}

// Filter selects records; zero fields match everything.
type Filter struct {
	Customer string
	Stage    templates.Stage
	From, To ledger.Date // letter date, inclusive
	Text     string      // case-insensitive, in the ID, customer, name, reference or subject
}

func (f Filter) match(r *Record) bool {
	if f.Customer != "" && r.Customer != f.Customer || f.Stage != "" && r.Stage != f.Stage ||
		f.From.Valid() && r.Date < f.From || f.To.Valid() && r.Date > f.To {
		return false
	}
	if f.Text == "" {
		return true
	}
	q := strings.ToLower(f.Text)
	for _, s := range []string{r.ID, r.Customer, r.CustomerName, r.Reference, r.Subject} {
		if strings.Contains(strings.ToLower(s), q) {
			return true
		}
	}
	return false
}

// List returns the records that match f, newest first (without the PDFs).
func List(tx *store.Tx, f Filter) ([]Record, error) {
	b, err := bucket(tx)
	if err != nil {
		return nil, err
	}
	out := []Record{}
	c := b.Cursor()
	for k, v := c.Seek([]byte{'r'}); k != nil && k[0] == 'r'; k, v = c.Next() {
		var r Record
		if err := json.Unmarshal(v, &r); err != nil {
			return nil, &ledger.Problem{Key: "letters.archive.err.corrupt", Args: []string{"id", ID(seqOf(k))}, Err: err}
		}
		if f.match(&r) {
			out = append(out, r)
		}
	}
	slices.Reverse(out)
	return out, nil
}

// Get returns record id ("LT000003").
func Get(tx *store.Tx, id string) (*Record, error) {
	b, err := bucket(tx)
	if err != nil {
		return nil, err
	}
	seq, ok := parseID(id)
	var v []byte
	if ok {
		v = b.Get(key('r', seq))
	}
	if v == nil {
		return nil, &ledger.Problem{Key: "letters.archive.err.notfound", Args: []string{"id", id}}
	}
	var r Record
	if err := json.Unmarshal(v, &r); err != nil {
		return nil, &ledger.Problem{Key: "letters.archive.err.corrupt", Args: []string{"id", id}, Err: err}
	}
	return &r, nil
}

// PDF returns a copy of the exact PDF bytes of record id, as sent.
func PDF(tx *store.Tx, id string) ([]byte, error) {
	r, err := Get(tx, id)
	if err != nil {
		return nil, err
	}
	b, _ := bucket(tx)
	v := b.Get(key('p', r.Seq))
	if v == nil {
		return nil, &ledger.Problem{Key: "letters.archive.err.notfound", Args: []string{"id", id}}
	}
	return bytes.Clone(v), nil
}

// Previous returns the letters already issued to customer about any of items, as the
// composer cites them ("nos courriers des …"), oldest first. Only reminder stages
// count (pre, r1, r2, r3, med, statement).
func Previous(tx *store.Tx, customer string, items []string) ([]compose.Previous, error) {
	idx, err := PreviousIndex(tx)
	if err != nil {
		return nil, err
	}
	return idx(customer, items), nil
}

// PreviousIndex reads the archive once and returns a function answering Previous for
// any customer after the transaction ends (for batches).
func PreviousIndex(tx *store.Tx) (func(customer string, items []string) []compose.Previous, error) {
	recs, err := List(tx, Filter{})
	if err != nil {
		return nil, err
	}
	by := map[string][]Record{}
	for i := len(recs) - 1; i >= 0; i-- {
		by[recs[i].Customer] = append(by[recs[i].Customer], recs[i])
	}
	return func(customer string, items []string) []compose.Previous {
		var out []compose.Previous
		for _, r := range by[customer] {
			if previousStage(r.Stage) && slices.ContainsFunc(r.ItemIDs, func(id string) bool { return slices.Contains(items, id) }) {
				out = append(out, compose.Previous{Date: r.Date, Stage: r.Stage})
			}
		}
		return out
	}, nil
}

func previousStage(s templates.Stage) bool {
	switch s {
	case templates.Pre, templates.R1, templates.R2, templates.R3, templates.MED, templates.Statement:
		return true
	}
	return false
}
