package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/ledger/demo"
	"relance/ledger/store"
)

// welcomeScreen is the first-run page, shown while no dossier is open: discover Relance
// on the demo, create a dossier and import a FEC, or open an existing one; recent
// dossiers; and, for trainers, the guided tour and the demo reset.
func (a *App) welcomeScreen() fyne.CanvasObject {
	title := widget.NewLabel(a.t("ui.welcome.title"))
	title.SizeName = theme.SizeNameHeadingText
	title.TextStyle = fyne.TextStyle{Bold: true}
	title.Alignment = fyne.TextAlignCenter
	intro := widget.NewLabel(a.t("ui.welcome.intro"))
	intro.Wrapping = fyne.TextWrapWord
	intro.Alignment = fyne.TextAlignCenter

	card := func(titleKey, textKey, buttonKey string, icon fyne.Resource, action func(), important bool) fyne.CanvasObject {
		text := widget.NewLabel(a.t(textKey))
		text.Wrapping = fyne.TextWrapWord
		b := widget.NewButtonWithIcon(a.t(buttonKey), icon, action)
		if important {
			b.Importance = widget.HighImportance
		}
		return widget.NewCard(a.t(titleKey), "", container.NewBorder(nil, b, nil, nil, text))
	}
	cards := container.NewGridWithColumns(3,
		card("ui.welcome.demo_title", "ui.welcome.demo_text", "ui.welcome.demo_button", theme.HomeIcon(), a.openDemo, true),
		card("ui.welcome.new_title", "ui.welcome.new_text", "ui.welcome.new_button", theme.ContentAddIcon(), a.askNewDossier, false),
		card("ui.welcome.open_title", "ui.welcome.open_text", "ui.welcome.open_button", theme.FolderOpenIcon(), a.chooseDossier, false),
	)
	box := container.NewVBox(title, intro, cards)
	if a.loadErr != "" {
		msg := widget.NewLabel(a.loadErr)
		msg.Wrapping = fyne.TextWrapWord
		msg.Importance = widget.DangerImportance
		box.Add(msg)
	}
	if recent := a.recent(); len(recent) > 0 {
		box.Add(widget.NewSeparator())
		head := widget.NewLabel(a.t("ui.menu.recent"))
		head.TextStyle = fyne.TextStyle{Bold: true}
		box.Add(head)
		for i, p := range recent {
			if i == 5 {
				break
			}
			p := p
			link := widget.NewButtonWithIcon(p, theme.FileIcon(), func() { a.openDossier(p) })
			link.Importance = widget.LowImportance
			link.Alignment = widget.ButtonAlignLeading
			box.Add(link)
		}
	}
	box.Add(widget.NewSeparator())
	trainer := widget.NewLabel(a.t("ui.welcome.trainer"))
	trainer.Wrapping = fyne.TextWrapWord
	box.Add(trainer)
	box.Add(container.NewHBox(
		widget.NewButtonWithIcon(a.t("ui.tour.start"), theme.HelpIcon(), a.startTour),
		widget.NewButtonWithIcon(a.t("ui.demo.reset"), theme.ViewRefreshIcon(), a.askResetDemo),
	))
	// As wide as the window allows, up to 900: it never widens a laptop's window.
	return container.NewVScroll(atMostWidth(900, box))
}

// tourStep is one stop of the guided tour: a screen and what to show there.
type tourStep struct {
	screen  screenID
	textKey string
}

// tourSteps are the stops of the trainers' guided tour, in the order of the course.
func tourSteps() []tourStep {
	return []tourStep{
		{screenDashboard, "ui.tour.dashboard"},
		{screenClients, "ui.tour.clients"},
		{screenDisputes, "ui.tour.disputes"},
		{screenReminders, "ui.tour.reminders"},
		{screenLetters, "ui.tour.letters"},
		{screenCorrection, "ui.tour.correction"},
		{screenLegal, "ui.tour.legal"},
		{screenSettings, "ui.tour.settings"},
	}
}

// startTour opens the demo dossier if needed and walks through the screens, one
// explanation per screen, with Previous / Next / Close.
func (a *App) startTour() {
	demoPath, err := store.DemoPath()
	if err != nil {
		a.showError(a.t("ui.dialog.error"), err.Error())
		return
	}
	if a.db == nil || a.path != demoPath {
		a.onLoaded(a.showTourStep(0))
		a.openDemo()
		return
	}
	a.showTourStep(0)()
}

// showTourStep returns the action that shows step i of the tour.
func (a *App) showTourStep(i int) func() {
	return func() {
		steps := tourSteps()
		if i < 0 || i >= len(steps) || a.book == nil {
			return
		}
		s := steps[i]
		a.showScreen(s.screen)
		text := widget.NewLabel(a.t(s.textKey))
		text.Wrapping = fyne.TextWrapWord
		counter := widget.NewLabel(a.t("ui.tour.step", "n", fmt.Sprint(i+1), "total", fmt.Sprint(len(steps))))
		var d dialog.Dialog
		prev := widget.NewButtonWithIcon(a.t("ui.tour.prev"), theme.NavigateBackIcon(), func() { d.Hide(); a.showTourStep(i - 1)() })
		next := widget.NewButtonWithIcon(a.t("ui.tour.next"), theme.NavigateNextIcon(), func() { d.Hide(); a.showTourStep(i + 1)() })
		next.Importance = widget.HighImportance
		closeB := widget.NewButton(a.t("ui.tour.close"), func() { d.Hide() })
		if i == 0 {
			prev.Disable()
		}
		if i == len(steps)-1 {
			next.Disable()
		}
		body := container.NewBorder(nil, container.NewHBox(counter, layout.NewSpacer(), closeB, prev, next), nil, nil, text)
		d = dialog.NewCustomWithoutButtons(a.t(navEntries()[s.screen].key), withWidth(520, body), a.win)
		d.Resize(fyne.NewSize(560, 260))
		d.Show()
	}
}

// askResetDemo asks for confirmation, then puts the demo dossier back to its initial state.
func (a *App) askResetDemo() {
	dialog.ShowConfirm(a.t("ui.demo.reset"), a.t("ui.demo.reset_confirm"), func(ok bool) {
		if ok {
			a.resetDemo()
		}
	}, a.win)
}

// resetDemo closes the demo dossier if it is open, keeps the trainer's version beside it
// (demo-….db.before-reset, replaced at each reset) and creates the demo again.
func (a *App) resetDemo() {
	path, err := store.DemoPath()
	if err != nil {
		a.showError(a.t("ui.dialog.error"), err.Error())
		return
	}
	if a.path == path {
		a.closeDossier()
		a.rebuild()
	}
	today := a.today
	a.onLoaded(func() { a.setStatus(a.t("ui.demo.reset_done")) })
	a.openWith(path, func() error { return demo.Reset(path, today) })
}

// showWelcome closes the open dossier, if any, and shows the welcome page.
func (a *App) showWelcome() {
	a.closeDossier()
	a.rebuild()
}
