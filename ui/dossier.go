package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/demo"
	"relance/ledger/store"
)

// openDossier opens the dossier at path off the Fyne goroutine, then loads it and shows
// it. Re-opening the current dossier does nothing; opening another one closes the
// current one first (a process opens each dossier file once). Failures are shown in a
// dialog and leave the window on the "no dossier" screen, from which the File menu
// opens another one.
func (a *App) openDossier(path string) {
	a.openWith(path, nil)
}

// openDemo opens the user's demo dossier, creating it first if it does not exist.
func (a *App) openDemo() {
	path, err := store.DemoPath()
	if err != nil {
		a.failOpen(path, err)
		return
	}
	today := a.today
	a.openWith(path, func() error {
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			return demo.Create(path, today)
		}
		return nil
	})
}

// openWith opens path after running prepare (if any) on the background goroutine.
func (a *App) openWith(path string, prepare func() error) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if a.busy {
		return
	}
	if a.db != nil && a.path == path {
		a.notifyLoaded(nil)
		return
	}
	a.closeDossier()
	a.setBusy(a.t("ui.status.opening", "file", filepath.Base(path)))
	a.rebuild() // the loading screen, in place of the previous dossier
	asOf := a.asOf
	go func() {
		var (
			sess  *desk.Session
			check func() error
			err   error
		)
		if prepare != nil {
			err = prepare()
		}
		if err == nil {
			sess, check, err = openStaged(path, asOf)
		}
		fyne.Do(func() {
			a.busy = false
			if err != nil {
				a.failOpen(path, err)
				return
			}
			a.setSession(sess)
			a.unchecked = check != nil // before the screens are built (ui/staged.go)
			a.loadErr = ""
			a.addRecent(path)
			a.recompute()
			a.rebuild()
			a.notifyLoaded(nil)
			if check != nil {
				a.checkStaged(sess, check)
				return
			}
			a.watchBackup(sess)
		})
	}()
}

// watchBackup waits for the automatic backup started when sess was opened and, when it
// failed (a read-only or full backup folder), says so: the dossier is fine, but the
// person should back it up by hand.
func (a *App) watchBackup(sess *desk.Session) {
	go func() {
		err := sess.DB.WaitBackup()
		if err == nil {
			return
		}
		fyne.Do(func() {
			a.trace("backup", "state", "failed")
			var be *store.BackupError
			msg := ledger.Localize(err, a.lang)
			if errors.As(err, &be) {
				msg = a.t("ui.backup.open_failed", "dir", be.Dir, "why", ledger.Localize(be.Err, a.lang))
			}
			a.showError(a.t("ui.menu.backup"), msg)
		})
	}()
}

// setSession makes sess the open dossier; the App's short names (db, path, book,
// rates, disputes…) are the session's.
func (a *App) setSession(sess *desk.Session) {
	a.sess = sess
	a.db, a.path, a.book, a.rates = sess.DB, sess.Path, sess.Book, sess.Rates
	a.disputes, a.blocks, a.disputeIdx = sess.Disputes, sess.Blocks, sess.Index
	a.dash.snap = nil // the dashboard's figures depend on them
}

// failOpen shows why path could not be opened and leaves the window without a dossier.
func (a *App) failOpen(path string, err error) {
	msg := ledger.Localize(err, a.lang)
	a.loadErr = msg
	a.rebuild()
	a.showError(a.t("ui.dialog.open_failed"), msg)
	a.notifyLoaded(err)
}

// reloadThen reads the open dossier again (after a write) off the Fyne goroutine,
// then shows done in the status bar.
func (a *App) reloadThen(done string) {
	if a.db == nil || a.busy {
		return
	}
	db := a.db
	a.setBusy(a.t("ui.status.loading", "file", filepath.Base(a.path)))
	old := a.sess
	go func() {
		sess, err := old.Reread() // as it was read: a large dossier's open items (ui/staged.go)
		fyne.Do(func() {
			a.busy = false
			if err != nil {
				a.setStatus("")
				a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
				a.notifyLoaded(err)
				return
			}
			if a.db != db { // closed meanwhile
				return
			}
			a.setSession(sess)
			a.recompute()
			a.rebuild()
			a.setStatus(done)
			a.notifyLoaded(nil)
		})
	}()
}

// notifyLoaded reports an open or reload attempt (the "loaded" event: what onLoaded
// and the journeys wait for).
func (a *App) notifyLoaded(err error) {
	if err != nil {
		a.trace("loaded", "path", a.path, "error", err)
	} else {
		a.trace("loaded", "path", a.path, "customers", a.customerCount())
	}
}

// closeDossier closes the open dossier, if any, and forgets its book.
func (a *App) closeDossier() {
	if a.db == nil {
		return
	}
	if err := a.db.Close(); err != nil {
		fyne.LogError("closing "+a.path, err)
	}
	a.sess, a.db, a.path, a.book, a.sums = nil, nil, "", nil, nil
	a.afterCheck, a.unchecked = nil, false
	a.clients.selected = ""
}

// createDossier makes an empty dossier for company nc in dir and opens it.
func (a *App) createDossier(dir string, nc desk.NewCompany) {
	path := filepath.Join(dir, fileNameFor(nc.Name)+store.DossierExt)
	if err := desk.NewDossier(path, nc); err != nil {
		a.showError(a.t("ui.dialog.create_failed"), ledger.Localize(err, a.lang))
		return
	}
	a.openDossier(path)
}

// fileNameFor turns a company name into a file name: lower case, no accents, words
// joined by dashes ("Société Exemple SAS" → "societe-exemple-sas").
func fileNameFor(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range ledger.Fold(strings.TrimSpace(name)) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r - 'A' + 'a')
			dash = false
		default:
			if b.Len() > 0 && !dash {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	s := strings.TrimSuffix(b.String(), "-")
	if s == "" {
		return "dossier"
	}
	return s
}

// recent returns the recently opened dossiers, most recent first.
func (a *App) recent() []string {
	return a.fyne.Preferences().StringList(prefRecent)
}

// addRecent puts path first in the recent dossiers, keeping the last maxRecent.
func (a *App) addRecent(path string) {
	list := []string{path}
	for _, p := range a.recent() {
		if p != path && len(list) < maxRecent {
			list = append(list, p)
		}
	}
	a.fyne.Preferences().SetStringList(prefRecent, list)
}

// customerCount is the number of customers of the open dossier (0 when none).
func (a *App) customerCount() int {
	if a.book == nil {
		return 0
	}
	return len(a.book.Accounts)
}
