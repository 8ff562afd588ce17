package ui

import (
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/earned"
	"relance/letters"
	"relance/letters/dashpdf"
)

// askSave asks where to save a document proposed as name, writes it with write, says
// so in the status bar with the message doneKey ({file}) and offers to open it in the
// system's viewer; errors go to a dialog.
func (a *App) askSave(name, doneKey string, write func(path string) error) {
	a.showFileDialog(fileRequest{kind: fileSave, purpose: "save", name: name, chosen: func(path string) {
		if err := write(path); err != nil {
			removeIfEmpty(path) // the save dialog created it; leave no empty document behind
			a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
			return
		}
		a.trace("written", "path", path)
		done := a.t(doneKey, "file", filepath.Base(path))
		a.setStatus(done)
		if w := a.pdfWarning(); w != "" {
			done += "\n\n" + w
		}
		a.offerOpen(path, done)
	}})
}

// pdfWarning is the warning of the PDF factory about characters its fonts cannot
// draw (replaced by « � » in the document), when it names characters not reported
// yet in this session; "" otherwise.
func (a *App) pdfWarning() string {
	if a.pdfFactory == nil {
		return ""
	}
	w := a.pdfFactory.Warning(a.lang)
	if w == "" || w == a.pdfWarned {
		return ""
	}
	a.pdfWarned = w
	return w
}

// removeIfEmpty removes path when it is an empty file.
func removeIfEmpty(path string) {
	if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() && fi.Size() == 0 {
		_ = os.Remove(path) // best effort: an empty file is harmless
	}
}

// askDashboardReport asks where to save the credit dashboard report, then writes it.
func (dv *dashboardView) askDashboardReport() {
	a := dv.a
	a.askSave(fmt.Sprintf("%s-%s.pdf", a.t("ui.dash.report_file"), a.asOf), "ui.dash.report_done", dv.writeDashboardReport)
}

// writeDashboardReport writes the dashboard report at the as-of date to path.
func (dv *dashboardView) writeDashboardReport(path string) error {
	a := dv.a
	if dv.snap == nil {
		return fmt.Errorf("%s: %w", path, errText(a.t("ui.dash.computing")))
	}
	var rate *decimal.Decimal // the rate typed in « Résultats des relances », if any
	if a.fyne != nil {
		if r, err := earned.ParseRate(a.fyne.Preferences().String(prefEarnedRate)); err == nil {
			rate = r
		}
	}
	r, err := a.sess.ManagementReport(desk.Dashboard{Snapshot: dv.snap, History: dv.history, Aged: dv.aged, Top: dv.top}, rate)
	if err != nil {
		return err
	}
	return letters.WriteFile(path, func(w io.Writer) error {
		return dashpdf.Render(w, a.book.Settings, r, dashpdf.Options{Lang: a.lang, Factory: a.pdf()})
	})
}

// offerOpen tells that path was written (msg) and offers to open it in the system's
// viewer (the PDF reader for a PDF) or to show its folder.
func (a *App) offerOpen(path, msg string) {
	var d dialog.Dialog
	label := widget.NewLabel(msg)
	label.Wrapping = fyne.TextWrapWord
	open := widget.NewButtonWithIcon(a.t("ui.file.open"), theme.FileIcon(), func() {
		d.Hide()
		a.openInViewer(path)
	})
	open.Importance = widget.HighImportance
	folder := widget.NewButtonWithIcon(a.t("ui.file.folder"), theme.FolderOpenIcon(), func() {
		d.Hide()
		a.openInViewer(filepath.Dir(path))
	})
	closeB := widget.NewButton(a.t("ui.tour.close"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(a.t("ui.file.saved"), container.NewVBox(label,
		container.NewHBox(layout.NewSpacer(), closeB, folder, open)), a.win)
	d.Show()
}

// openInViewer opens a file or folder with the system's default program.
func (a *App) openInViewer(path string) {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	u := &url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	if err := a.fyne.OpenURL(u); err != nil {
		a.showError(a.t("ui.dialog.error"), err.Error())
	}
}
