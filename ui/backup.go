package ui

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

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
			pre, err := a.sess.PreviewRestore(from)
			if err != nil {
				a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
				return
			}
			if len(pre.Dropped) > 0 {
				pre.From = filepath.Base(from)
				a.confirmRestoreDrops(from, msg, pre)
				return
			}
			dialog.ShowConfirm(a.t("ui.restore.title"), msg, func(ok bool) {
				if ok {
					a.restoreFrom(from, false)
				}
			}, a.win)
		}})
}

// confirmRestoreDrops shows the letters that restoring from would remove from the
// archive (issued since the backup), and restores only once the person has ticked that
// they understand and confirmed.
func (a *App) confirmRestoreDrops(from, msg string, pre *desk.RestorePreview) {
	intro := widget.NewLabel(msg + "\n\n" + pre.Intro(a.lang))
	intro.Wrapping = fyne.TextWrapWord
	list := container.NewVBox()
	for _, l := range pre.Lines(a.lang) {
		line := widget.NewLabel(l)
		line.Wrapping = fyne.TextWrapWord
		line.Importance = widget.DangerImportance
		list.Add(line)
	}
	var d dialog.Dialog
	restore := widget.NewButton(a.t("ui.restore.title"), func() {
		d.Hide()
		a.restoreFrom(from, true) // the person confirmed losing a newer state
	})
	restore.Importance = widget.DangerImportance
	restore.Disable()
	sure := widget.NewCheck(a.t("archive2.restore.confirm"), func(on bool) {
		if on {
			restore.Enable()
		} else {
			restore.Disable()
		}
	})
	cancel := widget.NewButton(a.t("ui.dialog.cancel"), func() { d.Hide() })
	foot := container.NewVBox(sure, container.NewHBox(layout.NewSpacer(), cancel, restore))
	body := container.NewBorder(intro, foot, nil, nil, container.NewVScroll(list))
	d = dialog.NewCustomWithoutButtons(a.t("ui.restore.title"), body, a.win)
	d.Resize(fyne.NewSize(min(a.win.Canvas().Size().Width-40, 720), min(a.win.Canvas().Size().Height-40, 480)))
	a.trace("confirm", "dialog", "restore_drops", "n", fmt.Sprint(len(pre.Dropped)))
	d.Show()
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
