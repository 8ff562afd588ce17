package ui

import (
	"image/color"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Zoom and presentation mode (issue 25, « Projection »): Ctrl+plus, Ctrl+minus and Ctrl+0
// change the size of everything in the window (text, padding, icons) by steps, through
// the theme (relanceTheme.Size); the presentation mode, for a projector at the back of a
// room, has a zoom of its own, the high-contrast palette (contrastColor) and no side
// navigation nor search field (ui/shell.go), with a button and Escape or F5 to leave it.
// Both zooms are kept in the preferences; the presentation mode itself is not (the app
// always starts in the normal view).

// Preference keys of the zoom, in percent: the normal view's and the presentation's.
const (
	prefZoom             = "pref.zoom"
	prefZoomPresentation = "pref.zoom.presentation"
	// zoomNormal is the normal view's default; zoomPresentation the presentation's.
	zoomNormal       = 100
	zoomPresentation = 150
)

// zoomSteps are the zooms offered, in percent, smallest first.
func zoomSteps() []int { return []int{80, 90, 100, 110, 125, 150, 175, 200} }

// zoomPrefKey is the preference holding the zoom of the current mode.
func (a *App) zoomPrefKey() string {
	if a.presenting {
		return prefZoomPresentation
	}
	return prefZoom
}

// zoomDefault is the current mode's default zoom.
func (a *App) zoomDefault() int {
	if a.presenting {
		return zoomPresentation
	}
	return zoomNormal
}

// zoom is the current mode's zoom in percent (its default when unset or not a step).
func (a *App) zoom() int {
	z := a.fyne.Preferences().IntWithFallback(a.zoomPrefKey(), a.zoomDefault())
	if !slices.Contains(zoomSteps(), z) {
		return a.zoomDefault()
	}
	return z
}

// setZoom applies and remembers the current mode's zoom (a step of zoomSteps).
func (a *App) setZoom(z int) {
	if !slices.Contains(zoomSteps(), z) {
		return
	}
	a.fyne.Preferences().SetInt(a.zoomPrefKey(), z)
	a.applyTheme()
	a.trace("zoom", "percent", z, "presentation", a.presenting)
}

// zoomBy moves the zoom delta steps up (positive) or down, within the steps offered.
func (a *App) zoomBy(delta int) {
	steps := zoomSteps()
	i := slices.Index(steps, a.zoom())
	j := min(max(i+delta, 0), len(steps)-1)
	if j == i {
		return
	}
	a.setZoom(steps[j])
}

// zoomReset goes back to the current mode's default zoom (Ctrl+0, « Taille normale »).
func (a *App) zoomReset() { a.setZoom(a.zoomDefault()) }

// appTheme is the window's theme: the chosen variant, the current zoom, and the
// high-contrast palette in presentation mode.
func (a *App) appTheme() fyne.Theme {
	return relanceTheme{Theme: theme.DefaultTheme(), mode: a.themeMode(), scale: float32(a.zoom()) / 100, contrast: a.presenting}
}

// applyTheme sets the window's theme and rebuilds it: the screens that hold a theme of
// their own (the Correction screen's colours, ui/trainer_theme.go) take the new sizes.
func (a *App) applyTheme() {
	a.fyne.Settings().SetTheme(a.appTheme())
	a.rebuild()
}

// setPresenting enters (on) or leaves the presentation mode, on the current screen.
func (a *App) setPresenting(on bool) {
	if a.presenting == on {
		return
	}
	a.presenting = on
	a.win.SetFullScreen(on) // the whole projector's screen, as a slide show does
	a.applyTheme()
	a.trace("presentation", "on", on, "percent", a.zoom(), "screen", a.screen.name())
}

// togglePresentation enters or leaves the presentation mode (F5, Ctrl+Shift+P).
func (a *App) togglePresentation() { a.setPresenting(!a.presenting) }

// presentationExit is the button of the top bar that leaves the presentation mode.
func (a *App) presentationExit() fyne.CanvasObject {
	b := widget.NewButtonWithIcon(a.t("projection.exit"), theme.ViewRestoreIcon(), func() { a.setPresenting(false) })
	b.Importance = widget.HighImportance
	return b
}

// zoomMenuItems are the Affichage menu's zoom and presentation items.
func (a *App) zoomMenuItems() []*fyne.MenuItem {
	in := fyne.NewMenuItem(a.t("projection.menu.zoom_in"), func() { a.zoomBy(1) })
	in.Shortcut = menuShortcut(fyne.KeyPlus)
	in.Disabled = a.zoom() == slices.Max(zoomSteps())
	out := fyne.NewMenuItem(a.t("projection.menu.zoom_out"), func() { a.zoomBy(-1) })
	out.Shortcut = menuShortcut(fyne.KeyMinus)
	out.Disabled = a.zoom() == slices.Min(zoomSteps())
	reset := fyne.NewMenuItem(a.t("projection.menu.zoom_reset"), a.zoomReset)
	reset.Shortcut = menuShortcut(fyne.Key0)
	level := fyne.NewMenuItem(a.t("projection.menu.zoom_level", "percent", a.percent(strconv.Itoa(a.zoom()))), nil)
	level.Disabled = true
	present := fyne.NewMenuItem(a.t("projection.menu.presentation"), a.togglePresentation)
	present.Checked = a.presenting
	present.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyP, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	return []*fyne.MenuItem{fyne.NewMenuItemSeparator(), in, out, reset, level, fyne.NewMenuItemSeparator(), present}
}

// installZoomShortcuts registers the zoom and presentation keys on the window's canvas:
// Ctrl with + (the keypad's, or = with or without Shift, where + is on most layouts),
// − and 0; Ctrl+Shift+P, F5 and Escape (these two when no field has the focus) for the
// presentation mode. The menu's shortcuts (zoomMenuItems) work even in a field.
func (a *App) installZoomShortcuts() {
	c := a.win.Canvas()
	ctrl := fyne.KeyModifierShortcutDefault
	add := func(key fyne.KeyName, mod fyne.KeyModifier, fn func()) {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: mod}, func(fyne.Shortcut) { fn() })
	}
	for _, k := range []fyne.KeyName{fyne.KeyPlus, fyne.KeyEqual} {
		add(k, ctrl, func() { a.zoomBy(1) })
		add(k, ctrl|fyne.KeyModifierShift, func() { a.zoomBy(1) })
	}
	add(fyne.KeyMinus, ctrl, func() { a.zoomBy(-1) })
	add(fyne.Key0, ctrl, a.zoomReset)
	add(fyne.KeyP, ctrl|fyne.KeyModifierShift, a.togglePresentation)
	c.SetOnTypedKey(func(e *fyne.KeyEvent) {
		switch e.Name {
		case fyne.KeyF5:
			a.togglePresentation()
		case fyne.KeyEscape:
			a.setPresenting(false)
		}
	})
}

