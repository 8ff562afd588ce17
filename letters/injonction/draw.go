package injonction

import (
	"relance/letters/decomptepdf"
	"strconv"
	"strings"

	"relance/ledger"
	"relance/ledger/law"
	"relance/letters/pdfdoc"
)

// draw lays out the pack: court and form, eligibility, the request's data in the
// form's order (or Form A), the invoices claimed, the décompte, the bordereau, the
// cost estimate, the notes and the signature.
func draw(d *pdfdoc.Doc, book *ledger.Book, p *law.IPPack) {
	co := &book.Settings.Company
	lang := d.Lang()
	title := d.T("ip.pdf.title")
	if p.Court.Kind == law.CourtEU {
		title = d.T("ip.pdf.title_eu")
	}
	d.ReportHead(co, p.Currency, title, d.T("ip.pdf.subtitle", "customer", p.Name, "id", p.Customer, "date", d.LongDate(p.AsOf)))

	// The court.
	box(d, []kv{
		{d.T("ip.pdf.court"), p.Court.Name(lang)},
		{d.T("ip.pdf.form"), formName(d, p.Court)},
		{d.T("ip.pdf.rule"), p.Court.Rule},
		{d.T("ip.pdf.filing"), d.T("ip.pdf.filing." + filing(p.Court))},
	})

	// Eligibility.
	d.Heading(d.T("ip.pdf.h.eligibility"), 30)
	verdict := d.T("ip.pdf.eligible")
	color := pdfdoc.Accent
	if !p.Eligibility.Eligible {
		verdict = d.T("ip.pdf.not_eligible", "route", law.Note{Key: "law.route." + string(p.Eligibility.Route)}.Text(lang))
		color = pdfdoc.Alert
	}
	d.TextColor(color)
	d.SetFont("B", 9.5)
	y := d.Para(d.Left, d.Y(), d.TextWidth(), pdfdoc.LineHeight(9.5), verdict, "L")
	d.TextColor(pdfdoc.Black)
	d.SetY(y + 1)
	for _, c := range p.Eligibility.Checks {
		mark, col := d.T("ip.pdf.yes"), pdfdoc.Black
		if !c.OK {
			mark, col = d.T("ip.pdf.no"), pdfdoc.Alert
		}
		d.Need(5)
		y := d.Y()
		d.TextColor(col)
		d.SetFont("B", 8.5)
		d.Text(d.Left, y, 12, pdfdoc.LineHeight(8.5), mark, "L")
		d.TextColor(pdfdoc.Black)
		d.SetFont("", 8.5)
		d.SetY(d.Para(d.Left+12, y, d.TextWidth()-12, pdfdoc.LineHeight(8.5), law.FormatNote(c.Note, lang, p.Currency), "L") + 0.5)
	}
	if len(p.Eligibility.Alternatives) > 0 {
		d.SetFont("I", 8.5)
		for _, r := range p.Eligibility.Alternatives {
			d.SetY(d.Para(d.Left, d.Y(), d.TextWidth(), pdfdoc.LineHeight(8.5),
				d.T("ip.pdf.alternative", "route", law.Note{Key: "law.route." + string(r)}.Text(lang)), "L") + 0.5)
		}
	}

	// The request's data in the form's order.
	d.Heading(d.T("ip.pdf.h.form", "form", formName(d, p.Court)), 30)
	fields(d, p.Form, p.Currency)
	if len(p.European) > 0 {
		d.Heading(d.T("ip.pdf.h.form_a"), 30)
		fields(d, p.European, p.Currency)
	}

	claimed(d, p)
	decompte(d, p)
	bordereau(d, p)
	costs(d, p)

	if len(p.Notes) > 0 {
		d.Heading(d.T("ip.pdf.h.notes"), 20)
		d.SetFont("", 8)
		for _, n := range p.Notes {
			d.SetY(d.Para(d.Left, d.Y(), d.TextWidth(), pdfdoc.LineHeight(8), "• "+law.FormatNote(n, lang, p.Currency), "L") + 0.5)
		}
	}
	signature(d, book, p)
}

type kv struct{ k, v string }

// box draws label/value pairs on a light background (pdfdoc.LabelBox).
func box(d *pdfdoc.Doc, rows []kv) {
	pairs := make([][2]string, len(rows))
	for i, r := range rows {
		pairs[i] = [2]string{r.k, r.v}
	}
	d.LabelBox(pairs, 40)
}

