// Package callsheet renders the call sheet (fiche de relance) of a customer as a PDF:
// who to call and about what (customer, contacts, class, open items, disputes), what
// happened before (last actions, promises, payment plans, payer profile), a 4C guide
// with prompts (contact, understand, convince, conclude; DESC for difficult cases) and
// blank boxes to note the outcome during the call.
package callsheet

import (
	"fmt"
	"io"
	"strings"
	"time"

	"relance/ledger"
	"relance/ledger/credit"
	"relance/ledger/dispute"
	"relance/ledger/dunning"
	"relance/letters/dashpdf"
	"relance/letters/pdfdoc"
)

// Sheet is what a call sheet shows. Account and AsOf are required; the rest may be
// empty.
type Sheet struct {
	Company   ledger.Company
	Signatory string
	Currency  string
	Account   *ledger.Account
	AsOf      ledger.Date
	Class     string
	Entry     *dunning.Entry // the agenda action the call is for, if any
	Records   dunning.Records
	Disputes  []dispute.Dispute
	Profile   *credit.PayerProfile
	Lang      string // "fr" (default) or "en": the collector's language, not the customer's
}

// Options tune the rendering. The zero value is ready to use.
type Options struct {
	// Factory makes the documents; nil creates one. Pass one for batches.
	Factory *pdfdoc.Factory
	// Created is the PDF's date; zero means noon UTC on the as-of date (reproducible).
	Created time.Time
}

// Render writes the call sheet s to w.
func Render(w io.Writer, s Sheet, opt Options) (err error) {
	defer pdfdoc.Guard(&err, "pdfsafe.kind.callsheet", func() string { return s.Account.Customer.ID })
	if s.Account == nil {
		return &ledger.Problem{Key: "dunning.err.unknown_customer", Args: []string{"field", "customer", "value", ""}}
	}
	if opt.Factory == nil {
		opt.Factory = pdfdoc.NewFactory()
	}
	if opt.Created.IsZero() {
		opt.Created = s.AsOf.Time().Add(12 * time.Hour)
	}
	if s.Lang == "" {
		s.Lang = "fr"
	}
	c := &s.Account.Customer
	m := pdfdoc.Meta{Title: "", Author: s.Company.Name, Keywords: c.ID, Lang: s.Lang, Currency: s.Currency, Created: opt.Created}
	return opt.Factory.Render(w, m, func(d *pdfdoc.Doc) error {
		draw(d, &s)
		return nil
	})
}

// draw lays the sheet out.
func draw(d *pdfdoc.Doc, s *Sheet) {
	c := &s.Account.Customer
	class := s.Class
	if class == "" {
		class = dunning.DefaultClass
	}
	sub := d.T("dunning.cs.subtitle", "date", d.Date(s.AsOf), "class", class)
	if s.Entry != nil {
		sub += " – " + d.T("dunning.stage."+s.Entry.Stage)
	}
	d.ReportHead(&s.Company, s.Currency, d.T("dunning.cs.title", "customer", c.Name), sub)

	// Customer and contacts: two columns of label/value.
	half := d.TextWidth() / 2
	y := d.Y()
	left := [][2]string{
		{d.T("dunning.cs.customer"), c.ID + " – " + c.Name},
		{d.T("dunning.cs.address"), c.Address.OneLine()},
		{d.T("dunning.cs.balance"), d.Money(s.Account.Balance())},
		{d.T("dunning.cs.overdue"), d.Money(s.Account.Overdue(s.AsOf))},
	}
	if c.CreditLimit > 0 {
		left = append(left, [2]string{d.T("dunning.cs.limit"), d.Money(c.CreditLimit)})
	}
	yl := kv(d, d.Left, y, half-3, left)
	var right [][2]string
	for _, ct := range c.Contacts {
		v := ct.Name
		if ct.Role != "" {
			v += " (" + ct.Role + ")"
		}
		right = append(right, [2]string{d.T("dunning.cs.contact"), v})
		if ct.Phone != "" || ct.Email != "" {
			right = append(right, [2]string{"", strings.TrimSpace(ct.Phone + "  " + ct.Email)})
		}
	}
	if len(right) == 0 {
		right = append(right, [2]string{d.T("dunning.cs.contact"), d.T("dunning.cs.no_contact")})
	}
	yr := kv(d, d.Left+half, y, half, right)
	d.SetY(max(yl, yr) + 2)

	items(d, s)
	history(d, s)
	if s.Profile != nil {
		profile(d, s.Profile, s.Currency)
	}
	guide(d, s)
	outcome(d)
}

