package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"relance/ledger"
)

// Issue 22: Contentieux › Après jugement records a decision through the desk's parser
// (a bad value refused, nothing written), lists it with its enforcement deadline,
// shows its décompte with the L313-3 lines at the date typed, takes a payment, and
// saves nothing without a décompte.
func TestJudgmentTab(t *testing.T) {
	a := openDemoApp(t, "fr")
	a.legal.tab = 6
	a.showScreen(screenLegal)
	// (the tab's title, « Après jugement », may sit in the tab bar's overflow menu at this width)
	for _, want := range []string{"Enregistrer une décision…", "Aucune décision enregistrée"} {
		if !hasText(a.win, want) {
			t.Errorf("the tab lacks %q", want)
		}
	}
	if b := button(t, a.win, "Enregistrer le PDF…"); !b.Disabled() {
		t.Error("« Enregistrer le PDF… » enabled with no décompte")
	}
	var cust string
	for _, x := range a.book.Accounts {
		if cust == "" && x.Customer.Kind == ledger.Business {
			cust = x.Customer.ID
		}
	}
	f := judgmentForm{customer: cust, court: "Tribunal de commerce de Lyon", ref: "RG 2025/123", decision: "10/03/2025",
		enforceable: "15/04/2025", principal: "10 000", art700: "1 500", costs: "80", kind: 1}

	rev, _ := a.db.Revision()
	bad := f
	bad.decision = "10/13/2025"
	if err := a.legal.saveJudgment(bad); err == nil || !strings.Contains(ledger.Localize(err, "fr"), "Valeur invalide pour « date de la décision » : « 10/13/2025 »") {
		t.Errorf("bad date: %v", err)
	}
	bad = f
	bad.rateKind = 1 // a fixed rate, not typed
	if err := a.legal.saveJudgment(bad); err == nil || !strings.Contains(ledger.Localize(err, "fr"), "saisissez le taux") {
		t.Errorf("fixed rate not typed: %v", err)
	}
	if r, _ := a.db.Revision(); r != rev {
		t.Error("a refused decision changed the dossier")
	}

	if err := waitLoaded(t, a, func() {
		if err := a.legal.saveJudgment(f); err != nil {
			t.Fatal(err)
		}
	}); err != nil {
		t.Fatal(err)
	}
	s := &a.legal.more.judg
	if s.selected != "JG2025-0001" {
		t.Fatalf("selected %q", s.selected)
	}
	s.at = "30/09/2025"
	a.legal.computeJudgment()
	a.showScreen(screenLegal)
	for _, want := range []string{"JG2025-0001", "15/04/2035", "CMF L313-2, L313-3", "8,71", "Exécution forcée possible jusqu'au 15/04/2035",
		"total dû au 30/09/2025", "CPC 695", "C. civ. 1231-7"} {
		if !hasText(a.win, want) {
			t.Errorf("the décompte lacks %q", want)
		}
	}
	if s.result == nil || s.result.Totals.TotalDue != 1037947+158000 {
		t.Errorf("total due %+v", s.result)
	}
	if b := button(t, a.win, "Enregistrer le PDF…"); b.Disabled() {
		t.Error("« Enregistrer le PDF… » disabled with a décompte")
	}
	if dir := os.Getenv("RELANCE_SHOTS"); dir != "" { // a look at the tab
		if fh, err := os.Create(filepath.Join(dir, "judgment-tab.png")); err == nil {
			_ = png.Encode(fh, a.win.Canvas().Capture())
			fh.Close()
		}
	}

	// A payment: the same imputation as the command line.
	if err := waitLoaded(t, a, func() {
		if _, err := a.sess.AddJudgmentPayment(s.selected, "30/09/2025", "1 580", "VIR 42", a.today); err != nil {
			t.Fatal(err)
		}
		a.legal.computeJudgment()
		a.reloadThen("")
	}); err != nil {
		t.Fatal(err)
	}
	if s.result == nil || s.result.Totals.TotalDue != 1037947 {
		t.Errorf("after the payment: %+v", s.result)
	}
	a.showScreen(screenLegal)
	if !hasText(a.win, "VIR 42") {
		t.Error("the payment is not shown")
	}
}
