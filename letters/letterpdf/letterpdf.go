// Package letterpdf draws a composed letter (letters/compose) as an A4 PDF for a DL
// window envelope: letterhead with logo and legal identity, sender block, recipient in
// the right window (pdfdoc.AddressBox), place and date, reference, the registered-mail
// mention for a formal notice, subject, body, invoice table with totals, signature,
// the penalty décompte as an annex, page numbers and PDF metadata. One letter per PDF,
// or many into one PDF for printing; both reuse one pdfdoc.Factory, whose prebuilt
// fonts make a letter cost about a millisecond.
package letterpdf

import (
	"fmt"
	"io"
	"strings"
	"time"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/law"
	"relance/letters/compose"
	"relance/letters/pdfdoc"
	"relance/letters/statement"
	"relance/letters/templates"
)

// Options tune the rendering. The zero value works.
type Options struct {
	// Factory makes the documents; nil creates one per call. Pass one for batches.
	Factory *pdfdoc.Factory
	// Created is the PDF's creation date; zero: noon UTC on the letter date, so that
	// the same letter always gives the same bytes.
	Created time.Time
	// Uncompressed leaves page contents unzipped (print runs sent straight to a printer).
	Uncompressed bool
	// Enclose, when set, draws what goes in the envelope after a letter (the statement
	// of account after its cover letter) as new sections of the same document.
	Enclose func(d *pdfdoc.Doc, l *compose.Letter)
}

func (o Options) norm(d ledger.Date) Options {
	if o.Factory == nil {
		o.Factory = pdfdoc.NewFactory()
	}
	if o.Created.IsZero() {
		o.Created = d.Time().Add(12 * time.Hour)
	}
	return o
}

// Meta returns the PDF metadata of a letter: its subject as title, the company as author.
func Meta(l *compose.Letter, created time.Time) pdfdoc.Meta {
	return pdfdoc.Meta{
		Title:    l.Subject,
		Subject:  i18n.T(l.Lang, "letters.pdf.subject", "stage", i18n.T(l.Lang, "letters.stage."+string(l.Stage)), "customer", l.CustomerName),
		Author:   l.Company.Name,
		Keywords: l.Customer + " " + l.Reference,
		Lang:     l.Lang,
		Currency: l.Currency,
		Created:  created,
	}
}

// Render writes one letter as a PDF to w.
func Render(w io.Writer, l *compose.Letter, opt Options) (err error) {
	defer pdfdoc.Guard(&err, "pdfsafe.kind.letter", func() string { return l.Customer })
	opt = opt.norm(l.Date)
	m := Meta(l, opt.Created)
	m.Uncompressed = opt.Uncompressed
	if err := opt.Factory.Render(w, m, func(d *pdfdoc.Doc) error { draw(d, l, opt.Enclose); return nil }); err != nil {
		return fmt.Errorf("letter %s: %w", l.Reference, err)
	}
	return nil
}

