package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"strings"

	"relance/ledger"
)

// The items by recency (schemas 11 to 13, issue 26). The reports of the open position
// read open_items; the KPIs, the risk classes and the agenda look back a few months (the
// CEI's beginning receivables, the payments of the last 15 months) and add up the sales
// of up to two years. The closed_items bucket keeps, per customer, what lets them decode
// only the items they can see, and read the sales and balance by day from the latest
// back only as far as they look (schema 13):
//
//	closed_items  customer ID → byte version (3; schema 11 wrote 1, 12 wrote 2)
//	                            varint date of the last invoice (0: none)
//	                            section: the sales by document date (ledger.SalesByDay)
//	                                as ledger.EncodeDays lays them out, latest first
//	                            section: the balance by day (ledger.BalanceByDay), the same
//	                                with running amounts
//	                            uvarint the number of items in the items record
//	                            section: the closed items that are not always read (see
//	                                below), by group date, latest first, then by offset:
//	                                varint days before the previous group date (the first:
//	                                minus it), uvarint offset of the item in the items record
//	                            section: the same closed items, in the same order, each as
//	                                ledger.EncodePastItem lays it out (its lettering group
//	                                numbered from 1 in the items' order)
//
// A section is a uvarint count of entries, a uvarint length in bytes, then the entries,
// so that a read skips what it does not need.
//
// A closed item's group date is the latest document or settlement date of its lettering
// group: on any date after it, no item of the group is open, so the figures at such dates
// do not need it. The open items, the items of a group with an open item, and the items
// settled by the importer's FIFO (no lettering: every such item of the customer takes
// part in each settlement) are always read: they are in the open_items record (from
// schema 13). LoadSince(asOf, since) decodes them and the closed items whose group
// date is on or after since, going to each by its offset; the items are stored once.
//
// PutItems writes the record with the items (none for a customer with no items);
// DeleteCustomer removes it; the schema-11 migration builds the bucket from the items,
// and 12 and 13 rewrite it.
const closedCodecV3 = 3

// alwaysRead is the group date of the closed items every partial read needs.
const alwaysRead = ledger.Date(math.MaxInt32)

// groupDates returns the group date of each of items (see above), and the number of its
// lettering group (from 1 in the items' order; 0: not lettered).
func groupDates(items []ledger.Item) (dates []ledger.Date, groups []int) {
	dates, groups = make([]ledger.Date, len(items)), make([]int, len(items))
	number := map[string]int{}
	var latest []ledger.Date // of each group, by number − 1
	for i := range items {
		it := &items[i]
		d := max(it.DocDate, it.Settled)
		if it.Open != 0 || !it.Settled.Valid() {
			d = alwaysRead
		}
		if it.Match != "" {
			g := number[it.Match]
			if g == 0 {
				latest = append(latest, 0)
				g = len(latest)
				number[it.Match] = g
			}
			groups[i] = g
			if !it.RebuiltByFIFO() {
				latest[g-1] = max(latest[g-1], d)
			}
		}
		switch {
		case it.RebuiltByFIFO():
			dates[i] = alwaysRead
		case it.Match == "":
			dates[i] = d
		}
	}
	for i := range items {
		if groups[i] != 0 && !items[i].RebuiltByFIFO() {
			dates[i] = latest[groups[i]-1]
		}
	}
	return dates, groups
}

// encodeClosed encodes the closed_items record of a customer whose items are items (all
// of them, sorted as PutItems sorts them).
func encodeClosed(items []ledger.Item) []byte {
	dates, groups := groupDates(items)
	_, offsets := encodeItemsAt(items)
	return encodeClosedWith(items, dates, groups, offsets)
}

// encodeClosedWith is encodeClosed with the group dates and numbers of the items
// (groupDates) and their offsets in the items record (encodeItemsAt).
func encodeClosedWith(items []ledger.Item, dates []ledger.Date, groups, offsets []int) []byte {
	type entry struct {
		date      ledger.Date
		offset, i int
	}
	n := 0
	for _, d := range dates {
		if d != alwaysRead {
			n++
		}
	}
	closed := make([]entry, 0, n)
	for i := range items {
		if dates[i] != alwaysRead {
			closed = append(closed, entry{dates[i], offsets[i], i})
		}
	}
	slices.SortStableFunc(closed, func(x, y entry) int { return int(y.date) - int(x.date) }) // offsets stay ascending
	// The sections in one buffer sized for them (they are most of the import's encoding).
	salesDays, balanceDays := ledger.SalesByDay(items), ledger.BalanceByDay(items)
	sales, balance := ledger.EncodeDays(salesDays, false), ledger.EncodeDays(balanceDays, true)
	secs := make([]byte, 0, len(sales)+len(balance)+n*(2*binary.MaxVarintLen32+24))
	secs = append(append(secs, sales...), balance...)
	var prev ledger.Date
	for _, e := range closed {
		secs = binary.AppendVarint(secs, int64(prev-e.date))
		secs = binary.AppendUvarint(secs, uint64(e.offset))
		prev = e.date
	}
	index := len(secs)
	for _, e := range closed {
		secs = ledger.EncodePastItem(secs, &items[e.i], groups[e.i]) // 0: not lettered
	}
	b := make([]byte, 0, len(secs)+10*binary.MaxVarintLen64)
	b = append(b, closedCodecV3)
	b = binary.AppendVarint(b, int64(ledger.LastInvoice(items)))
	b = appendSection(b, len(salesDays), sales)
	b = appendSection(b, len(balanceDays), balance)
	b = binary.AppendUvarint(b, uint64(len(items)))
	b = appendSection(b, n, secs[len(sales)+len(balance):index])
	return appendSection(b, n, secs[index:])
}

