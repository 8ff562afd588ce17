package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
	"relance/ledger/cause"
)

// causeLabels are the causes' names in the user's language, « (aucune) » first: the
// choices of a cause select.
func (a *App) causeLabels() []string {
	out := []string{a.t("cause.none")}
	for _, c := range cause.All() {
		out = append(out, c.Label(a.lang))
	}
	return out
}

// causeAt is the cause of select index i of causeLabels ("" for « (aucune) »).
func causeAt(i int) cause.Cause {
	if i <= 0 || i > len(cause.All()) {
		return ""
	}
	return cause.All()[i-1]
}

// causesPane is the dashboard's « Causes des retards » tab: the invoices late at the
// as-of date by cause, internal and external (desk.Session.LateCauses, as `relance
// causes` prints it); a cause's button lists its invoices, each opening its customer.
func (dv *dashboardView) causesPane() fyne.CanvasObject {
	a := dv.a
	b, err := a.sess.LateCauses(a.asOf)
	if err != nil {
		return widget.NewLabel(ledger.Localize(err, a.lang))
	}
	a.trace("computed", "what", "causes", "late", b.Late.Count, "unstated", b.Unstated.Count)
	title := widget.NewLabel(a.t("cause.title", "date", a.date(a.asOf)))
	title.TextStyle = fyne.TextStyle{Bold: true}
	help := widget.NewLabel(a.t("cause.ui.help"))
	help.Wrapping = fyne.TextWrapWord
	// The rows as texts first, so that each column is as wide as its widest cell and
	// each row as high as its tallest (a cause is a button, the figures labels).
	type row struct {
		cells []string
		cause cause.Cause
		link  bool // the first cell is a button listing the invoices
		bold  bool
	}
	figures := func(side string, t cause.Total) []string {
		return []string{side, strconv.Itoa(t.Count), a.money(t.Amount), strconv.Itoa(b.Share(t)) + " %"}
	}
	rows := []row{{cells: []string{a.t("cause.col.cause"), a.t("cause.col.side"), a.t("cause.ui.count"),
		a.t("cause.col.amount"), a.t("cause.ui.share")}, bold: true}}
	for _, ln := range b.Lines {
		if ln.Count > 0 {
			rows = append(rows, row{cells: append([]string{ln.Cause.Label(a.lang)}, figures(cause.SideLabel(a.lang, ln.Internal), ln.Total)...),
				cause: ln.Cause, link: true})
		}
	}
	rows = append(rows, row{cells: append([]string{a.t("cause.unstated")}, figures("", b.Unstated)...), link: true})
	for _, t := range []struct {
		key string
		t   cause.Total
	}{{"cause.internal", b.Internal}, {"cause.external", b.External}, {"cause.all", b.Late}} {
		rows = append(rows, row{cells: append([]string{a.t(t.key)}, figures("", t.t)...), bold: true})
	}
	widths := make([]float32, 5)
	for _, r := range rows {
		for i, c := range r.cells {
			w := textWidth(c, r.bold)
			if i == 0 && r.link {
				w += 2 * theme.InnerPadding()
			}
			widths[i] = max(widths[i], w)
		}
	}
	table := container.NewVBox()
	for _, r := range rows {
		line := container.NewHBox()
		for i, text := range r.cells {
			var o fyne.CanvasObject
			if i == 0 && r.link {
				c := r.cause
				btn := widget.NewButton(text, func() { dv.showCauseInvoices(b, c) })
				btn.Alignment = widget.ButtonAlignLeading
				btn.Importance = widget.LowImportance
				o = btn
			} else {
				l := widget.NewLabel(text)
				l.TextStyle = fyne.TextStyle{Bold: r.bold}
				if i > 1 {
					l.Alignment = fyne.TextAlignTrailing
				}
				o = l
			}
			line.Add(withWidth(widths[i], o))
		}
		table.Add(line)
	}
	return container.NewBorder(container.NewVBox(title, help), nil, nil, nil, container.NewVScroll(table))
}

