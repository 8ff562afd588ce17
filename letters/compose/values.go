package compose

import (
	"strings"

	"github.com/shopspring/decimal"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/law"
	"relance/letters/pdfdoc"
	"relance/letters/templates"
)

// fixedIndemnity is the fixed compensation for recovery costs per invoice paid late:
// C. com. L441-10 II and D441-5 (business debtors), C. commande publique L2192-13 and
// D2192-35 (public purchasers). Never owed by a consumer.
const fixedIndemnity ledger.Cents = 4000

type merger struct {
	l     *Letter
	in    *Input
	tpl   *templates.Template
	rates *law.Rates
	v     templates.Values
	cause error // why a legal figure is missing (rates not published yet…)
}

func newMerger(l *Letter, in *Input, tpl *templates.Template, rates *law.Rates) *merger {
	return &merger{l: l, in: in, tpl: tpl, rates: rates,
		v: templates.Values{Fields: map[string]string{}, Conds: map[string]bool{}, Count: len(l.Invoices)}}
}

func (m *merger) money(c ledger.Cents) string { return c.Format(m.l.Lang, m.l.Currency) }
func (m *merger) date(d ledger.Date) string   { return pdfdoc.FormatLongDate(m.l.Lang, d) }
func (m *merger) t(key string, args ...string) string {
	return i18n.T(m.l.Lang, key, args...)
}

// percent formats a rate: "12,15 %" (no-break space) in French, "12.15%" in English.
func (m *merger) percent(d decimal.Decimal) string {
	s := d.StringFixed(2)
	if m.l.Lang == "fr" {
		return strings.Replace(s, ".", ",", 1) + "\u00a0%"
	}
	return s + "%"
}

func (m *merger) set(name, value string) {
	if value != "" {
		m.v.Fields[name] = value
	}
}

// fill computes every field and condition the letter can offer.
func (m *merger) fill() {
	l, in, s := m.l, m.in, &m.in.Settings
	c := &in.Account.Customer
	m.set("client.nom", c.Name)
	m.set("client.numero", c.ID)
	if len(l.Recipient) > 1 {
		m.set("client.adresse", strings.Join(l.Recipient[1:], ", "))
	}
	if len(c.Contacts) > 0 {
		m.set("client.contact", c.Contacts[0].Name)
	}
	appel, named := Salutation(c, l.Lang)
	m.set("appel", appel)
	yours := "Yours faithfully"
	if named {
		yours = "Yours sincerely" // a named person (letter-rules: salutation and closing agree)
	}
	m.set("formule.finale", yours)
	var nums, list []string
	for _, ln := range l.Invoices {
		nums = append(nums, ln.Number)
		list = append(list, m.t("letters.invoice_line", "number", ln.Number, "date", pdfdoc.FormatDate(l.Lang, ln.DocDate),
			"amount", m.money(ln.Remaining), "due", pdfdoc.FormatDate(l.Lang, ln.DueDate)))
	}
	m.set("factures.numeros", m.joinShort(nums))
	m.set("factures.liste", m.join(list))
	m.set("factures.tableau", "{factures.tableau}")
	m.set("factures.nombre", itoa(len(l.Invoices)))
	first := l.Invoices[0]
	m.set("facture.numero", first.Number)
	m.set("facture.date", m.date(first.DocDate))
	m.set("facture.echeance", m.date(first.DueDate))
	m.set("facture.montant", m.money(first.Amount))
	m.set("total.factures", m.money(l.Totals.Amount))
	m.set("total.regle", m.money(l.Totals.Paid))
	m.set("total.du", m.money(l.Totals.Remaining))
	late := 0
	for _, ln := range l.Invoices {
		late = max(late, ln.DaysLate)
	}
	m.set("retard.jours", itoa(late))
	m.set("date.lettre", m.date(l.Date))
	m.set("lieu", l.Place)
	m.set("reference", l.Reference)
	m.set("societe.nom", s.Company.Name)
	m.set("societe.telephone", s.Company.Phone)
	m.set("societe.iban", s.Company.IBAN)
	m.set("societe.bic", s.Company.BIC)
	m.set("signataire", s.Signatory.Name)
	m.set("signataire.titre", s.Signatory.Title)
	m.set("signataire.telephone", s.Signatory.Phone)
	m.set("signataire.email", s.Signatory.Email)
	m.v.Conds["iban"] = s.Company.IBAN != ""
	m.v.Conds["paiements"] = l.Totals.Paid > 0
	// the court procedure this debtor is open to (law.CourtRoute): never an injonction
	// against a public body or a debtor abroad
	m.set("recours", m.t("letters.route."+string(law.CourtRoute(c, s.Country))))
	m.deadline()
	m.legal()
	m.previous()
	m.extras()
}

