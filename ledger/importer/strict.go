package importer

import (
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

// controlIDs reports, as fatal findings, the identifiers of a FEC line that hold a
// control character; it returns false when one does.
func (s *scan) controlIDs(rd *fec.Reader, rep *report.Collector, line int, cols ...fec.Column) bool {
	ok := true
	for _, c := range cols {
		b := trim(rd.Field(c))
		if hasControl(b) {
			rep.Addf(report.Fatal, "importstrict.control", s.file, line, c.String(), field.Visible(string(b)))
			ok = false
		}
	}
	return ok
}
