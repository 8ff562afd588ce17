package ui

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// fileDialogKind says what a file dialog asks for.
type fileDialogKind int

const (
	fileOpen   fileDialogKind = iota // an existing file
	fileSave                         // a file to write
	folderOpen                       // a folder
)

// fileRequest is what a file dialog is shown for.
type fileRequest struct {
	kind fileDialogKind
	// purpose names what the file is for ("dossier", "import", "save", "backup",
	// "statements", …): the dialog starts in the folder last chosen for that purpose, and
	// the trace (RELANCE_TRACE) names it.
	purpose string
	name    string   // file name proposed by a save dialog
	exts    []string // extensions an open dialog lists (".db", ".txt"); all files when empty
	confirm string   // text of the confirm button ("" for Fyne's own, in the interface language)
	// chosen is called with the path chosen; never called when the user cancels.
	chosen func(path string)
}

// prefDialogDir is the preference key of the last folder chosen for a purpose.
func prefDialogDir(purpose string) string { return "pref.dialog.dir." + purpose }

// showFileDialog shows the one kind of file dialog of the app: every open, save and
// choose-folder dialog goes through here. It is shown first, then sized to fit the
// window (Fyne 2.8.1 dereferences the dialog's window in Resize before Show:
// fyne#6495), starts in the folder last used for the same purpose (else the user's
// Documents folder, else the home folder), and reports errors in a dialog.
func (a *App) showFileDialog(r fileRequest) {
	done := func(path string) {
		a.trace("dialog", "purpose", r.purpose, "state", "chosen", "path", path)
		a.fyne.Preferences().SetString(prefDialogDir(r.purpose), dirOf(r.kind, path))
		r.chosen(path)
	}
	fail := func(err error) {
		a.trace("dialog", "purpose", r.purpose, "state", "error", "error", err.Error())
		a.showError(a.t("ui.dialog.error"), err.Error())
	}
	var d *dialog.FileDialog
	switch r.kind {
	case fileSave:
		d = dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
			if err != nil {
				fail(err)
				return
			}
			if w == nil {
				a.trace("dialog", "purpose", r.purpose, "state", "cancelled")
				return
			}
			path := w.URI().Path()
			// Fyne created the file to hand us a writer; the caller writes it whole
			// (letters.WriteFile replaces it atomically), so this handle is not used.
			if err := w.Close(); err != nil {
				fail(err)
				return
			}
			done(path)
		}, a.win)
		if r.name != "" {
			d.SetFileName(r.name)
		}
	case folderOpen:
		d = dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
			if err != nil {
				fail(err)
				return
			}
			if dir == nil {
				a.trace("dialog", "purpose", r.purpose, "state", "cancelled")
				return
			}
			done(filepath.Clean(dir.Path()))
		}, a.win)
	default:
		d = dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
			if err != nil {
				fail(err)
				return
			}
			if rc == nil {
				a.trace("dialog", "purpose", r.purpose, "state", "cancelled")
				return
			}
			path := rc.URI().Path()
			if err := rc.Close(); err != nil {
				fail(err)
				return
			}
			done(path)
		}, a.win)
		if len(r.exts) > 0 {
			d.SetFilter(storage.NewExtensionFileFilter(withUpperCase(r.exts)))
		}
	}
	d.SetTitleText(a.dialogTitle(r))
	switch {
	case r.confirm != "":
		d.SetConfirmText(r.confirm)
	case r.kind == fileSave:
		d.SetConfirmText(a.t("uifile.save"))
	case r.kind == folderOpen:
		d.SetConfirmText(a.t("uifile.choose"))
	default:
		d.SetConfirmText(a.t("ui.dialog.open"))
	}
	d.SetDismissText(a.t("ui.dialog.cancel"))
	if loc := a.dialogStart(r.purpose); loc != nil {
		d.SetLocation(loc)
	}
	d.Show()
	d.Resize(a.dialogSize())
	a.trace("dialog", "purpose", r.purpose, "state", "shown")
}

// dialogTitle is the title of a file dialog, in the interface language: what the file
// is for when the purpose has a title of its own, else what the dialog does.
func (a *App) dialogTitle(r fileRequest) string {
	switch {
	case r.purpose == "import" || r.purpose == "customers" || r.purpose == "rates" ||
		(r.purpose == "dossier" && r.kind == fileOpen) || (r.purpose == "backup" && r.kind == fileOpen):
		return a.t("uifile.title." + r.purpose)
	case r.kind == fileSave:
		return a.t("uifile.title.save")
	case r.kind == folderOpen:
		return a.t("uifile.title.folder")
	}
	return a.t("uifile.title.open")
}

// dialogSize is 900×600 or, on a smaller window, the window less a margin.
func (a *App) dialogSize() fyne.Size {
	s := a.win.Canvas().Size()
	w, h := float32(900), float32(600)
	if s.Width > 0 && s.Width-40 < w {
		w = s.Width - 40
	}
	if s.Height > 0 && s.Height-40 < h {
		h = s.Height - 40
	}
	return fyne.NewSize(w, h)
}

// dialogStart is the folder a dialog for purpose starts in: the last one chosen for it,
// else the user's Documents folder, else the home folder (nil when none exists).
func (a *App) dialogStart(purpose string) fyne.ListableURI {
	var dirs []string
	if d := a.fyne.Preferences().String(prefDialogDir(purpose)); d != "" {
		dirs = append(dirs, d)
	}
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, "Documents"), home)
	}
	for _, d := range dirs {
		if fi, err := os.Stat(d); err != nil || !fi.IsDir() {
			continue
		}
		if l, err := storage.ListerForURI(storage.NewFileURI(d)); err == nil {
			return l
		}
	}
	return nil
}

// dirOf is the folder to remember after a dialog chose path.
func dirOf(kind fileDialogKind, path string) string {
	if kind == folderOpen {
		return path
	}
	return filepath.Dir(path)
}

// withUpperCase adds the upper-case form of each extension (".TXT" beside ".txt"):
// accounting programs and Windows write both.
func withUpperCase(exts []string) []string {
	out := make([]string, 0, 2*len(exts))
	for _, e := range exts {
		out = append(out, strings.ToLower(e), strings.ToUpper(e))
	}
	return out
}