// RenderMerged writes letters one after the other into one PDF for printing, each
// with its own page numbers; title gives the PDF's title.
func RenderMerged(w io.Writer, letters []*compose.Letter, title string, opt Options) (err error) {
	defer pdfdoc.Guard(&err, "pdfsafe.kind.letters", nil)
	if len(letters) == 0 {
		return &ledger.Problem{Key: "letters.err.nothing"}
	}
	first := letters[0]
	opt = opt.norm(first.Date)
	m := Meta(first, opt.Created)
	m.Title, m.Subject, m.Keywords = title, "", ""
	m.Uncompressed = opt.Uncompressed
	err = opt.Factory.Render(w, m, func(d *pdfdoc.Doc) error {
		for _, l := range letters {
			draw(d, l, opt.Enclose)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("letters: merged: %w", err)
	}
	return nil
}

// draw draws letter l and what it encloses.
func draw(d *pdfdoc.Doc, l *compose.Letter, enclose func(*pdfdoc.Doc, *compose.Letter)) {
	Draw(d, l)
	if enclose != nil {
		enclose(d, l)
	}
}

// Draw draws letter l as a new section of d (its own page numbers), in its language.
func Draw(d *pdfdoc.Doc, l *compose.Letter) {
	d.StartSection()
	d.SetLang(l.Lang)
	d.FoldMarks()
	y := d.Letterhead(&l.Company)
	senderBlock(d, l, y)
	d.AddressBlock(l.Recipient)

	zone := pdfdoc.WindowZone()
	left := zone.X - d.Left - 3
	d.SetFont("", 8.5)
	d.TextColor(pdfdoc.Grey)
	// the reference wraps rather than being cut (« STATEMENT-C00020-20261123 – customer account C00020 »)
	yRef := para(d, d.Left, 99, left, 3.6, d.T("letters.ref", "ref", l.Reference, "customer", l.Customer), "L")
	d.TextColor(pdfdoc.Black)
	d.SetFont("", 10)
	box := pdfdoc.AddressBox()
	d.Text(box.X, 98, d.W-d.Right-box.X, 5, d.T("pdf.place_date", "place", l.Place, "date", d.LongDate(l.Date)), "R")
	y = max(105, yRef+1.5)
	if l.LRARMention() {
		d.SetFont("B", 10)
		y = para(d, d.Left, y, d.TextWidth(), pdfdoc.LineHeight(10), d.T("letters.lrar"), "L")
		y += 1.5
	}
	d.SetFont("B", 10.5)
	y = para(d, d.Left, y, d.TextWidth(), pdfdoc.LineHeight(10.5), d.T("letters.subject", "subject", l.Subject), "L")
	d.OnNewPage(func(d *pdfdoc.Doc) {
		d.TextColor(pdfdoc.Grey)
		d.SetFont("", 8)
		d.Text(d.Left, d.Top, d.TextWidth(), 4, d.T("letters.continued", "customer", l.CustomerName, "ref", l.Reference), "L")
		d.DrawColor(pdfdoc.Accent)
		d.PDF().Line(d.Left, d.Top+5, d.W-d.Right, d.Top+5)
		d.TextColor(pdfdoc.Black)
		d.SetY(d.Top + 8)
	})
	size, lines := bodySize(d, l, y+4)
	d.SetFont("", size)
	lh := pdfdoc.LineHeight(size)
	y = lines.para(d, d.Left, y+4, d.TextWidth(), lh, l.Salutation, "L")
	for _, b := range l.Body {
		if b.Table {
			d.SetY(y + 2.5)
			invoiceTable(d, l)
			y = d.Y() + 1
			d.SetFont("", size)
			continue
		}
		y = lines.para(d, d.Left, y+2.5, d.TextWidth(), lh, b.Text, "J")
	}
	// The closing formula stays on the page of the signature.
	if y+2.5+float64(lines.count(d, l.Closing, d.TextWidth()))*lh+signatureHeight > d.H-d.Bottom {
		d.NewPage()
		y = d.Y() - 2.5
	}
	y = lines.para(d, d.Left, y+2.5, d.TextWidth(), lh, l.Closing, "J")
	signature(d, l, y)
	if l.Decompte != nil && len(l.Decompte.Lines) > 0 {
		annex(d, l)
	}
}

// senderBlock writes who handles the matter, under the letterhead, left of the window.
func senderBlock(d *pdfdoc.Doc, l *compose.Letter, top float64) {
	s := l.Signatory
	if s.Name == "" {
		return
	}
	w := pdfdoc.WindowZone().X - d.Left - 3
	y := max(top+3, 62.0)
	d.SetFont("B", 8.5)
	d.TextColor(pdfdoc.Accent)
	d.Text(d.Left, y, w, 4, d.T("letters.sender.title"), "L")
	d.TextColor(pdfdoc.Black)
	y += 4
	d.SetFont("", 8.5)
	lines := []string{s.Name}
	if s.Title != "" {
		lines = append(lines, s.Title)
	}
	if s.Phone != "" {
		lines = append(lines, d.T("pdf.phone", "value", s.Phone))
	}
	if s.Email != "" {
		lines = append(lines, s.Email)
	}
	for _, ln := range lines {
		if y+4 > 96 {
			break
		}
		d.Text(d.Left, y, w, 4, ln, "L")
		y += 3.8
	}
	d.SetFont("", 10)
}

// invoiceTable draws the invoices with their totals.
func invoiceTable(d *pdfdoc.Doc, l *compose.Letter) {
	titles := l.Columns()
	widths := []float64{30, 21, 21, 27, 25, 27, 23}
	aligns := []string{"L", "C", "C", "R", "R", "R", "R"}
	cols := make([]pdfdoc.Column, len(titles))
	for i := range titles {
		cols[i] = pdfdoc.Column{Title: titles[i], Width: widths[i], Align: aligns[i]}
	}
	t := d.NewTable(cols...)
	t.Size, t.RowH = 8.5, 5.5
	t.Header()
	for _, ln := range l.Invoices {
		st := pdfdoc.RowStyle{}
		late := ""
		if ln.DaysLate > 0 {
			st.Color = pdfdoc.Alert
			late = itoa(ln.DaysLate)
		}
		t.RowStyled(st, ln.Number, d.Date(ln.DocDate), d.Date(ln.DueDate), d.Money(ln.Amount), d.Money(ln.Paid),
			d.Money(ln.Remaining), late)
	}
	tot := l.Totals
	t.Total(d.T("letters.col.total"), "", "", d.Money(tot.Amount), d.Money(tot.Paid), d.Money(tot.Remaining), "")
}

const signatureHeight = 18.0

// bodySize returns the body font size that keeps the letter on one page when it can:
// 10 pt, else down to 8.5 pt; a letter too long even so stays in 10 pt over pages.
// The body's lines at that size come with it, measured once.
func bodySize(d *pdfdoc.Doc, l *compose.Letter, top float64) (float64, wrapped) {
	avail := d.H - d.Bottom - top
	for _, size := range []float64{10, 9.5, 9, 8.5} {
		d.SetFont("", size)
		lh := pdfdoc.LineHeight(size)
		lines := wrapped{}
		h := float64(lines.count(d, l.Salutation, d.TextWidth())) * lh
		for _, b := range l.Body {
			if b.Table {
				h += 2.5 + 5.5*float64(len(l.Invoices)+2) + 1
				continue
			}
			h += 2.5 + float64(lines.count(d, b.Text, d.TextWidth()))*lh
		}
		h += 2.5 + float64(lines.count(d, l.Closing, d.TextWidth()))*lh + signatureHeight
		if h <= avail {
			return size, lines
		}
	}
	return 10, nil
}

// signature draws the signatory's name and title in the right half.
func signature(d *pdfdoc.Doc, l *compose.Letter, y float64) {
	s := l.Signatory
	if y+signatureHeight > d.H-d.Bottom {
		d.NewPage()
		y = d.Y()
	}
	x := d.Left + d.TextWidth()/2 + 10
	w := d.W - d.Right - x
	d.SetFont("B", 10)
	d.Text(x, y+6, w, 5, s.Name, "L")
	if s.Title != "" {
		d.SetFont("", 9)
		d.Text(x, y+11, w, 5, s.Title, "L")
	}
	d.SetFont("", 10)
	d.SetY(y + 18)
}

// annex draws the penalty décompte on a page of its own.
func annex(d *pdfdoc.Doc, l *compose.Letter) {
	dc := l.Decompte
	d.NewPage()
	d.TextColor(pdfdoc.Accent)
	d.SetFont("B", 12)
	y := para(d, d.Left, d.Y()+2, d.TextWidth(), pdfdoc.LineHeight(12), d.T("letters.annex.title"), "L")
	d.TextColor(pdfdoc.Black)
	d.SetFont("", 9)
	y = para(d, d.Left, y+1, d.TextWidth(), pdfdoc.LineHeight(9),
		d.T("letters.annex.intro", "customer", l.CustomerName, "date", d.LongDate(dc.End)), "L")
	d.SetY(y + 3)
	// the rate column takes the rest of the width: « 10,15 % (C. commande publique R2192-31) »
	// is written whole, not cut
	const fixed = 27 + 20 + 20 + 12 + 24 + 24
	t := d.NewTable(
		pdfdoc.Column{Title: d.T("letters.annex.col.invoice"), Width: 27, Align: "L"},
		pdfdoc.Column{Title: d.T("letters.annex.col.from"), Width: 20, Align: "C"},
		pdfdoc.Column{Title: d.T("letters.annex.col.to"), Width: 20, Align: "C"},
		pdfdoc.Column{Title: d.T("letters.annex.col.days"), Width: 12, Align: "R"},
		pdfdoc.Column{Title: d.T("letters.annex.col.rate"), Width: d.TextWidth() - fixed, Align: "L"},
		pdfdoc.Column{Title: d.T("letters.annex.col.base"), Width: 24, Align: "R"},
		pdfdoc.Column{Title: d.T("letters.annex.col.interest"), Width: 24, Align: "R"},
	)
	t.Size, t.RowH, t.Zebra = 8, 5, true
	t.Header()
	for _, ln := range dc.Lines {
		t.Row(ln.Invoice, d.Date(ln.From), d.Date(ln.To), itoa(ln.Days), rateText(d, ln.Rate.Rate.StringFixed(2), ln.Rate.Rule)+ln.Rate.EntryMark(),
			d.Money(ln.Base), d.Money(ln.Interest))
	}
	tot := dc.Totals
	t.Total(d.T("letters.col.total"), "", "", "", "", "", d.Money(tot.Interest))
	d.SetY(d.Y() + 4)
	sum := d.NewTable(
		pdfdoc.Column{Title: d.T("letters.annex.col.invoice"), Width: 44, Align: "L"},
		pdfdoc.Column{Title: d.T("letters.annex.col.principal"), Width: 32, Align: "R"},
		pdfdoc.Column{Title: d.T("letters.annex.col.interest"), Width: 32, Align: "R"},
		pdfdoc.Column{Title: d.T("letters.annex.col.indemnity"), Width: 32, Align: "R"},
		pdfdoc.Column{Title: d.T("letters.annex.col.total"), Width: 34, Align: "R"},
	)
	sum.Size, sum.RowH = 8, 5
	sum.Header()
	for _, it := range dc.Invoices {
		sum.Row(it.Invoice, d.Money(it.Principal), d.Money(it.Interest), d.Money(it.Indemnity),
			d.Money(it.Principal+it.Interest+it.Indemnity))
	}
	sum.Total(d.T("letters.col.total"), d.Money(tot.Principal), d.Money(tot.Interest), d.Money(tot.Indemnity), d.Money(tot.TotalDue))
	d.SetFont("I", 7.5)
	d.TextColor(pdfdoc.Grey)
	y = d.Y() + 3
	for _, n := range dc.Notes {
		y = para(d, d.Left, y, d.TextWidth(), pdfdoc.LineHeight(7.5), law.FormatNote(n, l.Lang, dc.Currency), "L")
	}
	d.TextColor(pdfdoc.Black)
	d.SetFont("", 10)
}

func rateText(d *pdfdoc.Doc, rate, rule string) string {
	if d.Lang() == "fr" {
		rate = strings.Replace(rate, ".", ",", 1) + "\u00a0%"
	} else {
		rate += "%"
	}
	if rule == "" {
		return rate
	}
	rule, _ = law.ShortRule(rule) // the code's name in full is in the notes under the table
	return rate + " (" + rule + ")"
}

// EncloseStatement encloses, after a statement cover letter (stage statement), the
// customer's statement of account at the letter's date; other letters enclose nothing.
func EncloseStatement(book *ledger.Book) func(d *pdfdoc.Doc, l *compose.Letter) {
	return func(d *pdfdoc.Doc, l *compose.Letter) {
		if l.Stage != templates.Statement {
			return
		}
		if acct := book.Account(l.Customer); acct != nil {
			statement.Draw(d, book, acct, l.Date, statement.Options{})
		}
	}
}
