package insolvency

import (
	"io"
	"strings"

	"github.com/shopspring/decimal"

	"relance/ledger"
	"relance/ledger/dunning"
	"relance/ledger/law"
	"relance/letters/compose"
	"relance/letters/pdfdoc"
	"relance/letters/templates"
)

// Stages the claim letters are archived under: not reminder stages, so the reminder
// engine and the "our letters of …" citations leave them aside. A claim filing's
// history action counts as a claim filed in the insolvency (dunning.InsolvencyClaim:
// C. civ. 2241) in the limitation computation.
const (
	ClaimStage     templates.Stage = dunning.ClaimFilingStage // déclaration de créance
	RetentionStage templates.Stage = "ins_retention"          // revendication
)

// WriteClaim writes claim filing c of acct (law.BuildClaimWith) to w as PDF, in the
// dossier's language: RenderClaim once the claim is built, so that the PDF and its
// record (ClaimRecord) come from the same figures.
func WriteClaim(w io.Writer, book *ledger.Book, acct *ledger.Account, c *law.InsolvencyClaim, opt Options) (err error) {
	defer pdfdoc.Guard(&err, "pdfsafe.kind.claim", func() string { return acct.Customer.ID })
	opt = opt.norm(c.AsOf)
	m := meta(book, acct, c.AsOf, opt, book.Settings.Lang, "ins.pdf.claim.title")
	return opt.Factory.Render(w, m, func(d *pdfdoc.Doc) error {
		drawClaim(d, book, acct, c)
		return nil
	})
}

// WriteRetention writes retention-of-title claim rc of acct (law.BuildRetention) to w
// as PDF, in the dossier's language.
func WriteRetention(w io.Writer, book *ledger.Book, acct *ledger.Account, rc *law.RetentionClaim, opt Options) (err error) {
	defer pdfdoc.Guard(&err, "pdfsafe.kind.retention", func() string { return acct.Customer.ID })
	opt = opt.norm(rc.AsOf)
	m := meta(book, acct, rc.AsOf, opt, book.Settings.Lang, "ins.pdf.ret.title")
	return opt.Factory.Render(w, m, func(d *pdfdoc.Doc) error {
		drawRetention(d, book, acct, rc)
		return nil
	})
}

// ClaimRecord returns claim filing c of acct as the letter archive keeps it
// (archive.Issue freezes a compose.Letter): stage ClaimStage, registered post to the
// mandataire, the subject, every paragraph, heading and table row the PDF prints in
// the dossier's language, the invoices filed with their totals (Claimed: the total
// filed) and the filing deadline.
func ClaimRecord(book *ledger.Book, acct *ledger.Account, c *law.InsolvencyClaim) *compose.Letter {
	w := writer{lang: book.Settings.Lang, currency: book.Settings.Currency}
	ct := newClaimText(w, acct, c)
	p := c.Procedure
	l := record(book, acct, ClaimStage, w.lang, c.AsOf, p.Mandataire, p.MandataireAddress, p.ID, ct.object, ct.salutation, ct.closing)
	for _, dl := range law.ProcedureDeadlines(p, c.AsOf) {
		if dl.Kind == law.DeadlineClaim {
			l.Deadline = dl.Date
		}
	}
	text := func(s ...string) {
		for _, x := range s {
			if x != "" {
				l.Body = append(l.Body, compose.Block{Text: x})
			}
		}
	}
	text(ct.intro, ct.hDue+"\n"+itemRows(w, c.Due), ct.hFall+"\n"+itemRows(w, c.ToFallDue))
	if ct.hPenalties != "" {
		rows := []string{ct.hPenalties, strings.Join([]string{w.t("ins.pdf.col.number"), w.t("ip.pdf.col.from"), w.t("ip.pdf.col.to"),
			w.t("ip.pdf.col.days"), w.t("ip.pdf.col.rate"), w.t("ip.pdf.col.base"), w.t("ip.pdf.col.interest")}, " | ")}
		for _, ln := range c.Decompte.Lines {
			rows = append(rows, strings.Join([]string{ln.Invoice, w.date(ln.From), w.date(ln.To), itoa(ln.Days),
				percent(w.lang, ln.Rate.Rate) + ln.Rate.EntryMark(), w.money(ln.Base), w.money(ln.Interest)}, " | "))
		}
		rows = append(rows, w.t("ins.pdf.total")+" | "+w.money(c.Penalties))
		text(strings.Join(rows, "\n"), ct.interestMethod)
		text(ct.rateNotes...)
	}
	if len(c.PenaltyInvoices) > 0 {
		text(ct.hPenaltyInvoices + "\n" + itemRows(w, c.PenaltyInvoices))
	}
	sum := []string{ct.hSummary}
	for _, r := range ct.summary {
		sum = append(sum, r[0]+" : "+r[1])
	}
	text(strings.Join(sum, "\n"), ct.hSecurity+"\n"+ct.security, ct.docs, exhibitRows(w, c), ct.deadline, ct.sincere)
	for _, items := range [][]law.ClaimItem{c.Due, c.ToFallDue, c.PenaltyInvoices} {
		addItems(l, items, c.AsOf)
	}
	l.Totals.Penalties, l.Totals.Indemnity, l.Totals.Claimed = c.Penalties, c.Indemnity, c.Total
	return l
}

