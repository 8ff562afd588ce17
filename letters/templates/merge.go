package templates

import (
	"strings"
	"unicode/utf8"
)

// A template's text is plain text with three kinds of marks, and nothing else: a
// template cannot run code, read files or reach anything but the values the letter
// composer provides.
//
//	{client.nom}              a merge field (French or English name, see Fields)
//	{n:la facture|les factures}  the first text for one invoice, the second for several
//	[si:pro] …                at the start of a paragraph: keep it only when the
//	                          condition holds ([if:b2b] in English; "a,b" = a or b;
//	                          "!a" = not a; see Conditions)
//
// A brace or bracket that starts none of these is kept as text.

// node is a parsed piece of text: literal text, a field, or a singular/plural choice.
type node struct {
	text  string
	field string // canonical field name
	raw   string // the field as written
	one   []node // {n:one|many}
	many  []node
	isN   bool
}

// Paragraph is one paragraph of a template, with its condition.
type Paragraph struct {
	Cond  []string // alternatives; "!x" negates x; empty = always
	nodes []node
}

// Values are what the composer provides to fill a template: field values by
// canonical name, the truth of each condition, and the invoice count for {n:…|…}.
type Values struct {
	Fields map[string]string
	Conds  map[string]bool
	Count  int
}

// ParseError is a syntax problem in a template: an unknown field or condition, or an
// unclosed mark. Pos is a rune offset into the text.
type ParseError struct {
	Kind  string // "field", "condition", "unclosed"
	Value string
	Pos   int
}

func (e *ParseError) Error() string { return e.Kind + " " + e.Value }

// parseText parses one paragraph's text (without its condition).
func parseText(s string, base int, errs *[]ParseError) []node {
	var out []node
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			out = append(out, node{text: lit.String()})
			lit.Reset()
		}
	}
	for i := 0; i < len(s); {
		if s[i] != '{' {
			r, n := utf8.DecodeRuneInString(s[i:])
			lit.WriteRune(r)
			i += n
			continue
		}
		end := matchBrace(s, i)
		if end < 0 {
			*errs = append(*errs, ParseError{Kind: "unclosed", Value: clip(s[i:]), Pos: base + utf8.RuneCountInString(s[:i])})
			lit.WriteString(s[i:])
			break
		}
		inner := s[i+1 : end]
		switch {
		case strings.HasPrefix(inner, "n:"):
			parts := splitTop(inner[2:])
			if len(parts) != 2 {
				*errs = append(*errs, ParseError{Kind: "plural", Value: "{" + clip(inner) + "}", Pos: base + utf8.RuneCountInString(s[:i])})
				lit.WriteString(s[i : end+1])
			} else {
				flush()
				off := base + utf8.RuneCountInString(s[:i+3])
				out = append(out, node{isN: true, one: parseText(parts[0], off, errs),
					many: parseText(parts[1], off+utf8.RuneCountInString(parts[0])+1, errs)})
			}
		case isFieldName(inner):
			flush()
			canon, ok := Canonical(inner)
			if !ok {
				*errs = append(*errs, ParseError{Kind: "field", Value: "{" + inner + "}", Pos: base + utf8.RuneCountInString(s[:i])})
			}
			out = append(out, node{field: canon, raw: inner})
		default:
			// Neither a field nor a plural: a mistyped or unclosed field ("{client.nom"
			// closed by a later brace) or something that looks like code ("{{.Exec …}}").
			// Templates hold text and merge fields only: refuse it.
			*errs = append(*errs, ParseError{Kind: "mark", Value: "{" + clip(inner) + "}", Pos: base + utf8.RuneCountInString(s[:i])})
			lit.WriteString(s[i : end+1])
		}
		i = end + 1
	}
	flush()
	return out
}

func clip(s string) string {
	if r := []rune(s); len(r) > 30 {
		return string(r[:30]) + "…"
	}
	return s
}

// matchBrace returns the index of the '}' closing the '{' at i, or -1.
func matchBrace(s string, i int) int {
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return j
			}
		case '\n':
			if depth > 0 && j+1 < len(s) && s[j+1] == '\n' {
				return -1 // a mark never spans paragraphs
			}
		}
	}
	return -1
}

// splitTop splits s at '|' outside braces.
func splitTop(s string) []string {
	var parts []string
	depth, start := 0, 0
	for j := 0; j < len(s); j++ {
		switch s[j] {
		case '{':
			depth++
		case '}':
			depth--
		case '|':
			if depth == 0 {
				parts = append(parts, s[start:j])
				start = j + 1
			}
		}
	}
	return append(parts, s[start:])
}

// isFieldName reports whether s looks like a field: lower-case letters, digits,
// dots and underscores (accented letters allowed), at least two characters.
func isFieldName(s string) bool {
	if utf8.RuneCountInString(s) < 2 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r >= 0xC0 && r <= 0x17F) {
			return false
		}
	}
	return true
}

