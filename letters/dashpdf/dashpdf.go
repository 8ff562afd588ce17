// Package dashpdf prints the credit dashboard for management: the KPIs at a date with
// the previous month and the change, the aged balance and the DSO history as charts,
// twelve months of history, the customers most overdue, and how each figure is
// computed. The figures come from ledger/credit; this package only lays them out.
package dashpdf

import (
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/cause"
	"relance/ledger/credit"
	"relance/ledger/earned"
	"relance/letters/pdfdoc"
)

// Report is what the dashboard prints.
type Report struct {
	Snapshot *credit.Snapshot
	History  []credit.Snapshot // month ends, oldest first, up to the snapshot's date
	Aged     *credit.Aged
	Top      []ledger.CustomerSummary // customers most overdue
	// Earned is what collection brought in over the period before the date (nil: not
	// printed), Causes the late invoices of the date by cause (nil: not printed).
	Earned *earned.Report
	Causes *cause.Breakdown
}

// Options tune the print.
type Options struct {
	Lang    string          // "fr" or "en"; empty: the dossier's language
	Created time.Time       // PDF creation date; zero: noon UTC on the as-of date
	Factory *pdfdoc.Factory // nil: a new one
}

// KPIs are the figures of the report, in order.
var KPIs = []string{
	credit.KeyReceivables, credit.KeyOverdue, credit.KeyOverdueRate, credit.KeyOver90, credit.KeyOver90Share,
	credit.KeyDSOAccounting, credit.KeyDSOCountBack, credit.KeyBPDSO, credit.KeyADD, credit.KeyCEI,
	credit.KeyDisputes, credit.KeyDoubtful,
}

// FigureText writes a figure's value with its unit in lang ("—" when undefined).
func FigureText(lang, currency string, f *credit.Figure) string {
	if f == nil || !f.Defined {
		return "—"
	}
	var s string
	switch f.Unit {
	case credit.UnitDays:
		s = decimalText(lang, f.Value.StringFixed(1)) + " " + i18n.T(lang, "dash.pdf.days")
	case credit.UnitPct:
		s = percentText(lang, f.Value.StringFixed(1))
	case credit.UnitCount:
		s = strconv.FormatInt(f.Value.IntPart(), 10)
	default:
		s = ledger.CentsFromDecimal(f.Value).Format(lang, currency)
	}
	if f.AtLeast {
		s = "≥ " + s
	}
	return s
}

// DeltaText writes the change from prev to f ("+3,2 j", "−1 234,00 €"), or "" when
// either is undefined.
func DeltaText(lang, currency string, f, prev *credit.Figure) string {
	if f == nil || prev == nil || !f.Defined || !prev.Defined {
		return ""
	}
	d := *f
	d.Value, d.AtLeast = f.Value.Sub(prev.Value), false
	sign := "+"
	if d.Value.IsNegative() {
		sign, d.Value = "-", d.Value.Neg() // hyphen-minus: every font has it
	}
	return sign + FigureText(lang, currency, &d)
}

func decimalText(lang, s string) string {
	if lang == "fr" {
		return strings.Replace(s, ".", ",", 1)
	}
	return s
}

func percentText(lang, s string) string {
	if lang == "fr" {
		return decimalText(lang, s) + "\u00a0%"
	}
	return s + "%"
}

// Render writes the dashboard report of the dossier with settings s to w.
func Render(w io.Writer, s ledger.Settings, r Report, opt Options) (err error) {
	defer pdfdoc.Guard(&err, "pdfsafe.kind.kpi", nil)
	lang := opt.Lang
	if lang == "" {
		lang = s.Lang
	}
	asOf := r.Snapshot.AsOf
	if opt.Created.IsZero() {
		opt.Created = asOf.Time().Add(12 * time.Hour)
	}
	if opt.Factory == nil {
		opt.Factory = pdfdoc.NewFactory()
	}
	cur := s.Currency
	if cur == "" {
		cur = "EUR"
	}
	title := i18n.T(lang, "dash.pdf.title", "date", pdfdoc.FormatDate(lang, asOf))
	m := pdfdoc.Meta{Title: title, Subject: s.Company.Name, Author: s.Company.Name, Lang: lang,
		Currency: cur, Created: opt.Created}
	return opt.Factory.Render(w, m, func(d *pdfdoc.Doc) error {
		p := &printer{d: d, s: &s, r: &r, cur: cur, title: title}
		p.draw()
		return nil
	})
}

