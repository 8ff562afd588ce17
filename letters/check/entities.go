package check

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"relance/ledger"
)

// Entity patterns (on the normalised text: apostrophes are ', spaces are ' ').
var (
	// FR: 1 250,00 € | 1250 € | 1.250€ | 1 250 euros | 1 250,00 EUR ; EN: €1,250.00 | £40 | 1,250.00 EUR
	reAmountPost = lazyRegexp(`(?i)(?:^|[^\p{L}\p{N}.,])(\d{1,3}(?:[ .,]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)( ?)(€|euros?|eur|£|gbp|usd|\$)(?:$|[^\p{L}\p{N}])`)
	reAmountPre  = lazyRegexp(`(?:^|[^\p{L}\p{N}])(€|£|\$) ?(\d{1,3}(?:[, ]\d{3})+(?:\.\d{1,2})?|\d+(?:[.,]\d{1,2})?)`)
	reInvoice    = lazyRegexp(`(?i)(?:factures?|invoices?|avoirs?|credit notes?|n°|no\.|nos\.|number|num[ée]ro|#)\s*(?:n°|no\.?|number|num[ée]ro|#|ref\.?)?\s*:?\s*((?:[A-Z]{1,6}[-/ ]?)?\d[\dA-Z]*(?:[-/][\dA-Z]+)*)`)
	// reInvoiceOrCredit names an invoice or a credit note (not just « n° »).
	reInvoiceOrCredit = lazyRegexp(`(?i)factur|invoice|avoir|credit note`)
	// reAccountCue ends the words before a number that is not an invoice's: a customer
	// account, a dispute or file reference (« compte client n° C00020 », « réf. L2026-0042 »).
	reAccountCue = lazyRegexp(`(?i)(?:compte(?:\s+client)?|client|customer(?:\s+account)?|account|r[ée]f\.?|r[ée]f[ée]rence|reference|litige|dispute|dossier|file|registered in [\p{L} ]{2,30}|company|registration|siren|siret|rcs [\p{L}-]+|tva|vat|r[èe]glement \((?:CE|UE)\)|regulation \((?:EC|EU)\)|directive(?: \((?:CE|UE|EC|EU)\))?|loi|d[ée]cret|arr[êe]t[ée])\s*(?:n°|no\.?)?\s*:?\s*$`)
	// reInvoiceBare is a reference without the word « facture »: FA-2026-0412, or
	// FA2026-01391 as accounting software numbers invoices (a table's first column).
	reInvoiceBare = lazyRegexp(`(?:^|[^\p{L}\p{N}-])([A-Z]{2,5}-\d{2,4}(?:-\d{1,6})+|[A-Z]{2,5}-\d{3,8}|[A-Z]{2,5}(?:-[A-Z]{2,5})+-\d{2,8}|[A-Z]{1,5}\d{2,8}[-/]\d{1,8})(?:$|[^\p{L}\p{N}-])`)
	reDateFR      = lazyRegexp(`(?i)(?:(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?(\d{1,2}|1er)\s+(janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)(?:\s+(\d{4}))?`)
	reDateEN1     = lazyRegexp(`(?i)(?:(monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(january|february|march|april|may|june|july|august|september|october|november|december|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b\.?)\s*,?\s*(\d{4})?`)
	reDateEN2     = lazyRegexp(`(?i)(?:(monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?(january|february|march|april|may|june|july|august|september|october|november|december)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})`)
	reDateNum     = lazyRegexp(`(?:^|[^\d/.])(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})(?:$|[^\d/])`)
	reDateISO     = lazyRegexp(`(?:^|[^\d-])(\d{4})-(\d{2})-(\d{2})(?:$|[^\d])`)
	reRelDeadline = lazyRegexp(`(?i)(?:sous|dans un d[ée]lai de|d'ici|within|in the next)\s+(\d{1,2}|huit|quinze|trente|dix|seven|eight|fourteen|fifteen|thirty|ten)\s+(?:jours|days)|sous huitaine|sous quinzaine`)
	reDeadlineCue = lazyRegexp(`(?i)(?:au\s+plus\s+tard(?:\s+[àa]\s+(?:son|leur)\s+[ée]ch[ée]ance\s*,?)?|avant\s+le|d'ici\s+le|jusqu'au|pour\s+le|no\s+later\s+than|by|before|on\s+or\s+before|until)\s*(?:le\s+|the\s+)?$`)
	reIBAN        = lazyRegexp(`\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b`)
	rePhone       = lazyRegexp(`(?:\+33 ?\(?0?\)? ?[1-9]|\b0[1-9])(?:[ .-]?\d{2}){4}\b|\+44 ?(?:\(0\))? ?\d{2,4}[ \d]{6,10}\d|\b0\d{3,4} ?\d{3} ?\d{3,4}\b`)
	reEmail       = lazyRegexp(`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}`)
	reLegalRef    = lazyRegexp(`(?i)(?:art(?:icle)?s?\.?\s*)?\b[LRD]\.? ?\d{3,4}-\d{1,3}\b(?:-\d+)?|(?i)articles?\s+\d{4}(?:-\d)?(?:\s+du\s+code\s+civil)?|\bLate Payment of Commercial Debts[^.]*Act 1998`)
	reRate        = lazyRegexp(`\d+(?:[.,]\d+)? ?%`)
	reCompanyID   = lazyRegexp(`(?i)\b(?:siren|siret|rcs)\b[^\n]{0,40}?\d{3} ?\d{3} ?\d{3}|\bcompany (?:no|number|registration)`)
)

