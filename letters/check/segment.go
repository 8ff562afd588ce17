package check

import (
	"strings"
)

// Part is one section of a letter: its kind and its rune span in the original text.
type Part struct {
	Section Section `json:"section"`
	Start   int     `json:"start"`
	End     int     `json:"end"`
}

// line is one line of the normalised text.
type line struct {
	start, end int // rune offsets, end excludes the newline
	text       string
	sec        Section
}

var (
	reSubject    = lazyRegexp(`(?i)^\s*(?:objet|object|subject|re)\s*:`)
	reSalutation = lazyRegexp(`(?i)^\s*(?:madame|monsieur|mesdames|messieurs|madame,? monsieur|cher|chère|chers|bonjour|dear|hello|hi|to whom|sir|madam|ladies)\b[^.!?]{0,60}[,:]?\s*$`)
	rePlaceDate  = lazyRegexp(`(?i)^\s*(?:[\p{L}' -]{2,40},\s*(?:le\s+)?)?(?:le\s+)?(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?(?:\d{1,2}(?:er|st|nd|rd|th)?\s+\p{L}+\s+\d{4}|\p{L}+\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\s*$`)
	reReference  = lazyRegexp(`(?i)^\s*(?:n/\s*r[ée]f|v/\s*r[ée]f|r[ée]f(?:[ée]rence)?s?\b|our ref|your ref|lettre recommand|recommand[ée]e? avec|lrar\b|par lettre recommand|sent by|by recorded|by special delivery|by registered|envoi recommand)`)
	reClosing    = lazyRegexp(`(?i)(?:agr[ée]er|salutations|cordialement|bien à vous|sinc[eè]res|respectueuses|yours (?:sincerely|faithfully|truly)|kind regards|best regards|regards,|sincerely,|bien cordialement|^\s*(?:cheers|best wishes|many thanks|with thanks)\b)`)
	reEnclosure  = lazyRegexp(`(?i)^\s*(?:p\.?\s?j\.?|pi[èe]ces? jointes?|annexes?|enc(?:losures?|l)?\.?)\s*[:.-]?`)
)

// segment splits the normalised text into lines and labels each one.
func segment(t *text) []line {
	var lines []line
	start := 0
	for i, r := range t.runes {
		if r == '\n' {
			lines = append(lines, line{start: start, end: i, text: string(t.runes[start:i])})
			start = i + 1
		}
	}
	lines = append(lines, line{start: start, end: len(t.runes), text: string(t.runes[start:])})

	blank := func(l line) bool { return strings.TrimSpace(l.text) == "" }
	sal, subj := -1, -1
	for i, l := range lines {
		if blank(l) {
			continue
		}
		if subj < 0 && reSubject.MatchString(l.text) {
			subj = i
		}
		if sal < 0 && reSalutation.MatchString(l.text) && len([]rune(l.text)) < 70 && salutationShape(lines, i) {
			sal = i
			break
		}
	}
	// closing: the last paragraph holding a closing formula, after the salutation
	closing := -1
	for i := len(lines) - 1; i > sal && i >= 0; i-- {
		if !blank(lines[i]) && reClosing.MatchString(lines[i].text) {
			closing = i
			break
		}
	}
	// a closing formula spread over several lines starts at its paragraph's start
	if closing >= 0 {
		for closing-1 > sal && !blank(lines[closing-1]) && !strings.HasSuffix(strings.TrimSpace(lines[closing-1].text), ".") &&
			!strings.HasSuffix(strings.TrimSpace(lines[closing-1].text), ":") {
			closing--
		}
	}
	bodyStart := 0
	switch {
	case sal >= 0:
		bodyStart = sal + 1
	case subj >= 0:
		bodyStart = subj + 1
	}
	// head: everything before the body start
	headEnd := bodyStart
	if sal >= 0 {
		headEnd = sal
	} else if subj >= 0 {
		headEnd = subj
	}
	// blocks of the head (separated by blank lines)
	block := 0
	blocks := map[int]int{}
	nBlocks := 0
	prevBlank := true
	for i := 0; i < headEnd; i++ {
		if blank(lines[i]) {
			prevBlank = true
			continue
		}
		if prevBlank {
			block = nBlocks
			nBlocks++
		}
		prevBlank = false
		blocks[i] = block
	}
	addrBlocks := map[int]bool{}
	for i := 0; i < headEnd; i++ {
		l := &lines[i]
		if blank(*l) {
			continue
		}
		switch {
		case reSubject.MatchString(l.text):
			l.sec = SecSubject
		case rePlaceDate.MatchString(l.text), rePlaceDateTail.MatchString(l.text) && !reSubject.MatchString(l.text):
			l.sec = SecPlaceDate
		case reReference.MatchString(l.text):
			l.sec = SecReferences
		default:
			addrBlocks[blocks[i]] = true
		}
	}
	// address-like blocks: the first is the sender when there are two or more
	var ab []int
	for b := 0; b < nBlocks; b++ {
		if addrBlocks[b] {
			ab = append(ab, b)
		}
	}
	for i := 0; i < headEnd; i++ {
		l := &lines[i]
		if blank(*l) || l.sec != "" {
			continue
		}
		l.sec = SecRecipient
		if len(ab) >= 2 && blocks[i] == ab[0] {
			l.sec = SecHeader
		}
	}
	if sal >= 0 {
		lines[sal].sec = SecSalutation
	}
	if subj < 0 {
		subj = headingSubject(lines, sal)
	}
	// the British « Re: » line written just under the salutation
	if subj < 0 && sal >= 0 {
		k := sal + 1
		for k < len(lines) && blank(lines[k]) {
			k++
		}
		if k < len(lines) && reSubject.MatchString(lines[k].text) {
			lines[k].sec = SecSubject
			if bodyStart == k {
				bodyStart = k + 1
			}
		}
	}
	// subject lines after the salutation are unusual; treat the subject's wrapped
	// continuation as subject
	if subj >= 0 {
		lines[subj].sec = SecSubject
		for k := subj + 1; k < headEnd && !blank(lines[k]) && lines[k].sec == SecRecipient; k++ {
			lines[k].sec = SecSubject
		}
	}
	end := len(lines)
	if closing >= 0 {
		end = closing
	}
	for i := bodyStart; i < end; i++ {
		if lines[i].sec == "" {
			lines[i].sec = SecBody
		}
	}
	if closing >= 0 {
		// closing paragraph, then the signature
		i := closing
		for ; i < len(lines) && !blank(lines[i]); i++ {
			lines[i].sec = SecClosing
		}
		for ; i < len(lines); i++ {
			if blank(lines[i]) {
				continue
			}
			if reEnclosure.MatchString(lines[i].text) {
				lines[i].sec = SecEnclosures
				continue
			}
			lines[i].sec = SecSignature
		}
		// "Cordialement," followed by the name on the next line without a blank
		if n := closingLastLine(lines, closing); n >= 0 {
			for k := n + 1; k < len(lines) && lines[k].sec == SecClosing; k++ {
				lines[k].sec = SecSignature
			}
		}
	} else {
		// no closing formula: trailing short lines after the last sentence are a signature
		last := -1
		for i := len(lines) - 1; i >= bodyStart; i-- {
			if !blank(lines[i]) && strings.ContainsAny(strings.TrimSpace(lines[i].text)[len(strings.TrimSpace(lines[i].text))-1:], ".!?") {
				last = i
				break
			}
		}
		if last >= 0 {
			for i := last + 1; i < len(lines); i++ {
				if !blank(lines[i]) {
					if reEnclosure.MatchString(lines[i].text) {
						lines[i].sec = SecEnclosures
					} else {
						lines[i].sec = SecSignature
					}
				}
			}
		}
	}
	for i := range lines {
		if lines[i].sec == "" && !blank(lines[i]) {
			lines[i].sec = SecBody
		}
		if lines[i].sec == SecBody && reEnclosure.MatchString(lines[i].text) && len(lines[i].text) < 80 && i > 0 && blank(lines[i-1]) && closing >= 0 && i > closing {
			lines[i].sec = SecEnclosures
		}
	}
	return lines
}

