package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	lettercheck "relance/letters/check"
)

// TestCorrectionScreen drives the trainer view on a flawed sample: findings are listed
// with numbered markers, "fix all" corrects the letter and the diff shows it, training
// mode hides the findings and scores the trainee's marks out of 20.
func TestCorrectionScreen(t *testing.T) {
	a := newTestApp(t, "fr")
	if err := open(t, a, demoFile(t)); err != nil {
		t.Fatal(err)
	}
	a.showScreen(screenCorrection)
	s := a.trainer
	if s.result == nil || len(s.result.Findings) < 10 || s.sample < 0 || s.samples[s.sample].Name != "fr_r1_b2b" {
		t.Fatalf("no check of the first sample: %+v", s.result)
	}
	// the annotated letter carries the markers [1]…[n]
	txt := richText(s.w.annotated)
	if !strings.Contains(txt, "[1]") || !strings.Contains(txt, "[5]") {
		t.Errorf("markers missing: %q", txt)
	}
	if !hasText(a.win, a.t("ui.trainer.missing")) || !hasText(a.win, lettercheck.CategoryLabel("fr", lettercheck.CatTone)) {
		t.Error("findings panel not drawn")
	}
	if !strings.Contains(s.w.note.Text, "Grammalecte") {
		t.Errorf("grammar-off note: %q", s.w.note.Text)
	}
	shot(t, a, "correction-fr")

	before := len(s.result.Findings)
	test.Tap(button(t, a.win, a.t("ui.trainer.fix_all")))
	if len(s.result.Findings) >= before || s.text == s.original || s.w.entry.Text != s.text {
		t.Errorf("fix all: %d → %d findings", before, len(s.result.Findings))
	}
	if d := richText(s.w.diff); !strings.Contains(d, "[-") {
		t.Errorf("diff shows no deletion: %q", d)
	}
	s.w.tabs.SelectIndex(2)
	shot(t, a, "correction-diff-fr")

	// training mode
	test.Tap(button(t, a.win, a.t("ui.trainer.reset")))
	s.training = true
	a.showScreen(screenCorrection)
	if hasText(a.win, a.t("ui.trainer.missing")) {
		t.Error("training mode shows the answers")
	}
	first := s.result.Findings[0]
	s.marks = append(s.marks, lettercheck.Mark{Start: first.Start, End: first.End}, lettercheck.Mark{Start: -1, End: -1, Rule: "CLAR.PAYMENT_MEANS"})
	a.trainer.refreshTrainer()
	shot(t, a, "correction-training-fr")
	test.Tap(button(t, a.win, a.t("ui.trainer.reveal")))
	if s.score == nil || s.score.Found < 2 || s.score.Score <= 0 || s.score.Score >= 20 {
		t.Errorf("score: %+v", s.score)
	}
	if !hasText(a.win, "/ 20") {
		t.Error("score not shown")
	}

	// the report PDF
	path := filepath.Join(t.TempDir(), "r.pdf")
	if err := a.trainer.writeCorrectionReport(path); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(path); err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Errorf("report: %v", err)
	}
}

func richText(r interface{ String() string }) string { return r.String() }

// shot saves a capture to $TRAINER_SHOTS when set (to look at it).
func shot(t *testing.T, a *App, name string) {
	t.Helper()
	dir := os.Getenv("TRAINER_SHOTS")
	if dir == "" {
		return
	}
	a.win.Resize(windowSize())
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, a.win.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}
