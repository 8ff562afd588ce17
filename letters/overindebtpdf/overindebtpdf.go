package overindebtpdf

import (
	"io"
	"strings"
	"time"

	"relance/ledger"
	"relance/ledger/overindebt"
	"relance/letters/compose"
	"relance/letters/pdfdoc"
	"relance/letters/templates"
)

// Stage is the stage the letter is archived under: not a reminder stage, so the
// reminder engine and the "our letters of …" citations leave it aside.
const Stage templates.Stage = "overindebt_claim"

// Options tune the letter. The zero value is ready to use.
type Options struct {
	// Created is the PDF's creation date; zero means noon UTC on the as-of date.
	Created time.Time
	// Factory makes the document; nil creates one.
	Factory *pdfdoc.Factory
}

// Write writes claim c of acct (overindebt.BuildClaim) to w as PDF, in the dossier's
// language, addressed to the commission's secretariat.
func Write(w io.Writer, book *ledger.Book, acct *ledger.Account, c *overindebt.Claim, opt Options) (err error) {
	defer pdfdoc.Guard(&err, "overindebt.pdf.kind", func() string { return acct.Customer.ID })
	if opt.Created.IsZero() {
		opt.Created = c.AsOf.Time().Add(12 * time.Hour)
	}
	if opt.Factory == nil {
		opt.Factory = pdfdoc.NewFactory()
	}
	lang := book.Settings.Normalize().Lang
	wr := writer{lang: lang, currency: book.Settings.Currency}
	lt := newText(wr, acct, c)
	m := pdfdoc.Meta{Title: wr.t("overindebt.pdf.title") + " — " + acct.Customer.Name, Subject: pdfdoc.FormatDate(lang, c.AsOf),
		Author: book.Settings.Company.Name, Keywords: acct.Customer.ID, Lang: lang, Currency: book.Settings.Currency, Created: opt.Created}
	return opt.Factory.Render(w, m, func(d *pdfdoc.Doc) error {
		draw(d, book, c, lt)
		return nil
	})
}

// draw lays the letter out: letterhead, the commission in the window, the
// registered-letter mention, references, place and date, the object, the sentences,
// the invoices' table and the signature.
func draw(d *pdfdoc.Doc, book *ledger.Book, c *overindebt.Claim, lt letterText) {
	co := &book.Settings.Company
	d.StartSection()
	d.SetLegal(pdfdoc.LegalLine(d.Lang(), book.Settings.Currency, co))
	d.FoldMarks()
	d.Letterhead(co)
	d.AddressBlock(pdfdoc.PostalLines(c.Case.Commission, c.Case.CommissionAddress, book.Settings.Country))
	left := pdfdoc.WindowZone().X - d.Left - 3
	d.SetFont("B", 8)
	d.Para(d.Left, 84, left, pdfdoc.LineHeight(8), d.T("overindebt.pdf.lrar"), "L")
	d.SetFont("", 9)
	d.Para(d.Left, 98, left, pdfdoc.LineHeight(9), lt.reference, "L")
	d.SetFont("", 10)
	d.Text(pdfdoc.AddressBox().X, 98, d.W-d.Right-pdfdoc.AddressBox().X, 5,
		d.T("pdf.place_date", "place", co.Address.City, "date", d.LongDate(c.AsOf)), "R")
	d.OnNewPage(func(d *pdfdoc.Doc) {
		d.TextColor(pdfdoc.Grey)
		d.SetFont("", 8)
		d.Text(d.Left, d.Top, d.TextWidth(), 4, lt.object, "L")
		d.TextColor(pdfdoc.Black)
		d.SetY(d.Top + 8)
	})
	d.SetFont("B", 10)
	d.SetY(d.Para(d.Left, 112, d.TextWidth(), pdfdoc.LineHeight(10), lt.object, "L") + 3)
	para := func(s string) {
		if s == "" {
			return
		}
		d.SetFont("", 9.5)
		d.SetY(d.Para(d.Left, d.Y(), d.TextWidth(), pdfdoc.LineHeight(9.5), s, "J") + 2)
	}
	para(lt.salutation)
	para(lt.intro)
	t := d.NewTable(
		pdfdoc.Column{Title: lt.cols[0], Width: 40, Align: "L"},
		pdfdoc.Column{Title: lt.cols[1], Width: 28, Align: "C"},
		pdfdoc.Column{Title: lt.cols[2], Width: 28, Align: "C"},
		pdfdoc.Column{Title: lt.cols[3], Width: 39, Align: "R"},
		pdfdoc.Column{Title: lt.cols[4], Width: 39, Align: "R"},
	)
	t.Size, t.Zebra = 8, true
	t.Header()
	for _, l := range c.Lines {
		due := ""
		if l.DueDate.Valid() {
			due = d.Date(l.DueDate)
		}
		t.Row(l.Number, d.Date(l.DocDate), due, d.Money(l.Amount), d.Money(l.Open))
	}
	t.Total(lt.total, "", "", "", d.Money(c.Invoiced))
	d.SetY(d.Y() + 2)
	if len(lt.summary) > 0 {
		d.TotalsBox(lt.summary, 110)
		d.SetY(d.Y() + 2)
	}
	para(lt.figure)
	para(lt.noPenalty)
	para(lt.docs)
	para(lt.deadline)
	para(lt.closing)
	sign(d, book)
}

