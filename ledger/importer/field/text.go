package field

import (
	"strings"
	"unicode"
)

// HasControl reports whether s holds a control character (C0, DEL or C1).
// Identifiers (customer codes, account numbers, piece references) must not: a NUL
// dropped or a control character kept would make two codes one, or one code two.
func HasControl(s string) bool { return strings.ContainsFunc(s, unicode.IsControl) }

// Visible returns s with its C0 control characters shown as their Unicode control
// pictures (NUL as ␀) and the others as U+FFFD, so that a message can name a value
// that holds one.
func Visible(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r < 0x20:
			return 0x2400 + r
		case r == 0x7F:
			return '␡'
		case unicode.IsControl(r):
			return unicode.ReplacementChar
		}
		return r
	}, s)
}

// StripControl removes the control characters of a label or a name (they would reach
// letters and PDFs): tabs and line breaks become spaces, the others are dropped, and
// the result is trimmed.
func StripControl(s string) string {
	if !HasControl(s) {
		return s
	}
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s))
}
