package ui

import (
	"errors"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"relance/desk"
	"relance/ledger/store"
)

// While a dossier opened in two steps is checked, the dashboard and the Clients list
// are shown from its session, and a customer's card from its account read whole; the
// other screens say that the dossier is being checked, what writes (a new as-of date, a
// File menu command) waits, and the store refuses any other write. Once it is checked,
// every screen is shown from the same session, which still holds part of the history,
// what waited runs, and an earlier as-of date reads the whole history, a later one the
// open items again.
func TestStagedOpen(t *testing.T) {
	a := newTestApp(t, "fr")
	path := demoFile(t)
	first, check, err := desk.OpenWriteStaged(path, a.asOf, desk.OpeningReach())
	if err != nil {
		t.Fatal(err)
	}
	if !first.Partial || check == nil {
		t.Fatalf("the demo at %s is not read in two steps (Partial %v)", a.asOf, first.Partial)
	}
	a.setSession(first)
	a.unchecked = true
	a.recompute()
	a.rebuild()
	// the start of each text: a wrapped label is drawn line by line
	pane, chart := []rune(a.t("ui.history.pane"))[:25], []rune(a.t("ui.history.chart"))[:20]
	if !hasText(a.win, string(chart)) || hasText(a.win, string(pane)) {
		t.Error("the dashboard does not show its tiles with the chart waiting for the history")
	}
	for _, id := range []screenID{screenDisputes, screenReminders, screenLetters, screenLegal, screenSettings, screenCorrection} {
		a.showScreen(id)
		if !hasText(a.win, string(pane)) {
			t.Errorf("screen %s is shown from the first session", id.name())
		}
	}
	a.showScreen(screenClients)
	if hasText(a.win, string(pane)) || len(a.clients.view.rows) == 0 {
		t.Fatal("the Clients list is not shown from the first session")
	}
	// A customer's card is shown from its account read whole; the dashboard's figures
	// stay (they are unchanged by it).
	dashBook := a.dash.book
	id := a.clients.view.rows[0].ID
	a.clients.view.selectCustomer(id)
	name := a.book.Account(id).Customer.Name
	if hasText(a.win, string(pane)) || !hasText(a.win, name) {
		t.Error("the customer card is not shown while the history loads")
	}
	if !a.sess.HasWhole(id) || !a.sess.Partial {
		t.Errorf("the card's account is not read whole (%v), or the session is no longer the first one", a.sess.HasWhole(id))
	}
	if dashBook == nil || a.dash.book != a.book {
		t.Error("reading the card's account dropped the dashboard's figures")
	}
	// A message in the status bar leaves the history's indicator running.
	a.setStatus("x")
	if !a.shell.progress.Visible() {
		t.Error("a status message hid the indicator of the history still loading")
	}
	// A write that does not wait is refused by the store, the dossier unchanged.
	if err := a.db.Update(func(*store.Tx) error { return nil }); !errors.Is(err, store.ErrNotChecked) {
		t.Errorf("a write before the check: %v", err)
	}
	asOf := a.asOf
	a.setAsOf(asOf.AddDays(1))
	if a.asOf != asOf {
		t.Error("the as-of date changed before the history was loaded")
	}
	ran := make(chan bool, 1)
	a.whenChecked(func() { ran <- a.checking() })
	select {
	case <-ran:
		t.Error("a command ran before the history was loaded")
	default:
	}
	if !hasText(a.win, a.t("ui.history.queued")) {
		t.Error("the status does not say that the command waits")
	}

	checked := watchEvents(t, a, "checked")
	a.checkStaged(first, check)
	select {
	case <-checked:
	case <-time.After(30 * time.Second):
		t.Fatal("the dossier not checked after 30 s")
	}
	if a.checking() || !a.sess.Partial {
		t.Fatal("the window is still checking, or holds the whole history")
	}
	select {
	case checking := <-ran:
		if checking {
			t.Error("the command that waited ran before the check")
		}
	case <-time.After(30 * time.Second):
		t.Error("the command that waited did not run")
	}
	if !hasText(a.win, name) {
		t.Error("the customer card is not shown after the check")
	}
	for _, id := range []screenID{screenDisputes, screenReminders, screenLetters, screenLegal, screenSettings, screenCorrection} {
		a.showScreen(id)
		if hasText(a.win, string(pane)) {
			t.Errorf("screen %s still waits after the check", id.name())
		}
	}
	// An earlier date reads the whole history; today's, the open items again.
	read := watchEvents(t, a, "read")
	today := a.asOf
	a.setAsOf(today.AddDays(-400))
	select {
	case <-read:
	case <-time.After(30 * time.Second):
		t.Fatal("the dossier not read again at an earlier date after 30 s")
	}
	if a.asOf != today.AddDays(-400) || a.sess.Partial {
		t.Errorf("at an earlier date: as of %s, Partial %v", a.asOf, a.sess.Partial)
	}
	a.setAsOf(today)
	select {
	case <-read:
	case <-time.After(30 * time.Second):
		t.Fatal("the dossier not read again at today's date after 30 s")
	}
	if a.asOf != today || !a.sess.Partial {
		t.Errorf("back at today: as of %s, Partial %v", a.asOf, a.sess.Partial)
	}
}

// When the check before writing refuses the dossier, at the second step, the window
// closes it and says why, as when an open fails.
func TestStagedOpenDamaged(t *testing.T) {
	a := newTestApp(t, "fr")
	path := demoFile(t)
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("actions"))
		k, _ := b.Cursor().First()
		if k == nil {
			t.Skip("the demo has no action record")
		}
		return b.Put(append([]byte(nil), k...), []byte("\x00garbage{"))
	})
	if cerr := db.Close(); err != nil || cerr != nil {
		t.Fatal(err, cerr)
	}
	first, check, err := desk.OpenWriteStaged(path, a.asOf, desk.OpeningReach())
	if err != nil || check == nil {
		t.Fatalf("the first step refused the dossier (%v) or read it whole", err)
	}
	a.setSession(first)
	a.rebuild()
	done := loads(t, a)
	a.checkStaged(first, check)
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("the damaged dossier stays open")
		}
	case <-time.After(30 * time.Second):
		t.Fatal("no outcome after 30 s")
	}
	if a.db != nil || a.sess != nil {
		t.Error("the damaged dossier stays open")
	}
}
