package importer

import (
	"fmt"
	"path/filepath"
	"strings"

	"relance/ledger"
)

// This file holds the compact form of a FEC's plan: once a customer's open items are
// derived (buildFEC), it keeps for each item only the scan's line and what the
// derivation decided (open amount, settlement date, kind, flags, number); the
// ledger.Item is made again from the scan when it is shown or written, one customer
// at a time. A plan of a million lines then holds tens of megabytes instead of the
// items' hundreds.

// itemState is what the derivation decided for one item.
type itemState struct {
	open    ledger.Cents
	settled ledger.Date
	flags   uint32
	seq     uint32 // the item's number among those with its base ID
	kind    ledger.ItemKind
}

// docDate is the date of a line's document: PieceDate, else EcritureDate.
func docDate(l *lineView) ledger.Date {
	if l.pieceDate.Valid() {
		return l.pieceDate
	}
	return l.date
}

// itemBase is the ID of a line's item before its number: journal, piece, document date.
func itemBase(l *lineView) string {
	return l.journal + "|" + l.piece + "|" + docDate(l).String()
}

// fecItem is the item of a receivable line, open for its whole amount.
func fecItem(l *lineView, base string, seq int, cust, source string, kind ledger.ItemKind, flags uint32) ledger.Item {
	return ledger.Item{
		ID:       fmt.Sprintf("%s|%d", strings.ReplaceAll(base, "-", ""), seq),
		Customer: cust, Kind: kind, Number: l.piece, Label: l.label, Journal: l.journal,
		DocDate: docDate(l), DueDate: l.due, Amount: l.net, Open: l.net, Match: l.let,
		Currency: l.currency, CurAmount: l.cur, Flags: flags, Source: source, Line: l.line,
	}
}

// compact replaces a derived FEC customer's items by their compact form.
func (pc *planCustomer) compact() {
	pc.state = make([]itemState, len(pc.Items))
	for i := range pc.Items {
		it := &pc.Items[i]
		pc.state[i] = itemState{open: it.Open, settled: it.Settled, flags: it.Flags, seq: pc.seqs[i], kind: it.Kind}
	}
	pc.Items, pc.dueSet, pc.seqs = nil, nil, nil
}

// count returns the customer's number of items, open items and Σ open amounts.
func (pc *planCustomer) count() (items, open int, total ledger.Cents) {
	for i := range pc.Items {
		if pc.Items[i].Open != 0 {
			open++
			total += pc.Items[i].Open
		}
	}
	for i := range pc.state {
		if pc.state[i].open != 0 {
			open++
			total += pc.state[i].open
		}
	}
	return len(pc.Items) + len(pc.state), open, total
}

// itemsOf returns a customer's items, a copy the caller may change, and for each
// whether its due date came from the file.
func (p *Plan) itemsOf(pc *planCustomer) ([]ledger.Item, []bool) {
	if pc.state == nil {
		return append([]ledger.Item(nil), pc.Items...), pc.dueSet
	}
	items := make([]ledger.Item, len(pc.state))
	due := make([]bool, len(pc.state))
	for i := range pc.state {
		st := &pc.state[i]
		lv := p.scan.view(int(pc.lines[i]))
		items[i] = fecItem(&lv, itemBase(&lv), int(st.seq), pc.Customer.ID, filepath.Base(p.scan.file), st.kind, st.flags)
		items[i].Open, items[i].Settled = st.open, st.settled
		due[i] = lv.due.Valid()
	}
	return items, due
}
