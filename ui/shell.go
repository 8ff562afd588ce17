package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
)

// screenID identifies one of the screens of the navigation bar.
type screenID int

// The screens, in navigation order.
const (
	screenDashboard screenID = iota
	screenClients
	screenDisputes
	screenReminders
	screenLetters
	screenCorrection // the letter-correction trainer view (ui/trainer.go)
	screenLegal
	screenSettings
	screenCount
)

// navEntry is one line of the navigation bar.
type navEntry struct {
	key  string // i18n key of its label
	icon fyne.Resource
}

func navEntries() [screenCount]navEntry {
	return [screenCount]navEntry{
		{"ui.nav.dashboard", theme.HomeIcon()},
		{"ui.nav.customers", theme.AccountIcon()},
		{"ui.nav.disputes", theme.WarningIcon()},
		{"ui.nav.reminders", theme.CalendarIcon()},
		{"ui.nav.letters", theme.MailComposeIcon()},
		{"ui.nav.correction", theme.DocumentCreateIcon()},
		{"ui.nav.legal", theme.DocumentIcon()},
		{"ui.nav.settings", theme.SettingsIcon()},
	}
}

// shell holds the widgets of the window's frame: navigation, top bar, status bar, and
// the container where the current screen goes.
type shell struct {
	root     fyne.CanvasObject
	nav      *widget.List
	content  *fyne.Container
	company  *widget.Label
	asOf     *widget.Entry
	search   *widget.Entry
	status   *widget.Label
	progress *widget.ProgressBarInfinite
	banner   *fyne.Container // the missing-rates banner above the screen (ui/ratesbanner.go)
	// navigating is set while the navigation list is selected by code, so that its
	// OnSelected does not rebuild the screen a second time.
	navigating bool
}

// rebuild recreates the window's content and menus in the current language, then shows
// the current screen. It runs after a language switch and after a dossier is opened.
func (a *App) rebuild() {
	a.shell = a.newShell()
	a.win.SetContent(a.shell.root)
	a.win.SetMainMenu(a.mainMenu())
	title := "Relance"
	if a.book != nil {
		title = a.companyTitle() + " — Relance"
	}
	a.win.SetTitle(title)
	if a.busy {
		a.setBusy(a.busyMsg)
	} else if a.checking() {
		a.showProgress(a.t("ui.history.status"))
	}
	a.showScreen(a.screen)
}

func (a *App) newShell() *shell {
	s := &shell{content: container.NewStack(), banner: container.NewVBox()}
	entries := navEntries()
	s.nav = widget.NewList(
		func() int { return len(entries) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel(""))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Icon).SetResource(entries[id].icon)
			box.Objects[1].(*widget.Label).SetText(a.t(entries[id].key))
		},
	)
	s.nav.OnSelected = func(id widget.ListItemID) {
		if !s.navigating {
			a.showScreen(screenID(id))
		}
	}

	s.company = widget.NewLabel("")
	s.company.TextStyle = fyne.TextStyle{Bold: true}
	s.company.SizeName = theme.SizeNameSubHeadingText
	s.company.Truncation = fyne.TextTruncateEllipsis
	if a.book != nil {
		s.company.SetText(a.companyTitle())
	}

	s.asOf = widget.NewEntry()
	s.asOf.SetText(a.date(a.asOf))
	s.asOf.OnChanged = func(text string) {
		if d, err := parseDate(text); err == nil {
			a.setAsOf(d)
		}
	}
	s.asOf.Validator = func(text string) error {
		_, err := parseDate(text)
		return err
	}
	calendar := widget.NewButtonWithIcon("", theme.CalendarIcon(), func() { a.pickAsOf() })
	today := widget.NewButton(a.t("ui.top.today"), func() { s.asOf.SetText(a.date(a.today)) })
	asOfBox := container.NewHBox(
		widget.NewLabel(a.t("ui.top.asof")),
		withWidth(130, s.asOf),
		calendar, today,
	)

	s.search = widget.NewEntry()
	s.search.SetPlaceHolder(a.t("ui.top.search"))
	s.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	s.search.SetText(a.clients.filter.Text)
	s.search.OnChanged = a.searchCustomers
	var searchBox fyne.CanvasObject = withWidth(240, s.search)
	if a.presenting { // the room needs the width; the way out instead (ui/zoom.go)
		searchBox = a.presentationExit()
	}

	top := container.NewBorder(nil, nil, nil, container.NewHBox(asOfBox, searchBox), s.company)

	s.status = widget.NewLabel("")
	s.status.Truncation = fyne.TextTruncateEllipsis
	s.status.SizeName = theme.SizeNameCaptionText
	if a.path != "" {
		s.status.SetText(a.t("ui.status.dossier", "file", a.path))
	}
	s.progress = widget.NewProgressBarInfinite()
	s.progress.Hide()
	s.progress.Stop()
	bottom := container.NewBorder(nil, nil, nil, withWidth(160, s.progress), s.status)

	var navBox fyne.CanvasObject = container.NewBorder(nil, nil, nil, widget.NewSeparator(), withWidth(180, s.nav))
	if a.presenting { // no side navigation in presentation mode: Ctrl+1…8 still go (ui/zoom.go)
		navBox = nil
	}
	// The screen scrolls inside the window rather than widening or heightening it:
	// whatever a screen asks for, the window keeps the size the user gave it.
	body := container.NewBorder(
		container.NewVBox(container.NewPadded(top), widget.NewSeparator(), s.banner),
		container.NewVBox(widget.NewSeparator(), bottom),
		navBox, nil,
		container.NewScroll(container.NewPadded(s.content)),
	)
	s.root = body
	return s
}

