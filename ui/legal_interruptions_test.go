package ui

import (
	"strings"
	"testing"

	"relance/ledger"
	"relance/ledger/dunning"
	"relance/ledger/law"
)

// limitationOf is the limitation state of item at the app's as-of date.
func limitationOf(t *testing.T, a *App, item string) law.LimitationState {
	t.Helper()
	rows, err := a.sess.Deadlines(a.asOf)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.Item.ID == item {
			return r.State
		}
	}
	t.Fatalf("no deadline for %s", item)
	return law.LimitationState{}
}

// Issue 22: in Contentieux › Prescription, « Enregistrer un acte interruptif… » records
// an act through the same desk use case as the command line; a refused act writes
// nothing; the act is listed for its customer and the deadlines table counts it at
// once; « Clore… » gives a legal action its end, and five years run from it.
func TestRecordInterruptionInTheLimitationTab(t *testing.T) {
	a := openDemoApp(t, "fr")
	a.legal.tab = 1
	a.showScreen(screenLegal)
	for _, want := range []string{"Enregistrer un acte interruptif…", "Actes enregistrés", "Aucun acte interruptif enregistré.", "Sont comptés"} {
		if !hasText(a.win, want) {
			t.Errorf("the Prescription tab lacks %q", want)
		}
	}
	if b := button(t, a.win, "Clore…"); !b.Disabled() {
		t.Error("« Clore… » is enabled with no act selected")
	}
	// A business or consumer customer's item due before the act.
	var acc *ledger.Account
	var item ledger.Item
	for _, x := range a.book.Accounts {
		for _, it := range x.OpenItems() {
			if acc == nil && x.Customer.Kind != ledger.PublicBody && it.Open > 0 && it.DueDate.Valid() && it.DueDate < ledger.NewDate(2026, 9, 1) {
				acc, item = x, it
			}
		}
	}
	if acc == nil {
		t.Fatal("no private customer with an item due before September 2026 in the demo")
	}
	before := limitationOf(t, a, item.ID)

	f := a.newInterruptionForm(acc.Customer.ID)
	f.kind.SetSelectedIndex(3) // demande en justice
	if f.selectedKind() != law.LegalAction || !strings.Contains(f.help.Text, "C. civ. 2241") || f.end.Disabled() {
		t.Fatalf("kind %s, help %q", f.selectedKind(), f.help.Text)
	}
	for i, it := range f.items {
		if it.ID == item.ID {
			f.checks[i].SetChecked(true)
		}
	}
	f.proof.SetText("RG 26/04567")

	// A date after the as-of date is refused, nothing written.
	rev, _ := a.db.Revision()
	f.date.SetText("24/11/2026")
	if _, err := a.saveInterruptionForm(f); err == nil || !strings.Contains(ledger.Localize(err, "fr"), "24/11/2026, après la date de saisie (23/11/2026)") {
		t.Errorf("a future act: %v", err)
	}
	if r, _ := a.db.Revision(); r != rev {
		t.Error("a refused act changed the dossier")
	}

	f.date.SetText("01/09/2026")
	var rec *dunning.InterruptionRecord
	if err := waitLoaded(t, a, func() {
		var err error
		if rec, err = a.saveInterruptionForm(f); err != nil {
			t.Fatal(err)
		}
	}); err != nil {
		t.Fatal(err)
	}
	if st := limitationOf(t, a, item.ID); st.Level != law.LevelSuspended || st.Deadline.Valid() {
		t.Errorf("during the proceedings: %+v (before: %+v)", st, before)
	}
	a.showScreen(screenLegal)
	for _, want := range []string{"Demande en justice", "RG 26/04567", "en cours", item.Number, acc.Customer.Name} {
		if !hasText(a.win, want) {
			t.Errorf("after recording, the tab lacks %q", want)
		}
	}
	if a.legal.more.acts.customer != acc.Customer.ID || a.legal.more.acts.selected != rec.ID {
		t.Errorf("the list shows %+v, want the act %s of %s", a.legal.more.acts, rec.ID, acc.Customer.ID)
	}
	if b := button(t, a.win, "Clore…"); b.Disabled() {
		t.Error("« Clore… » is disabled on the ongoing act")
	}

	// « Clore… »: the proceedings ended on 2 November 2026.
	if err := a.legal.endInterruption(rec.ID, "2 novembre"); err == nil {
		t.Error("a bad end date was accepted")
	}
	if err := waitLoaded(t, a, func() {
		if err := a.legal.endInterruption(rec.ID, "02/11/2026"); err != nil {
			t.Fatal(err)
		}
	}); err != nil {
		t.Fatal(err)
	}
	years := 5
	if acc.Customer.Kind == ledger.Consumer {
		years = 2
	}
	if st := limitationOf(t, a, item.ID); st.Deadline != ledger.NewDate(2026+years, 11, 2) {
		t.Errorf("after the proceedings: %+v", st)
	}
	a.showScreen(screenLegal)
	if !hasText(a.win, "clos le 02/11/2026") {
		t.Error("the list does not show the end")
	}
	if b := button(t, a.win, "Clore…"); !b.Disabled() {
		t.Error("« Clore… » is still enabled on an ended act")
	}
}
