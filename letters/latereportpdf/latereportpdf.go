// Package latereportpdf prints the payment-terms table of the management report (C. com.
// L441-14, D441-6), computed by ledger/latereport, as a landscape A4 PDF in the house
// style of the aged balance (letters/agedpdf): the company and the title, a grey
// subtitle naming the financial year and the basis of the amounts, the table laid out as
// the model — columns 1 to 30 days, 31 to 60, 61 to 90, 91 and more, total; section (A)
// number, amount and share of the turnover, section (B) the excluded invoices, section
// (C) the reference terms — then the notes that say how the figures were made.
package latereportpdf

import (
	"io"
	"strconv"
	"time"

	"relance/ledger"
	"relance/ledger/latereport"
	"relance/letters/pdfdoc"
)

// Options tune the print. The zero value prints in the dossier's language.
type Options struct {
	Lang    string          // "fr" or "en"; empty: the dossier's language
	Created time.Time       // PDF creation date; zero: noon UTC on the closing date
	Factory *pdfdoc.Factory // nil: a new one
}

// Render writes the table r of the dossier with settings s to w as a PDF.
func Render(w io.Writer, s ledger.Settings, r *latereport.Report, opt Options) (err error) {
	defer pdfdoc.Guard(&err, "latereport.pdf.kind", nil)
	lang := opt.Lang
	if lang == "" {
		lang = s.Lang
	}
	if opt.Created.IsZero() {
		opt.Created = r.Closing.Time().Add(12 * time.Hour)
	}
	if opt.Factory == nil {
		opt.Factory = pdfdoc.NewFactory()
	}
	title := latereport.Title(lang)
	m := pdfdoc.Meta{Title: title, Subject: s.Company.Name, Author: s.Company.Name, Lang: lang,
		Currency: r.Currency, Created: opt.Created, Landscape: true}
	return opt.Factory.Render(w, m, func(d *pdfdoc.Doc) error {
		draw(d, &s, r, title)
		return nil
	})
}

const (
	rowH = 6.0
	size = 8.5
)

func draw(d *pdfdoc.Doc, s *ledger.Settings, r *latereport.Report, title string) {
	lang := d.Lang()
	d.ReportHead(&s.Company, r.Currency, title, r.Subtitle(lang))
	lb := latereport.LabelsFor(lang)
	money, total := 33.0, 42.0
	label := d.TextWidth() - money*float64(len(lb.Columns)-1) - total
	cols := []pdfdoc.Column{{Title: "", Width: label, Align: "L"}}
	for i, c := range lb.Columns {
		w := money
		if i == len(lb.Columns)-1 {
			w = total
		}
		cols = append(cols, pdfdoc.Column{Title: c, Width: w, Align: "R"})
	}
	t := d.NewTable(cols...)
	t.Size, t.RowH = size, rowH
	d.Need(13 * rowH)
	t.Header()
	band := func(text string) {
		y := d.Y()
		d.FillColor(pdfdoc.Zebra)
		d.PDF().Rect(d.Left, y, t.Width(), rowH, "F")
		d.TextColor(pdfdoc.Accent)
		d.SetFont("B", size)
		d.Text(d.Left, y, t.Width(), rowH, text, "L")
		d.TextColor(pdfdoc.Black)
		d.SetY(y + rowH)
	}
	n := len(latereport.Brackets())
	row := func(name string, cell func(c latereport.Cell) string) []string {
		cells := []string{name}
		for i := 0; i < n; i++ {
			cells = append(cells, cell(r.Late[i]))
		}
		return append(cells, cell(r.Total))
	}
	band(lb.SectionA)
	t.Row(row(lb.Count, func(c latereport.Cell) string { return strconv.Itoa(c.Count) })...)
	t.Row(row(lb.Amount, func(c latereport.Cell) string { return d.Money(c.Amount) })...)
	t.Row(row(lb.Share, func(c latereport.Cell) string { return r.ShareText(lang, c.Amount) })...)
	band(lb.SectionB)
	only := func(name, v string) []string {
		cells := []string{name}
		for i := 0; i < n; i++ {
			cells = append(cells, "")
		}
		return append(cells, v)
	}
	t.Row(only(lb.ExclCount, strconv.Itoa(r.Excluded.Count))...)
	t.Row(only(lb.ExclAmount, d.Money(r.Excluded.Amount))...)
	band(lb.SectionC)
	lh := pdfdoc.LineHeight(size)
	for _, l := range [][2]string{{lb.Contractual, r.Contractual(lang)}, {lb.Legal, r.Legal(lang)}} {
		y := d.Y() + 1
		d.SetFont("B", size)
		d.Text(d.Left, y, label, lh, l[0], "L")
		d.SetFont("", size)
		d.SetY(d.Para(d.Left+label+1, y, t.Width()-label-2, lh, l[1], "L") + 1)
	}
	d.DrawColor(pdfdoc.Accent)
	d.PDF().SetLineWidth(0.3)
	d.PDF().Line(d.Left, d.Y(), d.Left+t.Width(), d.Y())

	y := d.Y() + 4
	d.TextColor(pdfdoc.Grey)
	d.SetFont("", 8)
	for _, note := range r.Notes(lang) {
		y = d.Para(d.Left, y, t.Width(), pdfdoc.LineHeight(8), note, "L") + 1
	}
	d.TextColor(pdfdoc.Black)
}
