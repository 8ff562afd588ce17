package digest

import (
	"io"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/dispute"
	"relance/letters/pdfdoc"
)

// RenderAck writes to w the letter acknowledging dispute d to its customer c, in the
// customer's language unless opt.Lang says otherwise: letterhead, window address,
// place and date (opt.Created's day, else the opening), the reference and reason, the
// disputed invoices (number, date, due date, amount, disputed part), what happens now
// (the disputed amounts are out of the reminders while they are examined, the rest
// stays payable at its due date, an answer is promised by the due-by date), signature.
// items are the customer's items; those the dispute names are looked up there.
func RenderAck(w io.Writer, s ledger.Settings, c *ledger.Customer, d *dispute.Dispute, items []ledger.Item, opt Options) (err error) {
	defer pdfdoc.Guard(&err, "pdfsafe.kind.ack", func() string { return c.ID })
	if opt.Lang == "" {
		opt.Lang = c.Language()
	}
	opt = opt.norm(&s, d.Opened)
	title := i18n.T(opt.Lang, "dispute.ack.title", "id", d.ID)
	m := pdfdoc.Meta{Title: title, Subject: c.Name, Author: s.Company.Name, Lang: opt.Lang,
		Currency: s.Currency, Created: opt.Created}
	byID := make(map[string]*ledger.Item, len(items))
	for i := range items {
		byID[items[i].ID] = &items[i]
	}
	return opt.Factory.Render(w, m, func(doc *pdfdoc.Doc) error {
		drawAck(doc, &s, c, d, byID, ledger.DateOf(opt.Created), title)
		return nil
	})
}

func drawAck(d *pdfdoc.Doc, s *ledger.Settings, c *ledger.Customer, x *dispute.Dispute, byID map[string]*ledger.Item, date ledger.Date, title string) {
	co := &s.Company
	d.StartSection()
	d.FoldMarks()
	d.Letterhead(co)
	d.AddressBlock(pdfdoc.PostalLines(c.Name, c.Address, s.Country))
	d.SetFont("", 9)
	d.Text(d.Left, 98, pdfdoc.WindowZone().X-d.Left-3, 5, d.T("dispute.ack.ref", "id", x.ID, "customer", c.ID), "L")
	d.SetFont("", 10)
	d.Text(pdfdoc.AddressBox().X, 98, d.W-d.Right-pdfdoc.AddressBox().X, 5,
		d.T("dispute.ack.place_date", "place", co.Address.City, "date", d.LongDate(date)), "R")
	d.TextColor(pdfdoc.Accent)
	d.SetFont("B", 13)
	d.Text(d.Left, 106, d.TextWidth(), 7, title, "L")
	d.TextColor(pdfdoc.Black)
	d.SetFont("", 10)
	lh := pdfdoc.LineHeight(10)
	y := d.Para(d.Left, 116, d.TextWidth(), lh, d.T("dispute.ack.salutation"), "L")
	y = d.Para(d.Left, y+2, d.TextWidth(), lh, d.T("dispute.ack.intro", "date", d.LongDate(x.Opened),
		"reason", d.T("dispute.reason."+string(x.Reason))), "J")
	d.SetY(y + 3)
	t := d.NewTable(
		pdfdoc.Column{Title: d.T("dispute.col.invoice"), Width: 40, Align: "L"},
		pdfdoc.Column{Title: d.T("dispute.col.date"), Width: 26, Align: "L"},
		pdfdoc.Column{Title: d.T("dispute.col.due"), Width: 26, Align: "L"},
		pdfdoc.Column{Title: d.T("dispute.col.amount"), Width: 40, Align: "R"},
		pdfdoc.Column{Title: d.T("dispute.col.disputed"), Width: 40, Align: "R"})
	t.Size, t.RowH = 9, 5.5
	t.Header()
	var total ledger.Cents
	for _, di := range x.Items {
		total += di.Amount
		if it := byID[di.ItemID]; it != nil {
			t.Row(it.Number, d.Date(it.DocDate), d.Date(it.DueDate), d.Money(it.Amount), d.Money(di.Amount))
		} else {
			t.Row(di.ItemID, "", "", "", d.Money(di.Amount))
		}
	}
	t.Total(d.T("dispute.digest.total"), "", "", "", d.Money(total))
	d.SetFont("", 10)
	y = d.Para(d.Left, d.Y()+4, d.TextWidth(), lh, d.T("dispute.ack.effect"), "J")
	if x.DueBy.Valid() {
		y = d.Para(d.Left, y+2, d.TextWidth(), lh, d.T("dispute.ack.dueby", "date", d.LongDate(x.DueBy)), "J")
	}
	y = d.Para(d.Left, y+2, d.TextWidth(), lh, d.T("dispute.ack.closing"), "J")
	if sg := &s.Signatory; sg.Name != "" {
		d.Need(16)
		xx := d.Left + d.TextWidth()/2 + 10
		d.SetFont("B", 10)
		d.Text(xx, y+6, d.W-d.Right-xx, 5, sg.Name, "L")
		if sg.Title != "" {
			d.SetFont("", 9)
			d.Text(xx, y+11, d.W-d.Right-xx, 5, sg.Title, "L")
		}
	}
}
