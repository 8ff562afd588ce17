package law

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"relance/ledger"
)

// RatesFileKind is the table a rates file holds, recognised by its header row.
type RatesFileKind string

// The tables a rates file can hold: the formats of assets/rates.
const (
	RatesFileLegal RatesFileKind = "legal"   // half,private_pct,other_pct[,source]
	RatesFileECB   RatesFileKind = "ecb"     // date,rate_pct[,kind]
	RatesFileUK    RatesFileKind = "uk_base" // date,base_pct
)

// maxRatesFile is the largest rates file read: the full ECB history is a few KB.
const maxRatesFile = 1 << 20

// LineProblem is one refused line of a rates file: a Problem naming the file, the
// line, the field and the value.
type LineProblem struct {
	Line    int
	Problem *ledger.Problem
}

// RatesImport is what a rates file brings to a dossier: ReadRatesFile reads it and
// checks it against the shipped tables, Merge merges it with the half-years the
// dossier has. Records are what to write; nothing is written while Problems is not
// empty (desk.Session.ImportRates: one transaction, all or nothing).
type RatesImport struct {
	File string        // the file's name, as the messages give it
	Kind RatesFileKind // the table it holds
	Rows int           // data rows read
	// Skipped counts the rows the shipped tables already hold with the same figures;
	// Ignored the rows before the shipped tables begin (nothing to check or add).
	Skipped, Ignored int
	Records          []HalfYearRates // the half-years to record (after Merge)
	// Added, Completed, Replaced and Unchanged sort the file's half-years: new to the
	// dossier; recorded, given the file's other figures; recorded with other figures,
	// replaced (replace); recorded already with the same figures.
	Added, Completed, Replaced, Unchanged []Half
	Problems                              []LineProblem

	found map[Half]fileHalf // the half-years the file gives, not in the shipped tables
}

// fileHalf is a half-year's figures read from a rates file and the line they come from.
type fileHalf struct {
	x    HalfYearRates
	line int
}

// Refused returns the Problem refusing the whole import when a line is refused, nil
// otherwise.
func (imp *RatesImport) Refused() error {
	if len(imp.Problems) == 0 {
		return nil
	}
	return &ledger.Problem{Key: "rates.err.import.refused", Args: []string{"file", imp.File, "count", strconv.Itoa(len(imp.Problems))}}
}

// problem records a refused line.
func (imp *RatesImport) problem(line int, key string, args ...string) {
	args = append([]string{"file", imp.File, "line", strconv.Itoa(line)}, args...)
	imp.Problems = append(imp.Problems, LineProblem{Line: line, Problem: &ledger.Problem{Key: key, Args: args}})
}

// ReadRatesFile reads a rates file in one of the formats of assets/rates, recognised
// by its header: half,private_pct,other_pct,source (legal interest rates),
// date,rate_pct,kind (ECB MRO rate changes) or date,base_pct (Bank of England base
// rate on 30 June / 31 December). Lines starting with '#' are comments; the separator
// is ',' or ';' (then a decimal comma is read too); dates are YYYY-MM-DD or DD/MM/YYYY.
//
// Rows the shipped tables hold with the same figures are skipped and counted; a row
// contradicting a shipped figure is refused. The other rows become half-years of rates:
// a legal row its half-year, a base-rate row the half-year after its reference day,
// and the ECB rows the rate in force on the first day of each half-year they reach
// after the shipped table. Every refused line is a LineProblem naming the file, line,
// field and value; the error is for a file that cannot be read at all.
func ReadRatesFile(name string, src io.Reader) (*RatesImport, error) {
	base, err := DefaultRates()
	if err != nil {
		return nil, err
	}
	imp := &RatesImport{File: filepath.Base(name), found: map[Half]fileHalf{}}
	b, err := io.ReadAll(io.LimitReader(src, maxRatesFile+1))
	if err != nil {
		return nil, fmt.Errorf("rates file %s: %w", name, err)
	}
	if len(b) > maxRatesFile {
		imp.problem(0, "rates.err.import.too_big", "max", strconv.Itoa(maxRatesFile))
		return imp, nil
	}
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	cr := csv.NewReader(bytes.NewReader(b))
	cr.Comma = separator(b)
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	var t *ratesTable
	var ecb []ecbFileRow
	for {
		f, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			line := 0
			if errors.As(err, &pe) {
				line = pe.Line
			}
			imp.problem(line, "rates.err.import.csv", "value", err.Error())
			return imp, nil
		}
		line, _ := cr.FieldPos(0)
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		if t == nil {
			if t = readHeader(f); t == nil {
				imp.problem(line, "rates.err.import.header", "value", strings.Join(f, string(cr.Comma)))
				return imp, nil
			}
			imp.Kind = t.kind
			continue
		}
		imp.Rows++
		row := fileRow{imp: imp, t: t, f: f, line: line}
		switch t.kind {
		case RatesFileLegal:
			imp.legalRow(base, row)
		case RatesFileUK:
			imp.ukRow(base, row)
		case RatesFileECB:
			if r, ok := row.ecb(); ok {
				ecb = append(ecb, r)
			}
		}
	}
	if t == nil || imp.Rows == 0 {
		imp.problem(0, "rates.err.import.empty")
		return imp, nil
	}
	if t.kind == RatesFileECB {
		imp.ecbRows(base, ecb)
	}
	return imp, nil
}

