package store

import (
	"slices"

	"relance/ledger"
	"relance/ledger/cause"
)

// Bucket causes (schema 14, declared in schema.go) holds why an invoice is paid late
// (cause.Record), one record per invoice, the latest recorded:
//
//	causes   customer 0x00 item ID → JSON cause.Record
//
// Recording a cause again replaces the record; clearing it deletes it.

// SetCauses validates and stores records rs in this transaction. A record that does not
// validate, an unknown customer or an item its customer does not have is refused,
// nothing written.
func (t *Tx) SetCauses(rs []cause.Record) error {
	b := t.tx.Bucket([]byte(bCauses))
	items := map[string]map[string]bool{}
	for i := range rs {
		r := &rs[i]
		if err := r.Validate(); err != nil {
			return err
		}
		known, ok := items[r.Customer]
		if !ok {
			its, err := t.Items(r.Customer)
			if err != nil {
				return err
			}
			cust, err := t.Customer(r.Customer)
			if err != nil {
				return err
			}
			if cust == nil {
				return &ledger.Problem{Key: "cause.err.customer", Args: []string{"value", r.Customer}}
			}
			known = map[string]bool{}
			for j := range its {
				known[its[j].ID] = true
			}
			items[r.Customer] = known
		}
		if !known[r.Item] {
			return &ledger.Problem{Key: "cause.err.item", Args: []string{"value", r.Item, "customer", r.Customer}}
		}
		if err := putJSON(b, dunningKey(r.Customer, r.Item), r); err != nil {
			return err
		}
	}
	return nil
}

// ClearCause deletes the cause recorded on item of customer, if any.
func (t *Tx) ClearCause(customer, item string) error {
	return t.tx.Bucket([]byte(bCauses)).Delete(dunningKey(customer, item))
}

// Causes returns the causes recorded on the invoices of customer (every customer's when
// customer is empty), by customer then item.
func (t *Tx) Causes(customer string) ([]cause.Record, error) {
	out := []cause.Record{}
	err := scanDunning(t, bCauses, customer, func(r cause.Record) { out = append(out, r) })
	slices.SortStableFunc(out, func(a, b cause.Record) int {
		if a.Customer != b.Customer {
			return cmpStr(a.Customer, b.Customer)
		}
		return cmpStr(a.Item, b.Item)
	})
	return out, err
}

// EraseCauseText rewrites the notes of customer's causes through erase (the GDPR
// erasure: the free text only) and returns how many records the customer has.
func (t *Tx) EraseCauseText(customer string, erase func(note string) string) (int, error) {
	if customer == "" {
		return 0, nil
	}
	rs, err := t.Causes(customer)
	if err != nil {
		return 0, err
	}
	b := t.tx.Bucket([]byte(bCauses))
	for i := range rs {
		rs[i].Note = erase(rs[i].Note)
		if err := putJSON(b, dunningKey(customer, rs[i].Item), &rs[i]); err != nil {
			return 0, err
		}
	}
	return len(rs), nil
}
