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

// Tariff is a court cost kept as dated data: its amount, the day from which it applies
// and the text that sets it, so that whatever shows the cost can say which tariff it is
// and where it comes from. A field the reference does not give stays empty — printed
// « à vérifier » — rather than guessed.
type Tariff struct {
	Amount ledger.Cents `json:"amount"` // incl. VAT
	// From is the first day the amount applies; NoDate when the reference does not
	// give it (to be checked).
	From ledger.Date `json:"from,omitempty"`
	// Source is the text that sets the amount (the tariff's arrêté and its date); ""
	// when the reference does not give it (to be checked).
	Source string `json:"source,omitempty"`
	// Seen is where the amount was read when Source is not known: secondary sources,
	// not the text that sets it.
	Seen string `json:"seen,omitempty"`
}

// greffeIPTariffs are the fees of the greffe of a tribunal de commerce (or tribunal des
// activités économiques) for an injonction de payer request, latest last. legal-fr §6.1
// gives ≈ €35.21 incl. VAT from secondary sources only; the text fixing the current
// figure and its date are to be verified (the greffe tariffs were revised on 1 March
// 2024, the exact request fee is not given — legal-fr §12).
var greffeIPTariffs = []Tariff{
	{Amount: 3521, Seen: "lejournaldurecouvrement.fr, heropay.eu"},
}

// GreffeFeeIP returns the greffe fee of an injonction de payer request to a tribunal
// de commerce or des activités économiques in force on day (C. com. R743-140 ff., the
// greffiers' tariff): the latest tariff applying from day or before, or the undated one.
func GreffeFeeIP(day ledger.Date) Tariff {
	best := greffeIPTariffs[0]
	for _, t := range greffeIPTariffs[1:] {
		if !t.From.Valid() || t.From <= day {
			best = t
		}
	}
	return best
}

// Text writes the tariff the way a cost estimate shows it, in lang: « 35,21 € (tarif
// en vigueur au 01/03/2024, source : arrêté du …) », with « à vérifier » in place of
// what is not known.
func (t Tariff) Text(lang, currency string) string {
	return t.Amount.Format(lang, currency) + " (" + t.Mention(lang) + ")"
}

// Mention is what Text writes in brackets after the amount — the date and the source
// of the tariff — for a layout that shows the amount in a column of its own.
func (t Tariff) Mention(lang string) string {
	src := []string{"source", t.Source}
	switch {
	case t.Source == "" && t.Seen != "":
		src = []string{"source", Note{Key: "law.tariff.unverified_seen", Args: []string{"seen", t.Seen}}.Text(lang)}
	case t.Source == "":
		src = []string{"source_key", "law.tariff.unverified"}
	}
	if !t.From.Valid() {
		return Note{Key: "law.tariff.undated", Args: src}.Text(lang)
	}
	return Note{Key: "law.tariff.dated", Args: append([]string{"date", FormatDate(lang, t.From)}, src...)}.Text(lang)
}
