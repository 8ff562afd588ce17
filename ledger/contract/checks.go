package contract

import (
	"github.com/shopspring/decimal"

	"relance/ledger"
)

// Finding is one thing to fix in what a customer accepted or in its guarantees: Key
// names it ("contract.find.<key>" in the catalogue), Args fill its text.
type Finding struct {
	Key  string   `json:"key"`
	Args []string `json:"args,omitempty"`
	Rule string   `json:"rule"` // the article it comes from
}

// ExpiringDays is how long before its end a guarantee is flagged as expiring.
const ExpiringDays = 30

// Checks returns what to fix at asOf in contract c (nil: none recorded) of customer
// cust, whose effective payment terms are terms and who owes owed: CGV never accepted,
// terms over the legal caps, a jurisdiction clause with a non-merchant, a late-penalty
// rate under three times the legal interest rate (legalRate, percent; nil: unknown),
// guarantees expired or about to, a debt over the guarantees' cover.
func Checks(c *Contract, cust *ledger.Customer, terms ledger.Terms, owed ledger.Cents, legalRate *decimal.Decimal, asOf ledger.Date) []Finding {
	var out []Finding
	add := func(key, rule string, args ...string) { out = append(out, Finding{Key: key, Args: args, Rule: rule}) }
	business := cust.Kind == ledger.Business
	if c == nil {
		c = &Contract{Customer: cust.ID}
	}
	if business && !c.Accepted.Valid() {
		add("no_cgv", "C. com. L441-1")
	}
	if business && terms.ExceedsLegalCap() {
		add("terms_over_cap", "C. com. L441-10 I", "terms", terms.String())
	}
	if c.Court != "" && !business {
		add("court_non_merchant", "CPC 48", "court", c.Court)
	}
	if business && c.LateRate != nil && legalRate != nil {
		if floor := legalRate.Mul(decimal.NewFromInt(3)); c.LateRate.LessThan(floor) {
			add("late_rate_floor", "C. com. L441-10 II", "rate", c.LateRate.String(), "floor", floor.StringFixed(2))
		}
	}
	for i := range c.Guarantees {
		g := &c.Guarantees[i]
		switch {
		case g.Until.Valid() && g.Until < asOf:
			add("guarantee_expired", "", "issuer", g.Issuer, "date", g.Until.String())
		case g.Until.Valid() && g.Until <= asOf.AddDays(ExpiringDays):
			add("guarantee_expiring", "", "issuer", g.Issuer, "date", g.Until.String())
		}
	}
	if cover := c.CoverAt(asOf); cover > 0 && owed > cover {
		add("over_cover", "", "owed", owed.String(), "cover", cover.String())
	}
	return out
}

// TermsCost is what granting a customer days more to pay costs the firm: the cash
// tied up the longer (its sales of a year spread over 365 days, times days) and what
// that cash costs a year at the firm's financing rate (percent). It is the argument a
// credit manager puts on the table when a customer asks for longer terms.
func TermsCost(yearSales ledger.Cents, days int, rate decimal.Decimal) (cash, cost ledger.Cents) {
	if yearSales <= 0 || days <= 0 {
		return 0, 0
	}
	c := decimal.NewFromInt(int64(yearSales)).Mul(decimal.NewFromInt(int64(days))).Div(decimal.NewFromInt(365)).Round(0)
	cash = ledger.Cents(c.IntPart())
	cost = ledger.Cents(c.Mul(rate).Div(decimal.NewFromInt(100)).Round(0).IntPart())
	return cash, cost
}
