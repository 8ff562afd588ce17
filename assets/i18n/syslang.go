package i18n

import (
	"os"
	"strings"
	"unicode/utf16"
)

// Choice holds what the interface language is chosen from; an empty field is absent.
type Choice struct {
	// Override is RELANCE_LANG: a choice made for this run, above everything else.
	Override string
	// Saved is the language the user chose in the window (its settings), "" when none.
	Saved string
	// System lists the system's languages, most preferred first, as the system names
	// them: "fr_FR.UTF-8", "en-GB", "de". On Unix they come from the environment
	// (unixLanguages), on Windows from the user's display language (its menus).
	System []string
}

// Choose returns the interface language, "fr" or "en": Override, else Saved, else the
// first of System that is French or English, else French, the product's first language.
// A value naming another language, or the C/POSIX locale, is passed over.
func Choose(c Choice) string {
	for _, s := range append([]string{c.Override, c.Saved}, c.System...) {
		if l, ok := supported(s); ok {
			return l
		}
	}
	return "fr"
}

// supported returns "fr" or "en" when the locale or tag s names French or English.
func supported(s string) (string, bool) {
	l := strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(l, "_-.@"); i >= 0 {
		l = l[:i]
	}
	switch l {
	case "fr", "en":
		return l, true
	}
	return "", false
}

// Detect returns the interface language of a user whose saved choice is saved ("" when
// none): RELANCE_LANG, then saved, then the system's language, then French (Choose).
func Detect(saved string) string {
	return Choose(Choice{Override: os.Getenv("RELANCE_LANG"), Saved: saved, System: systemLanguages()})
}

// FromEnv returns the language of a run without a saved choice (the command line):
// RELANCE_LANG, then the system's language (the locale environment on Unix, the user's
// display language on Windows), French when neither is French or English.
func FromEnv() string { return Detect("") }

// unixLanguages lists the languages the environment asks for, as gettext reads them: the
// locale is the first of LC_ALL, LC_MESSAGES and LANG that is set; when it is set and is
// not C or POSIX, the colon-separated list of LANGUAGE comes first. getenv is os.Getenv.
func unixLanguages(getenv func(string) string) []string {
	locale := ""
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if locale = getenv(v); locale != "" {
			break
		}
	}
	if locale == "" || locale == "C" || locale == "POSIX" {
		return nil
	}
	var out []string
	for _, l := range strings.Split(getenv("LANGUAGE"), ":") {
		if l != "" {
			out = append(out, l)
		}
	}
	return append(out, locale)
}

// multiString splits a Windows list of strings (UTF-16, each ended by a NUL, the list by
// an empty one), as GetUserPreferredUILanguages writes it.
func multiString(buf []uint16) []string {
	var out []string
	start := 0
	for i, c := range buf {
		if c != 0 {
			continue
		}
		if i == start {
			break
		}
		out = append(out, string(utf16.Decode(buf[start:i])))
		start = i + 1
	}
	return out
}
