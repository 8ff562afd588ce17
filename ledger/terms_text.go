package ledger

import (
	"strconv"
	"strings"
	"unicode"
)

// ParseTermsText reads payment terms as accounting and invoicing software write them
// in a customer file: "30 jours fin de mois", "45 j FDM", "fin de mois + 45",
// "60 jours nets", "30J", "net 30", "comptant", "à réception", "30 days end of month",
// as well as the short forms ParseTerms reads ("45fdm", "fdm+45"). A number followed
// by "fin de mois" is method A (DaysThenEOM), "fin de mois" followed by a number is
// method B (EOMThenDays), "fin de mois" alone is 0 days then the end of the month.
// Words about the means of payment (virement, chèque, LCR…) are allowed and ignored.
// Anything else (an unknown word, two numbers as in "30 jours fin de mois le 10", a
// delay over 365 days) is refused: a wrong term would move every due date.
func ParseTermsText(s string) (Terms, error) {
	if t, err := ParseTerms(s); err == nil {
		return t, nil
	}
	fail := func() (Terms, error) {
		return Terms{}, &Problem{Key: "err.terms_text", Args: []string{"value", strings.TrimSpace(s)}}
	}
	if t := strings.TrimSpace(s); strings.HasPrefix(t, "-") || strings.Contains(t, " -") {
		return fail() // a negative delay
	}
	n := -1
	var eomBefore, eomAfter, immediate bool
	for _, tok := range termTokens(s) {
		switch {
		case tok[0] >= '0' && tok[0] <= '9':
			v, err := strconv.Atoi(tok)
			if n >= 0 || err != nil || v > 365 {
				return fail()
			}
			n = v
		case tok == "fdm" || tok == "fm" || tok == "eom":
			if n < 0 {
				eomBefore = true
			} else {
				eomAfter = true
			}
		case termImmediate(tok):
			immediate = true
		case termFiller(tok):
		default:
			return fail()
		}
	}
	switch {
	case immediate && n <= 0 && !eomBefore && !eomAfter:
		return Terms{}, nil
	case immediate || (eomBefore && eomAfter):
		return fail()
	case n < 0 && eomBefore:
		return Terms{EOM: DaysThenEOM}, nil
	case n < 0:
		return fail()
	case eomBefore:
		return Terms{Days: n, EOM: EOMThenDays}, nil
	case eomAfter:
		return Terms{Days: n, EOM: DaysThenEOM}, nil
	}
	return Terms{Days: n}, nil
}

// termTokens lower-cases s, strips French accents, writes "fin de mois" and "end of
// month" as "fdm", and splits it into words and numbers ("30J" → "30", "j").
func termTokens(s string) []string {
	s = strings.ToLower(s)
	if strings.ContainsFunc(s, func(r rune) bool { return r >= 0x80 }) {
		s = strings.NewReplacer("é", "e", "è", "e", "ê", "e", "ë", "e", "à", "a", "â", "a", "î", "i", "ï", "i",
			"ô", "o", "ù", "u", "û", "u", "ü", "u", "ç", "c").Replace(s)
	}
	var words []string
	var cur strings.Builder
	digit := false
	flush := func() {
		if cur.Len() > 0 {
			words = append(words, cur.String())
			cur.Reset()
		}
	}
	for _, r := range s {
		isDigit := r >= '0' && r <= '9'
		switch {
		case !unicode.IsLetter(r) && !isDigit:
			flush()
			continue
		case cur.Len() > 0 && isDigit != digit:
			flush()
		}
		digit = isDigit
		cur.WriteRune(r)
	}
	flush()
	// Phrases meaning "end of month", as one token.
	var out []string
	for i := 0; i < len(words); i++ {
		rest := words[i:]
		switch {
		case hasWords(rest, "fin", "de", "mois"), hasWords(rest, "fin", "du", "mois"), hasWords(rest, "end", "of", "month"):
			out, i = append(out, "fdm"), i+2
		case hasWords(rest, "end", "of", "the", "month"):
			out, i = append(out, "fdm"), i+3
		case hasWords(rest, "fin", "mois"), hasWords(rest, "month", "end"):
			out, i = append(out, "fdm"), i+1
		default:
			out = append(out, words[i])
		}
	}
	return out
}

func hasWords(words []string, want ...string) bool {
	if len(words) < len(want) {
		return false
	}
	for i, w := range want {
		if words[i] != w {
			return false
		}
	}
	return true
}

// termImmediate reports a word meaning "paid at once".
func termImmediate(w string) bool {
	switch w {
	case "comptant", "reception", "immediat", "immediate", "immediatement", "commande", "cash", "receipt", "immediately":
		return true
	}
	return false
}

// termFiller reports a word that says nothing about the delay: units, "net", "date de
// facture", the means of payment.
func termFiller(w string) bool {
	switch w {
	case "j", "jr", "jrs", "jour", "jours", "d", "day", "days", "net", "nets", "nette", "nettes", "date", "facture",
		"factures", "df", "invoice", "de", "du", "des", "la", "le", "l", "a", "au", "aux", "en", "par", "sous", "et", "on",
		"upon", "of", "the", "after", "within", "by", "due", "paiement", "reglement", "payment", "terms", "echeance",
		"emission", "virement", "vir", "cheque", "chq", "check", "prelevement", "prlv", "lcr",
		"traite", "cb", "carte", "sepa", "transfer", "bank", "bancaire", "mode", "conditions", "condition":
		return true
	}
	return false
}