// fields writes form fields under their section titles, label on the left.
func fields(d *pdfdoc.Doc, ff []law.FormField, currency string) {
	lang := d.Lang()
	section := ""
	lh := pdfdoc.LineHeight(8.5)
	for _, f := range ff {
		if f.Section != section {
			section = f.Section
			d.Need(12)
			d.TextColor(pdfdoc.Accent)
			d.SetFont("B", 9)
			d.Text(d.Left, d.Y()+1, d.TextWidth(), 5, d.T(f.Section), "L")
			d.TextColor(pdfdoc.Black)
			d.SetY(d.Y() + 6.5)
		}
		v := f.Value(lang, currency)
		if v == "" {
			v = "—"
		}
		d.Need(lh)
		y := d.Y()
		d.TextColor(pdfdoc.Grey)
		d.SetFont("", 8)
		d.Text(d.Left+3, y, 52, lh, d.T(f.Label), "L")
		d.TextColor(pdfdoc.Black)
		d.SetFont("", 8.5)
		d.SetY(d.Para(d.Left+56, y, d.TextWidth()-56, lh, v, "L") + 0.6)
	}
}

// claimed lists the items considered: what is claimed, and what is left out and why.
func claimed(d *pdfdoc.Doc, p *law.IPPack) {
	d.Heading(d.T("ip.pdf.h.invoices"), 20)
	t := d.NewTable(
		pdfdoc.Column{Title: d.T("ip.pdf.col.number"), Width: 26, Align: "L"},
		pdfdoc.Column{Title: d.T("ip.pdf.col.date"), Width: 19, Align: "C"},
		pdfdoc.Column{Title: d.T("ip.pdf.col.due"), Width: 19, Align: "C"},
		pdfdoc.Column{Title: d.T("ip.pdf.col.amount"), Width: 25, Align: "R"},
		pdfdoc.Column{Title: d.T("ip.pdf.col.open"), Width: 25, Align: "R"},
		pdfdoc.Column{Title: d.T("ip.pdf.col.claimed"), Width: 25, Align: "R"},
		pdfdoc.Column{Title: d.T("ip.pdf.col.remark"), Width: 35, Align: "L"},
	)
	t.Size, t.Zebra = 7.5, true
	t.Header()
	var open ledger.Cents
	for _, l := range p.Lines {
		st := pdfdoc.RowStyle{}
		remark := ""
		if l.Excluded != "" {
			remark = d.T(l.Excluded)
			st.Color = pdfdoc.Grey
		}
		if l.Kind == law.KindPenaltyInvoice {
			remark = d.T("penaltyinv.ip.remark")
		}
		open += l.Open
		t.RowStyled(st, l.Number, d.Date(l.DocDate), d.Date(l.DueDate), d.Money(l.Amount), d.Money(l.Open), d.Money(l.Claimed), remark)
	}
	t.Total(d.T("ip.pdf.total"), "", "", "", d.Money(open), d.Money(p.Principal), "")
}

// decompte prints the penalty computation, one line per invoice and period.
func decompte(d *pdfdoc.Doc, p *law.IPPack) {
	dc := p.Decompte
	if dc == nil {
		return
	}
	d.Heading(d.T("ip.pdf.h.decompte", "date", d.Date(dc.End)), 25)
	decomptepdf.Lines(d, dc)
	d.SetY(d.Y() + 3)
	tot := dc.Totals
	rows := []kv{
		{d.T("ip.pdf.sum.principal"), d.Money(tot.Principal)},
		{d.T("ip.pdf.sum.interest"), d.Money(tot.Interest)},
		{d.T("ip.pdf.sum.indemnity", "n", strconv.Itoa(countIndemnity(dc))), d.Money(tot.Indemnity)},
	}
	if p.Penalties > 0 { // issued penalty invoices still owed, on lines of their own
		rows = append(rows, kv{d.T("penaltyinv.ip.sum"), d.Money(p.Penalties)})
	}
	rows = append(rows, kv{d.T("ip.pdf.sum.total"), d.Money(p.Total)})
	box := make([][2]string, len(rows))
	for i, r := range rows {
		box[i] = [2]string{r.k, r.v}
	}
	d.TotalsBox(box, 110)
	d.SetFont("", 7.5)
	d.TextColor(pdfdoc.Grey)
	for _, n := range dc.Notes {
		d.SetY(d.Para(d.Left, d.Y()+0.5, d.TextWidth(), pdfdoc.LineHeight(7.5), "• "+law.FormatNote(n, d.Lang(), dc.Currency), "L"))
	}
	d.TextColor(pdfdoc.Black)
}

func countIndemnity(dc *law.Decompte) int {
	n := 0
	for _, t := range dc.Invoices {
		if t.Indemnity > 0 {
			n++
		}
	}
	return n
}

