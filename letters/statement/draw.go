package statement

import (
	"sort"
	"strconv"
	"strings"

	"relance/ledger"
	"relance/ledger/credit"
	"relance/letters/pdfdoc"
)

// Draw draws the statement of acct at asOf as a new section of d, with its own page
// numbers, in the customer's language. Render and RenderAll call it; a letter can call
// it to append a statement to a merged print run.
func Draw(d *pdfdoc.Doc, book *ledger.Book, acct *ledger.Account, asOf ledger.Date, opt Options) {
	if opt.PaymentDays <= 0 {
		opt.PaymentDays = 90
	}
	c := &acct.Customer
	co := &book.Settings.Company
	d.StartSection()
	d.SetLang(c.Language())
	d.FoldMarks()
	d.Letterhead(co)

	d.AddressBlock(pdfdoc.PostalLines(c.Name, c.Address, book.Settings.Country))

	place := opt.Place
	if place == "" {
		place = co.Address.City
	}
	d.SetFont("", 9)
	d.Text(d.Left, 98, pdfdoc.WindowZone().X-d.Left-3, 5, d.T("pdf.st.account", "id", c.ID), "L")
	d.SetFont("", 10)
	d.Text(pdfdoc.AddressBox().X, 98, d.W-d.Right-pdfdoc.AddressBox().X, 5, d.T("pdf.place_date", "place", place, "date", d.LongDate(asOf)), "R")
	title := d.T("pdf.st.title", "date", d.Date(asOf))
	d.TextColor(pdfdoc.Accent)
	d.SetFont("B", 14)
	d.Text(d.Left, 106, d.TextWidth(), 7, title, "L")
	d.TextColor(pdfdoc.Black)

	items := credit.OpenAt(acct, asOf)
	sort.SliceStable(items, func(i, j int) bool {
		if items[i].DocDate != items[j].DocDate {
			return items[i].DocDate < items[j].DocDate
		}
		return items[i].Number < items[j].Number
	})
	intro := "pdf.st.intro"
	if len(items) == 0 {
		intro = "pdf.st.intro_clear"
	}
	d.SetFont("", 9.5)
	d.Para(d.Left, 115, d.TextWidth(), pdfdoc.LineHeight(9.5), d.T(intro, "date", d.LongDate(asOf)), "L")

	d.OnNewPage(func(d *pdfdoc.Doc) {
		d.TextColor(pdfdoc.Grey)
		d.SetFont("", 8)
		d.Text(d.Left, d.Top, d.TextWidth(), 4,
			d.T("pdf.st.continued", "customer", c.Name+" ("+c.ID+")", "date", d.Date(asOf)), "L")
		d.DrawColor(pdfdoc.Accent)
		d.PDF().Line(d.Left, d.Top+5, d.W-d.Right, d.Top+5)
		d.TextColor(pdfdoc.Black)
		d.SetY(d.Top + 8)
	})

	var sum totals
	if len(items) > 0 {
		d.SetY(d.Y() + 3)
		sum = openItems(d, items, asOf)
		summary(d, sum)
	}
	payments(d, acct, asOf, opt.PaymentDays)
	payBox(d, book, c, sum)
	signature(d, &book.Settings.Signatory)
}

type totals struct {
	amount, paid, open, notDue, overdue, credits ledger.Cents
}

func openItems(d *pdfdoc.Doc, items []credit.OpenItem, asOf ledger.Date) totals {
	t := d.NewTable(
		pdfdoc.Column{Title: d.T("pdf.st.col.number"), Width: 21, Align: "L"},
		pdfdoc.Column{Title: d.T("pdf.st.col.kind"), Width: 20, Align: "L"},
		pdfdoc.Column{Title: d.T("pdf.st.col.date"), Width: 17.5, Align: "C"},
		pdfdoc.Column{Title: d.T("pdf.st.col.due"), Width: 17.5, Align: "C"},
		pdfdoc.Column{Title: d.T("pdf.st.col.amount"), Width: 21, Align: "R"},
		pdfdoc.Column{Title: d.T("pdf.st.col.paid"), Width: 19, Align: "R"},
		pdfdoc.Column{Title: d.T("pdf.st.col.remaining"), Width: 21, Align: "R"},
		pdfdoc.Column{Title: d.T("pdf.st.col.late"), Width: 14, Align: "R"},
		pdfdoc.Column{Title: d.T("pdf.st.col.running"), Width: 23, Align: "R"},
	)
	t.Size, t.Zebra = 7.5, true
	t.Header()
	var s totals
	var running ledger.Cents
	for _, o := range items {
		running += o.OpenAt
		s.amount += o.Amount
		s.paid += o.Amount - o.OpenAt
		s.open += o.OpenAt
		late := ""
		st := pdfdoc.RowStyle{}
		switch {
		case o.OpenAt < 0:
			s.credits += o.OpenAt
		case overdue(o, asOf):
			s.overdue += o.OpenAt
			late = strconv.Itoa(asOf.DaysSince(o.DueDate))
			st.Color = pdfdoc.Alert
		default:
			s.notDue += o.OpenAt
		}
		number := o.Number
		if number == "" {
			number = o.ID
		}
		t.RowStyled(st, number, d.T("pdf.kind."+o.Nature()), d.Date(o.DocDate), d.Date(o.DueDate),
			d.Money(o.Amount), d.Money(o.Amount-o.OpenAt), d.Money(o.OpenAt), late, d.Money(running))
	}
	t.Total(d.T("pdf.st.total"), "", "", "", d.Money(s.amount), d.Money(s.paid), d.Money(s.open), "", d.Money(running))
	return s
}

