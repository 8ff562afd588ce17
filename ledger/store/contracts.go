package store

import (
	"encoding/json"

	"relance/ledger"
	"relance/ledger/contract"
)

// Bucket contracts (schema 14, declared in schema.go) holds what each customer accepted
// (the CGV, their clauses) and the guarantees held on it (contract.Contract), one
// record per customer, replaced when changed:
//
//	contracts   customer ID → JSON contract.Contract

// PutContract validates and stores c, replacing the customer's. An unknown customer or
// a contract that does not validate is refused, nothing written.
func (t *Tx) PutContract(c *contract.Contract) error {
	if err := c.Validate(); err != nil {
		return err
	}
	cust, err := t.Customer(c.Customer)
	if err != nil {
		return err
	}
	if cust == nil {
		return &ledger.Problem{Key: "contract.err.customer", Args: []string{"value", c.Customer}}
	}
	return putJSON(t.tx.Bucket([]byte(bContracts)), []byte(c.Customer), c)
}

// Contract returns the contract of customer, or nil when none is recorded.
func (t *Tx) Contract(customer string) (*contract.Contract, error) {
	return getJSON[contract.Contract](t, bContracts, customer)
}

// Contracts returns every contract recorded, by customer.
func (t *Tx) Contracts() (map[string]contract.Contract, error) {
	out := map[string]contract.Contract{}
	err := t.tx.Bucket([]byte(bContracts)).ForEach(func(k, v []byte) error {
		var c contract.Contract
		if err := json.Unmarshal(v, &c); err != nil {
			return t.corrupt(string(bContracts), string(k), err)
		}
		out[c.Customer] = c
		return nil
	})
	return out, err
}

// EraseContractText rewrites the free text of customer's contract through erase (the
// GDPR erasure): its note, the references of its guarantees and the name of a personal
// surety (a person). It returns 1 when the customer has a contract, 0 otherwise.
func (t *Tx) EraseContractText(customer string, erase func(string) string) (int, error) {
	c, err := t.Contract(customer)
	if err != nil || c == nil {
		return 0, err
	}
	c.Note = erase(c.Note)
	for i := range c.Guarantees {
		g := &c.Guarantees[i]
		g.Ref = erase(g.Ref)
		if g.Kind == contract.PersonalSurety {
			g.Issuer = erase(g.Issuer)
		}
	}
	return 1, putJSON(t.tx.Bucket([]byte(bContracts)), []byte(customer), c)
}
