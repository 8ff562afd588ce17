// Package decomptepdf draws a late-payment décompte (ledger/law.Decompte) in PDF: the
// table of its lines, and the whole one-section report of `relance penalties --out`.
package decomptepdf

import (
	"slices"
	"strconv"
	"strings"

	"relance/ledger"
	"relance/ledger/law"
	"relance/letters/pdfdoc"
)

// Draw lays out the décompte: a head naming the debtor's regime and the end
// date, one row per invoice and period, the totals, then the notes.
func Draw(d *pdfdoc.Doc, dc *law.Decompte, company *ledger.Company, title string) {
	d.ReportHead(company, dc.Currency, title, d.T("law.pdf.subtitle",
		"debtor", d.T("law.pdf.debtor."+dc.Debtor.String()), "date", d.LongDate(dc.End)))
	tot := dc.Totals
	if len(dc.Lines) > 0 { // none when no invoice is late: the notes say why
		Lines(d, dc)
	}
	d.SetY(d.Y() + 3)
	d.TotalsBox([][2]string{
		{d.T("law.total.paid"), d.Money(tot.Paid)},
		{d.T("law.total.principal"), d.Money(tot.Principal)},
		{d.T("law.total.interest"), d.Money(tot.Interest)},
		{d.T("law.total.indemnity"), d.Money(tot.Indemnity)},
		{d.T("law.total.due"), d.Money(tot.TotalDue)},
	}, 110)
	d.Heading(d.T("law.pdf.h.notes"), 15)
	warn := map[string]bool{}
	for _, n := range dc.Warnings() {
		text := law.FormatNote(n, d.Lang(), dc.Currency)
		warn[text] = true
		d.TextColor(pdfdoc.Alert)
		d.SetFont("B", 8.5)
		d.SetY(d.Para(d.Left, d.Y()+0.5, d.TextWidth(), pdfdoc.LineHeight(8.5), "• "+text, "L") + 1)
	}
	d.TextColor(pdfdoc.Grey)
	d.SetFont("", 7.5)
	for _, n := range dc.Notes {
		text := law.FormatNote(n, d.Lang(), dc.Currency)
		if warn[text] {
			continue
		}
		d.SetY(d.Para(d.Left, d.Y()+0.5, d.TextWidth(), pdfdoc.LineHeight(7.5), "• "+text, "L"))
	}
	d.TextColor(pdfdoc.Black)
}

// Lines draws the table of the décompte's lines — invoice, period, days, rate, base,
// interest and the rule applied — and their total: the penalties report and the
// injonction pack draw it the same way.
func Lines(d *pdfdoc.Doc, dc *law.Decompte) { LinesTitled(d, dc, d.T("law.col.invoice")) }

// LinesTitled is Lines with first as the first column's title: « Poste » where the
// lines are a judgment's sums rather than invoices (letters/judgmentpdf).
func LinesTitled(d *pdfdoc.Doc, dc *law.Decompte, first string) {
	t := d.NewTable(
		pdfdoc.Column{Title: first, Width: 26, Align: "L"},
		pdfdoc.Column{Title: d.T("law.col.from"), Width: 19, Align: "C"},
		pdfdoc.Column{Title: d.T("law.col.to"), Width: 19, Align: "C"},
		pdfdoc.Column{Title: d.T("law.col.days"), Width: 11, Align: "R"},
		pdfdoc.Column{Title: d.T("law.col.rate"), Width: 17, Align: "R"},
		pdfdoc.Column{Title: d.T("law.col.base"), Width: 24, Align: "R"},
		pdfdoc.Column{Title: d.T("law.col.interest"), Width: 21, Align: "R"},
		pdfdoc.Column{Title: d.T("law.col.rule"), Width: 37, Align: "L"},
	)
	t.Size, t.Zebra = 7.5, true
	t.Header()
	var abbrev []string // the abbreviations the rule column used, spelt out below
	for _, ln := range dc.Lines {
		rule, keys := law.ShortRule(ln.Rate.Rule)
		for _, k := range keys {
			if !slices.Contains(abbrev, k) {
				abbrev = append(abbrev, k)
			}
		}
		t.Row(ln.Invoice, d.Date(ln.From), d.Date(ln.To), strconv.Itoa(ln.Days), d.Percent(ln.Rate.Rate)+ln.Rate.EntryMark(),
			d.Money(ln.Base), d.Money(ln.Interest), rule)
	}
	t.Total(d.T("law.pdf.total"), "", "", "", "", "", d.Money(dc.Totals.Interest), "")
	if len(abbrev) > 0 {
		parts := make([]string, len(abbrev))
		for i, k := range abbrev {
			parts[i] = d.T(k)
		}
		d.TextColor(pdfdoc.Grey)
		d.SetFont("", 7)
		d.SetY(d.Para(d.Left, d.Y()+1, d.TextWidth(), pdfdoc.LineHeight(7), strings.Join(parts, " ; "), "L"))
		d.TextColor(pdfdoc.Black)
	}
}
