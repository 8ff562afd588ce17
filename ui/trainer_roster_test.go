package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"relance/ledger/classroom"
)

// TestAddGroup: in the trainees' dialog, « Ajouter un groupe… » takes three pasted names,
// one already enrolled in the group: two are added, the third named; the dialog then
// shows the group. A name too long brings the form back with what was typed and the
// message naming the pasted list's line; a file in Latin-1 is refused before it fills
// the form, a CSV from Excel fills it without its BOM and Windows line ends.
func TestAddGroup(t *testing.T) {
	a := newTestApp(t, "fr")
	if err := open(t, a, demoFile(t)); err != nil {
		t.Fatal(err)
	}
	lea := classroom.Trainee{Name: "Léa Martin", Group: "Lyon", Added: a.today}
	if err := a.sess.SaveTrainee(&lea); err != nil {
		t.Fatal(err)
	}
	a.showScreen(screenCorrection)
	a.trainer.showProgress()
	test.Tap(dialogButton(t, a, a.t("classroom.ui.add_group")))
	es := groupForm(a)
	if len(es) != 2 || es[0].Text != "" || !hasText(a.win, "Un nom par ligne") || !hasText(a.win, "Depuis un fichier…") {
		t.Fatalf("form: %d entries; texts %q", len(es), texts(a.win))
	}
	es[0].SetText("Lyon")
	es[1].SetText("Paul Roux\n léa  martin\nZoé Petit\n")
	test.Tap(overlayButton(t, a, a.t("exercise.ui.add")))
	ts, _ := a.sess.Trainees()
	if len(ts) != 3 || ts[2].Name != "Zoé Petit" || ts[2].Group != "Lyon" || ts[2].Added != a.today {
		t.Fatalf("trainees %+v", ts)
	}
	if !hasText(a.win, "2 stagiaires ajoutés (groupe Lyon) ; déjà inscrit : Léa Martin.") {
		t.Errorf("no summary; texts %q", texts(a.win))
	}
	test.Tap(overlayButton(t, a, "OK"))
	if !hasText(a.win, "Zoé Petit (Lyon)") || !hasText(a.win, "Lyon") {
		t.Errorf("dialog not redrawn; texts %q", texts(a.win))
	}

	// refused: the form comes back, the group filter of the dialog given, what was typed kept
	test.Tap(dialogButton(t, a, a.t("classroom.ui.add_group")))
	es = groupForm(a)
	if es[0].Text != "Lyon" {
		t.Errorf("group not prefilled: %q", es[0].Text)
	}
	typed := "Ana Bel\n" + strings.Repeat("x", 201)
	es[1].SetText(typed)
	test.Tap(overlayButton(t, a, a.t("exercise.ui.add")))
	es = groupForm(a)
	if len(es) != 2 || es[1].Text != typed || es[0].Text != "Lyon" || !hasText(a.win, "liste collée, ligne 2 : texte trop long") {
		t.Errorf("refusal: %q", texts(a.win))
	}
	if ts, _ := a.sess.Trainees(); len(ts) != 3 {
		t.Errorf("a refused list added trainees: %d", len(ts))
	}

	dir := t.TempDir()
	latin := filepath.Join(dir, "latin1.csv")
	_ = os.WriteFile(latin, []byte("Nom;Groupe\r\nH\xe9l\xe8ne Roy;Nice\r\n"), 0o600)
	if _, err := readRoster(latin); err == nil || !strings.Contains(err.Error(), "latin1.csv, line 2") {
		t.Errorf("latin-1: %v", err)
	}
	excel := filepath.Join(dir, "liste.csv")
	_ = os.WriteFile(excel, []byte("\ufeffNom;Groupe\r\nHélène Roy;Nice\r\n"), 0o600)
	if text, err := readRoster(excel); err != nil || text != "Nom;Groupe\nHélène Roy;Nice" {
		t.Errorf("excel: %q %v", text, err)
	}
	shot(t, a, "correction-add-group-fr")
}

// groupForm returns the entries of the « Ajouter un groupe » form on top: the group's,
// then the names'.
func groupForm(a *App) []*widget.Entry {
	es := overlayEntries(a)
	if len(es) == 2 && es[0].MultiLine {
		es[0], es[1] = es[1], es[0]
	}
	return es
}
