package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
)

// readinessShown is how many customers the card names on a line (without an address,
// without a civility).
const readinessShown = 5

// readinessCard says what the dossier still lacks for its letters (desk.Readiness at
// the as-of date), each line with the button that completes it; nil when nothing is
// missing.
func (a *App) readinessCard() fyne.CanvasObject {
	if a.sess == nil {
		return nil
	}
	r := a.sess.ReadinessOf(a.asOf, a.sums)
	r.MissingRates = nil // the banner above every screen says it (ratesbanner.go)
	if r.Ready() || r.Customers == 0 {
		return nil
	}
	var rows []fyne.CanvasObject
	line := func(text string, buttons ...fyne.CanvasObject) {
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		rows = append(rows, container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), container.NewHBox(buttons...), l))
	}
	settings := func() fyne.CanvasObject {
		return widget.NewButtonWithIcon(a.t("ui.ready.to_settings"), theme.SettingsIcon(), func() { a.showScreen(screenSettings) })
	}
	if len(r.CompanyMissing) > 0 {
		var names []string
		for _, f := range r.CompanyMissing {
			names = append(names, a.t("ui.ready.company."+f))
		}
		line(a.t("ui.ready.company", "fields", strings.Join(names, ", ")), settings())
	}
	if len(r.SignatoryMissing) > 0 {
		var names []string
		for _, f := range r.SignatoryMissing {
			names = append(names, a.t("ui.ready.signatory."+f))
		}
		line(a.t("ui.ready.signatory", "fields", strings.Join(names, ", ")), settings())
	}
	// names lists the first customers of list, "and n more" for the rest.
	names := func(list []ledger.CustomerSummary) string {
		var out []string
		n, shown := len(list), len(list)
		if n > readinessShown+1 {
			shown = readinessShown // "and 1 more" would take the place of the name
		}
		for _, c := range list[:shown] {
			out = append(out, c.Name)
		}
		if n > shown {
			out = append(out, a.t("ui.ready.and_more", "n", a.count(n-shown)))
		}
		return strings.Join(out, ", ")
	}
	editFirst := func(list []ledger.CustomerSummary) fyne.CanvasObject {
		first := list[0].ID
		return widget.NewButtonWithIcon(a.t("ui.ready.edit_first", "name", list[0].Name), theme.DocumentCreateIcon(), func() {
			a.showCustomer(first)
			a.whenChecked(func() { a.askEditCustomer(first) })
		})
	}
	if n := len(r.NoAddress); n > 0 {
		file := widget.NewButtonWithIcon(a.t("ui.ready.customer_file"), theme.DownloadIcon(), a.afterChecked(a.chooseCustomerFile))
		line(a.t(r.AddressesKey(a.lang), "n", a.count(n), "overdue", a.count(r.Overdue), "names", names(r.NoAddress)),
			container.NewVBox(editFirst(r.NoAddress), file))
	}
	if n := len(r.NoCivility); n > 0 {
		line(a.t(a.plural("ui.ready.civility", n), "n", a.count(n), "names", names(r.NoCivility)), editFirst(r.NoCivility))
	}
	title := widget.NewLabel(a.t("ui.ready.title"))
	title.TextStyle = fyne.TextStyle{Bold: true}
	return widget.NewCard("", "", container.NewVBox(append([]fyne.CanvasObject{title}, rows...)...))
}