// separator is ';' when the first line that is not a comment has one (a French
// spreadsheet's export), ',' otherwise.
func separator(b []byte) rune {
	for _, l := range strings.Split(string(b), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if strings.Contains(l, ";") {
			return ';'
		}
		return ','
	}
	return ','
}

// ratesTable is a recognised header: the table and the position of each column.
type ratesTable struct {
	kind RatesFileKind
	col  map[string]int
}

// readHeader recognises a header row by its column names (any order, any case;
// other columns are ignored), nil when it is none of the three tables.
func readHeader(f []string) *ratesTable {
	col := map[string]int{}
	for i, name := range f {
		col[strings.ToLower(name)] = i
	}
	has := func(names ...string) bool {
		for _, n := range names {
			if _, ok := col[n]; !ok {
				return false
			}
		}
		return true
	}
	switch {
	case has("half", "private_pct", "other_pct"):
		return &ratesTable{RatesFileLegal, col}
	case has("date", "rate_pct"):
		return &ratesTable{RatesFileECB, col}
	case has("date", "base_pct"):
		return &ratesTable{RatesFileUK, col}
	}
	return nil
}

// fileRow is one data row of a rates file.
type fileRow struct {
	imp  *RatesImport
	t    *ratesTable
	f    []string
	line int
}

// get returns the value of column name, or records a missing column.
func (r fileRow) get(name string) (string, bool) {
	i, ok := r.t.col[name]
	if !ok || i >= len(r.f) || r.f[i] == "" {
		r.imp.problem(r.line, "rates.err.import.missing", "field", name)
		return "", false
	}
	return r.f[i], true
}

// optional returns the value of column name, "" when the file has none.
func (r fileRow) optional(name string) string {
	if i, ok := r.t.col[name]; ok && i < len(r.f) {
		return r.f[i]
	}
	return ""
}

// rate reads column name as a percentage: a point or a decimal comma, a '%' allowed.
func (r fileRow) rate(name string) (decimal.Decimal, bool) {
	v, ok := r.get(name)
	if !ok {
		return decimal.Decimal{}, false
	}
	t := strings.TrimSpace(strings.TrimSuffix(v, "%"))
	if strings.Count(t, ",") == 1 && !strings.Contains(t, ".") {
		t = strings.Replace(t, ",", ".", 1)
	}
	d, err := decimal.NewFromString(t)
	if err != nil || d.IsNegative() || d.GreaterThan(decimal.NewFromInt(100)) {
		r.imp.problem(r.line, "rates.err.import.rate", "field", name, "value", v)
		return decimal.Decimal{}, false
	}
	return d, true
}

// date reads the date column: YYYY-MM-DD or DD/MM/YYYY.
func (r fileRow) date() (ledger.Date, bool) {
	v, ok := r.get("date")
	if !ok {
		return ledger.NoDate, false
	}
	if d, err := ledger.ParseDate(v); err == nil {
		return d, true
	}
	if d, err := ledger.ParseFrenchDate(v); err == nil {
		return d, true
	}
	r.imp.problem(r.line, "rates.err.import.date", "field", "date", "value", v)
	return ledger.NoDate, false
}

// source is the row's source column, else the file and line it was read from.
func (r fileRow) source() string {
	if s := r.optional("source"); s != "" && checkSource(s) == nil {
		return s
	}
	return r.imp.File + ":" + strconv.Itoa(r.line)
}

// contradicts records a row whose figure differs from the shipped table's.
func (r fileRow) contradicts(field string, v, published decimal.Decimal, when string) {
	r.imp.problem(r.line, "rates.err.import.contradicts", "field", field, "value", v.StringFixed(2),
		"published", published.StringFixed(2), "when", when)
}

// add keeps the figures of half-year h read on this row, refusing a half-year given
// twice.
func (r fileRow) add(x HalfYearRates) {
	if prev, dup := r.imp.found[x.Half]; dup {
		r.imp.problem(r.line, "rates.err.import.twice", "field", r.t.keyColumn(), "value", x.Half.String(),
			"first", strconv.Itoa(prev.line))
		return
	}
	r.imp.found[x.Half] = fileHalf{x: x, line: r.line}
}

// keyColumn is the column that identifies a row: half or date.
func (t *ratesTable) keyColumn() string {
	if t.kind == RatesFileLegal {
		return "half"
	}
	return "date"
}

