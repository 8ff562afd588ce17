package store

import (
	"bytes"
	"fmt"
	"runtime/debug"

	"relance/ledger"
	"relance/ledger/payment"
)

// EachAccount calls fn with each customer's account read whole, as Load builds it (its
// items with the payments recorded by hand applied), one after the other in the order of
// the customer IDs, and keeps none of them: what needs the whole history of a large
// dossier once (the dashboard's history, the check before writing) reads it in the
// memory of one account instead of the whole book's (issue 26). fn must not keep the
// account past its call if the caller wants that memory back. An items record of no
// customer is a damaged dossier (ErrCorrupt), as for Load; an error of fn stops the
// walk and is returned.
func (t *Tx) EachAccount(fn func(*ledger.Account) error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer t.recoverCorrupt(&err)
	pays, err := t.activePayments()
	if err != nil {
		return err
	}
	rel := newReleaser(t) // the pages decoded leave the resident memory
	defer rel.flush()
	items := t.tx.Bucket([]byte(bItems)).Cursor()
	ik, iv := items.First()
	custs := t.tx.Bucket([]byte(bCustomers)).Cursor()
	for ck, cv := custs.First(); ck != nil; ck, cv = custs.Next() {
		c, err := decodeCustomer(cv)
		if err != nil {
			return t.corrupt("customers", string(ck), err)
		}
		rel.add(cv)
		if ik != nil && bytes.Compare(ik, ck) < 0 {
			return t.corrupt(string(bItems), string(ik), fmt.Errorf("no such customer"))
		}
		a := &ledger.Account{Customer: c}
		if ik != nil && bytes.Equal(ik, ck) {
			if a.Items, err = decodeItems(c.ID, iv); err != nil {
				return t.corrupt("items", c.ID, err)
			}
			rel.add(iv)
			ik, iv = items.Next()
		}
		for i := range a.Items {
			a.Items[i].Customer = c.ID
		}
		if list := pays[c.ID]; len(list) > 0 {
			payment.Apply(a, list)
		}
		if err := fn(a); err != nil {
			return err
		}
	}
	if ik != nil {
		return t.corrupt(string(bItems), string(ik), fmt.Errorf("no such customer"))
	}
	return nil
}

// EachAccount is Tx.EachAccount in a read transaction of its own.
func (db *DB) EachAccount(fn func(*ledger.Account) error) error {
	return db.View(func(tx *Tx) error { return tx.EachAccount(fn) })
}
