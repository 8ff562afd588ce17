package store

import (
	"bytes"
	"encoding/json"

	"relance/ledger"
	"relance/ledger/dunning"
	"relance/ledger/payment"
)

// The erasure of a person's data (GDPR art. 17, ledger/privacy) may also rewrite the
// free text of the customer's collection history — actions (append-only), promises
// and payment plans (only closed once) and payments entered by hand (append-only) —
// and nothing else: their kinds, dates, amounts, statuses, items and links are the
// history the law keeps (C. com. L123-22, C. civ. 2224 and 2240). As in erasure.go,
// each record is handed to the caller's erase function and stored only when the
// record with its free text cleared is the same before and after; otherwise the
// change is refused, and the caller's transaction writes nothing.

// EraseActionText rewrites the actions of customer through erase, which may change
// their Note only, and returns how many actions the customer has.
func (t *Tx) EraseActionText(customer string, erase func(a *dunning.Action)) (int, error) {
	if customer == "" {
		return 0, nil
	}
	acts, err := t.Actions(customer)
	if err != nil {
		return 0, err
	}
	return eraseEach(t, bActions, customer, acts, func(a *dunning.Action) string { return a.ID },
		func(a dunning.Action) dunning.Action { a.Note = ""; return a }, erase)
}

// ErasePromiseText rewrites the promises to pay of customer through erase, which may
// change their Note only, and returns how many promises the customer has.
func (t *Tx) ErasePromiseText(customer string, erase func(p *dunning.Promise)) (int, error) {
	if customer == "" {
		return 0, nil
	}
	ps, err := t.Promises(customer)
	if err != nil {
		return 0, err
	}
	return eraseEach(t, bPromises, customer, ps, func(p *dunning.Promise) string { return p.ID },
		func(p dunning.Promise) dunning.Promise { p.Note = ""; return p }, erase)
}

// ErasePlanText rewrites the payment plans of customer through erase, which may change
// their Note only, and returns how many plans the customer has.
func (t *Tx) ErasePlanText(customer string, erase func(p *dunning.Plan)) (int, error) {
	if customer == "" {
		return 0, nil
	}
	ps, err := t.Plans(customer)
	if err != nil {
		return 0, err
	}
	return eraseEach(t, bPlans, customer, ps, func(p *dunning.Plan) string { return p.ID },
		func(p dunning.Plan) dunning.Plan { p.Note = ""; return p }, erase)
}

// ErasePaymentText rewrites the payments recorded for customer (by hand or from a
// bank statement) through erase, which may change their Ref and the Reason of their
// reversal only, and returns how many payments the customer has.
func (t *Tx) ErasePaymentText(customer string, erase func(p *payment.Payment)) (int, error) {
	if customer == "" {
		return 0, nil
	}
	ps, err := t.Payments(customer)
	if err != nil {
		return 0, err
	}
	return eraseEach(t, bPayments, customer, ps, func(p *payment.Payment) string { return p.ID },
		func(p payment.Payment) payment.Payment {
			p.Ref = ""
			if p.Reversed != nil {
				r := *p.Reversed
				r.Reason = ""
				p.Reversed = &r
			}
			return p
		}, erase)
}

// eraseEach passes each of recs, the records of customer in bucket name, to erase and
// stores it under its key, after checking that strip (the record with its free text
// cleared) encodes the same before and after: a change to anything else is refused.
// The "before" is encoded before erase runs, so that an erase function changing a
// slice shared with the stored record is caught too.
func eraseEach[T any](t *Tx, name BucketName, customer string, recs []T, id func(*T) string, strip func(T) T, erase func(*T)) (int, error) {
	return eraseKeyed(t, name, recs, id, func(id string) []byte { return dunningKey(customer, id) }, strip, erase)
}

// eraseKeyed is eraseEach for records stored under key(their ID).
func eraseKeyed[T any](t *Tx, name BucketName, recs []T, id func(*T) string, key func(string) []byte, strip func(T) T, erase func(*T)) (int, error) {
	b := t.tx.Bucket([]byte(name))
	for i := range recs {
		r := &recs[i]
		before, err := json.Marshal(strip(*r))
		if err != nil {
			return 0, err
		}
		oldID := id(r)
		erase(r)
		after, err := json.Marshal(strip(*r))
		if err != nil {
			return 0, err
		}
		if !bytes.Equal(before, after) {
			return 0, &ledger.Problem{Key: "privacy2.err.not_text", Args: []string{"id", oldID}}
		}
		if err := putJSON(b, key(oldID), r); err != nil {
			return 0, err
		}
	}
	return len(recs), nil
}
