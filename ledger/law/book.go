package law

import (
	"cmp"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"relance/ledger"
)

// ItemDeadline is one open debit item of a dossier with its limitation state.
type ItemDeadline struct {
	Customer *ledger.Customer
	Item     *ledger.Item
	Open     ledger.Cents // the item's open amount at the as-of date
	State    LimitationState
}

// InterruptionsFunc gives the interrupting acts recorded for an item of a customer (a
// signed payment plan, a legal action…); nil: none.
type InterruptionsFunc func(customer, itemID string) []Interruption

// BookDeadlines returns the limitation state at asOf of every open debit item of the
// book, most urgent first (expired, then within 3 months, within 6 months, the rest),
// then by deadline, each period running as Deadline counts it (from the due date; for
// a public body from 1 January of the year after the right arose).
func BookDeadlines(book *ledger.Book, asOf ledger.Date) []ItemDeadline {
	return BookDeadlinesWith(book, asOf, nil, nil)
}

// BookDeadlinesWith is BookDeadlines with the interruptions the dossier records: the
// latest one restarts the item's period (C. civ. 2231). The items are those open at
// asOf as open gives them (credit.OpenAtMap: an item issued later is left out, one
// settled later is still open); nil open takes the stored open amounts, today's.
func BookDeadlinesWith(book *ledger.Book, asOf ledger.Date, interruptions InterruptionsFunc, open ledger.OpenAtFunc) []ItemDeadline {
	return BookDeadlinesWhere(book, asOf, interruptions, open, nil)
}

// BookDeadlinesWhere is BookDeadlinesWith for the items whose state keep accepts (nil:
// all): the agenda keeps the expired ones and those within 3 months, a few percent.
func BookDeadlinesWhere(book *ledger.Book, asOf ledger.Date, interruptions InterruptionsFunc, open ledger.OpenAtFunc, keep func(*LimitationState) bool) []ItemDeadline {
	var out []ItemDeadline
	if keep == nil { // all of them: the open debits now, as many as at asOf most often
		n := 0
		for _, acc := range book.Accounts {
			for i := range acc.Items {
				if acc.Items[i].Open > 0 {
					n++
				}
			}
		}
		out = make([]ItemDeadline, 0, n)
	}
	for _, acc := range book.Accounts {
		c := &acc.Customer
		opens := openAmounts(acc, asOf, open)
		for i := range acc.Items {
			it := &acc.Items[i]
			amt, ok := opens[it]
			if !ok || amt <= 0 {
				continue
			}
			var in []Interruption
			if interruptions != nil {
				in = interruptions(c.ID, it.ID)
			}
			st := Deadline(it, c.Kind, in, asOf)
			if keep != nil && !keep(&st) {
				continue
			}
			out = append(out, ItemDeadline{Customer: c, Item: it, Open: amt, State: st})
		}
	}
	// Sorted through their indexes: moving the states themselves, as a sort does many
	// times, cost more than computing them on a large ledger. The order is total (an
	// item's ID is unique within its customer's).
	order := make([]int32, len(out))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(i, j int32) int {
		a, b := &out[i], &out[j]
		switch {
		case a.State.Level.Urgency() != b.State.Level.Urgency():
			return cmp.Compare(a.State.Level.Urgency(), b.State.Level.Urgency())
		case a.State.Deadline != b.State.Deadline:
			return cmp.Compare(a.State.Deadline, b.State.Deadline)
		case a.Customer.ID != b.Customer.ID:
			return strings.Compare(a.Customer.ID, b.Customer.ID)
		}
		return strings.Compare(a.Item.ID, b.Item.ID)
	})
	sorted := make([]ItemDeadline, len(out))
	for k, i := range order {
		sorted[k] = out[i]
	}
	return sorted
}

// CustomerInvoices returns a customer's open debit items at asOf as invoices for the
// penalty engine: the open amount is the principal, payments already received are
// not repeated (the principal is what remains), and each invoice bears interest from
// its due date. The open amounts are those at asOf as open gives them (nil: the stored
// ones, today's).
func CustomerInvoices(acc *ledger.Account, asOf ledger.Date, open ledger.OpenAtFunc) []Invoice {
	var out []Invoice
	opens := openAmounts(acc, asOf, open)
	for i := range acc.Items {
		it := &acc.Items[i]
		amt := opens[it]
		if amt <= 0 || !it.DueDate.Valid() || it.DueDate >= asOf || it.DocDate > asOf {
			continue
		}
		ref := it.Number
		if ref == "" {
			ref = it.ID
		}
		out = append(out, Invoice{Ref: ref, Amount: amt, Due: it.DueDate, Pounds: poundsOf(it, amt)})
	}
	return out
}

// poundsOf is the part open of an item issued in pounds, in pounds (its original
// amount in the proportion open/amount of the dossier's amounts), or 0.
func poundsOf(it *ledger.Item, open ledger.Cents) ledger.Cents {
	if !strings.EqualFold(it.Currency, "GBP") || it.CurAmount <= 0 || it.Amount <= 0 {
		return 0
	}
	if open >= it.Amount {
		return it.CurAmount
	}
	v := decimal.NewFromInt(int64(open)).Mul(decimal.NewFromInt(int64(it.CurAmount))).
		Div(decimal.NewFromInt(int64(it.Amount))).Round(0)
	return ledger.Cents(v.IntPart())
}

// openAmounts is open(acc, asOf), or the stored open amounts of the items dated on or
// before asOf when open is nil.
func openAmounts(acc *ledger.Account, asOf ledger.Date, open ledger.OpenAtFunc) map[*ledger.Item]ledger.Cents {
	if open != nil {
		return open(acc, asOf)
	}
	m := make(map[*ledger.Item]ledger.Cents)
	for i := range acc.Items {
		if it := &acc.Items[i]; it.Open != 0 && it.DocDate <= asOf {
			m[it] = it.Open
		}
	}
	return m
}
