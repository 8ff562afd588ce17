package check

import (
	"strings"
)

// The letter's layout beyond its prose: invoice tables, page furniture and annexes. A
// letter copied from a PDF (pdftotext, or a viewer's copy) has lost its blank lines and
// its column separators; these readers find the same parts from the lines' content.

var (
	// rePageMark is a page number line (« Page 1/2 », « page 2 of 3 »).
	rePageMark = lazyRegexp(`(?i)^\s*page\s+\d+\s*(?:/|sur|of)\s*\d+\s*$`)
	// reContinued is the running head of a following page (« Client – Réf. (suite) »).
	reContinued = lazyRegexp(`(?i)\((?:suite|continued|cont\.?)\)\s*$`)
	// reLegalFooter is the company footer repeated on each page (capital, RCS, registered office).
	reLegalFooter = lazyRegexp(`(?i)(?:capital|share capital).*(?:RCS|SIREN|registered|si[èe]ge)|(?:RCS|SIREN).*(?:si[èe]ge|registered office)`)
	// reFooterTail is the end of a legal footer wrapped over two lines.
	reFooterTail = lazyRegexp(`(?i)\b(?:TVA|VAT|SIRET|SIREN|RCS|capital)\b|\bFR\d{2}\s?\d{9}\b`)
	// reAnnex starts an annex after the signature (« Annexe – Décompte… », « Appendix »).
	reAnnex = lazyRegexp(`(?i)^\s*(?:annexe|appendix|schedule)\b`)
	// rePlaceDateTail is « Lyon, le 23 novembre 2026 » at the end of a longer line: a PDF
	// copies the reference line and the place and date, side by side, as one line.
	rePlaceDateTail = lazyRegexp(`(?:^|\s)\p{Lu}[\p{L}'-]+(?:[ -]\p{L}[\p{L}'-]*){0,3},\s*(?:le\s+)?(?:\d{1,2}(?:er|st|nd|rd|th)?\s+\p{L}+\s+\d{4}|\p{L}+\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})\s*$`)
	// reTotalRow is a table's total row: « Total 14 221,62 € 0,00 € 14 221,62 € ».
	reTotalRow = lazyRegexp(`(?i)^\s*(?:total|sous-total|subtotal|totaux|totals)\b[^.;]*$`)
	// reHeaderEnd is what a table's header line may end with: a word or an abbreviation
	// (« Montant TTC », « Amount incl. »), never a sentence's end.
	reHeaderEnd = lazyRegexp(`(?i)(?:[\p{L}\p{N})°]|\bincl\.|\bexcl\.|\bn°|\bno\.)\s*$`)
)

// markFurniture labels the page furniture of a letter that runs over pages (page numbers,
// the repeated legal footer, the running head of the next page) as letterhead, and the
// annex after the signature as enclosures, so that none of it is read as the message or
// the signature.
func markFurniture(lines []line) {
	annex := false
	afterClosing := false
	for i := range lines {
		l := &lines[i]
		t := strings.TrimSpace(l.text)
		if t == "" {
			continue
		}
		if l.sec == SecClosing {
			afterClosing = true
		}
		switch {
		case rePageMark.MatchString(t), reContinued.MatchString(t):
			l.sec = SecHeader
		case i > 0 && lines[i-1].sec == SecHeader && (l.sec == SecSignature || l.sec == SecEnclosures) && reFooterTail.MatchString(t):
			l.sec = SecHeader // the legal footer's second line
		case l.sec != SecHeader && l.sec != SecRecipient && reLegalFooter.MatchString(t) && (l.sec == SecSignature || l.sec == SecEnclosures || l.sec == SecBody && i > 0 && lines[i-1].sec == SecHeader):
			l.sec = SecHeader
		case annex:
			l.sec = SecEnclosures
		case afterClosing && (l.sec == SecSignature || l.sec == SecEnclosures) && reAnnex.MatchString(t):
			annex = true
			l.sec = SecEnclosures
		}
	}
}

// markTables labels the lines of invoice tables (SecTable): rows with cells separated by
// « | » (compose.Letter.PlainText), or rows of at least three amounts, dates, invoice
// numbers or rates with few other words (a table copied from a PDF), with their header
// lines and total row. Tables are facts, not sentences: they are not read for tone,
// style or sentence length, and their total row is checked against the rows.
func (l *letter) markTables() {
	isRow := func(ln line) bool {
		if ln.sec != SecBody && ln.sec != SecEnclosures {
			return false
		}
		if strings.Count(ln.text, "|") >= 2 {
			return true
		}
		cells := 0
		for _, e := range l.ents {
			if e.Start >= ln.start && e.End <= ln.end {
				switch e.Kind {
				case EntAmount, EntDate, EntInvoice, EntRate:
					cells++
				}
			}
		}
		t := strings.TrimSpace(ln.text)
		if cells < 3 || bullet(t) || strings.Contains(t, ": ") || strings.Contains(t, ", ") || strings.HasSuffix(t, ";") || strings.HasSuffix(t, ".") {
			return false // a list item or a sentence, not a row
		}
		words := 0
		for _, w := range l.t.words(ln.start, ln.end) {
			if !l.inEntity(w[0], w[1]) && !strings.ContainsAny(string(l.t.runes[w[0]:w[1]]), "0123456789") {
				words++
			}
		}
		return words <= 4
	}
	for i := 0; i < len(l.lines); i++ {
		if !isRow(l.lines[i]) {
			continue
		}
		// the header: up to two short lines just above the first row, without an
		// entity and not ending a sentence (« N° facture Date Échéance Montant TTC … »)
		for k, n := i-1, 0; k >= 0 && n < 2; k, n = k-1, n+1 {
			h := l.lines[k]
			t := strings.TrimSpace(h.text)
			if h.sec != l.lines[i].sec || t == "" || !reHeaderEnd.MatchString(t) || len(strings.Fields(t)) > 14 || l.hasEntIn(h.start, h.end) {
				break
			}
			l.lines[k].sec = SecTable
		}
		for ; i < len(l.lines) && isRow(l.lines[i]); i++ {
			l.lines[i].sec = SecTable
		}
		// the total row, when its cells did not make it a row on their own
		if i < len(l.lines) && reTotalRow.MatchString(l.lines[i].text) && l.hasEntIn(l.lines[i].start, l.lines[i].end) {
			l.lines[i].sec = SecTable
		}
	}
}

// hasEntIn reports an entity inside [start, end).
func (l *letter) hasEntIn(start, end int) bool {
	for _, e := range l.ents {
		if e.Start >= start && e.End <= end {
			return true
		}
	}
	return false
}
