package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// relanceTheme is Fyne's default theme in its light variant: an office tool read for
// hours, printed from, and shown on projectors in training rooms.
type relanceTheme struct{ fyne.Theme }

func newTheme() fyne.Theme { return relanceTheme{theme.DefaultTheme()} }

// Color returns the light variant's colours whatever the system asks.
func (t relanceTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, theme.VariantLight)
}
