package store

import (
	"encoding/binary"
	"fmt"
	"math"
	"strings"

	"relance/ledger"
)

// The items by recency (schema 11, issue 26). The reports of the open position read
// open_items; the KPIs, the risk classes and the agenda look back a few months (the
// CEI's beginning receivables, the payments of the last 15 months) and add up the sales
// of up to two years. The closed_items bucket keeps, per customer, what lets them decode
// only the items they can see:
//
//	closed_items  customer ID → byte version (2; schema 11 wrote 1, without the balance)
//	                            varint date of the last invoice (0: none)
//	                            uvarint n, n × (varint days since the previous date, varint
//	                                cents): the sales by document date (ledger.SalesByDay)
//	                            (version 2) uvarint n, n × (varint days since the previous
//	                                date, varint change): the balance by day
//	                                (ledger.BalanceByDay)
//	                            varint base date (the first item's document date)
//	                            uvarint n, n × (uvarint size, uvarint code): for each of the
//	                                customer's items, in the order of the items bucket, the
//	                                bytes it takes there and 0 if it is always read, else
//	                                1 + its group date − the base date
//
// A closed item's group date is the latest document or settlement date of its lettering
// group: on any date after it, no item of the group is open, so the figures at such dates
// do not need it. The open items, the items of a group with an open item, and the items
// settled by the importer's FIFO (no lettering: every such item of the customer takes
// part in each settlement) are always read. LoadSince(asOf, since) decodes only the items
// always read or whose group date is on or after since, going from one to the next by
// their sizes; the items are stored once.
//
// PutItems writes the record with the items (none for a customer with no items);
// DeleteCustomer removes it; the schema-11 migration builds the bucket from the items.
const closedCodecV2 = 2

// alwaysRead is the group date of the closed items every partial read needs.
const alwaysRead = ledger.Date(math.MaxInt32)

// groupDates returns the group date of each of items (see above).
func groupDates(items []ledger.Item) []ledger.Date {
	out := make([]ledger.Date, len(items))
	byMatch := map[string]ledger.Date{}
	for i := range items {
		it := &items[i]
		d := max(it.DocDate, it.Settled)
		if it.Open != 0 || !it.Settled.Valid() {
			d = alwaysRead
		}
		switch {
		case it.RebuiltByFIFO():
			out[i] = alwaysRead
		case it.Match != "":
			byMatch[it.Match] = max(byMatch[it.Match], d)
		default:
			out[i] = d
		}
	}
	for i := range items {
		if it := &items[i]; it.Match != "" && !it.RebuiltByFIFO() {
			out[i] = byMatch[it.Match]
		}
	}
	return out
}

// encodeClosed encodes the closed_items record of a customer whose items are items (all
// of them, sorted as PutItems sorts them).
func encodeClosed(items []ledger.Item) []byte {
	dates := groupDates(items)
	sales := ledger.SalesByDay(items)
	balance := ledger.BalanceByDay(items)
	b := make([]byte, 0, 16+4*len(sales)+4*len(balance)+2*len(items))
	b = append(b, closedCodecV2)
	b = binary.AppendVarint(b, int64(ledger.LastInvoice(items)))
	b = binary.AppendUvarint(b, uint64(len(sales)))
	var prev ledger.Date
	for _, s := range sales {
		b = binary.AppendVarint(b, int64(s.Date-prev))
		b = binary.AppendVarint(b, int64(s.Amount))
		prev = s.Date
	}
	b = binary.AppendUvarint(b, uint64(len(balance)))
	prev = ledger.NoDate
	var was ledger.Cents
	for _, d := range balance {
		b = binary.AppendVarint(b, int64(d.Date-prev))
		b = binary.AppendVarint(b, int64(d.Amount-was))
		prev, was = d.Date, d.Amount
	}
	var base ledger.Date
	if len(items) > 0 {
		base = items[0].DocDate
	}
	b = binary.AppendVarint(b, int64(base))
	b = binary.AppendUvarint(b, uint64(len(items)))
	var buf []byte
	for i := range items {
		buf = appendItem(buf[:0], &items[i])
		var code uint64
		if d := dates[i]; d != alwaysRead {
			code = 1 + uint64(d-base) // d ≥ the item's document date ≥ base
		}
		b = binary.AppendUvarint(b, uint64(len(buf)))
		b = binary.AppendUvarint(b, code)
	}
	return b
}

// closedRecord is a decoded closed_items record.
type closedRecord struct {
	history ledger.AccountHistory
	base    ledger.Date
	n       int    // items
	perItem []byte // n × (uvarint size, uvarint code), see above
}

