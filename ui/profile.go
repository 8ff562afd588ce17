package ui

import (
	"fmt"
	"io"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
	"relance/ledger/credit"
	"relance/letters"
	"relance/letters/statement"
)

// profileSection is the customer's payer profile at the as-of date: each figure with
// its value; tapping it explains how it was computed.
func (a *App) profileSection(acc *ledger.Account) fyne.CanvasObject {
	p := credit.Profile(acc, a.asOf, a.currency(), credit.ProfileOptions{})
	list := container.NewVBox()
	for _, f := range p.Figures() {
		f := f
		value := a.figureText(&f)
		if f.Key == credit.KeyUsualMethod {
			value = a.t("kpi.paymethod."+string(p.Method)) + " (" + a.figureText(&f) + ")"
			if p.Method == credit.MethodUnknown {
				value = a.t("kpi.paymethod.unknown")
			}
		}
		k := widget.NewLabel(a.t(f.Key))
		k.Truncation = fyne.TextTruncateEllipsis
		v := widget.NewButton(value, func() { a.dash.explainFigure(&f) })
		v.Importance = widget.LowImportance
		list.Add(container.NewBorder(nil, nil, nil, v, k))
	}
	return list
}

// askStatement asks where to save the customer's account statement, then writes it.
func (a *App) askStatement(id string) {
	a.askSave(fmt.Sprintf("%s-%s-%s.pdf", a.t("ui.statement.file"), id, a.asOf), "ui.statement.done",
		func(path string) error { return a.writeStatement(id, path) })
}

// writeStatement writes the statement of customer id at the as-of date to path.
func (a *App) writeStatement(id, path string) error {
	return letters.WriteFile(path, func(w io.Writer) error {
		return a.sess.Statement(w, id, a.asOf, statement.Options{Factory: a.pdf()})
	})
}

// askStatements asks for a folder, then writes the statement of every customer with
// overdue items at the as-of date, plus one merged PDF for printing.
func (a *App) askStatements() {
	if a.book == nil {
		return
	}
	a.showFileDialog(fileRequest{kind: folderOpen, purpose: "statements", chosen: func(dir string) {
		files, err := a.writeStatements(dir)
		if err != nil {
			a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
			return
		}
		a.trace("written", "path", dir, "files", len(files))
		a.setStatus(a.t(a.plural("ui.statement.batch_done", max(0, len(files)-1)), "n", fmt.Sprint(max(0, len(files)-1)), "dir", dir))
	}})
}

// writeStatements writes the batch of statements into dir and returns the files
// written, the merged one last.
func (a *App) writeStatements(dir string) ([]string, error) {
	merged := filepath.Join(dir, fmt.Sprintf("%s-%s.pdf", a.t("ui.statement.merged_file"), a.asOf))
	return a.sess.Statements(dir, a.asOf, statement.Options{Factory: a.pdf(), Merged: merged})
}
