package penaltyinvoice

import (
	"strconv"
	"strings"

	"relance/ledger"
	"relance/ledger/law"
	"relance/letters/decomptepdf"
	"relance/letters/pdfdoc"
)

// draw lays out the penalty invoice: letterhead and the debtor's address for a window
// envelope, title, number and date, the legal ground, the invoices paid late with
// their payments, the décompte (the shared table of letters/decomptepdf), the totals,
// the VAT mention, the payment terms and the notes of the computation.
func draw(d *pdfdoc.Doc, book *ledger.Book, acc *ledger.Account, pi *law.PenaltyInvoice) {
	s := book.Settings.Normalize()
	co := &s.Company
	c := &acc.Customer
	t := text{lang: d.Lang(), currency: pi.Currency}
	title := t.subject(pi)
	d.StartSection()
	d.OnNewPage(func(d *pdfdoc.Doc) {
		d.TextColor(pdfdoc.Grey)
		d.SetFont("", 8)
		d.Text(d.Left, d.Top, d.TextWidth(), 4, co.Name+" – "+title, "L")
		d.TextColor(pdfdoc.Black)
		d.SetY(d.Top + 7)
	})
	d.Letterhead(co)
	d.AddressBlock(pdfdoc.PostalLines(c.Name, c.Address, s.Country))
	d.FoldMarks()

	y := 98.0
	d.TextColor(pdfdoc.Accent)
	d.SetFont("B", 14)
	y = d.Para(d.Left, y, d.TextWidth(), pdfdoc.LineHeight(14), d.T("penaltyinv.title"), "L")
	d.TextColor(pdfdoc.Black)
	d.SetY(y + 1)
	ids := [][2]string{
		{d.T("penaltyinv.pdf.number"), pi.Number},
		{d.T("penaltyinv.pdf.date"), d.LongDate(pi.Date)},
		{d.T("penaltyinv.pdf.customer"), c.Name + " (" + c.ID + ")"},
	}
	if p := t.period(pi); p != "" {
		ids = append(ids, [2]string{d.T("penaltyinv.pdf.period"), p})
	}
	if v := strings.TrimSpace(c.VATNumber); v != "" {
		ids = append(ids, [2]string{d.T("penaltyinv.pdf.vat"), v})
	} else if v := strings.TrimSpace(c.SIREN); v != "" {
		ids = append(ids, [2]string{d.T("penaltyinv.pdf.siren"), pdfdoc.GroupSIREN(v)})
	}
	box(d, ids)

	d.SetFont("", 9)
	d.SetY(d.Para(d.Left, d.Y()+1, d.TextWidth(), pdfdoc.LineHeight(9), t.basis(pi.Debtor), "L") + 1)

	d.Heading(d.T("penaltyinv.pdf.h.invoices"), 25)
	invoices(d, pi)

	dc := pi.Decompte
	d.Heading(d.T("penaltyinv.pdf.h.decompte"), 25)
	decomptepdf.Lines(d, dc)
	d.SetY(d.Y() + 3)
	n := 0
	for _, b := range pi.Invoices {
		if b.Indemnity > 0 {
			n++
		}
	}
	d.TotalsBox([][2]string{
		{d.T("penaltyinv.pdf.sum.interest"), d.Money(pi.Interest)},
		{d.T("penaltyinv.pdf.sum.indemnity", "n", strconv.Itoa(n)), d.Money(pi.Indemnity)},
		{d.T("penaltyinv.pdf.sum.total"), d.Money(pi.Total)},
	}, 110)

	d.SetY(d.Y() + 3)
	d.Need(20)
	d.SetFont("B", 9)
	d.SetY(d.Para(d.Left, d.Y(), d.TextWidth(), pdfdoc.LineHeight(9), d.T("penaltyinv.vat"), "L") + 1.5)
	d.SetFont("", 9)
	d.SetY(d.Para(d.Left, d.Y(), d.TextWidth(), pdfdoc.LineHeight(9), t.terms(pi, co), "L") + 1.5)
	if sig := s.Signatory; strings.TrimSpace(sig.Name) != "" {
		parts := []string{sig.Name}
		for _, p := range []string{sig.Title, sig.Phone, sig.Email} {
			if strings.TrimSpace(p) != "" {
				parts = append(parts, p)
			}
		}
		d.SetY(d.Para(d.Left, d.Y(), d.TextWidth(), pdfdoc.LineHeight(9), d.T("penaltyinv.pdf.contact", "contact", strings.Join(parts, ", ")), "L") + 1.5)
	}

	d.Heading(d.T("penaltyinv.pdf.h.notes"), 15)
	d.TextColor(pdfdoc.Grey)
	d.SetFont("", 7.5)
	for _, note := range dc.Notes {
		d.SetY(d.Para(d.Left, d.Y()+0.5, d.TextWidth(), pdfdoc.LineHeight(7.5), "• "+law.FormatNote(note, d.Lang(), dc.Currency), "L"))
	}
	d.TextColor(pdfdoc.Black)
}

