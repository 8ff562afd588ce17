package negotiation

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"

	"relance/ledger"
	"relance/ledger/store"

	bolt "go.etcd.io/bbolt"
)

// Bucket layout (store.BucketNegotiations): key "<customer> 0x00 <sheet ID>" → JSON
// Sheet; the sheet ID is "<as-of date>-<n>" (n from 1 for each customer and date), so
// that a customer's sheets come in date order.

func itoa(n int) string { return strconv.Itoa(n) }

func bucket(tx *store.Tx) (*bolt.Bucket, error) {
	b := tx.Bolt().Bucket([]byte(store.BucketNegotiations))
	if b == nil {
		return nil, &ledger.Problem{Key: "nego.err.schema"}
	}
	return b, nil
}

func key(customer, id string) []byte { return append(append([]byte(customer), 0), id...) }

// Save stores sheet s (with its outcome, if recorded), giving it an ID when it has
// none; an existing sheet is replaced unless its outcome was recorded: a closed sheet
// does not change again.
func Save(tx *store.Tx, s *Sheet) error {
	if s.Customer == "" || !s.AsOf.Valid() {
		return &ledger.Problem{Key: "nego.err.customer", Args: []string{"value", s.Customer}}
	}
	b, err := bucket(tx)
	if err != nil {
		return err
	}
	if s.ID == "" {
		for n := 1; ; n++ {
			id := s.AsOf.String() + "-" + itoa(n)
			if b.Get(key(s.Customer, id)) == nil {
				s.ID = id
				break
			}
		}
	} else if old, err := Get(tx, s.Customer, s.ID); err != nil {
		return err
	} else if old != nil && old.Outcome != nil {
		return &ledger.Problem{Key: "nego.err.closed", Args: []string{"value", s.ID}}
	}
	v, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("negotiation sheet: %w", err)
	}
	return b.Put(key(s.Customer, s.ID), v)
}

// Get returns the sheet id of customer, or nil.
func Get(tx *store.Tx, customer, id string) (*Sheet, error) {
	b, err := bucket(tx)
	if err != nil {
		return nil, err
	}
	v := b.Get(key(customer, id))
	if v == nil {
		return nil, nil
	}
	var s Sheet
	if err := json.Unmarshal(v, &s); err != nil {
		return nil, &ledger.Problem{Key: "nego.err.corrupt", Args: []string{"value", id}, Err: err}
	}
	return &s, nil
}

// List returns the sheets of customer, oldest first.
func List(tx *store.Tx, customer string) ([]Sheet, error) {
	b := tx.Bolt().Bucket([]byte(store.BucketNegotiations))
	if b == nil {
		return nil, &ledger.Problem{Key: "nego.err.schema"}
	}
	prefix := key(customer, "")
	out := []Sheet{}
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		var s Sheet
		if err := json.Unmarshal(v, &s); err != nil {
			return nil, &ledger.Problem{Key: "nego.err.corrupt", Args: []string{"value", string(k[len(prefix):])}, Err: err}
		}
		out = append(out, s)
	}
	return out, nil
}

// Erase deletes every sheet of customer (the customer's erasure) and returns how many.
func Erase(tx *store.Tx, customer string) (int, error) {
	b := tx.Bolt().Bucket([]byte(store.BucketNegotiations))
	if b == nil {
		return 0, nil
	}
	prefix := key(customer, "")
	var keys [][]byte
	c := b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		keys = append(keys, bytes.Clone(k))
	}
	for _, k := range keys {
		if err := b.Delete(k); err != nil {
			return 0, fmt.Errorf("negotiation sheets: %w", err)
		}
	}
	return len(keys), nil
}
