package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
)

// comingScreen is a screen whose work a later version brings: a title, what it will
// hold, and the real figures already available.
func (a *App) comingScreen(titleKey, aboutKey string, figures ...fyne.CanvasObject) fyne.CanvasObject {
	title := widget.NewLabel(a.t(titleKey))
	title.SizeName = theme.SizeNameSubHeadingText
	title.TextStyle = fyne.TextStyle{Bold: true}
	about := widget.NewLabel(a.t(aboutKey))
	about.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(title, about)
	if len(figures) > 0 {
		box.Add(widget.NewSeparator())
		box.Add(container.NewGridWithColumns(4, figures...))
	}
	return container.NewVScroll(box)
}

// remindersScreen: the day's reminders (later); today the customers overdue at the as-of date.
func (a *App) remindersScreen() fyne.CanvasObject {
	t := ledger.Totals(a.sums)
	return a.comingScreen("ui.nav.reminders", "ui.reminders.about",
		a.tile("ui.reminders.late", a.count(t.Late), a.t("ui.reminders.late_hint", "date", a.date(a.asOf))),
		a.tile("ui.dash.overdue", a.money(t.Overdue), ""))
}

// lettersScreen: letters and their archive (later).
func (a *App) lettersScreen() fyne.CanvasObject {
	return a.comingScreen("ui.nav.letters", "ui.letters.about")
}

// noDossierScreen is shown while no dossier is open: why, and how to open one.
func (a *App) noDossierScreen() fyne.CanvasObject {
	if a.busy {
		bar := widget.NewProgressBarInfinite()
		msg := widget.NewLabel(a.busyMsg)
		msg.Alignment = fyne.TextAlignCenter
		return container.NewCenter(container.NewVBox(msg, withWidth(320, bar)))
	}
	return a.welcomeScreen()
}
