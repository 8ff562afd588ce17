package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"relance/ledger"
)

// Issue 24: Contentieux › Chèques impayés lists the demo's cheque with its next step
// (the certificate of non-payment, due), shows its steps with their articles once
// selected, records a cheque through the desk's parser (a bad value refused, nothing
// written) and a step on it.
func TestChequeTab(t *testing.T) {
	a := openDemoApp(t, "fr")
	a.legal.tab = 7
	a.showScreen(screenLegal)
	for _, want := range []string{"Enregistrer un chèque impayé", "CH2026-0001", "Demander le certificat de non-paiement"} {
		if !hasText(a.win, want) {
			t.Errorf("the tab lacks %q", want)
		}
	}
	if b := button(t, a.win, "Lettre au tireur…"); !b.Disabled() {
		t.Error("« Lettre au tireur… » enabled with no cheque selected")
	}
	a.legal.more.cheq.selected = "CH2026-0001"
	a.showScreen(screenLegal)
	for _, want := range []string{"Avis de rejet de la banque", "CMF L131-73", "C. civ. 1344", "Défaut ou insuffisance de provision",
		"Première présentation"} {
		if !hasText(a.win, want) {
			t.Errorf("the steps lack %q", want)
		}
	}
	if b := button(t, a.win, "Lettre au tireur…"); b.Disabled() {
		t.Error("« Lettre au tireur… » disabled with a cheque selected")
	}
	if dir := os.Getenv("RELANCE_SHOTS"); dir != "" { // a look at the tab
		if fh, err := os.Create(filepath.Join(dir, "cheques-tab.png")); err == nil {
			_ = png.Encode(fh, a.win.Canvas().Capture())
			fh.Close()
		}
	}
	var cust string
	for _, x := range a.book.Accounts {
		if cust == "" && x.Customer.Kind == ledger.Business {
			cust = x.Customer.ID
		}
	}
	pres, rej := a.date(a.asOf.AddDays(-10)), a.date(a.asOf.AddDays(-8))
	f := chequeForm{customer: cust, number: "555001", bank: "CIC", amount: "800", presented: pres, rejected: rej}
	rev, _ := a.db.Revision()
	bad := f
	bad.amount = "huit cents"
	if err := a.legal.saveCheque(bad); err == nil || !strings.Contains(ledger.Localize(err, "fr"), "Valeur invalide pour « montant » : « huit cents »") {
		t.Errorf("bad amount: %v", err)
	}
	if r, _ := a.db.Revision(); r != rev {
		t.Error("a refused cheque changed the dossier")
	}
	if err := waitLoaded(t, a, func() {
		if err := a.legal.saveCheque(f); err != nil {
			t.Fatal(err)
		}
	}); err != nil {
		t.Fatal(err)
	}
	id := a.legal.more.cheq.selected
	if id == "" || id == "CH2026-0001" {
		t.Fatalf("selected %q", id)
	}
	if err := waitLoaded(t, a, func() {
		if _, err := a.sess.RecordChequeStep(id, "represented", a.date(a.asOf.AddDays(-2)), "", a.today); err != nil {
			t.Fatal(err)
		}
		a.reloadThen("")
	}); err != nil {
		t.Fatal(err)
	}
	a.showScreen(screenLegal)
	for _, want := range []string{id, "555001", "fait le " + a.date(a.asOf.AddDays(-2))} {
		if !hasText(a.win, want) {
			t.Errorf("after recording, the tab lacks %q", want)
		}
	}
}
