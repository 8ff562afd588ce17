package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// The Clients screen's « Tenue du compte » tab lists the checks of the demo's ledger with
// their counts (those of `relance hygiene`); a finding opens its customer's card, a late
// dispute its detail in Litiges.
func TestHygieneTab(t *testing.T) {
	a := openDemoApp(t, "fr")
	a.risk.clientsTab = 2
	a.showScreen(screenClients)
	r, err := a.sess.Hygiene(a.asOf, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, res := range r.Results {
		if !hasText(a.win, res.Check.Label("fr", a.money(r.SmallRest))+" — ") {
			t.Errorf("no line for %s", res.Check)
		}
	}
	unmatched := r.Results[0].Findings[0]
	test.Tap(button(t, a.win, unmatched.Customer+" "+unmatched.Name))
	if a.screen != screenClients || a.clients.selected != unmatched.Customer || a.risk.clientsTab != 0 {
		t.Fatalf("the finding of %s opened screen %s, customer %q", unmatched.Customer, a.screen.name(), a.clients.selected)
	}
	var late string
	for _, res := range r.Results {
		if res.Check == "late_dispute" && res.Count > 0 {
			late = res.Findings[0].Dispute
		}
	}
	if late == "" {
		t.Fatal("the demo has no dispute past its reply date")
	}
	a.showDispute(late)
	if a.screen != screenDisputes || a.disputesView.selected != late || !hasText(a.win, "Litige "+late) {
		t.Errorf("showDispute(%s): screen %s, selected %q", late, a.screen.name(), a.disputesView.selected)
	}
}
