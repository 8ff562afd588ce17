package check

import (
	"strings"

	"relance/assets/i18n"
	"relance/ledger"
)

// CategoryLabel returns the category's name in lang (« Mentions obligatoires »).
func CategoryLabel(lang string, c Category) string { return i18n.T(lang, "check.cat."+string(c)) }

// SeverityLabel returns the severity's name in lang (« Bloquant »).
func SeverityLabel(lang string, s Severity) string { return i18n.T(lang, "check.sev."+s.String()) }

// SectionLabel returns the section's name in lang (« Objet »).
func SectionLabel(lang string, s Section) string { return i18n.T(lang, "check.sec."+string(s)) }

// StageLabel returns the stage's name in lang (« mise en demeure »).
func StageLabel(lang string, s Stage) string { return i18n.T(lang, "check.stage."+string(s)) }

// AudienceLabel returns the audience's name in lang.
func AudienceLabel(lang string, a Audience) string { return i18n.T(lang, "check.aud."+string(a)) }

// ParseStage reads a stage name (pre, r1, r2, r3, med, conf; "mise-en-demeure" and
// "formal-notice" are accepted for med).
func ParseStage(s string) (Stage, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "mise-en-demeure", "formal-notice", "notice":
		return StageMED, true
	case "confirmation":
		return StageConf, true
	}
	st := Stage(strings.ToLower(strings.TrimSpace(s)))
	return st, st.Valid()
}

// ScoreLines renders the scores as three lines of text in lang (CLI, PDF report).
func ScoreLines(lang string, sc Scores) []string {
	r := sc.Readability
	var parts []string
	for _, p := range []struct {
		k  string
		ok bool
	}{{"D", sc.DESC.D}, {"E", sc.DESC.E}, {"S", sc.DESC.S}, {"C", sc.DESC.C}} {
		// Words, not ✔/✘: the screen's font has no such glyphs.
		if p.ok {
			parts = append(parts, p.k+" "+i18n.T(lang, "check.scores.present"))
		} else {
			parts = append(parts, p.k+" "+i18n.T(lang, "check.scores.absent"))
		}
	}
	zone := i18n.T(lang, "check.scores.outzone")
	if sc.Tone.InZone {
		zone = i18n.T(lang, "check.scores.inzone")
	}
	z := sc.Tone.Target
	return []string{
		i18n.T(lang, "check.scores.readability", "name", r.IndexName, "index", localDecimal(lang, r.Index), "lix", localDecimal(lang, r.LIX), "avg", localDecimal(lang, r.AvgWords)),
		i18n.T(lang, "check.scores.desc", "parts", strings.Join(parts, ", "), "pct", itoa(int(sc.DESC.Coverage()*100+0.5))),
		i18n.T(lang, "check.scores.tone", "firmness", itoa(sc.Tone.Firmness), "courtesy", itoa(sc.Tone.Courtesy),
			"fmin", itoa(z.FirmMin), "fmax", itoa(z.FirmMax), "cmin", itoa(z.CourtMin), "cmax", itoa(z.CourtMax), "zone", zone),
	}
}

// CategoryColor is the display colour of a category (markers in the trainer view and
// the PDF report), as 8-bit RGB.
func CategoryColor(c Category) (r, g, b uint8) {
	switch c {
	case CatSpelling:
		return 0xc6, 0x28, 0x28 // red
	case CatGrammar:
		return 0xe6, 0x51, 0x00 // orange
	case CatTypography:
		return 0x8d, 0x6e, 0x63 // brown
	case CatLegal:
		return 0x6a, 0x1b, 0x9a // purple
	case CatClarity:
		return 0x15, 0x65, 0xc0 // blue
	case CatTone:
		return 0xad, 0x14, 0x57 // pink
	case CatStyle:
		return 0x2e, 0x7d, 0x32 // green
	}
	return 0x45, 0x5a, 0x64 // blue grey: structure
}

// localDecimal writes f with one decimal in the reader's number format (85,3 in French).
func localDecimal(lang string, f float64) string {
	if lang == "fr" {
		return strings.Replace(ftoa(f), ".", ",", 1)
	}
	return ftoa(f)
}

// GrammarNote says in lang why the letter's grammar was not checked, "" when it was: an
// English letter (only French has a grammar engine), the engine's failure, or no engine.
// The Correction screen, the command line and the correction report print it.
func GrammarNote(lang string, res *Result) string {
	switch {
	case !res.GrammarOff:
		return ""
	case res.GrammarErr != nil:
		return ledger.Localize(res.GrammarErr, lang)
	}
	return i18n.T(lang, "lang23.grammar.notchecked") // what to install: the engine's error, where known
}
