package payment

import (
	"sort"
	"strconv"

	"relance/ledger"
)

// Apply applies the active payments of pays that are account a's to its items, in
// place (the store calls it on the accounts it has just decoded, before the book is
// built, so that everything downstream sees a manual payment as one more item of the
// ledger). Payments are applied in date then ID order; each becomes credit items of
// Kind Payment dated on its day, Source "manual" (or its bank source):
//
//   - one item per allocation, in the settled debit's lettering group, so that
//     credit.OpenAt rebuilds the past right: before the payment's date the debit is
//     open, from it on it is paid. A debit without lettering gets a new group, named
//     "<payment ID>/<n>" like the item; a debit already partly lettered (an unbalanced
//     group) takes the item into its group; a debit whose open amount was derived by
//     FIFO (or that is partly settled without lettering) leaves the item unlettered, so
//     that both are rebuilt by FIFO. A group whose open amounts add up to zero is
//     settled on the payment's date (Settled), as an import does;
//   - an allocation takes at most what the debit still has open (an import since may
//     have settled it): the rest, with the part the person did not allocate, is one
//     open credit item with the payment's ID.
//
// So Σ of the account's open amounts always falls by exactly the payment's amount. A
// reversed payment is not applied at all: the cheque returned unpaid never paid
// anything, so the debits are open again at every date (the reversal is in the
// customer's history). A superseded payment is not applied: the imported item that
// replaced it is in the ledger. A payment taken back by the bank (KindReturn) is one
// open debit (see returned).
func Apply(a *ledger.Account, pays []Payment) {
	var todo []*Payment
	for i := range pays {
		if p := &pays[i]; p.Customer == a.Customer.ID && p.Active() && p.Amount > 0 {
			todo = append(todo, p)
		}
	}
	if len(todo) == 0 {
		return
	}
	sort.SliceStable(todo, func(i, j int) bool {
		if todo[i].Date != todo[j].Date {
			return todo[i].Date < todo[j].Date
		}
		return todo[i].ID < todo[j].ID
	})
	byID := make(map[string]int, len(a.Items))
	for i := range a.Items {
		byID[a.Items[i].ID] = i
	}
	var added []ledger.Item
	for _, p := range todo {
		if p.IsReturn() {
			added = append(added, returned(a, p, byID))
			continue
		}
		added = applyOne(a, p, byID, added)
	}
	a.Items = append(a.Items, added...)
	ledger.SortItems(a.Items)
}

// applyOne applies p to a's items and returns added with p's items appended.
func applyOne(a *ledger.Account, p *Payment, byID map[string]int, added []ledger.Item) []ledger.Item {
	number := p.Ref
	if number == "" {
		number = p.ID
	}
	item := func(id string, amount ledger.Cents) ledger.Item {
		return ledger.Item{ID: id, Customer: a.Customer.ID, Kind: ledger.Payment, Number: number, Label: p.ID,
			DocDate: p.Date, DueDate: p.Date, Amount: -amount, Source: p.Source}
	}
	rest := p.Amount
	n := 0
	for _, al := range p.Allocations {
		i, ok := byID[al.Item]
		if !ok {
			continue
		}
		it := &a.Items[i]
		take := min(al.Amount, it.Open, rest)
		if it.Amount <= 0 || it.DocDate > p.Date || take <= 0 {
			continue
		}
		n++
		piece := item(p.ID+"/"+strconv.Itoa(n), take)
		it.Open -= take
		rest -= take
		switch {
		case it.Flags&ledger.FlagFIFO != 0 || (it.Match == "" && it.Open+take != it.Amount):
			// rebuilt by FIFO: the piece joins the FIFO items (unlettered, Open ≠ Amount)
			piece.Flags = it.Flags & ledger.FlagFIFO
			if it.Open == 0 {
				it.Settled, piece.Settled = p.Date, p.Date
			}
			added = append(added, piece)
		case it.Match == "":
			code := piece.ID
			it.Match, piece.Match = code, code
			if it.Open == 0 {
				it.Settled, piece.Settled = p.Date, p.Date
			}
			added = append(added, piece)
		default:
			piece.Match = it.Match
			added = append(added, piece)
			settleGroup(a.Items, added, it.Match, p.Date)
		}
	}
	if rest > 0 {
		r := item(p.ID, rest)
		r.Open = r.Amount
		added = append(added, r)
	}
	return added
}

// returned is the open debit a KindReturn record adds: an adjustment of its amount,
// dated on the day the bank took the payment back, flagged unpaid cheque (a cheque) or
// rejected debit (anything else), due on the earliest due date of the invoices the
// payment had settled (its Allocations: the invoices open again as they were, overdue
// or not yet due), or on its own date when it names none.
func returned(a *ledger.Account, p *Payment, byID map[string]int) ledger.Item {
	number := p.Ref
	if number == "" {
		number = p.ID
	}
	due := ledger.NoDate
	for _, al := range p.Allocations {
		if i, ok := byID[al.Item]; ok {
			if d := sortKey(&a.Items[i]); d.Valid() && (!due.Valid() || d < due) {
				due = d
			}
		}
	}
	if !due.Valid() {
		due = p.Date
	}
	flag := ledger.FlagRejectedDebit
	if p.Method == Cheque {
		flag = ledger.FlagUnpaidCheque
	}
	return ledger.Item{ID: p.ID, Customer: a.Customer.ID, Kind: ledger.Adjustment, Number: number, Label: p.ID,
		DocDate: p.Date, DueDate: due, Amount: p.Amount, Open: p.Amount, Source: p.Source, Flags: flag}
}

// settleGroup settles lettering group match on date d when its open amounts (over the
// account's items and the ones added) add up to zero: every item of the group not yet
// settled is settled then. Otherwise the items of the group fully paid are settled on
// d, the others stay open, as an import leaves an unbalanced group.
func settleGroup(items, added []ledger.Item, match string, d ledger.Date) {
	var open ledger.Cents
	for _, list := range [][]ledger.Item{items, added} {
		for i := range list {
			if list[i].Match == match {
				open += list[i].Open
			}
		}
	}
	for _, list := range [][]ledger.Item{items, added} {
		for i := range list {
			it := &list[i]
			if it.Match == match && !it.Settled.Valid() && (open == 0 || it.Open == 0) {
				it.Settled = d
			}
		}
	}
}
