package ui

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"relance/ledger/law"
	"relance/ledger/store"
	"relance/letters/archive"
	"relance/letters/letterpdf"
	"relance/letters/templates"
)

// The welcome page shows the three ways in and the trainer's tools, in both languages;
// with UPDATE_SCREENSHOTS=1 it is written to docs/screenshots/welcome-<lang>.png.
func TestWelcomePage(t *testing.T) {
	dir := t.TempDir()
	if os.Getenv("UPDATE_SCREENSHOTS") == "1" {
		dir = filepath.Join("..", "docs", "screenshots")
	}
	for _, lang := range []string{"fr", "en"} {
		a := newTestApp(t, lang)
		for _, k := range []string{"ui.welcome.title", "ui.welcome.demo_button", "ui.welcome.new_button",
			"ui.welcome.open_button", "ui.tour.start", "ui.demo.reset"} {
			if !hasText(a.win, a.t(k)) {
				t.Errorf("%s: %q not on the welcome page", lang, a.t(k))
			}
		}
		img := a.win.Canvas().Capture()
		f, err := os.Create(filepath.Join(dir, "welcome-"+lang+".png"))
		if err != nil {
			t.Fatal(err)
		}
		png.Encode(f, img)
		f.Close()
	}
}

// Resetting the demo puts back its initial content and keeps the trainer's version
// beside it; the guided tour walks every screen it lists.
func TestResetDemoAndTour(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	path, err := store.DemoPath()
	if err != nil {
		t.Fatal(err)
	}
	a := newTestApp(t, "fr")
	done := loads(t, a)
	a.openDemo()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	first := a.book.Accounts[0].Customer.ID
	// The trainer renames a customer during the session.
	err = a.db.Update(func(tx *store.Tx) error {
		c, err := tx.Customer(first)
		if err != nil {
			return err
		}
		c.Name = "Renommé pendant la séance"
		return tx.PutCustomer(c)
	})
	if err != nil {
		t.Fatal(err)
	}
	a.resetDemo()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if a.path != path || a.book == nil {
		t.Fatalf("demo not reopened: %q", a.path)
	}
	if n := a.book.Account(first).Customer.Name; n == "Renommé pendant la séance" {
		t.Errorf("reset kept the session's change")
	}
	if _, err := os.Stat(path + ".before-reset"); err != nil {
		t.Errorf("the session's version was not kept: %v", err)
	}

	for i, s := range tourSteps() {
		a.showTourStep(i)()
		if a.screen != s.screen {
			t.Errorf("tour step %d shows screen %d, want %d", i+1, a.screen, s.screen)
		}
		// A wrapped label is drawn line by line: look for the explanation's first words.
		if words := []rune(a.t(s.textKey)); !hasText(a.win, string(words[:20])) {
			t.Errorf("tour step %d: its explanation is not shown", i+1)
		}
	}
}

// The customer panel's History tab gathers the reminder actions, promises, plans,
// disputes and risk decisions of the demo's customers.
func TestCustomerHistory(t *testing.T) {
	a := openDemoApp(t, "fr")
	kinds := map[string]bool{}
	for _, acc := range a.book.Accounts {
		for _, e := range a.customerHistory(acc.Customer.ID) {
			for _, k := range []string{"Promesse", "Échéancier", "Litige", "Appel", "Courrier – "} {
				if strings.HasPrefix(e.Text, k) {
					kinds[k] = true
				}
			}
			if !e.Date.Valid() {
				t.Errorf("%s: undated event %q", acc.Customer.ID, e.Text)
			}
		}
	}
	for _, k := range []string{"Promesse", "Échéancier", "Litige", "Appel", "Courrier – "} {
		if !kinds[k] {
			t.Errorf("no %q event in the demo's histories", k)
		}
	}
}

// The day's reminders show the legal deadlines to watch: the demo's customer in
// redressement judiciaire has its claim-filing deadline within 60 days.
func TestAgendaShowsLegalDeadlines(t *testing.T) {
	a := openDemoApp(t, "fr")
	a.showScreen(screenReminders)
	if !hasText(a.win, "Délais légaux (") || !hasText(a.win, "Déclaration de créance") {
		t.Errorf("no legal deadline on the agenda: %q", texts(a.win))
	}
}

// The penalty calculation of a customer under an insolvency procedure stops the day
// before the opening judgment, and says why (C. com. L622-28).
func TestPenaltiesStopAtTheOpeningJudgment(t *testing.T) {
	a := openDemoApp(t, "fr")
	procs, err := a.db.LoadProcedures()
	if err != nil || len(procs) == 0 {
		t.Fatalf("the demo has no procedure: %v", err)
	}
	p := procs[0]
	a.legal.showPenalties(p.Customer)
	d := a.legal.result
	if d == nil {
		t.Fatalf("no décompte: %s", a.legal.err)
	}
	stopped := false
	for _, n := range d.Notes {
		if n.Key == "law.note.interest_stopped" {
			stopped = true
			if text := law.FormatNote(n, "fr", "EUR"); strings.Contains(text, "-0") || !strings.Contains(text, "Redressement judiciaire") {
				t.Errorf("the note reads %q: want the dates in words and the procedure named", text)
			}
		}
	}
	for _, l := range d.Lines {
		if l.To >= p.Judgment {
			t.Errorf("interest runs to %s, after the judgment of %s", l.To, p.Judgment)
		}
	}
	if !stopped {
		t.Error("no note saying why the interest stops")
	}
}

