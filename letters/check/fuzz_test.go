package check

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzCheck feeds arbitrary text to the whole engine (normalisation, segmentation,
// entities, rules, merge, fixes): it never panics, and every finding and section lies
// inside the letter (rune offsets), with fixes that apply without panicking.
func FuzzCheck(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "letters", "*.txt"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b), uint8(len(p)))
		}
	}
	f.Add("", uint8(0))
	f.Add("Objet : \n\n\n€€€ 31/02/2026 FA-1 !!", uint8(3))
	f.Add("\x00\xff\xfe l’é 1 234,56 € IBAN FR76 3000", uint8(5))
	e, err := New()
	if err != nil {
		f.Fatal(err)
	}
	stages := []Stage{StagePre, StageR1, StageR2, StageR3, StageMED, StageConf}
	f.Fuzz(func(t *testing.T, text string, k uint8) {
		if len(text) > MaxLetterBytes {
			return // refused before the engine (command line) or not checked (screens)
		}
		opt := Options{Lang: []string{"fr", "en"}[k%2], Stage: stages[int(k)%len(stages)], Audience: []Audience{B2B, B2C, Public}[int(k)%3]}
		res := e.Check(text, opt)
		n := utf8.RuneCountInString(text)
		for _, fd := range res.Findings {
			if fd.Start < -1 || fd.End > n || (fd.Start >= 0 && fd.End < fd.Start) {
				t.Fatalf("finding %s at %d–%d in a %d-rune letter", fd.Rule, fd.Start, fd.End, n)
			}
		}
		for _, p := range res.Parts {
			if p.Start < 0 || p.End > n || p.End < p.Start {
				t.Fatalf("section %v at %d–%d in a %d-rune letter", p.Section, p.Start, p.End, n)
			}
		}
		_ = Apply(text, res.Findings)
	})
}
