// Package credit computes what is owed and since when: open items at any as-of date,
// the aged balance (balance âgée) and, later, the collection KPIs. Every function takes
// an explicit as-of date; nothing here reads the clock.
package credit

import (
	"sort"

	"relance/ledger"
)

// OpenItem is an item with its open amount at an as-of date.
type OpenItem struct {
	*ledger.Item
	OpenAt ledger.Cents
}

// lastActivity is the latest date found on the account (document or settlement).
func lastActivity(a *ledger.Account) ledger.Date {
	var last ledger.Date
	for i := range a.Items {
		it := &a.Items[i]
		last = max(last, it.DocDate, it.Settled)
	}
	return last
}

// OpenAt returns the account's items open at asOf with their open amount then.
//
// At or after the account's last activity this is the stored open amount. Before it,
// the state is rebuilt: an item dated after asOf did not exist; a lettered group settled
// on or before asOf is closed; in a group still open at asOf, the group's credits dated
// on or before asOf settle its debits oldest first; an item matched by FIFO on import
// (no usable lettering) is rebuilt by FIFO over the items dated on or before asOf.
// In every case Σ OpenAt = Σ amounts of the items dated on or before asOf.
func OpenAt(a *ledger.Account, asOf ledger.Date) []OpenItem {
	var out []OpenItem
	if asOf >= lastActivity(a) {
		n := 0
		for i := range a.Items {
			if it := &a.Items[i]; it.Open != 0 && it.DocDate <= asOf {
				n++
			}
		}
		if n == 0 {
			return nil
		}
		out = make([]OpenItem, 0, n) // sized: the aged balance of a large dossier calls it per customer
		for i := range a.Items {
			if it := &a.Items[i]; it.Open != 0 && it.DocDate <= asOf {
				out = append(out, OpenItem{it, it.Open})
			}
		}
		return out
	}
	groups := map[string][]*ledger.Item{}
	var fifo []*ledger.Item
	for i := range a.Items {
		it := &a.Items[i]
		if it.DocDate > asOf {
			continue
		}
		switch {
		case it.RebuiltByFIFO(): // FIFO, or partly settled without lettering
			fifo = append(fifo, it)
		case it.Match == "":
			out = append(out, OpenItem{it, it.Amount})
		default:
			if !(it.Settled.Valid() && it.Settled <= asOf) {
				groups[it.Match] = append(groups[it.Match], it)
			}
		}
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		out = append(out, settle(groups[k])...)
	}
	out = append(out, settle(fifo)...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].DueDate != out[j].DueDate {
			return out[i].DueDate < out[j].DueDate
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// settle applies the credits of items to its debits, oldest due date first, and returns
// what remains open: debits partly or not settled, or the credits left over.
func settle(items []*ledger.Item) []OpenItem {
	var debits, credits []OpenItem
	for _, it := range items {
		if it.Amount > 0 {
			debits = append(debits, OpenItem{it, it.Amount})
		} else if it.Amount < 0 {
			credits = append(credits, OpenItem{it, it.Amount})
		}
	}
	less := func(v []OpenItem) func(i, j int) bool {
		return func(i, j int) bool {
			if v[i].DueDate != v[j].DueDate {
				return v[i].DueDate < v[j].DueDate
			}
			return v[i].DocDate < v[j].DocDate
		}
	}
	sort.SliceStable(debits, less(debits))
	sort.SliceStable(credits, less(credits))
	d := 0
	for c := range credits {
		for credits[c].OpenAt < 0 && d < len(debits) {
			take := min(debits[d].OpenAt, -credits[c].OpenAt)
			debits[d].OpenAt -= take
			credits[c].OpenAt += take
			if debits[d].OpenAt == 0 {
				d++
			}
		}
	}
	var out []OpenItem
	for _, v := range append(debits, credits...) {
		if v.OpenAt != 0 {
			out = append(out, v)
		}
	}
	return out
}

// OpenAtMap is OpenAt as a ledger.OpenAtFunc: the open amount at asOf of each item
// open then. Every figure at a date (deadlines, risk, décompte) takes it, so that they
// all rebuild the past the same way.
func OpenAtMap(a *ledger.Account, asOf ledger.Date) map[*ledger.Item]ledger.Cents {
	items := OpenAt(a, asOf)
	m := make(map[*ledger.Item]ledger.Cents, len(items))
	for _, o := range items {
		m[o.Item] = o.OpenAt
	}
	return m
}
