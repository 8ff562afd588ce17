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

// A large dossier opens in two steps (issue 26: the window usable at once on a ledger of
// a million invoices). The first session holds the open position and what the dashboard
// and the Clients list compute from it (desk.OpeningReach, read as `relance kpi` and
// `relance risk` read it); the whole history follows in the background (desk.OpenWriteStaged).
// A customer's card is shown from its account read whole (withWholeAccount). Until the
// history is there, the other screens show historyPane, what would write to the dossier
// or needs its history (the File menu, the shortcuts, a new as-of date) waits for it
// (whenWhole), and the store refuses any other write (store.ErrNotChecked).

// stagedOpenBytes is the dossier size from which the window opens it in two steps; a
// smaller one loads whole in a fraction of a second.
const stagedOpenBytes = 16 << 20

// openStaged opens the dossier at path for writing: a large one in two steps (whole is
// then the rest, to run in the background), a small one at once (whole is nil).
func openStaged(path string, asOf ledger.Date) (first *desk.Session, whole func() (*desk.Session, error), err error) {
	if fi, err := os.Stat(path); err == nil && fi.Size() >= stagedOpenBytes {
		return desk.OpenWriteStaged(path, asOf, desk.OpeningReach())
	}
	first, err = desk.OpenWrite(path)
	return first, nil, err
}

// partial reports whether the open dossier's whole history is still loading.
func (a *App) partial() bool { return a.sess != nil && a.sess.Partial }

// loadWhole loads the whole history of the dossier first was opened with in the
// background, then makes it the window's session, shows the current screen again and
// runs what waited for it. When the dossier cannot be written (damaged: the check
// before writing refuses it), it is closed and the window says why, as when an open
// fails.
func (a *App) loadWhole(first *desk.Session, whole func() (*desk.Session, error)) {
	a.showProgress(a.t("ui.history.status"))
	go func() {
		s, err := whole()
		fyne.Do(func() {
			if a.db != first.DB { // closed meanwhile
				return
			}
			if err != nil {
				path := a.path
				a.closeDossier()
				a.afterWhole = nil
				a.failOpen(path, err)
				return
			}
			dv := a.dash
			kept := dv.snap
			a.setSession(s)
			if kept != nil && dv.asOf == a.asOf { // shown until the whole history's are computed
				dv.snap, dv.interim = kept, true
			}
			a.recompute()
			a.setStatus("")
			a.showScreen(a.screen)
			a.trace("history", "path", a.path)
			a.watchBackup(s)
			if do := a.afterWhole; do != nil {
				a.afterWhole = nil
				do()
			}
			// The load's own garbage goes back to the system now rather than at the
			// runtime's pace: about 120 MB less resident at 1M (docs/performance.md).
			go debug.FreeOSMemory()
		})
	}()
}

// withWholeAccount reads customer id's account whole into the session while the
// dossier's history loads (desk.Session.WithAccount), so that its card is shown at once:
// its documents are then the whole book's. The session's figures are unchanged by it
// (desk/staged_test.go), so what the dashboard and the risk classes computed from the
// session stays.
func (a *App) withWholeAccount(id string) error {
	if !a.partial() || a.sess.HasWhole(id) {
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

// afterHistory returns do as an action that waits for the whole history (whenWhole):
// the handler of a menu item, shortcut or button that writes or needs the history.
func (a *App) afterHistory(do func()) func() { return func() { a.whenWhole(do) } }

// whenWhole runs do now, or once the dossier's whole history is loaded (the last
// request waits; an earlier one is dropped).
func (a *App) whenWhole(do func()) {
	if !a.partial() {
		do()
		return
	}
	a.afterWhole = do
	a.showProgress(a.t("ui.history.queued"))
	a.trace("wait", "for", "history")
}

// historyPane stands for a screen that needs the dossier's whole history while it loads.
func (a *App) historyPane() fyne.CanvasObject {
	msg := widget.NewLabel(a.t("ui.history.pane"))
	msg.Wrapping = fyne.TextWrapWord
	msg.Alignment = fyne.TextAlignCenter
	return container.NewCenter(withWidth(520, container.NewVBox(msg, widget.NewProgressBarInfinite())))
}

// screenWithoutHistory reports whether screen id is shown from the first session.
func screenWithoutHistory(id screenID) bool {
	return id == screenDashboard || id == screenClients
}
