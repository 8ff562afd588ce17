package desk

import (
	"errors"

	"relance/ledger"
	"relance/ledger/credit"
	"relance/ledger/risk"
	"relance/ledger/store"
)

// Reach says what a report computes at its as-of date, so that OpenReadFor reads no
// more of the dossier's history than that needs (issue 26: the cost of a report follows
// what it looks at, not the size of the history).
type Reach struct {
	// KPIMonths is the number of month ends of the dashboard (Dashboard's months; 0:
	// no KPI), KPIDays the period of its accounting DSO.
	KPIMonths, KPIDays int
	// Risk is set by the risk classes, and so by the agenda (which draws on them and on
	// the promises and plans).
	Risk bool
}

// OpenReadFor opens the dossier at path read-only for the figures of reach at asOf.
// When asOf is on or after the dossier's latest activity (store.Tx.LoadSince), the book
// holds the open items and the closed ones those figures can see (reach.since), with
// each account's sales and last invoice; the figures are those of the whole book (the
// tests compare them). At an earlier date it is OpenRead's session, the whole book.
func OpenReadFor(path string, asOf ledger.Date, reach Reach) (*Session, error) {
	db, err := openStore(path, store.Options{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	since, err := reach.since(db, asOf)
	if err != nil {
		return nil, errors.Join(err, db.Close())
	}
	s := &Session{DB: db, Path: path}
	var exact ledger.Date
	err = s.reload(func() (*ledger.Book, error) {
		book, from, err := db.LoadSince(asOf, since)
		exact = from
		return book, err
	})
	if err != nil {
		return nil, errors.Join(err, db.Close())
	}
	s.Partial = asOf >= exact
	return s, nil
}

// since returns the earliest date at which the figures of r at asOf look at the items:
// the beginning of the CEI period of the first month end (credit.KPIOptions.Since), the
// windows of the risk classes (risk.Since), and the date of every promise and plan
// recorded (whose state adds up the payments since then).
func (r Reach) since(db *store.DB, asOf ledger.Date) (ledger.Date, error) {
	since := asOf
	if r.KPIMonths > 0 {
		since = min(since, credit.KPIOptions{Days: r.KPIDays}.Since(asOf, r.KPIMonths))
	}
	if !r.Risk {
		return since, nil
	}
	err := db.View(func(tx *store.Tx) error {
		p, err := tx.RiskPolicy()
		if err != nil {
			return err
		}
		since = min(since, risk.Since(asOf, p))
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
	return since, err
}
