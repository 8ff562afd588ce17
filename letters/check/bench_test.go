package check

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"relance/letters/grammar"
)

// BenchmarkCheckLetter checks a one-page flawed letter (testdata/letters/fr_r2_b2b.txt,
// 1 page, ~230 words) warm, without an external grammar engine.
func BenchmarkCheckLetter(b *testing.B) {
	for _, name := range []string{"fr_r2_b2b.txt", "good_fr_med_b2b.txt", "en_r1_b2b.txt"} {
		src, err := os.ReadFile(filepath.Join("testdata", "letters", name))
		if err != nil {
			b.Fatal(err)
		}
		e := engine(b)
		opt := Options{Lang: "fr", Stage: StageR2, Audience: B2B}
		if name[:2] == "en" {
			opt.Lang = "en"
		}
		e.Check(string(src), opt) // warm
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				e.Check(string(src), opt)
			}
		})
	}
}

// BenchmarkCheckLetterGrammalecte is a whole French check as the editor runs it while
// the user types: the rules, then the warm Grammalecte server (started before the timer).
func BenchmarkCheckLetterGrammalecte(b *testing.B) {
	if err := grammar.Available(grammar.Options{}); err != nil {
		b.Skip("Grammalecte is not installed")
	}
	src, err := os.ReadFile(filepath.Join("testdata", "letters", "good_fr_med_b2b.txt"))
	if err != nil {
		b.Fatal(err)
	}
	g := grammar.New(grammar.Options{})
	defer g.Close()
	if err := g.Start(context.Background()); err != nil {
		b.Fatal(err)
	}
	e := engine(b)
	opt := Options{Lang: "fr", Stage: StageMED, Audience: B2B, Grammar: Grammalecte(g)}
	if res := e.Check(string(src), opt); res.GrammarOff {
		b.Fatalf("grammar off: %s", res.GrammarError)
	}
	b.ResetTimer()
	for b.Loop() {
		e.Check(string(src), opt)
	}
}
