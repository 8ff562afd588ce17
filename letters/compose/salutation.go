package compose

import (
	"regexp"
	"strings"
	"unicode"

	"relance/ledger"
)

// Salutation is how a letter to c opens, in lang, without its comma: « Madame, », a
// mayor for a commune, "Dear Ms Garnier" for a consumer whose civility is known; « Madame,
// Monsieur » and "Dear Sir or Madam" otherwise. Named reports whether it names a person
// (an English letter then closes "Yours sincerely", else "Yours faithfully").
func Salutation(c *ledger.Customer, lang string) (text string, named bool) {
	if lang == "en" {
		if c.Kind == ledger.Consumer && c.Civility != "" {
			if name := surname(c.Name); name != "" {
				title := "Ms"
				if c.Civility == ledger.CivilityMonsieur {
					title = "Mr"
				}
				return "Dear " + title + " " + name, true
			}
		}
		return "Dear Sir or Madam", false
	}
	switch c.Kind {
	case ledger.Consumer:
		switch c.Civility {
		case ledger.CivilityMadame:
			return "Madame", true
		case ledger.CivilityMonsieur:
			return "Monsieur", true
		}
	case ledger.PublicBody:
		// the head of the public body, whose gender the dossier does not know
		for _, h := range publicHeads {
			if h.re.MatchString(c.Name) {
				return h.fr, false
			}
		}
	}
	return "Madame, Monsieur", false
}

// publicHeads name the head of a public body by its kind, as French administrative
// correspondence addresses them.
var publicHeads = []struct {
	re *regexp.Regexp
	fr string
}{
	{regexp.MustCompile(`(?i)^(?:commune|mairie|ville)\b`), "Madame, Monsieur le Maire"},
	{regexp.MustCompile(`(?i)^(?:d[ée]partement|conseil d[ée]partemental|r[ée]gion|conseil r[ée]gional|m[ée]tropole|communaut[ée] (?:de communes|d'agglom[ée]ration|urbaine)|syndicat)\b`), "Madame, Monsieur le Président"},
	{regexp.MustCompile(`(?i)^(?:centre hospitalier|CHU|CHR|h[ôo]pital|[ée]tablissement public|universit[ée]|lyc[ée]e|coll[èe]ge|[ée]cole)\b`), "Madame, Monsieur le Directeur"},
}

// surname is the last word of a person's name, capitalised as a name (« GARNIER » →
// « Garnier », « LE GOFF » → « Le Goff » is out of reach: the last word only).
func surname(name string) string {
	f := strings.Fields(name)
	if len(f) == 0 {
		return ""
	}
	w := []rune(strings.ToLower(f[len(f)-1]))
	up := true
	for i, r := range w {
		if up {
			w[i] = unicode.ToUpper(r)
		}
		up = r == '-' || r == '\''
	}
	return string(w)
}
