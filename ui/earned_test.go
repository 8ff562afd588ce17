package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The dashboard's « Résultats des relances » tab computes what collection brought in
// over the 90 days up to the as-of date, and values the DSO at the rate typed.
func TestEarnedTab(t *testing.T) {
	a := openDemoApp(t, "fr")
	computed := watchEvents(t, a, "computed")
	a.dash.tab = 2
	a.showScreen(screenDashboard)
	wait := func() {
		t.Helper()
		deadline := time.After(30 * time.Second)
		for {
			select {
			case f := <-computed:
				if f["what"] == "earned" {
					return
				}
			case <-deadline:
				t.Fatal("what collection earned not computed after 30 s")
			}
		}
	}
	wait()
	for _, s := range []string{"Ce que la relance a rapporté du", "Courriers et e-mails", "Sans action dans les 30 jours",
		"Encaissé sur la période", "Indiquez le taux de financement"} {
		if !hasText(a.win, s) {
			t.Errorf("no %q on the tab", s)
		}
	}
	entry := entryWithPlaceholder(t, a, "4,5")
	test.Type(entry, "4,5")
	test.Tap(button(t, a.win, "Calculer"))
	wait()
	if !hasText(a.win, "au taux de financement de 4,5 %") {
		t.Errorf("the value at 4,5 %% is not shown: %q", texts(a.win))
	}
}

// entryWithPlaceholder finds the visible entry whose placeholder is ph.
func entryWithPlaceholder(t *testing.T, a *App, ph string) *widget.Entry {
	t.Helper()
	for _, o := range visible(a.win.Content()) {
		if e, ok := o.(*widget.Entry); ok && e.PlaceHolder == ph {
			return e
		}
	}
	t.Fatalf("no entry %q on screen", ph)
	return nil
}
