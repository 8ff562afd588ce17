package store

import (
	"encoding/json"
	"slices"
	"strings"

	"relance/ledger"
	"relance/ledger/cheque"
	"relance/ledger/payment"
)

// Bucket cheques (schema 14, declared in schema.go) holds the unpaid cheques followed
// through the procedure of CMF L131-73 (cheque.Cheque):
//
//	cheques   cheque ID ("CH2026-0001") → JSON cheque.Cheque
//
// IDs are sequential per year of the bank's notice of rejection. A record is written
// when the cheque is entered; afterwards only its steps are added (RecordChequeStep,
// ChequeLetterIssued), each in the order of the procedure, and its notes erased
// (EraseChequeText).

// PutCheque validates and stores a new unpaid cheque c, giving it the next ID for the
// year of its rejection (written back into c). It is refused, nothing written: a cheque
// that already has an ID, one that does not validate, an unknown customer, an invoice
// that is not the customer's, a return that is neither a return recorded for the
// customer nor one of its items or that another cheque already follows, the customer's
// cheque of the same number still followed.
func (t *Tx) PutCheque(c *cheque.Cheque) error {
	if c.ID != "" {
		return &ledger.Problem{Key: "cheque.err.has_id", Args: []string{"id", c.ID}}
	}
	if err := c.Validate(); err != nil {
		return err
	}
	cust, err := t.Customer(c.Customer)
	if err != nil {
		return err
	}
	if cust == nil {
		return &ledger.Problem{Key: "cheque.err.customer", Args: []string{"value", c.Customer}}
	}
	if err := t.checkChequeRefs(c); err != nil {
		return err
	}
	others, err := t.Cheques(c.Customer)
	if err != nil {
		return err
	}
	for _, o := range others {
		switch {
		case c.Return != "" && o.Return == c.Return:
			return &ledger.Problem{Key: "cheque.err.return_used", Args: []string{"value", c.Return, "id", o.ID}}
		case o.Open() && strings.EqualFold(strings.TrimSpace(o.Number), strings.TrimSpace(c.Number)):
			return &ledger.Problem{Key: "cheque.err.duplicate", Args: []string{"value", c.Number, "id", o.ID}}
		}
	}
	if c.Invoices == nil {
		c.Invoices = []string{}
	}
	if c.Represented == nil {
		c.Represented = []ledger.Date{}
	}
	b := t.tx.Bucket([]byte(bCheques))
	s := *c
	s.ID = nextID(b, cheque.Prefix, c.Rejected.Year())
	if err := putJSON(b, []byte(s.ID), &s); err != nil {
		return err
	}
	c.ID = s.ID
	return nil
}

// checkChequeRefs refuses an invoice that is not an item of the cheque's customer, and
// a return that is neither a payment taken back recorded for the customer
// (payment.KindReturn) nor one of its items.
func (t *Tx) checkChequeRefs(c *cheque.Cheque) error {
	if len(c.Invoices) == 0 && c.Return == "" {
		return nil
	}
	its, err := t.Items(c.Customer)
	if err != nil {
		return err
	}
	has := func(id string) bool {
		return slices.ContainsFunc(its, func(it ledger.Item) bool { return it.ID == id })
	}
	for _, id := range c.Invoices {
		if !has(id) {
			return &ledger.Problem{Key: "cheque.err.invoice", Args: []string{"id", c.Number, "value", id, "customer", c.Customer}}
		}
	}
	if c.Return == "" || has(c.Return) {
		return nil
	}
	p, err := t.Payment(c.Return)
	if err != nil {
		return err
	}
	if p == nil || p.Customer != c.Customer || p.Kind != payment.KindReturn {
		return &ledger.Problem{Key: "cheque.err.return", Args: []string{"id", c.Number, "value", c.Return, "customer", c.Customer}}
	}
	return nil
}

