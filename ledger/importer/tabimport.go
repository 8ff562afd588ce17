package importer

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"relance/ledger"
	"relance/ledger/importer/field"
	"relance/ledger/importer/report"
	"relance/ledger/importer/tabular"
)

// tabularIDPrefix starts the IDs of items imported from CSV/XLSX:
// "tab|<number>|<doc date>|<n>".
const tabularIDPrefix = "tab|"

// readTable reads a CSV or XLSX file according to the mapping.
func readTable(r io.Reader, format Format, m *tabular.Mapping) (*tabular.Table, error) {
	if format == FormatXLSX {
		return tabular.ReadXLSX(r, m.Sheet) // read whole, up to its file limit
	}
	return tabular.ReadCSV(r, m.SepRune())
}

// findHeader returns the index of the header row: the mapping's, or the first of the
// first 30 rows whose cells resolve to a usable mapping.
func findHeader(t *tabular.Table, m *tabular.Mapping) (int, map[tabular.Field]int) {
	texts := func(r *tabular.Row) []string {
		out := make([]string, len(r.Cells))
		for i, c := range r.Cells {
			out[i] = c.Text
		}
		return out
	}
	for i := range t.Rows {
		if m.HeaderRow > 0 && t.Rows[i].N != m.HeaderRow {
			continue
		}
		if i >= 30 && m.HeaderRow == 0 {
			break
		}
		cols := m.Resolve(texts(&t.Rows[i]))
		if tabular.Usable(cols) || m.HeaderRow > 0 {
			return i, cols
		}
	}
	return -1, nil
}

// prepareTable turns an open-item export into customers and items.
func prepareTable(ctx context.Context, r io.Reader, file string, p *Plan, o *Options) error {
	m := o.Mapping
	if m == nil {
		g := tabular.Presets()["generic"]
		m = &g
	}
	t, err := readTable(r, p.format, m)
	if err != nil {
		var u16 *field.UTF16Error
		var qe *tabular.QuoteError
		var le *tabular.LimitError
		switch {
		case errors.As(err, &u16):
			p.rep.Addf(report.Fatal, u16.Key("import.issue.utf16"), file, 1, "", u16.Variant)
		case errors.As(err, &le):
			p.rep.Addf(report.Fatal, le.Key(), file, 0, "", le.Value(), "sheet", le.Sheet)
		case errors.As(err, &qe):
			p.rep.Addf(report.Fatal, "import.issue.quote", file, qe.Line, "", "")
		default:
			p.rep.Addf(report.Fatal, "import.issue.unreadable", file, 0, "", err.Error())
		}
		return nil
	}
	if t.OpenQuote > 0 {
		p.rep.Addf(report.Error, "import.issue.quote_lazy", file, t.OpenQuote, "", "")
	}
	hi, cols := findHeader(t, m)
	if hi >= 0 && checkMapping(t, hi, m, file, p.rep) {
		return nil
	}
	if hi < 0 || !tabular.Usable(cols) {
		p.rep.Addf(report.Fatal, "import.issue.mapping", file, 0, "", m.Name)
		return nil
	}
	tp := &tableParse{t: t, file: file, rep: p.rep, cols: cols, header: rowTexts(&t.Rows[hi])}
	byID := map[string]*planCustomer{}
	seq := map[string]int{}
	source := filepath.Base(file)
	for ri := hi + 1; ri < len(t.Rows); ri++ {
		if ri&0xFFF == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		row := &t.Rows[ri]
		if row.Empty() {
			continue
		}
		tp.row = row
		id, name := tp.text(tabular.CustomerID), tp.text(tabular.CustomerName)
		idField := tabular.CustomerID
		if id == "" {
			id, idField = name, tabular.CustomerName
		}
		if id == "" || strings.HasPrefix(tabular.Squash(id), "TOTAL") {
			p.rep.Addf(report.Warning, "import.issue.skiprow", file, row.N, "", firstText(row))
			continue
		}
		num := tp.text(tabular.Number)
		if !tp.checkLen(idField, id) || !tp.checkLen(tabular.Number, num) || !tp.checkControl(idField, id, false) || !tp.checkControl(tabular.Number, num, true) {
			continue
		}
		name = field.StripControl(name)
		amount, hasAmount := tp.amount(tabular.Amount)
		open, hasOpen := tp.amount(tabular.Open)
		switch {
		case !hasAmount:
			amount = open
		case !hasOpen:
			open = amount
		}
		// The open amount is what is left of the amount: same sign, not larger. An
		// opposite sign is an error and the row is imported as settled (the corpus
		// accepts it); a larger open amount is a wrong column or a broken export, and
		// would leave the dossier inconsistent: the file is refused.
		if open != 0 && (open > 0) != (amount > 0) {
			p.rep.Addf(report.Error, "import.issue.opensign", file, row.N, tp.label(tabular.Open), tp.raw(tabular.Open),
				"amount", tp.raw(tabular.Amount), "name", string(tabular.Open))
			open = 0
		}
		if absCents(open) > absCents(amount) {
			p.rep.Addf(report.Fatal, "import.issue.openexceeds", file, row.N, tp.label(tabular.Open), tp.raw(tabular.Open),
				"amount", tp.raw(tabular.Amount), "name", string(tabular.Open))
			continue
		}
		if amount == 0 && open == 0 {
			continue
		}
		doc := tp.date(tabular.DocDate)
		due := tp.date(tabular.DueDate)
		kind := ledger.Invoice
		if amount < 0 {
			kind = ledger.CreditNote
		}
		pc := byID[id]
		if pc == nil {
			pc = &planCustomer{Customer: ledger.Customer{ID: id, Name: name}}
			byID[id] = pc
		}
		if pc.Customer.Name == "" {
			pc.Customer.Name = name
		}
		base := tabularIDPrefix + num + "|" + strings.ReplaceAll(doc.String(), "-", "")
		seq[id+"\x00"+base]++
		it := ledger.Item{
			ID: base + "|" + strconv.Itoa(seq[id+"\x00"+base]), Customer: id, Kind: kind, Number: num,
			Label: field.StripControl(tp.text(tabular.Label)), DocDate: doc, DueDate: due, Amount: amount, Open: open,
			Currency: tp.text(tabular.Currency), Source: source, Line: row.N,
		}
		pc.Items = append(pc.Items, it)
		pc.dueSet = append(pc.dueSet, due.Valid())
		if doc.Valid() && (!p.from.Valid() || doc < p.from) {
			p.from = doc
		}
		if doc > p.to {
			p.to = doc
		}
	}
	p.Report.Lines = len(t.Rows) - hi - 1
	ids := make([]string, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		p.customers = append(p.customers, byID[id])
	}
	return nil
}

