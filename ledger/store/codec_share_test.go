package store

import (
	"encoding/binary"
	"math/rand/v2"
	"reflect"
	"testing"

	"relance/ledger"
)

// decodeItemsCopy is decodeItems before the strings were shared (one copy of the whole
// value): the reference the current decoder must agree with.
func decodeItemsCopy(customer string, raw []byte) ([]ledger.Item, error) {
	if len(raw) == 0 {
		return nil, nil
	}
	if raw[0] != itemsCodecV1 {
		return nil, errCorrupt
	}
	s := string(raw)
	p := 1
	n, w := binary.Uvarint(raw[p:])
	if w <= 0 || n > uint64(len(raw)) {
		return nil, errCorrupt
	}
	p += w
	items := make([]ledger.Item, n)
	for i := range items {
		it := &items[i]
		it.Customer = customer
		for _, dst := range [...]*string{&it.ID, &it.Number, &it.Label, &it.Journal, &it.Match, &it.Currency, &it.Source} {
			l, w := binary.Uvarint(raw[p:])
			if w <= 0 || l > uint64(len(raw)-p-w) {
				return nil, errCorrupt
			}
			p += w
			*dst = s[p : p+int(l)]
			p += int(l)
		}
		if p >= len(raw) {
			return nil, errCorrupt
		}
		it.Kind = ledger.ItemKind(raw[p])
		p++
		var vals [8]int64
		for k := range vals {
			var w int
			if k < 6 {
				vals[k], w = binary.Varint(raw[p:])
			} else {
				var u uint64
				u, w = binary.Uvarint(raw[p:])
				vals[k] = int64(u)
			}
			if w <= 0 {
				return nil, errCorrupt
			}
			p += w
		}
		it.DocDate, it.DueDate, it.Settled = ledger.Date(vals[0]), ledger.Date(vals[1]), ledger.Date(vals[2])
		it.Amount, it.Open, it.CurAmount = ledger.Cents(vals[3]), ledger.Cents(vals[4]), ledger.Cents(vals[5])
		it.Flags, it.Line = uint32(vals[6]), int(vals[7])
	}
	if p != len(raw) {
		return nil, errCorrupt
	}
	return items, nil
}

func randomItems(r *rand.Rand, n int) []ledger.Item {
	pick := func(vals ...string) string { return vals[r.IntN(len(vals))] }
	items := make([]ledger.Item, n)
	for i := range items {
		num := pick("FA2026-0412", "AV-1", "", "12", "é€")
		items[i] = ledger.Item{ID: pick("VE:", "BQ:", "", "x") + num + pick("", "", ":1"), Customer: "C1",
			Kind: ledger.ItemKind(r.IntN(4)), Number: num, Label: pick("", "Facture "+num, "Avoir"),
			Journal: pick("VE", "VE", "BQ", ""), DocDate: ledger.Date(r.IntN(30000)), DueDate: ledger.Date(r.IntN(30000)),
			Amount: ledger.Cents(r.Int64() >> r.IntN(64)), Open: ledger.Cents(-r.Int64N(1000)), Settled: ledger.Date(r.IntN(2) * 20000),
			Match: pick("", "AA", "AA", "AB"), Currency: pick("", "EUR", "EUR", "GBP"), CurAmount: ledger.Cents(r.IntN(100)),
			Flags: uint32(r.Uint32()), Source: pick("", "fec.txt", "fec.txt", "b.csv"), Line: r.IntN(1 << 20)}
	}
	return items
}

// TestDecodeSharedStrings: the decoder that shares strings gives the items the copying
// one gave, and refuses the same damaged values.
func TestDecodeSharedStrings(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 26))
	for round := 0; round < 300; round++ {
		items := randomItems(r, r.IntN(40))
		raw := encodeItems(items)
		got, err := decodeItems("C1", raw)
		want, werr := decodeItemsCopy("C1", raw)
		if err != nil || werr != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d: %v %v\n got %+v\nwant %+v", round, err, werr, got, want)
		}
		if len(items) > 0 && !reflect.DeepEqual(got, items) {
			t.Fatalf("round %d: not the encoded items", round)
		}
		into := make([]ledger.Item, itemsCount(raw))
		if got, err := decodeItemsInto("C1", raw, into); err != nil || !reflect.DeepEqual(orNil(got), orNil(want)) {
			t.Fatalf("round %d: into: %v", round, err)
		}
		for k := 0; k < 20 && len(raw) > 1; k++ { // damaged: truncated or a byte changed
			bad := append([]byte(nil), raw...)
			if r.IntN(2) == 0 {
				bad = bad[:r.IntN(len(bad))]
			} else {
				bad[r.IntN(len(bad))] ^= byte(1 + r.IntN(255))
			}
			got, err := decodeItems("C1", bad)
			want, werr := decodeItemsCopy("C1", bad)
			if (err != nil) != (werr != nil) || !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d damage %d: %v vs %v", round, k, err, werr)
			}
		}
	}
}

func orNil(items []ledger.Item) []ledger.Item {
	if len(items) == 0 {
		return nil
	}
	return items
}
