package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"

	"relance/ledger/demo"
	"relance/ledger/store"
	"relance/letters/archive"
)

// The Courriers screen shows the library, the preview of the chosen customer's letter,
// and issuing adds the letter to the archive. LETTERS_SHOT=DIR keeps captures.
func TestLettersScreen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := demo.Create(path, anchor); err != nil {
		t.Fatal(err)
	}
	a := newTestApp(t, "fr")
	if err := open(t, a, path); err != nil {
		t.Fatal(err)
	}
	a.showScreen(screenLetters)
	a.win.Resize(windowSize())
	for _, want := range []string{a.t("ui.let.tab.templates"), a.t("ui.let.save"), a.t("ui.let.issue")} {
		if !hasText(a.win, want) {
			t.Errorf("%q not drawn", want)
		}
	}
	shot := func(name string) {
		if dir := os.Getenv("LETTERS_SHOT"); dir != "" {
			f, _ := os.Create(filepath.Join(dir, name+".png"))
			png.Encode(f, a.win.Canvas().Capture())
			f.Close()
		}
	}
	shot("letters-fr")
	tpl, err := a.lettersView.letterTemplate(a.lettersView.stage, "fr")
	if err != nil {
		t.Fatal(err)
	}
	a.lettersView.issueLetter(tpl, a.lettersView.customer)
	var recs []archive.Record
	a.db.View(func(tx *store.Tx) error { recs, err = archive.List(tx, archive.Filter{}); return err })
	if len(recs) != 1 || recs[0].Customer != a.lettersView.customer {
		t.Fatalf("archive: %+v %v", recs, err)
	}
	a.showScreen(screenLetters)
	shot("letters-after-issue-fr")
}

// The letters editor checks the composed letter as it is edited: the shipped R1 checks
// without an error for a demo customer, and a threat typed into the body is reported.
func TestLettersEditorChecksLive(t *testing.T) {
	a := openDemoApp(t, "fr")
	a.lettersView.customer = a.lettersView.firstOverdueCustomer()
	a.showScreen(screenLetters)
	waitText := func(want string) bool {
		for i := 0; i < 40; i++ {
			time.Sleep(50 * time.Millisecond)
			if hasText(a.win, want) {
				return true
			}
		}
		return false
	}
	if !waitText(a.t("ui.let.check_summary", "total", "")[:12]) {
		t.Fatalf("no check summary under the editor; texts: %q", texts(a.win))
	}
	var body *widget.Entry
	for _, o := range visible(a.win.Content()) {
		if e, ok := o.(*widget.Entry); ok && e.MultiLine {
			body = e
		}
	}
	if body == nil {
		t.Fatal("no body editor")
	}
	body.SetText(body.Text + "\n\nSans règlement sous 48 heures, nous procéderons à la saisie de vos biens et préviendrons votre employeur.")
	if !waitText("Menace illicite") || hasText(a.win, "LEGAL.UNLAWFUL_THREAT") {
		t.Errorf("the threat typed in the body was not reported in words (without its rule ID); texts: %q", texts(a.win))
	}
}
