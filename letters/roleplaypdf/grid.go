package roleplaypdf

import (
	"io"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"relance/ledger"
	"relance/ledger/roleplay"
	"relance/letters/pdfdoc"
)

// Observed is a filled grid for the trainee's file.
type Observed struct {
	Trainee string
	Name    string // the customer's name
	AsOf    ledger.Date
	Grid    roleplay.Grid
}

// Grid writes the filled observation grid o, with its score line by line, to w.
func Grid(w io.Writer, p Print, o Observed, f *pdfdoc.Factory) (err error) {
	defer pdfdoc.Guard(&err, "roleplay.pdf.kind", func() string { return o.Grid.Customer })
	if f == nil {
		f = pdfdoc.NewFactory()
	}
	return f.Render(w, p.meta(o.Grid.Customer, o.AsOf), func(d *pdfdoc.Doc) error {
		filled(d, &p, &o)
		return nil
	})
}

// blankGrid draws the grid with empty boxes to tick during the call.
func blankGrid(d *pdfdoc.Doc, difficult bool) {
	d.Need(110)
	d.Heading(d.T("roleplay.grid.title")+" "+d.T("roleplay.pdf.blank"), 100)
	pdf := d.PDF()
	y := d.Y()
	d.SetFont("", 9.5)
	box := func(label string) {
		pdf.Rect(d.Left, y+0.8, 3.2, 3.2, "D")
		d.Text(d.Left+6, y, d.TextWidth()-6, 5, label, "L")
		y += 6
	}
	for _, k := range rows(difficult) {
		box(d.T(k))
	}
	d.Text(d.Left, y, d.TextWidth(), 5, d.T("roleplay.grid.amount")+" : ____________    "+d.T("roleplay.grid.date")+" : ____________", "L")
	y += 7
	d.Text(d.Left, y, 20, 5, d.T("roleplay.grid.tone"), "L")
	x := d.Left + 20
	for _, k := range []string{"roleplay.grid.tone.0", "roleplay.grid.tone.1", "roleplay.grid.tone.2"} {
		pdf.Rect(x, y+0.8, 3.2, 3.2, "D")
		l := d.T(k)
		d.Text(x+5, y, d.Width(l)+2, 5, l, "L")
		x += d.Width(l) + 12
	}
	y += 8
	d.SetFont("I", 8)
	d.TextColor(pdfdoc.Grey)
	y = d.Para(d.Left, y, d.TextWidth(), 4.2, d.T("roleplay.grid.scale"), "L")
	d.TextColor(pdfdoc.Black)
	d.SetY(y + 2)
}

// rows are the grid's yes/no lines, in the order of the call.
func rows(difficult bool) []string {
	r := []string{"roleplay.grid.contact", "roleplay.grid.understand", "roleplay.grid.convince", "roleplay.grid.conclude",
		"roleplay.grid.open", "roleplay.grid.closed", "roleplay.grid.neutral", "roleplay.grid.leading",
		"roleplay.grid.reformulated", "roleplay.grid.objection"}
	if difficult {
		r = append(r, "roleplay.grid.desc")
	}
	return r
}

// filled draws a filled grid and its score.
func filled(d *pdfdoc.Doc, p *Print, o *Observed) {
	g := &o.Grid
	d.ReportHead(&p.Company, p.Currency, d.T("roleplay.pdf.grid_title", "trainee", o.Trainee),
		d.T("roleplay.pdf.grid_subtitle", "date", d.Date(o.AsOf), "customer", o.Name, "profile", profileName(d, g.Profile)))
	sc := g.Scored()
	d.Heading(d.T("roleplay.grid.title"), 60)
	t := d.NewTable(
		pdfdoc.Column{Title: "", Width: 120},
		pdfdoc.Column{Title: d.T("roleplay.grid.points"), Width: 30, Align: "R"})
	t.Zebra = true
	t.Header()
	for _, l := range sc.Lines {
		t.Row(d.T(l.Key), strconv.Itoa(l.Points)+" / "+strconv.Itoa(l.Max))
	}
	t.Total(d.T("roleplay.grid.total", "points", sc.Points.String(), "outof", strconv.Itoa(sc.OutOf)), "")
	yes := func(b bool) string {
		if b {
			return d.T("roleplay.grid.yes")
		}
		return d.T("roleplay.grid.no")
	}
	amount, date := d.T("roleplay.grid.none"), d.T("roleplay.grid.none")
	if g.Amount > 0 {
		amount = d.Money(g.Amount)
	}
	if g.Date.Valid() {
		date = d.Date(g.Date)
	}
	d.SetY(d.Y() + 2)
	d.LabelBox([][2]string{
		{d.T("roleplay.grid.amount"), amount},
		{d.T("roleplay.grid.date"), date},
		{d.T("roleplay.grid.neutral"), yes(g.Neutral)},
		{d.T("roleplay.grid.leading"), yes(g.Leading)},
		{d.T("roleplay.grid.tone"), d.T("roleplay.grid.tone." + strconv.Itoa(min(max(g.Tone, 0), 2)))},
	}, 70)
	on20 := sc.Points.Mul(decimal.NewFromInt(20)).Div(decimal.NewFromInt(int64(sc.OutOf))).Round(1)
	d.SetFont("B", 11)
	d.SetY(d.Para(d.Left, d.Y()+2, d.TextWidth(), 6, d.T("roleplay.grid.total", "points", sc.Points.String(), "outof", strconv.Itoa(sc.OutOf))+
		" – "+d.T("roleplay.grid.on20", "score", decimalText(d.Lang(), on20)), "L") + 2)
	if g.Notes != "" {
		d.Heading(d.T("roleplay.grid.notes"), 16)
		d.SetFont("", 9.5)
		d.SetY(d.Para(d.Left, d.Y(), d.TextWidth(), 5, g.Notes, "L") + 2)
	}
	d.SetFont("I", 8)
	d.TextColor(pdfdoc.Grey)
	d.SetY(d.Para(d.Left, d.Y()+2, d.TextWidth(), 4.2, d.T("roleplay.grid.scale"), "L"))
	d.TextColor(pdfdoc.Black)
}

// decimalText writes a score in the document's language: "13,5" in French.
func decimalText(lang string, v decimal.Decimal) string {
	s := v.String()
	if lang == "fr" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
