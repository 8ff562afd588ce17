package ledger

import (
	"errors"
	"strings"

	"relance/assets/i18n"
)

// Problem is an error meant for the user: a catalogue key with named parameters,
// rendered in the user's language by Localize. Conventional parameter names are
// file, line, field and value. Err, when set, is the underlying cause.
type Problem struct {
	Key  string
	Args []string // name/value pairs
	Err  error
}

// Error renders the problem in English (logs, wrapped errors).
func (p *Problem) Error() string { return p.Localize("en") }

// Localize renders the problem in lang ("fr" or "en"). A parameter whose name ends
// in "_key" holds a catalogue key: it is given, translated, under the name without the
// suffix ({"stage_key", "letters.stage.med"} fills {stage} with « Mise en demeure »).
func (p *Problem) Localize(lang string) string {
	args, copied := p.Args, false
	for i := 0; i+1 < len(args); i += 2 {
		if name, ok := strings.CutSuffix(args[i], "_key"); ok {
			if !copied {
				args, copied = append([]string(nil), p.Args...), true
			}
			args[i], args[i+1] = name, i18n.T(lang, args[i+1])
			continue
		}
		// A date the program computed reads DD/MM/YYYY in French; what a user or a file
		// wrote (value, previous…) is quoted as written.
		if lang == "fr" && computedDateArg(args[i]) && len(args[i+1]) == 10 {
			if d, err := ParseDate(args[i+1]); err == nil && d.Valid() {
				if !copied {
					args, copied = append([]string(nil), p.Args...), true
				}
				args[i+1] = d.French()
			}
		}
	}
	s := i18n.T(lang, p.Key, args...)
	if p.Err != nil {
		var inner localizer
		if errors.As(p.Err, &inner) {
			if lang == "fr" && !strings.HasSuffix(s, " ") { // French: a space before the colon
				return s + " : " + inner.Localize(lang)
			}
			return s + ": " + inner.Localize(lang)
		}
		return s + " (" + p.Err.Error() + ")"
	}
	return s
}

// computedDateArg reports whether a message argument carries a date the program
// computed (a deadline, a table's range), shown DD/MM/YYYY in French.
func computedDateArg(name string) bool {
	switch name {
	case "date", "from", "to", "end", "deadline", "start", "judgment":
		return true
	}
	return false
}

// Unwrap returns the cause.
func (p *Problem) Unwrap() error { return p.Err }

// Is matches another *Problem with the same key, so errors.Is(err, &Problem{Key: k}) works.
func (p *Problem) Is(target error) bool {
	t, ok := target.(*Problem)
	return ok && t.Key == p.Key
}

// Localize renders any error in lang: the first error of the chain (errors.As, through
// %w wrapping and errors.Join) that can localize itself — a Problem — in that
// language, anything else as is.
func Localize(err error, lang string) string {
	if err == nil {
		return ""
	}
	var l localizer
	if errors.As(err, &l) {
		return l.Localize(lang)
	}
	return err.Error()
}

// localizer is an error that renders itself in a language.
type localizer interface{ Localize(lang string) string }
