package ui

import (
	"image/color"
	"math"
	"runtime/debug"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/credit"
	"relance/ledger/dispute"
	"relance/letters/dashpdf"
)

// historyMonths is the length of the KPI history on the dashboard.
const historyMonths = 24

// dashboardKPIs are the KPI tiles, in display order.
var dashboardKPIs = []string{
	credit.KeyReceivables, credit.KeyOverdue, credit.KeyOverdueRate, credit.KeyOver90,
	credit.KeyDSOAccounting, credit.KeyDSOCountBack, credit.KeyBPDSO, credit.KeyADD,
	credit.KeyCEI, credit.KeyDisputes,
}

// dashboardView is the Tableau de bord screen: the KPIs at the as-of date with their
// history, and the aged balance with its grouping, drill-down, sort and exports. It
// caches the figures for the book and date they were computed for (desk.Dashboard).
type dashboardView struct {
	a       *App
	book    *ledger.Book
	asOf    ledger.Date
	snap    *credit.Snapshot
	history []credit.Snapshot
	aged    *credit.Aged
	top     []ledger.CustomerSummary
	tab     int
	pending bool // a background computation is running
	// earnedPending is set while « Résultats des relances » is computed (ui/earned.go).
	earnedPending bool
	// interim is set when the figures shown are the first session's of a dossier
	// opened in two steps, kept while the whole history's are computed.
	interim bool
	// agedBy is the aged balance's grouping ("customer", "salesperson", "kind", "class")
	// and agedGroup the group drilled into ("" for all).
	agedBy, agedGroup string
	// agedSort is the aged balance's sort column (-1: the ledger's order) and
	// agedDesc its direction.
	agedSort int
	agedDesc bool
}

// syncDashboardItems is the dossier size up to which the dashboard is computed on
// the spot (a few milliseconds); above it, in the background behind a progress bar.
const syncDashboardItems = 100_000

// dashboardScreen shows the dossier's KPIs at the as-of date with their trend, the
// aged balance as a bar chart, the DSO history, and the customers most overdue. Every
// figure opens its explanation. The aged balance has its own tab.
func (dv *dashboardView) dashboardScreen() fyne.CanvasObject {
	a := dv.a
	if len(a.book.Accounts) == 0 {
		return dv.emptyDossierPane()
	}
	if dv.book != a.book || dv.asOf != a.asOf || dv.snap == nil || dv.interim {
		switch {
		case a.book.ItemCount() <= syncDashboardItems:
			f, err := a.sess.Dashboard(a.asOf, dv.months(), 0)
			if err != nil { // a Partial session's history read from the dossier (desk.Session.Dashboard)
				return widget.NewLabel(ledger.Localize(err, a.lang))
			}
			dv.setDashboard(a.book, a.asOf, f)
		case dv.interim && dv.snap != nil && dv.asOf == a.asOf:
			// The tiles, the same at this date, stay on screen while the 24 months are
			// computed (ui/staged.go).
			dv.computeDashboardAsync()
		default:
			dv.computeDashboardAsync()
			return dv.loadingPane(a.t("ui.dash.computing"))
		}
	}
	return lazyTabs(&dv.tab,
		lazyTab{label: a.t("ui.dash.tab_kpis"), icon: theme.GridIcon(), content: dv.kpiPane()},
		lazyTab{label: a.t("ui.dash.tab_aged"), icon: theme.ListIcon(), content: dv.agedPane()},
		// a large dossier reads every account for it
		lazyTab{label: a.t("earned.tab"), icon: theme.ConfirmIcon(), build: dv.earnedPane},
		lazyTab{label: a.t("cause.tab"), icon: theme.QuestionIcon(), build: dv.causesPane}) // ui/causes.go
}

// months is the number of month ends the dashboard computes: historyMonths, or only
// the as-of date and the month end before it (the tiles and their change) while the
// dossier's history is loading (ui/staged.go).
func (dv *dashboardView) months() int {
	if dv.a.checking() {
		return desk.OpeningReach().KPIMonths
	}
	return historyMonths
}

