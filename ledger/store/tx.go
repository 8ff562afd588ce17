package store

import (
	"encoding/json"
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"

	bolt "go.etcd.io/bbolt"

	"relance/ledger"
)

// Tx is a transaction on a dossier. Its methods read and write the dossier's entities;
// a Tx from View refuses writes.
type Tx struct {
	tx   *bolt.Tx
	path string
}

// Bolt exposes the underlying bbolt transaction to the packages that lay out a bucket
// of the schema themselves (ledger/importer: BucketImports and BucketImportPresets;
// letters: BucketTemplates and BucketLetters). Callers must not keep it past fn.
func (t *Tx) Bolt() *bolt.Tx { return t.tx }

func (t *Tx) corrupt(bucket, key string, err error) error {
	return problem(ErrCorrupt, t.path, fmt.Errorf("%s/%s: %w", bucket, key, err))
}

// getJSON returns the record stored as JSON under key in bucket, or nil when there is
// none; a record that does not decode is reported corrupt with its bucket and key.
func getJSON[T any](t *Tx, bucket BucketName, key string) (*T, error) {
	v := t.tx.Bucket([]byte(bucket)).Get([]byte(key))
	if v == nil {
		return nil, nil
	}
	var r T
	if err := json.Unmarshal(v, &r); err != nil {
		return nil, t.corrupt(string(bucket), key, err)
	}
	return &r, nil
}

// Settings returns the dossier's settings.
func (t *Tx) Settings() (ledger.Settings, error) {
	var s ledger.Settings
	if err := json.Unmarshal(t.tx.Bucket([]byte(bSettings)).Get([]byte(kSettings)), &s); err != nil {
		return s, t.corrupt("settings", "settings", err)
	}
	return s.Normalize(), nil
}

// PutSettings validates and stores the settings.
func (t *Tx) PutSettings(s ledger.Settings) error {
	if err := s.Validate(); err != nil {
		return err
	}
	return putJSON(t.tx.Bucket([]byte(bSettings)), []byte(kSettings), s)
}

// Customer returns customer id, or nil when there is none.
func (t *Tx) Customer(id string) (*ledger.Customer, error) {
	v := t.tx.Bucket([]byte(bCustomers)).Get([]byte(id))
	if v == nil {
		return nil, nil
	}
	c, err := decodeCustomer(v)
	if err != nil {
		return nil, t.corrupt("customers", id, err)
	}
	return &c, nil
}

// PutCustomer creates or replaces a customer. The ID must not be empty.
func (t *Tx) PutCustomer(c *ledger.Customer) error {
	if c.ID == "" {
		return &ledger.Problem{Key: "err.customer.noid", Args: []string{"field", "id"}}
	}
	if c.Name == "" {
		return &ledger.Problem{Key: "err.customer.noname", Args: []string{"field", "name", "value", c.ID}}
	}
	return t.tx.Bucket([]byte(bCustomers)).Put([]byte(c.ID), encodeCustomer(c))
}

// DeleteCustomer removes a customer and its items (and its open and closed items).
func (t *Tx) DeleteCustomer(id string) error {
	if err := t.tx.Bucket([]byte(bCustomers)).Delete([]byte(id)); err != nil {
		return err
	}
	if err := t.tx.Bucket([]byte(bOpenItems)).Delete([]byte(id)); err != nil {
		return err
	}
	if err := t.tx.Bucket([]byte(bClosedItems)).Delete([]byte(id)); err != nil {
		return err
	}
	return t.tx.Bucket([]byte(bItems)).Delete([]byte(id))
}

// Items returns the items of customer id.
func (t *Tx) Items(id string) ([]ledger.Item, error) {
	items, err := decodeItems(id, t.tx.Bucket([]byte(bItems)).Get([]byte(id)))
	if err != nil {
		return nil, t.corrupt("items", id, err)
	}
	return items, nil
}

// PutItems replaces all items of customer id (which must exist), sorted by date. It is
// the one write path of a customer's items: it writes its open_items and closed_items
// records with them (openitems.go, history.go).
func (t *Tx) PutItems(id string, items []ledger.Item) error {
	if t.tx.Bucket([]byte(bCustomers)).Get([]byte(id)) == nil {
		return &ledger.Problem{Key: "err.customer.unknown", Args: []string{"value", id}}
	}
	seen := make(map[string]bool, len(items))
	for i := range items {
		it := &items[i]
		if it.ID == "" || seen[it.ID] {
			return &ledger.Problem{Key: "err.item.id", Args: []string{"value", it.ID, "customer", id}}
		}
		seen[it.ID] = true
		if it.Open != 0 && (it.Open > 0) != (it.Amount > 0) {
			return &ledger.Problem{Key: "err.item.open", Args: []string{"value", it.ID, "customer", id}}
		}
		it.Customer = id
	}
	ledger.SortItems(items)
	key := []byte(id)
	if len(items) == 0 {
		for _, name := range []BucketName{bOpenItems, bClosedItems, bItems} {
			if err := t.tx.Bucket([]byte(name)).Delete(key); err != nil {
				return err
			}
		}
		return nil
	}
	rec, offsets := encodeItemsAt(items)
	dates, groups := groupDates(items)
	if err := t.tx.Bucket([]byte(bOpenItems)).Put(key, encodeOpenWith(items, dates)); err != nil {
		return err
	}
	if err := t.tx.Bucket([]byte(bClosedItems)).Put(key, encodeClosedWith(items, dates, groups, offsets)); err != nil {
		return err
	}
	return t.tx.Bucket([]byte(bItems)).Put(key, rec)
}

