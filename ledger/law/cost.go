package law

import (
	"github.com/shopspring/decimal"

	"relance/ledger"
)

// FinancingCost is what an overdue amount costs the firm: the interest it pays (or
// forgoes) at its own annual rate while waiting, simple interest.
type FinancingCost struct {
	Amount ledger.Cents    `json:"amount"`
	Rate   decimal.Decimal `json:"rate"` // firm's annual rate, %
	Days   int             `json:"days"`
	Basis  int             `json:"basis"`
	Exact  decimal.Decimal `json:"exact"` // Amount × Rate/100 × Days/Basis
	Cost   ledger.Cents    `json:"cost"`  // Exact rounded to the cent
}

// LateCost returns the financing cost of amount overdue for days at the firm's annual
// rate ratePct (e.g. its overdraft rate), on a basis of 365 or 360 days (0 means 365).
func LateCost(amount ledger.Cents, ratePct decimal.Decimal, days, basis int) (FinancingCost, error) {
	if basis == 0 {
		basis = 365
	}
	if err := checkCostInputs(amount, ratePct, days, basis); err != nil {
		return FinancingCost{}, err
	}
	exact, c := SimpleInterest(amount, ratePct, days, basis)
	return FinancingCost{Amount: amount, Rate: ratePct, Days: days, Basis: basis, Exact: exact, Cost: c}, nil
}

func checkCostInputs(amount ledger.Cents, ratePct decimal.Decimal, days, basis int) error {
	switch {
	case amount < 0:
		return &ledger.Problem{Key: "law.err.cost_amount", Args: []string{"value", amount.String()}}
	case ratePct.IsNegative():
		return &ledger.Problem{Key: "law.err.rate_negative", Args: []string{"value", ratePct.String()}}
	case days < 0:
		return &ledger.Problem{Key: "law.err.cost_days", Args: []string{"value", itoa(days)}}
	case basis != 365 && basis != 360:
		return &ledger.Problem{Key: "law.err.cost_basis", Args: []string{"value", itoa(basis)}}
	}
	return nil
}

// Cheaper names the cheaper side of an early-payment discount comparison.
type Cheaper string

// Outcomes of DiscountComparison.
const (
	// CheaperCredit: granting the discount costs more than financing the wait, so the
	// firm is better off waiting for the full amount.
	CheaperCredit Cheaper = "credit"
	// CheaperDiscount: the discount costs less than financing the wait.
	CheaperDiscount Cheaper = "discount"
	// CheaperEqual: both cost the same.
	CheaperEqual Cheaper = "equal"
)

// Escompte compares an early-payment discount (escompte, C. com. L441-9: its terms are
// an invoice mention) with the cost of credit at the firm's own rate.
type Escompte struct {
	Amount        ledger.Cents    `json:"amount"`         // invoice amount
	DiscountPct   decimal.Decimal `json:"discount_pct"`   // discount granted, %
	DaysEarly     int             `json:"days_early"`     // days the payment comes early
	FirmRate      decimal.Decimal `json:"firm_rate"`      // firm's annual financing rate, %
	Basis         int             `json:"basis"`          // 365 or 360
	Discount      ledger.Cents    `json:"discount"`       // Amount × DiscountPct/100, rounded to the cent
	Net           ledger.Cents    `json:"net"`            // Amount - Discount, received early
	CreditCost    ledger.Cents    `json:"credit_cost"`    // financing Amount for DaysEarly days at FirmRate
	EquivalentPct decimal.Decimal `json:"equivalent_pct"` // annual rate of the discount, %, 4 decimals
	Cheaper       Cheaper         `json:"cheaper"`
}

// DiscountComparison returns the annual rate equivalent to a discount of discountPct
// for paying daysEarly days early — d / (100 - d) × basis / days, in %: the discount
// is the price paid for the net amount received early — and compares it with the
// firm's rate: if it is higher, the credit (waiting) is cheaper.
func DiscountComparison(amount ledger.Cents, discountPct decimal.Decimal, daysEarly int, firmRatePct decimal.Decimal, basis int) (Escompte, error) {
	if basis == 0 {
		basis = 365
	}
	if err := checkCostInputs(amount, firmRatePct, daysEarly, basis); err != nil {
		return Escompte{}, err
	}
	hundred := decimal.NewFromInt(100)
	if discountPct.IsNegative() || !discountPct.LessThan(hundred) {
		return Escompte{}, &ledger.Problem{Key: "law.err.discount", Args: []string{"value", discountPct.String()}}
	}
	if daysEarly == 0 {
		return Escompte{}, &ledger.Problem{Key: "law.err.cost_days", Args: []string{"value", "0"}}
	}
	e := Escompte{Amount: amount, DiscountPct: discountPct, DaysEarly: daysEarly, FirmRate: firmRatePct, Basis: basis}
	e.Discount = ledger.CentsFromDecimal(amount.Decimal().Mul(discountPct).DivRound(hundred, 2))
	e.Net = amount - e.Discount
	_, e.CreditCost = SimpleInterest(amount, firmRatePct, daysEarly, basis)
	e.EquivalentPct = discountPct.Mul(hundred).Mul(decimal.NewFromInt(int64(basis))).
		DivRound(hundred.Sub(discountPct).Mul(decimal.NewFromInt(int64(daysEarly))), 4)
	switch e.EquivalentPct.Cmp(firmRatePct) {
	case 1:
		e.Cheaper = CheaperCredit
	case -1:
		e.Cheaper = CheaperDiscount
	default:
		e.Cheaper = CheaperEqual
	}
	return e, nil
}
