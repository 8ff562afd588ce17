package store

import (
	"encoding/binary"
	"errors"
	"fmt"

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
	size := 1 + binary.MaxVarintLen64
	for i := range items {
		it := &items[i]
		size += len(it.ID) + len(it.Number) + len(it.Label) + len(it.Journal) + len(it.Match) +
			len(it.Currency) + len(it.Source) + 7*binary.MaxVarintLen32 + 1 + 8*binary.MaxVarintLen64
	}
	b := make([]byte, 0, size)
	b = append(b, itemsCodecV1)
	b = binary.AppendUvarint(b, uint64(len(items)))
	for i := range items {
		it := &items[i]
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
		b = binary.AppendUvarint(b, uint64(it.Line))
	}
	return b
}

// decodeItems decodes a value written by encodeItems. Strings in the result share one
// allocation (a copy of raw), so raw may be reused by bbolt after the call.
func decodeItems(customer string, raw []byte) ([]ledger.Item, error) {
	if len(raw) == 0 {
		return nil, nil
	}
	if raw[0] != itemsCodecV1 {
		return nil, fmt.Errorf("item record version %d: %w", raw[0], errCorrupt)
	}
	s := string(raw) // one copy; strings below are substrings of it
	p := 1
	n, w := binary.Uvarint(raw[p:])
	if w <= 0 || n > uint64(len(raw)) {
		return nil, errCorrupt
	}
	p += w
	items := make([]ledger.Item, n)
	str := func() (string, bool) {
		l, w := binary.Uvarint(raw[p:])
		if w <= 0 || l > uint64(len(raw)-p-w) {
			return "", false
		}
		p += w
		v := s[p : p+int(l)]
		p += int(l)
		return v, true
	}
	vint := func() (int64, bool) {
		v, w := binary.Varint(raw[p:])
		if w <= 0 {
			return 0, false
		}
		p += w
		return v, true
	}
	uint := func() (uint64, bool) {
		v, w := binary.Uvarint(raw[p:])
		if w <= 0 {
			return 0, false
		}
		p += w
		return v, true
	}
	for i := range items {
		it := &items[i]
		it.Customer = customer
		ok := true
		for _, dst := range [...]*string{&it.ID, &it.Number, &it.Label, &it.Journal, &it.Match, &it.Currency, &it.Source} {
			v, good := str()
			ok = ok && good
			*dst = v
		}
		if !ok || p >= len(raw) {
			return nil, errCorrupt
		}
		it.Kind = ledger.ItemKind(raw[p])
		p++
		var vals [6]int64
		for k := range vals {
			v, good := vint()
			if !good {
				return nil, errCorrupt
			}
			vals[k] = v
		}
		it.DocDate, it.DueDate, it.Settled = ledger.Date(vals[0]), ledger.Date(vals[1]), ledger.Date(vals[2])
		it.Amount, it.Open, it.CurAmount = ledger.Cents(vals[3]), ledger.Cents(vals[4]), ledger.Cents(vals[5])
		f, ok1 := uint()
		l, ok2 := uint()
		if !ok1 || !ok2 {
			return nil, errCorrupt
		}
		it.Flags, it.Line = uint32(f), int(l)
	}
	if p != len(raw) {
		return nil, errCorrupt
	}
	return items, nil
}
