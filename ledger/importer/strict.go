package importer

import (
	"strings"
	"unicode"

	"relance/ledger/importer/fec"
	"relance/ledger/importer/report"
)

// hasControl reports whether b holds a control character (C0 or DEL). Identifiers
// (customer codes, account numbers, piece references) must not: a NUL dropped or a
// control character kept would make two codes one, or one code two.
func hasControl(b []byte) bool {
	for _, c := range b {
		if c < 0x20 || c == 0x7F {
			return true
		}
	}
	return false
}

// Visible returns s with its control characters shown as their Unicode control
// pictures (NUL as ␀), so that a message can name a value that holds one.
func Visible(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r < 0x20:
			return 0x2400 + r
		case r == 0x7F:
			return '␡'
		}
		return r
	}, s)
}

// StripControl removes the control characters of a label or a name (they would reach
// letters and PDFs): tabs and line breaks become spaces, the others are dropped, and
// runs of spaces left are kept as they are.
func StripControl(s string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
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

// controlIDs reports, as fatal findings, the identifiers of a FEC line that hold a
// control character; it returns false when one does.
func (s *scan) controlIDs(rd *fec.Reader, rep *report.Collector, line int, cols ...fec.Column) bool {
	ok := true
	for _, c := range cols {
		b := trim(rd.Field(c))
		if hasControl(b) {
			rep.Addf(report.Fatal, "importstrict.control", s.file, line, c.String(), Visible(string(b)))
			ok = false
		}
	}
	return ok
}
