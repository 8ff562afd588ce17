// Package roleplaypdf prints the phone role-play (ledger/roleplay): the trainee's card
// and the trainer's card, each on its own pages so that they can be handed out
// separately, and the observation grid — blank to fill in by hand, or filled and
// scored for the trainee's file. The content comes from ledger/roleplay; this package
// only lays it out.
package roleplaypdf

import (
	"io"
	"strconv"
	"time"

	"relance/ledger"
	"relance/ledger/roleplay"
	"relance/letters/pdfdoc"
)

// Print is what the documents show besides the cards or the grid.
type Print struct {
	Company  ledger.Company
	Currency string
	Lang     string // "fr" (default) or "en": the trainer's language
}

func (p *Print) meta(keywords string, asOf ledger.Date) pdfdoc.Meta {
	if p.Lang == "" {
		p.Lang = "fr"
	}
	return pdfdoc.Meta{Author: p.Company.Name, Keywords: keywords, Lang: p.Lang, Currency: p.Currency,
		Created: asOf.Time().Add(12 * time.Hour)}
}

// Cards writes both cards of c to w: the trainee's, then the trainer's with a blank
// observation grid.
func Cards(w io.Writer, p Print, c roleplay.Cards, f *pdfdoc.Factory) (err error) {
	defer pdfdoc.Guard(&err, "roleplay.pdf.kind", func() string { return c.Customer })
	if f == nil {
		f = pdfdoc.NewFactory()
	}
	return f.Render(w, p.meta(c.Customer, c.AsOf), func(d *pdfdoc.Doc) error {
		trainee(d, &p, &c)
		trainer(d, &p, &c) // ReportHead starts a section: the card's own pages
		return nil
	})
}

func profileName(d *pdfdoc.Doc, pr roleplay.Profile) string {
	return d.T("roleplay.profile." + string(pr))
}

// trainee draws the trainee's card: the situation, the invoices, the aim, the prompts.
func trainee(d *pdfdoc.Doc, p *Print, c *roleplay.Cards) {
	d.ReportHead(&p.Company, p.Currency, d.T("roleplay.pdf.cards_title", "customer", c.Name),
		d.T("roleplay.card.trainee")+" – "+d.T("roleplay.pdf.situation_at", "date", d.Date(c.AsOf)))
	situation(d, &c.Situation)
	d.Heading(d.T("roleplay.card.aim"), 20)
	d.SetFont("B", 10)
	aim := d.T("roleplay.card.aim_none")
	if c.Target > 0 {
		aim = d.T("roleplay.card.aim_text", "target", d.Money(c.Target), "by", d.Date(c.By), "floor", d.Money(c.Floor))
	}
	d.SetY(d.Para(d.Left, d.Y(), d.TextWidth(), 5, aim, "L") + 2)
	guides(d)
}

// situation draws the figures and the open invoices.
func situation(d *pdfdoc.Doc, s *roleplay.Situation) {
	d.Heading(d.T("roleplay.card.situation"), 40)
	late := d.T("roleplay.card.unknown")
	if s.LateKnown {
		late = d.T("roleplay.card.days", "n", strconv.Itoa(s.Late12m))
	}
	rows := [][2]string{{d.T("roleplay.card.customer"), s.Customer + " – " + s.Name}}
	if s.Contact != "" {
		rows = append(rows, [2]string{d.T("roleplay.card.contact"), s.Contact + "  " + s.Phone})
	}
	if s.Class != "" {
		rows = append(rows, [2]string{d.T("roleplay.card.class"), s.Class})
	}
	rows = append(rows,
		[2]string{d.T("roleplay.card.balance"), d.Money(s.Balance)},
		[2]string{d.T("roleplay.card.overdue"), d.Money(s.Overdue)},
		[2]string{d.T("roleplay.card.undisputed"), d.Money(s.Undisputed)})
	if s.Oldest.Valid() {
		rows = append(rows, [2]string{d.T("roleplay.card.oldest"), d.Date(s.Oldest)})
	}
	rows = append(rows, [2]string{d.T("roleplay.card.late12m"), late},
		[2]string{d.T("roleplay.card.actions"), strconv.Itoa(s.Actions)})
	d.LabelBox(rows, 55)
	d.Heading(d.T("roleplay.card.invoices"), 20)
	t := d.NewTable(
		pdfdoc.Column{Title: d.T("roleplay.card.col.number"), Width: 40},
		pdfdoc.Column{Title: d.T("roleplay.card.col.due"), Width: 30},
		pdfdoc.Column{Title: d.T("roleplay.card.col.late"), Width: 25, Align: "R"},
		pdfdoc.Column{Title: d.T("roleplay.card.col.open"), Width: 35, Align: "R"},
		pdfdoc.Column{Title: d.T("roleplay.card.col.note"), Width: 50})
	t.Zebra = true
	t.Header()
	for _, in := range s.Invoices {
		note, late := "", ""
		if in.Disputed {
			note = d.T("roleplay.card.disputed")
		}
		if in.DaysLate > 0 {
			late = strconv.Itoa(in.DaysLate)
		}
		t.Row(in.Number, d.Date(in.Due), late, d.Money(in.Open), note)
	}
	d.SetFont("", 9)
	y := d.Y() + 1
	for _, b := range s.Broken {
		y = d.Para(d.Left, y, d.TextWidth(), 4.6, "• "+d.T("roleplay.card.broken", "amount", d.Money(b.Amount),
			"made", d.Date(b.Made), "due", d.Date(b.Due)), "L")
	}
	for _, ds := range s.Disputes {
		y = d.Para(d.Left, y, d.TextWidth(), 4.6, "• "+d.T("roleplay.card.dispute", "reason", d.T("dispute.reason."+string(ds.Reason)),
			"date", d.Date(ds.Opened), "amount", d.Money(ds.Amount)), "L")
	}
	d.SetY(y + 1)
}