func (dv *dashboardView) setDashboard(book *ledger.Book, asOf ledger.Date, f desk.Dashboard) {
	dv.book, dv.asOf, dv.snap, dv.history, dv.aged, dv.top = book, asOf, f.Snapshot, f.History, f.Aged, f.Top
	dv.interim = false
}

// computeDashboardAsync computes the figures of a large dossier off the Fyne
// goroutine, then shows the dashboard again.
func (dv *dashboardView) computeDashboardAsync() {
	a := dv.a
	if dv.pending {
		return
	}
	dv.pending = true
	book, asOf, sess, months := a.book, a.asOf, a.sess, dv.months()
	// A session holding part of the history gives the tiles at once and reads the 24
	// months account by account (desk.Session.Dashboard): the tiles are shown first.
	tiles := desk.OpeningReach().KPIMonths
	streamed := sess.Partial && months > tiles
	first := streamed && !(dv.interim && dv.snap != nil && dv.asOf == asOf)
	go func() {
		if first {
			if f, err := sess.Dashboard(asOf, tiles, 0); err == nil { // an error is the 24 months' too, shown below
				fyne.Do(func() {
					if a.book != book || a.asOf != asOf {
						return
					}
					dv.setDashboard(book, asOf, f)
					dv.interim = true
					if a.screen == screenDashboard {
						a.showScreen(screenDashboard)
					}
					a.trace("computed", "what", "tiles")
				})
			}
		}
		f, err := sess.Dashboard(asOf, months, 0)
		if streamed {
			// The accounts read in turn are garbage now: back to the system at once
			// rather than at the runtime's pace (docs/performance.md).
			debug.FreeOSMemory()
		}
		fyne.Do(func() {
			dv.pending = false
			if a.book != book || a.asOf != asOf {
				return
			}
			if err != nil {
				a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
				return
			}
			dv.setDashboard(book, asOf, f)
			if a.screen == screenDashboard {
				a.showScreen(screenDashboard)
			}
			a.trace("computed", "what", "dashboard")
		})
	}()
}

// emptyDossierPane invites the user to import a ledger into a new, empty dossier.
func (dv *dashboardView) emptyDossierPane() fyne.CanvasObject {
	a := dv.a
	title := widget.NewLabel(a.t("ui.emptydossier.title", "company", a.book.Settings.Company.Name))
	title.TextStyle = fyne.TextStyle{Bold: true}
	title.SizeName = theme.SizeNameSubHeadingText
	text := widget.NewLabel(a.t("ui.emptydossier.text"))
	text.Wrapping = fyne.TextWrapWord
	imp := widget.NewButtonWithIcon(a.t("ui.menu.import"), theme.DownloadIcon(), a.chooseImport)
	imp.Importance = widget.HighImportance
	set := widget.NewButtonWithIcon(a.t("ui.emptydossier.settings"), theme.SettingsIcon(), func() { a.showScreen(screenSettings) })
	return container.NewCenter(withWidth(620, container.NewVBox(title, text, container.NewHBox(imp, set))))
}

func (dv *dashboardView) loadingPane(msg string) fyne.CanvasObject {
	bar := widget.NewProgressBarInfinite()
	return container.NewCenter(container.NewVBox(widget.NewLabel(msg), bar))
}