// checkMapping reports, as fatal findings, the columns named by the mapping that are
// not in the file (header row hi); it returns true when there is one.
func checkMapping(t *tabular.Table, hi int, m *tabular.Mapping, file string, rep *report.Collector) bool {
	width := 0
	for i := range t.Rows {
		width = max(width, len(t.Rows[i].Cells))
	}
	bad := m.Unresolved(rowTexts(&t.Rows[hi]), width)
	fields := make([]string, 0, len(bad))
	for f := range bad {
		fields = append(fields, string(f))
	}
	sort.Strings(fields)
	name := m.Name
	if name == "" {
		name = "-"
	}
	for _, f := range fields {
		rep.Addf(report.Fatal, "import.issue.mapcolumn", file, 0, f, bad[tabular.Field(f)],
			"name", name, "count", strconv.Itoa(width))
	}
	return len(bad) > 0
}

func rowTexts(r *tabular.Row) []string {
	out := make([]string, len(r.Cells))
	for i, c := range r.Cells {
		out[i] = c.Text
	}
	return out
}

func firstText(r *tabular.Row) string {
	for _, c := range r.Cells {
		if c.Text != "" {
			return c.Text
		}
	}
	return ""
}

// tableParse reads the mapped cells of one row, reporting bad cells by row and column.
type tableParse struct {
	t    *tabular.Table
	file string
	rep  *report.Collector
	cols map[tabular.Field]int
	row  *tabular.Row
	// header holds the texts of the header row, to name columns in findings.
	header []string
}

// label names the column of f for the user: its header text, else its number or
// letters.
func (tp *tableParse) label(f tabular.Field) string {
	i, ok := tp.cols[f]
	if !ok {
		return string(f)
	}
	if i < len(tp.header) && strings.TrimSpace(tp.header[i]) != "" {
		return strings.TrimSpace(tp.header[i])
	}
	return tp.t.ColumnName(i)
}

