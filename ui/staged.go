package ui

import (
	"os"
	"runtime/debug"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"relance/desk"
	"relance/ledger"
)

// A large dossier opens in two steps and stays in the memory of its open items (issue
// 26: the window usable at once on a ledger of a million invoices, in a fraction of the
// whole history's memory). The session holds the open position and what the dashboard
// and the Clients list compute from it (desk.OpeningReach, read as `relance kpi` and
// `relance risk` read it); the dossier is then checked in the background, each account
// read whole in turn and none kept (desk.OpenWriteStaged). A customer's card is shown
// from its account read whole (withWholeAccount), and the dashboard's 24 months from the
// accounts read in turn (desk.Session.Dashboard). Until the check is done, the other
// screens show checkPane, what would write to the dossier (the File menu, the shortcuts)
// waits for it (whenChecked), and the store refuses any other write
// (store.ErrNotChecked).

// stagedOpenBytes is the dossier size from which the window opens it in two steps; a
// smaller one loads whole in a fraction of a second.
const stagedOpenBytes = 16 << 20

// openStaged opens the dossier at path for writing: a large one in two steps (check is
// then the rest, to run in the background), a small one at once (check is nil).
func openStaged(path string, asOf ledger.Date) (first *desk.Session, check func() error, err error) {
	if fi, err := os.Stat(path); err == nil && fi.Size() >= stagedOpenBytes {
		return desk.OpenWriteStaged(path, asOf, desk.OpeningReach())
	}
	first, err = desk.OpenWrite(path)
	return first, nil, err
}

// checking reports whether the open dossier is still being checked before it may be
// written (ui/staged.go).
func (a *App) checking() bool { return a.sess != nil && a.unchecked }

// checkStaged checks the dossier first was opened with in the background, then shows the
// current screen again and runs what waited for it. When the dossier cannot be written
// (damaged: the check before writing refuses it), it is closed and the window says why,
// as when an open fails.
func (a *App) checkStaged(first *desk.Session, check func() error) {
	a.unchecked = true // set already by the open, before the screens were built
	a.showProgress(a.t("ui.history.status"))
	// From now on the window keeps a large dossier's open items and collects the garbage
	// of its background work (the check, the 24 months read account by account) at half
	// the runtime's default growth: about 265 MB resident at 1M invoices instead of 290,
	// a peak of 335 MB instead of 390 (docs/performance.md). Not before: the first step,
	// shown at once, would take longer. GOGC, when set, decides.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(50)
	}
	go func() {
		err := check()
		fyne.Do(func() {
			if a.db != first.DB { // closed meanwhile
				return
			}
			a.unchecked = false
			if err != nil {
				path := a.path
				a.closeDossier()
				a.failOpen(path, err)
				return
			}
			if dv := a.dash; dv.snap != nil && dv.asOf == a.asOf {
				dv.interim = true // the tiles stay while the 24 months are computed
			}
			a.setStatus("")
			a.showScreen(a.screen)
			a.trace("checked", "path", a.path)
			a.watchBackup(a.sess)
			if do := a.afterCheck; do != nil {
				a.afterCheck = nil
				do()
			}
			// The check's own garbage goes back to the system now rather than at the
			// runtime's pace (docs/performance.md).
			go debug.FreeOSMemory()
		})
	}()
}

// withWholeAccount reads customer id's account whole into a session that holds part of
// the history (desk.Session.WithAccount), so that its card is shown at once: its
// documents are then the whole book's. The session's figures are unchanged by it
// (desk/staged_test.go), so what the dashboard and the risk classes computed from the
// session stays.
func (a *App) withWholeAccount(id string) error {
	if a.sess == nil || a.sess.HasWhole(id) {
		return nil
	}
	s, err := a.sess.WithAccount(id)
	if err != nil {
		return err
	}
	old := a.book
	a.sess, a.book = s, s.Book // not setSession, which drops the dashboard's figures
	if a.dash.book == old {
		a.dash.book = s.Book
	}
	if a.risk.book == old {
		a.risk.book = s.Book
	}
	return nil
}

// afterCheck returns do as an action that waits for the check of the dossier
// (whenChecked): the handler of a menu item, shortcut or button that writes.
func (a *App) afterChecked(do func()) func() { return func() { a.whenChecked(do) } }

// whenChecked runs do now, or once the dossier is checked (the last request waits; an
// earlier one is dropped).
func (a *App) whenChecked(do func()) {
	if !a.checking() {
		do()
		return
	}
	a.afterCheck = do
	a.showProgress(a.t("ui.history.queued"))
	a.trace("wait", "for", "check")
}

// checkPane stands for a screen while the dossier is checked.
func (a *App) checkPane() fyne.CanvasObject {
	msg := widget.NewLabel(a.t("ui.history.pane"))
	msg.Wrapping = fyne.TextWrapWord
	msg.Alignment = fyne.TextAlignCenter
	return container.NewCenter(withWidth(520, container.NewVBox(msg, widget.NewProgressBarInfinite())))
}

// screenWhileChecking reports whether screen id is shown while the dossier is checked.
func screenWhileChecking(id screenID) bool {
	return id == screenDashboard || id == screenClients
}
