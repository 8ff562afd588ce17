package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The card's « Contrat » tab shows what the demo's C00039 accepted and what to fix, as
// `relance contract show` does; « Ajouter une garantie… » records one, a bad amount is
// refused naming it.
func TestContractTab(t *testing.T) {
	a := openDemoApp(t, "fr")
	a.detailTab = 6
	a.showCustomer("C00039")
	v, err := a.sess.ContractOf("C00039", a.asOf)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Tribunal de commerce de Lyon", "Points à régler", v.Findings[0].Text("fr", a.date, a.money)[:40]} {
		if !hasText(a.win, want) {
			t.Errorf("no %q on the tab; texts %q", want, texts(a.win))
		}
	}
	before := len(v.Contract.Guarantees)
	for _, amount := range []string{"beaucoup", "12 500,00"} {
		a.askGuarantee("C00039")
		var entries []*widget.Entry
		for _, o := range visible(a.win.Canvas().Overlays().Top()) {
			if e, ok := o.(*widget.Entry); ok {
				entries = append(entries, e)
			}
		}
		if len(entries) < 5 {
			t.Fatalf("%d entries in the guarantee form", len(entries))
		}
		entries[0].SetText("Banque Populaire")
		entries[1].SetText(amount)
		if amount != "beaucoup" {
			if err := waitLoaded(t, a, func() { test.Tap(overlayButton(t, a, "Enregistrer")) }); err != nil { // read again
				t.Fatal(err)
			}
			continue
		}
		test.Tap(overlayButton(t, a, "Enregistrer"))
		{
			if !hasText(a.win, "«\u00a0beaucoup\u00a0»") {
				t.Errorf("a bad amount is not refused by name; texts %q", texts(a.win))
			}
			test.Tap(overlayButton(t, a, "OK"))
		}
	}
	v2, err := a.sess.ContractOf("C00039", a.asOf)
	if err != nil {
		t.Fatal(err)
	}
	if len(v2.Contract.Guarantees) != before+1 || v2.Contract.Guarantees[len(v2.Contract.Guarantees)-1].Amount != 1250000 {
		t.Errorf("guarantees %+v", v2.Contract.Guarantees)
	}
}

// A refused contract form comes back with what was typed, under the message naming the
// field and value; corrected, it is saved.
func TestContractFormRefusal(t *testing.T) {
	a := openDemoApp(t, "fr")
	a.askContract("C00039")
	fill := func(field int, text string) {
		t.Helper()
		var entries []*widget.Entry
		for _, o := range visible(a.win.Canvas().Overlays().Top()) {
			if e, ok := o.(*widget.Entry); ok {
				entries = append(entries, e)
			}
		}
		if len(entries) < 5 {
			t.Fatalf("%d entries in the contract form", len(entries))
		}
		entries[field].SetText(text)
	}
	fill(0, "CGV 2027-01")
	fill(2, "beaucoup") // the late-penalty rate
	test.Tap(overlayButton(t, a, "Enregistrer"))
	if !hasText(a.win, "valeur invalide pour Taux des pénalités de retard") || !hasText(a.win, "beaucoup\u00a0»") {
		t.Fatalf("no refusal naming the field and value; texts %q", texts(a.win))
	}
	test.Tap(overlayButton(t, a, "OK"))
	found := false
	for _, o := range visible(a.win.Canvas().Overlays().Top()) {
		if e, ok := o.(*widget.Entry); ok && e.Text == "CGV 2027-01" {
			found = true
		}
	}
	if !found {
		t.Fatalf("the form did not come back with what was typed; texts %q", texts(a.win))
	}
	fill(2, "12")
	if err := waitLoaded(t, a, func() { test.Tap(overlayButton(t, a, "Enregistrer")) }); err != nil {
		t.Fatal(err)
	}
	v, err := a.sess.ContractOf("C00039", a.asOf)
	if err != nil || v.Contract.CGV != "CGV 2027-01" || v.Contract.LateRate == nil || v.Contract.LateRate.String() != "12" {
		t.Errorf("saved %+v %v", v.Contract, err)
	}
}
