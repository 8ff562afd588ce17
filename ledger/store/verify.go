package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"

	bolt "go.etcd.io/bbolt"

	"relance/ledger"
)

// Checking before writing (issue 20): a write, and the backup taken before it, must
// never start from a damaged dossier — a damaged record would otherwise be copied into
// each new backup until no good one is left. Load decodes the customers, the items and
// the settings (a damaged one fails the open); CheckRecords decodes every other record
// of the schema; CheckBook checks the loaded book's consistency. Together they cost
// a fraction of Load on a large dossier (docs/performance.md); bbolt's page-level
// check (Check) walks the whole file and is left to `relance check`.

// CheckRecords decodes every record of every bucket of the schema, and reports the
// ones that do not decode. loaded skips the buckets Load has just decoded (customers,
// items, settings). The letters bucket is the archive's: letters/archive checks it.
func (db *DB) CheckRecords(loaded bool) ([]*ledger.Problem, error) {
	var out []*ledger.Problem
	err := safely(db.path, func() error {
		return db.bolt.View(func(tx *bolt.Tx) error {
			for _, b := range buckets() {
				switch b.name {
				case bMeta, bLetters:
					continue
				case bCustomers, bItems, bSettings:
					if loaded {
						continue
					}
				}
				bk := tx.Bucket([]byte(b.name))
				if bk == nil {
					out = append(out, &ledger.Problem{Key: "err.check.bucket", Args: []string{"value", string(b.name)}})
					continue
				}
				rel := boltReleaser(tx) // the pages read leave the resident memory
				err := bk.ForEach(func(k, v []byte) error {
					if v == nil {
						return nil // a nested bucket
					}
					if err := decodeRecord(b.name, k, v); err != nil {
						out = append(out, &ledger.Problem{Key: "err.check.record",
							Args: []string{"bucket", string(b.name), "value", printable(k)}})
					}
					rel.add(v)
					return nil
				})
				rel.flush()
				if err != nil {
					return err
				}
			}
			return nil
		})
	})
	return out, err
}

// decodeRecord decodes one record of bucket name.
func decodeRecord(name BucketName, k, v []byte) error {
	switch name {
	case bCustomers:
		_, err := decodeCustomer(v)
		return err
	case bItems:
		_, err := decodeItems(string(k), v)
		return err
	case bOpenItems:
		_, _, err := decodeOpen(string(k), v)
		return err
	case bClosedItems:
		r, err := decodeClosed(v)
		if err == nil {
			_, _, err = r.starts(ledger.NoDate, ledger.NoDate, math.MaxInt)
		}
		if err == nil && !ledger.NewPastItems(r.past.raw).Valid() {
			err = fmt.Errorf("closed items record days: %w", errCorrupt)
		}
		return err
	case bTemplates:
		if !json.Valid(v) {
			return fmt.Errorf("not JSON")
		}
		return nil
	}
	var x any
	return json.Unmarshal(v, &x)
}

// printable renders a key for a message: its bytes, a NUL (the separator of
// customer-keyed records) as « / ».
func printable(k []byte) string {
	out := make([]rune, 0, len(k))
	for _, r := range string(k) {
		switch {
		case r == 0:
			out = append(out, '/')
		case r < 0x20:
			out = append(out, '?')
		default:
			out = append(out, r)
		}
	}
	return string(out)
}

// CheckBook checks the loaded book (each item's open amount consistent with its
// amount) and the payments recorded by hand against it. It reads no page but the
// payments and statements.
func (db *DB) CheckBook(book *ledger.Book) ([]*ledger.Problem, error) {
	r := &CheckReport{}
	checkItems(book, r)
	err := db.View(func(tx *Tx) error { return checkPayments(tx, book, r) })
	return r.Problems, err
}

// checkItems adds to r the items of book whose open amount does not agree with their
// amount.
func checkItems(book *ledger.Book, r *CheckReport) {
	for _, a := range book.Accounts {
		checkAccountItems(a, r)
	}
}

// checkAccountItems adds to r the items of a whose open amount does not agree with their
// amount, and counts the customer and its items.
func checkAccountItems(a *ledger.Account, r *CheckReport) {
	r.Customers++
	for i := range a.Items {
		it := &a.Items[i]
		r.Items++
		bad := func(what string) {
			r.Problems = append(r.Problems, &ledger.Problem{Key: "err.check.item",
				Args: []string{"customer", a.Customer.ID, "value", it.ID, "field", what}})
		}
		switch {
		case it.Open != 0 && (it.Open > 0) != (it.Amount > 0):
			bad("open (sign)")
		case abs(it.Open) > abs(it.Amount):
			bad("open > amount")
		case it.Settled.Valid() && it.Open != 0:
			bad("settled but open")
		}
	}
}

// CheckAccounts is CheckBook for a dossier whose book is not loaded whole (a session
// read in part, issue 26): it reads each account whole in turn (Tx.EachAccount) and
// keeps none, and also reports the customers and items records that do not decode.
func (db *DB) CheckAccounts() ([]*ledger.Problem, error) {
	r := &CheckReport{}
	err := db.View(func(tx *Tx) error {
		pc, err := newPaymentCheck(tx, r)
		if err != nil {
			return err
		}
		if err := tx.EachAccount(func(a *ledger.Account) error {
			checkAccountItems(a, r)
			pc.account(a)
			return nil
		}); err != nil {
			return err
		}
		return pc.finish(tx)
	})
	var p *ledger.Problem
	if errors.As(err, &p) {
		return append(r.Problems, p), nil
	}
	return r.Problems, err
}