func (dv *dashboardView) kpiPane() fyne.CanvasObject {
	a := dv.a
	var tiles []fyne.CanvasObject
	for _, key := range dashboardKPIs {
		if f := dv.snap.KPI(key); f != nil {
			tiles = append(tiles, dv.kpiTile(f))
		}
	}
	grid := container.NewGridWithColumns(a.zoomColumns(5), tiles...) // fewer, wider tiles when zoomed: figures whole
	heading := widget.NewLabel(a.t("ui.dash.title", "date", a.date(a.asOf)))
	heading.SizeName = theme.SizeNameSubHeadingText
	heading.TextStyle = fyne.TextStyle{Bold: true}
	report := widget.NewButtonWithIcon(a.t("ui.dash.report"), theme.DocumentPrintIcon(), a.afterChecked(dv.askDashboardReport))
	counts := widget.NewButton(dv.activityCounts(), func() {
		a.disputesView.status, a.disputesView.tab = "active", 0
		a.showScreen(screenDisputes)
	})
	counts.Importance = widget.LowImportance
	heading.Wrapping = fyne.TextWrapWord
	head := container.NewBorder(nil, nil, nil, container.NewHBox(counts, report), heading)

	agedCard := a.panel(a.t("ui.dash.chart_aged"), dv.agedChart())
	var dso fyne.CanvasObject
	if a.checking() || dv.interim {
		wait := widget.NewLabel(a.t("ui.history.chart"))
		wait.Wrapping = fyne.TextWrapWord
		dso = container.NewVBox(wait, widget.NewProgressBarInfinite())
	} else {
		dso = dv.dsoChart()
	}
	dsoCard := a.panel(a.t("ui.dash.chart_dso", "n", strconv.Itoa(historyMonths)), dso)
	topCard := a.panel(a.t("ui.dash.top", "n", strconv.Itoa(desk.TopOverdueCount)),
		dv.topOverdueTable(dv.top))
	// One page that scrolls: the tiles, the two charts side by side, then the most
	// overdue customers across the whole width (their names and amounts whole).
	charts := container.NewGridWithColumns(2, withMinSize(fyne.NewSize(0, 260), agedCard), withMinSize(fyne.NewSize(0, 260), dsoCard))
	page := []fyne.CanvasObject{head}
	if card := a.readinessCard(); card != nil {
		page = append(page, card)
	}
	return container.NewVScroll(container.NewVBox(append(page, grid, charts, topCard)...))
}

// activityCounts sums up the work in progress at the as-of date: disputes in progress
// and delivery blocks in force (the agenda and the signals join them as they land).
func (dv *dashboardView) activityCounts() string {
	a := dv.a
	active := 0
	for i := range a.disputes {
		if a.disputes[i].ActiveAt(a.asOf) {
			active++
		}
	}
	return a.t("ui.dash.counts", "disputes", strconv.Itoa(active),
		"blocks", strconv.Itoa(len(dispute.BlockedAt(a.blocks, a.asOf))))
}

// figureText writes a KPI value with its unit, or a dash when it is not defined.
func (a *App) figureText(f *credit.Figure) string {
	return dashpdf.FigureText(a.lang, a.currency(), f)
}

func (a *App) currency() string {
	if a.book != nil && a.book.Settings.Currency != "" {
		return a.book.Settings.Currency
	}
	return "EUR"
}

// decimalText uses the decimal comma in French.
func (a *App) decimalText(s string) string {
	if a.lang == "fr" {
		return strings.Replace(s, ".", ",", 1)
	}
	return s
}

// panel is a titled area of the dashboard whose content fills the rest of it.
func (a *App) panel(title string, content fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabel(title)
	l.TextStyle = fyne.TextStyle{Bold: true}
	l.Wrapping = fyne.TextWrapWord
	return widget.NewCard("", "", container.NewBorder(l, nil, nil, nil, content))
}

// kpiTile is one KPI: its name, value and the change since the previous month end;
// tapping it explains the figure.
func (dv *dashboardView) kpiTile(f *credit.Figure) fyne.CanvasObject {
	a := dv.a
	trend := ""
	if d := dashpdf.DeltaText(a.lang, a.currency(), f, dv.previousMonth(f.Key)); d != "" {
		trend = a.t("ui.dash.trend", "delta", d)
	}
	btn := widget.NewButton("", func() { dv.explainFigure(f) })
	btn.Importance = widget.LowImportance
	name := widget.NewLabel(a.t(f.Key))
	name.Wrapping = fyne.TextWrapWord // two lines rather than a title cut short
	value := widget.NewLabel(a.figureText(f))
	value.SizeName = theme.SizeNameSubHeadingText
	value.TextStyle = fyne.TextStyle{Bold: true}
	value.Truncation = fyne.TextTruncateEllipsis
	hint := widget.NewLabel(trend)
	hint.SizeName = theme.SizeNameCaptionText
	hint.Wrapping = fyne.TextWrapWord // the change is a figure too: never cut
	box := container.NewVBox(name, value, hint)
	return widget.NewCard("", "", container.NewStack(btn, box))
}

