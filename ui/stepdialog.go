package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// stepDialog is a large dialog whose content changes step by step (a file read, its
// review, the result): a body, and a footer whose buttons sit on the right. The
// customer-file import and the bank statement review use it.
type stepDialog struct {
	dlg          dialog.Dialog
	root         *fyne.Container
	body, footer *fyne.Container
}

// newStepDialog makes the dialog titled title, not shown yet.
func (a *App) newStepDialog(title string) *stepDialog {
	d := &stepDialog{body: container.NewStack(), footer: container.NewStack()}
	d.root = container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), d.footer), nil, nil, d.body)
	d.dlg = dialog.NewCustomWithoutButtons(title, d.root, a.win)
	return d
}

// show puts content in the dialog, buttons on the right of the footer.
func (d *stepDialog) show(content fyne.CanvasObject, buttons ...fyne.CanvasObject) {
	d.body.Objects = []fyne.CanvasObject{content}
	d.body.Refresh()
	d.footer.Objects = []fyne.CanvasObject{container.NewBorder(nil, nil, nil, container.NewHBox(buttons...))}
	d.root.Refresh()
}

// fitSize is w×h, or the window's size less margin on a smaller window.
func (a *App) fitSize(w, h, margin float32) fyne.Size {
	s := a.win.Canvas().Size()
	if s.Width > 0 {
		w = min(w, s.Width-margin)
	}
	if s.Height > 0 {
		h = min(h, s.Height-margin)
	}
	return fyne.NewSize(w, h)
}
