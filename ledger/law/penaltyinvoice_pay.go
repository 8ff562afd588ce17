package law

import (
	"slices"

	"relance/ledger"
)

// Settlement is how one invoice of an account was settled up to an as-of date, read
// from the ledger: the dated reductions of its open amount by payments, and the part
// cancelled by credit notes.
type Settlement struct {
	Item *ledger.Item
	// Payments are the reductions of the invoice's open amount by a payment (or any
	// credit other than a credit note), each on the day the ledger shows it, oldest
	// first; several on the same day are one.
	Payments []Payment
	// Credited is the part of the invoice cancelled by credit notes: not a payment, it
	// bears no interest (the debt was reduced, not paid late).
	Credited ledger.Cents
}

// Settlements returns, for every invoice of acc dated on or before asOf whose due date
// is before asOf, the payments that reduced its open amount up to asOf and their dates,
// as open (credit.OpenAtMap) rebuilds the account at each date: the open amount of an
// invoice falls on the day a payment lettered with it, or taken by FIFO, is dated. The
// days examined are those on which the account changes (a document's date, a lettering
// group's settlement date), so that the result is exactly open's, day by day. A fall on
// a day whose only credits are credit notes is a credit, not a payment. What was paid
// by the earliest due date of these invoices is left out: none of it can be late.
func Settlements(acc *ledger.Account, asOf ledger.Date, open ledger.OpenAtFunc) []Settlement {
	var invs []*ledger.Item
	base := ledger.NoDate // the earliest due date: nothing before it can be late
	for i := range acc.Items {
		it := &acc.Items[i]
		if it.Kind != ledger.Invoice || it.Amount <= 0 || !it.DueDate.Valid() || it.DueDate >= asOf || it.DocDate > asOf {
			continue
		}
		invs = append(invs, it)
		if !base.Valid() || it.DueDate < base {
			base = it.DueDate
		}
	}
	if len(invs) == 0 || open == nil {
		return nil
	}
	// The days the account changes after base, up to asOf; the kinds of credits dated
	// each day tell a credit note from a payment.
	var days []ledger.Date
	onlyCreditNotes := map[ledger.Date]bool{}
	for i := range acc.Items {
		it := &acc.Items[i]
		for _, d := range []ledger.Date{it.DocDate, it.Settled} {
			if d.Valid() && d > base && d <= asOf {
				days = append(days, d)
			}
		}
		if it.Amount < 0 && it.DocDate > base && it.DocDate <= asOf {
			cn, seen := onlyCreditNotes[it.DocDate]
			onlyCreditNotes[it.DocDate] = (cn || !seen) && it.Kind == ledger.CreditNote
		}
	}
	slices.Sort(days)
	days = slices.Compact(days)

	out := make([]Settlement, len(invs))
	prev := make([]ledger.Cents, len(invs))
	m := open(acc, base)
	for k, it := range invs {
		out[k].Item = it
		prev[k] = it.Amount
		if it.DocDate <= base {
			prev[k] = m[it]
			// Paid before base, which is on or before its due date: on time.
		}
	}
	for _, d := range days {
		m = open(acc, d)
		for k, it := range invs {
			if it.DocDate > d {
				continue
			}
			cur := max(m[it], 0)
			switch {
			case cur < prev[k]:
				fall := prev[k] - cur
				if onlyCreditNotes[d] {
					out[k].Credited += fall
				} else {
					out[k].Payments = addPayment(out[k].Payments, d, fall)
				}
			case cur > prev[k]:
				// Open again (a credit moved to another invoice when the past is rebuilt):
				// the latest reductions are undone.
				out[k].Payments, out[k].Credited = undo(out[k].Payments, out[k].Credited, cur-prev[k])
			}
			prev[k] = cur
		}
	}
	return out
}

// addPayment adds amount paid on day d to pays (sorted by date).
func addPayment(pays []Payment, d ledger.Date, amount ledger.Cents) []Payment {
	if n := len(pays); n > 0 && pays[n-1].Date == d {
		pays[n-1].Amount += amount
		return pays
	}
	return append(pays, Payment{Date: d, Amount: amount})
}

// undo takes back amount from the latest payments, then from the credited part.
func undo(pays []Payment, credited, amount ledger.Cents) ([]Payment, ledger.Cents) {
	for amount > 0 && len(pays) > 0 {
		last := &pays[len(pays)-1]
		take := min(amount, last.Amount)
		last.Amount -= take
		amount -= take
		if last.Amount == 0 {
			pays = pays[:len(pays)-1]
		}
	}
	return pays, max(0, credited-amount)
}
