package importer

import (
	"strings"

	"relance/ledger/importer/fec"
	"relance/ledger/importer/field"
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

// visibleID returns an identifier as a message shows it: its text in the file's
// encoding, its control characters as their pictures (NUL as ␀).
func visibleID(rd *fec.Reader, b []byte) string {
	var sb strings.Builder
	start := 0
	for i, c := range b {
		if c < 0x20 || c == 0x7F {
			sb.WriteString(rd.TextOf(b[start:i]))
			sb.WriteString(field.Visible(string(rune(c))))
			start = i + 1
		}
	}
	sb.WriteString(rd.TextOf(b[start:]))
	return sb.String()
}

// idField is an identifier of a FEC line: its column and its trimmed bytes.
type idField struct {
	col fec.Column
	b   []byte
}

// controlIDs reports, as fatal findings, the identifiers of a FEC line that hold a
// control character; it returns false when one does.
func (s *scan) controlIDs(rd *fec.Reader, rep *report.Collector, line int, ids [5]idField) bool {
	ok := true
	for _, id := range ids {
		if hasControl(id.b) {
			rep.Addf(report.Fatal, "importstrict.control", s.file, line, id.col.String(), visibleID(rd, id.b))
			ok = false
		}
	}
	return ok
}