// RecordChequeStep records on cheque id the step k taken on day d (officer: who served
// the certificate) and returns the cheque as stored. An unknown cheque, or a step the
// cheque refuses (cheque.Cheque.Record: out of order, already recorded, file over), is
// refused, nothing written.
func (t *Tx) RecordChequeStep(id string, k cheque.Kind, d ledger.Date, officer string) (*cheque.Cheque, error) {
	c, err := t.Cheque(id)
	if err != nil {
		return nil, err
	}
	if c == nil {
		return nil, &ledger.Problem{Key: "cheque.err.unknown", Args: []string{"value", id}}
	}
	if err := c.Record(k, d, officer); err != nil {
		return nil, err
	}
	return c, putJSON(t.tx.Bucket([]byte(bCheques)), []byte(id), c)
}

// ChequeLetterIssued records, in the transaction that archives it, that the letter
// letterID was issued to the drawer of cheque id on day d: the step « letter » and the
// archived letter it points to. A later letter leaves the first one recorded (the
// archive keeps both). An unknown cheque, or one whose file is over, is refused.
func (t *Tx) ChequeLetterIssued(id string, d ledger.Date, letterID string) (*cheque.Cheque, error) {
	c, err := t.Cheque(id)
	if err != nil {
		return nil, err
	}
	if c == nil {
		return nil, &ledger.Problem{Key: "cheque.err.unknown", Args: []string{"value", id}}
	}
	if c.Letter.Valid() {
		if !c.Open() {
			return nil, c.Record(cheque.KindLetter, d, "") // says why: the file is over
		}
		return c, nil
	}
	if err := c.Record(cheque.KindLetter, d, ""); err != nil {
		return nil, err
	}
	c.LetterID = letterID
	return c, putJSON(t.tx.Bucket([]byte(bCheques)), []byte(id), c)
}

// Cheque returns unpaid cheque id, or nil when there is none.
func (t *Tx) Cheque(id string) (*cheque.Cheque, error) {
	return getJSON[cheque.Cheque](t, bCheques, id)
}

// Cheques returns the unpaid cheques of customer (every customer's when customer is
// empty), in ID order.
func (t *Tx) Cheques(customer string) ([]cheque.Cheque, error) {
	out := []cheque.Cheque{}
	err := t.tx.Bucket([]byte(bCheques)).ForEach(func(k, v []byte) error {
		var c cheque.Cheque
		if err := json.Unmarshal(v, &c); err != nil {
			return t.corrupt(string(bCheques), string(k), err)
		}
		if customer == "" || c.Customer == customer {
			out = append(out, c)
		}
		return nil
	})
	return out, err
}

// LoadCheques reads the unpaid cheques of customer (every customer's when empty) in one
// read transaction.
func (db *DB) LoadCheques(customer string) ([]cheque.Cheque, error) {
	var out []cheque.Cheque
	err := db.View(func(tx *Tx) error {
		var err error
		out, err = tx.Cheques(customer)
		return err
	})
	return out, err
}

// EraseChequeText rewrites the unpaid cheques of customer through erase, which may
// change their Notes only, and returns how many cheques the customer has: a GDPR
// erasure keeps the cheque, its amount and its steps (the procedure's title is
// enforced against the drawer) and erases what was written about the person.
func (t *Tx) EraseChequeText(customer string, erase func(c *cheque.Cheque)) (int, error) {
	if customer == "" {
		return 0, nil
	}
	cs, err := t.Cheques(customer)
	if err != nil {
		return 0, err
	}
	strip := func(c cheque.Cheque) any {
		c.Notes = ""
		return c
	}
	b := t.tx.Bucket([]byte(bCheques))
	for i := range cs {
		old := cs[i]
		old.Represented = slices.Clone(old.Represented)
		old.Invoices = slices.Clone(old.Invoices)
		erase(&cs[i])
		if err := onlyText(old.ID, strip(old), strip(cs[i])); err != nil {
			return 0, err
		}
		if err := putJSON(b, []byte(old.ID), &cs[i]); err != nil {
			return 0, err
		}
	}
	return len(cs), nil
}
