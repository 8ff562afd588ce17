package ledger

import (
	"errors"
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

// Localize renders the problem in lang ("fr" or "en").
func (p *Problem) Localize(lang string) string {
	s := i18n.T(lang, p.Key, p.Args...)
	if p.Err != nil {
		var inner localizer
		if errors.As(p.Err, &inner) {
			return s + ": " + inner.Localize(lang)
		}
		return s + " (" + p.Err.Error() + ")"
	}
	return s
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
