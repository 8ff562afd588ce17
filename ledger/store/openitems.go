package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"runtime/debug"
	"strings"

	bolt "go.etcd.io/bbolt"

	"relance/ledger"
	"relance/ledger/payment"
)

// Open items first (issue 26): most of a dossier's items are closed, yet the figures of
// the open position (the aged balance, the customer list) only read the open ones.
// The open_items bucket (schema 10) keeps, per customer, what those figures need, so
// that they decode a few percent of the items instead of the whole history:
//
//	open_items  customer ID → byte version (2; schema 10 wrote 1, with the open items
//	                          only), varint last activity (ledger.Date), uvarint the
//	                          number of open items, then the customer's items that every
//	                          partial read needs (history.go), as codec.go lays out the
//	                          items bucket: first its open items, then the items of a
//	                          lettering group with an open item and the items the
//	                          importer settled by FIFO, each part in the items' order
//
// The last activity is the latest DocDate or Settled date over all the customer's items,
// open or closed: credit.OpenAt returns the stored open amounts at an as-of date on or
// after it, and rebuilds the past before it (which needs the closed items). So the open
// items alone give exactly the figures of the full account at any as-of date on or
// after the dossier's latest last activity — and after the payments recorded by hand
// (payment.Apply dates its items and settlements on the payment's date).
//
// PutItems is the one write path of a customer's items (imports, the demo and the
// generator, the erasure of a customer): it writes the customer's open_items record in
// the same transaction; DeleteCustomer removes both. The schema-10 migration builds the
// bucket from the items bucket (fillDerived), 13 rewrites it.
const openCodecV2 = 2

// lastActivity is the latest DocDate or Settled date of items: credit.OpenAt's
// condition for the stored open amounts to be those at an as-of date.
func lastActivity(items []ledger.Item) ledger.Date {
	var last ledger.Date
	for i := range items {
		last = max(last, items[i].DocDate, items[i].Settled)
	}
	return last
}

// encodeOpen encodes the open_items record of a customer whose items are items (all of
// them, sorted as PutItems sorts them).
func encodeOpen(items []ledger.Item) []byte {
	dates, _ := groupDates(items)
	return encodeOpenWith(items, dates)
}

// encodeOpenWith is encodeOpen with the group dates of the items (groupDates).
func encodeOpenWith(items []ledger.Item, dates []ledger.Date) []byte {
	var open, others []int
	for i, d := range dates {
		switch {
		case items[i].Open != 0:
			open = append(open, i)
		case d == alwaysRead:
			others = append(others, i)
		}
	}
	b := []byte{openCodecV2}
	b = binary.AppendVarint(b, int64(lastActivity(items)))
	b = binary.AppendUvarint(b, uint64(len(open)))
	b = append(b, itemsCodecV1)
	b = binary.AppendUvarint(b, uint64(len(open)+len(others)))
	for _, list := range [2][]int{open, others} {
		for _, i := range list {
			b = appendItem(b, &items[i])
		}
	}
	return b
}

// openHeader reads the header of an open_items record: the customer's last activity and
// number of open items, and returns the rest, the encoded items.
func openHeader(raw []byte) (ledger.Date, int, []byte, error) {
	if len(raw) == 0 || raw[0] != openCodecV2 {
		return ledger.NoDate, 0, nil, fmt.Errorf("open items record: %w", errCorrupt)
	}
	d, w := binary.Varint(raw[1:])
	if w <= 0 {
		return ledger.NoDate, 0, nil, fmt.Errorf("open items record date: %w", errCorrupt)
	}
	n, w2 := binary.Uvarint(raw[1+w:])
	if w2 <= 0 || n > uint64(itemsCount(raw[1+w+w2:])) {
		return ledger.NoDate, 0, nil, fmt.Errorf("open items record count: %w", errCorrupt)
	}
	return ledger.Date(d), int(n), raw[1+w+w2:], nil
}

// decodeOpen decodes an open_items record: the customer's last activity and the items
// every partial read needs, the open ones first.
func decodeOpen(customer string, raw []byte) (ledger.Date, []ledger.Item, error) {
	last, _, rest, err := openHeader(raw)
	if err != nil {
		return ledger.NoDate, nil, err
	}
	items, err := decodeItems(customer, rest)
	return last, items, err
}

