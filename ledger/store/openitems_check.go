package store

import (
	"relance/ledger"
)

// The check of the derived records (open_items, closed_items): each must be what the
// customer's items give (openitems.go, history.go).

// StaleOpenItems returns the customers whose open_items record is not the one their
// items give (missing, different, or left over without items): none in a sound dossier.
func (t *Tx) StaleOpenItems() ([]string, error) { return t.staleOpen(decodeItems) }

// staleOpen is StaleOpenItems with items giving a customer's stored items from their
// record raw (Check passes the ones it has just loaded).
func (t *Tx) staleOpen(items func(id string, raw []byte) ([]ledger.Item, error)) ([]string, error) {
	return t.stale(bOpenItems, encodeOpen, items)
}

// StaleClosedItems is StaleOpenItems for the closed_items records (history.go).
func (t *Tx) StaleClosedItems() ([]string, error) {
	return t.stale(bClosedItems, encodeClosed, decodeItems)
}

// stale returns the customers whose record in bucket name is not encode(their items).
func (t *Tx) stale(name BucketName, encode func([]ledger.Item) []byte, items func(id string, raw []byte) ([]ledger.Item, error)) ([]string, error) {
	var out []string
	all, open := t.tx.Bucket([]byte(bItems)), t.tx.Bucket([]byte(name))
	err := all.ForEach(func(k, v []byte) error {
		list, err := items(string(k), v)
		if err != nil {
			return t.corrupt(string(bItems), string(k), err)
		}
		got := open.Get(k)
		if len(list) == 0 {
			if got != nil {
				out = append(out, string(k))
			}
			return nil
		}
		if string(got) != string(encode(list)) {
			out = append(out, string(k))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = open.ForEach(func(k, _ []byte) error {
		if all.Get(k) == nil {
			out = append(out, string(k))
		}
		return nil
	})
	return out, err
}

// checkOpenItems adds to r the customers whose open_items or closed_items record is
// stale. The items of book (just loaded) are the stored ones but for the customers with
// payments recorded by hand (applied by Load), whose record is decoded again.
func checkOpenItems(tx *Tx, book *ledger.Book, r *CheckReport) error {
	paid, err := tx.activePayments()
	if err != nil {
		return err
	}
	stored := func(id string, raw []byte) ([]ledger.Item, error) {
		if a := book.Account(id); a != nil && paid[id] == nil {
			return a.Items, nil
		}
		return decodeItems(id, raw)
	}
	for _, b := range []struct {
		name   BucketName
		encode func([]ledger.Item) []byte
	}{{bOpenItems, encodeOpen}, {bClosedItems, encodeClosed}} {
		stale, err := tx.stale(b.name, b.encode, stored)
		for _, id := range stale {
			r.Problems = append(r.Problems, &ledger.Problem{Key: "err.check.record", Args: []string{"bucket", string(b.name), "value", id}})
		}
		if err != nil {
			return err
		}
	}
	return nil
}