// ParseBody splits a body into paragraphs (separated by blank lines), reading each
// one's condition. Errors list every unknown field or condition.
func ParseBody(body string) ([]Paragraph, []ParseError) {
	var errs []ParseError
	var out []Paragraph
	body = strings.ReplaceAll(body, "\r\n", "\n")
	pos := 0
	for _, raw := range splitParagraphs(body) {
		p := Paragraph{}
		text := strings.TrimSpace(raw.text)
		off := raw.pos
		if (strings.HasPrefix(text, "[si:") || strings.HasPrefix(text, "[if:")) && !strings.Contains(firstLine(text), "]") {
			errs = append(errs, ParseError{Kind: "condition", Value: clip(firstLine(text)), Pos: off})
		}
		if cond, rest, ok := leadingCond(text); ok {
			for _, c := range strings.Split(cond, ",") {
				c = strings.TrimSpace(c)
				name := strings.TrimPrefix(c, "!")
				canon, known := CanonicalCond(name)
				if !known {
					errs = append(errs, ParseError{Kind: "condition", Value: c, Pos: off})
				}
				if strings.HasPrefix(c, "!") {
					canon = "!" + canon
				}
				p.Cond = append(p.Cond, canon)
			}
			off += utf8.RuneCountInString(text) - utf8.RuneCountInString(rest)
			text = strings.TrimSpace(rest)
		}
		p.nodes = parseText(text, off, &errs)
		out = append(out, p)
		pos++
	}
	return out, errs
}

type rawPara struct {
	text string
	pos  int
}

func splitParagraphs(body string) []rawPara {
	var out []rawPara
	lines := strings.Split(body, "\n")
	var cur []string
	start, off := 0, 0
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			if len(cur) > 0 {
				out = append(out, rawPara{strings.Join(cur, "\n"), start})
				cur = nil
			}
		} else {
			if len(cur) == 0 {
				start = off
			}
			cur = append(cur, strings.TrimRight(l, " \t"))
		}
		off += utf8.RuneCountInString(l) + 1
	}
	if len(cur) > 0 {
		out = append(out, rawPara{strings.Join(cur, "\n"), start})
	}
	return out
}

// leadingCond reads "[si:x,y] rest" or "[if:x] rest".
func leadingCond(s string) (cond, rest string, ok bool) {
	for _, p := range []string{"[si:", "[if:"} {
		if strings.HasPrefix(s, p) {
			if end := strings.IndexByte(s, ']'); end > 0 {
				return s[len(p):end], s[end+1:], true
			}
		}
	}
	return "", s, false
}

// Holds reports whether the paragraph's condition holds for v.
func (p Paragraph) Holds(v *Values) bool {
	if len(p.Cond) == 0 {
		return true
	}
	for _, c := range p.Cond {
		if strings.HasPrefix(c, "!") {
			if !v.Conds[c[1:]] {
				return true
			}
		} else if v.Conds[c] {
			return true
		}
	}
	return false
}

// Fields returns the canonical fields the paragraph uses (with duplicates), including
// both branches of its singular/plural choices.
func (p Paragraph) Fields() []string {
	var out []string
	var walk func([]node)
	walk = func(ns []node) {
		for _, n := range ns {
			if n.field != "" {
				out = append(out, n.field)
			}
			walk(n.one)
			walk(n.many)
		}
	}
	walk(p.nodes)
	return out
}

// Merge fills the paragraph. Fields without a value are appended to missing (as
// written) and left as their mark, so that nothing is silently blank.
func (p Paragraph) Merge(v *Values, missing *[]string) string {
	var b strings.Builder
	mergeNodes(&b, p.nodes, v, missing)
	return b.String()
}

func mergeNodes(b *strings.Builder, ns []node, v *Values, missing *[]string) {
	for _, n := range ns {
		switch {
		case n.isN:
			if v.Count == 1 {
				mergeNodes(b, n.one, v, missing)
			} else {
				mergeNodes(b, n.many, v, missing)
			}
		case n.field != "" || n.raw != "":
			val, ok := v.Fields[n.field]
			if !ok || strings.TrimSpace(val) == "" {
				*missing = append(*missing, "{"+n.raw+"}")
				b.WriteString("{" + n.raw + "}")
				continue
			}
			b.WriteString(val)
		default:
			b.WriteString(n.text)
		}
	}
}

// IsOnly reports whether the paragraph is exactly the field canon (a placeholder
// such as {factures.tableau} standing alone).
func (p Paragraph) IsOnly(canon string) bool {
	return len(p.nodes) == 1 && p.nodes[0].field == canon
}

// MergeLine parses and fills a one-line text (a subject, a salutation, a closing).
func MergeLine(s string, v *Values, missing *[]string) (string, []ParseError) {
	var errs []ParseError
	nodes := parseText(strings.TrimSpace(s), 0, &errs)
	var b strings.Builder
	mergeNodes(&b, nodes, v, missing)
	return b.String(), errs
}

// firstLine is s up to its first newline.
func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
