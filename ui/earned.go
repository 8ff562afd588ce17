package ui

import (
	"runtime/debug"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/earned"
)

// prefEarnedRate keeps the firm's financing rate typed in the « Résultats des relances »
// tab between sessions.
const prefEarnedRate = "earned.rate"

// earnedPane is the dashboard's « Résultats des relances » tab: what collection brought
// in over the 90 days up to the as-of date (desk.Session.Earned, as `relance earned`
// prints it), computed off the Fyne goroutine — a large dossier reads every account for
// it —, with the firm's financing rate to value the DSO gained.
func (dv *dashboardView) earnedPane() fyne.CanvasObject {
	a := dv.a
	from, to := a.asOf.AddDays(-desk.EarnedDays), a.asOf
	title := widget.NewLabel(a.t("earned.title", "from", a.date(from), "to", a.date(to)))
	title.TextStyle = fyne.TextStyle{Bold: true}
	help := widget.NewLabel(a.t("earned.help"))
	help.Wrapping = fyne.TextWrapWord
	rate := widget.NewEntry()
	rate.SetPlaceHolder("4,5")
	if a.fyne != nil {
		rate.SetText(a.fyne.Preferences().String(prefEarnedRate))
	}
	body := container.NewStack()
	sess := a.sess
	compute := func() {
		r, err := earned.ParseRate(rate.Text)
		if err != nil {
			a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
			return
		}
		if a.fyne != nil {
			a.fyne.Preferences().SetString(prefEarnedRate, strings.TrimSpace(rate.Text))
		}
		show := func(rep *earned.Report, err error) {
			if err != nil {
				body.Objects = []fyne.CanvasObject{widget.NewLabel(ledger.Localize(err, a.lang))}
			} else {
				body.Objects = []fyne.CanvasObject{dv.earnedResult(rep)}
				a.trace("computed", "what", "earned", "collected", rep.Collected.String())
			}
			body.Refresh()
		}
		if !sess.Partial && sess.Book.ItemCount() <= syncDashboardItems { // a fraction of a second, as the dashboard's
			show(sess.Earned(from, to, r))
			return
		}
		body.Objects = []fyne.CanvasObject{container.NewCenter(widget.NewProgressBarInfinite())}
		body.Refresh()
		dv.earnedPending = true
		go func() {
			rep, err := sess.Earned(from, to, r)
			if sess.Partial {
				debug.FreeOSMemory() // the accounts read in turn are garbage now (docs/performance.md)
			}
			fyne.Do(func() {
				defer func() { dv.earnedPending = false }() // once shown: a test waits for it (every_control_test.go)
				if a.sess == sess {
					show(rep, err)
				}
			})
		}()
	}
	rate.OnSubmitted = func(string) { compute() }
	go1 := widget.NewButtonWithIcon(a.t("earned.compute"), theme.ViewRefreshIcon(), compute)
	form := container.NewHBox(widget.NewLabel(a.t("earned.rate")), withWidth(90, rate), go1)
	compute()
	return container.NewBorder(container.NewVBox(title, help, form), nil, nil, nil, container.NewVScroll(body))
}

// earnedResult is the table of the levers and the lines under it. Each column is as
// wide as its widest cell (a column of labels each), so that none is cut.
func (dv *dashboardView) earnedResult(r *earned.Report) fyne.CanvasObject {
	a := dv.a
	keys := []string{"earned.col.lever", "earned.col.actions", "earned.col.payments", "earned.col.collected", "earned.col.share", "earned.col.delay"}
	cols := make([]*fyne.Container, len(keys))
	for i, k := range keys {
		l := widget.NewLabel(a.t(k))
		l.TextStyle = fyne.TextStyle{Bold: true}
		if i > 0 {
			l.Alignment = fyne.TextAlignTrailing
		}
		cols[i] = container.NewVBox(l)
	}
	for _, row := range r.Rows {
		actions, delay := strconv.Itoa(row.Actions), earned.Num(a.lang, row.Delay)
		if row.Payments == 0 {
			delay = "—"
		}
		if row.Lever == earned.None {
			actions, delay = "", ""
		}
		for i, text := range []string{row.Lever.Label(a.lang), actions, strconv.Itoa(row.Payments), a.money(row.Collected),
			earned.Num(a.lang, row.Share) + " %", delay} {
			l := widget.NewLabel(text)
			if i > 0 {
				l.Alignment = fyne.TextAlignTrailing
			}
			cols[i].Add(l)
		}
	}
	table := container.NewHBox()
	for _, c := range cols {
		table.Add(c)
	}
	box := container.NewVBox(table)
	for _, line := range r.Lines(a.lang, a.date, a.money) {
		l := widget.NewLabel(line)
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
	return box
}
