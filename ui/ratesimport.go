package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
	"relance/ledger/importer/source"
	"relance/ledger/law"
)

// chooseRatesFile asks for a rates file (the app's file dialog) and imports it.
func (sv *legalView) chooseRatesFile() {
	sv.a.showFileDialog(fileRequest{kind: fileOpen, purpose: "rates", exts: []string{".csv", ".txt"},
		chosen: func(path string) { sv.importRatesFile(path, false) }})
}

// importRatesFile imports the rates file at path into the dossier, all or nothing
// (desk.Session.ImportRates), and shows the report: what was added or skipped, and
// every refused line naming the file, line, field and value. When the only refusals
// are half-years the dossier records with other figures, it offers to replace them.
func (sv *legalView) importRatesFile(path string, replace bool) {
	a := sv.a
	if a.sess == nil {
		return
	}
	title := a.t("rates.ui.import_title")
	f, _, err := source.OpenRegular(path)
	if err != nil {
		a.showError(title, ledger.Localize(source.AsProblem(err, func(err error) *ledger.Problem {
			return &ledger.Problem{Key: "rates.err.import.open", Args: []string{"file", path}, Err: err}
		}), a.lang))
		return
	}
	imp, err := a.sess.ImportRates(path, f, replace, a.today)
	err = errors.Join(err, f.Close())
	if imp == nil {
		a.showError(title, ledger.Localize(err, a.lang))
		return
	}
	report := strings.Join(imp.Report(a.lang, err == nil), "\n")
	a.trace("rates_import", "file", path, "records", len(imp.Records), "problems", len(imp.Problems))
	switch {
	case err == nil && len(imp.Records) > 0:
		a.showError(title, report)
		a.reloadThen(a.t("rates.ui.imported", "file", imp.File))
	case err == nil:
		a.showError(title, report)
	case !replace && imp.OnlyConflicts():
		text := widget.NewLabel(report + "\n\n" + a.t("rates.ui.replace_q"))
		text.Wrapping = fyne.TextWrapWord
		d := dialog.NewCustomConfirm(title, a.t("rates.ui.replace"), a.t("ui.dialog.cancel"), withWidth(560, text), func(ok bool) {
			if ok {
				sv.importRatesFile(path, true)
			}
		}, a.win)
		d.Show()
	default:
		a.showError(title, report)
	}
}

// rateOrigin says where the rates of half-year h come from, for the Taux table: the
// dossier (entered on a day, from a source, or assumed for the demo) or the tables
// published with Relance; "—" when neither has them.
func (sv *legalView) rateOrigin(rates *law.Rates, h law.Half) string {
	a := sv.a
	if x, ok := rates.DossierHalf(h); ok {
		src := x.Source
		if src == "" {
			src = a.t("rates.source_none")
		}
		switch {
		case x.Assumed:
			return a.t("rates.assumed")
		case x.Entered.Valid():
			return a.t("rates.ui.origin_entered", "date", a.date(x.Entered), "source", src)
		}
		return a.t("rates.ui.origin_dossier", "source", src)
	}
	if len(rates.MissingRates(h, false)) < 2 {
		return a.t("rates.ui.origin_shipped")
	}
	return "—"
}
