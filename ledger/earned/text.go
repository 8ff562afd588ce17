package earned

import (
	"strings"

	"github.com/shopspring/decimal"

	"relance/assets/i18n"
	"relance/ledger"
)

// Label is lever l in lang.
func (l Lever) Label(lang string) string { return i18n.T(lang, "earned.lever."+string(l)) }

// Num writes d in lang: the decimal comma in French.
func Num(lang string, d decimal.Decimal) string {
	s := d.String()
	if i18n.Norm(lang) == "fr" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// Lines says in lang, under the table, what the period collected, the DSO gained and
// what it is worth (or that a rate is wanted for that); date writes a date, money an
// amount, in the user's words.
func (r *Report) Lines(lang string, date func(ledger.Date) string, money func(ledger.Cents) string) []string {
	out := []string{i18n.T(lang, "earned.collected", "amount", money(r.Collected))}
	if r.Gained == nil {
		return append(out, i18n.T(lang, "earned.dso_undefined"))
	}
	key := "earned.dso_gained"
	if r.Gained.IsNegative() {
		key = "earned.dso_lost"
	}
	out = append(out, i18n.T(lang, key, "from", Num(lang, *r.DSOFrom), "from_date", date(r.From), "to", Num(lang, *r.DSOTo),
		"to_date", date(r.To), "days", Num(lang, r.Gained.Abs())), i18n.T(lang, "earned.daily_sales", "amount", money(r.DailySales)))
	if r.Value == nil {
		return append(out, i18n.T(lang, "earned.no_rate"))
	}
	if *r.Value < 0 {
		return append(out, i18n.T(lang, "earned.cost", "rate", Num(lang, *r.Rate), "amount", money(-*r.Value)))
	}
	return append(out, i18n.T(lang, "earned.value", "rate", Num(lang, *r.Rate), "amount", money(*r.Value)))
}
