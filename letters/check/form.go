package check

import (
	"strings"
	"unicode"
)

var (
	reSalNamed              = lazyRegexp(`^\s*(Madame|Monsieur|Mademoiselle)\s+(\p{Lu}[\p{L}'-]+)`)
	reSalFamiliar           = lazyRegexp(`(?i)^\s*(?:cher|chère|chers|chères)\s+(?:client|cliente|clients|clientes|partenaire|partenaires|monsieur|madame)|^\s*bonjour|^\s*(?:hello|hi)\b`)
	reSalFormFR             = lazyRegexp(`^\s*((?:Madame|Monsieur|Mesdames|Messieurs|Mademoiselle)(?:,?\s+(?:Madame|Monsieur|Mesdames|Messieurs))?(?:\s+l[ea]\s+\p{L}+)?)`)
	reCloseFormFR           = lazyRegexp(`(?:agr[ée]er|recevoir|croire),?\s+((?:cher|chère)\s+\p{L}+|(?:Madame|Monsieur|Mesdames|Messieurs|Mademoiselle)(?:,?\s+(?:Madame|Monsieur|Mesdames|Messieurs))?(?:\s+l[ea]\s+\p{L}+)?)\s*,`)
	reSalSirEN              = lazyRegexp(`(?i)^\s*(?:dear\s+(?:sir|madam|sirs|sir\s+or\s+madam|sir/madam|madam/sir|sir\s*/\s*madam)\b|to whom it may concern)`)
	reSalNameEN             = lazyRegexp(`(?i)^\s*dear\s+(?:mr|mrs|ms|miss|dr)\.?\s+\p{L}+|^\s*dear\s+\p{Lu}\p{L}+`)
	reYoursFaith            = lazyRegexp(`(?i)yours\s+faithfully`)
	reYoursSinc             = lazyRegexp(`(?i)yours\s+sincerely`)
	reCordialement          = lazyRegexp(`(?i)(?:bien\s+)?cordialement|bien à vous|amicalement`)
	reSalutationsIncomplete = lazyRegexp(`(?i)salutations`)
	reSalutationsFull       = lazyRegexp(`(?i)salutations\s+(?:distingu[ée]es|respectueuses|les meilleures)|meilleures salutations|sentiments|considération|salutations\s+distingu`)
	reSlangClosingEN        = lazyRegexp(`(?i)^\s*(?:cheers|thanks|ta|best|best wishes|many thanks)\s*,?\s*$`) // too casual for any letter
	reClosingEN             = lazyRegexp(`(?i)^\s*(?:regards|best|best wishes|cheers|thanks|thank you|many thanks|kind regards|best regards)\s*,?\s*$`)
	reGenericSig            = lazyRegexp(`(?i)^\s*(?:le|la|les|l'|the)?\s*(?:service|département|department|direction|team|équipe|comptabilit|accounts|credit control|recouvrement|management|la direction)`)
)

// salutationLine returns the salutation line, if any.
func (l *letter) salutationLine() *line {
	for i := range l.lines {
		if l.lines[i].sec == SecSalutation {
			return &l.lines[i]
		}
	}
	return nil
}

