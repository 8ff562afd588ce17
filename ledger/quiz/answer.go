package quiz

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"relance/assets/i18n"
	"relance/ledger"
)

// question renders the item in lang, without its answer.
func (it *item) question(lang string) Question {
	args := make([]string, 0, 2*len(it.params))
	for _, p := range it.params {
		args = append(args, p.name, format(lang, p.v))
	}
	q := Question{ID: it.id, Module: it.module, Kind: it.kind, Text: i18n.T(lang, "quiz.q."+it.id, args...)}
	for c := 1; c <= it.choices; c++ {
		q.Choices = append(q.Choices, i18n.T(lang, "quiz.q."+it.id+".c"+strconv.Itoa(c), args...))
	}
	switch it.kind {
	case Number:
		q.Hint = i18n.T(lang, "quiz.hint.number", "places", strconv.Itoa(int(it.places)))
	default:
		q.Hint = i18n.T(lang, "quiz.hint."+string(it.kind))
	}
	return q
}

// why is how the right answer is found in lang: an article, or a formula in words.
func (it *item) why(lang string) string {
	if strings.HasPrefix(it.rule, "quiz.") {
		return i18n.T(lang, it.rule)
	}
	return it.rule
}

// rightText is the right answer in lang's words.
func (it *item) rightText(lang string) string {
	switch it.kind {
	case Choice:
		return strconv.Itoa(it.right) + ". " + i18n.T(lang, "quiz.q."+it.id+".c"+strconv.Itoa(it.right))
	case Amount:
		return it.amount.Format(lang, "EUR")
	case Number:
		return format(lang, it.number.Round(it.places))
	}
	return format(lang, it.date)
}

// check reports whether answer is the item's right answer, read in lang: a choice by
// its number, an amount to the cent (« 1 234,56 € », « 1234.56 »), a number once
// rounded as the question asks, a date as DD/MM/YYYY or YYYY-MM-DD.
func (it *item) check(lang, answer string) bool {
	s := strings.TrimSpace(answer)
	if s == "" {
		return false
	}
	switch it.kind {
	case Choice:
		n, err := strconv.Atoi(strings.TrimSuffix(s, "."))
		return err == nil && n == it.right
	case Amount:
		d, ok := readNumber(lang, s)
		return ok && d.Round(2).Equal(it.amount.Decimal())
	case Number:
		d, ok := readNumber(lang, s)
		return ok && d.Round(it.places).Equal(it.number.Round(it.places))
	}
	d, err := ledger.ParseFrenchDate(s)
	if err != nil {
		d, err = ledger.ParseDate(s)
	}
	return err == nil && d == it.date
}

// readNumber reads a number as people write it: spaces between thousands, a decimal
// comma in French (a point is read too), a currency sign, a percent sign or « jours ».
func readNumber(lang, s string) (decimal.Decimal, bool) {
	s = strings.ToLower(s)
	for _, cut := range []string{"€", "eur", "%", "jours", "jour", "days", "day", "j", "\u202f", "\u00a0", " "} {
		s = strings.ReplaceAll(s, cut, "")
	}
	comma, point := strings.LastIndex(s, ","), strings.LastIndex(s, ".")
	switch {
	case comma >= 0 && point >= 0: // the last mark is the decimal one
		if comma > point {
			s = strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", ".")
		} else {
			s = strings.ReplaceAll(s, ",", "")
		}
	case comma >= 0:
		if lang == "en" && strings.Count(s, ",") >= 1 && len(s)-comma == 4 {
			s = strings.ReplaceAll(s, ",", "") // 1,234 in English
		} else {
			s = strings.ReplaceAll(s, ",", ".")
		}
	case strings.Count(s, ".") > 1:
		s = strings.ReplaceAll(s, ".", "") // 1.234.567
	}
	d, err := decimal.NewFromString(s)
	return d, err == nil
}

// format writes a figure in lang: an amount in euros, a date (DD/MM/YYYY in French,
// « 4 Dec 2026 » in English), a number with the language's decimal mark.
func format(lang string, v any) string {
	switch x := v.(type) {
	case ledger.Cents:
		return x.Format(lang, "EUR")
	case ledger.Date:
		if lang == "en" {
			return x.Time().Format("2 Jan 2006")
		}
		return x.French()
	case decimal.Decimal:
		if lang == "en" {
			return x.String()
		}
		return strings.ReplaceAll(x.String(), ".", ",")
	case int:
		return strconv.Itoa(x)
	case string:
		return x
	}
	return ""
}
