// Package chequeletter writes the letter to the drawer of an unpaid cheque: a formal
// notice (C. civ. 1344) that names the cheque, the bank's rejection and the invoices it
// was meant to pay, asks for the sum by a date, and says what comes next under CMF
// L131-73 — the certificat de non-paiement, its service by a commissaire de justice
// worth a commandement de payer, the enforceable title after fifteen days, every cost
// borne by the drawer — worded for where the procedure stands. The letter is a
// compose.Letter: letterpdf draws it, the letter checker reads it, the archive freezes
// it.
package chequeletter

import (
	"strings"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/cheque"
	"relance/ledger/credit"
	"relance/ledger/law"
	"relance/letters/compose"
	"relance/letters/pdfdoc"
	"relance/letters/templates"
)

// Stage is the archive's stage of the letter to the drawer.
const Stage templates.Stage = "cheque"

// DeadlineDays is the time the letter gives the drawer to pay: fifteen days, as the
// app's formal notices (the check engine asks a formal notice for at least eight).
const DeadlineDays = 15

// Build writes the letter to the drawer of cheque c, a cheque of acct's customer, dated
// date, in lang ("": the customer's language). The invoices the cheque was meant to pay
// are listed with what remains open on them at date.
func Build(book *ledger.Book, acct *ledger.Account, c *cheque.Cheque, date ledger.Date, lang string) (*compose.Letter, error) {
	if acct == nil || acct.Customer.ID != c.Customer {
		return nil, &ledger.Problem{Key: "letters.err.customer", Args: []string{"value", c.Customer}}
	}
	if !date.Valid() {
		return nil, &ledger.Problem{Key: "letters.err.date"}
	}
	cust := &acct.Customer
	if lang == "" {
		lang = cust.Language()
	}
	if lang != "fr" && lang != "en" {
		return nil, &ledger.Problem{Key: "letters.err.lang", Args: []string{"value", lang}}
	}
	s := book.Settings.Normalize()
	w := writer{lang: lang, currency: s.Currency}
	salutation, named := compose.Salutation(cust, lang)
	l := &compose.Letter{Stage: Stage, Lang: lang, Template: string(Stage) + "." + lang, Specific: true, Channel: templates.LRAR,
		Date: date, Deadline: date.AddDays(DeadlineDays), Customer: cust.ID, CustomerName: cust.Name, Debtor: law.DebtorOf(cust),
		Company: s.Company, Signatory: s.Signatory, Currency: s.Currency, Country: s.Country, Place: s.Company.Address.City,
		Reference: c.ID, Subject: w.t("cheque.letter.subject", "number", c.Number),
		Salutation: salutation + ",", ItemIDs: []string{}, Invoices: []compose.Line{}}
	l.AddressTo(cust, s.Country)
	invoices(l, acct, c, date)
	l.Totals.Claimed = c.Amount
	if n := len(l.Invoices); n > 0 { // the subject quotes the invoices, as every reminder's
		nums := make([]string, n)
		for i, ln := range l.Invoices {
			nums[i] = ln.Number
		}
		word := w.t("cheque.letter.invoice_one")
		if n > 1 {
			word = w.t("cheque.letter.invoice_many")
		}
		l.Subject = w.t("cheque.letter.subject_invoices", "number", c.Number, "n", word, "list", strings.Join(nums, ", "))
	}
	para := func(p string) {
		if p != "" {
			l.Body = append(l.Body, compose.Block{Text: p})
		}
	}
	para(w.returned(c, len(l.Invoices)))
	if len(l.Invoices) > 0 {
		l.Body = append(l.Body, compose.Block{Table: true})
	}
	if d := c.LastRepresented(); d.Valid() {
		para(w.t("cheque.letter.represented", "date", w.long(d)))
	}
	para(w.t("cheque.letter.demand", "amount", w.money(c.Amount), "deadline", w.long(l.Deadline)))
	para(w.procedure(c, date))
	switch l.Debtor {
	case law.DebtorB2B:
		switch len(l.Invoices) { // C. com. L441-10 II, D441-5: the invoices are still late
		case 0:
		case 1:
			para(w.t("cheque.letter.pro_one"))
		default:
			para(w.t("cheque.letter.pro"))
		}
	case law.DebtorConsumer:
		para(w.t("cheque.letter.consumer")) // C. civ. 1231-6, 1344-1
	}
	para(w.t("cheque.letter.notice"))
	if s.Company.IBAN != "" {
		para(w.t("cheque.letter.iban", "iban", s.Company.IBAN, "ref", c.ID))
	}
	contact := w.t("cheque.letter.disregard")
	if sg := s.Signatory; sg.Name != "" {
		switch {
		case sg.Phone != "" && sg.Email != "":
			contact += " " + w.t("cheque.letter.contact", "name", sg.Name, "phone", sg.Phone, "email", sg.Email)
		case sg.Phone != "" || sg.Email != "":
			contact += " " + w.t("cheque.letter.contact_one", "name", sg.Name, "how", sg.Phone+sg.Email)
		}
	}
	para(contact)
	l.Closing = w.t("cheque.letter.closing", "salutation", salutation)
	if lang == "en" {
		l.Closing = w.t("cheque.letter.closing_faithfully")
		if named {
			l.Closing = w.t("cheque.letter.closing_sincerely")
		}
	}
	return l, nil
}

