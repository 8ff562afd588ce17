package demo

import (
	"slices"
	"time"

	"relance/ledger"
	"relance/ledger/dunning"
	"relance/ledger/store"
)

// publicNoticeDays is how long before today the demo's public buyers were sent their
// formal notice: more than two months, so that the silence kept on it has become an
// implicit rejection by today (CRPA L231-4 3°) and the référé-provision's prior-demand
// condition is met on a fresh demo (CJA R421-1).
const publicNoticeDays = 75

// putPublicNotices records, for each public buyer of the demo with invoices overdue
// publicNoticeDays before today (the working day before, on a weekend), the formal
// notice sent that day (a "med" letter done,
// as the demo's other notices): the demand for payment the référé-provision requires
// before the request. The invoices covered and the amount are those overdue that day
// (openOn: the demo cannot use ledger/credit, whose tests build demos).
func putPublicNotices(tx *store.Tx, book *ledger.Book, today ledger.Date) error {
	day := today.AddDays(-publicNoticeDays)
	for day.Weekday() == time.Saturday || day.Weekday() == time.Sunday {
		day = day.AddDays(-1) // a letter is sent on a working day
	}
	for _, a := range book.Accounts {
		if a.Customer.Kind != ledger.PublicBody {
			continue
		}
		var items []string
		var amount ledger.Cents
		for i := range a.Items {
			it := &a.Items[i]
			if o := openOn(a, it, day); o > 0 && it.Kind == ledger.Invoice && it.DueDate.Valid() && it.DueDate < day {
				items = append(items, it.ID)
				amount += o
			}
		}
		if len(items) == 0 {
			continue // nothing overdue that day: nothing to demand
		}
		slices.Sort(items)
		act := dunning.Action{Customer: a.Customer.ID, Kind: dunning.ActionKind(dunning.ChanNotice), Stage: "med",
			Date: day, Items: items, Amount: amount, By: Collector,
			Note: "Mise en demeure chiffrée envoyée en LRAR au comptable public (demande préalable, démo)."}
		if err := tx.AddAction(&act); err != nil {
			return err
		}
	}
	return nil
}

// openOn is what was left to pay of invoice it on day: nothing once it was settled by
// then, else its amount less the credits of its lettering group dated by then (the
// demo letters whole payments; an unlettered invoice is still open as imported).
func openOn(a *ledger.Account, it *ledger.Item, day ledger.Date) ledger.Cents {
	if it.DocDate > day {
		return 0
	}
	if it.Settled.Valid() && it.Settled <= day {
		return 0
	}
	if it.Match == "" {
		return it.Open
	}
	open := it.Amount
	for i := range a.Items {
		if c := &a.Items[i]; c.Match == it.Match && c.Amount < 0 && c.DocDate <= day {
			open += c.Amount
		}
	}
	return max(0, min(open, it.Amount))
}
