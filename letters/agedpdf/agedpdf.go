// Package agedpdf prints an aged balance (balance âgée) as a landscape A4 PDF: title,
// as-of date, company, one line per customer (account, name, balance, not due, each
// range of days past due, credits), totals, each column's share of the balance, and
// page numbers, with the header row repeated on every page.
//
// It takes its figures in its own Report type, not credit's, so that the computation
// (ledger/credit) and its print can change independently; FromAged-style adapters
// live with the caller (see the package test for one).
package agedpdf

import (
	"io"
	"strconv"
	"strings"
	"time"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/letters/pdfdoc"
)

// Range is a range of days past due, From..To inclusive; To == 0 means "and more".
type Range struct{ From, To int }

// Line is one customer's line of the aged balance.
type Line struct {
	ID, Name string
	NotDue   ledger.Cents
	Late     []ledger.Cents // one per Report.Ranges
	Credits  ledger.Cents   // open credits (negative)
}

// Balance returns Σ columns.
func (l *Line) Balance() ledger.Cents {
	b := l.NotDue + l.Credits
	for _, v := range l.Late {
		b += v
	}
	return b
}

// Report is an aged balance to print.
type Report struct {
	AsOf   ledger.Date
	Ranges []Range
	Lines  []Line
	// Doubtful is the sum of the doubtful customers' lines (account 416), printed on a
	// line of its own below the total, and DoubtfulCustomers their number (0: no line).
	Doubtful          Line
	DoubtfulCustomers int
}

// Total returns the sum of the lines.
func (r *Report) Total() Line {
	t := Line{Late: make([]ledger.Cents, len(r.Ranges))}
	for i := range r.Lines {
		l := &r.Lines[i]
		t.NotDue += l.NotDue
		t.Credits += l.Credits
		for j := range t.Late {
			if j < len(l.Late) {
				t.Late[j] += l.Late[j]
			}
		}
	}
	return t
}

// Options tune the print. The zero value prints in the dossier's language.
type Options struct {
	Lang    string          // "fr" or "en"; empty: the dossier's language
	Created time.Time       // PDF creation date; zero: noon UTC on the as-of date
	Factory *pdfdoc.Factory // nil: a new one
}

// Render writes the aged balance r of the dossier with settings s to w as a PDF.
func Render(w io.Writer, s ledger.Settings, r Report, opt Options) (err error) {
	defer pdfdoc.Guard(&err, "pdfsafe.kind.aged", nil)
	lang := opt.Lang
	if lang == "" {
		lang = s.Lang
	}
	if opt.Created.IsZero() {
		opt.Created = r.AsOf.Time().Add(12 * time.Hour)
	}
	if opt.Factory == nil {
		opt.Factory = pdfdoc.NewFactory()
	}
	title := i18n.T(lang, "pdf.aged.title", "date", pdfdoc.FormatDate(lang, r.AsOf))
	m := pdfdoc.Meta{Title: title, Subject: s.Company.Name, Author: s.Company.Name, Lang: lang,
		Currency: s.Currency, Created: opt.Created, Landscape: true}
	return opt.Factory.Render(w, m, func(d *pdfdoc.Doc) error {
		draw(d, &s, &r, title)
		return nil
	})
}

func draw(d *pdfdoc.Doc, s *ledger.Settings, r *Report, title string) {
	currency := s.Currency
	if currency == "" {
		currency = "EUR"
	}
	d.ReportHead(&s.Company, s.Currency, title, d.T(i18n.N(d.Lang(), "pdf.aged.subtitle", len(r.Lines)), "count", strconv.Itoa(len(r.Lines)),
		"currency", currency))

	money := 25.0
	fixed := 22 + money*float64(3+len(r.Ranges))
	cols := []pdfdoc.Column{
		{Title: d.T("pdf.aged.col.id"), Width: 22, Align: "L"},
		{Title: d.T("pdf.aged.col.name"), Width: max(45, d.TextWidth()-fixed), Align: "L"},
		{Title: d.T("pdf.aged.col.balance"), Width: money, Align: "R"},
		{Title: d.T("pdf.aged.col.notdue"), Width: money, Align: "R"},
	}
	for _, rg := range r.Ranges {
		t := d.T("pdf.aged.col.range", "from", strconv.Itoa(rg.From), "to", strconv.Itoa(rg.To))
		if rg.To == 0 {
			t = d.T("pdf.aged.col.over", "days", strconv.Itoa(rg.From-1))
		}
		cols = append(cols, pdfdoc.Column{Title: t, Width: money, Align: "R"})
	}
	cols = append(cols, pdfdoc.Column{Title: d.T("pdf.aged.col.credits"), Width: money, Align: "R"})

	t := d.NewTable(cols...)
	t.Size, t.RowH, t.Zebra = 7.5, 4.6, true
	t.Header()
	blank := func(c ledger.Cents) string {
		if c == 0 {
			return ""
		}
		return d.Money(c)
	}
	row := func(l *Line, balance func(ledger.Cents) string) []string {
		cells := []string{l.ID, l.Name, balance(l.Balance()), blank(l.NotDue)}
		for i := range r.Ranges {
			var v ledger.Cents
			if i < len(l.Late) {
				v = l.Late[i]
			}
			cells = append(cells, blank(v))
		}
		return append(cells, blank(l.Credits))
	}
	for i := range r.Lines {
		t.Row(row(&r.Lines[i], d.Money)...)
	}
	total := r.Total()
	total.Name = d.T("pdf.aged.total")
	t.Total(row(&total, d.Money)...)
	share := []string{"", d.T("pdf.aged.share"), percent(d.Lang(), total.Balance(), total.Balance()),
		percent(d.Lang(), total.NotDue, total.Balance())}
	for _, v := range total.Late {
		share = append(share, percent(d.Lang(), v, total.Balance()))
	}
	share = append(share, percent(d.Lang(), total.Credits, total.Balance()))
	t.RowStyled(pdfdoc.RowStyle{Color: pdfdoc.Grey}, share...)
	if r.DoubtfulCustomers > 0 {
		doubt := r.Doubtful
		doubt.Name = d.T("pdf.aged.doubtful", "n", strconv.Itoa(r.DoubtfulCustomers))
		t.Row(row(&doubt, d.Money)...)
	}
}

// percent formats part/whole with one decimal: "12,3 %" in French, "12.3%" in English.
func percent(lang string, part, whole ledger.Cents) string {
	if whole == 0 {
		return ""
	}
	p := float64(part) * 100 / float64(whole) // display only: money stays in Cents
	s := strconv.FormatFloat(p, 'f', 1, 64)
	if lang == "fr" {
		return strings.Replace(s, ".", ",", 1) + "\u00a0%"
	}
	return s + "%"
}
