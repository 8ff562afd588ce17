package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"relance/about"
)

// showAbout is Help › About: the version and dossier schema (about.Line, the same line as
// `relance version`), the open dossier's path, Relance's licence, and the third-party
// notices in a scrollable view. The dialog takes the window's size up to 900×700.
func (a *App) showAbout() {
	wrap := func(s string) *widget.Label {
		l := widget.NewLabel(s)
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	title := widget.NewLabel("Relance")
	title.TextStyle = fyne.TextStyle{Bold: true}
	path := a.t("about.nodossier")
	if a.path != "" {
		path = a.path
	}
	pathLabel := wrap(a.t("about.dossier", "path", path))
	pathLabel.Wrapping = fyne.TextWrapBreak
	notices := wrap(about.Notices())
	notices.TextStyle = fyne.TextStyle{Monospace: true}
	noticesTitle := widget.NewLabel(a.t("about.notices"))
	noticesTitle.TextStyle = fyne.TextStyle{Bold: true}
	head := container.NewVBox(title,
		wrap(a.t("about.version", "line", about.Line())),
		pathLabel,
		wrap(a.t("about.licence", "licence", about.Licence)),
		widget.NewSeparator(), noticesTitle)
	content := container.NewBorder(head, nil, nil, nil, container.NewVScroll(notices))
	d := dialog.NewCustom(a.t("about.title"), a.t("ui.dialog.close"), content, a.win)
	s := a.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(s.Width-40, 900), min(s.Height-40, 700)))
	d.Show()
}
