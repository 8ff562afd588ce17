package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"relance/ledger/classroom"
)

// « Préparer une négociation… » on the demo's case study shows the sheet; « Enregistrer
// l'issue… » records an agreement (the payment plan is created) and scores it for the
// trainee chosen.
func TestNegotiationDialog(t *testing.T) {
	a := openDemoApp(t, "fr")
	id, _, err := a.sess.NegotiationCase()
	if err != nil || id == "" {
		t.Fatalf("no case study: %q %v", id, err)
	}
	tr := classroom.Trainee{Name: "Léa Martin", Added: a.asOf}
	if err := a.sess.SaveTrainee(&tr); err != nil {
		t.Fatal(err)
	}
	a.askNegotiation(id)
	if !hasText(a.win, "Objectif") || !hasText(a.win, "Une contrepartie pour chaque concession") {
		t.Fatalf("no sheet; texts %q", texts(a.win))
	}
	test.Tap(overlayButton(t, a, "Enregistrer l’issue…"))
	for _, o := range visible(a.win.Canvas().Overlays().Top()) {
		if s, ok := o.(*widget.Select); ok {
			s.SetSelected("Léa Martin")
		}
	}
	if err := waitLoaded(t, a, func() { test.Tap(overlayButton(t, a, "Enregistrer")) }); err != nil { // read again
		t.Fatal(err)
	}
	sheets, err := a.sess.Negotiations(id)
	if err != nil || len(sheets) != 1 || sheets[0].Outcome == nil || sheets[0].Outcome.Plan == "" {
		t.Fatalf("sheets %+v %v", sheets, err)
	}
	as, err := a.sess.Attempts(tr.ID)
	if err != nil || len(as) != 1 || as[0].Kind != classroom.Negotiation {
		t.Errorf("attempts %+v %v", as, err)
	}
}
