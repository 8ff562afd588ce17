package law

import (
	"strings"

	"relance/ledger"
)

// InterruptionsText lists in lang the acts a limitation state counted, each with its kind
// and date (and the end of proceedings or mediation when it is known), or says there is
// none: `relance deadlines` and the window's limitation table write the same words.
func InterruptionsText(lang string, ins []Interruption, asOf ledger.Date) string {
	if len(ins) == 0 {
		return Note{Key: "limitation.none"}.Text(lang)
	}
	parts := make([]string, 0, len(ins))
	for _, in := range ins {
		args := []string{"kind", in.Kind.Text(lang), "date", FormatDate(lang, in.Date)}
		switch {
		case in.End.Valid() && in.End <= asOf:
			parts = append(parts, Note{Key: "limitation.act_end", Args: append(args, "end", FormatDate(lang, in.End))}.Text(lang))
		case in.Kind == LegalAction || in.Kind == Mediation || in.End.Valid():
			parts = append(parts, Note{Key: "limitation.act_ongoing", Args: args}.Text(lang))
		default:
			parts = append(parts, Note{Key: "limitation.act", Args: args}.Text(lang))
		}
	}
	sep := "; "
	if lang == "fr" {
		sep = " ; "
	}
	return strings.Join(parts, sep)
}
