package dunning

import "relance/ledger"

// PromiseGrace is the number of days after a promise's due date during which a payment
// still keeps it: a transfer ordered on the promised day reaches the bank statement
// (and the ledger) a day or two later.
const PromiseGrace = 3

// PromiseStateAt returns the status of promise p at date at, given the customer's
// account a (nil: no account, so nothing can be found paid):
//   - a cancelled promise stays cancelled;
//   - a promise recorded as closed (kept or broken) on or before at keeps that status;
//     closed after at, it was still pending at at (history is replayed faithfully);
//   - otherwise it is kept when the promised items are all settled, or when the
//     payments dated from the promise's date to at (at most Due+PromiseGrace) add up to
//     the promised amount, within the grace;
//   - not kept and at is past Due+PromiseGrace: broken; else pending.
func PromiseStateAt(p Promise, a *ledger.Account, at ledger.Date) PromiseStatus {
	if p.Status == PromiseCancelled {
		return PromiseCancelled
	}
	if (p.Status == PromiseKept || p.Status == PromiseBroken) && p.Closed.Valid() {
		if p.Closed <= at {
			return p.Status
		}
		// closed later than at: replay from the ledger as of at
	}
	if at < p.Made {
		return PromisePending
	}
	limit := p.Due.AddDays(PromiseGrace)
	if at < limit {
		limit = at
	}
	if a != nil && promiseKept(p, a, limit) {
		return PromiseKept
	}
	if at > p.Due.AddDays(PromiseGrace) {
		return PromiseBroken
	}
	return PromisePending
}

// promiseKept reports whether promise p is found paid in a by date limit.
func promiseKept(p Promise, a *ledger.Account, limit ledger.Date) bool {
	if len(p.Items) > 0 && itemsSettled(p.Items, a, limit) {
		return true
	}
	if p.Amount <= 0 {
		return false
	}
	var paid ledger.Cents
	for i := range a.Items {
		it := &a.Items[i]
		if it.Kind == ledger.Payment && it.Amount < 0 && it.DocDate >= p.Made && it.DocDate <= limit {
			paid -= it.Amount
		}
	}
	return paid >= p.Amount
}

// itemsSettled reports whether every item of ids is found in a and settled by limit.
func itemsSettled(ids []string, a *ledger.Account, limit ledger.Date) bool {
	for _, id := range ids {
		found := false
		for i := range a.Items {
			it := &a.Items[i]
			if it.ID != id {
				continue
			}
			found = true
			if it.Open != 0 || !it.Settled.Valid() || it.Settled > limit {
				return false
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// PromiseCounter returns the hook credit.ProfileOptions.Promises takes: the number of
// a customer's promises kept and broken whose promised date falls in (from, to], each
// judged at to.
func PromiseCounter(book *ledger.Book, rec Records) func(customer string, from, to ledger.Date) (kept, broken int) {
	by := map[string][]Promise{}
	for _, p := range rec.Promises {
		by[p.Customer] = append(by[p.Customer], p)
	}
	return func(customer string, from, to ledger.Date) (kept, broken int) {
		var a *ledger.Account
		if book != nil {
			a = book.Account(customer)
		}
		for _, p := range by[customer] {
			if p.Due <= from || p.Due > to {
				continue
			}
			switch PromiseStateAt(p, a, to) {
			case PromiseKept:
				kept++
			case PromiseBroken:
				broken++
			}
		}
		return kept, broken
	}
}

// PendingPromise is customer's latest pending promise (the one a confirmation letter
// confirms), nil when there is none.
func (r *Records) PendingPromise(customer string) *Promise {
	var last *Promise
	for i := range r.Promises {
		p := &r.Promises[i]
		if p.Customer == customer && p.Status == PromisePending && (last == nil || p.Made > last.Made) {
			last = p
		}
	}
	return last
}
