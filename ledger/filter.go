package ledger

import (
	"sort"
	"strings"

	"github.com/shopspring/decimal"
)

// SummaryFilter selects customer summaries for the customer list. Its zero value
// keeps every summary.
type SummaryFilter struct {
	// Text keeps summaries whose ID or name contains it, ignoring case and accents.
	Text string
	// Kind, when not nil, keeps only that kind of customer.
	Kind *CustomerKind
	// Salesperson, when not empty, keeps only that salesperson's customers (Salesperson.ID).
	Salesperson string
	// OverdueOnly keeps only customers with an overdue amount.
	OverdueOnly bool
}

// Filter returns the summaries that match f, in their original order. The result is a
// new slice; rows is not modified.
func (f SummaryFilter) Filter(rows []CustomerSummary) []CustomerSummary {
	needle := Fold(strings.TrimSpace(f.Text))
	out := make([]CustomerSummary, 0, len(rows))
	for i := range rows {
		r := &rows[i]
		if f.Kind != nil && r.Kind != *f.Kind {
			continue
		}
		if f.Salesperson != "" && r.Salesperson != f.Salesperson {
			continue
		}
		if f.OverdueOnly && r.Overdue <= 0 {
			continue
		}
		if needle != "" && !strings.Contains(Fold(r.ID), needle) && !strings.Contains(Fold(r.Name), needle) {
			continue
		}
		out = append(out, *r)
	}
	return out
}

// Fold lowercases s and strips the French diacritics (é → e, œ → oe), for searches
// that ignore case and accents.
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || ('A' <= s[i] && s[i] <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	return folder.Replace(strings.ToLower(s))
}

var folder = strings.NewReplacer(
	"à", "a", "â", "a", "ä", "a", "á", "a", "ã", "a", "å", "a",
	"ç", "c", "é", "e", "è", "e", "ê", "e", "ë", "e",
	"î", "i", "ï", "i", "í", "i", "ì", "i",
	"ô", "o", "ö", "o", "ó", "o", "ò", "o", "õ", "o",
	"ù", "u", "û", "u", "ü", "u", "ú", "u", "ÿ", "y", "ñ", "n",
	"œ", "oe", "æ", "ae", "ß", "ss",
)

// SummaryColumn names a column of the customer list, for sorting.
type SummaryColumn int

// Sortable columns of the customer list.
const (
	ColID SummaryColumn = iota
	ColName
	ColKind
	ColSalesperson
	ColBalance
	ColOverdue
	ColDaysLate
	ColOpenItems
)

// SortSummaries sorts rows in place by col, ascending or descending; ties are broken
// by customer ID (always ascending), so the order is stable and reproducible.
func SortSummaries(rows []CustomerSummary, col SummaryColumn, desc bool) {
	cmp := func(a, b *CustomerSummary) int {
		switch col {
		case ColID:
			return strings.Compare(a.ID, b.ID)
		case ColName:
			return strings.Compare(Fold(a.Name), Fold(b.Name))
		case ColKind:
			return int(a.Kind) - int(b.Kind)
		case ColSalesperson:
			return strings.Compare(a.Salesperson, b.Salesperson)
		case ColBalance:
			return compareCents(a.Balance, b.Balance)
		case ColOverdue:
			return compareCents(a.Overdue, b.Overdue)
		case ColDaysLate:
			return a.DaysLate - b.DaysLate
		case ColOpenItems:
			return a.OpenItems - b.OpenItems
		}
		return 0
	}
	sort.Slice(rows, func(i, j int) bool {
		a, b := &rows[i], &rows[j]
		if c := cmp(a, b); c != 0 {
			if desc {
				return c > 0
			}
			return c < 0
		}
		return a.ID < b.ID
	})
}

func compareCents(a, b Cents) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// SummaryTotals are the totals of a set of customer summaries. The receivables of the
// doubtful customers (account 416) are kept apart, as in the KPIs and the aged balance:
// Balance, DebitBalance and Overdue leave them out, Doubtful adds them up.
type SummaryTotals struct {
	Customers int   // number of customers
	Balance   Cents // Σ balances (net: credit balances reduce it), doubtful customers excluded
	// DebitBalance is Σ of the positive balances only: what customers with a debit
	// balance owe, the base of the overdue rate.
	DebitBalance Cents
	Overdue      Cents // Σ overdue amounts
	Late         int   // customers with an overdue amount
	// Doubtful is Σ balances of the doubtful customers, DoubtfulCustomers their number.
	Doubtful          Cents
	DoubtfulCustomers int
}

// Totals adds up rows.
func Totals(rows []CustomerSummary) SummaryTotals {
	var t SummaryTotals
	t.Customers = len(rows)
	for i := range rows {
		r := &rows[i]
		if r.Doubtful {
			t.Doubtful += r.Balance
			t.DoubtfulCustomers++
			continue
		}
		t.Balance += r.Balance
		if r.Balance > 0 {
			t.DebitBalance += r.Balance
		}
		t.Overdue += r.Overdue
		if r.Overdue > 0 {
			t.Late++
		}
	}
	return t
}

// OverdueRate returns Σ overdue / Σ debit balances as a percentage rounded to one
// decimal (half away from zero), and false when there is no debit balance.
func (t SummaryTotals) OverdueRate() (decimal.Decimal, bool) {
	if t.DebitBalance <= 0 {
		return decimal.Zero, false
	}
	pct := t.Overdue.Decimal().Mul(decimal.NewFromInt(100)).DivRound(t.DebitBalance.Decimal(), 6)
	return pct.Round(1), true
}

// TopOverdue returns up to n customers with the largest overdue amounts, largest first
// (ties by ID); customers with nothing overdue are left out.
func TopOverdue(rows []CustomerSummary, n int) []CustomerSummary {
	late := SummaryFilter{OverdueOnly: true}.Filter(rows)
	SortSummaries(late, ColOverdue, true)
	if len(late) > n {
		late = late[:n]
	}
	return late
}

// CountStatus returns how many customers of the book have collection status st.
// An empty status counts as StatusNormal.
func (b *Book) CountStatus(st CollectionStatus) int {
	n := 0
	for _, a := range b.Accounts {
		s := a.Customer.Status
		if s == "" {
			s = StatusNormal
		}
		if s == st {
			n++
		}
	}
	return n
}

// CountDoubtful returns how many customers are flagged doubtful (account 416).
func (b *Book) CountDoubtful() int {
	n := 0
	for _, a := range b.Accounts {
		if a.Customer.Doubtful {
			n++
		}
	}
	return n
}