// box draws label/value pairs on a light background, the label in grey.
func box(d *pdfdoc.Doc, rows [][2]string) {
	lh := pdfdoc.LineHeight(9)
	const labelW = 38
	d.SetFont("B", 9)
	h := 2.0
	for _, r := range rows {
		h += lh * float64(len(d.Lines(r[1], d.TextWidth()-labelW-4)))
	}
	d.Need(h + 2)
	y0 := d.Y()
	d.FillColor(pdfdoc.Light)
	d.PDF().Rect(d.Left, y0, d.TextWidth(), h, "F")
	y := y0 + 1
	for _, r := range rows {
		d.TextColor(pdfdoc.Grey)
		d.SetFont("", 8.5)
		d.Text(d.Left+2, y, labelW, lh, r[0], "L")
		d.TextColor(pdfdoc.Black)
		d.SetFont("B", 9)
		y = d.Para(d.Left+labelW+2, y, d.TextWidth()-labelW-4, lh, r[1], "L")
	}
	d.SetY(y0 + h + 2)
}

// invoices lists the invoices billed, one row per late payment: the invoice's number,
// due date and amount, then each payment's date, amount and days bearing interest,
// and the invoice's interest and indemnity on its first row.
func invoices(d *pdfdoc.Doc, pi *law.PenaltyInvoice) {
	tb := d.NewTable(
		pdfdoc.Column{Title: d.T("penaltyinv.col.invoice"), Width: 26, Align: "L"},
		pdfdoc.Column{Title: d.T("penaltyinv.col.due"), Width: 19, Align: "C"},
		pdfdoc.Column{Title: d.T("penaltyinv.col.amount"), Width: 24, Align: "R"},
		pdfdoc.Column{Title: d.T("penaltyinv.col.paid_on"), Width: 19, Align: "C"},
		pdfdoc.Column{Title: d.T("penaltyinv.col.paid"), Width: 26, Align: "R"},
		pdfdoc.Column{Title: d.T("penaltyinv.col.days"), Width: 10, Align: "R"},
		pdfdoc.Column{Title: d.T("penaltyinv.col.interest"), Width: 22, Align: "R"},
		pdfdoc.Column{Title: d.T("penaltyinv.col.indemnity"), Width: 22, Align: "R"},
	)
	tb.Size = 7.5
	tb.Header()
	var paid ledger.Cents
	for k, b := range pi.Invoices {
		st := pdfdoc.RowStyle{}
		if k%2 == 1 {
			st.Fill = pdfdoc.Zebra // the rows of one invoice share a shade
		}
		for i, p := range b.Payments {
			paid += p.Amount
			days := strconv.Itoa(p.Date.DaysSince(b.Start))
			if i == 0 {
				tb.RowStyled(st, b.Number, d.Date(b.Due), d.Money(b.Amount), d.Date(p.Date), d.Money(p.Amount), days,
					d.Money(b.Interest), d.Money(b.Indemnity))
				continue
			}
			tb.RowStyled(st, "", "", "", d.Date(p.Date), d.Money(p.Amount), days, "", "")
		}
	}
	tb.Total(d.T("penaltyinv.pdf.total"), "", "", "", d.Money(paid), "", d.Money(pi.Interest), d.Money(pi.Indemnity))
	if pi.Debtor == law.DebtorConsumer {
		d.SetFont("I", 7.5)
		d.TextColor(pdfdoc.Grey)
		d.SetY(d.Para(d.Left, d.Y()+1, d.TextWidth(), pdfdoc.LineHeight(7.5), d.T("penaltyinv.pdf.days_notice"), "L"))
		d.TextColor(pdfdoc.Black)
	}
}