// decodeFirst decodes the first n items of raw (written by encodeItems) into items, a
// slice of n items.
func decodeFirst(customer string, raw []byte, items []ledger.Item) error {
	if len(items) == 0 {
		return nil
	}
	p := 1 + uvarintLen(uint64(itemsCount(raw)))
	need, _, _, err := walkSelect(raw, p, len(items), nil, nil, nil)
	if err != nil {
		return err
	}
	var sb strings.Builder
	sb.Grow(need)
	if _, _, _, err := walkSelect(raw, p, len(items), nil, items, &sb); err != nil {
		return err
	}
	for i := range items {
		items[i].Customer = customer
	}
	return nil
}

// fillDerived builds bucket name from the items bucket (the migration that adds it): the
// records PutItems would have written.
func fillDerived(tx *bolt.Tx, name BucketName, encode func([]ledger.Item) []byte) error {
	var recs []kv
	err := tx.Bucket([]byte(bItems)).ForEach(func(k, v []byte) error {
		items, err := decodeItems(string(k), v)
		if err != nil {
			return fmt.Errorf("items/%s: %w", k, err)
		}
		if len(items) > 0 {
			recs = append(recs, kv{k, encode(items)})
		}
		return nil
	})
	if err != nil {
		return err
	}
	b := tx.Bucket([]byte(name))
	for _, r := range recs {
		if err := b.Put(r.k, r.v); err != nil {
			return fmt.Errorf("%s/%s: %w", name, r.k, err)
		}
	}
	return nil
}

// LoadOpen reads the dossier for the figures of the open position at asOf (the aged
// balance, the customer list), and returns the date from which its open items alone
// give them exactly: the latest activity of the dossier (see the top of this file),
// the payments recorded by hand included.
//
// When asOf is on or after that date, the book's accounts hold only their open items
// (a customer with payments recorded by hand keeps all of its items, so that
// payment.Apply works on the account it is written for); every figure needing the
// history (the past, the KPIs, risk, letters) must not be computed from it. Before
// that date it is Load's book, the whole dossier.
func (t *Tx) LoadOpen(asOf ledger.Date) (*ledger.Book, ledger.Date, error) {
	return t.loadPart(asOf, nil)
}

// LoadSince reads the dossier for the figures at asOf that look back to since at most in
// the items, and to past in the payment behaviour: the KPIs (the CEI's beginning
// receivables), the risk classes (15 months of payments), the agenda. It returns the
// date from which the book gives them exactly, as LoadOpen.
//
// When asOf is on or after that date, each account holds its open items and the closed
// ones whose lettering group was open at some date on or after since (closed_items, in
// history.go), in Load's order, and its History: its sales and balance by day, its last
// invoice, and as Past the closed items whose group was open at some date on or after
// past but not since, in the fields the risk classes read. The engines use it instead of
// adding up the items. A customer with payments recorded by hand keeps all of its items
// and no History. Before that date it is Load's book, the whole dossier.
func (t *Tx) LoadSince(asOf, since, past ledger.Date) (*ledger.Book, ledger.Date, error) {
	return t.loadPart(asOf, &reads{since, past})
}

// reads is how far back LoadSince reads the items (since) and the past items (past).
type reads struct{ since, past ledger.Date }