// deadline sets {date.limite} by the template's rule.
func (m *merger) deadline() {
	l, in := m.l, m.in
	d := m.tpl.Deadline
	switch d.Rule {
	case "":
		l.Deadline = l.Date.AddDays(d.Days)
	case "due":
		for _, ln := range l.Invoices {
			if ln.DueDate.Valid() && (!l.Deadline.Valid() || ln.DueDate < l.Deadline) {
				l.Deadline = ln.DueDate
			}
		}
	case "promise":
		if in.Promise != nil && in.Promise.Date >= l.Date {
			l.Deadline = in.Promise.Date
		}
	}
	if l.Deadline.Valid() {
		m.set("date.limite", m.date(l.Deadline))
	}
}

// legal sets the audience conditions and the penalty figures of the debtor's regime.
func (m *merger) legal() {
	l := m.l
	m.v.Conds["pro"] = l.Debtor == law.DebtorB2B
	m.v.Conds["conso"] = l.Debtor == law.DebtorConsumer
	m.v.Conds["public"] = l.Debtor == law.DebtorPublic
	m.v.Conds["uk"] = l.Debtor == law.DebtorUK
	h := law.HalfOf(l.Date)
	if l.Debtor == law.DebtorConsumer {
		// C. civ. 1231-6 and 1344-1: legal interest from the formal notice; no €40 (D441-5
		// applies to professionals only). L313-2 CMF: the rate follows the creditor.
		r, err := m.rates.LegalInterestRate(h, law.OtherCases)
		if err != nil {
			m.cause = err
		} else {
			m.set("interets.taux", m.percent(r.Rate))
		}
		l.Totals.Claimed = l.Totals.Remaining
		m.set("total.reclame", m.money(l.Totals.Claimed))
		return
	}
	var rate law.AppliedRate
	var err error
	switch l.Debtor {
	case law.DebtorPublic:
		rate, err = m.rates.PublicRate(h) // C. commande publique R2192-31
	case law.DebtorUK:
		rate, err = m.rates.UKStatutoryRate(h) // Late Payment Act 1998 s. 6
	default:
		rate, err = m.rates.B2BDefaultRate(h) // C. com. L441-10 II
	}
	if err != nil {
		m.cause = err
	} else {
		m.set("penalites.taux", m.percent(rate.Rate))
	}
	if l.Debtor != law.DebtorUK {
		m.set("indemnite.forfait", pdfdoc.Capital(l.Lang, l.Currency, fixedIndemnity))
	}
	if !m.tpl.Annex && !m.uses("penalites.montant", "indemnite.total", "total.reclame") {
		return // no need for the décompte
	}
	var invs []law.Invoice
	for _, ln := range l.Invoices {
		if ln.Remaining > 0 && ln.DueDate.Valid() && ln.DueDate < l.Date {
			invs = append(invs, law.Invoice{Ref: ln.Number, Amount: ln.Remaining, Due: ln.DueDate})
		}
	}
	if len(invs) == 0 {
		return
	}
	dc, err := law.DecompteOf(m.rates, law.Terms{Debtor: l.Debtor, End: l.Date, Currency: l.Currency}, invs, m.in.Account.Customer.ID, m.in.Procedures)
	if err != nil {
		m.cause = err
		return
	}
	l.Totals.Penalties = dc.Totals.Interest
	l.Totals.Indemnity = dc.Totals.Indemnity
	l.Totals.Claimed = dc.Totals.Principal + dc.Totals.Interest + dc.Totals.Indemnity
	m.set("penalites.montant", m.money(l.Totals.Penalties))
	if l.Debtor != law.DebtorUK {
		m.set("indemnite.total", m.money(l.Totals.Indemnity))
	}
	m.set("total.reclame", m.money(l.Totals.Claimed))
	if m.tpl.Annex {
		l.Decompte = dc
	}
}

