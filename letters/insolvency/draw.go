package insolvency

import (
	"strconv"
	"strings"

	"relance/ledger"
	"relance/ledger/law"
	"relance/letters/pdfdoc"
)

// head draws the letter's top: letterhead, the recipient in the window, the
// registered-letter mention, the place and date, the reference and the object.
func head(d *pdfdoc.Doc, book *ledger.Book, acct *ledger.Account, to string, addr ledger.Address, asOf ledger.Date, object string, p law.Procedure) float64 {
	co := &book.Settings.Company
	d.StartSection()
	d.SetLegal(pdfdoc.LegalLine(d.Lang(), book.Settings.Currency, co))
	d.FoldMarks()
	d.Letterhead(co)
	d.AddressBlock(pdfdoc.PostalLines(to, addr, book.Settings.Country))
	d.SetFont("B", 8)
	d.Para(d.Left, 84, pdfdoc.WindowZone().X-d.Left-3, pdfdoc.LineHeight(8), d.T("ins.pdf.claim.lrar"), "L")
	d.SetFont("", 9)
	d.Text(d.Left, 98, pdfdoc.WindowZone().X-d.Left-3, 5, d.T("ins.pdf.account", "id", acct.Customer.ID), "L")
	if p.ID != "" {
		d.Text(d.Left, 102.5, pdfdoc.WindowZone().X-d.Left-3, 5, d.T("ins.pdf.procedure", "id", p.ID), "L")
	}
	d.SetFont("", 10)
	d.Text(pdfdoc.AddressBox().X, 98, d.W-d.Right-pdfdoc.AddressBox().X, 5,
		d.T("pdf.place_date", "place", co.Address.City, "date", d.LongDate(asOf)), "R")
	d.OnNewPage(func(d *pdfdoc.Doc) {
		d.TextColor(pdfdoc.Grey)
		d.SetFont("", 8)
		d.Text(d.Left, d.Top, d.TextWidth(), 4, object, "L")
		d.TextColor(pdfdoc.Black)
		d.SetY(d.Top + 8)
	})
	d.SetFont("B", 10)
	y := d.Para(d.Left, 110, d.TextWidth(), pdfdoc.LineHeight(10), object, "L")
	return y + 3
}

// itemTable lists claim items with a total row, or "none".
func itemTable(d *pdfdoc.Doc, items []law.ClaimItem) {
	if len(items) == 0 {
		d.SetFont("I", 9)
		d.Text(d.Left+3, d.Y(), d.TextWidth(), 5, d.T("ins.pdf.claim.none"), "L")
		d.SetY(d.Y() + 6)
		return
	}
	t := d.NewTable(
		pdfdoc.Column{Title: d.T("ins.pdf.col.number"), Width: 40, Align: "L"},
		pdfdoc.Column{Title: d.T("ins.pdf.col.date"), Width: 28, Align: "C"},
		pdfdoc.Column{Title: d.T("ins.pdf.col.due"), Width: 28, Align: "C"},
		pdfdoc.Column{Title: d.T("ins.pdf.col.amount"), Width: 39, Align: "R"},
		pdfdoc.Column{Title: d.T("ins.pdf.col.open"), Width: 39, Align: "R"},
	)
	t.Size, t.Zebra = 8, true
	t.Header()
	var total ledger.Cents
	for _, it := range items {
		total += it.Open
		t.Row(it.Number, d.Date(it.DocDate), d.Date(it.DueDate), d.Money(it.Amount), d.Money(it.Open))
	}
	t.Total(d.T("ins.pdf.total"), "", "", "", d.Money(total))
	d.SetY(d.Y() + 2)
}

func para(d *pdfdoc.Doc, size float64, s string) {
	d.SetFont("", size)
	d.SetY(d.Para(d.Left, d.Y(), d.TextWidth(), pdfdoc.LineHeight(size), s, "J") + 2)
}

func subhead(d *pdfdoc.Doc, s string) {
	d.Need(16)
	d.TextColor(pdfdoc.Accent)
	d.SetFont("B", 9.5)
	d.Text(d.Left, d.Y()+1, d.TextWidth(), 5, s, "L")
	d.TextColor(pdfdoc.Black)
	d.SetY(d.Y() + 7)
}