// scaledSize is base's size n multiplied by scale (1 when zero); in presentation mode
// (contrast) separators and field borders are at least 2 units thick before scaling.
func scaledSize(base fyne.Theme, n fyne.ThemeSizeName, scale float32, contrast bool) float32 {
	s := base.Size(n)
	if contrast && (n == theme.SizeNameSeparatorThickness || n == theme.SizeNameInputBorder) {
		s = max(s, 2)
	}
	if scale <= 0 {
		return s
	}
	return s * scale
}

// contrastColor is the presentation mode's palette: black on white, a deep blue accent,
// black separators and borders, greys dark enough to read from the back of a room; base's
// light variant for the rest.
func contrastColor(base fyne.Theme, n fyne.ThemeColorName) color.Color {
	rgb := func(r, g, b uint8) color.Color { return color.NRGBA{R: r, G: g, B: b, A: 0xff} }
	switch n {
	case theme.ColorNameBackground, theme.ColorNameInputBackground, theme.ColorNameMenuBackground,
		theme.ColorNameOverlayBackground, theme.ColorNameForegroundOnPrimary, theme.ColorNameForegroundOnError,
		theme.ColorNameForegroundOnSuccess:
		return color.White
	case theme.ColorNameForeground, theme.ColorNameSeparator, theme.ColorNameInputBorder, theme.ColorNameForegroundOnWarning:
		return color.Black
	case theme.ColorNamePrimary, theme.ColorNameHyperlink, theme.ColorNameFocus:
		return rgb(0x00, 0x33, 0xcc)
	case theme.ColorNameSelection:
		return rgb(0xb3, 0xc6, 0xff)
	case theme.ColorNameHover:
		return rgb(0xd6, 0xde, 0xff)
	case theme.ColorNameButton, theme.ColorNameHeaderBackground:
		return rgb(0xe0, 0xe0, 0xe0)
	case theme.ColorNameDisabled, theme.ColorNamePlaceHolder, theme.ColorNameScrollBar:
		return rgb(0x40, 0x40, 0x40)
	case theme.ColorNameError:
		return rgb(0xb0, 0x00, 0x00)
	case theme.ColorNameSuccess:
		return rgb(0x00, 0x64, 0x00)
	case theme.ColorNameWarning:
		return rgb(0xff, 0xb3, 0x00)
	}
	return base.Color(n, theme.VariantLight)
}

// zoomedWidth is a fixed width of the layout (withWidth) grown with the zoom, so that a
// date field or the navigation bar still shows its text whole; a width the zoom would
// take past 640 units (a dialog's) grows no further than that, or not at all when it is
// already wider, so that it stays inside the window.
func zoomedWidth(w float32) float32 {
	f := theme.Size(theme.SizeNameText) / theme.DefaultTheme().Size(theme.SizeNameText)
	if f <= 1 {
		return w
	}
	return min(w*f, max(w, 640))
}

// zoomColumns is how many columns a grid of n columns at the normal size keeps at the
// current zoom: fewer, so that its tiles' figures are not cut (at least 2, at most n).
func (a *App) zoomColumns(n int) int {
	return min(n, max(2, n*100/a.zoom()))
}
