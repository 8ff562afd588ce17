package importer

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"

	"relance/ledger"
	"relance/ledger/payment"
	"relance/ledger/store"
)

// Import records are in store.BucketImports: the file's SHA-256 (hex) → JSON Record.

// Record is what the dossier remembers of an import, keyed by the file's SHA-256, so
// that importing the same content twice changes nothing.
type Record struct {
	SHA256    string       `json:"sha256"`
	File      string       `json:"file"`
	Format    Format       `json:"format"`
	Size      int64        `json:"size"`
	Date      ledger.Date  `json:"date"`
	From      ledger.Date  `json:"from,omitempty"`
	To        ledger.Date  `json:"to,omitempty"`
	Customers int          `json:"customers"`
	Items     int          `json:"items"`
	OpenItems int          `json:"open_items"`
	Total     ledger.Cents `json:"total"`
}

// Imported reports whether a file with this SHA-256 was already imported.
func Imported(tx *store.Tx, sha string) bool {
	return tx.Bolt().Bucket([]byte(store.BucketImports)).Get([]byte(sha)) != nil
}

// Records returns the dossier's import records.
func Records(db *store.DB) ([]Record, error) {
	var out []Record
	err := db.View(func(tx *store.Tx) error {
		return tx.Bolt().Bucket([]byte(store.BucketImports)).ForEach(func(k, v []byte) error {
			var r Record
			if err := json.Unmarshal(v, &r); err != nil {
				return &ledger.Problem{Key: "err.dossier.corrupt", Args: []string{"file", db.Path(), "bucket", string(store.BucketImports), "key", string(k)}, Err: err}
			}
			out = append(out, r)
			return nil
		})
	})
	return out, err
}

// Apply writes prepared plans in one transaction, in order (or, with Options.Staged,
// in several on a copy of the dossier that replaces it at the end: all or nothing all
// the same). A plan with a fatal
// finding makes Apply fail before anything is written. Plans whose content was
// already imported are skipped (Report.AlreadyImported); when all are, the dossier
// is not touched at all (its revision does not change).
//
// Rule on re-import — the file is authoritative for the open amounts of the customers
// it contains:
//   - items of the file replace the dossier's items with the same ID;
//   - for a FEC, the customer's other items dated inside the file's period are
//     removed (deleted or renumbered at the source since the last import);
//   - the customer's other items dated before the period (for a CSV/XLSX snapshot:
//     all other items) are kept as history with Open set to 0: the file's opening
//     entries, or the snapshot, carry what is still due;
//   - items dated after the file's period (a newer file was imported before) are kept
//     untouched;
//   - customers absent from the file are not touched; an existing customer keeps every
//     field a user may have edited: only an empty name or account is filled, and
//     Doubtful is set (never cleared) when the file has 416 lines;
//   - a payment recorded by hand that the file brings (payment.Reconcile: the same
//     amount within a few days, or the same reference) is superseded by the file's
//     item in the same transaction, so that it is not counted twice; the ones dated
//     within the file's period that it does not bring are listed in the report
//     (Report.PaymentsUnpaired) and stay applied: the person keeps or reverses them.
func Apply(db *store.DB, plans []*Plan, o Options) error {
	for _, p := range plans {
		if err := p.Err(); err != nil {
			return err
		}
	}
	todo := make([]*Plan, 0, len(plans))
	err := db.View(func(tx *store.Tx) error {
		seen := map[string]bool{}
		for _, p := range plans {
			p.Report.AlreadyImported = Imported(tx, p.Report.SHA256) || seen[p.Report.SHA256]
			seen[p.Report.SHA256] = true
			if !p.Report.AlreadyImported {
				todo = append(todo, p)
			}
		}
		return nil
	})
	if err != nil || len(todo) == 0 {
		return err
	}
	mode, grow := store.StageSingle, int64(0)
	if o.Staged {
		mode = store.StageCopy
	}
	for _, p := range todo {
		grow += p.Report.Size / 2 // about a third of a FEC's size was measured (cli.importGrowth)
	}
	return db.Staged(mode, grow, func(st *store.Stage) error {
		var settings ledger.Settings
		if err := st.Update(func(tx *store.Tx) error {
			var err error
			settings, err = tx.Settings()
			return err
		}); err != nil {
			return err
		}
		for _, p := range todo {
			if err := p.apply(st, settings, o); err != nil {
				return err
			}
		}
		return nil
	})
}

// stageBatch is how many items a staged transaction writes at most: about 25 MB of
// encoded items, and as much again of pages when it commits.
const stageBatch = 200_000

