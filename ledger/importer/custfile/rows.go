package custfile

import (
	"strconv"
	"strings"

	"relance/ledger"
	"relance/ledger/importer/field"
	"relance/ledger/importer/report"
	"relance/ledger/importer/tabular"
)

// maxIDLen is the longest customer code accepted, in bytes: the same bound as the
// ledger import's (importer.MaxIDLen), a customer ID being a key of the dossier.
const maxIDLen = 200

// Cell is one mapped, non-empty cell of a customer row.
type Cell struct {
	Field  tabular.Field `json:"field"`
	Column string        `json:"column"` // the column's label: header text, letters or number
	Raw    string        `json:"raw"`    // as written, trimmed
	// Value is the cell normalised to what the customer record form takes: terms as
	// ParseTerms reads them, a kind, a language, a country code, an amount "1234.50",
	// digits only for SIRET and SIREN; the raw text for the other fields.
	Value string `json:"value"`
}

// Row is one customer of the file: its code and its other mapped, non-empty cells,
// in Fields order. An empty cell leaves the record's field as it is.
type Row struct {
	Line  int    `json:"line"`
	ID    string `json:"id"`
	Cells []Cell `json:"cells,omitempty"`
}

// Cell returns the cell of field f, if the row has one.
func (r Row) Cell(f tabular.Field) (Cell, bool) {
	for _, c := range r.Cells {
		if c.Field == f {
			return c, true
		}
	}
	return Cell{}, false
}

// Rows reads every customer row after the header and normalises its cells. Each cell
// that cannot be read is reported to rep (severity Error) with its line, column and
// value, and left out of its row; a row without a customer code and the second row of
// a code already seen (naming the first line) are reported and left out. A file
// without a usable header, or with a mapped column it lacks, is a Fatal finding and
// gives no rows. Blank rows are skipped.
func (sh *Sheet) Rows(rep *report.Collector) []Row {
	if !sh.check(rep) {
		return nil
	}
	fields := Fields()
	type col struct {
		f     tabular.Field
		i     int
		label string
	}
	var cols []col
	for _, f := range fields {
		if i, ok := sh.Columns[f]; ok && f != ID {
			cols = append(cols, col{f, i, sh.ColumnLabel(i)})
		}
	}
	idCol, idLabel := sh.Columns[ID], sh.ColumnLabel(sh.Columns[ID])
	// The same few texts recur in thousands of rows (terms, categories, countries):
	// each is normalised once.
	type memoKey struct {
		f              tabular.Field
		raw            string
		number, french bool
	}
	type memoVal struct{ value, key string }
	memo := map[memoKey]memoVal{}
	countries := map[string]bool{}
	seen := make(map[string]int, len(sh.Table.Rows))
	out := make([]Row, 0, len(sh.Table.Rows)-sh.Header-1)
	arena := make([]Cell, 0, cap(out)*len(cols)) // the rows' cells, allocated at once
	for ri := sh.Header + 1; ri < len(sh.Table.Rows); ri++ {
		tr := &sh.Table.Rows[ri]
		if tr.Empty() {
			continue
		}
		id := cellText(tr.Cell(idCol))
		switch {
		case id == "":
			rep.Addf(report.Error, "custfile.issue.noid", sh.File, tr.N, idLabel, firstText(tr), "name", string(ID))
			continue
		case len(id) > maxIDLen:
			rep.Addf(report.Error, "import.issue.toolong", sh.File, tr.N, idLabel, clip(id),
				"length", strconv.Itoa(len(id)), "max", strconv.Itoa(maxIDLen))
			continue
		case field.HasControl(id):
			rep.Addf(report.Error, "cust.err.id", sh.File, tr.N, idLabel, id, "name", string(ID))
			continue
		}
		if first, dup := seen[id]; dup {
			rep.Addf(report.Error, "custfile.issue.duplicate", sh.File, tr.N, idLabel, id,
				"other", strconv.Itoa(first), "name", string(ID))
			continue
		}
		seen[id] = tr.N
		row := Row{Line: tr.N, ID: id}
		start := len(arena)
		fr := true
		if i, ok := sh.Columns[Country]; ok {
			raw := cellText(tr.Cell(i))
			f, seen := countries[raw]
			if !seen {
				cc, _ := countryCode(raw)
				f = cc == "" || cc == "FR"
				countries[raw] = f
			}
			fr = f
		}
		for _, c := range cols {
			tc := tr.Cell(c.i)
			raw := cellText(tc)
			if raw == "" {
				if tc.Formula {
					rep.Addf(report.Error, "import.issue.formula", sh.File, tr.N, c.label, string(c.f), "name", string(c.f))
				}
				continue
			}
			var v, key string
			switch c.f {
			case Terms, Kind, Lang, Country, Limit, Civility, Law:
				k := memoKey{c.f, raw, tc.Number, fr}
				m, ok := memo[k]
				if !ok {
					m.value, m.key = normalise(c.f, raw, tc.Number, fr)
					memo[k] = m
				}
				v, key = m.value, m.key
			default:
				v, key = normalise(c.f, raw, tc.Number, fr)
			}
			if key != "" {
				rep.Addf(report.Error, key, sh.File, tr.N, c.label, raw, "name", string(c.f))
				continue
			}
			arena = append(arena, Cell{Field: c.f, Column: c.label, Raw: raw, Value: v})
		}
		if len(arena) > start {
			row.Cells = arena[start:len(arena):len(arena)]
		}
		out = append(out, row)
	}
	return out
}