// raw returns the text of the mapped cell of f as written.
func (tp *tableParse) raw(f tabular.Field) string {
	i, ok := tp.cols[f]
	if !ok {
		return ""
	}
	return strings.TrimSpace(tp.row.Cell(i).Text)
}

// checkLen reports a value of f longer than MaxIDLen (a customer ID or a document
// number, which item IDs are made of) and returns false for one.
func (tp *tableParse) checkLen(f tabular.Field, v string) bool {
	if len(v) <= MaxIDLen {
		return true
	}
	tooLong(tp.rep, tp.file, tp.row.N, tp.label(f), v[:MaxIDLen], len(v))
	return false
}

// checkControl reports a value of f holding a control character (a NUL would be
// dropped somewhere down the line and two codes merged) and returns false for one.
// breaks allows tabs and line breaks: a document number swallowed by a quote never
// closed holds them, and that is reported already (import.issue.quote_lazy).
func (tp *tableParse) checkControl(f tabular.Field, v string, breaks bool) bool {
	if !field.HasControl(v) {
		return true
	}
	if breaks && !field.HasControl(strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(v)) {
		return true
	}
	tp.rep.Addf(report.Fatal, "importstrict.control", tp.file, tp.row.N, tp.label(f), field.Visible(v))
	return false
}

// cell returns the mapped cell and checks merged and formula cells.
func (tp *tableParse) cell(f tabular.Field) (tabular.Cell, string, bool) {
	i, ok := tp.cols[f]
	if !ok {
		return tabular.Cell{}, "", false
	}
	c := tp.row.Cell(i)
	where := tp.t.ColumnName(i)
	if c.Merged {
		tp.rep.Addf(report.Fatal, "import.issue.merged", tp.file, tp.row.N, where, string(f))
		return tabular.Cell{}, where, false
	}
	if c.Formula && c.Text == "" {
		tp.rep.Addf(report.Fatal, "import.issue.formula", tp.file, tp.row.N, where, string(f))
		return tabular.Cell{}, where, false
	}
	return c, where, true
}

func (tp *tableParse) text(f tabular.Field) string {
	c, _, _ := tp.cell(f)
	return strings.TrimSpace(c.Text)
}

// amount parses a money cell: a spreadsheet number (rounded to the cent by decimal
// arithmetic, never float) or a text amount in French or English notation.
func (tp *tableParse) amount(f tabular.Field) (ledger.Cents, bool) {
	c, where, ok := tp.cell(f)
	if !ok || strings.TrimSpace(c.Text) == "" {
		return 0, false
	}
	if c.Number {
		d, err := decimal.NewFromString(c.Text)
		if err == nil {
			return ledger.CentsFromDecimal(d), true
		}
	}
	s := strings.TrimSpace(strings.NewReplacer("€", "", "EUR", "").Replace(c.Text))
	v, _, err := field.Amount([]byte(s))
	if err != nil {
		tp.rep.Addf(report.Fatal, "import.issue.cellamount", tp.file, tp.row.N, where, c.Text, "name", string(f))
		return 0, false
	}
	return v, true
}

// date parses a date cell: an Excel serial, DD/MM/YYYY, YYYY-MM-DD or AAAAMMJJ.
func (tp *tableParse) date(f tabular.Field) ledger.Date {
	c, where, ok := tp.cell(f)
	if !ok || strings.TrimSpace(c.Text) == "" {
		return ledger.NoDate
	}
	if c.Number && len(c.Text) != 8 { // 8 digits: AAAAMMJJ typed as a number
		whole, _, _ := strings.Cut(c.Text, ".")
		if n, err := strconv.Atoi(whole); err == nil {
			if d, ok := field.ExcelSerial(n); ok {
				return d
			}
		}
	}
	d, _, err := field.Date([]byte(c.Text))
	if err != nil {
		tp.rep.Addf(report.Fatal, "import.issue.celldate", tp.file, tp.row.N, where, c.Text, "name", string(f))
		return ledger.NoDate
	}
	return d
}

func absCents(c ledger.Cents) ledger.Cents {
	if c < 0 {
		return -c
	}
	return c
}
