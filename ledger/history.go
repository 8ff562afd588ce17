package ledger

import (
	"encoding/binary"
	"iter"
	"slices"
	"unsafe"
)

// AccountHistory is what an account read in part (Account.History) keeps of all of its
// items: the figures that add up the whole history (the sales of the DSO and of the risk
// classes, the date of the last invoice) are computed from it, not from the items.
type AccountHistory struct {
	// Since is the date from which the account's closed items were read: every item
	// that was open at some date on or after it is in Items.
	Since Date
	// Sales are the account's sales (invoices and credit notes) by document date, every
	// item counted: SalesByDay of all of them.
	Sales DaySeries
	// LastInvoice is the document date of the account's latest invoice (NoDate: none).
	LastInvoice Date
	// Balance is the account's balance at the end of each day it changed (BalanceByDay
	// of all of its items).
	Balance DaySeries
	// Past are the closed items not in Items whose lettering group closed on or after
	// PastSince (before Since), in the fields the risk classes read of them.
	Past      PastItems
	PastSince Date
}

// BalanceAt returns the account's balance at the end of day d from h.Balance: Σ of the
// amounts open at d, as credit.OpenAt would rebuild them.
func (h *AccountHistory) BalanceAt(d Date) Cents {
	for day := range h.Balance.Latest() {
		if day.Date <= d {
			return day.Amount
		}
	}
	return 0
}

// DaySeries is a series of amounts by day (DaySales, the dates distinct), kept as
// EncodeDays encodes it, a few bytes a day instead of sixteen: it is read from the
// latest day back, so that a figure that looks at the last months stops there.
type DaySeries struct {
	raw     []byte
	running bool
}

// EncodeDays encodes days (ascending) latest first: for each, the number of days before
// the previous one read (the first: minus its date), then its amount, or with running
// (a balance, which changes little from day to day) the first amount and then each
// one's change from the previous one read. Both are varints.
func EncodeDays(days []DaySales, running bool) []byte {
	b := make([]byte, 0, 7*len(days))
	var prev DaySales
	for i := len(days) - 1; i >= 0; i-- {
		d := days[i]
		b = binary.AppendVarint(b, int64(prev.Date-d.Date))
		v := d.Amount
		if running {
			v -= prev.Amount
		}
		b = binary.AppendVarint(b, int64(v))
		prev = d
	}
	return b
}

// NewDaySeries returns the series that raw, written by EncodeDays with running, holds.
func NewDaySeries(raw []byte, running bool) DaySeries { return DaySeries{raw, running} }

// Latest yields the days of the series, latest first. A malformed series (a damaged
// record: the store's check reports it) ends where it cannot be read.
func (s DaySeries) Latest() iter.Seq[DaySales] {
	return func(yield func(DaySales) bool) {
		var day DaySales
		for p := 0; p < len(s.raw); {
			back, w := binary.Varint(s.raw[p:])
			if w <= 0 {
				return
			}
			p += w
			v, w := binary.Varint(s.raw[p:])
			if w <= 0 {
				return
			}
			p += w
			day.Date -= Date(back)
			if s.running {
				day.Amount += Cents(v)
			} else {
				day.Amount = Cents(v)
			}
			if !yield(day) {
				return
			}
		}
	}
}

// Earliest returns the first date of the series (NoDate when it is empty).
func (s DaySeries) Earliest() Date {
	first := NoDate
	for d := range s.Latest() {
		first = d.Date
	}
	return first
}

// Valid reports whether every day of the series can be read, each before the previous.
func (s DaySeries) Valid() bool {
	for p := 0; p < len(s.raw); {
		back, w := binary.Varint(s.raw[p:])
		if w <= 0 || (p > 0 && back <= 0) {
			return false
		}
		p += w
		if _, w = binary.Varint(s.raw[p:]); w <= 0 {
			return false
		}
		p += w
	}
	return true
}

// DaySales is the sum of the invoices and credit notes of one document date.
type DaySales struct {
	Date   Date
	Amount Cents
}

// RebuiltByFIFO reports whether the item's past open amounts are rebuilt with its
// account's FIFO settlement (credit.OpenAt): an item the importer settled by FIFO
// (FlagFIFO), or an unlettered one partly settled. The other unlettered items stay as
// they are; the lettered ones follow their group.
func (it *Item) RebuiltByFIFO() bool {
	return it.Flags&FlagFIFO != 0 || (it.Match == "" && it.Open != it.Amount)
}

// IsSale reports whether the item counts in the sales: an invoice or a credit note
// (opening balances, payments and adjustments do not).
func (it *Item) IsSale() bool { return it.Kind == Invoice || it.Kind == CreditNote }