// summary draws the four totals side by side: not due, overdue, credits, balance.
func summary(d *pdfdoc.Doc, s totals) {
	d.SetY(d.Y() + 3)
	d.Need(13)
	y := d.Y()
	w := d.TextWidth() / 4
	boxes := []struct {
		key   string
		v     ledger.Cents
		color pdfdoc.Color
	}{{"pdf.st.notdue", s.notDue, pdfdoc.Black}, {"pdf.st.overdue", s.overdue, pdfdoc.Alert},
		{"pdf.st.credits", s.credits, pdfdoc.Black}, {"pdf.st.balance", s.open, pdfdoc.Accent}}
	for i, b := range boxes {
		x := d.Left + float64(i)*w
		if i == 3 {
			d.FillColor(pdfdoc.Light)
			d.PDF().Rect(x+1, y, w-1, 12, "F")
		}
		d.DrawColor(pdfdoc.Accent)
		d.PDF().Rect(x+1, y, w-1, 12, "D")
		d.TextColor(pdfdoc.Grey)
		d.SetFont("", 7.5)
		d.Text(x+1, y+0.8, w-1, 4, d.T(b.key), "C")
		d.TextColor(b.color)
		d.SetFont("B", 11)
		d.Text(x+1, y+5, w-1, 6, d.Money(b.v), "C")
	}
	d.TextColor(pdfdoc.Black)
	d.SetY(y + 15)
}

// payments lists the payments received in the days before asOf, for reference.
func payments(d *pdfdoc.Doc, acct *ledger.Account, asOf ledger.Date, days int) {
	from := asOf.AddDays(-days)
	var list []*ledger.Item
	for i := range acct.Items {
		it := &acct.Items[i]
		if it.Kind == ledger.Payment && it.DocDate > from && it.DocDate <= asOf {
			list = append(list, it)
		}
	}
	d.Need(16)
	d.SetY(d.Y() + 2)
	d.TextColor(pdfdoc.Accent)
	d.SetFont("B", 10)
	d.Text(d.Left, d.Y(), d.TextWidth(), 6, d.T("pdf.st.payments", "days", strconv.Itoa(days)), "L")
	d.TextColor(pdfdoc.Black)
	d.SetY(d.Y() + 7)
	if len(list) == 0 {
		d.SetFont("I", 8.5)
		d.Text(d.Left, d.Y(), d.TextWidth(), 5, d.T("pdf.st.no_payments", "days", strconv.Itoa(days)), "L")
		d.SetY(d.Y() + 7)
		return
	}
	t := d.NewTable(
		pdfdoc.Column{Title: d.T("pdf.st.col.date"), Width: 22, Align: "C"},
		pdfdoc.Column{Title: d.T("pdf.st.col.number"), Width: 30, Align: "L"},
		pdfdoc.Column{Title: d.T("pdf.st.col.label"), Width: 94, Align: "L"},
		pdfdoc.Column{Title: d.T("pdf.st.col.amount"), Width: 28, Align: "R"},
	)
	t.Size, t.Zebra = 7.5, true
	t.Header()
	var total ledger.Cents
	for _, it := range list {
		total += -it.Amount
		t.Row(d.Date(it.DocDate), it.Number, it.Label, d.Money(-it.Amount))
	}
	t.Total(d.T("pdf.st.total"), "", "", d.Money(total))
	d.SetY(d.Y() + 4)
}

// payBox shows how to pay: the bank details and the reference to quote.
func payBox(d *pdfdoc.Doc, book *ledger.Book, c *ledger.Customer, s totals) {
	co := &book.Settings.Company
	if co.IBAN == "" && co.BIC == "" {
		return
	}
	d.Need(22)
	y := d.Y()
	d.FillColor(pdfdoc.Light)
	d.PDF().Rect(d.Left, y, d.TextWidth(), 19, "F")
	d.TextColor(pdfdoc.Accent)
	d.SetFont("B", 9.5)
	d.Text(d.Left+2, y+1, d.TextWidth()-4, 5, d.T("pdf.st.pay_title"), "L")
	d.TextColor(pdfdoc.Black)
	d.SetFont("", 8.5)
	d.Text(d.Left+2, y+6, d.TextWidth()-4, 4.5, d.T("pdf.st.pay_text", "id", c.ID), "L")
	var bank []string
	if co.IBAN != "" {
		bank = append(bank, d.T("pdf.st.iban", "value", co.IBAN))
	}
	if co.BIC != "" {
		bank = append(bank, d.T("pdf.st.bic", "value", co.BIC))
	}
	d.SetFont("B", 9)
	d.Text(d.Left+2, y+12, d.TextWidth()-4, 5, strings.Join(bank, "    "), "L")
	d.SetY(y + 22)
}

// signature prints the contact line and the signatory's name and title.
func signature(d *pdfdoc.Doc, s *ledger.Signatory) {
	if s.Name == "" {
		return
	}
	var contact []string
	for _, v := range []string{s.Name, s.Phone, s.Email} {
		if v != "" {
			contact = append(contact, v)
		}
	}
	d.Need(22)
	d.SetFont("", 8.5)
	y := d.Para(d.Left, d.Y(), d.TextWidth(), pdfdoc.LineHeight(8.5), d.T("pdf.st.contact", "contact", strings.Join(contact, ", ")), "L")
	x := d.Left + d.TextWidth()/2 + 10
	w := d.W - d.Right - x
	d.SetFont("B", 10)
	d.Text(x, y+4, w, 5, s.Name, "L")
	if s.Title != "" {
		d.SetFont("", 9)
		d.Text(x, y+9, w, 5, s.Title, "L")
	}
	d.SetY(y + 15)
}