// loadPart is LoadOpen, and with back LoadSince.
func (t *Tx) loadPart(asOf ledger.Date, back *reads) (*ledger.Book, ledger.Date, error) {
	var recs []kv
	var exact ledger.Date
	err := t.tx.Bucket([]byte(bOpenItems)).ForEach(func(k, v []byte) error {
		last, _, _, err := openHeader(v)
		if err != nil {
			return t.corrupt(string(bOpenItems), string(k), err)
		}
		exact = max(exact, last)
		recs = append(recs, kv{k, v})
		return nil
	})
	if err != nil {
		return nil, ledger.NoDate, err
	}
	byPay, err := t.activePayments()
	if err != nil {
		return nil, ledger.NoDate, err
	}
	for _, list := range byPay {
		for _, p := range list {
			exact = max(exact, p.Date)
		}
	}
	if asOf < exact {
		book, err := t.Load()
		return book, exact, err
	}
	settings, sales, err := t.bookFrame()
	if err != nil {
		return nil, ledger.NoDate, err
	}
	var custs []kv
	if err := t.tx.Bucket([]byte(bCustomers)).ForEach(func(k, v []byte) error { custs = append(custs, kv{k, v}); return nil }); err != nil {
		return nil, ledger.NoDate, problem(ErrCorrupt, t.path, err)
	}
	accounts := make([]*ledger.Account, len(custs))
	slab := make([]ledger.Account, len(custs)) // the accounts, one allocation
	errs := make([]error, len(custs))
	parallel(len(custs), func(i int) {
		defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
		defer t.recoverCorrupt(&errs[i])
		c, err := decodeCustomer(custs[i].v)
		if err != nil {
			errs[i] = t.corrupt(string(bCustomers), string(custs[i].k), err)
		}
		slab[i].Customer = c
		accounts[i] = &slab[i]
	})
	if err := errors.Join(errs...); err != nil {
		return nil, ledger.NoDate, err
	}
	var lists [][]ledger.Item
	var histories []*ledger.AccountHistory
	if back != nil {
		lists, histories, err = t.readSince(recs, byPay, *back)
	} else {
		lists, err = t.openItems(recs, byPay)
	}
	if err != nil {
		return nil, ledger.NoDate, err
	}
	byID, err := t.attachItems(accounts, recs, lists, bOpenItems)
	if err != nil {
		return nil, ledger.NoDate, err
	}
	for j := range histories {
		byID[string(recs[j].k)].History = histories[j]
	}
	for id, list := range byPay {
		a := byID[id]
		if a == nil {
			continue // a payment of a customer no longer in the dossier (as applyPayments)
		}
		items, err := t.Items(id)
		if err != nil {
			return nil, ledger.NoDate, err
		}
		for i := range items {
			items[i].Customer = id
		}
		a.Items = items
		payment.Apply(a, list)
	}
	return ledger.NewBook(settings, sales, accounts), exact, nil
}

// openItems decodes the open items of the open_items records recs (LoadOpen), none for
// the customers with payments recorded by hand (byPay: read whole by loadPart).
func (t *Tx) openItems(recs []kv, byPay map[string][]payment.Payment) ([][]ledger.Item, error) {
	lists := make([][]ledger.Item, len(recs))
	// One allocation for all the items (not one per customer): each record is decoded
	// into its part, capped so that an append to an account reallocates.
	counts := make([]int, len(recs))
	total := 0
	for j, r := range recs {
		if byPay[string(r.k)] == nil {
			if _, n, _, err := openHeader(r.v); err == nil {
				counts[j] = n
				total += n
			}
		}
	}
	all := make([]ledger.Item, total)
	for j := range recs {
		lists[j], all = all[:counts[j]:counts[j]], all[counts[j]:]
	}
	// The pages of these records are not given back (releaser): they are few, the peak
	// is the decoded items', and releasing them cost a quarter of `relance aged` (0.31 →
	// 0.24 s on the peers' 1M ledger, 0.75 → 0.45 s at 3M, the same peak).
	errs := make([]error, len(recs))
	parallel(len(recs), func(j int) {
		defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
		defer t.recoverCorrupt(&errs[j])
		id := string(recs[j].k)
		if byPay[id] != nil {
			return // read whole by loadPart
		}
		_, _, rest, err := openHeader(recs[j].v)
		if err == nil {
			err = decodeFirst(id, rest, lists[j]) // the open items come first
		}
		if err != nil {
			errs[j] = t.corrupt(string(bOpenItems), id, err)
		}
	})
	return lists, errors.Join(errs...)
}

