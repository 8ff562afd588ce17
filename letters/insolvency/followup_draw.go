package insolvency

import (
	"io"
	"strings"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/letters/compose"
	"relance/letters/pdfdoc"
	"relance/letters/templates"
)

// keyOf is a follow-up kind as it appears in catalogue keys and stage codes.
func keyOf(k FollowUpKind) string { return strings.ReplaceAll(string(k), "-", "_") }

// StageOf is the stage code a follow-up letter is archived under ("ins_forclusion",
// "ins_contract", "ins_post_opening"): not a reminder stage, so the reminder engine
// and the "our letters of …" citations leave it aside.
func StageOf(k FollowUpKind) templates.Stage { return templates.Stage("ins_" + keyOf(k)) }

// RenderFollowUp writes follow-up letter f of acct to w as PDF, in f's language.
func RenderFollowUp(w io.Writer, book *ledger.Book, acct *ledger.Account, f *FollowUp, opt Options) (err error) {
	defer pdfdoc.Guard(&err, "insolv2.kind."+keyOf(f.Kind), func() string { return acct.Customer.ID })
	opt = opt.norm(f.AsOf)
	m := meta(book, acct, f.AsOf, opt, f.Lang, "insolv2.title."+keyOf(f.Kind))
	return opt.Factory.Render(w, m, func(d *pdfdoc.Doc) error {
		drawFollowUp(d, book, acct, f)
		return nil
	})
}

// drawFollowUp lays out a follow-up letter: the head shared with the claim letters,
// the paragraphs, the invoice table, the deadline warning in red, the signature, the
// enclosures and the copy.
func drawFollowUp(d *pdfdoc.Doc, book *ledger.Book, acct *ledger.Account, f *FollowUp) {
	y := head(d, book, acct, f.To, f.ToAddress, f.AsOf, f.Object, f.Procedure)
	d.SetY(y)
	// the running head of the next pages: the letter's title, wrapped rather than cut
	running := d.T("insolv2.pdf.running", "title", d.T("insolv2.title."+keyOf(f.Kind)), "debtor", f.CustomerName, "id", f.Procedure.ID)
	d.OnNewPage(func(d *pdfdoc.Doc) {
		d.TextColor(pdfdoc.Grey)
		d.SetFont("", 8)
		y := d.Para(d.Left, d.Top, d.TextWidth(), pdfdoc.LineHeight(8), running, "L")
		d.TextColor(pdfdoc.Black)
		d.SetY(y + 6)
	})
	if d.Lang() == "en" { // a courtesy translation: the French procedure is conducted in French
		d.TextColor(pdfdoc.Grey)
		d.SetFont("I", 8.5)
		d.SetY(d.Para(d.Left, d.Y(), d.TextWidth(), pdfdoc.LineHeight(8.5), d.T("insolv2.pdf.translation"), "L") + 2)
		d.TextColor(pdfdoc.Black)
	}
	para(d, 9.5, f.Salutation)
	for _, s := range f.Intro {
		para(d, 9.5, s)
	}
	if len(f.Items) > 0 {
		itemTable(d, f.Items)
	}
	for _, s := range f.Body {
		para(d, 9.5, s)
	}
	if f.Warning != "" {
		d.TextColor(pdfdoc.Alert)
		para(d, 9.5, f.Warning)
		d.TextColor(pdfdoc.Black)
	}
	d.Need(2*pdfdoc.LineHeight(9.5) + 36) // the closing stays with the signature
	para(d, 9.5, f.Closing)
	sign(d, book)
	d.SetFont("", 8.5)
	if f.Enclosures != "" {
		d.SetY(d.Para(d.Left, d.Y(), d.TextWidth(), pdfdoc.LineHeight(8.5), f.Enclosures, "L") + 1)
	}
	if f.CopyTo != "" {
		d.SetY(d.Para(d.Left, d.Y(), d.TextWidth(), pdfdoc.LineHeight(8.5), d.T("insolv2.pdf.copy", "name", f.CopyTo), "L") + 1)
	}
}

// Record returns f as the letter archive keeps it (archive.Issue freezes a
// compose.Letter): stage StageOf, registered post, the recipient's postal lines, the
// subject, the paragraphs and the invoices the PDF prints, and the total.
func (f *FollowUp) Record(book *ledger.Book) *compose.Letter {
	s := &book.Settings
	l := &compose.Letter{Stage: StageOf(f.Kind), Lang: f.Lang, Specific: true, Channel: templates.LRAR, Date: f.AsOf,
		Deadline: f.Deadline, Customer: f.Customer, CustomerName: f.CustomerName,
		Recipient: pdfdoc.PostalLines(f.To, f.ToAddress, s.Country), Company: s.Company, Signatory: s.Signatory,
		Currency: s.Currency, Country: s.Country, Place: s.Company.Address.City, Reference: f.Procedure.ID,
		Subject: subjectOf(f.Object), Salutation: f.Salutation, Closing: f.Closing, ItemIDs: []string{}}
	for _, p := range f.Intro {
		l.Body = append(l.Body, compose.Block{Text: p})
	}
	if len(f.Items) > 0 {
		l.Body = append(l.Body, compose.Block{Table: true})
	}
	for _, p := range append(append([]string{}, f.Body...), f.Warning, f.Enclosures) {
		if p != "" {
			l.Body = append(l.Body, compose.Block{Text: p})
		}
	}
	if f.CopyTo != "" {
		l.Body = append(l.Body, compose.Block{Text: i18n.T(f.Lang, "insolv2.pdf.copy", "name", f.CopyTo)})
	}
	for _, it := range f.Items {
		late := 0
		if it.DueDate.Valid() && f.AsOf > it.DueDate {
			late = f.AsOf.DaysSince(it.DueDate)
		}
		l.Invoices = append(l.Invoices, compose.Line{ItemID: it.Item, Number: it.Number, DocDate: it.DocDate,
			DueDate: it.DueDate, Amount: it.Amount, Paid: it.Amount - it.Open, Remaining: it.Open, DaysLate: late})
		l.Totals.Amount += it.Amount
		l.Totals.Paid += it.Amount - it.Open
		l.Totals.Remaining += it.Open
		l.ItemIDs = append(l.ItemIDs, it.Item)
	}
	l.Totals.Claimed = f.Total // the record's total is Totals.Remaining: the invoices' open amounts
	return l
}
