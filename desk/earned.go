package desk

import (
	"slices"

	"github.com/shopspring/decimal"

	"relance/ledger"
	"relance/ledger/credit"
	"relance/ledger/dunning"
	"relance/ledger/earned"
	"relance/ledger/store"
)

// EarnedDays is the default period of « what collection earned »: the 90 days up to the
// as-of date, the accounting DSO's own period.
const EarnedDays = 90

// Earned says what collection brought in over (from, to] (earned.Compute): the cash
// received after each kind of action, the accounting DSO gained (over 90 days, as the
// dashboard's) and, at the firm's annual financing rate (percent; nil: not given), what
// those days are worth a year. The window's dashboard and `relance earned` call it. A
// session holding part of the history reads the period's part of the dossier for it
// (bookSince), and the DSO at from account by account (Dashboard).
func (s *Session) Earned(from, to ledger.Date, rate *decimal.Decimal) (*earned.Report, error) {
	var actions []dunning.Action
	if err := s.DB.View(func(tx *store.Tx) error {
		var err error
		actions, err = tx.Actions("")
		return err
	}); err != nil {
		return nil, err
	}
	in := earned.Input{Actions: actions, From: from, To: to, Rate: rate}
	// The DSO at each end, as the dashboard computes it at that date.
	for _, end := range []struct {
		at  ledger.Date
		dso **decimal.Decimal
	}{{from, &in.DSOFrom}, {to, &in.DSOTo}} {
		d, err := s.Dashboard(end.at, 1, 90)
		if err != nil {
			return nil, err
		}
		if f := d.Snapshot.KPI(credit.KeyDSOAccounting); f != nil && f.Defined {
			v := f.Value
			*end.dso = &v
		}
	}
	book, err := s.bookSince(to, from) // the payments and sales of the period
	if err != nil {
		return nil, err
	}
	in.Accounts = slices.Values(book.Accounts)
	return earned.Compute(in), nil
}
