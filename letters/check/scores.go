package check

import (
	"slices"
	"strings"
)

// Readability holds the text statistics and the formulas of letter-rules.md §3.
// They are indicators, not money: float64 is fine here.
type Readability struct {
	Words     int     `json:"words"`
	Sentences int     `json:"sentences"`
	Syllables int     `json:"syllables"`
	LongWords int     `json:"long_words"` // more than 6 letters (LIX)
	AvgWords  float64 `json:"avg_sentence_words"`
	// KandelMoles is the French adaptation of Flesch (Kandel & Moles 1958):
	// 207 − 1.015·ASL − 73.6·ASW. Flesch is 206.835 − 1.015·ASL − 84.6·ASW (English).
	// Index is the one that fits the letter's language.
	KandelMoles float64 `json:"kandel_moles"`
	Flesch      float64 `json:"flesch"`
	Index       float64 `json:"index"`
	IndexName   string  `json:"index_name"`
	LIX         float64 `json:"lix"` // Björnsson: W/S + 100·L6/W
}

// DESC says which parts of the DESC method (Describe, Express, Specify, Consequences;
// Bower & Bower 1976) the letter covers.
type DESC struct {
	D, E, S, C bool
	// Required is false for C in a pre-reminder, a first reminder and a confirmation.
	CRequired bool `json:"c_required"`
}

// Coverage returns the share of the required parts present, 0..1.
func (d DESC) Coverage() float64 {
	n, have := 3, 0
	for _, b := range []bool{d.D, d.E, d.S} {
		if b {
			have++
		}
	}
	if d.CRequired {
		n++
		if d.C {
			have++
		}
	}
	return float64(have) / float64(n)
}

// Missing returns the letters of the required parts that are absent ("D", "S"…).
func (d DESC) Missing() []string {
	var out []string
	for _, p := range []struct {
		k  string
		ok bool
	}{{"D", d.D}, {"E", d.E}, {"S", d.S}, {"C", d.C || !d.CRequired}} {
		if !p.ok {
			out = append(out, p.k)
		}
	}
	return out
}

// Zone is a rectangle of the firmness × courtesy gauge (0..100 on both axes).
type Zone struct {
	FirmMin, FirmMax, CourtMin, CourtMax int
}

// Contains reports whether a point is in the zone.
func (z Zone) Contains(firm, court int) bool {
	return firm >= z.FirmMin && firm <= z.FirmMax && court >= z.CourtMin && court <= z.CourtMax
}

// TargetZone is the tone expected at each stage (our design choice, from the ladder of
// letter-rules.md §4.3: courteous first, firmer at each step, univocal in a formal
// notice).
func TargetZone(s Stage) Zone {
	switch s {
	case StagePre:
		return Zone{0, 40, 60, 100}
	case StageR1:
		return Zone{15, 55, 55, 100}
	case StageR2:
		return Zone{35, 75, 40, 100}
	case StageR3:
		return Zone{50, 90, 30, 90}
	case StageMED:
		return Zone{65, 100, 15, 75}
	}
	return Zone{15, 60, 50, 100}
}

// Tone is the firmness × courtesy gauge.
type Tone struct {
	Firmness int  `json:"firmness"`
	Courtesy int  `json:"courtesy"`
	Target   Zone `json:"target"`
	InZone   bool `json:"in_zone"`
}

// Scores gathers the letter's indicators.
type Scores struct {
	Readability Readability `json:"readability"`
	DESC        DESC        `json:"desc"`
	Tone        Tone        `json:"tone"`
}

var (
	reExpress = lazyRegexp(`(?i)nous constatons|je constate|nous regrettons|ce retard|à ce jour|reste(?:nt)? (?:impay|due|à régler|dû)|demeure(?:nt)? impay|n'avons pas (?:encore )?reçu|(?:est|sont) (?:toujours )?impay|surpren|our records show|remains? (?:unpaid|outstanding|overdue)|has not (?:yet )?been (?:paid|received)|we note|we have not (?:yet )?received|is (?:now )?overdue|still outstanding|étions convenus|we agreed|vous vous êtes engagé|you agreed|confirm`)
	reRequest = lazyRegexp(`(?i)r[ée]gler|proc[ée]der au (?:paiement|r[èe]glement)|verser|payer|r[èe]glement|paiement|arrange payment|\bpay\b|settle|remit|payment`)
	reConseq  = lazyRegexp(`(?i)à défaut|faute de|sans r[èe]glement|p[ée]nalit|indemnit|L441-10|mise en demeure|mettons en demeure|injonction|juridiction|contentieux|tribunal|failing|otherwise|interest|court|proceedings|compensation|préserver|maintenir nos|relation|relationship|transmettr|collection agency|recouvrement`)
	reFirm    = lazyRegexp(`(?i)mise en demeure|mettons en demeure|formal notice|à défaut|faute de|failing (?:payment|which)|otherwise|injonction|juridiction|contentieux|tribunal|court|proceedings|collection agency|p[ée]nalit|indemnit|interest|L441-10|nous vous demandons|we require|we demand|exig|must|imp[ée]rativement|dernier|final|au plus tard|no later than`)
	reApology = lazyRegexp(`(?i)\bexcus|d[ée]sol[ée]|navr[ée]|\bsorry\b|apolog`)
	reCourt   = lazyRegexp(`(?i)nous vous remercions|je vous remercie|merci|thank you|thanks|we appreciate|sauf erreur|a crois[ée]|if you have already|bien vouloir|please|contactez|contact|[ée]ch[ée]ancier|payment plan|difficult|relations?|relationship|agr[ée]er|salutations|sincerely|faithfully|oubli|oversight|confiance|value`)
)