// invoices lists the invoices cheque c was meant to pay, with what remains open on them
// at date (all of them: the cheque did not pay them), oldest due first.
func invoices(l *compose.Letter, acct *ledger.Account, c *cheque.Cheque, date ledger.Date) {
	open := map[string]credit.OpenItem{}
	for _, o := range credit.OpenAt(acct, date) {
		open[o.ID] = o
	}
	for _, id := range c.Invoices {
		var it *ledger.Item
		for i := range acct.Items {
			if acct.Items[i].ID == id {
				it = &acct.Items[i]
			}
		}
		if it == nil {
			continue
		}
		o, isOpen := open[id]
		rest := ledger.Cents(0)
		if isOpen {
			rest = o.OpenAt
		}
		n := it.Number
		if n == "" {
			n = it.ID
		}
		ln := compose.Line{ItemID: it.ID, Number: n, DocDate: it.DocDate, DueDate: it.DueDate, Amount: it.Amount,
			Paid: it.Amount - rest, Remaining: rest}
		if it.DueDate.Valid() && date > it.DueDate {
			ln.DaysLate = date.DaysSince(it.DueDate)
		}
		l.Invoices = append(l.Invoices, ln)
		l.ItemIDs = append(l.ItemIDs, it.ID)
		l.Totals.Amount += ln.Amount
		l.Totals.Paid += ln.Paid
		l.Totals.Remaining += ln.Remaining
	}
}

// writer words the letter in its language.
type writer struct{ lang, currency string }

func (w writer) t(key string, args ...string) string { return i18n.T(w.lang, key, args...) }
func (w writer) long(d ledger.Date) string           { return pdfdoc.FormatLongDate(w.lang, d) }
func (w writer) money(c ledger.Cents) string         { return c.Format(w.lang, w.currency) }

// returned is the opening paragraph: the cheque, its bank and date, what it was to pay,
// and the bank's rejection with its reason.
func (w writer) returned(c *cheque.Cheque, invoices int) string {
	var desc []string
	if b := strings.TrimSpace(c.Bank); b != "" {
		desc = append(desc, w.t("cheque.letter.bank", "bank", b))
	}
	if c.Written.Valid() {
		desc = append(desc, w.t("cheque.letter.written", "date", w.long(c.Written)))
	}
	what := "cheque.letter.for_account"
	switch {
	case invoices == 1:
		what = "cheque.letter.for_invoice"
	case invoices > 1:
		what = "cheque.letter.for_invoices"
	}
	head := w.t("cheque.letter.cheque", "number", c.Number, "amount", w.money(c.Amount))
	if len(desc) > 0 {
		head += ", " + strings.Join(desc, ", ")
	}
	return w.t("cheque.letter.returned", "cheque", head, "what", w.t(what), "date", w.long(c.Rejected),
		"reason", strings.ToLower(w.t("cheque.reason."+string(c.Reason))))
}

// procedure says what follows a payment not made by the deadline, from where the
// procedure stands at date (CMF L131-73): the certificate to ask (from its first day)
// or, asked or obtained, to have served, and then the effects of the service; or the service
// done and the title to come.
func (w writer) procedure(c *cheque.Cheque, date ledger.Date) string {
	var first string
	switch {
	case c.Served.Valid():
		return w.t("cheque.letter.law_served", "date", w.long(c.Served))
	case c.CertObtained.Valid():
		first = w.t("cheque.letter.law_obtained", "date", w.long(c.CertObtained))
	case c.CertRequested.Valid():
		first = w.t("cheque.letter.law_requested", "date", w.long(c.CertRequested))
	case cheque.CertificateFrom(c.Presented) > date:
		first = w.t("cheque.letter.law_before", "date", w.long(cheque.CertificateFrom(c.Presented)))
	default:
		first = w.t("cheque.letter.law_now")
	}
	return first + " " + w.t("cheque.letter.effects")
}
