package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"

	"relance/ledger"
)

// Items are stored per customer, one value holding all of that customer's items in a
// compact binary form: opening a 1,000,000-item dossier decodes 50,000 values, not a
// million JSON documents. Layout (itemsCodecV1):
//
//	byte    version (1)
//	uvarint count
//	count × item: ID, Number, Label, Journal, Match, Currency, Source (uvarint length + bytes),
//	              Kind (byte), DocDate, DueDate, Settled (varint), Amount, Open, CurAmount (varint),
//	              Flags (uvarint), Line (uvarint)
const itemsCodecV1 = 1

var errCorrupt = errors.New("corrupt item record")

func encodeItems(items []ledger.Item) []byte {
	b, _ := encodeItemsAt(items)
	return b
}

// encodeItemsAt is encodeItems, and the offset of each item in the value.
func encodeItemsAt(items []ledger.Item) ([]byte, []int) {
	size := 1 + binary.MaxVarintLen64
	for i := range items {
		it := &items[i]
		size += len(it.ID) + len(it.Number) + len(it.Label) + len(it.Journal) + len(it.Match) +
			len(it.Currency) + len(it.Source) + 7*binary.MaxVarintLen32 + 1 + 8*binary.MaxVarintLen64
	}
	b := make([]byte, 0, size)
	b = append(b, itemsCodecV1)
	b = binary.AppendUvarint(b, uint64(len(items)))
	offsets := make([]int, len(items))
	for i := range items {
		offsets[i] = len(b)
		b = appendItem(b, &items[i])
	}
	return b, offsets
}

// appendItem appends the encoding of one item to b.
func appendItem(b []byte, it *ledger.Item) []byte {
	for _, s := range [...]string{it.ID, it.Number, it.Label, it.Journal, it.Match, it.Currency, it.Source} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = append(b, byte(it.Kind))
	b = binary.AppendVarint(b, int64(it.DocDate))
	b = binary.AppendVarint(b, int64(it.DueDate))
	b = binary.AppendVarint(b, int64(it.Settled))
	b = binary.AppendVarint(b, int64(it.Amount))
	b = binary.AppendVarint(b, int64(it.Open))
	b = binary.AppendVarint(b, int64(it.CurAmount))
	b = binary.AppendUvarint(b, uint64(it.Flags))
	return binary.AppendUvarint(b, uint64(it.Line))
}

// decodeItems decodes a value written by encodeItems. Strings in the result share one
// allocation, so raw may be reused by bbolt after the call.
func decodeItems(customer string, raw []byte) ([]ledger.Item, error) {
	return decodeItemsInto(customer, raw, nil)
}

// itemsCount returns the number of items a value written by encodeItems holds, without
// decoding it, or 0 when it is malformed (decodeItems then says so).
func itemsCount(raw []byte) int {
	if len(raw) == 0 || raw[0] != itemsCodecV1 {
		return 0
	}
	n, w := binary.Uvarint(raw[1:])
	if w <= 0 || n > uint64(len(raw)/minItemLen) {
		return 0
	}
	return int(n)
}

// minItemLen is the fewest bytes an encoded item takes: seven empty strings, the kind,
// six varints and two uvarints.
const minItemLen = 7 + 1 + 6 + 2

// decodeItemsInto is decodeItems into items when it is not nil: a slice of exactly the
// value's number of items (itemsCount), part of one allocation for a whole dossier.
//
// It reads the value twice: first to check its layout and size the strings, then to
// fill the items. The strings are not a copy of the whole value (whose lengths and
// numbers are no strings): each is copied once into one buffer, but a number that ends
// the item's ID (« FA2026-0412 » of « VE:FA2026-0412 ») is a part of it, and a journal,
// lettering code, currency or source equal to the previous item's is that same string
// (the repeated values of a customer's items).
func decodeItemsInto(customer string, raw []byte, items []ledger.Item) ([]ledger.Item, error) {
	if len(raw) == 0 {
		return nil, nil
	}
	if raw[0] != itemsCodecV1 {
		return nil, fmt.Errorf("item record version %d: %w", raw[0], errCorrupt)
	}
	n, w := binary.Uvarint(raw[1:])
	if w <= 0 || n > uint64(len(raw)) {
		return nil, errCorrupt
	}
	need, err := walkItems(raw, 1+w, int(n), nil, nil)
	if err != nil {
		return nil, err
	}
	if items == nil {
		items = make([]ledger.Item, n)
	} else if len(items) != int(n) {
		return nil, fmt.Errorf("%d items for a record of %d: %w", len(items), n, errCorrupt)
	}
	var sb strings.Builder
	sb.Grow(need) // no further allocation: the strings below stay valid as it grows
	if _, err := walkItems(raw, 1+w, int(n), items, &sb); err != nil {
		return nil, err
	}
	for i := range items {
		items[i].Customer = customer
	}
	return items, nil
}

