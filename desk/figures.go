package desk

import (
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
// 1: the as-of date) and an accounting DSO over days days (0: 90).
func (s *Session) Dashboard(asOf ledger.Date, months, days int) Dashboard {
	if days <= 0 {
		days = 90
	}
	opt := credit.KPIOptions{Days: days, Disputed: s.Index.DisputedFunc()}
	hist := credit.History(s.Book, asOf, max(months, 1), opt)
	return Dashboard{Snapshot: &hist[len(hist)-1], History: hist, Aged: s.Aged(asOf, nil),
		Top: ledger.TopOverdue(s.Customers(asOf), TopOverdueCount)}
}
