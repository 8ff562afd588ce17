package compose

import (
	"strings"

	"relance/ledger"
	"relance/ledger/law"
	"relance/letters/pdfdoc"
	"relance/letters/templates"
)

// merge fills the template's texts (or the specific letter's) and returns the letter,
// or the problem listing every missing field.
func (m *merger) merge() (*Letter, error) {
	l, tpl := m.l, m.tpl
	subject, salutation, body, closing := tpl.Subject, tpl.Salutation, tpl.Body, tpl.Closing
	if sp := m.in.Specific; sp != nil {
		subject, salutation, body, closing = sp.Subject, sp.Salutation, sp.Body, sp.Closing
	}
	var missing []string
	var bad []string
	line := func(s string) string {
		out, errs := templates.MergeLine(s, &m.v, &missing)
		for _, e := range errs {
			bad = append(bad, e.Value)
		}
		return out
	}
	l.Subject = line(subject)
	l.Salutation = line(salutation)
	l.Closing = line(closing)
	paras, errs := templates.ParseBody(body)
	for _, e := range errs {
		bad = append(bad, e.Value)
	}
	table := false
	for _, p := range paras {
		if !p.Holds(&m.v) {
			continue
		}
		if p.IsOnly("factures.tableau") {
			l.Body = append(l.Body, Block{Table: true})
			table = true
			continue
		}
		l.Body = append(l.Body, Block{Text: p.Merge(&m.v, &missing)})
	}
	if len(bad) > 0 {
		return nil, &ledger.Problem{Key: "letters.err.syntax", Args: []string{"template", l.Template, "value", strings.Join(uniq(bad), ", ")}}
	}
	if !table {
		// The invoice references must be in the letter: without the placeholder, the
		// table goes after the first paragraph.
		at := min(1, len(l.Body))
		l.Body = append(l.Body[:at], append([]Block{{Table: true}}, l.Body[at:]...)...)
	}
	if strings.TrimSpace(l.Subject) == "" || len(l.Body) == 0 {
		return nil, &ledger.Problem{Key: "letters.err.empty", Args: []string{"template", l.Template}}
	}
	// What the layout needs besides the text: a postal address and a signatory.
	if l.Channel != templates.Email && len(l.Recipient) == 0 {
		missing = append(missing, "{"+templates.Display("client.adresse", l.Lang)+"}")
	}
	if l.Signatory.Name == "" {
		missing = append(missing, "{"+templates.Display("signataire", l.Lang)+"}")
	}
	if len(missing) > 0 {
		p := &ledger.Problem{Key: "letters.err.missing", Args: []string{"customer", l.Customer, "stage_key", "letters.stage." + string(l.Stage),
			"fields", strings.Join(uniq(missing), ", ")}}
		if m.cause != nil {
			p.Err = m.cause
		}
		return nil, p
	}
	return l, nil
}

// String returns the letter's reference.
func (l *Letter) String() string { return l.Reference }

// LRARMention reports whether the letter is sent registered with acknowledgement of receipt.
func (l *Letter) LRARMention() bool { return l.Channel == templates.LRAR }

// PlainText returns the merged letter as plain text, its sections in reading order:
// sender, recipient, place and date, reference, sending mention, subject, salutation,
// body (the invoice table as one line per invoice, then its total), closing and
// signature, then the décompte annex if any. Sections are separated by blank lines.
// The letter checker reads this.
func (l *Letter) PlainText() string {
	t := func(key string, args ...string) string { return tr(l.Lang, key, args...) }
	money := func(c ledger.Cents) string { return c.Format(l.Lang, l.Currency) }
	date := func(d ledger.Date) string { return pdfdoc.FormatDate(l.Lang, d) }
	var secs []string
	sender := []string{l.Company.Name}
	sender = append(sender, l.Company.Address.Lines...)
	if city := strings.TrimSpace(l.Company.Address.Postcode + " " + l.Company.Address.City); city != "" {
		sender = append(sender, city)
	}
	secs = append(secs, strings.Join(sender, "\n"))
	secs = append(secs, strings.Join(l.Recipient, "\n"))
	secs = append(secs, t("pdf.place_date", "place", l.Place, "date", pdfdoc.FormatLongDate(l.Lang, l.Date)))
	secs = append(secs, t("letters.ref", "ref", l.Reference, "customer", l.Customer))
	if l.LRARMention() {
		secs = append(secs, t("letters.lrar"))
	}
	secs = append(secs, t("letters.subject", "subject", l.Subject))
	secs = append(secs, l.Salutation)
	for _, b := range l.Body {
		if !b.Table {
			secs = append(secs, b.Text)
			continue
		}
		var rows []string
		rows = append(rows, strings.Join(l.Columns(), " | "))
		for _, ln := range l.Invoices {
			rows = append(rows, strings.Join([]string{ln.Number, date(ln.DocDate), date(ln.DueDate), money(ln.Amount),
				money(ln.Paid), money(ln.Remaining), itoa(ln.DaysLate)}, " | "))
		}
		rows = append(rows, strings.Join([]string{t("letters.col.total"), "", "", money(l.Totals.Amount),
			money(l.Totals.Paid), money(l.Totals.Remaining), ""}, " | "))
		secs = append(secs, strings.Join(rows, "\n"))
	}
	secs = append(secs, l.Closing)
	sig := []string{l.Signatory.Name}
	if l.Signatory.Title != "" {
		sig = append(sig, l.Signatory.Title)
	}
	secs = append(secs, strings.Join(sig, "\n"))
	if l.Decompte != nil {
		var rows []string
		rows = append(rows, t("letters.annex.title"))
		for _, ln := range l.Decompte.Lines {
			rows = append(rows, strings.Join([]string{ln.Invoice, date(ln.From), date(ln.To), itoa(ln.Days),
				ln.Rate.Rate.StringFixed(2) + ln.Rate.EntryMark(), money(ln.Base), money(ln.Interest)}, " | "))
		}
		tot := l.Decompte.Totals
		rows = append(rows, t("letters.annex.totals", "principal", money(tot.Principal), "interest", money(tot.Interest),
			"indemnity", money(tot.Indemnity), "total", money(tot.TotalDue)))
		for _, n := range l.Decompte.Notes { // a rate entered in the dossier: when, from what source
			if strings.HasPrefix(n.Key, "rates.note.") {
				rows = append(rows, law.FormatNote(n, l.Lang, l.Currency))
			}
		}
		secs = append(secs, strings.Join(rows, "\n"))
	}
	// the company's legal mentions, as the PDF's footer prints them (C. com. R123-237)
	if legal := pdfdoc.LegalLine(l.Lang, l.Currency, &l.Company); legal != l.Company.Name {
		secs = append(secs, legal)
	}
	return strings.Join(secs, "\n\n") + "\n"
}

// Columns returns the invoice table's column titles in the letter's language.
func (l *Letter) Columns() []string {
	var out []string
	for _, k := range []string{"number", "date", "due", "amount", "paid", "remaining", "late"} {
		out = append(out, tr(l.Lang, "letters.col."+k))
	}
	return out
}
