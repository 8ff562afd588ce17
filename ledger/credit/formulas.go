package credit

import (
	"github.com/shopspring/decimal"

	"relance/ledger"
)

// The KPI formulas of the credit function, on plain figures, each with the convention it
// follows (reference/legal-fr.md §8). Results are decimals; callers round for display.

var hundred = decimal.NewFromInt(100)

// DSOAccounting is the accounting ("méthode comptable") DSO: receivables at the end of
// the period / sales of the period × days of the period. Both amounts incl. VAT.
// ok is false when there were no sales.
func DSOAccounting(receivables, sales ledger.Cents, days int) (decimal.Decimal, bool) {
	if sales <= 0 {
		return decimal.Zero, false
	}
	return receivables.Decimal().Mul(decimal.NewFromInt(int64(days))).Div(sales.Decimal()), true
}

// MonthSales is one month of sales for the count-back DSO, most recent first.
type MonthSales struct {
	Sales ledger.Cents
	Days  int // calendar days of the month (or of the partial month)
}

// DSOCountBack is the count-back ("par épuisement du chiffre d'affaires") DSO: from the
// receivables, subtract each month's sales going back in time and add its days, until
// what remains is smaller than the next month's sales; then add remainder / sales × days.
// exhausted is false when the receivables exceed all the months given (the DSO is then at
// least the value returned).
func DSOCountBack(receivables ledger.Cents, months []MonthSales) (dso decimal.Decimal, exhausted bool) {
	rest := receivables
	days := decimal.Zero
	if rest <= 0 {
		return decimal.Zero, true
	}
	for _, m := range months {
		if rest <= m.Sales {
			if m.Sales > 0 {
				days = days.Add(rest.Decimal().Div(m.Sales.Decimal()).Mul(decimal.NewFromInt(int64(m.Days))))
			}
			return days, true
		}
		rest -= m.Sales
		days = days.Add(decimal.NewFromInt(int64(m.Days)))
	}
	return days, false
}

// Rate returns part / whole × 100, and false when whole is zero.
func Rate(part, whole ledger.Cents) (decimal.Decimal, bool) {
	if whole == 0 {
		return decimal.Zero, false
	}
	return part.Decimal().Mul(hundred).Div(whole.Decimal()), true
}

// CEI is the Collection Effectiveness Index, in percent:
// (begin + sales − end total) / (begin + sales − end current) × 100, where current
// means not yet due. months > 1 gives the "monthly average" variant, where sales are
// divided by the number of months of the period (creditguru); months ≤ 1 uses the
// period's total sales.
func CEI(begin, sales, endTotal, endCurrent ledger.Cents, months int) (decimal.Decimal, bool) {
	s := sales.Decimal()
	if months > 1 {
		s = s.Div(decimal.NewFromInt(int64(months)))
	}
	b := begin.Decimal().Add(s)
	den := b.Sub(endCurrent.Decimal())
	if den.IsZero() {
		return decimal.Zero, false
	}
	return b.Sub(endTotal.Decimal()).Mul(hundred).Div(den), true
}

// BestPossibleDSO is current (not yet due) receivables / sales × days.
func BestPossibleDSO(current, sales ledger.Cents, days int) (decimal.Decimal, bool) {
	return DSOAccounting(current, sales, days)
}
