package check

import (
	"strings"
	"unicode"
)

// codeRules are the checks written in Go: structure, arithmetic, dates, the ledger.
// Each one emits only when its rule is on for the check (letter.hit does the gating).
var codeRules = []func(*letter){
	(*letter).checkDates,
	(*letter).checkNumberFormat,
	(*letter).checkCaps,
	(*letter).checkMisstated,
	(*letter).checkPrescription,
	(*letter).checkAmount,
	(*letter).checkInvoiceRef,
	(*letter).checkInvoiceDates,
	(*letter).checkTotals,
	(*letter).checkVAT,
	(*letter).checkPaymentDetails,
	(*letter).checkDeadline,
	(*letter).checkContact,
	(*letter).checkObjectLine,
	(*letter).checkSaufErreur,
	(*letter).checkNegationDensity,
	(*letter).checkSentenceLength,
	(*letter).checkLetterLength,
	(*letter).checkAppellation,
	(*letter).checkClosing,
	(*letter).checkSignature,
	(*letter).checkDatePlace,
}

// runPresence emits a missing-item finding when the rule's lexicon (any or all of its
// patterns) and entities are absent from the whole letter.
func (l *letter) runPresence(r *Rule) {
	for _, k := range r.Entities {
		if l.hasEnt(k) {
			return
		}
	}
	found := map[int]bool{}
	for i, p := range r.pats[l.lang] {
		if len(p.Stages) > 0 && !containsStage(p.Stages, l.stage) {
			continue
		}
		if p.presentIn(l.t) {
			found[i] = true
		}
	}
	anchor := r.Anchor
	if anchor == "" {
		anchor = SecBody
	}
	if r.Require == "all" {
		// one finding naming every missing item
		var miss []string
		for i, p := range r.pats[l.lang] {
			if !found[i] && (len(p.Stages) == 0 || containsStage(p.Stages, l.stage)) {
				miss = append(miss, p.Note)
			}
		}
		if len(miss) > 0 {
			and := " and "
			if l.msgLang == "fr" {
				and = " et "
			}
			items := miss[len(miss)-1]
			if len(miss) > 1 {
				items = strings.Join(miss[:len(miss)-1], ", ") + and + items
			}
			l.missing(r.ID, anchor, map[string]string{"item": items})
		}
		return
	}
	if len(found) == 0 {
		l.missing(r.ID, anchor, nil)
	}
}

func (l *letter) hasEnt(kind string) bool {
	for _, e := range l.ents {
		if e.Kind == kind {
			return true
		}
	}
	return false
}

// bodyRegion reports whether the normalised offset is in the part of the letter where
// the message is (not the address blocks or the signature).
func (l *letter) inMessage(i int) bool {
	switch l.sectionAt(i) {
	case SecHeader, SecRecipient, SecSignature:
		return false
	}
	return true
}

