package check

import (
	"fmt"
	"strings"
	"unicode"
)

// spell runs the Speller over the words of the message, skipping entities (amounts,
// references, dates, IBAN, e-mails…), the address blocks and the signature (proper
// names), acronyms in capitals, words with digits and capitalised words inside a
// sentence (names).
func (l *letter) spell() {
	sp := l.opt.Speller
	for _, s := range l.sents {
		switch s.sec {
		case SecHeader, SecRecipient, SecSignature:
			continue
		}
		for k, w := range l.t.words(s.start, s.end) {
			if l.inEntity(w[0], w[1]) {
				continue
			}
			word := string(l.t.runes[w[0]:w[1]])
			rs := []rune(word)
			if strings.ContainsAny(word, "0123456789") || len(rs) < 2 {
				continue
			}
			if isUpperWord(word) || k > 0 && unicode.IsUpper(rs[0]) {
				continue
			}
			if sp.Correct(l.lang, word) {
				continue
			}
			sugg := sp.Suggest(l.lang, word)
			if len(sugg) > 5 {
				sugg = sugg[:5]
			}
			var fix *string
			if len(sugg) > 0 {
				f := sugg[0]
				fix = &f
			}
			l.hit("SPELL.WORD", w[0], w[1], map[string]string{"word": word}, fix)
			if n := len(l.findings); n > 0 && len(sugg) > 1 {
				f := &l.findings[n-1]
				f.Suggestions = append(append([]string{}, sugg...), f.Suggestions[1:]...)
			}
			l.findings[len(l.findings)-1].Source = "speller"
		}
	}
}

func isUpperWord(w string) bool {
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

func (l *letter) inEntity(s, e int) bool {
	for _, x := range l.ents {
		if s < x.End && e > x.Start {
			return true
		}
	}
	return false
}

// grammarSeverity maps a Grammalecte error type to our severity (letter-rules.md §8);
// 0 hides the finding (typography noise the domain rules already cover).
func grammarSeverity(typ string) Severity {
	switch typ {
	case "gn", "ppas", "conj", "conf", "infi", "imp", "inte", "grammar", "misspelling":
		return Error
	case "loc", "pleo", "date", "style":
		return Warning
	case "apos", "nbsp", "unit", "num", "esp", "typo", "maj", "notype", "typographical", "whitespace":
		return 0
	}
	return Warning
}

// prose is the original text with everything that is not prose blanked out (letterhead,
// addresses, place and date, references, tables, signature, page furniture, annexes): offsets
// and line breaks are kept, so the engine's findings fall where they were, and it is not
// asked to read a company name or a table header as a sentence.
func (l *letter) prose() string {
	out := append([]rune(nil), l.t.orig...)
	for _, ln := range l.lines {
		switch ln.sec {
		case SecHeader, SecRecipient, SecPlaceDate, SecReferences, SecTable, SecSignature, SecEnclosures:
		default:
			continue
		}
		s, e := l.t.origSpan(ln.start, ln.end)
		for i := s; i < e && i < len(out); i++ {
			if out[i] != '\n' && out[i] != '\r' {
				out[i] = ' '
			}
		}
	}
	return string(out)
}

// reDateAhead is a day and month starting the text (« 24 octobre », « 1er mars »).
var reDateAhead = lazyRegexp(`(?i)^\s+(?:\d{1,2}|1er)\s+(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)\b`)

// datedPlural reports Grammalecte's « des » → « dès » on « nos courriers des 24 octobre
// et 8 novembre »: « des » (de + les) before dates is right, « dès » would not be.
func (l *letter) datedPlural(start, end int) bool {
	if !strings.EqualFold(string(l.t.orig[start:end]), "des") {
		return false
	}
	rest := l.t.orig[end:min(end+30, len(l.t.orig))]
	return reDateAhead.MatchString(string(rest))
}

// grammar runs the external engine on the original text and maps its findings to
// GRAM.ENGINE. Its offsets are runes of the original text.
func (l *letter) grammar() error {
	gf, err := l.opt.Grammar.Check(l.lang, l.prose())
	if err != nil {
		return fmt.Errorf("check: grammar: %w", err)
	}
	r := l.e.cat.Rule("GRAM.ENGINE")
	n := len(l.t.orig)
	for _, g := range gf {
		sev := grammarSeverity(g.Type)
		if sev == 0 || g.Start < 0 || g.End > n || g.Start >= g.End || l.datedPlural(g.Start, g.End) {
			continue
		}
		f := Finding{Rule: "GRAM.ENGINE", Category: CatGrammar, Severity: sev, Base: r.base, Start: g.Start, End: g.End,
			Message: g.Message, Why: r.TextIn(l.msgLang).Why, Source: "grammar", Suggestions: append([]string{}, g.Suggestions...)}
		if f.Message == "" {
			f.Message = r.TextIn(l.msgLang).Message
		}
		if len(g.Suggestions) > 0 {
			f.Fix = &Fix{Start: g.Start, End: g.End, Text: g.Suggestions[0]}
		}
		// the section of the finding, from the normalised offset of its start
		for i, src := range l.t.src {
			if src >= g.Start {
				f.Section = l.sectionAt(i)
				break
			}
		}
		l.findings = append(l.findings, f)
	}
	return nil
}
