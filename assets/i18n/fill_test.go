package i18n

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestFillIsReplacer checks fill against strings.NewReplacer on messages and arguments
// drawn from a small alphabet of braces and names (so that names nest, repeat, are
// missing or empty).
func TestFillIsReplacer(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	parts := []string{"{", "}", "a", "b", "ab", "{a}", "{b}", "{}", " ", "é", "{ab}", "{a{b}"}
	draw := func(n int) string {
		var b strings.Builder
		for range r.IntN(n) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		return b.String()
	}
	names := []string{"a", "b", "ab", "", "x"} // names are identifiers: no braces
	for range 20000 {
		s := draw(12)
		var args []string
		for range r.IntN(4) {
			args = append(args, names[r.IntN(len(names))], draw(4))
		}
		if r.IntN(5) == 0 {
			args = append(args, "a") // an odd argument is ignored
		}
		pairs := make([]string, 0, len(args))
		for i := 0; i+1 < len(args); i += 2 {
			pairs = append(pairs, "{"+args[i]+"}", args[i+1])
		}
		if got, want := fill(s, args), strings.NewReplacer(pairs...).Replace(s); got != want {
			t.Fatalf("fill(%q, %q) = %q, want %q", s, args, got, want)
		}
	}
}