type printer struct {
	d     *pdfdoc.Doc
	s     *ledger.Settings
	r     *Report
	cur   string
	title string
}

// previous returns the snapshot of the month end before the as-of date's month.
func (p *printer) previous() *credit.Snapshot {
	h := p.r.History
	for i := len(h) - 1; i >= 0; i-- {
		if h[i].AsOf < p.r.Snapshot.AsOf.StartOfMonth() {
			return &h[i]
		}
	}
	return nil
}

func (p *printer) heading(text string) { p.d.Heading(text, 12) }

func (p *printer) draw() {
	d := p.d
	d.ReportHead(&p.s.Company, p.cur, p.title, d.T("dash.pdf.subtitle", "currency", p.cur))

	p.kpiTable()
	p.heading(d.T("dash.pdf.charts"))
	p.charts()
	p.heading(d.T("dash.pdf.history"))
	p.historyTable()
	if len(p.r.Top) > 0 {
		d.Need(14 + 4.6*float64(len(p.r.Top)+1)) // keep the table with its heading
		p.heading(d.T("dash.pdf.top", "n", strconv.Itoa(len(p.r.Top))))
		p.topTable()
	}
	if p.r.Causes != nil && p.r.Causes.Late.Count > 0 {
		p.causesSection(p.r.Causes) // extras.go
	}
	if p.r.Earned != nil {
		p.earnedSection(p.r.Earned)
	}
	p.heading(d.T("dash.pdf.methods"))
	p.methods()
}

func (p *printer) kpiTable() {
	d := p.d
	prev := p.previous()
	prevTitle := d.T("dash.pdf.col.previous")
	if prev != nil {
		prevTitle = d.Date(prev.AsOf)
	}
	t := d.NewTable(
		pdfdoc.Column{Title: d.T("dash.pdf.col.kpi"), Width: 78, Align: "L"},
		pdfdoc.Column{Title: d.Date(p.r.Snapshot.AsOf), Width: 36, Align: "R"},
		pdfdoc.Column{Title: prevTitle, Width: 36, Align: "R"},
		pdfdoc.Column{Title: d.T("dash.pdf.col.change"), Width: 30, Align: "R"},
	)
	t.Size, t.RowH, t.Zebra = 8.5, 5.2, true
	t.Header()
	for _, key := range KPIs {
		f := p.r.Snapshot.KPI(key)
		if f == nil {
			continue
		}
		var pf *credit.Figure
		if prev != nil {
			pf = prev.KPI(key)
		}
		prevText := ""
		if pf != nil {
			prevText = FigureText(d.Lang(), p.cur, pf)
		}
		t.Row(d.T(key), FigureText(d.Lang(), p.cur, f), prevText, DeltaText(d.Lang(), p.cur, f, pf))
	}
}

// charts draws the aged balance (bars) and the DSO history (lines) side by side.
func (p *printer) charts() {
	d := p.d
	h := 62.0
	d.Need(h + 4)
	y := d.Y()
	w := (d.TextWidth() - 6) / 2
	p.agedChart(d.Left, y, w, h)
	p.dsoChart(d.Left+w+6, y, w, h)
	d.SetY(y + h + 4)
}

var barColors = []pdfdoc.Color{0x3a9d5d, 0xf2b33d, 0xe87d2e, 0xd64b3a, 0x9e1f2a, 0x6b101c}

func (p *printer) frame(x, y, w, h float64, title string) (px, py, pw, ph float64) {
	d := p.d
	f := d.PDF()
	d.DrawColor(pdfdoc.Light)
	f.SetLineWidth(0.3)
	f.Rect(x, y, w, h, "D")
	d.SetFont("B", 8)
	d.Text(x+2, y+1.5, w-4, 4, title, "L")
	return x + 16, y + 9, w - 19, h - 17
}

// axis draws horizontal grid lines and their labels between lo and hi.
func (p *printer) axis(px, py, pw, ph, lo, hi, step float64, label func(float64) string) func(float64) float64 {
	d := p.d
	f := d.PDF()
	yOf := func(v float64) float64 { return py + ph - (v-lo)/(hi-lo)*ph }
	d.SetFont("", 6)
	d.TextColor(pdfdoc.Grey)
	for v := lo; v <= hi+step/2; v += step {
		d.DrawColor(pdfdoc.Light)
		f.SetLineWidth(0.2)
		f.Line(px, yOf(v), px+pw, yOf(v))
		d.Text(px-16, yOf(v)-1.5, 15, 3, label(v), "R")
	}
	d.TextColor(pdfdoc.Black)
	return yOf
}

