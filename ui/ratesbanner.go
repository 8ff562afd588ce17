package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/ledger/law"
)

// ratesBannerState remembers the missing-rates banner the person put aside (« Plus
// tard »): for this dossier and half-year only, until the window is closed.
type ratesBannerState struct {
	path   string
	hidden law.Half
}

// refreshRatesBanner shows, above the screens, the missing-rates banner when the
// as-of date falls in a half-year whose rates the tables (shipped and the dossier's)
// lack, and removes it once they are entered. showScreen calls it: after a dossier is
// opened or reloaded and after the as-of date changes.
func (a *App) refreshRatesBanner() {
	s := a.shell
	if s == nil || s.banner == nil {
		return
	}
	s.banner.Objects = nil
	if b := a.ratesBanner(); b != nil {
		s.banner.Objects = []fyne.CanvasObject{b}
	}
	s.banner.Refresh()
}

// ratesBanner is the banner naming the rates missing for the as-of date's half-year,
// with « Saisir les taux » opening the Taux form for that half-year; nil when nothing
// is missing.
func (a *App) ratesBanner() fyne.CanvasObject {
	if a.sess == nil || a.book == nil {
		return nil
	}
	h, missing := a.sess.MissingRates(a.asOf)
	if len(missing) == 0 || (a.ratesBannerSeen.path == a.path && a.ratesBannerSeen.hidden == h) {
		return nil
	}
	names := make([]string, len(missing))
	for i, k := range missing {
		names[i] = law.RateKindText(a.lang, k)
	}
	msg := widget.NewLabel(a.t("rates.banner.missing", "period", law.HalfText(a.lang, h), "rates", strings.Join(names, ", "),
		"date", a.date(h.Start())))
	msg.Wrapping = fyne.TextWrapWord
	msg.TextStyle = fyne.TextStyle{Bold: true}
	enter := widget.NewButtonWithIcon(a.t("rates.banner.enter"), theme.DocumentCreateIcon(), a.afterChecked(func() { a.legal.askHalfYearRates(h) }))
	enter.Importance = widget.HighImportance
	later := widget.NewButton(a.t("rates.banner.later"), func() {
		a.ratesBannerSeen = ratesBannerState{path: a.path, hidden: h}
		a.refreshRatesBanner()
	})
	warn := theme.Color(theme.ColorNameWarning)
	r, g, b, _ := warn.RGBA()
	bg := canvas.NewRectangle(color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x40})
	bg.CornerRadius = theme.InputRadiusSize()
	row := container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), container.NewHBox(enter, later), msg)
	return container.NewPadded(container.NewStack(bg, container.NewPadded(row)))
}