// kv writes label/value lines in a column and returns the y below them.
func kv(d *pdfdoc.Doc, x, y, w float64, rows [][2]string) float64 {
	lw := 28.0
	for _, r := range rows {
		d.SetFont("B", 8.5)
		d.TextColor(pdfdoc.Grey)
		d.Text(x, y, lw, 4.5, r[0], "L")
		d.TextColor(pdfdoc.Black)
		d.SetFont("", 8.5)
		y = d.Para(x+lw, y, w-lw, 4.5, r[1], "L")
	}
	return y
}

// items lists the open items with their state: in dispute, promised, in a plan.
func items(d *pdfdoc.Doc, s *Sheet) {
	idx := dispute.NewIndex(s.Disputes)
	mark := map[string]string{}
	for _, p := range s.Records.Promises {
		if dunning.PromiseStateAt(p, s.Account, s.AsOf) == dunning.PromisePending {
			for _, id := range p.Items {
				mark[id] = d.T("dunning.cs.promised", "date", d.Date(p.Due))
			}
		}
	}
	for _, p := range s.Records.Plans {
		if dunning.PlanStateAt(p, s.Account, s.AsOf).Status == dunning.PlanActive {
			for _, id := range p.Items {
				mark[id] = d.T("dunning.cs.in_plan", "id", p.ID)
			}
		}
	}
	d.Heading(d.T("dunning.cs.items"), 20)
	t := d.NewTable(
		pdfdoc.Column{Title: d.T("dunning.cs.col.number"), Width: 30},
		pdfdoc.Column{Title: d.T("dunning.cs.col.date"), Width: 22},
		pdfdoc.Column{Title: d.T("dunning.cs.col.due"), Width: 22},
		pdfdoc.Column{Title: d.T("dunning.cs.col.late"), Width: 16, Align: "R"},
		pdfdoc.Column{Title: d.T("dunning.cs.col.amount"), Width: 26, Align: "R"},
		pdfdoc.Column{Title: d.T("dunning.cs.col.open"), Width: 26, Align: "R"},
		pdfdoc.Column{Title: d.T("dunning.cs.col.note"), Width: 38})
	t.Zebra = true
	t.Header()
	var total ledger.Cents
	for i := range s.Account.Items {
		it := &s.Account.Items[i]
		if it.Open == 0 {
			continue
		}
		note := mark[it.ID]
		if idx.Excluded(it, s.AsOf) {
			note = d.T("dunning.cs.disputed")
		}
		late := ""
		if n := it.DaysLate(s.AsOf); n > 0 {
			late = fmt.Sprint(n)
		}
		st := pdfdoc.RowStyle{}
		if it.OverdueAt(s.AsOf) {
			st.Color = pdfdoc.Accent
		}
		t.RowStyled(st, it.Number, d.Date(it.DocDate), d.Date(it.DueDate), late, d.Money(it.Amount), d.Money(it.Open), note)
		total += it.Open
	}
	t.Total(d.T("dunning.cs.total"), "", "", "", "", d.Money(total), "")
	for _, ds := range s.Disputes {
		if ds.ActiveAt(s.AsOf) {
			d.SetFont("", 8.5)
			d.SetY(d.Para(d.Left, d.Y()+1, d.TextWidth(), 4.5, d.T("dunning.cs.dispute", "id", ds.ID,
				"reason", d.T("dispute.reason."+string(ds.Reason)), "amount", d.Money(ds.Total()), "date", d.Date(ds.Opened)), "L"))
		}
	}
}