func niceScale(lo, hi float64) (float64, float64, float64) {
	if hi == lo {
		hi = lo + 1
	}
	raw := (hi - lo) / 4
	pw := math.Pow(10, math.Floor(math.Log10(raw)))
	step := 10 * pw
	for _, m := range []float64{1, 2, 5, 10} {
		if raw <= m*pw {
			step = m * pw
			break
		}
	}
	return math.Floor(lo/step) * step, math.Ceil(hi/step) * step, step
}

func (p *printer) agedChart(x, y, w, h float64) {
	d := p.d
	ag := p.r.Aged
	px, py, pw, ph := p.frame(x, y, w, h, d.T("dash.pdf.chart_aged"))
	labels := []string{d.T("dash.pdf.notdue")}
	vals := []float64{float64(ag.Total.NotDue)}
	for i, r := range ag.Ranges {
		if r.To == 0 {
			labels = append(labels, d.T("dash.pdf.over", "days", strconv.Itoa(r.From-1)))
		} else {
			labels = append(labels, d.T("dash.pdf.range", "from", strconv.Itoa(r.From), "to", strconv.Itoa(r.To)))
		}
		vals = append(vals, float64(ag.Total.Late[i]))
	}
	hiV := 0.0
	for _, v := range vals {
		hiV = math.Max(hiV, v)
	}
	lo, hi, step := niceScale(0, hiV)
	yOf := p.axis(px, py, pw, ph, lo, hi, step, func(v float64) string { return kilo(d.Lang(), v) })
	slot := pw / float64(len(vals))
	f := d.PDF()
	d.SetFont("", 6)
	for i, v := range vals {
		d.FillColor(barColors[i%len(barColors)])
		top := yOf(v)
		f.Rect(px+slot*float64(i)+slot*0.15, top, slot*0.7, yOf(0)-top, "F")
		d.Text(px+slot*float64(i), py+ph+1, slot, 3, labels[i], "C")
	}
}