func (p *Plan) apply(st *store.Stage, settings ledger.Settings, o Options) error {
	r := p.Report
	r.NewCustomers, r.Applied = 0, true
	var pays []payment.Payment
	if err := st.Update(func(tx *store.Tx) error {
		var err error
		pays, err = tx.Payments("")
		return err
	}); err != nil {
		return err
	}
	// brought: the payments of the file that the dossier did not have, for reconcile
	// (only when there are manual payments to reconcile).
	var brought map[string][]ledger.Item
	if slices.ContainsFunc(pays, func(p payment.Payment) bool { return p.Active() }) {
		brought = map[string][]ledger.Item{}
	}
	// Customers in batches when each transaction commits on its own (Stage.Batched):
	// what a transaction holds until it commits is then one batch's items.
	batch := o.batchItems
	if batch <= 0 {
		batch = stageBatch
	}
	done := make(chan struct{})
	defer close(done)
	ahead := p.makeItems(done)
	for i, n := 0, 0; i < len(p.customers); n++ {
		j, items := i, 0
		for j < len(p.customers) && (j == i || items < batch || !st.Batched()) {
			items += len(p.customers[j].Items) + p.customers[j].nItems
			j++
		}
		err := st.Update(func(tx *store.Tx) error {
			for _, pc := range p.customers[i:j] {
				if err := p.applyCustomer(tx, pc, <-ahead, settings, o, brought); err != nil {
					return err
				}
			}
			return nil
		})
		if err == nil && o.afterBatch != nil {
			err = o.afterBatch(n)
		}
		if err != nil {
			return err
		}
		i = j
	}
	return st.Update(func(tx *store.Tx) error {
		if err := p.reconcile(tx, pays, brought, o.Today); err != nil {
			return err
		}
		rec := Record{SHA256: r.SHA256, File: filepath.Base(p.path), Format: p.format, Size: r.Size, Date: o.Today,
			From: p.from, To: p.to, Customers: r.Customers, Items: r.Items, OpenItems: r.OpenItems, Total: r.Receivables}
		data, err := json.Marshal(rec)
		if err != nil {
			return err
		}
		return tx.Bolt().Bucket([]byte(store.BucketImports)).Put([]byte(rec.SHA256), data)
	})
}

// applyCustomer writes one customer of the plan and its items m (the re-import rule,
// see Apply); brought, when not nil, receives its new payments.
func (p *Plan) applyCustomer(tx *store.Tx, pc *planCustomer, m made, settings ledger.Settings, o Options, brought map[string][]ledger.Item) error {
	r := p.Report
	c, err := tx.Customer(pc.Customer.ID)
	if err != nil {
		return err
	}
	if c == nil {
		nc := pc.Customer
		if o.Terms != nil {
			t := *o.Terms
			nc.Terms = &t
		}
		c = &nc
		r.NewCustomers++
	} else {
		if c.Name == "" {
			c.Name = pc.Customer.Name
		}
		if c.Account == "" {
			c.Account = pc.Customer.Account
		}
		c.Doubtful = c.Doubtful || pc.Customer.Doubtful
	}
	if c.Name == "" {
		c.Name = c.ID
	}
	if err := tx.PutCustomer(c); err != nil {
		return err
	}
	terms := settings.Terms
	if c.Terms != nil {
		terms = *c.Terms
	}
	items, dueSet := m.items, m.due
	for i := range items {
		if !dueSet[i] && items[i].Amount > 0 {
			items[i].DueDate = terms.Due(items[i].DocDate)
		}
	}
	old, err := tx.Items(c.ID)
	if err != nil {
		return err
	}
	if brought != nil {
		brought[c.ID] = newPayments(old, items)
	}
	return tx.PutItems(c.ID, p.merge(old, items))
}

// merge applies the re-import rule (see Apply) to one customer's items.
func (p *Plan) merge(old, items []ledger.Item) []ledger.Item {
	ids := make(map[string]bool, len(items))
	for i := range items {
		ids[items[i].ID] = true
	}
	for _, it := range old {
		if ids[it.ID] {
			continue
		}
		fromFEC := !strings.HasPrefix(it.ID, tabularIDPrefix)
		switch {
		case p.format == FormatFEC && fromFEC && p.from.Valid() && it.DocDate >= p.from && it.DocDate <= p.to:
			continue // renumbered or deleted at the source
		case p.format == FormatFEC && p.to.Valid() && it.DocDate > p.to:
			// newer than this file: keep as is
		default:
			it.Open = 0
		}
		ids[it.ID] = true
		items = append(items, it)
	}
	return items
}

// newPayments returns the payment items of items that old does not have, and the
// debit adjustments (a returned cheque, a rejected direct debit) that a payment taken
// back by the bank (payment.KindReturn) may be.
func newPayments(old, items []ledger.Item) []ledger.Item {
	had := make(map[string]bool, len(old))
	for i := range old {
		had[old[i].ID] = true
	}
	var out []ledger.Item
	for _, it := range items {
		if (it.Kind == ledger.Payment || it.Kind == ledger.Adjustment && it.Amount > 0) && !had[it.ID] {
			out = append(out, it)
		}
	}
	return out
}

// reconcile supersedes the manual payments (pays, as stored before this file) that the
// file brings among its new payments (brought, by customer) and lists in the report the
// ones it should have brought and does not (see Apply). A payment item the dossier
// already had is not a candidate: it was when it was imported.
func (p *Plan) reconcile(tx *store.Tx, pays []payment.Payment, brought map[string][]ledger.Item, today ledger.Date) error {
	p.Report.PaymentsBrought, p.Report.PaymentsUnpaired = nil, nil
	if brought == nil {
		return nil
	}
	pairs, unpaired := payment.Reconcile(pays, brought, p.to)
	for _, pr := range pairs {
		if err := tx.SupersedePayment(pr.Payment, pr.Item, today); err != nil {
			return err
		}
	}
	p.Report.PaymentsBrought, p.Report.PaymentsUnpaired = pairs, unpaired
	return nil
}