// showCauseInvoices lists the late invoices of cause c ("" for those without one), each
// a button to its customer's card, where the cause is set.
func (dv *dashboardView) showCauseInvoices(b *cause.Breakdown, c cause.Cause) {
	a := dv.a
	name := a.t("cause.unstated")
	if c != "" {
		name = c.Label(a.lang)
	}
	a.trace("select", "list", "causes", "cause", string(c))
	box := container.NewVBox()
	var d dialog.Dialog
	for _, x := range b.Invoices {
		if x.Cause != c {
			continue
		}
		id := x.Customer
		text := a.t("cause.ui.invoice", "customer", x.Name, "invoice", x.Number, "due", a.date(x.Due),
			"days", strconv.Itoa(x.DaysLate), "amount", a.money(x.Open))
		btn := widget.NewButtonWithIcon(text, theme.AccountIcon(), func() {
			d.Hide()
			a.showCustomer(id)
		})
		btn.Alignment = widget.ButtonAlignLeading
		box.Add(btn)
	}
	d = dialog.NewCustom(name, a.t("ui.tour.close"), container.NewVScroll(box), a.win)
	d.Resize(fyne.NewSize(820, 520))
	d.Show()
}

// askCauses opens the late invoices of customer id with the cause of each, to record
// or change (desk.Session.RecordCause, source: the card).
func (a *App) askCauses(id string) {
	acc := a.book.Account(id)
	if acc == nil {
		return
	}
	recorded, err := a.sess.CausesOf(id)
	if err != nil {
		a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
		return
	}
	labels := a.causeLabels()
	type line struct {
		item string
		was  cause.Cause
		sel  *widget.Select
	}
	var lines []line
	form := container.New(layout.NewFormLayout())
	for i := range acc.Items {
		it := &acc.Items[i]
		if !it.OverdueAt(a.asOf) {
			continue
		}
		sel := widget.NewSelect(labels, nil)
		sel.SetSelectedIndex(0)
		was := recorded[it.ID].Cause
		for j, c := range cause.All() {
			if c == was {
				sel.SetSelectedIndex(j + 1)
			}
		}
		lines = append(lines, line{it.ID, was, sel})
		form.Add(widget.NewLabel(a.t("cause.ui.item", "invoice", it.Number, "due", a.date(it.DueDate),
			"amount", a.money(it.Open), "days", strconv.Itoa(it.DaysLate(a.asOf)))))
		form.Add(sel)
	}
	if len(lines) == 0 {
		dialog.ShowInformation(a.t("cause.ui.title", "customer", acc.Customer.Name),
			a.t("cause.err.none_late", "customer", acc.Customer.Name, "date", a.date(a.asOf)), a.win)
		return
	}
	all := widget.NewSelect(labels, func(s string) {
		for _, l := range lines {
			l.sel.SetSelected(s)
		}
	})
	all.PlaceHolder = a.t("cause.ui.all")
	help := widget.NewLabel(a.t("cause.ui.card_help"))
	help.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(help, container.NewBorder(nil, nil, widget.NewLabel(a.t("cause.ui.all_label")), nil, all))
	content := container.NewBorder(top, nil, nil, nil, container.NewVScroll(form))
	a.trace("dialog", "purpose", "causes", "state", "shown", "customer", id, "late", len(lines))
	d := dialog.NewCustomConfirm(a.t("cause.ui.title", "customer", acc.Customer.Name), a.t("ui.agenda.save"), a.t("ui.dialog.cancel"), content,
		func(ok bool) {
			if !ok {
				return
			}
			// One transaction per cause chosen would split the action: group the
			// invoices by cause and write them all, then reload once.
			by := map[cause.Cause][]string{}
			n := 0
			for _, l := range lines {
				c := causeAt(l.sel.SelectedIndex())
				if c == l.was {
					continue
				}
				by[c] = append(by[c], l.item)
				n++
			}
			if n == 0 {
				return
			}
			if err := a.sess.RecordCauses(id, by, a.user(), a.asOf); err != nil {
				a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
				return
			}
			a.trace("recorded", "what", "causes", "customer", id, "count", n)
			a.reloadThen(a.t("cause.cli.set_n", "count", strconv.Itoa(n)))
		}, a.win)
	d.Resize(fyne.NewSize(900, 560))
	d.Show()
}
