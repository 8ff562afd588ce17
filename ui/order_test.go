package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// « Commande à l'étude… » checks an order typed and shows the deposit it needs, as
// desk.Session.CheckOrder computes it; « Demande d'acompte (PDF)… » is offered then.
func TestOrderDialog(t *testing.T) {
	a := openDemoApp(t, "fr")
	a.askOrder("C00039")
	var entries []*widget.Entry
	for _, o := range visible(a.win.Canvas().Overlays().Top()) {
		if e, ok := o.(*widget.Entry); ok {
			entries = append(entries, e)
		}
	}
	if len(entries) != 2 {
		t.Fatalf("%d entries in the order dialog", len(entries))
	}
	entries[0].SetText("12 000")
	test.Tap(overlayButton(t, a, "Vérifier"))
	v, err := a.sess.CheckOrder("C00039", "", 1200000, a.asOf)
	if err != nil {
		t.Fatal(err)
	}
	if !hasText(a.win, "Acompte à demander : "+a.money(v.Deposit)) {
		t.Errorf("no deposit shown; texts %q", texts(a.win))
	}
	if overlayButton(t, a, "Demande d’acompte (PDF)…").Disabled() {
		t.Error("the deposit request is not offered")
	}
	entries[0].SetText("douze")
	test.Tap(overlayButton(t, a, "Vérifier"))
	if !hasText(a.win, "«\u00a0douze\u00a0»") || !overlayButton(t, a, "Demande d’acompte (PDF)…").Disabled() {
		t.Errorf("a bad amount: texts %q", texts(a.win))
	}
}
