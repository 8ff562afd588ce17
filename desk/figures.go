package desk

import (
	"iter"

	"relance/ledger"
	"relance/ledger/credit"
)

// Figures at a date. Every one is computed from the open amounts at that date
// (credit.OpenAt) and leaves the doubtful customers (account 416) on a line of their
// own: the receivables of the KPIs, the total of the aged balance and the footer of the
// customer list are one figure.

// Customers returns one summary per customer at asOf (the Clients list, `relance
// customers`).
func (s *Session) Customers(asOf ledger.Date) []ledger.CustomerSummary {
	return credit.Summaries(s.Book, asOf)
}

// Aged returns the aged balance at asOf over the customers keep selects (nil: all),
// with the disputed memo column.
func (s *Session) Aged(asOf ledger.Date, keep func(*ledger.Account) bool) *credit.Aged {
	return credit.AgedBalanceWith(s.Book, asOf, credit.AgedOptions{Keep: keep, Disputed: s.Index.DisputedFunc()})
}

// TopOverdueCount is how many customers the dashboard and its report list as the
// largest overdue amounts.
const TopOverdueCount = 10

// Dashboard is the credit dashboard at a date: the KPIs, their history, the aged
// balance and the customers with the largest overdue amounts.
type Dashboard struct {
	Snapshot *credit.Snapshot // at the as-of date (the last of History)
	History  []credit.Snapshot
	Aged     *credit.Aged
	Top      []ledger.CustomerSummary
}

// Dashboard computes the dashboard at asOf with months month ends of history (at least
// 1: the as-of date) and an accounting DSO over days days (0: 90). In a Partial session
// whose part does not reach back to the first of those month ends (a window's 24 months),
// the history reads each account whole from the dossier in turn and keeps none
// (wholeHistory): the figures are the whole book's, in the memory of the part. Its error
// is the dossier's then.
func (s *Session) Dashboard(asOf ledger.Date, months, days int) (Dashboard, error) {
	if days <= 0 {
		days = 90
	}
	months = max(months, 1)
	opt := credit.KPIOptions{Days: days, Disputed: s.Index.DisputedFunc()}
	var hist []credit.Snapshot
	if p := s.part; s.Partial && (asOf < p.asOf || opt.Since(asOf, months) < p.since) {
		var err error
		if hist, err = s.wholeHistory(asOf, months, opt); err != nil {
			return Dashboard{}, err
		}
	} else {
		hist = credit.History(s.Book, asOf, months, opt)
	}
	return Dashboard{Snapshot: &hist[len(hist)-1], History: hist, Aged: s.Aged(asOf, nil),
		Top: ledger.TopOverdue(s.Customers(asOf), TopOverdueCount)}, nil
}

// wholeHistory is credit.History over every account of the dossier read whole in turn
// (store.Tx.EachAccount), none kept.
func (s *Session) wholeHistory(asOf ledger.Date, months int, opt credit.KPIOptions) ([]credit.Snapshot, error) {
	var hist []credit.Snapshot
	err := s.overWhole(func(accounts iter.Seq[*ledger.Account]) {
		hist = credit.HistoryOver(accounts, s.Book.Settings.Currency, asOf, months, opt)
	})
	return hist, err
}