// appendSection appends to b a section of n entries encoded in sec (see above).
func appendSection(b []byte, n int, sec []byte) []byte {
	b = binary.AppendUvarint(b, uint64(n))
	b = binary.AppendUvarint(b, uint64(len(sec)))
	return append(b, sec...)
}

// uvarintLen is the number of bytes binary.AppendUvarint takes for v.
func uvarintLen(v uint64) int {
	var b [binary.MaxVarintLen64]byte
	return binary.PutUvarint(b[:], v)
}

// section is a section of a closed_items record being read: its entries are pairs of
// varints (the second unsigned when unsigned), the first a number of days before the
// previous entry's date.
type section struct {
	n        int
	raw      []byte
	unsigned bool
	date     ledger.Date // the date of the entry last read
	p        int         // the offset of the next entry in raw
}

// readSection reads the header of the section at raw[*p:] and moves *p after it.
func readSection(raw []byte, p *int, unsigned bool) (section, error) {
	n, w := binary.Uvarint(raw[*p:])
	if w <= 0 || n > uint64(len(raw)) {
		return section{}, errCorrupt
	}
	*p += w
	size, w := binary.Uvarint(raw[*p:])
	if w <= 0 || size > uint64(len(raw)-*p-w) {
		return section{}, errCorrupt
	}
	*p += w
	s := section{n: int(n), raw: raw[*p : *p+int(size)], unsigned: unsigned}
	*p += int(size)
	return s, nil
}

// next reads the next entry: its date and value; false at the end of the section, or
// with errCorrupt when an entry is malformed (or the section longer than its count).
func (s *section) next() (ledger.Date, int64, bool, error) {
	if s.p >= len(s.raw) {
		return ledger.NoDate, 0, false, nil
	}
	back, w := binary.Varint(s.raw[s.p:])
	if w <= 0 {
		return ledger.NoDate, 0, false, errCorrupt
	}
	s.p += w
	var v int64
	if s.unsigned {
		u, w2 := binary.Uvarint(s.raw[s.p:])
		v, w = int64(u), w2
	} else {
		v, w = binary.Varint(s.raw[s.p:])
	}
	if w <= 0 {
		return ledger.NoDate, 0, false, errCorrupt
	}
	s.p += w
	s.date -= ledger.Date(back)
	return s.date, v, true, nil
}

// closedRecord is a decoded closed_items record.
type closedRecord struct {
	history ledger.AccountHistory
	items   int     // the number of items in the items record
	closed  section // the closed items that are not always read, read by starts
	past    section // the same closed items as ledger.EncodePastItem lays them out
}

// decodeClosed decodes a closed_items record; its closed items are read by starts. The
// sales and balance by day stay encoded (ledger.DaySeries), in a copy: raw may be
// released once read.
func decodeClosed(raw []byte) (*closedRecord, error) {
	if len(raw) == 0 || raw[0] != closedCodecV3 { // schema 13 rewrote the older records
		return nil, fmt.Errorf("closed items record: %w", errCorrupt)
	}
	r := &closedRecord{}
	last, w := binary.Varint(raw[1:])
	if w <= 0 {
		return nil, fmt.Errorf("closed items record: %w", errCorrupt)
	}
	r.history.LastInvoice = ledger.Date(last)
	p := 1 + w
	sales, err := readSection(raw, &p, false)
	if err != nil {
		return nil, fmt.Errorf("closed items record: %w", err)
	}
	balance, err := readSection(raw, &p, false)
	if err != nil {
		return nil, fmt.Errorf("closed items record: %w", err)
	}
	days := make([]byte, len(sales.raw)+len(balance.raw)) // one allocation for both
	copy(days, sales.raw)
	copy(days[len(sales.raw):], balance.raw)
	r.history.Sales = ledger.NewDaySeries(days[:len(sales.raw):len(sales.raw)], false)
	r.history.Balance = ledger.NewDaySeries(days[len(sales.raw):], true)
	if !r.history.Sales.Valid() || !r.history.Balance.Valid() { // the engines read them without errors
		return nil, fmt.Errorf("closed items record days: %w", errCorrupt)
	}
	n, w := binary.Uvarint(raw[p:])
	if w <= 0 || n > math.MaxInt32 {
		return nil, fmt.Errorf("closed items record: %w", errCorrupt)
	}
	r.items, p = int(n), p+w
	if r.closed, err = readSection(raw, &p, true); err != nil {
		return nil, fmt.Errorf("closed items record: %w", errCorrupt)
	}
	if r.past, err = readSection(raw, &p, false); err != nil || p != len(raw) || r.past.n != r.closed.n {
		return nil, fmt.Errorf("closed items record: %w", errCorrupt)
	}
	return r, nil
}

