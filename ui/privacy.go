package ui

import (
	"encoding/json"
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

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

// eraseCustomer erases a consumer's personal data in one transaction and reloads.
func (a *App) eraseCustomer(id string) error {
	if err := a.sess.EraseCustomer(id, a.asOf, a.user(), a.lang); err != nil {
		return err
	}
	a.reloadThen(a.t("privacy.erased", "value", id))
	return nil
}
