// Package depositletter writes the deposit request (« demande d'acompte »): the letter
// that tells a customer its order will be processed once a deposit is received, with
// the justification — the share of the order its class of risk pays in advance, the
// deliveries on hold, the part of the order over its credit limit or over the cover of
// its guarantees, the invoices past due — and how to pay. It is not a reminder: it
// asks for money not yet due, so it is courteous, cites no penalty and threatens
// nothing. The letter is a compose.Letter: letterpdf draws it, the letter checker
// reads it, the archive freezes it.
package depositletter

import (
	"strconv"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/contract"
	"relance/ledger/law"
	"relance/letters/compose"
	"relance/letters/pdfdoc"
	"relance/letters/templates"
)

// Stage is the archive's stage of the deposit request.
const Stage templates.Stage = "deposit"

// DeadlineDays is the time the letter gives to pay the deposit for the order to go as
// planned.
const DeadlineDays = 8

// Request is what the letter asks: the deposit on an order and why.
type Request struct {
	Ref     string // the customer's order reference ("" when none)
	Check   contract.OrderCheck
	Overdue ledger.Cents // what the customer owes past due, to settle too
}

// Build writes the deposit request of r to acct's customer, dated date, in lang (""
// the customer's language).
func Build(book *ledger.Book, acct *ledger.Account, r Request, date ledger.Date, lang string) (*compose.Letter, error) {
	if acct == nil {
		return nil, &ledger.Problem{Key: "letters.err.customer", Args: []string{"value", ""}}
	}
	if !date.Valid() {
		return nil, &ledger.Problem{Key: "letters.err.date"}
	}
	if r.Check.Deposit <= 0 {
		return nil, &ledger.Problem{Key: "order.err.no_deposit", Args: []string{"customer", acct.Customer.Name}}
	}
	cust := &acct.Customer
	if lang == "" {
		lang = cust.Language()
	}
	if lang != "fr" && lang != "en" {
		return nil, &ledger.Problem{Key: "letters.err.lang", Args: []string{"value", lang}}
	}
	s := book.Settings.Normalize()
	t := func(k string, args ...string) string { return i18n.T(lang, k, args...) }
	money := func(c ledger.Cents) string { return c.Format(lang, s.Currency) }
	salutation, named := compose.Salutation(cust, lang)
	order := t("order.letter.order_noref", "amount", money(r.Check.Amount))
	if r.Ref != "" {
		order = t("order.letter.order_ref", "ref", r.Ref, "amount", money(r.Check.Amount))
	}
	l := &compose.Letter{Stage: Stage, Lang: lang, Template: string(Stage) + "." + lang, Specific: true, Channel: templates.Letter,
		Date: date, Customer: cust.ID, CustomerName: cust.Name, Debtor: law.DebtorOf(cust),
		Company: s.Company, Signatory: s.Signatory, Currency: s.Currency, Country: s.Country, Place: s.Company.Address.City,
		Reference: r.Ref, Subject: t("order.letter.subject", "order", order),
		Salutation: salutation + ",", ItemIDs: []string{}, Invoices: []compose.Line{}}
	l.AddressTo(cust, s.Country)
	para := func(p string) { l.Body = append(l.Body, compose.Block{Text: p}) }
	para(t("order.letter.thanks", "order", order))
	l.Deadline = date.AddDays(DeadlineDays)
	para(t("order.letter.ask", "deposit", money(r.Check.Deposit), "pct", strconv.Itoa(r.Check.Pct),
		"deadline", pdfdoc.FormatLongDate(lang, l.Deadline)))
	for _, f := range r.Check.Reasons {
		if f.Key != "overdue" { // its own paragraph below
			para("– " + contract.ReasonText(f, lang, money))
		}
	}
	if r.Overdue > 0 {
		para(t("order.letter.overdue", "amount", money(r.Overdue)))
	}
	if s.Company.IBAN != "" {
		ref := r.Ref
		if ref == "" {
			ref = cust.ID
		}
		para(t("order.letter.iban", "iban", s.Company.IBAN, "ref", ref))
	}
	para(t("order.letter.processed"))
	contact := t("order.letter.questions")
	if sg := s.Signatory; sg.Name != "" && (sg.Phone != "" || sg.Email != "") {
		contact += " " + t("order.letter.contact", "name", sg.Name, "how", joinNonEmpty(sg.Phone, sg.Email))
	}
	para(contact)
	l.Closing = t("order.letter.closing", "salutation", salutation)
	if lang == "en" { // no salutation repeated in an English closing
		l.Closing = t("order.letter.closing_faithfully")
		if named {
			l.Closing = t("order.letter.closing_sincerely")
		}
	}
	return l, nil
}

func joinNonEmpty(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + ", " + b
}
