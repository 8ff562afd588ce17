package desk_test

import (
	"encoding/json"
	"strings"
	"testing"

	"relance/desk"
	"relance/ledger/classroom"
	"relance/letters/check"
	"relance/letters/exercise"
)

// A trainee's marks on a bank exercise are scored against the trainer's expected
// rules and kept as a letter attempt with its detail; the progress finds it; a bank
// letter saved twice is refused; the bank round-trips through its file.
func TestScoreLetterAndBank(t *testing.T) {
	s := openDemo(t)
	tr := classroom.Trainee{Name: "Léa Martin", Group: "Lyon", Added: anchor}
	if err := s.SaveTrainee(&tr); err != nil {
		t.Fatal(err)
	}
	sm, err := s.LetterExercise("fr_r1_b2b", "fr")
	if err != nil || sm.Stage != check.StageR1 || sm.Text == "" {
		t.Fatalf("sample: %+v %v", sm, err)
	}
	e := exercise.Exercise{Title: "Relance 1 – ton", Stage: sm.Stage, Audience: sm.Audience, Lang: "fr", Text: sm.Text,
		Expected: []string{"TONE.ACCUSATORY", "CLAR.PAYMENT_MEANS"}, Added: anchor}
	if err := s.SaveExercise(&e); err != nil || e.ID != "EX0001" {
		t.Fatalf("save: %+v %v", e, err)
	}
	unfair := e
	unfair.Expected = []string{"LEGAL.MED_WORDS"} // a formal notice's words: not expected in a first reminder
	if err := s.SaveExercise(&unfair); !isProblem(err, "exercise.err.not_found") {
		t.Errorf("expected finding the checker does not find: %v", err)
	}
	dup := e
	dup.ID = ""
	if err := s.SaveExercise(&dup); !isProblem(err, "exercise.err.duplicate") {
		t.Errorf("duplicate: %v", err)
	}
	ex, err := s.LetterExercise("EX0001", "fr")
	if err != nil {
		t.Fatal(err)
	}
	at := len([]rune(sm.Text[:strings.Index(sm.Text, "Vous n'avez")]))
	eng, err := check.New()
	if err != nil {
		t.Fatal(err)
	}
	other := check.Mark{Start: -1}
	for _, f := range eng.Check(sm.Text, check.Options{Lang: "fr", Stage: sm.Stage, Audience: sm.Audience}).Findings {
		if f.Rule == "TYPO.EXCLAMATION" { // a real fault the trainer did not list
			other = check.Mark{Start: f.Start, End: f.End}
		}
	}
	marks := []check.Mark{{Start: at, End: at + 4}, other, {Start: -1, End: -1, Rule: "CLAR.PAYMENT_MEANS"}}
	a, sc, err := s.ScoreLetter(desk.LetterTry{Trainee: "Léa Martin", Exercise: ex, Marks: marks, Seconds: 125, Date: anchor})
	if err != nil {
		t.Fatal(err)
	}
	// both expected rules found; « !! » is a real fault though not listed: not false
	if sc.Found != 2 || sc.Expected != 2 || sc.FalseMarks != 0 || sc.Extra != 1 || other.Start < 0 || a.Score.String() != "20" || a.Exercise != "EX0001" || a.Seconds != 125 {
		t.Errorf("score %+v attempt %+v", sc, a)
	}
	var d desk.LetterDetail
	if err := json.Unmarshal(a.Detail, &d); err != nil || len(d.Marks) != 3 || len(d.Expected) != 2 || !d.Expected[0].Found || d.Expected[0].Text == "" {
		t.Errorf("detail %s %v", a.Detail, err)
	}
	p, err := s.Progress("", "Lyon")
	if err != nil || len(p.Trainees) != 1 || len(p.Trainees[0].Attempts) != 1 || p.Average.String() != "20" {
		t.Errorf("progress %+v %v", p, err)
	}
	if _, err := s.Progress("", "Paris"); !isProblem(err, "exercise.err.group") {
		t.Errorf("unknown group: %v", err)
	}
	file, err := s.ExportExercises()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteExercise("EX0001"); err != nil {
		t.Fatal(err)
	}
	im, err := s.ImportExercises("banque.json", file, "", anchor)
	if err != nil || len(im.Added) != 1 || im.Added[0].ID != "EX0002" {
		t.Errorf("import %+v %v", im, err)
	}
	if _, err := s.LetterExercise("EX0009", "fr"); !isProblem(err, "exercise.err.unknown") {
		t.Errorf("unknown: %v", err)
	}
}
