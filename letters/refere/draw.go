package refere

import (
	"strconv"
	"strings"

	"relance/ledger"
	"relance/ledger/law"
	"relance/letters/decomptepdf"
	"relance/letters/pdfdoc"
)

// draw lays out the dossier: court, parties, conditions, facts, invoices, décompte,
// invoices paid late, conclusions, exhibits, after the order, notes.
func draw(d *pdfdoc.Doc, book *ledger.Book, p *law.ReferePack) {
	d.SetLang(Lang)
	co := &book.Settings.Company
	note := func(n law.Note) string { return p.Text(n, Lang) }
	d.ReportHead(co, p.Currency, d.T("refere.pdf.title"), d.T("refere.pdf.subtitle", "customer", p.Name, "id", p.Customer,
		"date", d.LongDate(p.AsOf)))
	d.TextColor(pdfdoc.Grey)
	d.SetFont("I", 8.5)
	d.SetY(d.Para(d.Left, d.Y(), d.TextWidth(), pdfdoc.LineHeight(8.5), d.T("refere.pdf.draft"), "L") + 2)
	d.TextColor(pdfdoc.Black)

	box(d, []kv{
		{d.T("refere.pdf.court"), d.T("refere.pdf.judge", "court", p.Court.Name(Lang))},
		{d.T("refere.pdf.basis"), d.T("refere.pdf.basis_value")},
		{d.T("refere.pdf.filing"), d.T("refere.pdf.filing_value")},
	})
	for _, v := range p.Court.Verify {
		bullet(d, note(v), 8, pdfdoc.Grey)
	}

	parties(d, book, p)
	checks(d, p)
	paragraphs(d, d.T("refere.pdf.h.facts"), p.Facts, note)
	invoices(d, p)
	if dc := p.Decompte; dc != nil && len(dc.Lines) > 0 {
		d.Heading(d.T("refere.pdf.h.decompte", "date", d.Date(p.AsOf)), 25)
		decomptepdf.Lines(d, dc)
		notes(d, dc.Notes, p.Currency)
	}
	paidLate(d, p)
	conclusions(d, book, p)
	documents(d, p)
	paragraphs(d, d.T("refere.pdf.h.after"), p.After, note)
	if len(p.Notes) > 0 {
		d.Heading(d.T("refere.pdf.h.notes"), 20)
		for _, n := range p.Notes {
			bullet(d, note(n), 8, pdfdoc.Black)
		}
	}
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

// bullet writes one paragraph starting with a bullet.
func bullet(d *pdfdoc.Doc, text string, size float64, color pdfdoc.Color) {
	d.TextColor(color)
	d.SetFont("", size)
	d.SetY(d.Para(d.Left, d.Y(), d.TextWidth(), pdfdoc.LineHeight(size), "• "+text, "L") + 0.6)
	d.TextColor(pdfdoc.Black)
}

// fields writes labelled values, the label on the left.
func fields(d *pdfdoc.Doc, title string, rows []kv) {
	d.Need(14)
	d.TextColor(pdfdoc.Accent)
	d.SetFont("B", 9)
	d.Text(d.Left, d.Y()+1, d.TextWidth(), 5, title, "L")
	d.TextColor(pdfdoc.Black)
	d.SetY(d.Y() + 6.5)
	lh := pdfdoc.LineHeight(8.5)
	for _, r := range rows {
		v := r.v
		if strings.TrimSpace(v) == "" {
			v = d.T("refere.pdf.unknown")
		}
		d.Need(lh)
		y := d.Y()
		d.TextColor(pdfdoc.Grey)
		d.SetFont("", 8)
		d.Text(d.Left+3, y, 45, lh, r.k, "L")
		d.TextColor(pdfdoc.Black)
		d.SetFont("", 8.5)
		d.SetY(d.Para(d.Left+49, y, d.TextWidth()-49, lh, v, "L") + 0.6)
	}
}

// parties names the applicant (the creditor, through its legal representative) and
// the public body sued.
func parties(d *pdfdoc.Doc, book *ledger.Book, p *law.ReferePack) {
	co := book.Settings.Company
	d.Heading(d.T("refere.pdf.h.parties"), 40)
	name := co.Name
	if co.LegalForm != "" && !strings.Contains(name, co.LegalForm) {
		name += " " + co.LegalForm
	}
	rep := book.Settings.Representative
	repText := strings.TrimSpace(rep.Name)
	if repText == "" {
		repText = d.T("law.form.rep_missing")
	} else if c := rep.CapacityFor(co.LegalForm); c != "" {
		repText += ", " + c
	}
	fields(d, d.T("refere.pdf.applicant"), []kv{
		{d.T("refere.pdf.applicant"), name},
		{d.T("refere.pdf.siren"), strings.TrimSpace(co.SIREN + " " + co.RCSCity)},
		{d.T("refere.pdf.seat"), co.Address.OneLine()},
		{d.T("refere.pdf.rep"), repText},
	})
	id := strings.TrimSpace(strings.Join(nonEmpty(p.Debtor.SIREN, p.Debtor.SIRET), " / "))
	fields(d, d.T("refere.pdf.defendant"), []kv{
		{d.T("refere.pdf.defendant"), p.Debtor.Name},
		{d.T("refere.pdf.address"), p.Debtor.Address},
		{d.T("refere.pdf.siret"), id},
		{d.T("refere.pdf.accountant"), p.Debtor.Accountant},
	})
}

func nonEmpty(v ...string) []string {
	var out []string
	for _, s := range v {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

// checks prints the verdict and each condition with its outcome.
func checks(d *pdfdoc.Doc, p *law.ReferePack) {
	d.Heading(d.T("refere.pdf.h.checks"), 30)
	verdict, color := d.T("refere.pdf.eligible"), pdfdoc.Accent
	if !p.Eligible {
		verdict, color = d.T("refere.pdf.not_eligible"), pdfdoc.Alert
	}
	d.TextColor(color)
	d.SetFont("B", 9.5)
	d.SetY(d.Para(d.Left, d.Y(), d.TextWidth(), pdfdoc.LineHeight(9.5), verdict, "L") + 1)
	for _, c := range p.Checks {
		col := pdfdoc.Black
		switch c.Status {
		case law.CheckNo:
			col = pdfdoc.Alert
		case law.CheckWarn:
			col = pdfdoc.Accent
		}
		d.Need(5)
		y := d.Y()
		d.TextColor(col)
		d.SetFont("B", 8.5)
		d.Text(d.Left, y, 20, pdfdoc.LineHeight(8.5), d.T("refere.check.status."+string(c.Status)), "L")
		d.TextColor(pdfdoc.Black)
		d.SetFont("", 8.5)
		d.SetY(d.Para(d.Left+20, y, d.TextWidth()-20, pdfdoc.LineHeight(8.5), p.Text(c.Note, Lang), "L") + 0.6)
	}
	d.TextColor(pdfdoc.Black)
}

// paragraphs writes a heading and one paragraph per note.
func paragraphs(d *pdfdoc.Doc, title string, ns []law.Note, text func(law.Note) string) {
	if len(ns) == 0 {
		return
	}
	d.Heading(title, 25)
	d.SetFont("", 9)
	for _, n := range ns {
		d.SetY(d.Para(d.Left, d.Y(), d.TextWidth(), pdfdoc.LineHeight(9), text(n), "J") + 1.5)
	}
}

// invoices lists the items considered: what is claimed, and what is left out and why.
func invoices(d *pdfdoc.Doc, p *law.ReferePack) {
	if len(p.Lines) == 0 {
		return
	}
	d.Heading(d.T("refere.pdf.h.invoices"), 20)
	t := d.NewTable(
		pdfdoc.Column{Title: d.T("refere.pdf.col.number"), Width: 27, Align: "L"},
		pdfdoc.Column{Title: d.T("refere.pdf.col.due"), Width: 18, Align: "C"},
		pdfdoc.Column{Title: d.T("refere.pdf.col.amount"), Width: 23, Align: "R"},
		pdfdoc.Column{Title: d.T("refere.pdf.col.claimed"), Width: 23, Align: "R"},
		pdfdoc.Column{Title: d.T("refere.pdf.col.paid"), Width: 18, Align: "C"},
		pdfdoc.Column{Title: d.T("refere.pdf.col.interest"), Width: 20, Align: "R"},
		pdfdoc.Column{Title: d.T("refere.pdf.col.indemnity"), Width: 17, Align: "R"},
		pdfdoc.Column{Title: d.T("refere.pdf.col.remark"), Width: 28, Align: "L"},
	)
	t.Size, t.Zebra = 7.5, true
	t.Header()
	var claimed, interest, indemnity ledger.Cents
	for _, l := range p.Lines {
		st := pdfdoc.RowStyle{}
		remark := ""
		if l.Excluded != "" {
			remark = d.T(l.Excluded)
			if !l.Counted() || l.ClaimLine.Claimed == 0 {
				st.Color = pdfdoc.Grey
			}
		} else if l.Kind == law.KindPenaltyInvoice {
			remark = d.T("refere2.pdf.remark.penalty_invoice")
		}
		paid, principal := "", d.Money(l.ClaimLine.Claimed)
		if l.Paid.Valid() {
			paid, principal = d.Date(l.Paid), "—" // only its interest and indemnity are claimed
		}
		claimed += l.ClaimLine.Claimed
		interest += l.Interest
		indemnity += l.Indemnity
		t.RowStyled(st, l.Number, d.Date(l.DueDate), d.Money(l.Amount), principal, paid,
			d.Money(l.Interest), d.Money(l.Indemnity), remark)
	}
	t.Total(d.T("refere.pdf.total"), "", "", d.Money(claimed), "", d.Money(interest), d.Money(indemnity), "")
}

// paidLate prints, for the invoices paid late, the 45-day deadline of R2192-36 and the
// legal interest owed beyond it, with its décompte: their interest and indemnity
// computed here or billed by a penalty invoice still owed.
func paidLate(d *pdfdoc.Doc, p *law.ReferePack) {
	var rows []law.RefereLine
	for _, l := range p.Lines {
		if l.LateClaimed() && l.LateBase() > 0 {
			rows = append(rows, l)
		}
	}
	if len(rows) == 0 {
		return
	}
	d.Heading(d.T("refere.pdf.h.late"), 25)
	t := d.NewTable(
		pdfdoc.Column{Title: d.T("refere.pdf.col.number"), Width: 30, Align: "L"},
		pdfdoc.Column{Title: d.T("refere.pdf.col.due"), Width: 26, Align: "C"},
		pdfdoc.Column{Title: d.T("refere.pdf.col.paid"), Width: 26, Align: "C"},
		pdfdoc.Column{Title: d.T("refere.pdf.col.deadline"), Width: 32, Align: "C"},
		pdfdoc.Column{Title: d.T("refere.pdf.col.base"), Width: 30, Align: "R"},
		pdfdoc.Column{Title: d.T("refere.pdf.col.legal"), Width: 30, Align: "R"},
	)
	t.Size, t.Zebra = 7.5, true
	t.Header()
	var base, legal ledger.Cents
	for _, l := range rows {
		base += l.LateBase() // with what a penalty invoice still owed billed
		legal += l.LegalInterest
		t.Row(l.Number, d.Date(l.DueDate), d.Date(l.Paid), d.Date(l.Deadline45), d.Money(l.LateBase()),
			d.Money(l.LegalInterest))
	}
	t.Total(d.T("refere.pdf.total"), "", "", "", d.Money(base), d.Money(legal))
	if li := p.LateInterest; li != nil && len(li.Lines) > 0 {
		d.Heading(d.T("refere.pdf.h.late_interest"), 25)
		decomptepdf.Lines(d, li)
		notes(d, li.Notes, p.Currency)
	}
}

// notes prints a décompte's notes in small grey type.
func notes(d *pdfdoc.Doc, ns []law.Note, currency string) {
	d.SetY(d.Y() + 1)
	for _, n := range ns {
		bullet(d, law.FormatNote(n, Lang, currency), 7.5, pdfdoc.Grey)
	}
}

// conclusions prints « par ces motifs »: each sum asked, its total, and the costs.
func conclusions(d *pdfdoc.Doc, book *ledger.Book, p *law.ReferePack) {
	d.Heading(d.T("refere.pdf.h.concl"), 40)
	co := book.Settings.Company
	name := co.Name
	if co.LegalForm != "" && !strings.Contains(name, co.LegalForm) {
		name += " " + co.LegalForm
	}
	d.SetFont("", 9)
	d.SetY(d.Para(d.Left, d.Y(), d.TextWidth(), pdfdoc.LineHeight(9),
		d.T("refere.pdf.concl_intro", "creditor", name, "debtor", p.Name), "L") + 1.5)
	lh := pdfdoc.LineHeight(9)
	amountW := 34.0
	concl := p.Conclusions()
	for i, c := range concl {
		last := c.Amount != nil && i < len(concl)-1 && concl[i+1].Amount == nil
		style := ""
		if last {
			style = "B"
		}
		d.Need(lh * 2)
		y := d.Y()
		d.SetFont(style, 9)
		end := d.Para(d.Left+4, y, d.TextWidth()-amountW-8, lh, "— "+p.Text(c.Note, Lang), "L")
		if c.Amount != nil {
			d.Text(d.Left+d.TextWidth()-amountW, y, amountW, lh, d.Money(*c.Amount), "R")
		}
		d.SetY(end + 1)
	}
	d.SetFont("", 9)
}

// documents prints the numbered list of exhibits and where each one is, each
// description wrapped whole (a table cell would cut it).
func documents(d *pdfdoc.Doc, p *law.ReferePack) {
	d.Heading(d.T("refere.pdf.h.documents"), 25)
	const numW, statusW = 9.0, 44.0
	lh := pdfdoc.LineHeight(8.5)
	textW := d.TextWidth() - numW - statusW - 2
	for i, doc := range p.Documents {
		text := p.DocText(doc, Lang)
		d.SetFont("", 8.5)
		h := lh*float64(len(d.Lines(text, textW))) + 1
		d.Need(h)
		y := d.Y()
		if i%2 == 1 {
			d.FillColor(pdfdoc.Zebra)
			d.PDF().Rect(d.Left, y, d.TextWidth(), h, "F")
		}
		d.TextColor(pdfdoc.Black)
		d.Text(d.Left, y+0.5, numW-1, lh, strconv.Itoa(doc.N)+".", "R")
		end := d.Para(d.Left+numW, y+0.5, textW, lh, text, "L")
		if doc.Status == law.DocToAttach {
			d.TextColor(pdfdoc.Alert)
		} else {
			d.TextColor(pdfdoc.Grey)
		}
		d.SetFont("", 8)
		d.Text(d.Left+d.TextWidth()-statusW, y+0.5, statusW, lh, d.T("law.doc.status."+string(doc.Status)), "L")
		d.TextColor(pdfdoc.Black)
		d.SetY(max(end+0.5, y+h))
	}
}