// SalesByDay returns the sales of items by document date, ascending: the one place the
// daily sales are summed, for the store's summary and for a whole account alike.
func SalesByDay(items []Item) []DaySales {
	out := make([]DaySales, 0, len(items))
	for i := range items {
		it := &items[i]
		if !it.IsSale() || it.Amount == 0 {
			continue
		}
		out = append(out, DaySales{it.DocDate, it.Amount})
	}
	switch len(out) {
	case 0:
		return nil
	case 1:
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

// BalanceByDay returns the balance of an account whose items are items at the end of
// each day it changed, ascending. Settling moves amounts between the items of a group,
// so the sum of what is open at a date is the sum of the amounts of the items present
// then: every item from its document date, less, from its settlement date, the items of
// a lettering group (credit.OpenAt's settled items). The items that the importer's FIFO
// settles (FlagFIFO, or unlettered and partly open) and the other unlettered ones stay
// present. So the balance at any date is a running sum, whatever the as-of date.
func BalanceByDay(items []Item) []DaySales {
	out := make([]DaySales, 0, 2*len(items))
	for i := range items {
		it := &items[i]
		if it.Amount == 0 {
			continue
		}
		out = append(out, DaySales{it.DocDate, it.Amount})
		if it.Match != "" && !it.RebuiltByFIFO() && it.Settled.Valid() {
			out = append(out, DaySales{max(it.Settled, it.DocDate), -it.Amount})
		}
	}
	slices.SortStableFunc(out, cmpDay)
	w := -1
	var run Cents
	for _, d := range out {
		run += d.Amount
		if w >= 0 && out[w].Date == d.Date {
			out[w].Amount = run
			continue
		}
		w++
		out[w] = DaySales{d.Date, run}
	}
	if w < 0 {
		return nil
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

// PastItem is what the risk classes read of a closed item (store.Tx.LoadSince): its
// payment behaviour, not its labels.
type PastItem struct {
	Kind                      ItemKind
	Flags                     uint32
	DocDate, DueDate, Settled Date
	Amount                    Cents
	// Group is the item's lettering group, numbered within its account's closed items
	// from 1 (0: not lettered); the items of a group follow each other, in the account's
	// order.
	Group int
	// Number is the document number of an invoice or of a bounced payment (FlagUnpaidCheque,
	// FlagRejectedDebit); empty for the others.
	Number string
}

// PastItems are past items kept encoded (EncodePastItem), a few bytes each.
type PastItems struct{ raw []byte }

// NewPastItems returns the past items that raw, written by EncodePastItem, holds. raw
// must not change afterwards: the items' numbers are read from it in place.
func NewPastItems(raw []byte) PastItems { return PastItems{raw} }

// pastNumber is whether an item's number is kept in its PastItem.
func pastNumber(it *Item) bool {
	return it.Kind == Invoice || it.Flags&(FlagUnpaidCheque|FlagRejectedDebit) != 0
}

// EncodePastItem appends to b the past item of it, in lettering group group: its length
// (uvarint), then a byte of which dates and number follow, the kind, then varints: the
// flags, the document date, the due date and settlement date present (from the first),
// the amount, the group, and the number present (its length, then its bytes).
func EncodePastItem(b []byte, it *Item, group int) []byte {
	var e [64]byte
	p := e[:0]
	var has byte
	if it.DueDate.Valid() {
		has |= 1
	}
	if it.Settled.Valid() {
		has |= 2
	}
	if pastNumber(it) {
		has |= 4
	}
	p = append(p, has, byte(it.Kind))
	p = binary.AppendVarint(p, int64(it.Flags))
	p = binary.AppendVarint(p, int64(it.DocDate))
	if has&1 != 0 {
		p = binary.AppendVarint(p, int64(it.DueDate-it.DocDate))
	}
	if has&2 != 0 {
		p = binary.AppendVarint(p, int64(it.Settled-it.DocDate))
	}
	p = binary.AppendVarint(p, int64(it.Amount))
	p = binary.AppendVarint(p, int64(group))
	if has&4 != 0 {
		p = binary.AppendVarint(p, int64(len(it.Number)))
		p = append(p, it.Number...)
	}
	b = binary.AppendUvarint(b, uint64(len(p)))
	return append(b, p...)
}

// SkipPastItems returns the offset in raw after its first n past items, or -1 when raw
// holds fewer.
func SkipPastItems(raw []byte, n int) int {
	p := 0
	for range n {
		l, w := binary.Uvarint(raw[p:])
		if w <= 0 || l > uint64(len(raw)-p-w) {
			return -1
		}
		p += w + int(l)
	}
	return p
}

// All yields the past items in their order. A malformed item (a damaged record: the
// store's check reports it) ends the sequence.
func (ps PastItems) All() iter.Seq[PastItem] {
	return func(yield func(PastItem) bool) {
		for p := 0; p < len(ps.raw); {
			l, w := binary.Uvarint(ps.raw[p:])
			if w <= 0 || l > uint64(len(ps.raw)-p-w) {
				return
			}
			it, ok := decodePast(ps.raw[p+w : p+w+int(l)])
			if !ok || !yield(it) {
				return
			}
			p += w + int(l)
		}
	}
}

// Valid reports whether every past item can be read.
func (ps PastItems) Valid() bool {
	for p := 0; p < len(ps.raw); {
		l, w := binary.Uvarint(ps.raw[p:])
		if w <= 0 || l > uint64(len(ps.raw)-p-w) {
			return false
		}
		if _, ok := decodePast(ps.raw[p+w : p+w+int(l)]); !ok {
			return false
		}
		p += w + int(l)
	}
	return true
}

// decodePast decodes one past item (EncodePastItem's payload).
func decodePast(b []byte) (PastItem, bool) {
	var it PastItem
	if len(b) < 2 {
		return it, false
	}
	has := b[0]
	it.Kind = ItemKind(b[1])
	p := 2
	ok := true
	varint := func() int64 {
		v, w := binary.Varint(b[p:])
		if w <= 0 {
			ok = false
			return 0
		}
		p += w
		return v
	}
	it.Flags = uint32(varint())
	it.DocDate = Date(varint())
	if has&1 != 0 {
		it.DueDate = it.DocDate + Date(varint())
	}
	if has&2 != 0 {
		it.Settled = it.DocDate + Date(varint())
	}
	it.Amount = Cents(varint())
	it.Group = int(varint())
	if has&4 != 0 {
		n := varint()
		if !ok || n < 0 || n > int64(len(b)-p) {
			return it, false
		}
		it.Number = unsafe.String(unsafe.SliceData(b[p:]), int(n)) // b never changes (NewPastItems)
		p += int(n)
	}
	return it, ok && p == len(b) && it.Group >= 0
}