// RetentionRecord returns retention-of-title claim rc of acct as the letter archive
// keeps it: stage RetentionStage, registered post to the administrator (failing one,
// the mandataire), the subject, the paragraphs and the invoices the PDF prints, the
// copy, and the claim's deadline.
func RetentionRecord(book *ledger.Book, acct *ledger.Account, rc *law.RetentionClaim) *compose.Letter {
	w := writer{lang: book.Settings.Lang, currency: book.Settings.Currency}
	rt := newRetentionText(w, acct, rc)
	l := record(book, acct, RetentionStage, w.lang, rc.AsOf, rc.To, rc.ToAddress, rc.Procedure.ID, rt.object, rt.salutation, rt.closing)
	l.Deadline = rc.Deadline
	for _, s := range []string{rt.intro, itemRows(w, rc.Invoices), rt.goods, rt.request, rt.warning, rt.deadline, rt.copyTo} {
		if s != "" {
			l.Body = append(l.Body, compose.Block{Text: s})
		}
	}
	addItems(l, rc.Invoices, rc.AsOf)
	l.Totals.Claimed = rc.Total
	return l
}

// record is the frame of a claim letter's record: sent by registered post, specific
// (written for this procedure), referenced by the procedure's ID.
func record(book *ledger.Book, acct *ledger.Account, stage templates.Stage, lang string, asOf ledger.Date, to string,
	addr ledger.Address, ref, subject, salutation, closing string) *compose.Letter {
	s := &book.Settings
	return &compose.Letter{Stage: stage, Lang: lang, Specific: true, Channel: templates.LRAR, Date: asOf,
		Customer: acct.Customer.ID, CustomerName: acct.Customer.Name, Recipient: pdfdoc.PostalLines(to, addr, s.Country),
		Company: s.Company, Signatory: s.Signatory, Currency: s.Currency, Country: s.Country, Place: s.Company.Address.City,
		Reference: ref, Subject: subjectOf(subject), Salutation: salutation, Closing: closing, ItemIDs: []string{}, Invoices: []compose.Line{}}
}

// subjectOf is a letter's object line without its « Objet : » (« Subject: »,
// « Re: ») word: the archive's text puts its own (compose.Letter.PlainText).
func subjectOf(object string) string {
	if word, rest, ok := strings.Cut(object, ":"); ok {
		switch strings.TrimSpace(word) { // TrimSpace also takes the no-break space
		case "Objet", "Subject", "Re":
			return strings.TrimSpace(rest)
		}
	}
	return object
}

// itemRows is an item table as the PDF prints it (itemTable), one row a line, columns
// separated by « | », with its total row, or the words for an empty table.
func itemRows(w writer, items []law.ClaimItem) string {
	if len(items) == 0 {
		return w.t("ins.pdf.claim.none")
	}
	rows := []string{strings.Join([]string{w.t("ins.pdf.col.number"), w.t("ins.pdf.col.date"), w.t("ins.pdf.col.due"),
		w.t("ins.pdf.col.amount"), w.t("ins.pdf.col.open")}, " | ")}
	var total ledger.Cents
	for _, it := range items {
		total += it.Open
		rows = append(rows, strings.Join([]string{it.Number, w.date(it.DocDate), w.date(it.DueDate), w.money(it.Amount), w.money(it.Open)}, " | "))
	}
	return strings.Join(append(rows, w.t("ins.pdf.total")+" | "+w.money(total)), "\n")
}

// addItems adds items to l's invoices, item IDs and totals (the record's total is
// Totals.Remaining: what the invoices still owe).
func addItems(l *compose.Letter, items []law.ClaimItem, asOf ledger.Date) {
	for _, it := range items {
		late := 0
		if it.DueDate.Valid() && asOf > it.DueDate {
			late = asOf.DaysSince(it.DueDate)
		}
		l.Invoices = append(l.Invoices, compose.Line{ItemID: it.Item, Number: it.Number, DocDate: it.DocDate,
			DueDate: it.DueDate, Amount: it.Amount, Paid: it.Amount - it.Open, Remaining: it.Open, DaysLate: late})
		l.Totals.Amount += it.Amount
		l.Totals.Paid += it.Amount - it.Open
		l.Totals.Remaining += it.Open
		l.ItemIDs = append(l.ItemIDs, it.Item)
	}
}

// percent writes a rate as the PDF does (pdfdoc.Doc.Percent): « 12,15 % » with a
// non-breaking space in French, « 12.15% » in English.
func percent(lang string, r decimal.Decimal) string {
	if lang == "fr" {
		return law.PercentText(lang, r) + "\u00a0%"
	}
	return law.PercentText(lang, r) + "%"
}