// closingLastLine returns the line of the closing paragraph that ends the formula
// (ends with "." or "," or is the formula itself), so that a name written right under
// it becomes the signature.
func closingLastLine(lines []line, closing int) int {
	for k := closing; k < len(lines) && lines[k].sec == SecClosing; k++ {
		s := strings.TrimSpace(lines[k].text)
		end := strings.HasSuffix(s, ".") || strings.HasSuffix(s, ",")
		if reClosing.MatchString(s) && (end || len(s) < 30) {
			return k
		}
		// a formula wrapped over two or three lines (a PDF's text): it ends on the first
		// line ending with its full stop
		if k > closing && k-closing <= 2 && end {
			return k
		}
	}
	return -1
}

// parts merges consecutive lines of the same section into parts (original offsets).
func parts(t *text, lines []line) []Part {
	var out []Part
	for _, l := range lines {
		if l.sec == "" {
			continue
		}
		s, e := t.origSpan(l.start, l.end)
		if n := len(out); n > 0 && out[n-1].Section == l.sec {
			out[n-1].End = e
			continue
		}
		out = append(out, Part{Section: l.sec, Start: s, End: e})
	}
	return out
}

// reHeadingWords make a heading line a subject: the British letter's heading has no
// « Re: » (« Final reminder before legal action – invoice BWS-INV-0457 »).
var reHeadingWords = lazyRegexp(`(?i)\b(?:invoices?|factures?|reminder|relance|letter of claim|letter before|formal notice|mise en demeure|account|compte|payment|paiement|overdue|statement|relev[ée])\b`)

// headingSubject finds a subject line written without « Objet : » or « Re: »: the
// line just above the salutation, alone in its block, after the place and date, naming
// an invoice or the letter's purpose. -1 when there is none.
func headingSubject(lines []line, sal int) int {
	if sal <= 0 {
		return -1
	}
	k := sal - 1
	for k >= 0 && strings.TrimSpace(lines[k].text) == "" {
		k--
	}
	if k < 1 || lines[k].sec != SecRecipient || !reHeadingWords.MatchString(lines[k].text) || len([]rune(lines[k].text)) > 120 {
		return -1
	}
	if strings.TrimSpace(lines[k-1].text) != "" {
		return -1 // part of an address block
	}
	for i := k - 1; i >= 0; i-- {
		if lines[i].sec == SecPlaceDate {
			return k
		}
	}
	return -1
}

// salutationShape tells a salutation (« Madame, » alone on its line) from a line of the
// address block (« Madame Sophie Lambert » followed by the street): it ends with a comma
// or a colon, or stands alone between blank lines.
func salutationShape(lines []line, i int) bool {
	t := strings.TrimSpace(lines[i].text)
	if strings.HasSuffix(t, ",") || strings.HasSuffix(t, ":") {
		return true
	}
	prevBlank := i == 0 || strings.TrimSpace(lines[i-1].text) == ""
	nextBlank := i+1 >= len(lines) || strings.TrimSpace(lines[i+1].text) == ""
	return prevBlank && nextBlank
}
