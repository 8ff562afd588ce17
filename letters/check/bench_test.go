package check

import (
	"os"
	"path/filepath"
	"testing"
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