// legalRow reads a row half,private_pct,other_pct[,source].
func (imp *RatesImport) legalRow(base *Rates, r fileRow) {
	hv, ok := r.get("half")
	if !ok {
		return
	}
	h, err := ParseHalf(hv)
	if err != nil {
		imp.problem(r.line, "rates.err.import.half", "field", "half", "value", hv)
		return
	}
	p, ok1 := r.rate("private_pct")
	o, ok2 := r.rate("other_pct")
	if !ok1 || !ok2 {
		return
	}
	if pub, shipped := base.legal[h]; shipped {
		switch {
		case !pub.Private.Equal(p):
			r.contradicts("private_pct", p, pub.Private, h.String())
		case !pub.Other.Equal(o):
			r.contradicts("other_pct", o, pub.Other, h.String())
		default:
			imp.Skipped++
		}
		return
	}
	if h.Before(base.legalFirst) {
		imp.Ignored++
		return
	}
	r.add(HalfYearRates{Half: h, LegalPrivate: decimal.NewNullDecimal(p), LegalOther: decimal.NewNullDecimal(o), Source: r.source()})
}

// ukRow reads a row date,base_pct: the base rate on a reference day (30 June or
// 31 December) is the Late Payment Act's rate for the half-year that follows.
func (imp *RatesImport) ukRow(base *Rates, r fileRow) {
	d, ok := r.date()
	if !ok {
		return
	}
	v, ok := r.rate("base_pct")
	if !ok {
		return
	}
	if !isUKReferenceDay(d) {
		imp.problem(r.line, "rates.err.import.refday", "field", "date", "value", d.String())
		return
	}
	if pub, shipped := base.uk[d]; shipped {
		if pub.Equal(v) {
			imp.Skipped++
		} else {
			r.contradicts("base_pct", v, pub, d.String())
		}
		return
	}
	if first, _ := base.ukCoverage(); d < first {
		imp.Ignored++
		return
	}
	r.add(HalfYearRates{Half: HalfOf(d + 1), UKBase: decimal.NewNullDecimal(v), Source: r.source()})
}

// ukCoverage returns the first and last reference days of the base-rate table.
func (r *Rates) ukCoverage() (first, last ledger.Date) {
	for k := range r.uk {
		if !first.Valid() || k < first {
			first = k
		}
		if k > last {
			last = k
		}
	}
	return first, last
}

// ecbFileRow is one row date,rate_pct[,kind] of an ECB file.
type ecbFileRow struct {
	date  ledger.Date
	rate  decimal.Decimal
	known bool // kind "known": the rate in force confirmed on that day
	line  int
}

// ecb reads a row date,rate_pct[,kind] (kind change, the default, or known).
func (r fileRow) ecb() (ecbFileRow, bool) {
	d, ok1 := r.date()
	v, ok2 := r.rate("rate_pct")
	if !ok1 || !ok2 {
		return ecbFileRow{}, false
	}
	row := ecbFileRow{date: d, rate: v, line: r.line}
	switch k := strings.ToLower(r.optional("kind")); k {
	case "", "change":
	case "known":
		row.known = true
	default:
		r.imp.problem(r.line, "rates.err.import.kind", "field", "kind", "value", r.optional("kind"))
		return ecbFileRow{}, false
	}
	return row, true
}

// ecbRows checks the ECB rows against the shipped table (the rate in force on each
// row's date), then gives each half-year after the table whose first day the file
// reaches the rate in force on that day: the last change on or before it.
func (imp *RatesImport) ecbRows(base *Rates, rows []ecbFileRow) {
	first, known := base.ECBRateCoverage()
	inForce := base.ecb[len(base.ecb)-1].rate // on known, the shipped table's last day
	var after []ecbFileRow                    // rows after the shipped table
	for i, row := range rows {
		if i > 0 && row.date <= rows[i-1].date {
			imp.problem(row.line, "rates.err.import.order", "field", "date", "value", row.date.String(),
				"previous", rows[i-1].date.String())
			return
		}
		switch {
		case row.date < first:
			imp.Ignored++
		case row.date <= known:
			if pub, err := base.ECBRateOn(row.date); err == nil && !pub.Equal(row.rate) {
				fileRow{imp: imp, line: row.line}.contradicts("rate_pct", row.rate, pub, row.date.String())
			} else {
				imp.Skipped++
			}
		default:
			if row.known && !row.rate.Equal(inForce) {
				imp.problem(row.line, "rates.err.import.known", "field", "rate_pct", "value", row.rate.StringFixed(2),
					"previous", inForce.StringFixed(2))
				return
			}
			inForce = row.rate
			after = append(after, row)
		}
	}
	if len(after) == 0 {
		return
	}
	last := after[len(after)-1].date
	for h := HalfOf(known).Next(); h.Start() <= last; h = h.Next() {
		rate := base.ecb[len(base.ecb)-1].rate
		line := 0
		for _, row := range after {
			if row.date > h.Start() {
				if line == 0 {
					line = row.line // the rate held since the table's end: this row shows it
				}
				break
			}
			rate, line = row.rate, row.line
		}
		imp.found[h] = fileHalf{x: HalfYearRates{Half: h, ECB: decimal.NewNullDecimal(rate),
			Source: imp.File + ":" + strconv.Itoa(line)}, line: line}
	}
}