// showScreen puts screen id in the content area.
func (a *App) showScreen(id screenID) {
	if id < 0 || id >= screenCount {
		id = screenDashboard
	}
	a.saveSplits()
	a.screen = id
	s := a.shell
	s.navigating = true
	s.nav.Select(widget.ListItemID(id))
	s.navigating = false
	s.content.Objects = []fyne.CanvasObject{a.buildScreen(id)}
	s.content.Refresh()
	a.refreshRatesBanner()
	a.trace("screen", "screen", id.name(), "dossier", a.book != nil)
}

// name names the screen in the trace (RELANCE_TRACE).
func (id screenID) name() string {
	names := [screenCount]string{"dashboard", "clients", "disputes", "reminders", "letters", "correction", "legal", "settings"}
	if id < 0 || id >= screenCount {
		return "unknown"
	}
	return names[id]
}

// buildScreen creates the content of screen id for the current book and as-of date.
func (a *App) buildScreen(id screenID) fyne.CanvasObject {
	if a.book == nil {
		return a.noDossierScreen()
	}
	if a.checking() && !screenWhileChecking(id) {
		return a.checkPane()
	}
	switch id {
	case screenClients:
		return a.newClientsScreen()
	case screenDisputes:
		return a.disputesView.disputesScreen()
	case screenReminders:
		return a.agenda.remindersScreen()
	case screenLetters:
		return a.lettersView.lettersScreen()
	case screenLegal:
		return a.legal.legalScreen()
	case screenSettings:
		return a.newSettingsScreen()
	case screenCorrection:
		return a.trainer.correctionScreen()
	}
	return a.dash.dashboardScreen()
}

// searchCustomers filters the customer list by text and brings it forward.
func (a *App) searchCustomers(text string) {
	a.clients.filter.Text = text
	if a.book == nil {
		return
	}
	if a.screen != screenClients {
		a.showScreen(screenClients)
		return
	}
	if a.clients.view != nil {
		a.clients.view.apply()
	}
}

// pickAsOf shows a calendar under the as-of field.
func (a *App) pickAsOf() {
	var pop *widget.PopUp
	cal := widget.NewCalendar(a.asOf.Time(), func(t time.Time) {
		pop.Hide()
		a.shell.asOf.SetText(a.date(ledger.DateOf(t)))
	})
	pop = widget.NewPopUp(cal, a.win.Canvas())
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(a.shell.asOf)
	pop.ShowAtPosition(pos.Add(fyne.NewPos(0, a.shell.asOf.Size().Height)))
	// The calendar reports the size of a five-week month; leave room for a sixth week.
	week := a.shell.asOf.MinSize().Height
	pop.Resize(cal.MinSize().Add(fyne.NewSize(0, week)))
}

// setBusy shows an activity indicator and msg in the status bar.
func (a *App) setBusy(msg string) {
	a.busy = true
	a.busyMsg = msg
	a.showProgress(msg)
}

// showProgress shows msg in the status bar with the activity indicator, without making
// the window busy.
func (a *App) showProgress(msg string) {
	if a.shell == nil {
		return
	}
	a.shell.status.SetText(msg)
	a.shell.progress.Show()
	a.shell.progress.Start()
}

// setStatus stops the activity indicator and shows msg (or the dossier's file); while a
// dossier's history loads, the indicator stays and so does its message when msg is empty.
func (a *App) setStatus(msg string) {
	if a.shell == nil {
		return
	}
	if a.checking() { // the history still loads: its indicator stays (ui/staged.go)
		if msg == "" {
			msg = a.t("ui.history.status")
		}
		a.shell.status.SetText(msg)
		return
	}
	a.shell.progress.Stop()
	a.shell.progress.Hide()
	if msg == "" && a.path != "" {
		msg = a.t("ui.status.dossier", "file", a.path)
	}
	a.shell.status.SetText(msg)
}
