package ui

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"relance/ledger"
	"relance/ledger/demo"
)

// bankDay is the day the demo statements (testdata/bank) were written for.
var bankDay = ledger.NewDate(2026, time.December, 4)

// bankDemoApp opens the demo dossier anchored at bankDay in an app whose today is
// bankDay, at 1366×768.
func bankDemoApp(t *testing.T, lang string) *App {
	t.Helper()
	fa := test.NewTempApp(t)
	fa.Preferences().SetString(prefLang, lang)
	fa.Preferences().SetString(prefTheme, themeLight)
	a := newApp(fa, bankDay)
	a.win.Resize(fyne.NewSize(1366, 768))
	t.Cleanup(func() {
		a.closeDossier()
		a.win.Close()
	})
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := demo.Create(path, bankDay); err != nil {
		t.Fatal(err)
	}
	if err := open(t, a, path); err != nil {
		t.Fatal(err)
	}
	return a
}

// bankStep waits for the review's next step (bank events).
func bankStep(t *testing.T, steps <-chan string) string {
	t.Helper()
	select {
	case s := <-steps:
		return s
	case <-time.After(30 * time.Second):
		t.Fatal("no step of the statement's review after 30 s")
	}
	return ""
}

// openBankView opens the statement file of testdata/bank and waits until it is read.
func openBankView(t *testing.T, a *App, file string) *bankView {
	t.Helper()
	steps := eventField[string](t, a, "bank", "step")
	v := a.openStatement(filepath.Join("..", "testdata", "bank", file))
	if s := bankStep(t, steps); s != "read" {
		t.Fatalf("reading %s: step %q; texts %q", file, s, texts(a.win))
	}
	return v
}

// rowAt is the row of the line at pos (« Ntry 3 ») of the statement.
func rowAt(t *testing.T, v *bankView, pos string) *bankRow {
	t.Helper()
	for _, r := range v.rows {
		if v.r.Lines[r.line].Pos == pos {
			return r
		}
	}
	t.Fatalf("no row for %s", pos)
	return nil
}