// scores computes the indicators.
func (l *letter) scores() Scores {
	var sc Scores
	sc.Readability = l.readability()
	body := l.messageText()
	d := DESC{CRequired: l.stage != StagePre && l.stage != StageR1 && l.stage != StageConf}
	d.D = l.hasEnt(EntAmount) && l.hasEnt(EntInvoice)
	d.E = reExpress.MatchString(body)
	hasDeadline := l.hasEnt(EntDeadline)
	for _, e := range l.ents {
		if e.Kind == EntDate && e.Deadline {
			hasDeadline = true
		}
	}
	d.S = hasDeadline && reRequest.MatchString(body)
	d.C = reConseq.MatchString(body)
	sc.DESC = d

	firm, court := 10, 20
	firm += 12 * min(len(reFirm.FindAllStringIndex(body, -1)), 5)
	if hasDeadline {
		firm += 10
	}
	court += 12 * min(len(reCourt.FindAllStringIndex(body, -1)), 6)
	// Excuses are courtesy and weakness, never harshness: « nous nous excusons de vous
	// relancer » softens the letter.
	if n := min(len(reApology.FindAllStringIndex(body, -1)), 2); n > 0 {
		court += 12 * n
		firm -= 10 * n
	}
	if l.salutationLine() != nil {
		court += 5
	}
	for _, f := range l.findings {
		switch f.Rule {
		case "TONE.AGGRESSIVE", "TONE.ACCUSATORY", "TONE.GENERALIZATION", "TONE.VAGUE_THREAT", "LEGAL.UNLAWFUL_THREAT":
			firm += 10
			court -= 15
		case "TYPO.CAPS", "TYPO.EXCLAMATION":
			firm += 5
			court -= 10
		case "TONE.WEAK", "STYLE.CONDITIONAL_HEDGE":
			firm -= 10
		}
	}
	clamp := func(v int) int { return max(0, min(100, v)) }
	t := Tone{Firmness: clamp(firm), Courtesy: clamp(court), Target: TargetZone(l.stage)}
	// Courtesy is never too high when the firmness suits the stage: firm on the
	// substance, courteous in form is the aim at every stage.
	t.InZone = t.Target.Contains(t.Firmness, min(t.Courtesy, t.Target.CourtMax))
	sc.Tone = t
	return sc
}