// drawClaim lays out the déclaration de créance (C. com. L622-25, R622-23), in the
// words of newClaimText (the archive records the same).
func drawClaim(d *pdfdoc.Doc, book *ledger.Book, acct *ledger.Account, c *law.InsolvencyClaim) {
	p := c.Procedure
	ct := newClaimText(writer{lang: d.Lang(), currency: book.Settings.Currency}, acct, c)
	y := head(d, book, acct, p.Mandataire, p.MandataireAddress, c.AsOf, ct.object, p)
	d.SetY(y)
	para(d, 9.5, ct.salutation)
	para(d, 9.5, ct.intro)

	subhead(d, ct.hDue)
	itemTable(d, c.Due)
	subhead(d, ct.hFall)
	itemTable(d, c.ToFallDue)
	if ct.hPenalties != "" {
		subhead(d, ct.hPenalties)
		t := d.NewTable(
			pdfdoc.Column{Title: d.T("ins.pdf.col.number"), Width: 34, Align: "L"},
			pdfdoc.Column{Title: d.T("ip.pdf.col.from"), Width: 24, Align: "C"},
			pdfdoc.Column{Title: d.T("ip.pdf.col.to"), Width: 24, Align: "C"},
			pdfdoc.Column{Title: d.T("ip.pdf.col.days"), Width: 16, Align: "R"},
			pdfdoc.Column{Title: d.T("ip.pdf.col.rate"), Width: 20, Align: "R"},
			pdfdoc.Column{Title: d.T("ip.pdf.col.base"), Width: 30, Align: "R"},
			pdfdoc.Column{Title: d.T("ip.pdf.col.interest"), Width: 26, Align: "R"},
		)
		t.Size, t.Zebra = 7.5, true
		t.Header()
		for _, ln := range c.Decompte.Lines {
			t.Row(ln.Invoice, d.Date(ln.From), d.Date(ln.To), itoa(ln.Days), d.Percent(ln.Rate.Rate)+ln.Rate.EntryMark(), d.Money(ln.Base), d.Money(ln.Interest))
		}
		t.Total(d.T("ins.pdf.total"), "", "", "", "", "", d.Money(c.Penalties))
		d.SetY(d.Y() + 1)
		d.SetFont("I", 8)
		d.SetY(d.Para(d.Left, d.Y(), d.TextWidth(), pdfdoc.LineHeight(8), ct.interestMethod, "L") + 2)
		for _, n := range ct.rateNotes {
			d.SetY(d.Para(d.Left, d.Y(), d.TextWidth(), pdfdoc.LineHeight(8), n, "L") + 1)
		}
	}

	if len(c.PenaltyInvoices) > 0 { // issued penalty invoices still owed, on lines of their own
		subhead(d, ct.hPenaltyInvoices)
		itemTable(d, c.PenaltyInvoices)
	}

	subhead(d, ct.hSummary)
	d.TotalsBox(ct.summary, 120)
	d.SetY(d.Y() + 2)

	subhead(d, ct.hSecurity)
	para(d, 9, ct.security)
	para(d, 9, ct.docs)
	exhibitTable(d, c) // the orders and delivery proofs held (claim_proof.go)
	if ct.deadline != "" {
		para(d, 9, ct.deadline)
	}
	d.SetFont("B", 9.5)
	d.Need(8)
	d.SetY(d.Para(d.Left, d.Y(), d.TextWidth(), pdfdoc.LineHeight(9.5), ct.sincere, "L") + 2)
	para(d, 9.5, ct.closing)
	sign(d, book)
}

// drawRetention lays out the revendication (C. com. L624-9, L624-16, R624-13), in the
// words of newRetentionText (the archive records the same).
func drawRetention(d *pdfdoc.Doc, book *ledger.Book, acct *ledger.Account, rc *law.RetentionClaim) {
	rt := newRetentionText(writer{lang: d.Lang(), currency: book.Settings.Currency}, acct, rc)
	y := head(d, book, acct, rc.To, rc.ToAddress, rc.AsOf, rt.object, rc.Procedure)
	d.SetY(y)
	para(d, 9.5, rt.salutation)
	para(d, 9.5, rt.intro)
	itemTable(d, rc.Invoices)
	para(d, 9, rt.goods)
	para(d, 9.5, rt.request)
	para(d, 9.5, rt.warning)
	if rt.late {
		d.TextColor(pdfdoc.Alert)
		para(d, 9, rt.deadline)
		d.TextColor(pdfdoc.Black)
	} else {
		para(d, 9, rt.deadline)
	}
	para(d, 9.5, rt.closing)
	sign(d, book)
	if rt.copyTo != "" {
		d.SetFont("", 8.5)
		d.Text(d.Left, d.Y(), d.TextWidth(), 5, rt.copyTo, "L")
		d.SetY(d.Y() + 6)
	}
}

// sign closes a letter with its signatory, for the company represented by its legal
// representative (or a warning that the settings do not name one).
func sign(d *pdfdoc.Doc, book *ledger.Book) {
	s := &book.Settings.Signatory
	x, y, w := d.Signatory(s.Name, s.Title, 30)
	r := book.Settings.Representative
	d.SetFont("", 8.5)
	if strings.TrimSpace(r.Name) == "" {
		d.TextColor(pdfdoc.Alert)
		y = d.Para(x, y, w, pdfdoc.LineHeight(8.5), d.T("law.form.rep_missing"), "L")
		d.TextColor(pdfdoc.Black)
	} else {
		rep := r.Name
		if c := r.CapacityFor(book.Settings.Company.LegalForm); c != "" {
			rep += ", " + c
		}
		y = d.Para(x, y, w, pdfdoc.LineHeight(8.5), d.T("ins.pdf.represented", "company", book.Settings.Company.Name, "rep", rep), "L")
	}
	d.SetY(y + 6)
}

func itoa(n int) string { return strconv.Itoa(n) }
