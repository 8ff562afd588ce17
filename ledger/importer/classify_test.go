package importer

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// squashWhole is squash as first written: the NFD of the whole string.
func squashWhole(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}

// TestSquashRuneByRune checks that squash, which decomposes rune by rune, gives what
// decomposing the whole string gives: accents precomposed or combining (in any
// order), ligatures, Hangul, other scripts, invalid UTF-8.
func TestSquashRuneByRune(t *testing.T) {
	for _, s := range []string{
		"", "À nouveaux", "A-NOUVEAUX", "Règlement F000123 – chèque", "Avoir n°12 œuvre Æ ß",
		"e\u0301te\u0301", "a\u0323\u0302b", "a\u0302\u0323", "ǅ ǈ ﬁ ² ½ ①", "한국어 カタカナ Ελληνικά ٣٤",
		"RÉJET IMPAYÉ", "\xff\xfeabc\xc3", "x\u0301\u0327\u0308y", "Ⅻ 𝔸𝟘", "İstanbul ıi",
	} {
		if got, want := squash(s), squashWhole(s); got != want {
			t.Errorf("squash(%q) = %q, want %q", s, got, want)
		}
	}
	// Strings drawn from a pool mixing starters and combining marks of several classes.
	pool := []rune("aZ09 -éÈçœÆ\u0301\u0300\u0323\u0327\u0308\u0345\u093c\u05b0한ǅﬁ①İı\u1d165\u0f39Ωщ")
	x := uint32(1)
	for n := 0; n < 5000; n++ {
		var b strings.Builder
		for k := 0; k < 1+n%9; k++ {
			x = x*1664525 + 1013904223
			b.WriteRune(pool[x>>8%uint32(len(pool))])
		}
		if got, want := squash(b.String()), squashWhole(b.String()); got != want {
			t.Fatalf("squash(%q) = %q, want %q", b.String(), got, want)
		}
	}
}

func TestSquashTableSameAsDecomposing(t *testing.T) {
	var all []rune
	for r := rune(0); r < 0x250; r++ {
		all = append(all, r)
		if got, want := squash(string(r)), squashWhole(string(r)); got != want {
			t.Errorf("squash(%q) = %q, want %q", r, got, want)
		}
	}
	for _, s := range []string{string(all), "Règlement PAY01 FA2024-0001", "Chèque impayé n°12", "ŒUVRE ÿ Ā ǅ", "\xff\xfe bad"} {
		if got, want := squash(s), squashWhole(s); got != want {
			t.Errorf("squash(%q) = %q, want %q", s, got, want)
		}
	}
}
