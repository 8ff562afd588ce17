package ui

import (
	"fmt"
	"io"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"relance/ledger"
	"relance/letters"
	"relance/letters/dashpdf"
)

// askSave asks where to save a document proposed as name, writes it with write, and
// says so in the status bar with the message doneKey ({file}); errors go to a dialog.
func (a *App) askSave(name, doneKey string, write func(path string) error) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		if err := write(path); err != nil {
			a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
			return
		}
		a.setStatus(a.t(doneKey, "file", filepath.Base(path)))
	}, a.win)
	d.SetFileName(name)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// askDashboardReport asks where to save the credit dashboard report, then writes it.
func (a *App) askDashboardReport() {
	a.askSave(fmt.Sprintf("%s-%s.pdf", a.t("ui.dash.report_file"), a.asOf), "ui.dash.report_done", a.writeDashboardReport)
}

// writeDashboardReport writes the dashboard report at the as-of date to path.
func (a *App) writeDashboardReport(path string) error {
	d := &a.dash
	if d.snap == nil {
		return fmt.Errorf("%s: %w", path, errText(a.t("ui.dash.computing")))
	}
	r := dashpdf.Report{Snapshot: d.snap, History: d.history, Aged: d.aged, Top: ledger.TopOverdue(a.sums, topOverdueCount)}
	return letters.WriteFile(path, func(w io.Writer) error {
		return dashpdf.Render(w, a.book.Settings, r, dashpdf.Options{Lang: a.lang, Factory: a.pdf()})
	})
}
