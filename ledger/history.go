package ledger

import "slices"

// AccountHistory is what an account read in part (Account.History) keeps of all of its
// items: the figures that add up the whole history (the sales of the DSO and of the risk
// classes, the date of the last invoice) are computed from it, not from the items.
type AccountHistory struct {
	// Since is the date from which the account's closed items were read: every item
	// that was open at some date on or after it is in Items.
	Since Date
	// Sales are the account's sales (invoices and credit notes) by document date,
	// ascending, every item counted: SalesByDay of all of them.
	Sales []DaySales
	// LastInvoice is the document date of the account's latest invoice (NoDate: none).
	LastInvoice Date
}

// DaySales is the sum of the invoices and credit notes of one document date.
type DaySales struct {
	Date   Date
	Amount Cents
}

// IsSale reports whether the item counts in the sales: an invoice or a credit note
// (opening balances, payments and adjustments do not).
func (it *Item) IsSale() bool { return it.Kind == Invoice || it.Kind == CreditNote }

// SalesByDay returns the sales of items by document date, ascending: the one place the
// daily sales are summed, for the store's summary and for a whole account alike.
func SalesByDay(items []Item) []DaySales {
	var out []DaySales
	for i := range items {
		it := &items[i]
		if !it.IsSale() || it.Amount == 0 {
			continue
		}
		out = append(out, DaySales{it.DocDate, it.Amount})
	}
	if len(out) < 2 {
		return out
	}
	sortDaySales(out)
	w := 0
	for _, s := range out[1:] {
		if s.Date == out[w].Date {
			out[w].Amount += s.Amount
			continue
		}
		w++
		out[w] = s
	}
	return out[:w+1]
}

// LastInvoice returns the document date of the latest invoice of items (NoDate: none).
func LastInvoice(items []Item) Date {
	var last Date
	for i := range items {
		if it := &items[i]; it.Kind == Invoice && it.DocDate > last {
			last = it.DocDate
		}
	}
	return last
}

func sortDaySales(v []DaySales) {
	if slices.IsSortedFunc(v, cmpDay) { // items come sorted by date
		return
	}
	slices.SortFunc(v, cmpDay)
}

func cmpDay(a, b DaySales) int { return int(a.Date) - int(b.Date) }
