package latereport

import (
	"strconv"
	"strings"

	"relance/assets/i18n"
	"relance/ledger"
)

// The words of the table, one place for the command line, the PDF, the workbook and the
// window: the column titles, the row labels of sections (A), (B) and (C), and the notes
// under the table.

// Date formats a date for people: DD/MM/YYYY in French, YYYY-MM-DD in English.
func Date(lang string, d ledger.Date) string {
	if i18n.Norm(lang) == "en" {
		return d.String()
	}
	return d.French()
}

// Title is the report's title.
func Title(lang string) string { return i18n.T(lang, "latereport.title") }

// Subtitle names the law, the financial year and the basis of the amounts.
func (r *Report) Subtitle(lang string) string {
	return i18n.T(lang, "latereport.subtitle", "from", Date(lang, r.YearStart), "to", Date(lang, r.Closing), "currency", r.Currency)
}

// Labels are the words of the table in one language: the columns' titles and the rows'
// labels, in the order of the model.
type Labels struct {
	// Columns are the brackets' titles, then the total's.
	Columns []string
	// Section (A) and its rows: number, amount, share of the turnover.
	SectionA, Count, Amount, Share string
	// Section (B) and its rows: number and amount of the excluded invoices.
	SectionB, ExclCount, ExclAmount string
	// Section (C) and its two lines: contractual and legal terms.
	SectionC, Contractual, Legal string
}

// LabelsFor returns the table's words in lang.
func LabelsFor(lang string) Labels {
	t := func(key string) string { return i18n.T(lang, key) }
	var cols []string
	for _, b := range Brackets() {
		if b.To == 0 {
			cols = append(cols, i18n.T(lang, "latereport.col.over", "from", strconv.Itoa(b.From)))
		} else {
			cols = append(cols, i18n.T(lang, "latereport.col.range", "from", strconv.Itoa(b.From), "to", strconv.Itoa(b.To)))
		}
	}
	return Labels{Columns: append(cols, t("latereport.col.total")),
		SectionA: t("latereport.a"), Count: t("latereport.a.count"), Amount: t("latereport.a.amount"), Share: t("latereport.a.share"),
		SectionB: t("latereport.b"), ExclCount: t("latereport.b.count"), ExclAmount: t("latereport.b.amount"),
		SectionC: t("latereport.c"), Contractual: t("latereport.c.contractual_label"), Legal: t("latereport.c.legal_label")}
}

// ShareText is part as a percentage of the turnover, "1,23 %" in French and "1.23%" in
// English, or the "not available" mark when the turnover is unknown.
func (r *Report) ShareText(lang string, part ledger.Cents) string {
	h, ok := r.Share(part)
	if !ok {
		return i18n.T(lang, "latereport.na")
	}
	neg := h < 0
	if neg {
		h = -h
	}
	s := strconv.FormatInt(h/100, 10)
	frac := strconv.FormatInt(h%100, 10)
	if len(frac) < 2 {
		frac = "0" + frac
	}
	if neg {
		s = "-" + s
	}
	if i18n.Norm(lang) == "en" {
		return s + "." + frac + "%"
	}
	return s + "," + frac + "\u00a0%"
}

// ShareDecimal is part / turnover as a decimal fraction string ("0.012345", six
// decimals) for a spreadsheet's percentage cell; "" when the turnover is unknown.
func (r *Report) ShareDecimal(part ledger.Cents) string {
	if r.Turnover <= 0 {
		return ""
	}
	return part.Decimal().Div(r.Turnover.Decimal()).Round(6).String()
}

// TermsText says payment terms in words: "30 jours nets", "45 jours fin de mois",
// "fin de mois + 45 jours".
func TermsText(lang string, t ledger.Terms) string {
	days := strconv.Itoa(t.Days)
	switch t.EOM {
	case ledger.DaysThenEOM:
		return i18n.T(lang, "latereport.terms.days_eom", "days", days)
	case ledger.EOMThenDays:
		return i18n.T(lang, "latereport.terms.eom_days", "days", days)
	}
	return i18n.T(lang, "latereport.terms.net", "days", days)
}

// Contractual is line (C) "contractual terms": lateness is measured from the due dates of
// the invoices, which follow from the dossier's terms and the customers' own.
func (r *Report) Contractual(lang string) string {
	s := i18n.T(lang, "latereport.c.contractual", "terms", TermsText(lang, r.Terms.Default))
	if len(r.Terms.Specific) > 0 {
		var parts []string
		for _, tc := range r.Terms.Specific {
			parts = append(parts, i18n.T(lang, "latereport.c.specific_one", "terms", TermsText(lang, tc.Terms), "n", strconv.Itoa(tc.Customers)))
		}
		s += " " + i18n.T(lang, "latereport.c.specific", "list", strings.Join(parts, ", "))
	}
	if r.Terms.OverCap > 0 {
		s += " " + i18n.T(lang, "latereport.c.overcap", "n", strconv.Itoa(r.Terms.OverCap))
	}
	return s
}

// Legal is line (C) "legal terms": not used for the lateness, the statutory cap recalled.
func (r *Report) Legal(lang string) string { return i18n.T(lang, "latereport.c.legal") }

// TurnoverText says the turnover and where it comes from.
func (r *Report) TurnoverText(lang string) string {
	money := r.Turnover.Format(i18n.Norm(lang), r.Currency)
	switch r.TurnoverSource {
	case TurnoverGiven:
		return i18n.T(lang, "latereport.note.turnover_given", "amount", money)
	case TurnoverBook:
		return i18n.T(lang, "latereport.note.turnover_book", "amount", money, "from", Date(lang, r.YearStart), "to", Date(lang, r.Closing))
	}
	if r.BookStart.Valid() && r.BookStart > r.YearStart {
		return i18n.T(lang, "latereport.note.turnover_short", "start", Date(lang, r.BookStart), "from", Date(lang, r.YearStart))
	}
	return i18n.T(lang, "latereport.note.turnover_none", "from", Date(lang, r.YearStart), "to", Date(lang, r.Closing))
}

// Notes are the lines printed under the table: the amounts' basis, the turnover, what
// (B) holds, and the past-due debits that are not invoices.
func (r *Report) Notes(lang string) []string {
	out := []string{i18n.T(lang, "latereport.note.amounts", "date", Date(lang, r.Closing)), r.TurnoverText(lang),
		i18n.T(lang, "latereport.note.excluded")}
	if r.OtherCount > 0 {
		out = append(out, i18n.T(lang, "latereport.note.other", "n", strconv.Itoa(r.OtherCount),
			"amount", r.Other.Format(i18n.Norm(lang), r.Currency)))
	}
	return out
}

// AmountText formats an amount for the table: "1 234,56 €" in French.
func (r *Report) AmountText(lang string, c ledger.Cents) string {
	return c.Format(i18n.Norm(lang), r.Currency)
}