// "Recompute and propose" on the risk map records the recomputation and says how many
// proposals wait for a decision.
func TestRecomputeRiskFromTheMap(t *testing.T) {
	a := openDemoApp(t, "fr")
	a.risk.clientsTab = 1
	a.showScreen(screenClients)
	a.risk.recomputeRisk()
	for i := 0; i < 100 && !hasText(a.win, "Classes recalculées"); i++ {
		time.Sleep(50 * time.Millisecond)
	}
	if !hasText(a.win, "Classes recalculées") {
		t.Fatalf("no message after the recomputation: %q", texts(a.win))
	}
	res := a.risk.riskResult()
	pending := 0
	for i := range res.Assessments {
		if res.Assessments[i].Pending != nil {
			pending++
		}
	}
	if pending == 0 || !hasText(a.win, fmt.Sprintf("%d proposition", pending)) {
		t.Errorf("%d pending proposals; status %q", pending, texts(a.win))
	}
}

// The customer panel's History tab of a customer with a payment plan, captured with
// UPDATE_SCREENSHOTS=1 into docs/screenshots/customer-history-<lang>.png.
func TestScreenshotCustomerHistory(t *testing.T) {
	dir := t.TempDir()
	if os.Getenv("UPDATE_SCREENSHOTS") == "1" {
		dir = filepath.Join("..", "docs", "screenshots")
	}
	for _, lang := range []string{"fr", "en"} {
		a := openDemoApp(t, lang)
		_, rec, err := a.db.LoadDunning()
		if err != nil || len(rec.Plans) == 0 {
			t.Fatalf("no plan in the demo: %v", err)
		}
		a.showScreen(screenClients)
		a.detailTab = 4
		a.clients.view.selectCustomer(rec.Plans[0].Customer)
		found := false
		for _, e := range a.customerHistory(rec.Plans[0].Customer) {
			found = found || strings.Contains(e.Text, rec.Plans[0].ID)
		}
		if !found || a.detailTab != 4 {
			t.Errorf("%s: the history of %s lacks plan %s (tab %d)", lang, rec.Plans[0].Customer, rec.Plans[0].ID, a.detailTab)
		}
		f, err := os.Create(filepath.Join(dir, "customer-history-"+lang+".png"))
		if err != nil {
			t.Fatal(err)
		}
		png.Encode(f, a.win.Canvas().Capture())
		f.Close()
	}
}

// The archive of issued letters lists what was sent, with its fingerprint, and opens on
// the tab the user left; captured with UPDATE_SCREENSHOTS=1 (letters-archive-<lang>.png).
func TestScreenshotLettersArchive(t *testing.T) {
	dir := t.TempDir()
	if os.Getenv("UPDATE_SCREENSHOTS") == "1" {
		dir = filepath.Join("..", "docs", "screenshots")
	}
	for _, lang := range []string{"fr", "en"} {
		a := openDemoApp(t, lang)
		// Issue the day's R1 to the overdue customers through the batch of the letters layer.
		jobs := letterpdf.OverdueJobs(a.book, a.asOf, templates.R1, nil)
		res, err := letterpdf.Batch(a.book, jobs[:min(6, len(jobs))], letterpdf.BatchOptions{Date: a.asOf, Dir: t.TempDir(), KeepPDF: true, Rates: a.rates})
		if err != nil {
			t.Fatal(err)
		}
		err = a.db.Update(func(tx *store.Tx) error {
			for _, r := range res {
				if r.Err != nil {
					continue
				}
				at := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
				if _, err := archive.IssueRecorded(tx, archive.Input{Letter: r.Letter, PDF: r.PDF, By: "Claire Moreau", At: at}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		a.lettersView.tab = 1
		a.showScreen(screenLetters)
		if !hasText(a.win, res[0].Letter.Reference) && !hasText(a.win, res[0].Letter.CustomerName) {
			t.Errorf("%s: the archive does not list the issued letters: %q", lang, texts(a.win))
		}
		f, err := os.Create(filepath.Join(dir, "letters-archive-"+lang+".png"))
		if err != nil {
			t.Fatal(err)
		}
		png.Encode(f, a.win.Canvas().Capture())
		f.Close()
	}
}

// Ctrl+Down / Ctrl+Up walk the Clients list; Ctrl+L writes to the selected customer;
// Ctrl+E asks to issue the day's letters.
func TestCustomerShortcuts(t *testing.T) {
	a := openDemoApp(t, "fr")
	press := func(k fyne.KeyName) {
		for _, s := range a.shortcuts() {
			if s.key == k {
				s.action()
				return
			}
		}
		t.Fatalf("no shortcut for %s", k)
	}
	a.showScreen(screenClients)
	rows := a.clients.view.rows
	press(fyne.KeyDown)
	press(fyne.KeyDown)
	if a.clients.selected != rows[1].ID {
		t.Fatalf("two Ctrl+Down select %q, want %q", a.clients.selected, rows[1].ID)
	}
	press(fyne.KeyUp)
	if a.clients.selected != rows[0].ID {
		t.Errorf("Ctrl+Up selects %q, want %q", a.clients.selected, rows[0].ID)
	}
	press(fyne.KeyL)
	if a.screen != screenLetters || a.lettersView.customer != rows[0].ID {
		t.Errorf("Ctrl+L: screen %d, customer %q", a.screen, a.lettersView.customer)
	}
	press(fyne.KeyE)
	if a.screen != screenReminders || len(a.win.Canvas().Overlays().List()) == 0 {
		t.Errorf("Ctrl+E: screen %d, no confirmation dialog", a.screen)
	}
}
