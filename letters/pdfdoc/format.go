package pdfdoc

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"relance/assets/i18n"
	"relance/ledger"
)

// Money formats an amount in the document's language and currency: "1 234,56 €"
// (U+202F between thousands, no-break space before €) in French, "€1,234.56" in English.
func (d *Doc) Money(c ledger.Cents) string { return c.Format(d.lang, d.currency) }

// Date formats a date for tables: 23/11/2026 in French, 23 Nov 2026 in English.
func (d *Doc) Date(t ledger.Date) string { return FormatDate(d.lang, t) }

// LongDate formats a date in words: "23 novembre 2026", "23 November 2026".
func (d *Doc) LongDate(t ledger.Date) string { return FormatLongDate(d.lang, t) }

// T returns the catalogue text of key in the document's language.
func (d *Doc) T(key string, args ...string) string { return d.f.t(d.lang, key, args...) }

var (
	monthsFR = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
		"septembre", "octobre", "novembre", "décembre"}
	monthsEN = [...]string{"January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December"}
)

// FormatDate formats a date for tables: dd/mm/yyyy in French, "23 Nov 2026" in English;
// "" for no date.
func FormatDate(lang string, t ledger.Date) string {
	if !t.Valid() {
		return ""
	}
	if normLang(lang) == "fr" {
		return t.French()
	}
	y, m, day := t.YMD()
	return strconv.Itoa(day) + " " + monthsEN[m-1][:3] + " " + strconv.Itoa(y)
}

// FormatLongDate formats a date in words: "1er décembre 2026", "1 December 2026".
func FormatLongDate(lang string, t ledger.Date) string {
	if !t.Valid() {
		return ""
	}
	y, m, day := t.YMD()
	if normLang(lang) == "fr" {
		ds := strconv.Itoa(day)
		if day == 1 {
			ds = "1er"
		}
		return ds + " " + monthsFR[m-1] + " " + strconv.Itoa(y)
	}
	return strconv.Itoa(day) + " " + monthsEN[m-1] + " " + strconv.Itoa(y)
}

// Capital formats a share capital without cents when it is a whole amount.
func Capital(lang, currency string, c ledger.Cents) string {
	s := c.Format(lang, currency)
	if c%100 != 0 {
		return s
	}
	if normLang(lang) == "fr" {
		return strings.Replace(s, ",00", "", 1)
	}
	return strings.Replace(s, ".00", "", 1)
}

// GroupSIREN writes a SIREN as 3 groups of 3 digits ("552 100 554"), as registries print it.
func GroupSIREN(s string) string {
	if len(s) != 9 {
		return s
	}
	return s[:3] + "\u00a0" + s[3:6] + "\u00a0" + s[6:]
}

// LegalLine returns the company's mentions required on its business letters and
// documents (C. com. R123-237 and R123-238): name, legal form and share capital, RCS
// city and SIREN, registered office; plus the VAT number.
func LegalLine(lang, currency string, c *ledger.Company) string {
	return legalLine(lang, currency, c, i18n.T)
}

// legalLine is LegalLine with the catalogue texts from t.
func legalLine(lang, currency string, c *ledger.Company, t func(lang, key string, args ...string) string) string {
	var parts []string
	name := c.Name
	if c.LegalForm != "" && !strings.Contains(name, c.LegalForm) {
		name += " " + c.LegalForm
	}
	parts = append(parts, name)
	if c.LegalForm != "" && c.Capital > 0 {
		parts = append(parts, t(lang, "pdf.legal.capital", "form", c.LegalForm,
			"amount", Capital(lang, currency, c.Capital)))
	}
	if c.SIREN != "" {
		rcs := "RCS " + strings.TrimSpace(strings.TrimPrefix(c.RCSCity, "RCS")) + " " + GroupSIREN(c.SIREN)
		parts = append(parts, strings.Replace(rcs, "  ", " ", 1))
	}
	if a := c.Address.OneLine(); a != "" {
		parts = append(parts, t(lang, "pdf.legal.office", "address", a))
	}
	if c.VATNumber != "" {
		parts = append(parts, t(lang, "pdf.legal.vat", "value", c.VATNumber))
	}
	return strings.Join(parts, " – ")
}

// Percent writes a rate in the document's language: "12,15 %" (French, no-break space)
// or "12.15%".
func (d *Doc) Percent(rate decimal.Decimal) string {
	s := rate.StringFixed(2)
	if d.lang == "fr" {
		return strings.Replace(s, ".", ",", 1) + "\u00a0%"
	}
	return s + "%"
}
