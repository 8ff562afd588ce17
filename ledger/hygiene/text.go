package hygiene

import (
	"strings"

	"relance/assets/i18n"
	"relance/ledger/latereport"
)

// Label is check c's title in lang; limit is the small-rest limit in the user's words
// (the title of SmallRest names it).
func (c Check) Label(lang, limit string) string {
	return i18n.T(lang, "hygiene.check."+string(c), "limit", limit)
}

// Why says in lang why check c matters and how its findings are fixed.
func (c Check) Why(lang string) string { return i18n.T(lang, "hygiene.why."+string(c)) }

// Detail says in lang what finding f asks beyond its amount: the fields its record
// lacks, why its customer should be doubtful, its terms over the cap; "" otherwise.
func (f *Finding) Detail(lang string) string {
	switch {
	case len(f.Missing) > 0:
		words := make([]string, len(f.Missing))
		for i, m := range f.Missing {
			words[i] = i18n.T(lang, "hygiene.missing."+m)
		}
		return i18n.T(lang, "hygiene.missing", "list", strings.Join(words, ", "))
	case f.Reason != "":
		return i18n.T(lang, "hygiene.reason."+f.Reason)
	case f.Terms != nil:
		return i18n.T(lang, "hygiene.terms", "terms", latereport.TermsText(lang, *f.Terms))
	}
	return ""
}