var isoDate = regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b`)

// The demo camt.053 in the review: one row per credit and return, the safe ones
// chosen (the exact match of Ntry 3 for Chocolaterie Roussel with its reasons), the
// others left aside; a click on a row shows its whole line; « Autre client… »
// adds the customer chosen by hand. A return whose credit is left aside is refused
// with the reason, nothing written and the choices kept; then « Tout ce qui est
// sûr » and « Enregistrer » record the payments and the return, the dossier is read
// again and Chocolaterie Roussel owes 6 632,01 € less.
func TestBankImportReviewAndApply(t *testing.T) {
	a := bankDemoApp(t, "fr")
	before := a.book.Account("C00022").Balance()
	v := openBankView(t, a, "releve-demo.camt053.xml")
	if !hasText(a.win, "Relevé bancaire releve-demo.camt053.xml") || !hasText(a.win, "Crédits à rapprocher : 11") {
		t.Errorf("the review's head: %q", texts(a.win))
	}
	if len(v.rows) != 13 { // 11 credits and 2 returns; the 3 fees and the supplier apart
		t.Errorf("%d rows, want 13", len(v.rows))
	}
	auto := 0
	for _, row := range v.rows {
		bl := v.r.Lines[row.line]
		want := 0
		if bl.Auto {
			want, auto = 1, auto+1
		}
		if got := row.sel.SelectedIndex(); got != want {
			t.Errorf("%s (auto %v): option %d chosen, want %d", bl.Pos, bl.Auto, got, want)
		}
		for _, s := range append(row.sel.Options, row.why.Text) {
			if isoDate.MatchString(s) || strings.Contains(s, "match.why") {
				t.Errorf("%s: %q is not for a French user", bl.Pos, s)
			}
		}
	}
	if auto < 4 {
		t.Errorf("only %d lines safe to record", auto)
	}
	choc := rowAt(t, v, "Ntry 3")
	if s := choc.sel.Selected; !strings.Contains(s, "Chocolaterie Roussel SASU — FA2026-02455 — ") || !strings.HasSuffix(s, " %") {
		t.Errorf("Ntry 3 chose %q", s)
	}
	if !strings.Contains(choc.why.Text, "FA2026-02455") {
		t.Errorf("Ntry 3's reasons: %q", choc.why.Text)
	}
	if ret := rowAt(t, v, "Ntry 9"); !strings.HasPrefix(ret.sel.Options[min(1, len(ret.sel.Options)-1)], "Impayé : reprend le règlement du ") {
		t.Errorf("Ntry 9's options: %q", ret.sel.Options)
	}

	// A left click on the payer's name shows the whole line.
	roy := rowAt(t, v, "Ntry 8")
	test.Tap(roy.box.Objects[1].(*fyne.Container).Objects[2].(*bankCell))
	if v.cur != roy || !strings.Contains(v.detail.Text, "TEXTILES ROY") {
		t.Errorf("a click on Ntry 8: detail %q", v.detail.Text)
	}
	// « Autre client… » (the picker answered by code), then left aside again.
	none := rowAt(t, v, "Ntry 11")
	v.setOther(none, "C00040")
	if c, ok := none.choice(v.r); !ok || c.Customer != "C00040" || c.Items != nil {
		t.Errorf("another customer chosen: %+v %v", c, ok)
	}
	v.setIndex(none, 0)

	// The credit of Ntry 1 left aside, its return Ntry 12 kept: refused.
	v.setIndex(rowAt(t, v, "Ntry 1"), 0)
	rev, _ := a.db.Revision()
	steps := eventField[string](t, a, "bank", "step")
	errs := eventField[string](t, a, "error", "message")
	v.apply()
	if s := bankStep(t, steps); s != "refused" {
		t.Fatalf("a return of a credit left aside: step %q", s)
	}
	if msg := <-errs; !strings.Contains(msg, "choisissez d'abord le client de ce crédit") {
		t.Errorf("the refusal says %q", msg)
	}
	if r, _ := a.db.Revision(); r != rev {
		t.Error("a refused statement changed the dossier")
	}
	if rowAt(t, v, "Ntry 1").sel.SelectedIndex() != 0 || choc.sel.SelectedIndex() != 1 {
		t.Error("the refusal did not keep the choices")
	}

	v.chooseSafe()
	want := len(v.choices())
	written := watchEvents(t, a, "written")
	if err := waitLoaded(t, a, v.apply); err != nil {
		t.Fatal(err)
	}
	ev := <-written
	if ev["what"] != "statement" {
		t.Errorf("written: %v", ev)
	}
	pays, err := a.sess.Payments("")
	if err != nil {
		t.Fatal(err)
	}
	n, returns := 0, 0
	for _, p := range pays {
		if strings.HasPrefix(p.Source, "bank:") {
			n++
			if p.IsReturn() {
				returns++
			}
		}
	}
	if n != want || returns < 1 {
		t.Errorf("%d payments from the statement (%d returns), want %d", n, returns, want)
	}
	if after := a.book.Account("C00022").Balance(); before-after != 663201 {
		t.Errorf("C00022's balance went from %s to %s", before, after)
	}
	if !hasText(a.win, "Règlements enregistrés : ") {
		t.Errorf("no summary; texts %q", texts(a.win))
	}

	// The same file again: its lines are recorded, the review says so.
	again := openBankView(t, a, "releve-demo.camt053.xml")
	if again.r.Seen == nil || !hasText(a.win, "déjà été importé le 04/12/2026") || !hasText(a.win, "Déjà enregistré (") {
		t.Errorf("the second import: %q", texts(a.win))
	}
}

// A file that is not a statement is refused with the reader's message; without a
// dossier the menu item says to open one.
func TestBankImportRefusals(t *testing.T) {
	a := newTestApp(t, "fr")
	a.chooseStatement()
	if !hasText(a.win, "Ouvrez d'abord un dossier") {
		t.Errorf("no dossier: %q", texts(a.win))
	}
	a = bankDemoApp(t, "en")
	steps := eventField[string](t, a, "bank", "step")
	a.openStatement(filepath.Join("..", "testdata", "bank", "bad", "montant-illisible.camt053.xml"))
	if s := bankStep(t, steps); s != "failed" {
		t.Fatalf("an unreadable amount: step %q", s)
	}
	if !hasText(a.win, "The statement cannot be read") || !hasText(a.win, "montant-illisible.camt053.xml") {
		t.Errorf("the refusal: %q", texts(a.win))
	}
}
