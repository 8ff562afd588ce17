package dashpdf

import (
	"strconv"

	"relance/assets/i18n"
	"relance/ledger/cause"
	"relance/ledger/earned"
	"relance/letters/pdfdoc"
)

// earnedSection prints what collection brought in over the report's period
// (earned.Report): the cash after each lever, its share and delay, then the DSO gained
// and its value at the firm's financing rate.
func (p *printer) earnedSection(r *earned.Report) {
	d := p.d
	lang := d.Lang()
	d.Need(14 + 4.6*float64(len(r.Rows)+1))
	p.heading(d.T("dash.pdf.earned", "from", d.Date(r.From), "to", d.Date(r.To)))
	t := d.NewTable(
		pdfdoc.Column{Title: i18n.T(lang, "earned.col.lever"), Width: 62, Align: "L"},
		pdfdoc.Column{Title: i18n.T(lang, "earned.col.actions"), Width: 20, Align: "R"},
		pdfdoc.Column{Title: i18n.T(lang, "earned.col.payments"), Width: 22, Align: "R"},
		pdfdoc.Column{Title: i18n.T(lang, "earned.col.collected"), Width: 34, Align: "R"},
		pdfdoc.Column{Title: i18n.T(lang, "earned.col.share"), Width: 20, Align: "R"},
		pdfdoc.Column{Title: i18n.T(lang, "earned.col.delay"), Width: 22, Align: "R"},
	)
	t.Size, t.RowH, t.Zebra = 7.5, 4.6, true
	t.Header()
	for _, row := range r.Rows {
		actions, delay := strconv.Itoa(row.Actions), earned.Num(lang, row.Delay)
		if row.Payments == 0 {
			delay = "—"
		}
		if row.Lever == earned.None {
			actions, delay = "", ""
		}
		t.Row(row.Lever.Label(lang), actions, strconv.Itoa(row.Payments), d.Money(row.Collected),
			earned.Num(lang, row.Share)+" %", delay)
	}
	d.SetFont("", 8.5)
	y := d.Y() + 2
	for _, line := range r.Lines(lang, d.Date, d.Money) {
		y = d.Para(d.Left, y, d.TextWidth(), 4.2, line, "L")
	}
	d.SetY(y + 2)
}

// causesSection prints the invoices late at the report's date by cause (cause.Breakdown):
// each cause with its side, count, amount and share, then the totals.
func (p *printer) causesSection(b *cause.Breakdown) {
	d := p.d
	lang := d.Lang()
	n := 4
	for _, ln := range b.Lines {
		if ln.Count > 0 {
			n++
		}
	}
	d.Need(14 + 4.6*float64(n+1))
	p.heading(d.T("dash.pdf.causes", "date", d.Date(b.AsOf)))
	t := d.NewTable(
		pdfdoc.Column{Title: i18n.T(lang, "cause.col.cause"), Width: 70, Align: "L"},
		pdfdoc.Column{Title: i18n.T(lang, "cause.col.side"), Width: 22, Align: "L"},
		pdfdoc.Column{Title: i18n.T(lang, "cause.ui.count"), Width: 22, Align: "R"},
		pdfdoc.Column{Title: i18n.T(lang, "cause.col.amount"), Width: 36, Align: "R"},
		pdfdoc.Column{Title: i18n.T(lang, "cause.ui.share"), Width: 20, Align: "R"},
	)
	t.Size, t.RowH, t.Zebra = 7.5, 4.6, true
	t.Header()
	row := func(name, side string, x cause.Total) {
		t.Row(name, side, strconv.Itoa(x.Count), d.Money(x.Amount), strconv.Itoa(b.Share(x))+" %")
	}
	for _, ln := range b.Lines {
		if ln.Count > 0 {
			row(ln.Cause.Label(lang), cause.SideLabel(lang, ln.Internal), ln.Total)
		}
	}
	row(i18n.T(lang, "cause.unstated"), "", b.Unstated)
	row(i18n.T(lang, "cause.internal"), "", b.Internal)
	row(i18n.T(lang, "cause.external"), "", b.External)
	row(i18n.T(lang, "cause.all"), "", b.Late)
}
