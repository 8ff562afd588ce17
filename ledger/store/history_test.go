package store_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"relance/ledger"
	"relance/ledger/demo"
	"relance/ledger/store"
)

// TestLoadSinceReadsWhatItSays checks LoadSince against Load on a generated dossier, at
// several since dates: each account holds exactly its items open at some date on or
// after since (or in a group with one, or settled by FIFO), in Load's order; its sales
// by day are Load's, and so is its balance on every day of its history.
func TestLoadSinceReadsWhatItSays(t *testing.T) {
	today := ledger.NewDate(2026, time.December, 4)
	path := filepath.Join(t.TempDir(), "gen.db")
	if err := demo.Generate(path, 60, 6000, 3, today); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	full, err := db.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, back := range []int{0, 1, 3, 9, 15, 40} {
		since := today.AddMonths(-back)
		past := since.AddMonths(-6)
		book, exact, err := db.LoadSince(today, since, past)
		if err != nil || exact > today {
			t.Fatalf("LoadSince(%s, %s): %v, exact %s", since, past, err, exact)
		}
		read, total := 0, 0
		for _, a := range full.Accounts {
			p := book.Account(a.Customer.ID)
			want := needed(a.Items, since)
			read, total = read+len(want), total+len(a.Items)
			if !slices.EqualFunc(p.Items, want, func(x, y ledger.Item) bool { return x == y }) {
				t.Fatalf("since %s: %s reads %d items, want %d", since, a.Customer.ID, len(p.Items), len(want))
			}
			if len(a.Items) == 0 {
				continue
			}
			h := p.History
			if h == nil || h.Since != since || h.PastSince != past || h.LastInvoice != ledger.LastInvoice(a.Items) {
				t.Fatalf("%s: history %+v", a.Customer.ID, h)
			}
			samePast(t, a, h, since, past)
			var sales []ledger.DaySales
			for d := range h.Sales.Latest() {
				sales = append(sales, d)
			}
			slices.Reverse(sales)
			if want := ledger.SalesByDay(a.Items); !slices.Equal(sales, want) {
				t.Fatalf("%s: sales %v, want %v", a.Customer.ID, sales, want)
			}
			balance := ledger.BalanceByDay(a.Items)
			first := a.Items[0].DocDate
			for d := first.AddDays(-3); d <= today; d = d.AddDays(1) {
				i, _ := slices.BinarySearchFunc(balance, d, func(x ledger.DaySales, d ledger.Date) int { return int(x.Date) - int(d) - 1 })
				var want ledger.Cents // the last change on or before d
				if i > 0 {
					want = balance[i-1].Amount
				}
				if got := h.BalanceAt(d); got != want {
					t.Fatalf("%s: balance at %s %d, want %d", a.Customer.ID, d, got, want)
				}
			}
		}
		if back == 0 && read*2 > total {
			t.Errorf("since %s: %d items of %d read", since, read, total)
		}
	}
}

// samePast checks that the past items of h are those of the closed items of a read from
// past but not from since, by group date, latest first (then in the items' order),
// with their fields and one number per lettering group.
func samePast(t *testing.T, a *ledger.Account, h *ledger.AccountHistory, since, past ledger.Date) {
	t.Helper()
	inSince := map[string]bool{}
	for _, it := range needed(a.Items, since) {
		inSince[it.ID] = true
	}
	type closed struct {
		it   ledger.Item
		date ledger.Date
	}
	var want []closed
	for _, it := range needed(a.Items, past) {
		if !inSince[it.ID] {
			want = append(want, closed{it, groupDate(a.Items, &it)})
		}
	}
	slices.SortStableFunc(want, func(x, y closed) int { return int(y.date) - int(x.date) })
	var got []ledger.PastItem
	for p := range h.Past.All() {
		got = append(got, p)
	}
	if len(got) != len(want) {
		t.Fatalf("%s from %s to %s: %d past items, want %d", a.Customer.ID, past, since, len(got), len(want))
	}
	groups := map[int]string{}
	for i, p := range got {
		it := want[i].it
		number := ""
		if it.Kind == ledger.Invoice || it.Flags&(ledger.FlagUnpaidCheque|ledger.FlagRejectedDebit) != 0 {
			number = it.Number
		}
		if p.Kind != it.Kind || p.Flags != it.Flags || p.DocDate != it.DocDate || p.DueDate != it.DueDate ||
			p.Settled != it.Settled || p.Amount != it.Amount || p.Number != number || (p.Group == 0) != (it.Match == "") {
			t.Fatalf("%s: past item %+v, want %+v", a.Customer.ID, p, it)
		}
		if m, ok := groups[p.Group]; p.Group != 0 && ok && m != it.Match {
			t.Fatalf("%s: group %d is %s and %s", a.Customer.ID, p.Group, m, it.Match)
		}
		groups[p.Group] = it.Match
	}
}

