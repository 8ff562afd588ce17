package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Theme modes, kept in the preferences: follow the system (the default), or force the
// light variant (printed-looking, for projectors in training rooms) or the dark one.
const (
	themeSystem = "system"
	themeLight  = "light"
	themeDark   = "dark"
	prefTheme   = "pref.theme"
)

// relanceTheme is Fyne's default theme, with the variant the user chose (the system's
// by default), every size scaled by the zoom (scale, 1 when zero: ui/zoom.go) and, in
// presentation mode, the high-contrast palette (contrast: ui/zoom.go).
type relanceTheme struct {
	fyne.Theme
	mode     string
	scale    float32
	contrast bool
}

// Color returns the colour of the chosen variant (the system's in "system" mode).
func (t relanceTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.contrast {
		return contrastColor(t.Theme, n)
	}
	switch t.mode {
	case themeLight:
		v = theme.VariantLight
	case themeDark:
		v = theme.VariantDark
	}
	return t.Theme.Color(n, v)
}

// Size is the default theme's size scaled by the zoom, with thicker separators in
// presentation mode.
func (t relanceTheme) Size(n fyne.ThemeSizeName) float32 {
	return scaledSize(t.Theme, n, t.scale, t.contrast)
}

// themeMode is the theme preference, "system" when unset or unknown.
func (a *App) themeMode() string {
	switch m := a.fyne.Preferences().String(prefTheme); m {
	case themeLight, themeDark:
		return m
	}
	return themeSystem
}

// setThemeMode applies and remembers a theme mode.
func (a *App) setThemeMode(mode string) {
	a.fyne.Preferences().SetString(prefTheme, mode)
	a.applyTheme()
}