// sign closes the letter with the signatory, for the company.
func sign(d *pdfdoc.Doc, book *ledger.Book) {
	s := &book.Settings.Signatory
	x, y, w := d.Signatory(s.Name, s.Title, 24)
	d.SetFont("", 8.5)
	d.SetY(d.Para(x, y, w, pdfdoc.LineHeight(8.5), book.Settings.Company.Name, "L") + 6)
}

// Record returns claim c of acct as the letter archive keeps it (archive.Issue freezes
// a compose.Letter): stage Stage, registered post to the commission, the subject,
// every paragraph and table row the PDF prints, the invoices declared with their
// totals (Totals.Claimed: the total declared) and the deadline of the justification.
func Record(book *ledger.Book, acct *ledger.Account, c *overindebt.Claim) *compose.Letter {
	s := &book.Settings
	w := writer{lang: s.Normalize().Lang, currency: s.Currency}
	lt := newText(w, acct, c)
	l := &compose.Letter{Stage: Stage, Lang: w.lang, Specific: true, Channel: templates.LRAR, Date: c.AsOf,
		Customer: acct.Customer.ID, CustomerName: acct.Customer.Name,
		Recipient: pdfdoc.PostalLines(c.Case.Commission, c.Case.CommissionAddress, s.Country),
		Company:   s.Company, Signatory: s.Signatory, Currency: s.Currency, Country: s.Country, Place: s.Company.Address.City,
		Reference: c.Case.Ref, Subject: subjectOf(lt.object), Salutation: lt.salutation, Closing: lt.closing,
		ItemIDs: []string{}, Invoices: []compose.Line{}}
	if dl, ok := c.Case.At(c.AsOf).Find(overindebt.DeadlineJustify); ok {
		l.Deadline = dl.Date
	}
	rows := []string{strings.Join(lt.cols[:], " | ")}
	for _, ln := range c.Lines {
		rows = append(rows, strings.Join([]string{ln.Number, w.date(ln.DocDate), w.date(ln.DueDate), w.money(ln.Amount), w.money(ln.Open)}, " | "))
		late := 0
		if ln.DueDate.Valid() && c.AsOf > ln.DueDate {
			late = c.AsOf.DaysSince(ln.DueDate)
		}
		l.Invoices = append(l.Invoices, compose.Line{ItemID: ln.Item, Number: ln.Number, DocDate: ln.DocDate, DueDate: ln.DueDate,
			Amount: ln.Amount, Paid: ln.Amount - ln.Open, Remaining: ln.Open, DaysLate: late})
		l.ItemIDs = append(l.ItemIDs, ln.Item)
		l.Totals.Amount += ln.Amount
		l.Totals.Paid += ln.Amount - ln.Open
		l.Totals.Remaining += ln.Open
	}
	rows = append(rows, lt.total+" | "+w.money(c.Invoiced))
	for _, r := range lt.summary {
		rows = append(rows, r[0]+" : "+r[1])
	}
	for _, b := range []string{lt.intro, strings.Join(rows, "\n"), lt.figure, lt.noPenalty, lt.docs, lt.deadline} {
		if b != "" {
			l.Body = append(l.Body, compose.Block{Text: b})
		}
	}
	l.Totals.Claimed = c.Total
	return l
}

// subjectOf is the object line without its « Objet : » (« Subject: ») word: the
// archive's text puts its own.
func subjectOf(object string) string {
	if word, rest, ok := strings.Cut(object, ":"); ok {
		switch strings.TrimSpace(word) {
		case "Objet", "Subject":
			return strings.TrimSpace(rest)
		}
	}
	return object
}
