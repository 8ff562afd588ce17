package check

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// text is a letter prepared for the checkers: the normalised runes (NFC, typographic
// apostrophes folded to ', every kind of space folded to ' ') with, for each of them,
// the offset of the rune it comes from in the original, so that findings always point
// into what the user wrote.
type text struct {
	orig  []rune // the original runes
	runes []rune // normalised runes
	src   []int  // src[i] = offset in orig of runes[i]; len(runes)+1 entries
	s     string // string(runes), for the regexps
	// byteRune maps a byte offset of s to a rune offset of runes (len(s)+1 entries).
	byteRune []int
	// word starts (byte offsets) and their lower-case first runes, computed once
	starts []int
	firsts []rune
}

// foldRune folds the typographic variants the rules do not care about.
func foldRune(r rune) rune {
	switch r {
	case '\u2019', '\u2018', '\u02bc', '\u2032', '`', '\u00b4':
		return '\''
	case '\u00a0', '\u202f', '\u2009', '\u2007', '\u2002', '\u2003', '\t':
		return ' '
	case '\u2013', '\u2014', '\u2212':
		return '-'
	case '\u201c', '\u201d', '\u201e':
		return '"'
	case '\r':
		return '\n'
	}
	return r
}

// normalize prepares s. Invalid UTF-8 bytes become U+FFFD (they count as one rune, as
// in the original conversion to []rune).
func normalize(s string) *text {
	t := &text{orig: []rune(s)}
	t.runes = make([]rune, 0, len(t.orig))
	t.src = make([]int, 0, len(t.orig)+1)
	// NFC per segment between boundaries: a segment of k original runes gives m runes;
	// each normalised rune points at the segment's first original rune.
	i := 0
	var buf []byte
	for i < len(t.orig) {
		j := i + 1
		for j < len(t.orig) && !starter(t.orig[j]) {
			j++
		}
		if j == i+1 {
			t.runes = append(t.runes, foldRune(t.orig[i]))
			t.src = append(t.src, i)
		} else {
			buf = buf[:0]
			for _, r := range t.orig[i:j] {
				buf = utf8.AppendRune(buf, r)
			}
			for _, r := range string(norm.NFC.Bytes(buf)) {
				t.runes = append(t.runes, foldRune(r))
				t.src = append(t.src, i)
			}
		}
		i = j
	}
	// \r\n counts as two runes in the original; both folded to \n would make an empty
	// line: keep \r as a space when followed by \n.
	for k := 0; k+1 < len(t.runes); k++ {
		if t.orig[t.src[k]] == '\r' && t.runes[k+1] == '\n' {
			t.runes[k] = ' '
		}
	}
	t.src = append(t.src, len(t.orig))
	t.s = string(t.runes)
	t.byteRune = make([]int, len(t.s)+1)
	ri := 0
	for bi := range t.s {
		t.byteRune[bi] = ri
		ri++
	}
	// fill the continuation bytes with the rune they belong to
	last := 0
	for bi := 0; bi < len(t.s); bi++ {
		if utf8.RuneStart(t.s[bi]) {
			last = t.byteRune[bi]
		}
		t.byteRune[bi] = last
	}
	t.byteRune[len(t.s)] = len(t.runes)
	return t
}

// starter reports whether r starts a new normalisation segment (not a combining mark).
func starter(r rune) bool { return !unicode.Is(unicode.Mn, r) }

// origSpan converts a normalised rune span to the original's rune offsets.
func (t *text) origSpan(start, end int) (int, int) {
	if start < 0 {
		return -1, -1
	}
	if start > len(t.runes) {
		start = len(t.runes)
	}
	if end > len(t.runes) {
		end = len(t.runes)
	}
	os := t.src[start]
	oe := t.src[end]
	if end > start && oe <= os {
		oe = os + 1
	}
	return os, oe
}

// runeSpan converts a byte span of t.s into a normalised rune span.
func (t *text) runeSpan(bs, be int) (int, int) { return t.byteRune[bs], t.byteRune[be] }

// slice returns the normalised runes [start, end) as a string.
func (t *text) slice(start, end int) string {
	if start < 0 || end > len(t.runes) || start >= end {
		return ""
	}
	return string(t.runes[start:end])
}
