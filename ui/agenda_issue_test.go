package ui

import (
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"

	"relance/ledger/dunning"
	"relance/ledger/store"
	"relance/letters/archive"
	lettercheck "relance/letters/check"
	"relance/letters/templates"
)

// The day's agenda speaks in words: no step code, no ISO date, no raw priority; the
// priority column reads "rank – level".
func TestAgendaInWords(t *testing.T) {
	a := openDemoApp(t, "fr")
	a.showScreen(screenReminders)
	if len(a.agenda.ag.Entries) == 0 {
		t.Fatal("no agenda")
	}
	a.agenda.selected = 0
	a.showScreen(screenReminders)
	iso := regexp.MustCompile(`\b20\d\d-\d\d-\d\d\b`)
	for _, s := range texts(a.win) {
		if iso.MatchString(s) || strings.Contains(s, "J-") || strings.Contains(s, "étape pre") {
			t.Errorf("code or ISO date on the agenda: %q", s)
		}
	}
	if !slices.ContainsFunc(texts(a.win), regexp.MustCompile(`^Priorité \d+ sur \d+ \((Haute|Moyenne|Basse)\) : `).MatchString) {
		t.Errorf("no rank, level and reason of the priority; texts: %q", texts(a.win))
	}
}

// Issuing the day's letters archives each letter kept and writes its PDF beside the
// dossier; a letter left out stays on the agenda.
func TestIssueLetters(t *testing.T) {
	a := openDemoApp(t, "fr")
	todo := todaysLetters(t, a)
	res, err := a.agenda.issueLetters(todo[:1])
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 1 || res[0].record == "" || res[0].path == "" {
		t.Fatalf("result: %+v", res)
	}
	if b, err := os.ReadFile(res[0].path); err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Errorf("PDF %s: %v", res[0].path, err)
	}
	var recs []archive.Record
	if err := a.db.View(func(tx *store.Tx) error {
		var err error
		recs, err = archive.List(tx, archive.Filter{})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if len(recs) == 0 || recs[0].Customer != todo[0].Customer && recs[len(recs)-1].Customer != todo[0].Customer {
		t.Errorf("archive: %+v", recs)
	}
	a.agenda.showIssued(res, "")
	if !hasText(a.win, a.t("ui.agenda.issue_folder")) {
		t.Error("no result list after issuing")
	}
}

// « Écrire une lettre… » opens the editor tab, even after the archive was shown; its
// « Corriger » carries the draft into the Correction screen, checked.
func TestWriteLetterAndCorrect(t *testing.T) {
	a := openDemoApp(t, "fr")
	a.lettersView.tab = 1
	id := a.lettersView.firstOverdueCustomer()
	a.lettersView.writeLetter(id)
	if a.screen != screenLetters || a.lettersView.tab != 0 || a.lettersView.customer != id {
		t.Fatalf("screen %d tab %d customer %q", a.screen, a.lettersView.tab, a.lettersView.customer)
	}
	if !hasText(a.win, "1re relance") || !hasText(a.win, "Français") {
		t.Errorf("stage or language not in words; texts: %q", texts(a.win))
	}
	a.trainer.correctDraft("Madame, vous devez payer. Sinon saisie de vos biens.", "r1", "fr", a.book.Account(id))
	if a.screen != screenCorrection || a.trainer.sample != -1 || a.trainer.result == nil || len(a.trainer.result.Findings) == 0 {
		t.Fatalf("correction: screen %d, result %+v", a.screen, a.trainer.result)
	}
	for _, s := range texts(a.win) {
		if strings.Contains(s, "LEGAL.") || strings.Contains(s, "STRUCT.") || strings.Contains(s, "→") {
			t.Errorf("rule ID or arrow shown outside the detail mode: %q", s)
		}
	}
}

// The trainee's score has the decimal comma and the right plural in French.
func TestScoreText(t *testing.T) {
	a := openDemoApp(t, "fr")
	got := a.trainer.scoreText(&lettercheck.TrainingScore{Score: 0.5, Found: 1, Expected: 4, FalseMarks: 2})
	if !strings.Contains(got, "0,5 / 20") || !strings.Contains(got, "1 constat trouvé sur 4") || !strings.Contains(got, "2 marques erronées") {
		t.Errorf("score: %q", got)
	}
}

// The day's letters are written with the dossier's edited template of their stage, as
// the command line writes them (they once fell back to the shipped one).
func TestIssueLettersUseEditedTemplates(t *testing.T) {
	a := openDemoApp(t, "fr")
	todo := todaysLetters(t, a)
	st, err := templates.ParseStage(todo[0].Template)
	if err != nil {
		t.Fatal(err)
	}
	lang := a.book.Account(todo[0].Customer).Customer.Language()
	tpl, err := templates.Shipped(st, lang)
	if err != nil {
		t.Fatal(err)
	}
	edited := *tpl
	edited.Subject = "Objet modifié par le cabinet"
	if err := a.sess.SaveTemplate(&edited, "test", anchor); err != nil {
		t.Fatal(err)
	}
	res, err := a.agenda.issueLetters(todo[:1])
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 1 || res[0].record == "" {
		t.Fatalf("result: %+v", res)
	}
	out, err := exec.Command("pdftotext", res[0].path, "-").Output()
	if err != nil {
		t.Skipf("pdftotext: %v", err)
	}
	if !strings.Contains(string(out), "Objet modifié par le cabinet") {
		t.Errorf("the letter was not written with the edited template:\n%s", out)
	}
}

// todaysLetters returns the letters on the agenda of the demo open in a (skipping the
// test when there are none).
func todaysLetters(t *testing.T, a *App) []dunning.Entry {
	t.Helper()
	if err := a.agenda.loadAgenda(); err != nil {
		t.Fatal(err)
	}
	todo := a.agenda.ag.Writings([]dunning.Channel{dunning.ChanLetter}, false)
	if len(todo) == 0 {
		t.Skip("no letter on the demo's agenda")
	}
	return todo
}
