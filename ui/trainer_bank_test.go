package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"relance/ledger/classroom"
	lettercheck "relance/letters/check"
	"relance/letters/exercise"
)

// TestCorrectionClassroom: a letter opened from a file, a trainee chosen in training
// mode, the marks scored and kept, the score in the French number format, the
// checklist by category, the report naming the trainee, the letter saved into the
// bank and listed in the letter selector, and the progress dialog showing the attempt.
func TestCorrectionClassroom(t *testing.T) {
	a := newTestApp(t, "fr")
	if err := open(t, a, demoFile(t)); err != nil {
		t.Fatal(err)
	}
	tr := classroom.Trainee{Name: "Léa Martin", Group: "Lyon", Added: a.today}
	if err := a.sess.SaveTrainee(&tr); err != nil {
		t.Fatal(err)
	}
	a.showScreen(screenCorrection)
	s := a.trainer
	samples, _ := lettercheck.Samples()
	path := filepath.Join(t.TempDir(), "ma-relance.txt")
	if err := os.WriteFile(path, []byte(samples[0].Text), 0o600); err != nil {
		t.Fatal(err)
	}
	s.loadLetterFile(path)
	if s.sample != -1 || s.bankState().source != "ma-relance.txt" || s.text != strings.TrimSpace(samples[0].Text) {
		t.Fatalf("file not loaded: %q", s.bankState().source)
	}
	s.training = true
	s.bankState().trainee = tr.ID
	a.showScreen(screenCorrection)
	if !hasText(a.win, a.t("exercise.ui.new_trainee")) || !hasText(a.win, "Léa Martin (Lyon)") {
		t.Error("no trainee picker in training mode")
	}
	// the checklist names categories and parts of a letter
	if !hasText(a.win, lettercheck.CategoryLabel("fr", lettercheck.CatStructure)) || !hasText(a.win, "Le moyen de paiement") {
		t.Error("checklist by category missing")
	}
	shot(t, a, "correction-classroom-fr")
	first := s.result.Findings[0]
	for _, f := range s.result.Findings {
		if !f.Missing() && f.Severity >= lettercheck.Warning {
			first = f
			break
		}
	}
	s.marks = append(s.marks, lettercheck.Mark{Start: first.Start, End: first.End})
	test.Tap(button(t, a.win, a.t("ui.trainer.reveal")))
	b := s.bankState()
	if s.score == nil || s.score.Found < 1 || b.last == nil || b.last.Exercise != "file:ma-relance.txt" || b.last.Kind != classroom.Letter {
		t.Fatalf("attempt not kept: %+v %+v", s.score, b.last)
	}
	if !hasText(a.win, " / 20 – ") {
		t.Error("score not in the interface's format")
	}
	report := filepath.Join(t.TempDir(), "r.pdf")
	if err := s.writeCorrectionReport(report); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("TRAINER_SHOTS"); dir != "" {
		if b, err := os.ReadFile(report); err == nil {
			_ = os.WriteFile(filepath.Join(dir, "correction-report-trainee.pdf"), b, 0o600)
		}
	}
	if out, err := exec.Command("pdftotext", report, "-").Output(); err == nil && !strings.Contains(string(out), "Stagiaire : Léa Martin") {
		t.Errorf("report without the trainee:\n%s", out)
	}

	// into the bank, then listed in the selector
	e := exercise.Exercise{Title: "Ma relance", Stage: s.stage, Audience: s.audience, Lang: s.lang, Text: s.text, Added: a.today}
	if err := a.sess.SaveExercise(&e); err != nil {
		t.Fatal(err)
	}
	s.training = false
	a.showScreen(screenCorrection)
	if len(s.bankState().list) != 1 {
		t.Fatal("bank not read")
	}
	s.loadExercise(0)
	if cur := s.bankState().current; cur == nil || cur.ID != e.ID || s.currentExercise().ID != e.ID {
		t.Errorf("bank exercise not current: %+v", cur)
	}

	s.showProgress()
	if !hasText(a.win, "Ma relance") && !hasText(a.win, "ma-relance.txt") || !hasText(a.win, a.t("exercise.ui.csv")) {
		t.Error("progress dialog without the attempt")
	}
	shot(t, a, "correction-progress-fr")
	if as, _ := a.sess.Attempts(tr.ID); len(as) != 1 || as[0].Seconds < 0 {
		t.Errorf("attempts: %+v", as)
	}
}
