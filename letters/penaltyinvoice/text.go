package penaltyinvoice

import (
	"strconv"
	"strings"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/law"
	"relance/letters/pdfdoc"
)

// text writes the sentences of a penalty invoice in one language: the PDF prints them
// and the archive keeps them as the document's text.
type text struct{ lang, currency string }

// T translates key.
func (t text) T(key string, args ...string) string { return i18n.T(t.lang, key, args...) }

func (t text) money(c ledger.Cents) string { return c.Format(t.lang, t.currency) }

func (t text) date(d ledger.Date) string { return pdfdoc.FormatDate(t.lang, d) }

// subject is the document's title with its number.
func (t text) subject(pi *law.PenaltyInvoice) string {
	if pi.Number == "" {
		return t.T("penaltyinv.title")
	}
	return t.T("penaltyinv.subject", "number", pi.Number)
}

// basis says on what ground the sums are claimed, by the debtor's regime.
func (t text) basis(d law.Debtor) string { return t.T("penaltyinv.basis." + d.String()) }

// invoiceLine sums up one invoice billed: its payments and what they owe.
func (t text) invoiceLine(b *law.BilledInvoice) string {
	pays := make([]string, len(b.Payments))
	for i, p := range b.Payments {
		pays[i] = t.T("penaltyinv.paid_on", "amount", t.money(p.Amount), "date", t.date(p.Date),
			"days", strconv.Itoa(p.Date.DaysSince(b.Start)))
	}
	return t.T("penaltyinv.line", "invoice", b.Number, "date", t.date(b.DocDate), "due", t.date(b.Due),
		"amount", t.money(b.Amount), "payments", strings.Join(pays, ", "), "interest", t.money(b.Interest),
		"indemnity", t.money(b.Indemnity))
}

// total states the sum claimed.
func (t text) total(pi *law.PenaltyInvoice) string {
	return t.T("penaltyinv.total_text", "total", t.money(pi.Total), "interest", t.money(pi.Interest),
		"indemnity", t.money(pi.Indemnity))
}

// terms are the payment terms: on receipt, by transfer to the creditor's account when
// the settings give it, quoting the number.
func (t text) terms(pi *law.PenaltyInvoice, co *ledger.Company) string {
	if iban := strings.TrimSpace(co.IBAN); iban != "" {
		bank := t.T("penaltyinv.iban", "iban", iban)
		if bic := strings.TrimSpace(co.BIC); bic != "" {
			bank = t.T("penaltyinv.iban_bic", "iban", iban, "bic", bic)
		}
		return t.T("penaltyinv.terms_iban", "number", pi.Number, "bank", bank)
	}
	return t.T("penaltyinv.terms", "number", pi.Number, "company", co.Name)
}

// period says which payments the invoice bills when it was given bounds; "" otherwise.
func (t text) period(pi *law.PenaltyInvoice) string {
	switch {
	case pi.From.Valid() && pi.To.Valid():
		return t.T("penaltyinv.period_from_to", "from", t.date(pi.From), "to", t.date(pi.To))
	case pi.From.Valid():
		return t.T("penaltyinv.period_from", "from", t.date(pi.From))
	case pi.To.Valid():
		return t.T("penaltyinv.period_to", "to", t.date(pi.To))
	}
	return ""
}
