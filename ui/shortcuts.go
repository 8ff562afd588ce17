package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// shortcut is a keyboard shortcut of the main window: Ctrl (⌘ on macOS) + key.
type shortcut struct {
	key    fyne.KeyName
	action func()
}

// shortcuts are the window's keyboard shortcuts: open, new, import, search, the PDF
// report, a letter to the selected customer (L), the day's letters (E), the next and
// previous customer of the Clients list (Down, Up), and Ctrl+1…8 for the screens of the
// navigation bar.
func (a *App) shortcuts() []shortcut {
	wait := a.afterChecked // what writes or needs the history waits for it (ui/staged.go)
	out := []shortcut{
		{fyne.KeyO, wait(a.chooseDossier)},
		{fyne.KeyN, wait(a.askNewDossier)},
		{fyne.KeyI, wait(a.chooseImport)},
		{fyne.KeyF, a.focusSearch},
		{fyne.KeyP, wait(func() {
			if a.book != nil && a.dash.snap != nil {
				a.dash.askDashboardReport()
			}
		})},
		{fyne.KeyL, wait(a.letterForSelected)},
		{fyne.KeyE, wait(a.issueTodaysLetters)},
		{fyne.KeyDown, func() { a.stepCustomer(1) }},
		{fyne.KeyUp, func() { a.stepCustomer(-1) }},
	}
	keys := []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8}
	for i, k := range keys {
		id := screenID(i)
		out = append(out, shortcut{k, func() { a.showScreen(id) }})
	}
	return out
}

// installShortcuts registers the shortcuts on the window's canvas.
func (a *App) installShortcuts() {
	for _, s := range a.shortcuts() {
		action := s.action
		a.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: s.key, Modifier: fyne.KeyModifierShortcutDefault},
			func(fyne.Shortcut) { action() })
	}
	a.installZoomShortcuts() // zoom and presentation mode (ui/zoom.go)
}

// menuShortcut returns the shortcut shown beside a menu item for key.
func menuShortcut(key fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
}

// focusSearch puts the keyboard focus in the customer search field.
func (a *App) focusSearch() {
	if a.shell != nil && a.shell.search != nil && !a.presenting { // no search field in presentation mode
		a.win.Canvas().Focus(a.shell.search)
	}
}

// letterForSelected opens the Courriers screen on the customer selected in the Clients
// list (or the one the screen last showed).
func (a *App) letterForSelected() {
	if a.book == nil {
		return
	}
	a.lettersView.writeLetter(a.clients.selected)
}

// issueTodaysLetters goes to the day's reminders and asks to issue their letters.
func (a *App) issueTodaysLetters() {
	if a.book == nil || a.db == nil || a.db.ReadOnly() {
		return
	}
	a.showScreen(screenReminders)
	if err := a.agenda.loadAgenda(); err == nil {
		a.agenda.askIssueLetters()
	}
}

// stepCustomer selects the next (delta 1) or previous (-1) customer of the Clients
// list as filtered and sorted, and shows its panel.
func (a *App) stepCustomer(delta int) {
	v := a.clients.view
	if a.book == nil || v == nil || len(v.rows) == 0 {
		return
	}
	i := -1
	for k := range v.rows {
		if v.rows[k].ID == a.clients.selected {
			i = k
			break
		}
	}
	j := min(max(i+delta, 0), len(v.rows)-1)
	if i < 0 {
		j = 0
	}
	if a.screen != screenClients {
		a.showScreen(screenClients)
		v = a.clients.view
	}
	v.selectCustomer(v.rows[j].ID)
	v.table.ScrollTo(widget.TableCellID{Row: j})
}
