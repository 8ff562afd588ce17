package ui

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/desk"
	"relance/ledger"
	"relance/letters"
)

// privacyButtons are the customer panel's answers to a person's requests: export
// their data, and (for a consumer) erase their personal data.
func (a *App) privacyButtons(acc *ledger.Account) fyne.CanvasObject {
	id := acc.Customer.ID
	export := widget.NewButtonWithIcon(a.t("ui.privacy.export"), theme.DocumentSaveIcon(), func() {
		a.askSave(fmt.Sprintf("%s-%s.json", a.t("ui.privacy.file"), id), "ui.privacy.exported",
			func(path string) error { return a.exportCustomer(id, path) })
	})
	export.Importance = widget.LowImportance
	box := container.NewVBox(widget.NewSeparator(), export)
	if acc.Customer.Kind == ledger.Consumer {
		erase := widget.NewButtonWithIcon(a.t("ui.privacy.erase"), theme.DeleteIcon(), func() {
			dialog.ShowConfirm(a.t("ui.privacy.erase"), a.t("ui.privacy.confirm", "name", acc.Customer.Name), func(ok bool) {
				if ok {
					if err := a.eraseCustomer(id); err != nil {
						a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
					}
				}
			}, a.win)
		})
		erase.Importance = widget.LowImportance
		box.Add(erase)
	}
	return box
}

// exportCustomer writes everything the dossier holds about customer id to path.
func (a *App) exportCustomer(id, path string) error {
	e, err := a.sess.ExportCustomer(id, a.asOf)
	if err != nil {
		return err
	}
	return letters.WriteFile(path, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(e)
	})
}

// eraseCustomer erases a consumer's personal data for real (desk.EraseCustomerFile: the
// record rewritten, the dossier compacted into a fresh file, the old automatic backups
// deleted): the dossier is closed, erased, opened again, and what was done and what
// the law keeps is shown.
func (a *App) eraseCustomer(id string) error {
	if a.sess == nil {
		return nil
	}
	path, asOf, by, lang := a.path, a.asOf, a.user(), a.lang
	a.closeDossier()
	a.openWith(path, func() error {
		e, err := desk.EraseCustomerFile(path, id, asOf, by, lang)
		fyne.Do(func() {
			if err != nil {
				a.showError(a.t("ui.privacy.erase"), ledger.Localize(err, lang))
			}
			if e != nil {
				a.trace("written", "what", "erasure", "customer", id)
				msg := widget.NewLabel(strings.Join(e.Lines(lang), "\n\n"))
				msg.Wrapping = fyne.TextWrapWord
				d := dialog.NewCustom(a.t("ui.privacy.erase"), a.t("ui.dialog.close"), container.NewVScroll(msg), a.win)
				d.Resize(fyne.NewSize(min(a.win.Canvas().Size().Width-40, 640), min(a.win.Canvas().Size().Height-40, 420)))
				d.Show()
			}
		})
		return nil
	})
	return nil
}