// bordereau prints the numbered list of supporting documents and where each one is.
func bordereau(d *pdfdoc.Doc, p *law.IPPack) {
	d.Heading(d.T("ip.pdf.h.bordereau"), 25)
	t := d.NewTable(
		pdfdoc.Column{Title: d.T("ip.pdf.col.n"), Width: 10, Align: "R"},
		pdfdoc.Column{Title: d.T("ip.pdf.col.document"), Width: 112, Align: "L"},
		pdfdoc.Column{Title: d.T("ip.pdf.col.status"), Width: 52, Align: "L"},
	)
	t.Size = 8
	t.Header()
	for i, doc := range p.Documents {
		st := pdfdoc.RowStyle{}
		if doc.Status == law.DocToAttach || doc.Status == law.DocMissing {
			st.Color = pdfdoc.Alert
		}
		if i%2 == 1 { // zebra by document: a text wrapped over two rows keeps one shade
			st.Fill = pdfdoc.Zebra
		}
		wrappedRow(d, t, t.Width()*112/174, st, strconv.Itoa(doc.N), doc.Text(d.Lang(), p.Currency), d.T("law.doc.status."+string(doc.Status)))
	}
	proofWarnings(d, p)
}

// costs prints the cost estimate.
func costs(d *pdfdoc.Doc, p *law.IPPack) {
	d.Heading(d.T("ip.pdf.h.costs"), 25)
	t := d.NewTable(
		pdfdoc.Column{Title: d.T("ip.pdf.col.cost"), Width: 110, Align: "L"},
		pdfdoc.Column{Title: d.T("ip.pdf.col.rule"), Width: 38, Align: "L"},
		pdfdoc.Column{Title: d.T("ip.pdf.col.amount"), Width: 26, Align: "R"},
	)
	t.Size = 8
	t.Header()
	var tariffs []string
	for _, c := range p.Costs {
		st := pdfdoc.RowStyle{}
		if c.Optional {
			st.Color = pdfdoc.Grey
		}
		t.RowStyled(st, d.T(c.Key), c.Rule, d.Money(c.Amount))
		if c.Tariff != nil {
			tariffs = append(tariffs, d.T(c.Key)+" : "+c.AmountText(d.Lang(), p.Currency))
		}
	}
	t.Total(d.T("ip.pdf.cost_total"), "", d.Money(p.CostTotal))
	// a tariff's date and source under the table, whole (a cell would cut them)
	d.TextColor(pdfdoc.Grey)
	d.SetFont("", 7.5)
	for _, s := range tariffs {
		d.SetY(d.Para(d.Left, d.Y()+1, d.TextWidth(), pdfdoc.LineHeight(7.5), s, "L"))
	}
	d.TextColor(pdfdoc.Black)
}

// signature closes the dossier: place and date, signatory.
func signature(d *pdfdoc.Doc, book *ledger.Book, p *law.IPPack) {
	d.Need(28)
	y := d.Y() + 5
	x := d.Left + d.TextWidth()/2 + 10
	w := d.W - d.Right - x
	d.SetFont("", 9.5)
	d.Text(x, y, w, 5, d.T("pdf.place_date", "place", book.Settings.Company.Address.City, "date", d.LongDate(p.AsOf)), "L")
	r := book.Settings.Representative
	if strings.TrimSpace(r.Name) == "" {
		// The request is the company's, made through its legal representative: say it
		// is missing rather than name the collection manager who signs the letters.
		d.TextColor(pdfdoc.Alert)
		d.SetFont("B", 9.5)
		end := d.Para(x, y+6, w, pdfdoc.LineHeight(9.5), d.T("law.form.rep_missing"), "L")
		d.TextColor(pdfdoc.Black)
		d.SetY(end + 8)
		return
	}
	d.SetFont("B", 10)
	d.Text(x, y+6, w, 5, d.T("ip.pdf.for_company", "company", book.Settings.Company.Name), "L")
	d.Text(x, y+11, w, 5, r.Name, "L")
	if c := r.CapacityFor(book.Settings.Company.LegalForm); c != "" {
		d.SetFont("", 9)
		d.Text(x, y+16, w, 5, c, "L")
	}
	d.SetY(y + 29)
}

func formName(d *pdfdoc.Doc, c law.Court) string { return c.FormName(d.Lang()) }

func filing(c law.Court) string {
	switch {
	case c.Online:
		return "online"
	case c.Kind == law.CourtEU:
		return "eu"
	case c.Kind == law.CourtJudiciaire || c.Kind == law.CourtProtection:
		return "paper"
	}
	return "none"
}
