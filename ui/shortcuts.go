package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// shortcut is a keyboard shortcut of the main window: Ctrl (⌘ on macOS) + key.
type shortcut struct {
	key    fyne.KeyName
	action func()
}

// shortcuts are the window's keyboard shortcuts: open, new, import, search, the PDF
// report, and Ctrl+1…8 for the screens of the navigation bar.
func (a *App) shortcuts() []shortcut {
	out := []shortcut{
		{fyne.KeyO, a.chooseDossier},
		{fyne.KeyN, a.askNewDossier},
		{fyne.KeyI, a.chooseImport},
		{fyne.KeyF, a.focusSearch},
		{fyne.KeyP, func() {
			if a.book != nil && a.dash.snap != nil {
				a.askDashboardReport()
			}
		}},
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
}

// menuShortcut returns the shortcut shown beside a menu item for key.
func menuShortcut(key fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
}

// focusSearch puts the keyboard focus in the customer search field.
func (a *App) focusSearch() {
	if a.shell != nil && a.shell.search != nil {
		a.win.Canvas().Focus(a.shell.search)
	}
}