func (p *printer) dsoChart(x, y, w, h float64) {
	d := p.d
	hist := p.r.History
	for len(hist) > 1 && hist[0].Position.Receivables == 0 && hist[0].MonthSales == 0 {
		hist = hist[1:] // month ends before the dossier's first entries
	}
	px, py, pw, ph := p.frame(x, y, w, h, d.T("dash.pdf.chart_dso", "n", strconv.Itoa(len(hist))))
	py, ph = py+4, ph-4 // room for the legend under the title
	keys := []string{credit.KeyDSOAccounting, credit.KeyDSOCountBack}
	legendKeys := []string{"dash.pdf.legend_accounting", "dash.pdf.legend_countback"}
	colors := []pdfdoc.Color{0x1f497d, 0xe87d2e}
	lo, hi := math.Inf(1), math.Inf(-1)
	val := func(s *credit.Snapshot, k string) (float64, bool) {
		f := s.KPI(k)
		if f == nil || !f.Defined {
			return 0, false
		}
		v, _ := f.Value.Float64() // plotting only
		return v, true
	}
	for i := range hist {
		for _, k := range keys {
			if v, ok := val(&hist[i], k); ok {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	if math.IsInf(lo, 1) {
		lo, hi = 0, 1
	}
	lo, hi, step := niceScale(math.Min(0, lo), hi)
	yOf := p.axis(px, py, pw, ph, lo, hi, step, func(v float64) string {
		return strconv.Itoa(int(math.Round(v))) + " " + d.T("dash.pdf.days")
	})
	n := len(hist)
	if n == 0 {
		return
	}
	slot := pw / float64(n)
	f := d.PDF()
	for ki, k := range keys {
		d.DrawColor(colors[ki])
		f.SetLineWidth(0.6)
		var prevX, prevY float64
		have := false
		for i := range hist {
			v, ok := val(&hist[i], k)
			if !ok {
				have = false
				continue
			}
			cx, cy := px+slot*(float64(i)+0.5), yOf(v)
			if have {
				f.Line(prevX, prevY, cx, cy)
			}
			prevX, prevY, have = cx, cy, true
		}
		// legend, under the title
		lx := x + 3 + float64(ki)*(w/2)
		d.FillColor(colors[ki])
		f.Rect(lx, y+7, 4, 1.5, "F")
		d.SetFont("", 6)
		d.Text(lx+5, y+5.8, w/2-8, 3, d.T(legendKeys[ki]), "L")
	}
	d.SetFont("", 6)
	every := max(1, n/6)
	for i := range hist {
		if (n-1-i)%every != 0 {
			continue
		}
		d.Text(px+slot*float64(i)-6, py+ph+1, slot+12, 3, monthLabel(d, hist[i].AsOf), "C")
	}
}

func monthLabel(d *pdfdoc.Doc, t ledger.Date) string {
	return d.T("dash.pdf.month."+strconv.Itoa(int(t.Month()))) + " " + strconv.Itoa(t.Year()%100)
}

// kilo writes cents as thousands ("125 k") or millions ("1,2 M") of the currency.
func kilo(lang string, cents float64) string {
	k := cents / 100 / 1000
	if math.Abs(k) >= 1000 {
		return decimalText(lang, strconv.FormatFloat(k/1000, 'f', 1, 64)) + " M"
	}
	return strconv.FormatFloat(k, 'f', 0, 64) + " k"
}

func (p *printer) historyTable() {
	d := p.d
	t := d.NewTable(
		pdfdoc.Column{Title: d.T("dash.pdf.col.month"), Width: 24, Align: "L"},
		pdfdoc.Column{Title: d.T(credit.KeyReceivables), Width: 32, Align: "R"},
		pdfdoc.Column{Title: d.T(credit.KeyOverdueRate), Width: 26, Align: "R"},
		pdfdoc.Column{Title: d.T("dash.pdf.col.over90"), Width: 30, Align: "R"},
		pdfdoc.Column{Title: d.T("dash.pdf.legend_accounting"), Width: 30, Align: "R"},
		pdfdoc.Column{Title: d.T("dash.pdf.legend_countback"), Width: 30, Align: "R"},
	)
	t.Size, t.RowH, t.Zebra = 7.5, 4.6, true
	t.Header()
	h := p.r.History
	for i := max(0, len(h)-12); i < len(h); i++ {
		s := &h[i]
		cell := func(k string) string { return FigureText(d.Lang(), p.cur, s.KPI(k)) }
		t.Row(d.Date(s.AsOf), cell(credit.KeyReceivables), cell(credit.KeyOverdueRate), cell(credit.KeyOver90),
			cell(credit.KeyDSOAccounting), cell(credit.KeyDSOCountBack))
	}
}

func (p *printer) topTable() {
	d := p.d
	t := d.NewTable(
		pdfdoc.Column{Title: d.T("dash.pdf.col.id"), Width: 24, Align: "L"},
		pdfdoc.Column{Title: d.T("dash.pdf.col.name"), Width: 76, Align: "L"},
		pdfdoc.Column{Title: d.T("dash.pdf.col.overdue"), Width: 30, Align: "R"},
		pdfdoc.Column{Title: d.T("dash.pdf.col.dayslate"), Width: 20, Align: "R"},
		pdfdoc.Column{Title: d.T("dash.pdf.col.balance"), Width: 30, Align: "R"},
	)
	t.Size, t.RowH, t.Zebra = 7.5, 4.6, true
	t.Header()
	for _, c := range p.r.Top {
		t.Row(c.ID, c.Name, d.Money(c.Overdue), strconv.Itoa(c.DaysLate), d.Money(c.Balance))
	}
}

// methods prints, for each KPI, how it is computed and from which inputs.
func (p *printer) methods() {
	d := p.d
	for _, key := range KPIs {
		f := p.r.Snapshot.KPI(key)
		if f == nil {
			continue
		}
		var in []string
		for _, i := range f.Inputs {
			fi := credit.Figure{Unit: i.Unit, Value: i.Value, Defined: true}
			v := FigureText(d.Lang(), p.cur, &fi)
			if i.From.Valid() {
				v += " (" + d.Date(i.From) + " – " + d.Date(i.To) + ")"
			} else if i.To.Valid() {
				v += " (" + d.Date(i.To) + ")"
			}
			in = append(in, d.T("dash.pdf.kv", "name", d.T("kpi.input."+i.Name), "value", v))
		}
		text := d.T(f.Method, f.MethodArgs...)
		if len(in) > 0 {
			text += " — " + strings.Join(in, " ; ")
		}
		d.Need(10)
		d.SetFont("B", 8)
		d.Text(d.Left, d.Y(), d.TextWidth(), 4, d.T("dash.pdf.kv", "name", d.T(key), "value", FigureText(d.Lang(), p.cur, f)), "L")
		d.SetFont("", 7.5)
		y := d.Para(d.Left, d.Y()+4.2, d.TextWidth(), 3.6, text, "L")
		d.SetY(y + 1.5)
	}
}
