package desk_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"relance/desk"
	"relance/ledger/classroom"
	"relance/ledger/quiz"
	"relance/letters/certificate"
)

// A quiz answered is scored by the bank and kept with its trainee; the certificate
// sums up every attempt.
func TestQuizScoredAndKept(t *testing.T) {
	s := openDemo(t)
	tr := classroom.Trainee{Name: "Noé Petit", Group: "Lyon décembre", Added: anchor}
	if err := s.SaveTrainee(&tr); err != nil {
		t.Fatal(err)
	}
	in := desk.QuizAnswers{Trainee: "Noé Petit", Module: "prevent", Lang: "fr", Seconds: 95, Date: anchor, By: "formateur",
		Given: []quiz.Given{{ID: "prevent-1", Answer: "30/04/2027"}, {ID: "prevent-2", Answer: "15/09/2026"},
			{ID: "prevent-4", Answer: "2"}, {ID: "prevent-3", Answer: ""}}}
	res, a, err := s.ScoreQuiz(in)
	if err != nil {
		t.Fatal(err)
	}
	if res.Score != 2 || res.OutOf != 4 || a.ID == "" || a.Kind != classroom.Quiz || a.Module != "prevent" || a.Seconds != 95 {
		t.Fatalf("result %+v attempt %+v", res, a)
	}
	kept, _ := s.Attempts(tr.ID)
	if len(kept) != 1 || kept[0].On20().String() != "10" {
		t.Fatalf("kept %+v", kept)
	}
	var detail struct {
		Lines []quiz.Line `json:"lines"`
	}
	if err := json.Unmarshal(kept[0].Detail, &detail); err != nil || len(detail.Lines) != 4 || detail.Lines[1].Right != "15/09/2027" {
		t.Errorf("detail %s %v", kept[0].Detail, err)
	}

	// refused, nothing written
	for _, c := range []struct {
		mod, who, id, key string
	}{{"prevent", "Personne", "prevent-1", "classroom.err.trainee"}, {"astrology", "Noé Petit", "prevent-1", "quiz.err.module"},
		{"prevent", "Noé Petit", "zz-1", "quiz.err.question"}} {
		bad := in
		bad.Module, bad.Trainee, bad.Given = c.mod, c.who, []quiz.Given{{ID: c.id, Answer: "1"}}
		if _, _, err := s.ScoreQuiz(bad); !isProblem(err, c.key) {
			t.Errorf("%+v: %v", c, err)
		}
	}
	if kept, _ := s.Attempts(tr.ID); len(kept) != 1 {
		t.Errorf("a refused quiz wrote %d attempts", len(kept)-1)
	}

	sum, err := s.Certificate("Noé Petit", "fr", anchor)
	if err != nil || len(sum.Attempts) != 1 || sum.Trainee.ID != tr.ID {
		t.Fatalf("certificate %+v %v", sum, err)
	}
	var buf bytes.Buffer
	if err := certificate.Render(&buf, sum, nil); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(t.TempDir(), "c.pdf")
	if err := os.WriteFile(pdf, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Skip("pdftotext:", err)
	}
	for _, want := range []string{"Noé Petit", "Prévenir le contentieux client", "Questionnaire", "10 / 20", "2/4"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("certificate lacks %q:\n%s", want, out)
		}
	}
}