// starts returns, ascending, the offsets in the items record of the closed items whose
// group date is on or after since (all of them with ledger.NoDate), each checked to lie
// before end (the record's length), and the encoded past items (a copy) of those whose
// group date is on or after past and before since.
func (r *closedRecord) starts(since, past ledger.Date, end int) ([]int, ledger.PastItems, error) {
	s := r.closed
	var out []int
	n := 0 // entries on or after past
	for {
		d, off, ok, err := s.next()
		if err != nil {
			return nil, ledger.PastItems{}, err
		}
		if !ok || d < min(since, past) {
			break
		}
		if off <= 0 || off >= int64(end) {
			return nil, ledger.PastItems{}, errCorrupt
		}
		n++
		if d >= since {
			out = append(out, int(off))
		}
	}
	if since == ledger.NoDate && len(out) != r.closed.n {
		return nil, ledger.PastItems{}, errCorrupt
	}
	slices.Sort(out)
	var items ledger.PastItems
	if n > len(out) {
		from, to := ledger.SkipPastItems(r.past.raw, len(out)), ledger.SkipPastItems(r.past.raw, n)
		if from < 0 || to < 0 {
			return nil, ledger.PastItems{}, errCorrupt
		}
		items = ledger.NewPastItems(bytes.Clone(r.past.raw[from:to]))
		if !items.Valid() { // the risk classes read them without errors
			return nil, ledger.PastItems{}, errCorrupt
		}
	}
	return out, items, nil
}

// readSince decodes a customer's items read in part: the items always read (the encoded
// items of its open_items record, whose firstOpen first are the open ones) and, from its
// items record, the closed items whose group date is on or after since (starts: none,
// and items nil, when there are none), merged in the items record's order, with the
// account's History, whose Past are past (from pastSince).
func readSince(id string, open []byte, firstOpen int, r *closedRecord, starts []int, past ledger.PastItems, items []byte, since, pastSince ledger.Date) ([]ledger.Item, *ledger.AccountHistory, error) {
	h := r.history
	h.Since, h.Past, h.PastSince = since, past, min(since, pastSince)
	nOpen := itemsCount(open)
	need, kept := 0, 0
	if len(starts) > 0 {
		var err error
		if need, kept, _, err = walkAt(items, 0, 0, nil, &starts, nil, nil); err != nil {
			return nil, nil, err
		}
	}
	out := make([]ledger.Item, nOpen+kept)
	if _, err := decodeItemsInto(id, open, out[:nOpen:nOpen]); err != nil {
		return nil, nil, err
	}
	if kept > 0 {
		var sb strings.Builder
		sb.Grow(need)
		if _, _, _, err := walkAt(items, 0, 0, nil, &starts, out[nOpen:], &sb); err != nil {
			return nil, nil, err
		}
		for i := nOpen; i < len(out); i++ {
			out[i].Customer = id
		}
	}
	// The open items, the others always read, the closed ones read: each part is in the
	// items' order, ledger.SortItems' order, which the whole is put back in.
	mergeRuns(out, firstOpen, nOpen)
	return out, &h, nil
}

// mergeRuns puts items, three runs each in ledger.SortItems' order ([0, a), [a, b),
// [b, len)), in that order: the items are moved once each, along the cycles of the
// merged order.
func mergeRuns(items []ledger.Item, a, b int) {
	less := func(x, y int) bool { return ledger.CompareItems(&items[x], &items[y]) < 0 }
	n := len(items)
	sorted := true
	for _, e := range [2]int{a, b} {
		if e > 0 && e < n && !less(e-1, e) {
			sorted = false
		}
	}
	if sorted {
		return
	}
	heads, ends := [3]int{0, a, b}, [3]int{a, b, n}
	order := make([]int32, 0, n) // order[k]: the index of the item that goes to k
	for len(order) < n {
		best := -1
		for r := range heads {
			if heads[r] < ends[r] && (best < 0 || less(heads[r], heads[best])) {
				best = r
			}
		}
		order = append(order, int32(heads[best]))
		heads[best]++
	}
	done := make([]bool, n)
	for start := range n {
		if done[start] || int(order[start]) == start {
			continue
		}
		held, at := items[start], start
		for {
			done[at] = true
			from := int(order[at])
			if from == start {
				items[at] = held
				break
			}
			items[at], at = items[from], from
		}
	}
}