// normalise returns the value of a cell of field f as the record form takes it, or
// the key of the problem that prevents it. number is true for a spreadsheet's number
// cell (Excel drops the leading zero of a postcode or a phone number typed as a
// number: it is put back for a French address).
func normalise(f tabular.Field, raw string, number, french bool) (string, string) {
	switch f {
	case Postcode:
		if number && french && len(raw) == 4 && digits(raw) {
			return "0" + raw, ""
		}
	case Phone:
		if number && french && len(raw) == 9 && digits(raw) {
			return "0" + raw, ""
		}
	case Country:
		cc, ok := countryCode(raw)
		if !ok {
			return "", "custfile.issue.country"
		}
		return cc, ""
	case SIRET, SIREN:
		return strings.NewReplacer(" ", "", "\u00a0", "", ".", "", "-", "").Replace(raw), ""
	case Terms:
		t, err := ledger.ParseTermsText(raw)
		if err != nil {
			return "", "err.terms_text"
		}
		return t.String(), ""
	case Limit:
		c, ok := amount(raw, number)
		if !ok || c < 0 {
			return "", "cust.err.limit"
		}
		return c.Decimal().StringFixed(2), ""
	case Kind:
		k, ok := kindOf(raw)
		if !ok {
			return "", "custfile.issue.kind"
		}
		return k.String(), ""
	case Lang:
		l, ok := langOf(raw)
		if !ok {
			return "", "cust.err.lang"
		}
		return l, ""
	case Civility:
		if legalForm(raw) { // a company's legal form in a "Titre" column: no civility
			return "", ""
		}
	case Law:
		l, ok := lawCode(raw)
		if !ok {
			return "", "cust.err.law"
		}
		return l, ""
	}
	// Names and addresses reach letters and PDFs: no control characters.
	return field.StripControl(raw), ""
}

// cellText is a cell's text, trimmed; a spreadsheet's number written as "7.3E13" is
// written out in full.
func cellText(c tabular.Cell) string {
	s := strings.TrimSpace(c.Text)
	if c.Number {
		s = plainNumber(s)
	}
	return s
}

func firstText(r *tabular.Row) string {
	for _, c := range r.Cells {
		if t := strings.TrimSpace(c.Text); t != "" {
			return clip(t)
		}
	}
	return ""
}

// clip shortens a long value shown in a finding to its first 40 characters.
func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
