package store

import (
	"encoding/json"

	"relance/ledger/overindebt"
)

// Bucket overindebtedness (schema 14, declared in schema.go) holds the consumer
// customers' over-indebtedness files (overindebt.Case), one per customer:
//
//	overindebtedness   customer ID → JSON overindebt.Case
//
// A file is entered and then updated as the commission's steps come (admissibility,
// état du passif, outcome); the letter justifying the claim sets its Justified amount
// and date in the transaction that archives the letter.

// PutOverindebt validates file k against its customer's record (a consumer only,
// C. consom. L711-1) and stores it, replacing the customer's earlier file. An unknown
// customer or a file that does not validate is refused, nothing written.
func (t *Tx) PutOverindebt(k *overindebt.Case) error {
	c, err := t.Customer(k.Customer)
	if err != nil {
		return err
	}
	if err := k.Validate(c); err != nil {
		return err
	}
	return putJSON(t.tx.Bucket([]byte(bOverindebtedness)), []byte(k.Customer), k)
}

// DeleteOverindebt removes customer's file (one entered by mistake); it reports
// whether there was one.
func (t *Tx) DeleteOverindebt(customer string) (bool, error) {
	b := t.tx.Bucket([]byte(bOverindebtedness))
	if b.Get([]byte(customer)) == nil {
		return false, nil
	}
	return true, b.Delete([]byte(customer))
}

// Overindebt returns customer's file, or nil when there is none.
func (t *Tx) Overindebt(customer string) (*overindebt.Case, error) {
	return getJSON[overindebt.Case](t, bOverindebtedness, customer)
}

// Overindebts returns every file, in customer ID order.
func (t *Tx) Overindebts() ([]overindebt.Case, error) {
	out := []overindebt.Case{}
	err := t.tx.Bucket([]byte(bOverindebtedness)).ForEach(func(k, v []byte) error {
		var c overindebt.Case
		if err := json.Unmarshal(v, &c); err != nil {
			return t.corrupt(string(bOverindebtedness), string(k), err)
		}
		out = append(out, c)
		return nil
	})
	return out, err
}

// LoadOverindebts reads every file in one read transaction.
func (db *DB) LoadOverindebts() ([]overindebt.Case, error) {
	var out []overindebt.Case
	err := db.View(func(tx *Tx) error {
		var err error
		out, err = tx.Overindebts()
		return err
	})
	return out, err
}

// EraseOverindebtText rewrites customer's file through erase, which may change its
// Ref and Note only (the person's free text; the commission, the dates and amounts
// stay, C. consom. L722-2, L722-14: they decide what the creditor may claim), and
// returns 1 when the customer has a file, 0 otherwise.
func (t *Tx) EraseOverindebtText(customer string, erase func(k *overindebt.Case)) (int, error) {
	k, err := t.Overindebt(customer)
	if err != nil || k == nil {
		return 0, err
	}
	old := *k
	erase(k)
	strip := func(c overindebt.Case) any {
		c.Ref, c.Note = "", ""
		return c
	}
	if err := onlyText(customer, strip(old), strip(*k)); err != nil {
		return 0, err
	}
	if err := putJSON(t.tx.Bucket([]byte(bOverindebtedness)), []byte(customer), k); err != nil {
		return 0, err
	}
	return 1, nil
}
