package store

import (
	"bytes"
	"encoding/json"
	"slices"

	"relance/ledger"
	"relance/ledger/payment"
)

// Bucket payments (schema 6, declared in schema.go) holds the payments recorded by
// hand between two ledger imports:
//
//	payments   customer 0x00 payment ID ("RG2026-000001") → JSON payment.Payment
//
// They are append-only: a payment is written once; afterwards only its supersession by
// an imported item (SupersededBy, Superseded) or its reversal (Reversed) may be set,
// once, and never both. Load applies the active ones to the book (payment.Apply).

// Payments returns the payments of customer (every customer's when customer is empty),
// by date then ID.
func (t *Tx) Payments(customer string) ([]payment.Payment, error) {
	out := []payment.Payment{}
	err := scanDunning(t, bPayments, customer, func(p payment.Payment) { out = append(out, p) })
	slices.SortStableFunc(out, func(a, b payment.Payment) int {
		if a.Date != b.Date {
			return int(a.Date - b.Date)
		}
		return cmpStr(a.ID, b.ID)
	})
	return out, err
}

// Payment returns payment id, or nil when there is none.
func (t *Tx) Payment(id string) (*payment.Payment, error) {
	c := t.tx.Bucket([]byte(bPayments)).Cursor()
	suffix := append([]byte{0}, id...)
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if !bytes.HasSuffix(k, suffix) {
			continue
		}
		var p payment.Payment
		if err := json.Unmarshal(v, &p); err != nil {
			return nil, t.corrupt(string(bPayments), string(k), err)
		}
		return &p, nil
	}
	return nil, nil
}

// AddPayment validates and stores a new payment, giving it the next ID (written back
// into p). A payment that already has an ID, that does not validate
// (payment.Payment.Validate), of an unknown customer or allocated to an item that is
// not the customer's is refused. Whether the items are open enough is the caller's
// check (payment.CheckAllocations, on the loaded book).
func (t *Tx) AddPayment(p *payment.Payment) error {
	if p.ID != "" {
		return &ledger.Problem{Key: "payment.err.rewrite", Args: []string{"id", p.ID}}
	}
	if err := p.Validate(); err != nil {
		return err
	}
	if p.SupersededBy != "" || p.Reversed != nil {
		return &ledger.Problem{Key: "payment.err.rewrite", Args: []string{"id", p.ID}}
	}
	ids := make([]string, 0, len(p.Allocations))
	for _, a := range p.Allocations {
		ids = append(ids, a.Item)
	}
	if err := t.checkRefs(p.Customer, ids); err != nil {
		return err
	}
	b := t.tx.Bucket([]byte(bPayments))
	id, err := seqID(b, payment.Prefix, p.Date.Year())
	if err != nil {
		return err
	}
	p.ID = id
	return putJSON(b, dunningKey(p.Customer, id), p)
}

// closePayment stores p, an existing payment that change closes (reversal or
// supersession); a payment already reversed or superseded is refused.
func (t *Tx) closePayment(id string, change func(p *payment.Payment) error) (*payment.Payment, error) {
	p, err := t.Payment(id)
	if err != nil {
		return nil, err
	}
	if p == nil {
		return nil, &ledger.Problem{Key: "payment.err.unknown", Args: []string{"field", "id", "value", id}}
	}
	switch {
	case p.SupersededBy != "":
		return nil, &ledger.Problem{Key: "payment.err.superseded", Args: []string{"field", "id", "value", id, "item", p.SupersededBy}}
	case p.Reversed != nil:
		return nil, &ledger.Problem{Key: "payment.err.reversed", Args: []string{"field", "id", "value", id, "date", p.Reversed.Date.String()}}
	}
	if err := change(p); err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return p, putJSON(t.tx.Bucket([]byte(bPayments)), dunningKey(p.Customer, p.ID), p)
}

// ReversePayment records the reversal of payment id (a cheque returned unpaid, a
// payment entered by mistake) and returns the payment as stored. An unknown payment,
// one already reversed or superseded by an import, or a reversal dated before the
// payment is refused.
func (t *Tx) ReversePayment(id string, r payment.Reversal) (*payment.Payment, error) {
	return t.closePayment(id, func(p *payment.Payment) error {
		p.Reversed = &r
		return nil
	})
}

// SupersedePayment records that the imported item item brings payment id, from the
// import of date on: the payment is no longer applied.
func (t *Tx) SupersedePayment(id, item string, date ledger.Date) error {
	_, err := t.closePayment(id, func(p *payment.Payment) error {
		p.SupersededBy, p.Superseded = item, date
		return nil
	})
	return err
}

// applyPayments applies every active payment to its customer's account (see
// payment.Apply); a payment of a customer no longer in the dossier is left out.
func (t *Tx) applyPayments(byID map[string]*ledger.Account) error {
	by, err := t.activePayments()
	if err != nil {
		return err
	}
	for id, list := range by {
		if a := byID[id]; a != nil {
			payment.Apply(a, list)
		}
	}
	return nil
}

// activePayments returns the payments recorded by hand and still active, by customer.
func (t *Tx) activePayments() (map[string][]payment.Payment, error) {
	pays, err := t.Payments("")
	if err != nil {
		return nil, err
	}
	by := map[string][]payment.Payment{}
	for _, p := range pays {
		if p.Active() {
			by[p.Customer] = append(by[p.Customer], p)
		}
	}
	return by, nil
}

// Account reads customer id's account as Load builds it (its items and the payments
// recorded by hand applied), or nil when there is no such customer: after a write that
// changes one account only (a payment, its reversal), the caller replaces that account
// instead of loading the whole dossier again.
func (t *Tx) Account(id string) (*ledger.Account, error) {
	c, err := t.Customer(id)
	if err != nil || c == nil {
		return nil, err
	}
	items, err := t.Items(id)
	if err != nil {
		return nil, err
	}
	for i := range items {
		items[i].Customer = id
	}
	a := &ledger.Account{Customer: *c, Items: items}
	pays, err := t.Payments(id)
	if err != nil {
		return nil, err
	}
	payment.Apply(a, pays)
	return a, nil
}
