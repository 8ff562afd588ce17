package ui

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/dialog"

	"relance/desk"
	"relance/ledger"
)

// askBackup asks where to write a copy of the open dossier, then writes it.
func (a *App) askBackup() {
	if a.db == nil {
		return
	}
	base := strings.TrimSuffix(filepath.Base(a.path), filepath.Ext(a.path))
	a.askSave(fmt.Sprintf("%s-%s.db", base, a.today), "ui.backup.done", func(path string) error {
		removeIfEmpty(path) // the save dialog created it empty; the backup refuses to overwrite a file
		return a.sess.Backup(path)
	})
}

// askRestore asks for a backup file, then replaces the open dossier with it.
func (a *App) askRestore() {
	if a.db == nil {
		return
	}
	a.showFileDialog(fileRequest{kind: fileOpen, purpose: "backup", exts: []string{".db"},
		confirm: a.t("ui.dialog.open"), chosen: func(from string) {
			msg := a.t("ui.restore.confirm", "file", filepath.Base(a.path), "from", filepath.Base(from))
			dialog.ShowConfirm(a.t("ui.restore.title"), msg, func(ok bool) {
				if ok {
					a.restoreFrom(from, false)
				}
			}, a.win)
		}})
}

// restoreFrom closes the open dossier, replaces it with the backup from, and opens it
// again. When the dossier is newer than the backup, it asks before forcing.
func (a *App) restoreFrom(from string, force bool) {
	path := a.path
	a.closeDossier()
	err := desk.RestoreFile(from, path, force)
	if errors.Is(err, &ledger.Problem{Key: "err.restore.newer"}) && !force {
		a.openDossier(path)
		dialog.ShowConfirm(a.t("ui.restore.title"), ledger.Localize(err, a.lang)+"\n\n"+a.t("ui.restore.force"),
			func(ok bool) {
				if ok {
					a.restoreFrom(from, true)
				}
			}, a.win)
		return
	}
	if err != nil {
		a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
	}
	a.openDossier(path)
	if err == nil {
		a.setStatus(a.t("ui.restore.done", "from", filepath.Base(from)))
	}
}
