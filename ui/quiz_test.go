package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"relance/ledger/classroom"
)

// The Correction screen's « Questionnaire… »: without a trainee it says to add one; a
// bad number of questions is refused by name; a quiz of 3 questions answered is scored
// and kept with the trainee, its result shown.
func TestQuizInTheWindow(t *testing.T) {
	a := openDemoApp(t, "fr")
	a.askQuiz()
	if !hasText(a.win, "Aucun stagiaire") {
		t.Fatalf("no trainee: texts %q", texts(a.win))
	}
	test.Tap(overlayButton(t, a, "OK"))
	tr := classroom.Trainee{Name: "Léa Martin", Group: "Lyon", Added: a.asOf}
	if err := a.sess.SaveTrainee(&tr); err != nil {
		t.Fatal(err)
	}
	formEntries := func() []*widget.Entry {
		var es []*widget.Entry
		for _, o := range visible(a.win.Canvas().Overlays().Top()) {
			if e, ok := o.(*widget.Entry); ok {
				es = append(es, e)
			}
		}
		return es
	}
	for _, n := range []string{"beaucoup", "3"} {
		a.askQuiz()
		es := formEntries()
		if len(es) != 2 {
			t.Fatalf("%d entries in the quiz form", len(es))
		}
		es[0].SetText(n)
		test.Tap(overlayButton(t, a, "Commencer"))
		if n == "beaucoup" {
			if !hasText(a.win, "«\u00a0beaucoup\u00a0»") {
				t.Errorf("a bad number is not refused by name; texts %q", texts(a.win))
			}
			test.Tap(overlayButton(t, a, "OK"))
		}
	}
	if !hasText(a.win, "Question 3 sur 3") || !hasText(a.win, "Temps restant") {
		t.Fatalf("the quiz is not shown; texts %q", texts(a.win))
	}
	for _, o := range visible(a.win.Canvas().Overlays().Top()) {
		switch w := o.(type) {
		case *widget.RadioGroup:
			w.SetSelected(w.Options[0])
		case *widget.Entry:
			w.SetText("01/01/2027")
		}
	}
	test.Tap(overlayButton(t, a, "Terminer et noter"))
	as, err := a.sess.Attempts(tr.ID)
	if err != nil || len(as) != 1 || as[0].Kind != classroom.Quiz || as[0].OutOf != 3 || as[0].Module != "all" {
		t.Fatalf("attempts %+v %v", as, err)
	}
	if !hasText(a.win, "sur 20. Le résultat est conservé.") || !hasText(a.win, "Bonne réponse") {
		t.Errorf("the result is not shown; texts %q", texts(a.win))
	}
	test.Tap(overlayButton(t, a, "Fermer"))
}
