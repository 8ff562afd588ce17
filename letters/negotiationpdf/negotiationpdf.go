// Package negotiationpdf prints the negotiation sheet (ledger/negotiation) on one page
// the negotiator takes to the meeting: the objective, the opening position and the
// floor, a counterpart for each concession, the consequences of a disagreement with
// their dates, and the outcome once recorded. The content comes from
// ledger/negotiation; this package only lays it out.
package negotiationpdf

import (
	"io"
	"strconv"
	"time"

	"relance/ledger"
	"relance/ledger/negotiation"
	"relance/letters/pdfdoc"
)

// Print is what the sheet shows besides its content.
type Print struct {
	Company  ledger.Company
	Currency string
	Lang     string // "fr" (default) or "en"
}

// Sheet writes sheet s to w.
func Sheet(w io.Writer, p Print, s *negotiation.Sheet, f *pdfdoc.Factory) (err error) {
	defer pdfdoc.Guard(&err, "nego.pdf.kind", func() string { return s.Customer })
	if f == nil {
		f = pdfdoc.NewFactory()
	}
	if p.Lang == "" {
		p.Lang = "fr"
	}
	meta := pdfdoc.Meta{Author: p.Company.Name, Keywords: s.Customer, Lang: p.Lang, Currency: p.Currency,
		Created: s.AsOf.Time().Add(12 * time.Hour)}
	return f.Render(w, meta, func(d *pdfdoc.Doc) error {
		draw(d, &p, s)
		return nil
	})
}

func yesNo(d *pdfdoc.Doc, b bool) string {
	if b {
		return d.T("nego.waived")
	}
	return d.T("nego.kept")
}

func draw(d *pdfdoc.Doc, p *Print, s *negotiation.Sheet) {
	d.ReportHead(&p.Company, p.Currency, d.T("nego.pdf.title", "customer", s.Name),
		d.T("nego.pdf.subtitle", "date", d.Date(s.AsOf), "id", s.Customer))
	d.Heading(d.T("nego.objective"), 30)
	rows := [][2]string{
		{d.T("nego.overdue"), d.Money(s.Overdue)},
		{d.T("nego.principal"), d.Money(s.Principal)},
	}
	if s.Disputed > 0 {
		rows = append(rows, [2]string{d.T("nego.disputed"), d.Money(s.Disputed)})
	}
	rows = append(rows,
		[2]string{d.T("nego.interest"), d.Money(s.Interest)},
		[2]string{d.T("nego.indemnity"), d.Money(s.Indemnity)},
		[2]string{d.T("nego.total"), d.Money(s.Total())})
	if s.Oldest.Valid() {
		rows = append(rows, [2]string{d.T("nego.oldest"), d.Date(s.Oldest)})
	}
	d.LabelBox(rows, 70)
	d.SetFont("", 9)
	y := d.Y() + 1
	for _, b := range s.Broken {
		y = d.Para(d.Left, y, d.TextWidth(), 4.4, "• "+d.T("nego.broken", "amount", d.Money(b.Amount),
			"made", d.Date(b.Made), "due", d.Date(b.Due)), "L")
	}
	for _, ds := range s.Disputes {
		y = d.Para(d.Left, y, d.TextWidth(), 4.4, "• "+d.T("nego.dispute", "reason", d.T("dispute.reason."+string(ds.Reason)),
			"date", d.Date(ds.Opened), "amount", d.Money(ds.Amount)), "L")
	}
	d.SetY(y + 1)

	d.Heading(d.T("nego.margins"), 30)
	t := d.NewTable(
		pdfdoc.Column{Title: "", Width: 62},
		pdfdoc.Column{Title: d.T("nego.opening"), Width: 54, Align: "R"},
		pdfdoc.Column{Title: d.T("nego.floor"), Width: 54, Align: "R"})
	t.Zebra = true
	t.Header()
	o, fl := &s.Opening, &s.Floor
	t.Row(d.T("nego.amount"), d.Money(o.Amount), d.Money(fl.Amount))
	t.Row(d.T("nego.instalments"), strconv.Itoa(o.Instalments), strconv.Itoa(fl.Instalments))
	t.Row(d.T("nego.first"), d.Money(o.First)+" – "+d.Date(o.FirstDate), d.Money(fl.First)+" – "+d.Date(fl.FirstDate))
	t.Row(d.T("nego.last"), d.Date(o.Last), d.Date(fl.Last))
	t.Row(d.T("nego.interest"), yesNo(d, o.WaiveInterest), yesNo(d, fl.WaiveInterest))
	t.Row(d.T("nego.indemnity"), yesNo(d, o.WaiveIndemnity), yesNo(d, fl.WaiveIndemnity))
	d.SetFont("I", 8.5)
	d.SetY(d.Para(d.Left, d.Y()+1, d.TextWidth(), 4.4, d.T("nego.waived_total", "amount", d.Money(s.Waived())), "L") + 1)

	d.Heading(d.T("nego.trades"), 30)
	d.SetFont("", 9)
	y = d.Y()
	for _, tr := range s.Trades {
		var cs string
		for i, c := range tr.Counterpart {
			if i > 0 {
				cs += " ; "
			}
			cs += Counterpart(d, s, c)
		}
		y = d.Para(d.Left, y, d.TextWidth(), 4.6, "• "+d.T("nego.concession."+string(tr.Concession))+" → "+cs, "L")
	}
	d.SetY(y + 1)

	d.Heading(d.T("nego.then"), 25)
	d.SetFont("", 9)
	y = d.Y()
	for _, c := range s.Then {
		y = d.Para(d.Left, y, d.TextWidth(), 4.6, "• "+d.Date(c.Date)+" : "+Consequence(d, c), "L")
	}
	d.SetY(y + 1)
	if s.Outcome != nil {
		d.Heading(d.T("nego.outcome"), 20)
		d.SetFont("B", 9.5)
		d.SetY(d.Para(d.Left, d.Y(), d.TextWidth(), 5, Outcome(d, s.Outcome), "L") + 1)
		return
	}
	d.Heading(d.T("nego.notes"), 30)
	d.SetFont("", 9)
	d.SetY(d.Para(d.Left, d.Y(), d.TextWidth(), 4.6, d.T("nego.notes_hint"), "L") + 20)
}

// Counterpart says counterpart c of sheet s in d's language (the deposit with its
// share).
func Counterpart(d interface {
	T(string, ...string) string
}, s *negotiation.Sheet, c negotiation.Counterpart) string {
	if c == negotiation.Deposit {
		return d.T("nego.counterpart.deposit_pct", "pct", strconv.Itoa(s.DepositShare()))
	}
	return d.T("nego.counterpart." + string(c))
}

// Consequence says consequence c (its date apart) in d's language.
func Consequence(d interface {
	T(string, ...string) string
}, c negotiation.Consequence) string {
	if c.Step == negotiation.Legal && c.Route != "" {
		return d.T("nego.step.legal_route", "route", d.T("law.route."+string(c.Route)))
	}
	return d.T("nego.step." + string(c.Step))
}

// Outcome says outcome o in one sentence.
func Outcome(d *pdfdoc.Doc, o *negotiation.Outcome) string {
	if o.Result == negotiation.Agreement {
		return d.T("nego.outcome.agreement", "date", d.Date(o.Date), "n", strconv.Itoa(len(o.Instalments)),
			"amount", d.Money(o.Total()))
	}
	return d.T("nego.outcome.disagreement", "date", d.Date(o.Date), "next", d.T("nego.step."+string(o.Next)), "on", d.Date(o.NextDate))
}
