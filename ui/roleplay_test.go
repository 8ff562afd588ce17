package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"relance/ledger/classroom"
)

// The role-play window shows both cards of a customer; the grid, ticked, scores live
// and « Enregistrer la note » keeps it with the trainee once, however often clicked.
func TestRolePlayWindow(t *testing.T) {
	a := openDemoApp(t, "fr")
	id := "C00039"
	v := a.showRolePlay(id)
	if v == nil {
		t.Fatal("no role-play window")
	}
	if !hasText(a.win, "Fiche du stagiaire : vous appelez le client") {
		t.Errorf("no trainee card; texts %q", texts(a.win))
	}
	v.profile.SetSelectedIndex(1) // Agressif: DESC counts
	if v.cards.Profile != "aggressive" || v.checks["desc"].Disabled() {
		t.Fatalf("profile %s, DESC disabled %v", v.cards.Profile, v.checks["desc"].Disabled())
	}
	tr := classroom.Trainee{Name: "Léa Martin", Added: a.asOf}
	if err := a.sess.SaveTrainee(&tr); err != nil {
		t.Fatal(err)
	}
	v.loadTrainees(tr.ID)
	for _, k := range []string{"contact", "understand", "convince", "conclude", "desc"} {
		test.Tap(v.checks[k])
	}
	v.amount.SetText("1 000,00")
	v.date.SetText(a.date(a.asOf.AddDays(7)))
	v.tone.SetSelected(v.tone.Options[2])
	if v.score.Text != "Note : 14 / 20" { // 8 + 3 + 2 + 1
		t.Errorf("live score %q", v.score.Text)
	}
	test.Tap(v.saveBtn)
	test.Tap(v.saveBtn)
	as, err := a.sess.Attempts(tr.ID)
	if err != nil || len(as) != 1 || as[0].Score.String() != "14" || as[0].OutOf != 20 {
		t.Fatalf("attempts %+v %v", as, err)
	}
	v.amount.SetText("douze")
	if v.score.Text != "Montant promis « douze » illisible (exemple : 1 200,00)" {
		t.Errorf("bad amount shown as %q", v.score.Text)
	}
}