// guides prints the prompts both cards share.
func guides(d *pdfdoc.Doc) {
	d.Heading(d.T("roleplay.card.prompts"), 30)
	for _, g := range roleplay.Guides() {
		d.Need(8 + 4.6*float64(len(g.Lines)))
		d.SetFont("B", 9.5)
		d.TextColor(pdfdoc.Accent)
		y := d.Para(d.Left, d.Y(), d.TextWidth(), 5, d.T(g.Title), "L")
		d.TextColor(pdfdoc.Black)
		d.SetFont("", 9)
		for _, l := range g.Lines {
			y = d.Para(d.Left+4, y, d.TextWidth()-4, 4.6, "• "+d.T(l), "L")
		}
		d.SetY(y + 1.5)
	}
}

// trainer draws the trainer's card: the profile to play, the objections, what a good
// call obtains, the figures, and a blank grid.
func trainer(d *pdfdoc.Doc, p *Print, c *roleplay.Cards) {
	d.ReportHead(&p.Company, p.Currency, d.T("roleplay.pdf.cards_title", "customer", c.Name),
		d.T("roleplay.card.trainer")+" – "+d.T("roleplay.pdf.cards_subtitle", "date", d.Date(c.AsOf), "profile", profileName(d, c.Profile)))
	d.Heading(d.T("roleplay.card.profile", "profile", profileName(d, c.Profile)), 20)
	d.SetFont("", 9.5)
	y := d.Para(d.Left, d.Y(), d.TextWidth(), 5, d.T("roleplay.play."+string(c.Profile)), "L")
	d.SetFont("I", 8.5)
	d.TextColor(pdfdoc.Grey)
	y = d.Para(d.Left, y+1, d.TextWidth(), 4.5, d.T("roleplay.suggested", "profile", profileName(d, c.Suggested), "why", d.T(c.Why)), "L")
	d.TextColor(pdfdoc.Black)
	d.SetY(y + 2)
	list(d, d.T("roleplay.card.objections"), c.Objections)
	list(d, d.T("roleplay.card.good"), c.Good)
	d.Heading(d.T("roleplay.card.aim"), 14)
	d.SetFont("", 9)
	aim := d.T("roleplay.card.aim_none")
	if c.Target > 0 {
		aim = d.T("roleplay.card.aim_text", "target", d.Money(c.Target), "by", d.Date(c.By), "floor", d.Money(c.Floor))
	}
	d.SetY(d.Para(d.Left, d.Y(), d.TextWidth(), 4.6, aim, "L") + 2)
	situation(d, &c.Situation)
	blankGrid(d, c.Profile.Difficult())
}

func list(d *pdfdoc.Doc, title string, keys []string) {
	d.Heading(title, 20)
	d.SetFont("", 9.5)
	y := d.Y()
	for _, k := range keys {
		y = d.Para(d.Left+2, y, d.TextWidth()-2, 5, "• "+d.T(k), "L") + 0.5
	}
	d.SetY(y + 1.5)
}
