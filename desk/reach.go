package desk

import (
	"errors"
	"iter"

	"relance/ledger"
	"relance/ledger/credit"
	"relance/ledger/risk"
	"relance/ledger/store"
)

// Reach says what a report computes at its as-of date, so that OpenReadFor reads no
// more of the dossier's history than that needs (issue 26: the cost of a report follows
// what it looks at, not the size of the history). The zero Reach is the open position
// only: the aged balance (Aged) and the customer list (Customers).
type Reach struct {
	// KPIMonths is the number of month ends of the dashboard (Dashboard's months; 0:
	// no KPI), KPIDays the period of its accounting DSO.
	KPIMonths, KPIDays int
	// Risk is set by the risk classes, and so by the agenda (which draws on them and on
	// the promises and plans).
	Risk bool
}

// OpeningReach is what the window shows first of a dossier opened in two steps
// (OpenWriteStaged): the dashboard's tiles with their change over a month (two month
// ends, the accounting DSO over 90 days), the aged balance, and the customer list with
// the risk classes and signals.
func OpeningReach() Reach {
	return Reach{KPIMonths: 2, KPIDays: 90, Risk: true}
}

// OpenReadFor opens the dossier at path read-only for the figures of reach at asOf.
// When asOf is on or after the dossier's latest activity (every document, settlement and
// payment recorded by hand dated on or before it), the book holds part of the history
// and the session is Partial: the open items only for the zero Reach (store.Tx.LoadOpen),
// else also the closed items those figures can see (reach.since) with each account's
// summary (store.Tx.LoadSince). Those figures are the same as from the whole book (the
// tests compare them), read in a fraction of the time and memory. At an earlier date it
// is OpenRead's session, the whole book.
func OpenReadFor(path string, asOf ledger.Date, reach Reach) (*Session, error) {
	db, err := openStore(path, store.Options{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	s, err := loadFor(db, path, asOf, reach)
	if err != nil {
		return nil, errors.Join(err, db.Close())
	}
	return s, nil
}

// loadFor reads the session of reach at asOf from the open dossier db (OpenReadFor).
func loadFor(db *store.DB, path string, asOf ledger.Date, reach Reach) (*Session, error) {
	load := func() (*ledger.Book, ledger.Date, error) { return db.LoadOpen(asOf) }
	since := asOf
	if reach != (Reach{}) {
		var past ledger.Date
		var err error
		if since, past, err = reach.since(db, asOf); err != nil {
			return nil, err
		}
		load = func() (*ledger.Book, ledger.Date, error) { return db.LoadSince(asOf, since, past) }
	}
	s := &Session{DB: db, Path: path}
	var exact ledger.Date
	err := s.reload(func() (*ledger.Book, error) {
		book, from, err := load()
		exact = from
		return book, err
	})
	if err != nil {
		return nil, err
	}
	s.Partial = asOf >= exact
	s.part = &part{reach: reach, asOf: asOf, since: since, exact: exact}
	return s, nil
}

// OpenWriteStaged opens the dossier at path to change it in two steps, so that a window
// shows a large dossier at once and keeps it in the memory of its open items (issue 26).
// It returns first the session of reach at asOf, as OpenReadFor reads it, with the
// dossier open for writing but not yet checked; and check, which does the rest of
// OpenWrite's work without holding the whole book: it checks the dossier
// (CheckBeforeWrite, each account read whole in turn), starts the rotating backup and lets
// writes through. The caller runs check in the background; every write to the dossier is
// refused (store.ErrNotChecked) until then, and when check fails the caller closes the
// dossier (Session.Close). The session stays Partial: its figures are those of reach at
// asOf or later (At reads another date), a customer's once WithAccount has read that
// account whole, and Dashboard reads the older history from the dossier. When asOf is
// before the dossier's latest activity, the session returned is already the whole,
// checked one and check is nil.
func OpenWriteStaged(path string, asOf ledger.Date, reach Reach) (first *Session, check func() error, err error) {
	db, err := openStore(path, store.Options{})
	if err != nil {
		return nil, nil, err
	}
	db.HoldWrites() // nothing is written before the check (store.ErrNotChecked)
	if first, err = loadFor(db, path, asOf, reach); err != nil {
		return nil, nil, errors.Join(err, db.Close())
	}
	check = func() error {
		if err := first.checkAndBackup(); err != nil {
			return err
		}
		db.ReleaseWrites()
		return nil
	}
	if first.Partial {
		return first, check, nil
	}
	if err := check(); err != nil {
		return nil, nil, errors.Join(err, db.Close())
	}
	return first, nil, nil
}

// since returns the earliest date at which the figures of r at asOf look at the items:
// the first month end of the dashboard (credit.KPIOptions.Since; the receivables at the
// beginning of its CEI periods come from the accounts' balance by day) and the date of
// every promise and plan recorded (whose state adds up the payments since then); and
// past, the earliest at which the risk classes look at the payment behaviour of the
// closed items (risk.Since: they read it from the accounts' History.Past).
func (r Reach) since(db *store.DB, asOf ledger.Date) (since, past ledger.Date, err error) {
	since = asOf
	if r.KPIMonths > 0 {
		since = min(since, credit.KPIOptions{Days: r.KPIDays}.Since(asOf, r.KPIMonths))
	}
	past = since
	if !r.Risk {
		return since, past, nil
	}
	err = db.View(func(tx *store.Tx) error {
		p, err := tx.RiskPolicy()
		if err != nil {
			return err
		}
		past = min(past, risk.Since(asOf, p))
		promises, err := tx.Promises("")
		if err != nil {
			return err
		}
		for _, pr := range promises {
			since = min(since, pr.Made)
		}
		plans, err := tx.Plans("")
		if err != nil {
			return err
		}
		for _, pl := range plans {
			since = min(since, pl.Agreed)
		}
		return nil
	})
	return since, min(past, since), err
}

// bookSince returns the book to compute at asOf a figure that looks at the items dated
// on or after since (a financial year, a period): the session's own when it holds them
// (whole, or a part read for that date reaching back that far), else the part of the
// dossier since then (store.DB.LoadSince: the whole book before the latest activity),
// read for this figure and not kept.
func (s *Session) bookSince(asOf, since ledger.Date) (*ledger.Book, error) {
	if p := s.part; !s.Partial || asOf >= p.asOf && since >= p.since {
		return s.Book, nil
	}
	book, _, err := s.DB.LoadSince(asOf, since, since)
	return book, err
}

// overWhole calls fn with the accounts of the dossier read whole one after the other
// (store.Tx.EachAccount), none kept: what needs every account's whole history once, in
// a session that holds part of it. Its error is the dossier's.
func (s *Session) overWhole(fn func(accounts iter.Seq[*ledger.Account])) error {
	err := s.DB.View(func(tx *store.Tx) error {
		var walk error
		fn(func(yield func(*ledger.Account) bool) {
			walk = tx.EachAccount(func(a *ledger.Account) error {
				if !yield(a) {
					return errStopped
				}
				return nil
			})
		})
		if errors.Is(walk, errStopped) {
			return nil
		}
		return walk
	})
	if err != nil {
		return err
	}
	return s.DB.ReleaseMapped() // the pages of the whole file were read: none is needed now
}

// errStopped ends a walk over the accounts (store.Tx.EachAccount) its consumer stopped.
var errStopped = errors.New("stopped")
