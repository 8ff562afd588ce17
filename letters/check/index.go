package check

import (
	"regexp"
	"regexp/syntax"
	"unicode"
)

// Matching a lexicon as one big alternation over the whole letter is slow with Go's
// regexp (every start position is tried). Lexicon patterns start at a word boundary,
// so each one is compiled anchored (^…) and tried only at the starts of words whose
// first letter can begin it: an index from a lower-case first rune to the patterns.

// firstRunes returns the lower-case runes a match of re can start with; ok is false
// when it cannot tell (or the set is too large) and nullable when re can match empty.
func firstRunes(re *syntax.Regexp) (set map[rune]bool, nullable, ok bool) {
	set = map[rune]bool{}
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return set, true, true
		}
		set[unicode.ToLower(re.Rune[0])] = true
		return set, false, true
	case syntax.OpCharClass:
		n := 0
		for i := 0; i+1 < len(re.Rune); i += 2 {
			n += int(re.Rune[i+1]-re.Rune[i]) + 1
			if n > 64 {
				return nil, false, false
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				set[unicode.ToLower(r)] = true
			}
		}
		return set, false, true
	case syntax.OpCapture, syntax.OpPlus:
		return firstRunes(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		s, _, ok := firstRunes(re.Sub[0])
		return s, true, ok
	case syntax.OpRepeat:
		s, n, ok := firstRunes(re.Sub[0])
		return s, n || re.Min == 0, ok
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			s, n, ok := firstRunes(sub)
			if !ok {
				return nil, false, false
			}
			for r := range s {
				set[r] = true
			}
			if !n {
				return set, false, true
			}
		}
		return set, true, true
	case syntax.OpAlternate:
		nullable := false
		for _, sub := range re.Sub {
			s, n, ok := firstRunes(sub)
			if !ok {
				return nil, false, false
			}
			for r := range s {
				set[r] = true
			}
			nullable = nullable || n
		}
		return set, nullable, true
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return set, true, true
	}
	return nil, false, false
}

// lexIndex is the per-language index of a rule's word patterns.
type lexIndex struct {
	byFirst map[rune][]int // lower-case first rune → pattern indices, in order
	any     []int          // patterns whose first rune is unknown
	raw     []int          // raw patterns (punctuation), run over the whole text
}

// buildIndex compiles the anchored form of each pattern and indexes it.
func buildIndex(pats []compiled) (*lexIndex, error) {
	ix := &lexIndex{byFirst: map[rune][]int{}}
	for i := range pats {
		p := &pats[i]
		if p.Raw {
			ix.raw = append(ix.raw, i)
			continue
		}
		src := spaces(p.P)
		if !p.Case {
			src = "(?i:" + src + ")"
		}
		var err error
		if p.anch, err = regexp.Compile(`^(` + src + `)` + wordAfter); err != nil {
			return nil, err
		}
		tree, err := syntax.Parse(src, syntax.Perl)
		if err != nil {
			return nil, err
		}
		set, nullable, ok := firstRunes(tree.Simplify())
		if !ok || nullable || len(set) == 0 {
			ix.any = append(ix.any, i)
			continue
		}
		for r := range set {
			ix.byFirst[r] = append(ix.byFirst[r], i)
		}
	}
	return ix, nil
}

// wordStarts returns the byte offsets of t.s where a word starts (a letter or digit
// not preceded by a letter, digit, underscore or hyphen), with its lower-case rune.
func (t *text) wordStarts() ([]int, []rune) {
	if t.starts != nil {
		return t.starts, t.firsts
	}
	t.starts, t.firsts = []int{}, []rune{}
	prevWord := false
	for i, r := range t.s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !prevWord {
			t.starts = append(t.starts, i)
			t.firsts = append(t.firsts, unicode.ToLower(r))
		}
		prevWord = w || r == '_' || r == '-'
	}
	return t.starts, t.firsts
}

// indexedMatches runs the rule's patterns for lang: word patterns at word starts
// (leftmost, first pattern in catalogue order wins, no overlap), raw patterns over the
// whole text.
func (r *Rule) indexedMatches(t *text, lang string) []lexMatch {
	ix := r.index[lang]
	if ix == nil {
		return nil
	}
	pats := r.pats[lang]
	var out []lexMatch
	starts, firsts := t.wordStarts()
	next := 0
	var cand []int
	for k, pos := range starts {
		if pos < next {
			continue
		}
		cand = mergeSorted(cand[:0], ix.byFirst[firsts[k]], ix.any)
		for _, pi := range cand {
			m := pats[pi].anch.FindStringSubmatchIndex(t.s[pos:])
			if m == nil {
				continue
			}
			s, e := t.runeSpan(pos, pos+m[3])
			out = append(out, lexMatch{start: s, end: e, pat: &pats[pi]})
			next = pos + m[3]
			break
		}
	}
	for _, pi := range ix.raw {
		for _, m := range pats[pi].re.FindAllStringIndex(t.s, -1) {
			s, e := t.runeSpan(m[0], m[1])
			if !overlaps(out, s, e) {
				out = append(out, lexMatch{start: s, end: e, pat: &pats[pi]})
			}
		}
	}
	return out
}

func overlaps(v []lexMatch, s, e int) bool {
	for _, m := range v {
		if s < m.end && e > m.start {
			return true
		}
	}
	return false
}

// mergeSorted merges two ascending index lists into dst.
func mergeSorted(dst, a, b []int) []int {
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j >= len(b) || i < len(a) && a[i] < b[j]:
			dst = append(dst, a[i])
			i++
		case i >= len(a) || b[j] < a[i]:
			dst = append(dst, b[j])
			j++
		default:
			dst = append(dst, a[i])
			i++
			j++
		}
	}
	return dst
}

// presentAt reports whether pattern p occurs in the text (word patterns at word starts).
func (p *compiled) presentIn(t *text) bool {
	if p.Raw || p.anch == nil {
		return p.re.MatchString(t.s)
	}
	starts, _ := t.wordStarts()
	for _, pos := range starts {
		if p.anch.MatchString(t.s[pos:]) {
			return true
		}
	}
	return false
}