// starts returns the offsets in the items record (whose items start at p) of the items
// always read or whose group date is on or after since, and the offset after the last
// item.
func (r *closedRecord) starts(p int, since ledger.Date) ([]int, int, error) {
	out := make([]int, 0, 16)
	b := r.perItem
	for range r.n {
		size, w := binary.Uvarint(b)
		if w <= 0 {
			return nil, 0, errCorrupt
		}
		code, w2 := binary.Uvarint(b[w:])
		if w2 <= 0 {
			return nil, 0, errCorrupt
		}
		b = b[w+w2:]
		if code == 0 || int64(r.base)+int64(code)-1 >= int64(since) {
			out = append(out, p)
		}
		p += int(size)
	}
	if len(b) != 0 {
		return nil, 0, errCorrupt
	}
	return out, p, nil
}

// decodeClosed decodes a closed_items record; its per-item part is read by starts.
func decodeClosed(raw []byte) (*closedRecord, error) {
	if len(raw) == 0 || raw[0] != closedCodecV2 { // schema 12 rewrote the version 1 records
		return nil, fmt.Errorf("closed items record: %w", errCorrupt)
	}
	p := 1
	varint := func() int64 {
		if p < 0 {
			return 0
		}
		v, w := binary.Varint(raw[p:])
		if w <= 0 {
			p = -1
			return 0
		}
		p += w
		return v
	}
	uvarint := func() uint64 {
		if p < 0 {
			return 0
		}
		v, w := binary.Uvarint(raw[p:])
		if w <= 0 || v > math.MaxUint32 {
			p = -1
			return 0
		}
		p += w
		return v
	}
	r := &closedRecord{}
	r.history.LastInvoice = ledger.Date(varint())
	n := uvarint()
	if n > uint64(len(raw)) {
		return nil, fmt.Errorf("closed items record: %w", errCorrupt)
	}
	r.history.Sales = make([]ledger.DaySales, n)
	var d ledger.Date
	for i := range r.history.Sales {
		d += ledger.Date(varint())
		r.history.Sales[i] = ledger.DaySales{Date: d, Amount: ledger.Cents(varint())}
	}
	{
		n = uvarint()
		if n > uint64(len(raw)) {
			return nil, fmt.Errorf("closed items record: %w", errCorrupt)
		}
		r.history.Balance = make([]ledger.DaySales, n)
		var d ledger.Date
		var run ledger.Cents
		for i := range r.history.Balance {
			d += ledger.Date(varint())
			run += ledger.Cents(varint())
			r.history.Balance[i] = ledger.DaySales{Date: d, Amount: run}
		}
	}
	r.base = ledger.Date(varint())
	n = uvarint()
	if n > uint64(len(raw)) {
		return nil, fmt.Errorf("closed items record: %w", errCorrupt)
	}
	if p < 0 {
		return nil, fmt.Errorf("closed items record: %w", errCorrupt)
	}
	r.n, r.perItem = int(n), raw[p:] // read (and checked) by starts
	return r, nil
}

// readSince decodes, from a customer's items record and closed_items record, the items
// always read and those whose group date is on or after since, in the record's order,
// and the account's History.
func readSince(id string, items, closed []byte, since ledger.Date) ([]ledger.Item, *ledger.AccountHistory, error) {
	r, err := decodeClosed(closed)
	if err != nil {
		return nil, nil, err
	}
	h := r.history
	h.Since = since
	if len(items) == 0 {
		if r.n != 0 {
			return nil, nil, fmt.Errorf("closed items record of %d items without items: %w", r.n, errCorrupt)
		}
		return nil, &h, nil
	}
	if items[0] != itemsCodecV1 {
		return nil, nil, fmt.Errorf("item record: %w", errCorrupt)
	}
	n, w := binary.Uvarint(items[1:])
	if w <= 0 || n != uint64(r.n) {
		return nil, nil, fmt.Errorf("closed items record of %d items for %d: %w", r.n, n, errCorrupt)
	}
	starts, p, err := r.starts(1+w, since)
	if err != nil {
		return nil, nil, err
	}
	if p != len(items) {
		return nil, nil, fmt.Errorf("closed items record sizes: %w", errCorrupt)
	}
	if len(starts) == 0 {
		return nil, &h, nil
	}
	need, kept, _, err := walkAt(items, 0, 0, nil, &starts, nil, nil)
	if err != nil {
		return nil, nil, err
	}
	out := make([]ledger.Item, kept)
	var sb strings.Builder
	sb.Grow(need)
	if _, _, _, err := walkAt(items, 0, 0, nil, &starts, out, &sb); err != nil {
		return nil, nil, err
	}
	for i := range out {
		out[i].Customer = id
	}
	return out, &h, nil
}