// previous cites the earlier letters.
func (m *merger) previous() {
	var dates []ledger.Date
	for _, p := range m.in.Previous {
		if p.Date.Valid() && p.Date < m.l.Date && !containsDate(dates, p.Date) {
			dates = append(dates, p.Date)
		}
	}
	if len(dates) == 0 {
		return
	}
	m.v.Conds["relances"] = true
	if len(dates) == 1 {
		m.set("relances.precedentes", m.t("letters.previous.one", "date", m.date(dates[0])))
		return
	}
	var ds []string
	for _, d := range dates {
		ds = append(ds, m.date(d))
	}
	m.set("relances.precedentes", m.t("letters.previous.many", "dates", m.join(ds)))
}

func containsDate(v []ledger.Date, d ledger.Date) bool {
	for _, x := range v {
		if x == d {
			return true
		}
	}
	return false
}

// extras sets the fields of the promise, plan, dispute and block stages.
func (m *merger) extras() {
	l, in := m.l, m.in
	if p := in.Promise; p != nil && p.Amount > 0 && p.Date >= l.Date {
		m.set("promesse.montant", m.money(p.Amount))
		m.set("promesse.date", m.date(p.Date))
		if rest := l.Totals.Remaining - p.Amount; rest > 0 {
			m.v.Conds["partiel"] = true
			m.set("promesse.solde", m.money(rest))
		}
	}
	if p := in.Plan; p != nil && p.Count >= 2 && p.Count <= 36 && p.First >= l.Date {
		n := ledger.Cents(p.Count)
		each := l.Totals.Remaining / n
		var lines []string
		for i := 0; i < p.Count; i++ {
			amt := each
			if i == p.Count-1 {
				amt = l.Totals.Remaining - each*(n-1)
			}
			lines = append(lines, m.t("letters.plan.line", "n", itoa(i+1), "nth", m.ordinal(i+1),
				"amount", m.money(amt), "date", m.date(p.First.AddMonths(i))))
		}
		m.set("echeancier.nombre", itoa(p.Count))
		m.set("echeancier.liste", strings.Join(lines, "\n"))
		m.set("echeancier.premiere", m.date(p.First))
	}
	if d := in.Dispute; d != nil {
		m.set("litige.reference", d.Ref)
		m.set("litige.date", m.date(d.Opened))
		m.set("litige.motif", d.Reason)
		var sum ledger.Cents
		for _, a := range d.Items {
			sum += a
		}
		if sum > 0 {
			m.set("litige.montant", m.money(sum))
		}
		if d.DueBy.Valid() {
			m.v.Conds["reponse"] = true
			m.set("litige.reponse", m.date(d.DueBy))
		}
	}
	bd := in.BlockDate
	if !bd.Valid() {
		bd = l.Date
	}
	m.set("blocage.date", m.date(bd))
}

// ordinal writes 1re, 2e… in French and 1st, 2nd… in English.
func (m *merger) ordinal(n int) string {
	if m.l.Lang == "fr" {
		if n == 1 {
			return "1re"
		}
		return itoa(n) + "e"
	}
	suf := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suf = "st"
		case 2:
			suf = "nd"
		case 3:
			suf = "rd"
		}
	}
	return itoa(n) + suf
}

// join writes "a, b et c" / "a, b and c".
func (m *merger) join(v []string) string {
	switch len(v) {
	case 0:
		return ""
	case 1:
		return v[0]
	}
	return strings.Join(v[:len(v)-1], ", ") + " " + m.t("letters.and") + " " + v[len(v)-1]
}

// joinShort lists at most 4 numbers, then "et N autres".
func (m *merger) joinShort(v []string) string {
	if len(v) <= 4 {
		return m.join(v)
	}
	return strings.Join(v[:3], ", ") + " " + m.t("letters.and_more", "count", itoa(len(v)-3))
}

func tr(lang, key string, args ...string) string { return i18n.T(lang, key, args...) }

// uses reports whether the letter's texts use any of the canonical fields.
func (m *merger) uses(fields ...string) bool {
	texts := []string{m.tpl.Subject, m.tpl.Salutation, m.tpl.Body, m.tpl.Closing}
	if sp := m.in.Specific; sp != nil {
		texts = []string{sp.Subject, sp.Salutation, sp.Body, sp.Closing}
	}
	for _, f := range fields {
		for _, name := range []string{f, templates.Display(f, "en")} {
			for _, t := range texts {
				if strings.Contains(t, "{"+name+"}") {
					return true
				}
			}
		}
	}
	return false
}