// checkAppellation: missing, named or familiar salutation; FR form not repeated the
// same in the closing; EN Sir/Madam vs "Yours sincerely" (STRUCT.APPELLATION).
func (l *letter) checkAppellation() {
	sal := l.salutationLine()
	if sal == nil {
		params := map[string]string{}
		l.missing("STRUCT.APPELLATION", SecSalutation, params)
		return
	}
	txt := sal.text
	if l.lang == "fr" {
		if m := reSalNamed.FindStringSubmatchIndex(txt); m != nil {
			word := txt[m[4]:m[5]]
			if word != "le" && word != "la" {
				fix := txt[m[2]:m[3]] + ","
				s := sal.start + len([]rune(txt[:m[0]]))
				l.hit("STRUCT.APPELLATION", s, sal.start+len([]rune(strings.TrimRight(txt, " "))), map[string]string{"_msg": "named"}, &fix)
			}
		}
		if reSalFamiliar.MatchString(txt) {
			fix := "Madame, Monsieur,"
			l.hit("STRUCT.APPELLATION", sal.start, sal.start+len([]rune(strings.TrimRight(txt, " "))), map[string]string{"_msg": "familiar"}, &fix)
		}
		// the same form in the closing
		salForm := ""
		if m := reSalFormFR.FindStringSubmatch(txt); m != nil {
			salForm = m[1]
		}
		// the closing's words joined across its lines (a PDF wraps « Madame, Monsieur / le
		// Maire »): the form is repeated when they hold it
		var joined []string
		for _, ln := range l.closingLines() {
			joined = append(joined, ln.text)
		}
		repeated := false
		if m := reCloseFormFR.FindStringSubmatch(strings.Join(joined, " ")); m != nil && salForm != "" {
			repeated = normSpaces(m[1]) == normSpaces(salForm)
		}
		for _, ln := range l.closingLines() {
			if m := reCloseFormFR.FindStringSubmatchIndex(ln.text); m != nil && salForm != "" && !repeated {
				got := ln.text[m[2]:m[3]]
				if normSpaces(got) != normSpaces(salForm) {
					s := ln.start + len([]rune(ln.text[:m[2]]))
					e := ln.start + len([]rune(ln.text[:m[3]]))
					fix := salForm
					l.hitSev("STRUCT.APPELLATION", s, e, Error, map[string]string{"_msg": "mismatch", "salutation": salForm}, &fix)
				}
			}
		}
		return
	}
	// English
	if reSalFamiliar.MatchString(txt) {
		fix := "Dear Sir or Madam,"
		l.hit("STRUCT.APPELLATION", sal.start, sal.start+len([]rune(strings.TrimRight(txt, " "))), map[string]string{"_msg": "familiar"}, &fix)
	}
	sir := reSalSirEN.MatchString(txt)
	named := !sir && reSalNameEN.MatchString(txt)
	for _, ln := range l.closingLines() {
		if m := reYoursSinc.FindStringIndex(ln.text); m != nil && sir {
			fix := "Yours faithfully"
			s, e := ln.start+len([]rune(ln.text[:m[0]])), ln.start+len([]rune(ln.text[:m[1]]))
			l.hitSev("STRUCT.APPELLATION", s, e, Error, map[string]string{"_msg": "mismatch_sir", "salutation": strings.TrimRight(strings.TrimSpace(txt), ",")}, &fix)
		}
		if m := reYoursFaith.FindStringIndex(ln.text); m != nil && named {
			fix := "Yours sincerely"
			s, e := ln.start+len([]rune(ln.text[:m[0]])), ln.start+len([]rune(ln.text[:m[1]]))
			l.hitSev("STRUCT.APPELLATION", s, e, Error, map[string]string{"_msg": "mismatch_named", "salutation": strings.TrimRight(strings.TrimSpace(txt), ",")}, &fix)
		}
	}
}

func normSpaces(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, ",", " ")), " ")
}

func (l *letter) closingLines() []line {
	var out []line
	for _, ln := range l.lines {
		if ln.sec == SecClosing {
			out = append(out, ln)
		}
	}
	return out
}

