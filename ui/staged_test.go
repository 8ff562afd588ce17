package ui

import (
	"errors"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"relance/desk"
	"relance/ledger/store"
)

// While the whole history of a dossier opened in two steps loads, the dashboard and the
// Clients list are shown from the first session, and a customer's card from its account
// read whole; the other screens say that the history is loading, what writes or needs
// the history (a new as-of date, a File menu command) waits, and the store refuses any
// other write. Once the history is there, the current screen is shown again from it and
// what waited runs.
func TestStagedOpen(t *testing.T) {
	a := newTestApp(t, "fr")
	path := demoFile(t)
	first, whole, err := desk.OpenWriteStaged(path, a.asOf, desk.OpeningReach())
	if err != nil {
		t.Fatal(err)
	}
	if !first.Partial || whole == nil {
		t.Fatalf("the demo at %s is not read in two steps (Partial %v)", a.asOf, first.Partial)
	}
	a.setSession(first)
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
	if !a.sess.HasWhole(id) || !a.partial() {
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
	a.whenWhole(func() { ran <- a.partial() })
	select {
	case <-ran:
		t.Error("a command ran before the history was loaded")
	default:
	}
	if !hasText(a.win, a.t("ui.history.queued")) {
		t.Error("the status does not say that the command waits")
	}

	history := watchEvents(t, a, "history")
	a.loadWhole(first, whole)
	select {
	case <-history:
	case <-time.After(30 * time.Second):
		t.Fatal("the whole history not loaded after 30 s")
	}
	if a.partial() || a.sess == first {
		t.Fatal("the window still shows the first session")
	}
	select {
	case partial := <-ran:
		if partial {
			t.Error("the command that waited ran on the first session")
		}
	case <-time.After(30 * time.Second):
		t.Error("the command that waited did not run")
	}
	if !hasText(a.win, name) {
		t.Error("the customer card is not shown from the whole history")
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
	first, whole, err := desk.OpenWriteStaged(path, a.asOf, desk.OpeningReach())
	if err != nil || whole == nil {
		t.Fatalf("the first step refused the dossier (%v) or read it whole", err)
	}
	a.setSession(first)
	a.rebuild()
	done := loads(t, a)
	a.loadWhole(first, whole)
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