// Salespeople returns all salespeople in ID order.
func (t *Tx) Salespeople() ([]ledger.Salesperson, error) {
	var out []ledger.Salesperson
	err := t.tx.Bucket([]byte(bSalespeople)).ForEach(func(k, v []byte) error {
		var s ledger.Salesperson
		if err := json.Unmarshal(v, &s); err != nil {
			return t.corrupt("salespeople", string(k), err)
		}
		out = append(out, s)
		return nil
	})
	return out, err
}

// PutSalesperson creates or replaces a salesperson.
func (t *Tx) PutSalesperson(s ledger.Salesperson) error {
	if s.ID == "" || s.Name == "" {
		return &ledger.Problem{Key: "err.salesperson.invalid", Args: []string{"value", s.ID}}
	}
	return putJSON(t.tx.Bucket([]byte(bSalespeople)), []byte(s.ID), s)
}

// Load reads the whole dossier. Customers and items are decoded in parallel, one share
// per CPU: opening a 50,000-customer, 1,000,000-item dossier is dominated by decoding.
// The book's accounts are the ledger as imported plus the payments recorded by hand
// and not yet brought by an import (payment.Apply): every figure sees them.
func (t *Tx) Load() (*ledger.Book, error) {
	settings, sales, err := t.bookFrame()
	if err != nil {
		return nil, err
	}
	// The raw values stay valid while the transaction is open, which it is until we return.
	var custs, items []kv
	if err := t.tx.Bucket([]byte(bCustomers)).ForEach(func(k, v []byte) error { custs = append(custs, kv{k, v}); return nil }); err != nil {
		return nil, problem(ErrCorrupt, t.path, err)
	}
	if err := t.tx.Bucket([]byte(bItems)).ForEach(func(k, v []byte) error { items = append(items, kv{k, v}); return nil }); err != nil {
		return nil, problem(ErrCorrupt, t.path, err)
	}

	accounts := make([]*ledger.Account, len(custs))
	itemLists := make([][]ledger.Item, len(items))
	errs := make([]error, len(custs)+len(items))
	rel := newReleaser(t) // the pages of the values decoded leave the resident memory
	defer rel.flush()
	parallel(len(custs)+len(items), func(i int) {
		defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
		defer t.recoverCorrupt(&errs[i])
		if i < len(custs) {
			c, err := decodeCustomer(custs[i].v)
			if err != nil {
				errs[i] = t.corrupt("customers", string(custs[i].k), err)
			}
			accounts[i] = &ledger.Account{Customer: c}
			return
		}
		j := i - len(custs)
		list, err := decodeItems(string(items[j].k), items[j].v)
		if err != nil {
			errs[i] = t.corrupt("items", string(items[j].k), err)
		}
		itemLists[j] = list
		rel.add(items[j].v)
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	byID, err := t.attachItems(accounts, items, itemLists, bItems)
	if err != nil {
		return nil, err
	}
	if err := t.applyPayments(byID); err != nil {
		return nil, err
	}
	return ledger.NewBook(settings, sales, accounts), nil
}

// LoadCustomer reads the dossier for the figures and documents of customer id alone: a
// book holding its whole account as Load builds it (Account: its items and the payments
// recorded by hand), the settings and the salespeople, and no other account; no account
// at all when there is no such customer. It decodes one items record instead of every
// customer's.
func (t *Tx) LoadCustomer(id string) (*ledger.Book, error) {
	settings, sales, err := t.bookFrame()
	if err != nil {
		return nil, err
	}
	a, err := t.Account(id)
	if err != nil {
		return nil, err
	}
	var accounts []*ledger.Account
	if a != nil {
		accounts = append(accounts, a)
	}
	return ledger.NewBook(settings, sales, accounts), nil
}

// bookFrame reads what every book holds beside its accounts: the settings and the
// salespeople.
func (t *Tx) bookFrame() (ledger.Settings, []ledger.Salesperson, error) {
	settings, err := t.Settings()
	if err != nil {
		return ledger.Settings{}, nil, err
	}
	sales, err := t.Salespeople()
	return settings, sales, err
}

// parallel calls fn(0..n-1) on one goroutine per CPU, interleaved so that each gets
// a fair mix of the work.
// recoverCorrupt, deferred by a decoding goroutine, turns a fault or a panic while
// reading the mapped pages (a damaged file) into ErrCorrupt in *err.
func (t *Tx) recoverCorrupt(err *error) {
	if r := recover(); r != nil {
		*err = problem(ErrCorrupt, t.path, fmt.Errorf("%v", r))
	}
}

// kv is a key and its value, read from a bucket: valid while the transaction is open.
type kv struct{ k, v []byte }

// attachItems gives each account of accounts the items lists[j] of the customer recs[j]
// names (read from bucket name), and returns the accounts by customer ID. A list whose
// customer is not in accounts is a damaged dossier.
func (t *Tx) attachItems(accounts []*ledger.Account, recs []kv, lists [][]ledger.Item, name BucketName) (map[string]*ledger.Account, error) {
	byID := make(map[string]*ledger.Account, len(accounts))
	for _, a := range accounts {
		byID[a.Customer.ID] = a
	}
	for j, list := range lists {
		a := byID[string(recs[j].k)]
		if a == nil {
			return nil, t.corrupt(string(name), string(recs[j].k), fmt.Errorf("no such customer"))
		}
		for i := range list {
			list[i].Customer = a.Customer.ID
		}
		a.Items = list
	}
	return byID, nil
}

func parallel(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), max(1, n/1000))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += workers {
				fn(i)
			}
		}()
	}
	wg.Wait()
}
