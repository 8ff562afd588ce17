package ui

import (
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"relance/ledger"
	"relance/letters/dashpdf"
)

// askDashboardReport asks where to save the credit dashboard report, then writes it.
func (a *App) askDashboardReport() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		if err := a.writeDashboardReport(path); err != nil {
			a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
			return
		}
		a.setStatus(a.t("ui.dash.report_done", "file", filepath.Base(path)))
	}, a.win)
	d.SetFileName(fmt.Sprintf("%s-%s.pdf", a.t("ui.dash.report_file"), a.asOf))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// writeDashboardReport writes the dashboard report at the as-of date to path, through
// a temporary file so that a failure leaves nothing half-written.
func (a *App) writeDashboardReport(path string) error {
	d := &a.dash
	if d.snap == nil {
		return fmt.Errorf("%s: %w", path, errText(a.t("ui.dash.computing")))
	}
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	r := dashpdf.Report{Snapshot: d.snap, History: d.history, Aged: d.aged, Top: ledger.TopOverdue(a.sums, topOverdueCount)}
	err = dashpdf.Render(f, a.book.Settings, r, dashpdf.Options{Lang: a.lang, Factory: a.pdf()})
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, path)
}
