package check

import (
	"strings"
	"unicode"

	"relance/ledger"
)

var abbreviations = map[string]bool{"art": true, "n°": true, "no": true, "nos": true, "mme": true, "m": true, "mr": true, "mrs": true, "ms": true, "dr": true, "cf": true, "etc": true, "p": true, "j": true, "st": true, "civ": true, "com": true, "c": true, "ltd": true, "réf": true, "ref": true, "tél": true, "tel": true, "al": true}

// splitSentences cuts every non-blank block of lines of the same section into
// sentences: at . ! ? (or ;) followed by a space or the end, at blank lines, and at
// every line of the head and signature.
func splitSentences(t *text, lines []line) []sentence {
	var out []sentence
	i := 0
	for i < len(lines) {
		l := lines[i]
		if strings.TrimSpace(l.text) == "" {
			i++
			continue
		}
		// a block: consecutive non-blank lines of the same section (one line for
		// sections other than body and closing)
		j := i + 1
		if l.sec == SecBody || l.sec == SecClosing {
			for j < len(lines) && lines[j].sec == l.sec && strings.TrimSpace(lines[j].text) != "" && !bullet(lines[j].text) && !endsItem(lines[j-1].text) {
				j++
			}
		}
		start, end := l.start, lines[j-1].end
		s := start
		for k := start; k < end; k++ {
			r := t.runes[k]
			if r != '.' && r != '!' && r != '?' {
				continue
			}
			// run of punctuation
			e := k + 1
			for e < end && (t.runes[e] == '.' || t.runes[e] == '!' || t.runes[e] == '?') {
				e++
			}
			if e < end && t.runes[e] != ' ' && t.runes[e] != '\n' {
				k = e - 1
				continue
			}
			if r == '.' && e == k+1 && isAbbrev(t.runes[s:k]) {
				continue
			}
			out = append(out, sentence{start: s, end: e, sec: l.sec})
			s = e
			for s < end && (t.runes[s] == ' ' || t.runes[s] == '\n') {
				s++
			}
			k = s - 1
		}
		if strings.TrimSpace(string(t.runes[s:end])) != "" {
			out = append(out, sentence{start: s, end: end, sec: l.sec})
		}
		i = j
	}
	return out
}

// endsItem reports a line that ends where it stands: it introduces a list (« … en 3
// échéances : ») or is an item of one (« 1re échéance : 96,15 € au plus tard le… »,
// « 1st instalment: €96.15 by… »), as a schedule is written line by line.
func endsItem(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasSuffix(s, ":") || bullet(s) || reLabelItem.MatchString(s)
}

// reLabelItem is a short label, a colon and its value on one line.
var reLabelItem = lazyRegexp(`^\S+(?:\s+\S+){0,2}\s?:\s+\S.{0,80}[^.;:!?]$`)

func bullet(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasPrefix(s, "-") || strings.HasPrefix(s, "•") || strings.HasPrefix(s, "*")
}

func isAbbrev(before []rune) bool {
	k := len(before)
	j := k
	for j > 0 && before[j-1] != ' ' && before[j-1] != '\n' && before[j-1] != '(' {
		j--
	}
	w := strings.ToLower(string(before[j:k]))
	if abbreviations[w] {
		return true
	}
	// single capital initial (« J. Martin »)
	r := []rune(string(before[j:k]))
	return len(r) == 1 && unicode.IsUpper(r[0])
}

// words returns the word spans of [start, end): letters, digits, apostrophes and hyphens
// inside a word.
func (t *text) words(start, end int) [][2]int {
	var out [][2]int
	k := start
	for k < end {
		for k < end && !isWordRune(t.runes[k]) {
			k++
		}
		s := k
		for k < end && (isWordRune(t.runes[k]) || (t.runes[k] == '\'' || t.runes[k] == '-') && k+1 < end && isWordRune(t.runes[k+1]) && k > s) {
			k++
		}
		if k > s {
			out = append(out, [2]int{s, k})
		}
	}
	return out
}

func isWordRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r > 0x7f && unicode.IsLetter(r)
}

// facts gives the placeholders of model sentences: the largest amount, the first
// invoice reference, the letter date and a deadline 15 days after it.
func (l *letter) facts() map[string]string {
	p := map[string]string{"amount": "…", "invoice": "…", "date": "…", "deadline": "…", "due": "…", "total": "…"}
	var best ledger.Cents
	cur := "EUR"
	for _, e := range l.ents {
		switch e.Kind {
		case EntAmount:
			if e.Cents > best {
				best, cur = e.Cents, e.Currency
			}
		case EntInvoice:
			if p["invoice"] == "…" {
				p["invoice"] = l.t.slice(e.Start, e.End)
			}
		}
	}
	if best > 0 {
		p["amount"] = best.Format(l.lang, cur)
		p["total"] = p["amount"]
	}
	if l.date.Valid() {
		p["date"] = longDate(l.lang, l.date)
		p["deadline"] = longDate(l.lang, l.date.AddDays(15))
	}
	if a := l.opt.Account; a != nil {
		var open ledger.Cents
		for _, it := range a.Items {
			if it.Kind == ledger.Invoice && it.Open > 0 && it.Number != "" {
				if p["invoice"] == "…" {
					p["invoice"] = it.Number
					p["due"] = longDate(l.lang, it.DueDate)
				}
				open += it.Open
			}
		}
		if best == 0 && open > 0 {
			p["amount"] = open.Format(l.lang, "EUR")
		}
	}
	return p
}

var frMonthNames = []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}

// longDate writes « 8 décembre 2026 » or "8 December 2026".
func longDate(lang string, d ledger.Date) string {
	if !d.Valid() {
		return "…"
	}
	y, m, day := d.YMD()
	if lang == "en" {
		return itoa(day) + " " + m.String() + " " + itoa(y)
	}
	ds := itoa(day)
	if day == 1 {
		ds = "1er"
	}
	return ds + " " + frMonthNames[m-1] + " " + itoa(y)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// insertion returns where (original rune offset) and what to insert so that a model
// sentence for a missing item lands in its section.
func (l *letter) insertion(sec Section, model string) (int, string) {
	firstOf := func(secs ...Section) int {
		for _, ln := range l.lines {
			if strings.TrimSpace(ln.text) == "" {
				continue
			}
			for _, s := range secs {
				if ln.sec == s {
					return ln.start
				}
			}
		}
		return -1
	}
	lastOf := func(secs ...Section) int {
		at := -1
		for _, ln := range l.lines {
			if strings.TrimSpace(ln.text) == "" {
				continue
			}
			for _, s := range secs {
				if ln.sec == s {
					at = ln.end
				}
			}
		}
		return at
	}
	orig := func(i int) int { o, _ := l.t.origSpan(i, i); return o }
	switch sec {
	case SecReferences, SecPlaceDate, SecSubject:
		if at := firstOf(SecSubject, SecSalutation, SecBody); at >= 0 {
			if sec == SecSubject {
				if s := firstOf(SecSalutation, SecBody); s >= 0 {
					at = s
				}
			}
			return orig(at), model + "\n\n"
		}
		return 0, model + "\n\n"
	case SecSalutation:
		if at := firstOf(SecBody); at >= 0 {
			return orig(at), model + "\n\n"
		}
	case SecClosing:
		if at := lastOf(SecBody); at >= 0 {
			return orig(at), "\n\n" + model
		}
	case SecSignature:
		if at := lastOf(SecClosing, SecBody); at >= 0 {
			return orig(at), "\n\n" + model
		}
	default:
		if at := lastOf(SecBody, SecSalutation); at >= 0 {
			return orig(at), "\n\n" + model
		}
	}
	return len(l.t.orig), "\n\n" + model
}