var weekdayNames = map[string][]string{
	"fr": {"", "dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"},
	"en": {"", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
}

// checkDates: impossible dates, a weekday that does not match, an implausible year
// (TYPO.DATE_VALID).
func (l *letter) checkDates() {
	for _, e := range l.ents {
		if e.Kind != EntDate {
			continue
		}
		txt := l.t.slice(e.Start, e.End)
		switch {
		case e.Invalid:
			l.hit("TYPO.DATE_VALID", e.Start, e.End, map[string]string{"date": txt, "_msg": "impossible"}, nil)
		case e.Weekday != 0 && int(e.Date.Weekday())+1 != e.Weekday:
			wd := weekdayNames[l.lang][int(e.Date.Weekday())+1]
			l.hit("TYPO.DATE_VALID", e.Start, e.End, map[string]string{"date": txt, "weekday": wd, "_msg": "weekday"}, nil)
		case l.date.Valid() && (e.Date.Year() < l.date.Year()-12 || e.Date.Year() > l.date.Year()+2):
			l.hit("TYPO.DATE_VALID", e.Start, e.End, map[string]string{"date": txt, "_msg": "year"}, nil)
		}
	}
}

// checkNumberFormat: amounts not written the way the letter's language writes them.
func (l *letter) checkNumberFormat() {
	for _, e := range l.ents {
		if e.Kind != EntAmount || !l.inMessage(e.Start) {
			continue
		}
		if e.Format == "bad" || e.Format != l.lang {
			fix := e.Cents.Format(l.lang, e.Currency)
			l.hit("TYPO.NUMBER_FORMAT", e.Start, e.End, map[string]string{"amount": l.t.slice(e.Start, e.End), "fix": fix}, &fix)
		}
	}
}

var (
	reCapsRun    = lazyRegexp(`\p{Lu}[\p{Lu}'-]+(?:[ ,]+\p{Lu}[\p{Lu}'-]+)+`)
	capsAllow    = map[string]bool{"TTC": true, "HT": true, "TVA": true, "SIRET": true, "SIREN": true, "IBAN": true, "BIC": true, "LRAR": true, "SAS": true, "SARL": true, "SA": true, "RCS": true, "EUR": true, "EURL": true, "SASU": true, "CGV": true, "RIB": true, "PJ": true, "UK": true, "VAT": true, "BACS": true, "GBP": true, "FR": true, "SNC": true, "LTD": true, "PLC": true, "AR": true, "CB": true, "DSO": true, "ECB": true, "BCE": true}
	capsHeadings = lazyRegexp(`^(?:MISE EN DEMEURE(?: DE PAYER)?|FORMAL NOTICE|LETTER BEFORE (?:ACTION|CLAIM)|LETTRE RECOMMAND[ÉE]E AVEC (?:DEMANDE D'AVIS|ACCUS[ÉE]) DE R[ÉE]CEPTION|RECORDED DELIVERY)$`)
)

// checkCaps: two or more consecutive words in capitals (TYPO.CAPS).
func (l *letter) checkCaps() {
	for _, m := range reCapsRun.FindAllStringIndex(l.t.s, -1) {
		s, e := l.t.runeSpan(m[0], m[1])
		sec := l.sectionAt(s)
		if sec != SecBody && sec != SecSubject && sec != SecClosing {
			continue
		}
		txt := l.t.slice(s, e)
		if capsHeadings.MatchString(txt) {
			continue
		}
		n := 0
		for _, w := range strings.FieldsFunc(txt, func(r rune) bool { return r == ' ' || r == ',' }) {
			if !capsAllow[w] && len([]rune(w)) > 1 {
				n++
			}
		}
		if n < 2 {
			continue
		}
		fix := sentenceCase(txt)
		l.hit("TYPO.CAPS", s, e, nil, &fix)
	}
}

func sentenceCase(s string) string {
	r := []rune(strings.ToLower(s))
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

var (
	reB2CFees = lazyRegexp(`(?i)indemnit[ée] forfaitaire|frais (?:de|du) recouvrement|fixed (?:sum|compensation)|recovery costs`)
	// reB2CPenalties are the business late-payment penalties (C. com. L441-10, the UK
	// Late Payment Act), which a consumer does not owe.
	reB2CPenalties = lazyRegexp(`(?i)\bL\.? ?441-10|(?:3|trois) fois le taux (?:d'intérêt )?légal|taux (?:directeur )?de la BCE|Late Payment of Commercial Debts|statutory interest(?: under the Late Payment| at 8)|8 ?% (?:above|over) (?:the )?(?:Bank of England )?base rate`)
	reL441         = lazyRegexp(`\bL\.? ?441-10\b`)
	reBareLegal    = lazyRegexp(`(?i)p[ée]nalit[ée]s?[^.]{0,40}?\bau taux (?:de l'intérêt |d'intérêt |de l'intér[êe]t )?l[ée]gal`)
	// reUKCompAfter is the compensation named before its sum (« fixed compensation of £40 »).
	reUKCompAfter = lazyRegexp(`(?i)(?:fixed )?(?:compensation|fixed sum)(?: for (?:debt )?recovery costs)? of £ ?(40|70|100)(?:\.00)?\b`)
	reUKComp      = lazyRegexp(`£ ?(40|70|100)(?:\.00)?\s+(?:(?:fixed\s+)?(?:compensation|fixed sum|late payment compensation)|per invoice|for each invoice)`)
	reUKAbove     = lazyRegexp(`(?i)^\s*(?:above|over) (?:the )?(?:Bank of England )?base`)
	reUKRate      = lazyRegexp(`(?i)\b8 ?% (?:per annum|a year|per year|p\.a\.|per month|a month|monthly)`)
)

// checkMisstated: legal misstatements that code can see (LEGAL.MISSTATED): the €40
// indemnity or recovery costs claimed from a consumer (C. com. D441-5 applies between
// professionals only; CPCE L111-8), business late-payment penalties claimed from a
// consumer (C. com. L441-10 between professionals; a consumer owes interest at the
// legal rate, C. civ. 1231-6), and the wrong UK compensation band (Late Payment
// of Commercial Debts (Interest) Act 1998, s. 5A: £40 < £1,000 ≤ £70 < £10,000 ≤ £100).
func (l *letter) checkMisstated() {
	if l.aud == B2C {
		for _, m := range reB2CFees.FindAllStringIndex(l.t.s, -1) {
			s, e := l.t.runeSpan(m[0], m[1])
			if l.inMessage(s) && !l.negated(s) {
				l.hit("LEGAL.MISSTATED", s, e, map[string]string{"_msg": "b2c"}, nil)
			}
		}
		for _, en := range l.ents {
			if en.Kind == EntAmount && en.Cents == 4000 && l.inMessage(en.Start) && !l.inTable(en.Start) && !l.negated(en.Start) {
				l.hit("LEGAL.MISSTATED", en.Start, en.End, map[string]string{"_msg": "b2c"}, nil)
			}
		}
		for _, m := range reB2CPenalties.FindAllStringIndex(l.t.s, -1) {
			s, e := l.t.runeSpan(m[0], m[1])
			if l.inMessage(s) && !l.negated(s) {
				l.hit("LEGAL.MISSTATED", s, e, map[string]string{"_msg": "b2c_penalties"}, nil)
			}
		}
	}
	if l.aud == Public {
		for _, m := range reL441.FindAllStringIndex(l.t.s, -1) {
			s, e := l.t.runeSpan(m[0], m[1])
			if l.inMessage(s) && !l.negated(s) {
				l.hit("LEGAL.MISSTATED", s, e, map[string]string{"_msg": "public_penalties"}, nil)
			}
		}
	}
	if l.aud == B2B && l.lang == "fr" {
		for _, m := range reBareLegal.FindAllStringIndex(l.t.s, -1) {
			if strings.Contains(strings.ToLower(l.t.s[m[0]:m[1]]), "fois") {
				continue // « trois fois le taux légal »
			}
			s, e := l.t.runeSpan(m[0], m[1])
			if l.inMessage(s) && !l.negated(s) {
				l.hit("LEGAL.MISSTATED", s, e, map[string]string{"_msg": "legal_rate"}, nil)
			}
		}
	}
	if l.lang == "en" && l.aud != B2C {
		// Statutory interest is 8 points above the Bank of England base rate (Late
		// Payment Act 1998, s. 4 and the 2002 Order), not a flat 8 %, and never monthly.
		for _, m := range reUKRate.FindAllStringIndex(l.t.s, -1) {
			if tail := l.t.s[m[1]:min(len(l.t.s), m[1]+40)]; reUKAbove.MatchString(tail) {
				continue
			}
			s, e := l.t.runeSpan(m[0], m[1])
			if l.inMessage(s) {
				l.hit("LEGAL.MISSTATED", s, e, map[string]string{"_msg": "uk_rate"}, nil)
			}
		}
		// the compensation is per invoice, by its size (s. 5A): £40 under £1,000, £70 under
		// £10,000, £100 above; with several invoices, each written band must be one of theirs
		band := func(c int64) string {
			switch {
			case c >= 1000000:
				return "100"
			case c >= 100000:
				return "70"
			}
			return "40"
		}
		var principal int64
		bands := map[string]bool{}
		for _, e := range l.ents {
			if e.Kind == EntAmount && e.Currency == "GBP" && !isCompAmount(int64(e.Cents)) {
				bands[band(int64(e.Cents))] = true
				principal = max(principal, int64(e.Cents))
			}
		}
		if principal == 0 {
			return
		}
		want := band(principal)
		ms := append(reUKComp.FindAllStringSubmatchIndex(l.t.s, -1), reUKCompAfter.FindAllStringSubmatchIndex(l.t.s, -1)...)
		for _, m := range ms {
			if got := l.t.s[m[2]:m[3]]; !bands[got] {
				s, e := l.t.runeSpan(m[0], m[1])
				l.hit("LEGAL.MISSTATED", s, e, map[string]string{"_msg": "uk", "want": "£" + want}, nil)
			}
		}
	}
}

func isCompAmount(c int64) bool { return c == 4000 || c == 7000 || c == 10000 }

// checkPrescription: invoices older than the limitation period at the letter date
// (C. com. L110-4: 5 years between traders; C. consom. L218-2: 2 years against a
// consumer).
func (l *letter) checkPrescription() {
	if !l.date.Valid() {
		return
	}
	years := 5
	if l.aud == B2C {
		years = 2
	}
	limit := l.date.AddMonths(-12 * years)
	for _, e := range l.ents {
		if e.Kind != EntDate || !e.Date.Valid() || e.Deadline || !l.inMessage(e.Start) || e.Date >= limit {
			continue
		}
		s := l.sentenceAt(e.Start)
		if l.entIn(EntInvoice, s.start, s.end) || reInvoiceWord.MatchString(l.t.slice(s.start, s.end)) {
			l.hit("LEGAL.PRESCRIPTION", e.Start, e.End, map[string]string{"years": itoa(years)}, nil)
		}
	}
}

var reInvoiceWord = lazyRegexp(`(?i)factur|invoice`)

func (l *letter) entIn(kind string, start, end int) bool {
	for _, e := range l.ents {
		if e.Kind == kind && e.Start >= start && e.End <= end {
			return true
		}
	}
	return false
}

var reNotClaimed = lazyRegexp(`(?i)ne s'appliquen?t? pas|n'(?:est|sont) pas dus?|pas applicables?|aucune? (?:indemnité|frais)|not (?:apply|applicable|due|payable|charged|claimable)|does not apply|no (?:fixed )?(?:compensation|recovery costs)`)

// negated reports whether the sentence holding i says the indemnity is not claimed
// (« l'indemnité de 40 € ne s'applique pas aux consommateurs »).
func (l *letter) negated(i int) bool {
	s := l.sentenceAt(i)
	return reNotClaimed.MatchString(l.t.slice(s.start, s.end))
}

// inTable reports whether normalised offset i is on a table row (cells separated by |).
func (l *letter) inTable(i int) bool {
	for _, ln := range l.lines {
		if i >= ln.start && i <= ln.end {
			return ln.sec == SecTable
		}
	}
	return false
}
