package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	lettercheck "relance/letters/check"
)

// trainerTheme adds the category colours of the correction view ("relance-cat-legal"…)
// to the app's theme, for the text segments of the annotated letter.
type trainerTheme struct{ fyne.Theme }

const (
	colorCatPrefix = "relance-cat-"
	colorInserted  = "relance-diff-ins"
	colorDeleted   = "relance-diff-del"
	colorMarked    = "relance-marked"
)

func catColorName(c lettercheck.Category) fyne.ThemeColorName {
	return fyne.ThemeColorName(colorCatPrefix + string(c))
}

// Color returns the category colours (a little lighter on a dark background), the
// diff colours, and the app theme's colours for everything else.
func (t trainerTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	s := string(n)
	dark := v == theme.VariantDark
	lift := func(r, g, b uint8) color.Color {
		if dark {
			return color.NRGBA{R: r/2 + 110, G: g/2 + 110, B: b/2 + 110, A: 255}
		}
		return color.NRGBA{R: r, G: g, B: b, A: 255}
	}
	switch {
	case len(s) > len(colorCatPrefix) && s[:len(colorCatPrefix)] == colorCatPrefix:
		return lift(lettercheck.CategoryColor(lettercheck.Category(s[len(colorCatPrefix):])))
	case s == colorInserted:
		return lift(0x2e, 0x7d, 0x32)
	case s == colorDeleted:
		return lift(0xc6, 0x28, 0x28)
	case s == colorMarked:
		return lift(0xe6, 0x51, 0x00)
	}
	return t.Theme.Color(n, v)
}
