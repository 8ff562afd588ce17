package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	bolt "go.etcd.io/bbolt"

	"relance/ledger"
	"relance/ledger/payment"
)

// CheckReport is the result of an integrity check of a dossier.
type CheckReport struct {
	Schema    uint64
	Revision  uint64
	Customers int
	Items     int
	// Problems are the inconsistencies found, in the user's words (keys + args).
	Problems []*ledger.Problem
}

// OK reports whether no problem was found.
func (r *CheckReport) OK() bool { return len(r.Problems) == 0 }

// Check verifies the dossier: bbolt's own page-level consistency check, then that
// every record of every bucket decodes (CheckRecords), that every item belongs to a
// customer, that each item's open amount is consistent with its amount (same sign,
// not larger, zero once settled), the payments recorded by hand (CheckBook), and that
// each customer's open items are those of its items (StaleOpenItems).
func (db *DB) Check() (*CheckReport, error) {
	r := &CheckReport{}
	err := safely(db.path, func() error {
		return db.bolt.View(func(btx *bolt.Tx) error {
			for cerr := range btx.Check() {
				r.Problems = append(r.Problems, &ledger.Problem{Key: "err.check.bolt", Args: []string{"value", cerr.Error()}})
			}
			meta := btx.Bucket([]byte(bMeta))
			r.Schema, r.Revision = getU64(meta.Get([]byte(kSchema))), getU64(meta.Get([]byte(kRevision)))
			return nil
		})
	})
	if err != nil {
		var p *ledger.Problem
		if errors.As(err, &p) {
			r.Problems = append(r.Problems, p)
			return r, nil
		}
		return nil, fmt.Errorf("check %s: %w", db.path, err)
	}
	book, err := db.Load()
	if err != nil {
		var p *ledger.Problem
		if errors.As(err, &p) {
			r.Problems = append(r.Problems, p)
			return r, nil
		}
		return nil, err
	}
	checkItems(book, r)
	recs, err := db.CheckRecords(true)
	if err != nil {
		return nil, err
	}
	r.Problems = append(r.Problems, recs...)
	if err := db.View(func(tx *Tx) error {
		if err := checkOpenItems(tx, book, r); err != nil {
			return err
		}
		return checkPayments(tx, book, r)
	}); err != nil {
		var p *ledger.Problem
		if errors.As(err, &p) {
			r.Problems = append(r.Problems, p)
			return r, nil
		}
		return nil, err
	}
	return r, nil
}

// checkPayments verifies the payments recorded by hand and the bank statements against
// the accounts of book (paymentCheck).
func checkPayments(tx *Tx, book *ledger.Book, r *CheckReport) error {
	pc, err := newPaymentCheck(tx, r)
	if err != nil {
		return err
	}
	for _, a := range book.Accounts {
		pc.account(a)
	}
	return pc.finish(tx)
}

// paymentCheck verifies the payments recorded by hand and the bank statements, one
// account after the other (account), so that a check can walk the accounts without
// holding the book (DB.CheckAccounts): each payment validates, its customer exists, the
// invoices it settles (or, for a return, had settled) and the item that superseded it
// are the customer's, the payment a return takes back exists, and every payment a
// statement lists exists (finish).
type paymentCheck struct {
	r   *CheckReport
	by  map[string][]payment.Payment // by customer, until its account is checked
	ids map[string]bool
	bad func(p payment.Payment, what string)
}

func newPaymentCheck(tx *Tx, r *CheckReport) (*paymentCheck, error) {
	pays, err := tx.Payments("")
	if err != nil {
		return nil, err
	}
	pc := &paymentCheck{r: r, by: map[string][]payment.Payment{}, ids: make(map[string]bool, len(pays))}
	for _, p := range pays {
		pc.ids[p.ID] = true
		pc.by[p.Customer] = append(pc.by[p.Customer], p)
	}
	pc.bad = func(p payment.Payment, what string) {
		r.Problems = append(r.Problems, &ledger.Problem{Key: "err.check.payment",
			Args: []string{"customer", p.Customer, "value", p.ID, "field", what}})
	}
	return pc, nil
}

// account checks the payments of a's customer against its items.
func (pc *paymentCheck) account(a *ledger.Account) {
	pays := pc.by[a.Customer.ID]
	if len(pays) == 0 {
		return
	}
	delete(pc.by, a.Customer.ID)
	has := make(map[string]bool, len(a.Items))
	for i := range a.Items {
		has[a.Items[i].ID] = true
	}
	for _, p := range pays {
		if err := p.Validate(); err != nil {
			pc.bad(p, "invalid")
			continue
		}
		for _, al := range p.Allocations {
			if !has[al.Item] {
				pc.bad(p, "allocation "+al.Item)
			}
		}
		if p.SupersededBy != "" && !has[p.SupersededBy] {
			pc.bad(p, "superseded_by "+p.SupersededBy)
		}
		if p.IsReturn() && !pc.ids[p.Returns] && !has[p.Returns] {
			pc.bad(p, "returns "+p.Returns)
		}
	}
}

// finish reports the payments of a customer no account was checked for, and checks the
// bank statements.
func (pc *paymentCheck) finish(tx *Tx) error {
	custs := make([]string, 0, len(pc.by))
	for c := range pc.by {
		custs = append(custs, c)
	}
	sort.Strings(custs)
	for _, c := range custs {
		for _, p := range pc.by[c] {
			if err := p.Validate(); err != nil {
				pc.bad(p, "invalid")
			} else {
				pc.bad(p, "customer")
			}
		}
	}
	sts, err := tx.Statements()
	if err != nil {
		return err
	}
	for _, st := range sts {
		for _, id := range st.Payments {
			if !pc.ids[id] {
				pc.r.Problems = append(pc.r.Problems, &ledger.Problem{Key: "err.check.statement",
					Args: []string{"file", st.File, "value", id}})
			}
		}
	}
	return nil
}

func abs(c ledger.Cents) ledger.Cents {
	if c < 0 {
		return -c
	}
	return c
}

// Restore replaces the dossier at path with the backup at from. The backup must be a
// readable dossier that passes Check. Unless force is set, it refuses to replace a
// dossier whose revision is higher than the backup's (a newer state would be lost).
// The dossier at path must not be open. The replaced file is kept as a backup first.
func Restore(from, path string, force bool) error {
	src, err := Open(from, Options{ReadOnly: true})
	if err != nil {
		return err
	}
	rep, err := src.Check()
	if err != nil {
		src.Close()
		return err
	}
	if !rep.OK() {
		src.Close()
		return &ledger.Problem{Key: "err.restore.bad", Args: []string{"file", from}, Err: rep.Problems[0]}
	}
	if _, err := os.Stat(path); err == nil {
		dst, err := Open(path, Options{})
		if err != nil {
			src.Close()
			return err
		}
		rev, err := dst.Revision()
		if err == nil && rev > rep.Revision && !force {
			err = &ledger.Problem{Key: "err.restore.newer", Args: []string{"file", path, "value", fmt.Sprint(rev),
				"backup", fmt.Sprint(rep.Revision)}}
		}
		if err == nil {
			_, err = dst.writeBackup(backupDir(path), 5)
		}
		if cerr := dst.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			src.Close()
			return err
		}
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".relance-restore-*.db")
	if err != nil {
		src.Close()
		return &ledger.Problem{Key: "err.restore.write", Args: []string{"file", path}, Err: err}
	}
	err = src.bolt.View(func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(tmp)
		return err
	})
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	src.Close()
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o600)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return &ledger.Problem{Key: "err.restore.write", Args: []string{"file", path}, Err: err}
	}
	return nil
}