// history lists the last actions, the promises and the payment plans.
func history(d *pdfdoc.Doc, s *Sheet) {
	acts := s.Records.Actions
	if len(acts) > 8 {
		acts = acts[len(acts)-8:]
	}
	d.Heading(d.T("dunning.cs.history"), 20)
	t := d.NewTable(
		pdfdoc.Column{Title: d.T("dunning.cs.col.date"), Width: 22},
		pdfdoc.Column{Title: d.T("dunning.cs.col.action"), Width: 50},
		pdfdoc.Column{Title: d.T("dunning.cs.col.outcome"), Width: 38},
		pdfdoc.Column{Title: d.T("dunning.cs.col.by"), Width: 26},
		pdfdoc.Column{Title: d.T("dunning.cs.col.note"), Width: 44})
	t.Header()
	if len(acts) == 0 {
		t.Row(d.T("dunning.cs.none"), "", "", "", "")
	}
	for _, a := range acts {
		what := d.T("dunning.channel." + string(a.Kind))
		if a.Stage != "" {
			what += " – " + d.T("dunning.stage."+a.Stage)
		}
		out := ""
		if a.Status == dunning.ActionPlanned {
			out = d.T("dunning.cs.planned")
		} else if a.Outcome != "" {
			out = d.T("dunning.outcome." + a.Outcome)
		}
		t.Row(d.Date(a.Date), what, out, a.By, a.Note)
	}
	if len(s.Records.Promises)+len(s.Records.Plans) == 0 {
		return
	}
	d.SetY(d.Y() + 2)
	t = d.NewTable(
		pdfdoc.Column{Title: d.T("dunning.cs.col.record"), Width: 40},
		pdfdoc.Column{Title: d.T("dunning.cs.col.date"), Width: 22},
		pdfdoc.Column{Title: d.T("dunning.cs.col.due"), Width: 22},
		pdfdoc.Column{Title: d.T("dunning.cs.col.amount"), Width: 28, Align: "R"},
		pdfdoc.Column{Title: d.T("dunning.cs.col.status"), Width: 68})
	t.Header()
	for _, p := range s.Records.Promises {
		st := dunning.PromiseStateAt(p, s.Account, s.AsOf)
		t.Row(d.T("dunning.cs.promise", "id", p.ID), d.Date(p.Made), d.Date(p.Due), d.Money(p.Amount), d.T("dunning.promise."+string(st)))
	}
	var plans []string
	for _, p := range s.Records.Plans {
		ps := dunning.PlanStateAt(p, s.Account, s.AsOf)
		var parts []string
		for _, in := range ps.Instalments {
			parts = append(parts, d.Date(in.Due)+" "+d.Money(in.Amount)+" "+d.T("dunning.inst."+string(in.Status)))
		}
		last := p.Agreed
		if n := len(p.Instalments); n > 0 {
			last = p.Instalments[n-1].Due
		}
		t.Row(d.T("dunning.cs.plan", "id", p.ID), d.Date(p.Agreed), d.Date(last), d.Money(p.Total), d.T("dunning.plan."+string(ps.Status)))
		plans = append(plans, d.T("dunning.cs.plan", "id", p.ID)+" : "+strings.Join(parts, " ; "))
	}
	d.SetFont("", 8)
	for _, l := range plans {
		d.SetY(d.Para(d.Left, d.Y()+1, d.TextWidth(), 4.2, l, "L"))
	}
}

// profile prints the payer profile's figures on one line each.
func profile(d *pdfdoc.Doc, p *credit.PayerProfile, cur string) {
	d.Heading(d.T("dunning.cs.profile"), 20)
	var rows [][2]string
	for _, f := range p.Figures() {
		f := f
		rows = append(rows, [2]string{"", d.T(f.Key) + " : " + dashpdf.FigureText(d.Lang(), cur, &f)})
	}
	half := d.TextWidth() / 2
	y := d.Y()
	n := (len(rows) + 1) / 2
	y1 := kv2(d, d.Left, y, half, rows[:n])
	y2 := kv2(d, d.Left+half, y, half, rows[n:])
	d.SetY(max(y1, y2) + 1)
}

func kv2(d *pdfdoc.Doc, x, y, w float64, rows [][2]string) float64 {
	d.SetFont("", 8.5)
	for _, r := range rows {
		y = d.Para(x, y, w-2, 4.5, r[1], "L")
	}
	return y
}