// previousMonth returns the figure at the month end before the as-of date, if any.
func (dv *dashboardView) previousMonth(key string) *credit.Figure {
	a := dv.a
	h := dv.history
	for i := len(h) - 1; i >= 0; i-- {
		if h[i].AsOf < a.asOf.StartOfMonth() {
			return h[i].KPI(key)
		}
	}
	return nil
}

// explainFigure shows how a figure was computed and from what.
func (dv *dashboardView) explainFigure(f *credit.Figure) {
	a := dv.a
	method := widget.NewLabel(a.t(f.Method, f.MethodArgs...))
	method.Wrapping = fyne.TextWrapWord
	form := widget.NewForm()
	for _, in := range f.Inputs {
		s := a.figureText(&credit.Figure{Unit: in.Unit, Value: in.Value, Defined: true})
		if in.From.Valid() {
			s += "  (" + a.t("ui.dash.period", "from", a.date(in.From), "to", a.date(in.To)) + ")"
		} else if in.To.Valid() {
			s += "  (" + a.t("ui.dash.at", "date", a.date(in.To)) + ")"
		}
		form.Append(a.t("kpi.input."+in.Name), widget.NewLabel(s))
	}
	value := widget.NewLabel(a.figureText(f))
	value.TextStyle = fyne.TextStyle{Bold: true}
	content := container.NewVBox(value, method, widget.NewSeparator(), form)
	dlg := dialog.NewCustom(a.t(f.Key), a.t("ui.dialog.close"), withWidth(620, content), a.win)
	dlg.Show()
}

// agedColors go from green (not due) to dark red (the oldest range).
var agedColors = []color.Color{
	color.NRGBA{0x3a, 0x9d, 0x5d, 0xff}, color.NRGBA{0xf2, 0xb3, 0x3d, 0xff}, color.NRGBA{0xe8, 0x7d, 0x2e, 0xff},
	color.NRGBA{0xd6, 0x4b, 0x3a, 0xff}, color.NRGBA{0x9e, 0x1f, 0x2a, 0xff}, color.NRGBA{0x6b, 0x10, 0x1c, 0xff},
}

// agedChart is the aged balance as bars: not due, then each range of days late.
func (dv *dashboardView) agedChart() fyne.CanvasObject {
	a := dv.a
	ag := dv.aged
	labels := []string{a.t("ui.aged.notdue")}
	values := []float64{float64(ag.Total.NotDue)}
	for i, r := range ag.Ranges {
		if r.To == 0 {
			labels = append(labels, a.t("ui.aged.over_short", "days", strconv.Itoa(r.From-1)))
		} else {
			labels = append(labels, a.t("ui.aged.range_short", "from", strconv.Itoa(r.From), "to", strconv.Itoa(r.To)))
		}
		values = append(values, float64(ag.Total.Late[i]))
	}
	c := newBarChart(labels, values, agedColors, a.axisMoney)
	c.tapped = func(int) { dv.tab = 1; a.showScreen(screenDashboard) }
	return c
}

// dsoChart is the DSO history by both methods.
func (dv *dashboardView) dsoChart() fyne.CanvasObject {
	a := dv.a
	var labels []string
	acc := series{name: a.t("ui.dash.legend_accounting"), color: theme.Color(theme.ColorNamePrimary)}
	cb := series{name: a.t("ui.dash.legend_countback"), color: color.NRGBA{0xe8, 0x7d, 0x2e, 0xff}}
	hist := dv.history
	for len(hist) > 1 && hist[0].Position.Receivables == 0 && hist[0].MonthSales == 0 {
		hist = hist[1:] // months before the dossier's first entries
	}
	for _, s := range hist {
		labels = append(labels, a.monthLabel(s.AsOf))
		acc.values = append(acc.values, figureFloat(s.KPI(credit.KeyDSOAccounting)))
		cb.values = append(cb.values, figureFloat(s.KPI(credit.KeyDSOCountBack)))
	}
	return newLineChart(labels, []series{acc, cb}, func(v float64) string {
		return strconv.Itoa(int(math.Round(v))) + " " + a.t("ui.unit.days")
	})
}

