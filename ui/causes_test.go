package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"relance/ledger/cause"
)

// The dashboard's « Causes des retards » tab shows the breakdown `relance causes` prints;
// a cause's button lists its invoices. The card's « Causes de retard… » dialog records
// the cause chosen for every late invoice at once.
func TestCausesTab(t *testing.T) {
	a := openDemoApp(t, "fr")
	b, err := a.sess.LateCauses(a.asOf)
	if err != nil {
		t.Fatal(err)
	}
	a.dash.tab = 3
	a.showScreen(screenDashboard)
	if !hasText(a.win, "Causes des retards de paiement au") || !hasText(a.win, a.money(b.Late.Amount)) {
		t.Fatalf("no breakdown on the tab; texts %q", texts(a.win))
	}
	test.Tap(button(t, a.win, cause.Cash.Label("fr")))
	found := false
	for _, x := range b.Invoices {
		if x.Cause == cause.Cash && hasText(a.win, x.Name+" — facture "+x.Number) {
			found = true
		}
	}
	if !found {
		t.Error("the cash invoices are not listed")
	}

	var id string
	for _, x := range b.Invoices {
		if x.Cause == "" {
			id = x.Customer
			break
		}
	}
	a.askCauses(id)
	var all *widget.Select
	for _, o := range visible(a.win.Canvas().Overlays().Top()) {
		if s, ok := o.(*widget.Select); ok && s.PlaceHolder == a.t("cause.ui.all") {
			all = s
		}
	}
	if all == nil {
		t.Fatal("no « Même cause pour toutes » select")
	}
	all.SetSelected(cause.PaymentRun.Label("fr"))
	if err := waitLoaded(t, a, func() { test.Tap(overlayButton(t, a, "Enregistrer")) }); err != nil { // the dossier is read again
		t.Fatal(err)
	}
	got, err := a.sess.CausesOf(id)
	if err != nil {
		t.Fatal(err)
	}
	acc := a.book.Account(id)
	for i := range acc.Items {
		if it := &acc.Items[i]; it.OverdueAt(a.asOf) && got[it.ID].Cause != cause.PaymentRun {
			t.Errorf("%s: %+v", it.Number, got[it.ID])
		}
	}
}