// groupDate is the latest document or settlement date of the lettering group of it (of
// it alone when not lettered).
func groupDate(items []ledger.Item, it *ledger.Item) ledger.Date {
	if it.Match == "" {
		return max(it.DocDate, it.Settled)
	}
	var d ledger.Date
	for i := range items {
		if items[i].Match == it.Match {
			d = max(d, items[i].DocDate, items[i].Settled)
		}
	}
	return d
}

// needed returns the items of an account that LoadSince(…, since, …) reads: those of a
// lettering group with an item open at some date on or after since, the open ones and
// those the importer settled by FIFO (always), in their order.
func needed(items []ledger.Item, since ledger.Date) []ledger.Item {
	last := map[string]ledger.Date{} // each group's latest document or settlement date
	always := map[string]bool{}
	for i := range items {
		it := &items[i]
		if it.Match != "" && !it.RebuiltByFIFO() {
			last[it.Match] = max(last[it.Match], it.DocDate, it.Settled)
			always[it.Match] = always[it.Match] || it.Open != 0 || !it.Settled.Valid()
		}
	}
	var out []ledger.Item
	for i := range items {
		it := items[i]
		switch {
		case it.Open != 0 || !it.Settled.Valid() || it.RebuiltByFIFO():
		case it.Match != "":
			if !always[it.Match] && last[it.Match] < since {
				continue
			}
		case max(it.DocDate, it.Settled) < since:
			continue
		}
		out = append(out, it)
	}
	return out
}

// A closed_items record whose daily sales or past items are damaged (a varint cut short)
// is refused by LoadSince and reported by the record check: the engines read them without
// errors, so they must never see one.
func TestDamagedClosedItemsRefused(t *testing.T) {
	today := ledger.NewDate(2026, time.December, 4)
	for _, part := range []string{"sales", "past"} {
		path := filepath.Join(t.TempDir(), "d.db")
		if err := demo.Create(path, today); err != nil {
			t.Fatal(err)
		}
		b, err := bolt.Open(path, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		err = b.Update(func(tx *bolt.Tx) error {
			c := tx.Bucket([]byte("closed_items")).Cursor()
			for k, v := c.First(); k != nil; k, v = c.Next() {
				rec := bytes.Clone(v)
				_, w := binary.Varint(rec[1:]) // the last invoice, then the sales
				sales := 1 + w
				balance := skipSection(rec, sales)
				count := skipSection(rec, balance)
				_, w = binary.Uvarint(rec[count:]) // the items' count, then their offsets
				past := skipSection(rec, count+w)
				switch n, _, end := section(rec, sales); {
				case part == "sales" && n > 0:
					rec[end-1] |= 0x80 // the last day's varint never ends
				case part == "past":
					n, start, end := section(rec, past)
					if n == 0 {
						continue
					}
					l, w := binary.Uvarint(rec[start:]) // the first item: its length, then what it says
					for i := start + w + 2; i < start+w+int(l) && i < end; i++ {
						rec[i] |= 0x80 // after its kind, varints that never end
					}
				default:
					continue
				}
				return tx.Bucket([]byte("closed_items")).Put(k, rec)
			}
			return fmt.Errorf("no record to damage")
		})
		if cerr := b.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			t.Fatal(err)
		}
		db, err := store.Open(path, store.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := db.LoadSince(today.AddDays(1), today, ledger.NoDate); !errors.Is(err, store.ErrCorrupt) {
			t.Errorf("%s damaged: LoadSince gives %v", part, err)
		}
		if probs, err := db.CheckRecords(true); err != nil || len(probs) != 1 {
			t.Errorf("%s damaged: CheckRecords %v %v", part, probs, err)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// section returns the number of entries of the section of a closed_items record at p,
// and where its entries start and end.
func section(rec []byte, p int) (n uint64, start, end int) {
	n, w := binary.Uvarint(rec[p:])
	size, w2 := binary.Uvarint(rec[p+w:])
	start = p + w + w2
	return n, start, start + int(size)
}

// skipSection returns the offset after the section at p.
func skipSection(rec []byte, p int) int {
	_, _, end := section(rec, p)
	return end
}