// walkItems reads the n items of raw from offset p. With items nil it only checks the
// layout and returns the bytes the strings need (see decodeItemsInto); otherwise it
// fills items, copying the strings into sb.
func walkItems(raw []byte, p, n int, items []ledger.Item, sb *strings.Builder) (int, error) {
	need, _, end, err := walkSelect(raw, p, n, nil, items, sb)
	if err == nil && end != len(raw) {
		return 0, errCorrupt
	}
	return need, err
}

// walkSelect is walkItems for the items that keep selects (all of them when keep is nil),
// from the index of the item and its document date: it fills items with them, in order,
// and returns the bytes their strings need, how many there are and the offset after the
// n items. The other items are read, not decoded.
func walkSelect(raw []byte, p, n int, keep func(i int, doc ledger.Date) bool, items []ledger.Item, sb *strings.Builder) (need, kept, end int, err error) {
	return walkAt(raw, p, n, keep, nil, items, sb)
}

// walkAt is walkSelect; with at not nil, it reads only the items that start at the
// offsets *at (those kept, in order), and when *at is nil it appends to it the offsets
// of the items kept: a first pass that sizes the strings records them, so that the
// second decodes the items kept without reading the others again.
func walkAt(raw []byte, p, n int, keep func(i int, doc ledger.Date) bool, at *[]int, items []ledger.Item, sb *strings.Builder) (need, kept, end int, err error) {
	var cur, prev [7][2]int // bounds in raw of the item's strings, of the previous kept item's
	var strs, prevStrs [7]string
	jump := at != nil && *at != nil
	if jump {
		n = len(*at)
		keep = nil
	}
	for i := 0; i < n; i++ {
		if jump {
			p = (*at)[i]
		}
		start := p
		for k := range cur {
			l, w := binary.Uvarint(raw[p:])
			if w <= 0 || l > uint64(len(raw)-p-w) {
				return 0, 0, 0, errCorrupt
			}
			p += w
			cur[k] = [2]int{p, p + int(l)}
			p += int(l)
		}
		if p >= len(raw) {
			return 0, 0, 0, errCorrupt
		}
		kind := raw[p]
		p++
		var vals [8]int64
		for k := range vals {
			var v int64
			var w int
			if k < 6 {
				v, w = binary.Varint(raw[p:])
			} else {
				var u uint64
				u, w = binary.Uvarint(raw[p:])
				v = int64(u)
			}
			if w <= 0 {
				return 0, 0, 0, errCorrupt
			}
			p += w
			vals[k] = v
		}
		if keep != nil && !keep(i, ledger.Date(vals[0])) {
			continue
		}
		if at != nil && !jump {
			*at = append(*at, start)
		}
		for k, b := range cur {
			f := raw[b[0]:b[1]]
			switch {
			case len(f) == 0:
				strs[k] = ""
			case k == 1 && bytes.HasSuffix(raw[cur[0][0]:cur[0][1]], f): // the number ends the ID
				if items != nil {
					strs[1] = strs[0][len(strs[0])-len(f):]
				}
			case k >= 3 && kept > 0 && bytes.Equal(f, raw[prev[k][0]:prev[k][1]]):
				strs[k] = prevStrs[k]
			default:
				need += len(f)
				if items != nil {
					sb.Write(f) //nolint:errcheck // strings.Builder.Write never fails
					s := sb.String()
					strs[k] = s[len(s)-len(f):]
				}
			}
		}
		if items != nil {
			it := &items[kept]
			it.ID, it.Number, it.Label, it.Journal, it.Match, it.Currency, it.Source = strs[0], strs[1], strs[2], strs[3], strs[4], strs[5], strs[6]
			it.Kind = ledger.ItemKind(kind)
			it.DocDate, it.DueDate, it.Settled = ledger.Date(vals[0]), ledger.Date(vals[1]), ledger.Date(vals[2])
			it.Amount, it.Open, it.CurAmount = ledger.Cents(vals[3]), ledger.Cents(vals[4]), ledger.Cents(vals[5])
			it.Flags, it.Line = uint32(uint64(vals[6])), int(uint64(vals[7]))
		}
		kept++
		prev, prevStrs = cur, strs
	}
	return need, kept, p, nil
}
