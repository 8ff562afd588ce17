// Package overindebtpdf prints the letter a creditor sends to the secretariat of the
// commission de surendettement about a consumer customer's file: the declaration and
// justification of its claim (C. consom. R723-3:
// within 30 days of the notification of the état du passif, else the claim is taken at
// the debtor's figures). It claims the principal only — the invoices still open, less
// the credits — and says that no interest or late penalty is added (C. consom. L722-14
// [to verify]). The figures come from ledger/overindebt (BuildClaim); the PDF and the
// archive's record are written from the same sentences (letterText).
package overindebtpdf

import (
	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/overindebt"
	"relance/letters/pdfdoc"
)

// writer resolves the letter's words in one language and currency.
type writer struct{ lang, currency string }

func (w writer) t(key string, args ...string) string { return i18n.T(w.lang, key, args...) }
func (w writer) date(d ledger.Date) string           { return pdfdoc.FormatDate(w.lang, d) }
func (w writer) long(d ledger.Date) string           { return pdfdoc.FormatLongDate(w.lang, d) }
func (w writer) money(c ledger.Cents) string         { return c.Format(w.lang, w.currency) }

// letterText is the letter's sentences in its language: draw prints them and Record
// archives the same words.
type letterText struct {
	object, salutation, intro, figure, noPenalty, docs, deadline, closing string
	// the table's column titles and its total row's label
	cols      [5]string
	total     string
	summary   [][2]string // credits and total declared, when there are credits
	reference string      // the file's reference and our account, under the address
}

// newText resolves the sentences of claim c of acct.
func newText(w writer, acct *ledger.Account, c *overindebt.Claim) letterText {
	k := c.Case
	debtor := acct.Customer.Name
	lt := letterText{
		object:     w.t("overindebt.pdf.object", "debtor", debtor),
		salutation: w.t("overindebt.pdf.salutation"),
		noPenalty:  w.t("overindebt.pdf.no_penalty"),
		docs:       w.t("overindebt.pdf.docs"),
		closing:    w.t("overindebt.pdf.closing"),
		cols: [5]string{w.t("overindebt.pdf.col.number"), w.t("overindebt.pdf.col.date"), w.t("overindebt.pdf.col.due"),
			w.t("overindebt.pdf.col.amount"), w.t("overindebt.pdf.col.open")},
		total: w.t("overindebt.pdf.total"),
	}
	if k.Ref != "" {
		lt.object = w.t("overindebt.pdf.object_ref", "debtor", debtor, "ref", k.Ref)
		lt.reference = w.t("overindebt.pdf.reference", "ref", k.Ref, "account", acct.Customer.ID)
	} else {
		lt.reference = w.t("overindebt.pdf.account", "account", acct.Customer.ID)
	}
	switch {
	case k.Notified.Valid() && k.Notified <= c.AsOf:
		lt.intro = w.t("overindebt.pdf.intro_notified", "notified", w.long(k.Notified), "admitted", w.long(k.Admitted),
			"debtor", debtor, "total", w.money(c.Total))
	case k.Admitted.Valid() && k.Admitted <= c.AsOf:
		lt.intro = w.t("overindebt.pdf.intro_admitted", "admitted", w.long(k.Admitted), "debtor", debtor, "total", w.money(c.Total))
	default:
		lt.intro = w.t("overindebt.pdf.intro_filed", "filed", w.long(k.Filed), "debtor", debtor, "total", w.money(c.Total))
	}
	switch {
	case k.DebtorAmount <= 0:
	case c.Difference == 0:
		lt.figure = w.t("overindebt.pdf.figure_same", "amount", w.money(k.DebtorAmount))
	default:
		lt.figure = w.t("overindebt.pdf.figure_differs", "amount", w.money(k.DebtorAmount), "total", w.money(c.Total),
			"difference", w.money(c.Difference))
	}
	if c.Credits != 0 {
		lt.summary = [][2]string{{w.t("overindebt.pdf.sum.invoiced"), w.money(c.Invoiced)},
			{w.t("overindebt.pdf.sum.credits"), w.money(c.Credits)}, {w.t("overindebt.pdf.sum.total"), w.money(c.Total)}}
	}
	if dl, ok := k.At(c.AsOf).Find(overindebt.DeadlineJustify); ok && !dl.Passed() {
		lt.deadline = w.t("overindebt.pdf.deadline", "date", w.long(dl.Date))
	}
	return lt
}
