package store

import (
	"encoding/json"
	"strings"

	"relance/ledger/proof"
)

// Bucket proofs (schema 14, declared in schema.go) holds the proof of the debt invoice
// by invoice (proof.Invoice): the order, the delivery proof and the invoice copy, each
// present, missing or not recorded, with where it is filed:
//
//	proofs   customer 0x00 item ID → JSON proof.Invoice
//
// One record per invoice, replaced whole when its pieces are set again; an invoice
// with no record has nothing recorded.

// PutProof validates and stores the proof of one invoice, replacing what was recorded
// for it. An unknown customer or item, or a record that does not validate
// (proof.Invoice.Validate), is refused, nothing written.
func (t *Tx) PutProof(v *proof.Invoice) error {
	v.Customer, v.Item = strings.TrimSpace(v.Customer), strings.TrimSpace(v.Item)
	for _, k := range proof.Kinds() {
		p := v.Piece(k)
		p.Ref = strings.TrimSpace(p.Ref)
	}
	if err := v.Validate(); err != nil {
		return err
	}
	if err := t.checkRefs(v.Customer, []string{v.Item}); err != nil {
		return err
	}
	return putJSON(t.tx.Bucket([]byte(bProofs)), dunningKey(v.Customer, v.Item), v)
}

// Proof returns the proof recorded for item of customer, or nil when there is none.
func (t *Tx) Proof(customer, item string) (*proof.Invoice, error) {
	k := dunningKey(customer, item)
	data := t.tx.Bucket([]byte(bProofs)).Get(k)
	if data == nil {
		return nil, nil
	}
	var v proof.Invoice
	if err := json.Unmarshal(data, &v); err != nil {
		return nil, t.corrupt(string(bProofs), string(k), err)
	}
	return &v, nil
}

// Proofs returns the proofs recorded for customer's invoices (every customer's when
// customer is empty), by customer then item ID.
func (t *Tx) Proofs(customer string) ([]proof.Invoice, error) {
	out := []proof.Invoice{}
	err := scanDunning(t, bProofs, customer, func(v proof.Invoice) { out = append(out, v) })
	return out, err
}

// EraseProofText rewrites the proof records of customer through erase, which may
// change the pieces' references only (free text that may name a person), and returns
// how many records the customer has. Any other change is refused, nothing written.
func (t *Tx) EraseProofText(customer string, erase func(v *proof.Invoice)) (int, error) {
	if customer == "" {
		return 0, nil
	}
	vs, err := t.Proofs(customer)
	if err != nil {
		return 0, err
	}
	strip := func(v proof.Invoice) any {
		v.Order.Ref, v.Delivery.Ref, v.Copy.Ref = "", "", ""
		return v
	}
	b := t.tx.Bucket([]byte(bProofs))
	for i := range vs {
		old := vs[i]
		erase(&vs[i])
		if err := onlyText(old.Item, strip(old), strip(vs[i])); err != nil {
			return 0, err
		}
		if err := putJSON(b, dunningKey(customer, old.Item), &vs[i]); err != nil {
			return 0, err
		}
	}
	return len(vs), nil
}

// LoadProofs reads the proofs of customer (every customer's when empty) in one read
// transaction.
func (db *DB) LoadProofs(customer string) ([]proof.Invoice, error) {
	var out []proof.Invoice
	err := db.View(func(tx *Tx) error {
		var err error
		out, err = tx.Proofs(customer)
		return err
	})
	return out, err
}