// readSince decodes the items and History of the customers of the open_items records
// recs for LoadSince (history.go), none for the customers with payments recorded by
// hand (byPay: read whole by loadPart). The closed_items records are read first; only
// the items records of the customers with closed items to decode are read.
func (t *Tx) readSince(recs []kv, byPay map[string][]payment.Payment, back reads) ([][]ledger.Item, []*ledger.AccountHistory, error) {
	cb, ib := t.tx.Bucket([]byte(bClosedItems)), t.tx.Bucket([]byte(bItems))
	closedRaw := make([][]byte, 0, len(recs))
	err := cb.ForEach(func(k, v []byte) error {
		j := len(closedRaw)
		if j >= len(recs) || string(k) != string(recs[j].k) { // the same customers as open_items
			return t.corrupt(string(bClosedItems), string(k), errCorrupt)
		}
		closedRaw = append(closedRaw, v)
		return nil
	})
	if err == nil && len(closedRaw) != len(recs) {
		err = t.corrupt(string(bClosedItems), string(recs[len(closedRaw)].k), errCorrupt)
	}
	if err != nil {
		return nil, nil, err
	}
	rel := newReleaser(t) // the pages of the values decoded leave the resident memory
	defer rel.flush()
	records := make([]*closedRecord, len(recs))
	starts := make([][]int, len(recs))
	pasts := make([]ledger.PastItems, len(recs))
	errs := make([]error, len(recs))
	parallel(len(recs), func(j int) {
		defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
		defer t.recoverCorrupt(&errs[j])
		if byPay[string(recs[j].k)] != nil {
			return
		}
		r, err := decodeClosed(closedRaw[j])
		if err == nil {
			records[j] = r
			starts[j], pasts[j], err = r.starts(back.since, back.past, math.MaxInt)
		}
		if err != nil {
			errs[j] = t.corrupt(string(bClosedItems), string(recs[j].k), err)
		}
		rel.add(closedRaw[j])
	})
	if err := errors.Join(errs...); err != nil {
		return nil, nil, err
	}
	rel.all()
	itemsRaw := make([][]byte, len(recs))
	gets := 0
	for j, r := range recs {
		if len(starts[j]) > 0 {
			itemsRaw[j] = ib.Get(r.k)
			if gets++; gets%1024 == 0 {
				rel.all() // each Get maps the pages around its value's first one
			}
		}
	}
	rel.all()
	// The items records are given back by a releaser of their own: alternating between
	// two parts of the file, one would release a span at each value (each release
	// flushes every CPU's TLB).
	relItems := newReleaser(t)
	defer relItems.flush()
	lists := make([][]ledger.Item, len(recs))
	histories := make([]*ledger.AccountHistory, len(recs))
	parallel(len(recs), func(j int) {
		defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
		defer t.recoverCorrupt(&errs[j])
		id := string(recs[j].k)
		if records[j] == nil {
			return // payments recorded by hand: read whole by loadPart
		}
		_, firstOpen, open, err := openHeader(recs[j].v)
		if err == nil && len(starts[j]) > 0 && (len(itemsRaw[j]) == 0 || itemsCount(itemsRaw[j]) != records[j].items || starts[j][len(starts[j])-1] >= len(itemsRaw[j])) {
			err = fmt.Errorf("closed items record of %d items: %w", records[j].items, errCorrupt)
		}
		if err == nil {
			lists[j], histories[j], err = readSince(id, open, firstOpen, records[j], starts[j], pasts[j], itemsRaw[j], back.since, back.past)
		}
		if err != nil {
			errs[j] = t.corrupt(string(bClosedItems), id, err)
		}
		rel.add(recs[j].v)
		relItems.add(itemsRaw[j])
	})
	return lists, histories, errors.Join(errs...)
}

// LoadOpen is Tx.LoadOpen in a read transaction.
func (db *DB) LoadOpen(asOf ledger.Date) (book *ledger.Book, exact ledger.Date, err error) {
	err = db.View(func(tx *Tx) error {
		book, exact, err = tx.LoadOpen(asOf)
		return err
	})
	return book, exact, err
}

// LoadSince is Tx.LoadSince in a read transaction.
func (db *DB) LoadSince(asOf, since, past ledger.Date) (book *ledger.Book, exact ledger.Date, err error) {
	err = db.View(func(tx *Tx) error {
		book, exact, err = tx.LoadSince(asOf, since, past)
		return err
	})
	return book, exact, err
}
