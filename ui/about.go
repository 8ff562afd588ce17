package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/about"
)

// showAbout is Help › About: the version and dossier schema (about.Line, the same line as
// `relance version`), the open dossier's path, Relance's licence, and the third-party
// notices in a scrollable list of lines (a wrapped label of the whole 100 kB text took
// seconds to lay out). The dialog takes the window's size up to 900×700.
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
	lines := wrapColumns(about.Notices(), noticeColumns)
	notices := widget.NewList(func() int { return len(lines) },
		func() fyne.CanvasObject {
			l := canvas.NewText("", theme.Color(theme.ColorNameForeground))
			l.TextStyle = fyne.TextStyle{Monospace: true}
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			l := o.(*canvas.Text)
			l.Text = lines[i]
			l.Color = theme.Color(theme.ColorNameForeground)
			l.Refresh()
		})
	notices.HideSeparators = true
	noticesTitle := widget.NewLabel(a.t("about.notices"))
	noticesTitle.TextStyle = fyne.TextStyle{Bold: true}
	head := container.NewVBox(title,
		wrap(a.t("about.version", "line", about.Line())),
		pathLabel,
		wrap(a.t("about.licence", "licence", about.Licence)),
		widget.NewSeparator(), noticesTitle)
	content := container.NewBorder(head, nil, nil, nil, notices)
	d := dialog.NewCustom(a.t("about.title"), a.t("ui.dialog.close"), content, a.win)
	s := a.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(s.Width-40, 900), min(s.Height-40, 700)))
	d.Show()
}

// noticeColumns is the notices' line width in monospace characters: about 760 px, which
// fits the dialog in a 1024-pixel window.
const noticeColumns = 90

// wrapColumns splits text into lines of at most cols runes, breaking at the last space
// before the limit (or inside a word longer than the line).
func wrapColumns(text string, cols int) []string {
	var out []string
	for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		r := []rune(strings.ReplaceAll(strings.TrimRight(line, " \t\r"), "\t", "    "))
		for len(r) > cols {
			cut := cols
			for i := cols; i > cols/2; i-- {
				if r[i] == ' ' {
					cut = i
					break
				}
			}
			out = append(out, string(r[:cut]))
			r = []rune(strings.TrimLeft(string(r[cut:]), " "))
		}
		out = append(out, string(r))
	}
	return out
}
