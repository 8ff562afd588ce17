package importer

import (
	"path/filepath"
	"strconv"

	"relance/ledger"
)

// This file holds the compact form of a FEC's plan: once a customer's open items are
// derived (buildFEC), it keeps for each item only the scan's line and what the
// derivation decided (open amount, settlement date, kind, flags, number); the
// ledger.Item is made again from the scan when it is shown or written, one customer
// at a time. A plan of a million lines then holds tens of megabytes instead of the
// items' hundreds.

// docDate is the date of a line's document: PieceDate, else EcritureDate.
func docDate(l *lineView) ledger.Date {
	if l.pieceDate.Valid() {
		return l.pieceDate
	}
	return l.date
}

// itemBase is the ID of a line's item before its number: journal, piece, document date
// (as Date.String writes it).
func itemBase(l *lineView) string {
	b := make([]byte, 0, len(l.journal)+len(l.piece)+12)
	b = append(b, l.journal...)
	b = append(b, '|')
	b = append(b, l.piece...)
	b = append(b, '|')
	return string(appendDate(b, docDate(l)))
}

// itemID is the ID of a line's item: its base (itemBase) without dashes, then its
// number among the items of that base.
func itemID(l *lineView, seq int) string {
	b := make([]byte, 0, len(l.journal)+len(l.piece)+16)
	b = appendNoDash(b, l.journal)
	b = append(b, '|')
	b = appendNoDash(b, l.piece)
	b = append(b, '|')
	n := len(b)
	b = appendDate(b, docDate(l))
	b = append(b[:n], noDash(b[n:])...)
	b = append(b, '|')
	return string(strconv.AppendInt(b, int64(seq), 10))
}

// appendDate appends d as Date.String writes it (YYYY-MM-DD; nothing for no date),
// without fmt: it is written for every item of a ledger.
func appendDate(b []byte, d ledger.Date) []byte {
	if !d.Valid() {
		return b
	}
	y, m, day := d.YMD()
	if y < 0 || y > 9999 {
		return append(b, d.String()...)
	}
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+int(m)/10), byte('0'+int(m)%10), '-', byte('0'+day/10), byte('0'+day%10))
}

// appendNoDash appends s without its dashes.
func appendNoDash(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] != '-' {
			b = append(b, s[i])
		}
	}
	return b
}

// noDash removes the dashes of b in place.
func noDash(b []byte) []byte {
	out := b[:0]
	for _, c := range b {
		if c != '-' {
			out = append(out, c)
		}
	}
	return out
}

// fecItem is the item of a receivable line, open for its whole amount.
func fecItem(l *lineView, seq int, cust, source string, kind ledger.ItemKind, flags uint32) ledger.Item {
	return ledger.Item{
		ID:       itemID(l, seq),
		Customer: cust, Kind: kind, Number: l.piece, Label: l.label, Journal: l.journal,
		DocDate: docDate(l), DueDate: l.due, Amount: l.net, Open: l.net, Match: l.let,
		Currency: l.currency, CurAmount: l.cur, Flags: flags, Source: source, Line: l.line,
	}
}

// compact replaces a derived FEC customer's items by their compact form: what the
// derivation decided for each is written into its scan line (recLine.custSeq,
// letSettled, flags, kind, the open amount), the customer keeps its lines and its
// totals.
func (pc *planCustomer) compact(s *scan) {
	for i := range pc.Items {
		it := &pc.Items[i]
		li := int(pc.lines[i])
		l := s.rec(li)
		l.letSettled, l.custSeq, l.flags, l.kind = it.Settled, int32(pc.seqs[i]), it.Flags, it.Kind
		s.setOpen(li, it.Open)
	}
	pc.nItems, pc.nOpen, pc.total = pc.count()
	pc.Items, pc.dueSet, pc.seqs, pc.compacted = nil, nil, nil, true
}

// count returns the customer's number of items, open items and Σ open amounts.
func (pc *planCustomer) count() (items, open int, total ledger.Cents) {
	for i := range pc.Items {
		if pc.Items[i].Open != 0 {
			open++
			total += pc.Items[i].Open
		}
	}
	return len(pc.Items) + pc.nItems, open + pc.nOpen, total + pc.total
}

// itemsOf returns a customer's items, a copy the caller may change, and for each
// whether its due date came from the file.
func (p *Plan) itemsOf(pc *planCustomer) ([]ledger.Item, []bool) {
	if !pc.compacted {
		return append([]ledger.Item(nil), pc.Items...), pc.dueSet
	}
	items := make([]ledger.Item, len(pc.lines))
	due := make([]bool, len(pc.lines))
	source := filepath.Base(p.scan.file)
	for i, li := range pc.lines {
		l := p.scan.rec(int(li))
		lv := p.scan.view(int(li))
		items[i] = fecItem(&lv, int(l.custSeq), pc.Customer.ID, source, l.kind, l.flags)
		items[i].Open, items[i].Settled = p.scan.open(int(li)), l.letSettled
		due[i] = lv.due.Valid()
	}
	return items, due
}