// guide prints the 4C guide with its prompts, filled with the call's facts.
func guide(d *pdfdoc.Doc, s *Sheet) {
	inv, amount, due := "…", d.Money(s.Account.Overdue(s.AsOf)), "…"
	var oldest *ledger.Item
	for i := range s.Account.Items {
		it := &s.Account.Items[i]
		if it.OverdueAt(s.AsOf) && (oldest == nil || it.DueDate < oldest.DueDate) {
			oldest = it
		}
	}
	if oldest != nil {
		inv, due = oldest.Number, d.Date(oldest.DueDate)
	}
	args := []string{"company", s.Company.Name, "signatory", s.Signatory, "invoice", inv, "amount", amount, "due", due}
	d.Heading(d.T("dunning.cs.guide"), 40)
	for _, g := range dunning.Guide() {
		d.Need(22)
		y := d.Y()
		d.SetFont("B", 9.5)
		d.TextColor(pdfdoc.Accent)
		d.Text(d.Left, y, 60, 5, d.T(g.Key), "L")
		d.SetFont("I", 8.5)
		d.TextColor(pdfdoc.Grey)
		y = d.Para(d.Left+42, y+0.3, d.TextWidth()-42, 4.5, d.T(g.Aim), "L")
		d.TextColor(pdfdoc.Black)
		d.SetFont("", 8.5)
		for _, p := range g.Prompts {
			d.Text(d.Left+4, y, 4, 4.3, "•", "L")
			y = d.Para(d.Left+8, y, d.TextWidth()-8, 4.3, d.T(p, args...), "L")
		}
		d.SetY(y + 1.5)
	}
}

// outcome draws the boxes to fill in during the call.
func outcome(d *pdfdoc.Doc) {
	d.Heading(d.T("dunning.cs.outcome"), 70)
	pdf := d.PDF()
	y := d.Y()
	lines := []string{
		d.T("dunning.cs.box.promise"), d.T("dunning.cs.box.dispute"), d.T("dunning.cs.box.plan"),
		d.T("dunning.cs.box.callback"), d.T("dunning.cs.box.wrong"), d.T("dunning.cs.box.refusal"), d.T("dunning.cs.box.noanswer"),
	}
	d.SetFont("", 9)
	for _, l := range lines {
		pdf.Rect(d.Left, y+0.8, 3.2, 3.2, "D")
		d.Text(d.Left+6, y, d.TextWidth()-6, 5, l, "L")
		y += 6.5
	}
	d.SetFont("B", 9)
	d.Text(d.Left, y+1, d.TextWidth(), 5, d.T("dunning.cs.notes"), "L")
	y += 7
	d.DrawColor(pdfdoc.Grey)
	for i := 0; i < 4 && y < d.H-d.Bottom-6; i++ {
		pdf.Line(d.Left, y+6, d.W-d.Right, y+6)
		y += 7
	}
	d.DrawColor(pdfdoc.Black)
	d.SetY(y)
}

// Gather collects what the call sheet of account a shows at asOf: its agenda entry
// (the call, else its first entry), its records and disputes, its payer profile.
func Gather(book *ledger.Book, a *ledger.Account, asOf ledger.Date, ag dunning.Agenda, rec dunning.Records, ds []dispute.Dispute, class string) Sheet {
	id := a.Customer.ID
	s := Sheet{Company: book.Settings.Company, Signatory: book.Settings.Signatory.Name, Currency: book.Settings.Currency,
		Account: a, AsOf: asOf, Class: class}
	for i := range ag.Entries {
		if e := &ag.Entries[i]; e.Customer == id && (s.Entry == nil || e.Channel == dunning.ChanCall) {
			s.Entry = e
		}
	}
	if s.Entry != nil && class == "" {
		s.Class = s.Entry.Class
	}
	for _, x := range rec.Actions {
		if x.Customer == id {
			s.Records.Actions = append(s.Records.Actions, x)
		}
	}
	for _, x := range rec.Promises {
		if x.Customer == id {
			s.Records.Promises = append(s.Records.Promises, x)
		}
	}
	for _, x := range rec.Plans {
		if x.Customer == id {
			s.Records.Plans = append(s.Records.Plans, x)
		}
	}
	for _, d := range ds {
		if d.Customer == id {
			s.Disputes = append(s.Disputes, d)
		}
	}
	p := credit.Profile(a, asOf, book.Settings.Currency, credit.ProfileOptions{Promises: dunning.PromiseCounter(book, rec)})
	s.Profile = &p
	return s
}