// checkClosing: missing, incomplete or familiar closing formula (STRUCT.CLOSING_FORMULA).
func (l *letter) checkClosing() {
	cl := l.closingLines()
	if len(cl) == 0 {
		model := "model_" + l.lang
		l.missing("STRUCT.CLOSING_FORMULA", SecClosing, map[string]string{"_model": model})
		return
	}
	all := ""
	for _, ln := range cl {
		all += ln.text + " "
	}
	for _, ln := range cl {
		if l.lang == "fr" {
			if m := reCordialement.FindStringIndex(ln.text); m != nil {
				sev := Warning
				if l.stage == StagePre || l.stage == StageR1 || l.stage == StageConf {
					sev = Advice
				}
				s, e := ln.start+len([]rune(ln.text[:m[0]])), ln.start+len([]rune(ln.text[:m[1]]))
				l.hitSev("STRUCT.CLOSING_FORMULA", s, e, sev, map[string]string{"_msg": "familiar", "match": ln.text[m[0]:m[1]]}, nil)
			}
		} else if reClosingEN.MatchString(ln.text) && (l.stage.rank() >= 2 || reSlangClosingEN.MatchString(ln.text)) {
			l.hit("STRUCT.CLOSING_FORMULA", ln.start, ln.end, map[string]string{"_msg": "familiar", "match": strings.TrimSpace(ln.text)}, nil)
		}
	}
	if l.lang == "fr" {
		if m := reSalutationsIncomplete.FindStringIndex(all); m != nil && !reSalutationsFull.MatchString(all) {
			l.hit("STRUCT.CLOSING_FORMULA", cl[0].start, cl[len(cl)-1].end, map[string]string{"_msg": "incomplete", "match": strings.Join(strings.Fields(all), " ")}, nil)
		} else if l.salutationLine() != nil && strings.Contains(strings.ToLower(all), "agr") && !reCloseFormFR.MatchString(all) {
			l.hitSev("STRUCT.CLOSING_FORMULA", cl[0].start, cl[len(cl)-1].end, Advice, map[string]string{"_msg": "repeat"}, nil)
		}
	}
}

// checkSignature: no named signatory with a title (STRUCT.SIGNATURE).
func (l *letter) checkSignature() {
	var sig []line
	for _, ln := range l.lines {
		if ln.sec == SecSignature && strings.TrimSpace(ln.text) != "" {
			sig = append(sig, ln)
		}
	}
	if len(sig) == 0 {
		l.missing("STRUCT.SIGNATURE", SecSignature, nil)
		return
	}
	named := false
	for _, ln := range sig {
		if personName(ln.text) {
			named = true
		}
	}
	if !named {
		// the signature's first line, as written (« Le service comptabilité »)
		quote := strings.TrimSpace(sig[0].text)
		if r := []rune(quote); len(r) > 60 {
			quote = string(r[:60]) + "…"
		}
		l.hit("STRUCT.SIGNATURE", sig[0].start, sig[len(sig)-1].end, map[string]string{"_msg": "unnamed", "sig": quote}, nil)
		return
	}
	if len(sig) == 1 && !strings.ContainsAny(sig[0].text, ",–-") {
		l.hit("STRUCT.SIGNATURE", sig[0].start, sig[0].end, map[string]string{"_msg": "title"}, nil)
	}
}

// reLegalForm is a company's legal form in a signature line.
var reLegalForm = lazyRegexp(`(?i)\b(?:ltd|limited|plc|llp|inc|sas|sasu|sarl|eurl|sa|snc|sci|gmbh)\b\.?`)

// reInitials is a given name written as initials: « J. », « J.-P. ».
var reInitials = lazyRegexp(`^\p{Lu}\.(?:-\p{Lu}\.)?$`)

// personName reports whether a signature line holds a first and last name.
func personName(s string) bool {
	if reGenericSig.MatchString(s) || reLegalForm.MatchString(s) {
		return false // a department, or the company's name (« Acme Ltd »), is nobody
	}
	if i := strings.IndexAny(s, ",–"); i > 0 {
		s = s[:i]
	}
	words := strings.Fields(s)
	caps, initials := 0, 0
	for _, w := range words {
		r := []rune(w)
		switch {
		case len(r) >= 2 && unicode.IsUpper(r[0]) && !strings.HasSuffix(w, "."):
			caps++
		case reInitials.MatchString(w):
			initials++ // « J. Martin », « J.-P. Martin »
		}
	}
	return caps >= 2 || initials >= 1 && caps >= 1
}

// checkDatePlace: no « Lieu, le date » line (STRUCT.DATE_PLACE).
func (l *letter) checkDatePlace() {
	for _, ln := range l.lines {
		if ln.sec == SecPlaceDate {
			return
		}
	}
	l.missing("STRUCT.DATE_PLACE", SecPlaceDate, nil)
}
