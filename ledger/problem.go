package ledger

import (
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
		if inner, ok := p.Err.(interface{ Localize(string) string }); ok {
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

// Localize renders any error in lang: a Problem (anywhere in the chain) in that
// language, anything else as is.
func Localize(err error, lang string) string {
	if err == nil {
		return ""
	}
	if l, ok := err.(interface{ Localize(string) string }); ok {
		return l.Localize(lang)
	}
	var p *Problem
	if asProblem(err, &p) {
		return p.Localize(lang)
	}
	return err.Error()
}

func asProblem(err error, target **Problem) bool {
	for err != nil {
		if p, ok := err.(*Problem); ok {
			*target = p
			return true
		}
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return false
		}
		err = u.Unwrap()
	}
	return false
}