func figureFloat(f *credit.Figure) float64 {
	if f == nil || !f.Defined {
		return math.NaN()
	}
	v, _ := f.Value.Float64()
	return v
}

// axisMoney labels a chart axis in thousands of the currency.
func (a *App) axisMoney(cents float64) string {
	k := cents / 100 / 1000
	if math.Abs(k) >= 1000 {
		return a.decimalText(strconv.FormatFloat(k/1000, 'f', 1, 64)) + " M"
	}
	return strconv.FormatFloat(k, 'f', 0, 64) + " k"
}

func (a *App) monthLabel(d ledger.Date) string {
	return a.t("ui.month."+strconv.Itoa(int(d.Month()))) + " " + strconv.Itoa(d.Year()%100)
}

func (a *App) rangeLabel(r credit.Range) string {
	if r.To == 0 {
		return a.t("ui.aged.over", "days", strconv.Itoa(r.From-1))
	}
	return a.t("ui.aged.range", "from", strconv.Itoa(r.From), "to", strconv.Itoa(r.To))
}

// plural returns the key of the form of base for a count of n in the interface's
// language (i18n.N).
func (a *App) plural(base string, n int) string { return i18n.N(a.lang, base, n) }

// count writes a whole number with the user's thousands separator: "50 000" or "50,000".
func (a *App) count(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	sep := "\u202f"
	if a.lang == "en" {
		sep = ","
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// percent writes a decimal percentage ("12.5") the user's way: "12,5 %" or "12.5%".
func (a *App) percent(v string) string {
	if a.lang == "fr" {
		return strings.Replace(v, ".", ",", 1) + "\u00a0%"
	}
	return v + "%"
}

// topOverdueTable lists customers by overdue amount (name, overdue, days late), each
// column as wide as its widest value; a click selects, a double click or Enter opens
// the customer's card, a right click offers the customer's actions.
func (dv *dashboardView) topOverdueTable(rows []ledger.CustomerSummary) fyne.CanvasObject {
	a := dv.a
	if len(rows) == 0 {
		return widget.NewLabel(a.t("ui.dash.none_overdue"))
	}
	text := func(row, col int) string {
		r := &rows[row]
		switch col {
		case 0:
			return r.Name
		case 1:
			return a.money(r.Overdue)
		}
		return strconv.Itoa(r.DaysLate)
	}
	cols := []column{{key: "ui.col.name", width: 150}, {key: "ui.col.overdue", width: 100, right: true},
		{key: "ui.col.dayslate", width: 60, right: true}}
	for c := range cols {
		cols[c].width = max(cols[c].width, textWidth(a.t(cols[c].key), true)+16)
	}
	for row := range rows {
		for c := range cols {
			cols[c].width = max(cols[c].width, min(textWidth(text(row, c), false)+8, 420))
		}
	}
	t := a.rowsTable(cols, func() int { return len(rows) },
		func(row, col int) (string, widget.Importance) {
			if col == 1 {
				return text(row, col), widget.DangerImportance
			}
			return text(row, col), normal
		},
		rowActions{
			selected: func(row int) { a.trace("select", "list", "top_overdue", "id", rows[row].ID) },
			open: func(row int) {
				a.trace("open", "list", "top_overdue", "id", rows[row].ID)
				a.showCustomer(rows[row].ID)
			},
			menu: func(row int) []*fyne.MenuItem { return a.customerActions(rows[row].ID) },
		})
	// Every row shown: the page scrolls, not the table.
	rowH := fyne.MeasureText("0", theme.TextSize(), fyne.TextStyle{}).Height + 2*theme.InnerPadding() + theme.Padding()
	return withMinSize(fyne.NewSize(0, rowH*float32(len(rows)+1)+theme.Padding()*2), t)
}
