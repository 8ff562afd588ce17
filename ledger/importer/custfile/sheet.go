package custfile

import (
	"bytes"
	"errors"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"relance/ledger"
	"relance/ledger/importer/field"
	"relance/ledger/importer/report"
	"relance/ledger/importer/source"
	"relance/ledger/importer/tabular"
)

// headerScan is how many rows are searched for the header when the mapping does not
// say which row it is (a title or a blank line may come first).
const headerScan = 30

// Sheet is a customer file read into a table, with the header row and the column of
// each field as the mapping resolves them. Remap resolves them again for another
// mapping without reading the file again.
type Sheet struct {
	File    string // the file's base name, as the report names it
	Table   *tabular.Table
	Mapping tabular.Mapping
	// Header is the index in Table.Rows of the header row, -1 when no row names the
	// customer code column.
	Header int
	// Columns maps each field found to its 0-based column.
	Columns map[tabular.Field]int
	width   int
}

// Open reads the customer file at path (see Read).
func Open(path string, m tabular.Mapping) (*Sheet, error) {
	data, err := source.ReadRegular(path, tabular.MaxTableFile)
	if err != nil {
		return nil, source.AsProblem(err, func(err error) *ledger.Problem {
			return &ledger.Problem{Key: "err.import.open", Args: []string{"file", path}, Err: err}
		})
	}
	return Read(bytes.NewReader(data), filepath.Base(path), m)
}

// Read reads a customer file from r: a workbook when its content is one (a zip
// archive: XLSX, the sheet m.Sheet or the first), else CSV (separator m.Sep or
// detected; UTF-8 with or without BOM, else Windows-1252). name is the file's name
// in the report. A file that cannot be read at all is an error naming why.
func Read(r io.Reader, name string, m tabular.Mapping) (*Sheet, error) {
	data, err := io.ReadAll(io.LimitReader(r, tabular.MaxTableFile+1))
	if err != nil {
		return nil, &ledger.Problem{Key: "err.import.open", Args: []string{"file", name}, Err: err}
	}
	if len(data) > tabular.MaxTableFile {
		le := &tabular.LimitError{What: "file", Limit: tabular.MaxTableFile, Format: "csv"}
		return nil, le.Problem(name)
	}
	var t *tabular.Table
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		t, err = tabular.ReadXLSX(bytes.NewReader(data), m.Sheet)
	} else {
		t, err = tabular.ReadCSV(bytes.NewReader(data), m.SepRune())
	}
	if err != nil {
		is := report.Issue{Severity: report.Fatal, Key: "import.issue.unreadable", File: name, Value: err.Error()}
		var u16 *field.UTF16Error
		var qe *tabular.QuoteError
		var le *tabular.LimitError
		switch {
		case errors.As(err, &le):
			is.Key, is.Value, is.Args = le.Key(), le.Value(), []string{"sheet", le.Sheet}
		case errors.As(err, &u16):
			is.Key, is.Line, is.Value = u16.Key("import.issue.utf16"), 1, u16.Variant
		case errors.As(err, &qe):
			is.Key, is.Line, is.Value = "import.issue.quote", qe.Line, ""
		case errors.Is(err, tabular.ErrNoSheet):
			is.Key, is.Value = "custfile.issue.sheet", m.Sheet
		}
		return nil, is.Error()
	}
	sh := &Sheet{File: name, Table: t}
	for i := range t.Rows {
		sh.width = max(sh.width, len(t.Rows[i].Cells))
	}
	sh.Remap(m)
	return sh, nil
}

// Remap resolves the columns again for mapping m: the header row (m.HeaderRow, else
// the first of the first rows that names the customer code and one other field),
// then each field's column (m.Columns, else the header synonyms of Set).
func (sh *Sheet) Remap(m tabular.Mapping) {
	sh.Mapping, sh.Header, sh.Columns = m, -1, nil
	set := Set()
	for i := range sh.Table.Rows {
		row := &sh.Table.Rows[i]
		if m.HeaderRow > 0 {
			if row.N != m.HeaderRow {
				continue
			}
			sh.Header, sh.Columns = i, m.ResolveIn(set, texts(row))
			return
		}
		if i >= headerScan {
			return
		}
		cols := m.ResolveIn(set, texts(row))
		if _, ok := cols[ID]; ok && len(cols) >= 2 {
			sh.Header, sh.Columns = i, cols
			return
		}
	}
}

// Headers returns the texts of the header row (column names such as "A" or "3" for
// blank ones), as many as the widest row has cells; none without a header.
func (sh *Sheet) Headers() []string {
	out := make([]string, sh.width)
	for i := range out {
		out[i] = sh.ColumnLabel(i)
	}
	return out
}

// ColumnLabel names column i (0-based) for the user: its header text, else its
// spreadsheet letters or number.
func (sh *Sheet) ColumnLabel(i int) string {
	if sh.Header >= 0 {
		if h := strings.TrimSpace(sh.Table.Rows[sh.Header].Cell(i).Text); h != "" {
			return h
		}
	}
	return sh.Table.ColumnName(i)
}

// Label names the column of field f for the user, or f itself when it has none.
func (sh *Sheet) Label(f tabular.Field) string {
	if i, ok := sh.Columns[f]; ok {
		return sh.ColumnLabel(i)
	}
	return string(f)
}

// Width returns the number of cells of the widest row.
func (sh *Sheet) Width() int { return sh.width }

// Preview returns the line number and the cells (as many as Width) of the first n
// non-empty rows after the header.
func (sh *Sheet) Preview(n int) (lines []int, cells [][]string) {
	for i := sh.Header + 1; i < len(sh.Table.Rows) && len(lines) < n; i++ {
		row := &sh.Table.Rows[i]
		if row.Empty() {
			continue
		}
		vals := make([]string, sh.width)
		for c := range vals {
			vals[c] = row.Cell(c).Text
		}
		lines, cells = append(lines, row.N), append(cells, vals)
	}
	return lines, cells
}

// Count returns the number of non-empty rows after the header.
func (sh *Sheet) Count() int {
	n := 0
	for i := sh.Header + 1; i < len(sh.Table.Rows); i++ {
		if !sh.Table.Rows[i].Empty() {
			n++
		}
	}
	return n
}

// check reports what makes the whole file unusable: no header naming the customer
// code, or a column of the mapping that is not in the file. It returns false then.
func (sh *Sheet) check(rep *report.Collector) bool {
	name := sh.Mapping.Name
	if name == "" {
		name = "-"
	}
	if sh.Header >= 0 {
		bad := sh.Mapping.Unresolved(texts(&sh.Table.Rows[sh.Header]), sh.width)
		found := false
		for _, f := range Fields() {
			if spec, ok := bad[f]; ok {
				rep.Addf(report.Fatal, "import.issue.mapcolumn", sh.File, 0, string(f), spec,
					"name", name, "count", strconv.Itoa(sh.width))
				found = true
			}
		}
		if found {
			return false
		}
	}
	if _, ok := sh.Columns[ID]; !ok || sh.Header < 0 {
		rep.Addf(report.Fatal, "custfile.issue.noheader", sh.File, 0, "", name)
		return false
	}
	return true
}

func texts(r *tabular.Row) []string {
	out := make([]string, len(r.Cells))
	for i, c := range r.Cells {
		out[i] = c.Text
	}
	return out
}