var frMonths = map[string]time.Month{"janvier": 1, "fevrier": 2, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "aout": 8, "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12, "décembre": 12}
var enMonths = map[string]time.Month{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	// the abbreviations of tables and PDFs (« 2 Nov 2026 »)
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
var weekdays = map[string]int{"dimanche": 1, "lundi": 2, "mardi": 3, "mercredi": 4, "jeudi": 5, "vendredi": 6, "samedi": 7,
	"sunday": 1, "monday": 2, "tuesday": 3, "wednesday": 4, "thursday": 5, "friday": 6, "saturday": 7}
var numberWords = map[string]int{"huit": 8, "quinze": 15, "trente": 30, "dix": 10, "seven": 7, "eight": 8, "fourteen": 14, "fifteen": 15, "thirty": 30, "ten": 10}

// extract finds the entities of the normalised text, in text order. Spans are in
// normalised runes (converted to the original by the caller).
func extract(t *text, lang string, year int) []Entity {
	var out []Entity
	add := func(kind string, bs, be int, e Entity) {
		e.Kind = kind
		e.Start, e.End = t.runeSpan(bs, be)
		e.Text = t.s[bs:be]
		out = append(out, e)
	}
	taken := func(bs, be int) bool {
		s, e := t.runeSpan(bs, be)
		for _, x := range out {
			if s < x.End && e > x.Start {
				return true
			}
		}
		return false
	}
	for _, m := range reEmail.FindAllStringIndex(t.s, -1) {
		add(EntEmail, m[0], m[1], Entity{})
	}
	for _, m := range reIBAN.FindAllStringIndex(t.s, -1) {
		if !taken(m[0], m[1]) {
			add(EntIBAN, m[0], m[1], Entity{})
		}
	}
	for _, m := range reCompanyID.FindAllStringIndex(t.s, -1) {
		add(EntCompany, m[0], m[1], Entity{})
	}
	for _, m := range reLegalRef.FindAllStringIndex(t.s, -1) {
		if !taken(m[0], m[1]) {
			add(EntLegalRef, m[0], m[1], Entity{})
		}
	}
	// dates
	dates := func(re *regexp.Regexp, parse func(sub []string) (ledger.Date, bool, int, bool)) {
		for _, m := range re.FindAllStringSubmatchIndex(t.s, -1) {
			sub := make([]string, len(m)/2)
			for k := range sub {
				if m[2*k] >= 0 {
					sub[k] = t.s[m[2*k]:m[2*k+1]]
				}
			}
			bs, be := m[0], m[1]
			// trim the boundary characters some patterns consume
			for bs < be && !isWordByte(t.s[bs]) {
				bs++
			}
			for be > bs && !isWordByte(t.s[be-1]) {
				be--
			}
			if taken(bs, be) {
				continue
			}
			d, ok, wd, hasYear := parse(sub)
			if !hasYear && !ok {
				continue
			}
			e := Entity{Date: d, Invalid: !ok, Weekday: wd}
			if !ok {
				e.Date = ledger.NoDate
			}
			add(EntDate, bs, be, e)
		}
	}
	mk := func(y, m, d int) (ledger.Date, bool) {
		if y < 100 {
			y += 2000
		}
		if m < 1 || m > 12 || d < 1 || d > ledger.DaysIn(y, time.Month(m)) {
			return ledger.NoDate, false
		}
		return ledger.NewDate(y, time.Month(m), d), true
	}
	dates(reDateFR.get(), func(s []string) (ledger.Date, bool, int, bool) {
		day := 1
		if !strings.EqualFold(s[2], "1er") {
			day, _ = strconv.Atoi(s[2])
		}
		mon := frMonths[strings.ToLower(s[3])]
		y := year
		if s[4] != "" {
			y, _ = strconv.Atoi(s[4])
		}
		d, ok := mk(y, int(mon), day)
		return d, ok, weekdays[strings.ToLower(s[1])], true
	})
	dates(reDateEN1.get(), func(s []string) (ledger.Date, bool, int, bool) {
		day, _ := strconv.Atoi(s[2])
		y := year
		if s[4] != "" {
			y, _ = strconv.Atoi(s[4])
		}
		d, ok := mk(y, int(enMonths[strings.TrimSuffix(strings.ToLower(s[3]), ".")]), day)
		return d, ok, weekdays[strings.ToLower(s[1])], true
	})
	dates(reDateEN2.get(), func(s []string) (ledger.Date, bool, int, bool) {
		day, _ := strconv.Atoi(s[3])
		y, _ := strconv.Atoi(s[4])
		d, ok := mk(y, int(enMonths[strings.ToLower(s[2])]), day)
		return d, ok, weekdays[strings.ToLower(s[1])], true
	})
	dates(reDateISO.get(), func(s []string) (ledger.Date, bool, int, bool) {
		y, _ := strconv.Atoi(s[1])
		mo, _ := strconv.Atoi(s[2])
		day, _ := strconv.Atoi(s[3])
		d, ok := mk(y, mo, day)
		return d, ok, 0, true
	})
	dates(reDateNum.get(), func(s []string) (ledger.Date, bool, int, bool) {
		a, _ := strconv.Atoi(s[1])
		b, _ := strconv.Atoi(s[2])
		y, _ := strconv.Atoi(s[3])
		// day first (FR, UK); US month-first only when the day-first reading is impossible
		d, ok := mk(y, b, a)
		if !ok && lang == "en" && a <= 12 {
			if d2, ok2 := mk(y, a, b); ok2 {
				return d2, true, 0, true
			}
		}
		return d, ok, 0, true
	})
	// amounts
	for _, m := range reAmountPost.FindAllStringSubmatchIndex(t.s, -1) {
		bs, be := m[2], m[7]
		if taken(bs, be) {
			continue
		}
		num, space, cur := t.s[m[2]:m[3]], t.s[m[4]:m[5]], t.s[m[6]:m[7]]
		c, format := parseAmount(num, lang)
		e := Entity{Cents: c, Currency: currencyCode(cur), Format: format}
		if format == "fr" && (space == "" || c >= 100000 && strings.HasPrefix(strings.ToLower(cur), "euro")) {
			e.Format = "bad"
		}
		add(EntAmount, bs, be, e)
	}
	for _, m := range reAmountPre.FindAllStringSubmatchIndex(t.s, -1) {
		bs, be := m[2], m[5]
		if taken(bs, be) {
			continue
		}
		c, format := parseAmount(t.s[m[4]:m[5]], "en")
		if format == "fr" {
			format = "bad"
		}
		add(EntAmount, bs, be, Entity{Cents: c, Currency: currencyCode(t.s[m[2]:m[3]]), Format: format})
	}
	for _, m := range reRate.FindAllStringIndex(t.s, -1) {
		if !taken(m[0], m[1]) {
			add(EntRate, m[0], m[1], Entity{})
		}
	}
	for _, m := range rePhone.FindAllStringIndex(t.s, -1) {
		if !taken(m[0], m[1]) {
			add(EntPhone, m[0], m[1], Entity{})
		}
	}
	// invoice references (not a customer account number: « compte client n° C00020 »)
	for _, m := range reInvoice.FindAllStringSubmatchIndex(t.s, -1) {
		bs, be := m[2], m[3]
		ref := t.s[bs:be]
		if taken(bs, be) || !hasDigitAndLen(ref) || !reInvoiceOrCredit.MatchString(t.s[m[0]:bs]) && reAccountCue.MatchString(t.s[max(0, m[0]-60):m[0]]) {
			continue
		}
		add(EntInvoice, bs, be, Entity{})
	}
	for _, m := range reInvoiceBare.FindAllStringSubmatchIndex(t.s, -1) {
		if !taken(m[2], m[3]) && !reAccountCue.MatchString(t.s[max(0, m[2]-60):m[2]]) {
			add(EntInvoice, m[2], m[3], Entity{})
		}
	}
	// relative deadlines
	for _, m := range reRelDeadline.FindAllStringSubmatchIndex(t.s, -1) {
		days := 8
		if m[2] >= 0 {
			w := strings.ToLower(t.s[m[2]:m[3]])
			if n, err := strconv.Atoi(w); err == nil {
				days = n
			} else {
				days = numberWords[w]
			}
		} else if strings.Contains(strings.ToLower(t.s[m[0]:m[1]]), "quinzaine") {
			days = 15
		}
		add(EntDeadline, m[0], m[1], Entity{Days: days})
	}
	// dates preceded by a deadline cue
	for i := range out {
		if out[i].Kind != EntDate {
			continue
		}
		from := out[i].Start - 40
		if from < 0 {
			from = 0
		}
		before := string(t.runes[from:out[i].Start])
		if reDeadlineCue.MatchString(before) {
			out[i].Deadline = true
		}
	}
	sortEntities(out)
	return out
}

func isWordByte(b byte) bool {
	return b >= 0x80 || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

func hasDigitAndLen(s string) bool {
	if len(s) < 3 {
		return false
	}
	// a four-digit year alone (« facture de 2024 ») is not a reference
	if len(s) == 4 && (strings.HasPrefix(s, "19") || strings.HasPrefix(s, "20")) {
		return false
	}
	return strings.ContainsAny(s, "0123456789")
}

func sortEntities(v []Entity) {
	for i := 1; i < len(v); i++ {
		for j := i; j > 0 && v[j].Start < v[j-1].Start; j-- {
			v[j], v[j-1] = v[j-1], v[j]
		}
	}
}

func currencyCode(s string) string {
	switch strings.ToLower(s) {
	case "£", "gbp":
		return "GBP"
	case "$", "usd":
		return "USD"
	}
	return "EUR"
}

// parseAmount reads a number written the French way (1 250,00 ; 1.250,00) or the
// English way (1,250.00) and says which: "fr", "en" or "bad" (ambiguous or mixed, such
// as 1.250 in a French letter). Integer-only cents, never float.
func parseAmount(s, lang string) (ledger.Cents, string) {
	s = strings.TrimSpace(s)
	format := lang
	intPart, frac := s, ""
	// the decimal separator is the last , or . followed by 1 or 2 digits at the end
	if i := strings.LastIndexAny(s, ".,"); i >= 0 && len(s)-i-1 <= 2 && len(s)-i-1 >= 1 {
		intPart, frac = s[:i], s[i+1:]
		if s[i] == ',' {
			format = "fr"
		} else {
			format = "en"
		}
	}
	hasDot, hasComma, hasSpace := strings.Contains(intPart, "."), strings.Contains(intPart, ","), strings.Contains(intPart, " ")
	switch {
	case format == "fr" && (hasComma || hasDot):
		format = "bad" // 1.250,00 or 1,250,00
	case format == "en" && (hasSpace || hasDot):
		format = "bad"
	case frac == "" && hasDot:
		format = "bad" // 1.250 : thousands with a dot, no decimals
	case frac == "" && hasComma && lang == "fr":
		format = "bad" // 1,250 reads as 1.25 in French
	case frac == "" && hasComma:
		format = "en"
	case frac == "" && hasSpace:
		format = "fr"
	case frac == "" && len(intPart) >= 4 && lang == "fr":
		format = "bad" // 1250 € : group the thousands (1 250,00 €)
	case frac == "":
		format = lang
	}
	if frac != "" && len(frac) == 1 {
		frac += "0"
	}
	if frac == "" {
		frac = "00"
	}
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, intPart)
	n, err := strconv.ParseInt(digits+frac, 10, 64)
	if err != nil {
		return 0, "bad"
	}
	return ledger.Cents(n), format
}