// messageText is the text of the subject, body and closing (normalised).
func (l *letter) messageText() string {
	var b strings.Builder
	for _, ln := range l.lines {
		switch ln.sec {
		case SecSubject, SecBody, SecClosing, SecReferences:
			b.WriteString(ln.text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func (l *letter) readability() Readability {
	var r Readability
	for _, s := range l.sents {
		if s.sec != SecBody {
			continue
		}
		ws := l.t.words(s.start, s.end)
		if len(ws) == 0 {
			continue
		}
		r.Sentences++
		for _, w := range ws {
			word := strings.ToLower(string(l.t.runes[w[0]:w[1]]))
			r.Words++
			r.Syllables += syllables(l.lang, word)
			if n := letterCount(word); n > 6 {
				r.LongWords++
			}
		}
	}
	if r.Words == 0 || r.Sentences == 0 {
		return r
	}
	asl := float64(r.Words) / float64(r.Sentences)
	asw := float64(r.Syllables) / float64(r.Words)
	r.AvgWords = round1(asl)
	r.KandelMoles = round1(207 - 1.015*asl - 73.6*asw)
	r.Flesch = round1(206.835 - 1.015*asl - 84.6*asw)
	r.LIX = round1(asl + 100*float64(r.LongWords)/float64(r.Words))
	r.Index, r.IndexName = r.KandelMoles, "Kandel-Moles"
	if l.lang == "en" {
		r.Index, r.IndexName = r.Flesch, "Flesch"
	}
	return r
}

func round1(f float64) float64 {
	if f < 0 {
		return -round1(-f)
	}
	return float64(int64(f*10+0.5)) / 10
}

func letterCount(w string) int {
	n := 0
	for _, r := range w {
		if isWordRune(r) && (r < '0' || r > '9') {
			n++
		}
	}
	return n
}

func isVowel(lang string, r rune) bool {
	if strings.ContainsRune("aeiouy", r) {
		return true
	}
	return lang == "fr" && strings.ContainsRune("àâäéèêëîïôöùûüœæÿ", r)
}

// syllables counts the syllables of a lower-case word: vowel groups, less a final mute
// e (-e, -es; -ent after a consonant for a French verb is not told apart), with the
// English silent-e and -ed rules. ±10 % is enough for an indicator (letter-rules.md §3).
func syllables(lang, w string) int {
	rs := []rune(w)
	// elided articles count with the word: « l'échéance »
	if i := strings.LastIndexByte(w, '\''); i >= 0 {
		rs = []rune(w[i+1:])
	}
	n := 0
	prev := false
	for i, r := range rs {
		v := isVowel(lang, r)
		if v && (!prev || (lang == "fr" && r != 'u' && i > 0 && rs[i-1] == 'é')) {
			n++
		}
		prev = v
	}
	k := len(rs)
	if lang == "fr" {
		if n > 1 && (strings.HasSuffix(string(rs), "e") || strings.HasSuffix(string(rs), "es")) && k > 2 && !isVowel(lang, rs[k-2]) {
			n--
		} else if n > 1 && strings.HasSuffix(string(rs), "es") && k > 3 && !isVowel(lang, rs[k-3]) {
			n--
		}
	} else {
		s := string(rs)
		if n > 1 && strings.HasSuffix(s, "e") && !strings.HasSuffix(s, "le") {
			n--
		} else if n > 1 && (strings.HasSuffix(s, "ed") || strings.HasSuffix(s, "es")) && k > 3 && !strings.ContainsRune("td", rs[k-3]) {
			n--
		}
	}
	if n < 1 {
		n = 1
	}
	return n
}

// scoreFindings adds the findings that come from the scores: tone outside the stage's
// zone (TONE.BALANCE), DESC parts missing (STRUCT.DESC_COVERAGE), low readability
// (STYLE.READABILITY).
func (l *letter) scoreFindings(sc Scores) {
	if !sc.Tone.InZone {
		msg := "harsh"
		switch {
		case sc.Tone.Firmness < sc.Tone.Target.FirmMin:
			msg = "soft"
		case sc.Tone.Courtesy < sc.Tone.Target.CourtMin:
			msg = "harsh"
		case sc.Tone.Firmness > sc.Tone.Target.FirmMax:
			msg = "firm"
		}
		params := map[string]string{"_msg": msg, "firmness": itoa(sc.Tone.Firmness), "courtesy": itoa(sc.Tone.Courtesy)}
		if msg == "firm" {
			// firmer than the stage needs but courteous (the stage's legal mentions make a
			// letter firm): a remark, not a fault
			l.missingSev("TONE.BALANCE", SecBody, Advice, params)
		} else {
			l.missing("TONE.BALANCE", SecBody, params)
		}
	}
	miss := sc.DESC.Missing()
	if l.stage == StageMED {
		// in a formal notice the legal wording takes the place of E (letter-rules §4.8)
		miss = slices.DeleteFunc(miss, func(p string) bool { return p == "E" })
	}
	if len(miss) > 0 {
		l.missing("STRUCT.DESC_COVERAGE", SecBody, map[string]string{"parts": strings.Join(miss, ", "), "_model": "model_" + l.lang + "_" + miss[0]})
	}
	r := sc.Readability
	if r.Words >= 30 {
		low := 60.0
		if l.stage == StageMED {
			low = 50
		}
		if l.lang == "en" {
			low = 50
		}
		if r.Index < low || r.LIX > 50 {
			l.missing("STYLE.READABILITY", SecBody, map[string]string{"index": ftoa(r.Index), "name": r.IndexName, "lix": ftoa(r.LIX)})
		}
	}
}

func ftoa(f float64) string {
	neg := f < 0
	if neg {
		f = -f
	}
	i := int64(f*10 + 0.5)
	s := itoa(int(i/10)) + "." + itoa(int(i%10))
	if neg {
		s = "-" + s
	}
	return s
}
