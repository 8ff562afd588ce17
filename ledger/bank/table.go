package bank

import (
	"bytes"
	"errors"
	"regexp"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"relance/ledger"
	"relance/ledger/importer/field"
	"relance/ledger/importer/tabular"
)

// headerScan is how many rows are searched for the header when the mapping does not
// say which row it is: banks put the account, the period and the balances first.
const headerScan = 30

// ibanPattern finds an IBAN in the title lines of an export, grouped by four or not.
var ibanPattern = regexp.MustCompile(`\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){11,30}\b`)

// sheet is a bank export read into a table, with its columns resolved.
type sheet struct {
	file   string
	t      *tabular.Table
	header int // index in t.Rows
	cols   map[tabular.Field]int
}

// readTable reads a bank export: an XLSX workbook (a zip archive) or CSV.
func readTable(name string, data []byte, m *tabular.Mapping) (*Statement, error) {
	if m == nil {
		g := Presets()["generic"]
		m = &g
	}
	var t *tabular.Table
	var err error
	format := FormatCSV
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		format = FormatXLSX
		t, err = tabular.ReadXLSX(bytes.NewReader(data), m.Sheet)
	} else {
		t, err = tabular.ReadCSV(bytes.NewReader(data), m.SepRune())
	}
	if err != nil {
		var u16 *field.UTF16Error
		var qe *tabular.QuoteError
		var le *tabular.LimitError
		switch {
		case errors.As(err, &le):
			return nil, le.Problem(name)
		case errors.As(err, &u16):
			return nil, &ledger.Problem{Key: u16.Key("bank.err.utf16"), Args: at(name, 1, "", u16.Variant)}
		case errors.As(err, &qe):
			return nil, &ledger.Problem{Key: "bank.err.quote", Args: at(name, qe.Line, "", "")}
		case errors.Is(err, tabular.ErrNoSheet):
			return nil, &ledger.Problem{Key: "bank.err.sheet", Args: at(name, 0, "", m.Sheet)}
		}
		return nil, &ledger.Problem{Key: "bank.err.open", Args: []string{"file", name}, Err: err}
	}
	sh := &sheet{file: name, t: t, header: -1}
	if err := sh.resolve(m); err != nil {
		return nil, err
	}
	st := &Statement{Format: format}
	account := sh.account()
	for i := sh.header + 1; i < len(t.Rows); i++ {
		l, ok, err := sh.line(&t.Rows[i])
		if err != nil {
			return nil, err
		}
		if ok {
			l.Account = account
			st.Lines = append(st.Lines, l)
		}
	}
	return st, nil
}

// resolve finds the header row (m.HeaderRow, else the first of the first rows that
// names a date and an amount, a debit or a credit) and each field's column.
func (sh *sheet) resolve(m *tabular.Mapping) error {
	set := Set()
	width := 0
	for i := range sh.t.Rows {
		width = max(width, len(sh.t.Rows[i].Cells))
	}
	for i := range sh.t.Rows {
		row := &sh.t.Rows[i]
		if m.HeaderRow > 0 && row.N != m.HeaderRow || m.HeaderRow == 0 && i >= headerScan {
			continue
		}
		cols := m.ResolveIn(set, texts(row))
		if m.HeaderRow > 0 || usable(cols) {
			sh.header, sh.cols = i, cols
			break
		}
	}
	name := first(m.Name, "-")
	if sh.header < 0 {
		return &ledger.Problem{Key: "bank.err.noheader", Args: at(sh.file, m.HeaderRow, "", name)}
	}
	hdr := &sh.t.Rows[sh.header]
	bad := m.Unresolved(texts(hdr), width)
	for _, f := range Fields() {
		if spec, ok := bad[f]; ok {
			return &ledger.Problem{Key: "bank.err.mapcolumn", Args: append(at(sh.file, hdr.N, string(f), spec),
				"name", name)}
		}
	}
	if !usable(sh.cols) {
		return &ledger.Problem{Key: "bank.err.noheader", Args: at(sh.file, hdr.N, "", name)}
	}
	return nil
}

// usable reports whether the columns found give a date and an amount.
func usable(cols map[tabular.Field]int) bool {
	_, date := cols[FieldDate]
	_, amt := cols[FieldAmount]
	_, deb := cols[FieldDebit]
	_, cre := cols[FieldCredit]
	return date && (amt || deb || cre)
}

// account returns the IBAN written in the title lines above the header, if any.
func (sh *sheet) account() string {
	for i := 0; i < sh.header; i++ {
		for _, c := range sh.t.Rows[i].Cells {
			for _, m := range ibanPattern.FindAllString(strings.ToUpper(c.Text), -1) {
				// The pattern may run into the next word (« … 143 EUR »): the
				// longest prefix with a valid checksum is the IBAN.
				iban := strings.ReplaceAll(m, " ", "")
				for n := len(iban); n >= 15; n-- {
					if validIBAN(iban[:n]) {
						return iban[:n]
					}
				}
			}
		}
	}
	return ""
}

// line reads one row after the header. ok is false for a row that is no operation:
// blank, a text line, a balance or total line.
func (sh *sheet) line(row *tabular.Row) (l Line, ok bool, err error) {
	if row.Empty() || balanceLine(row) {
		return l, false, nil
	}
	label := clean(sh.cell(row, FieldLabel).Text)
	amount, credit, has, err := sh.amount(row)
	if err != nil {
		return l, false, err
	}
	dc := sh.cell(row, FieldDate)
	if strings.TrimSpace(dc.Text) == "" {
		if !has {
			return l, false, nil
		}
		return l, false, &ledger.Problem{Key: "bank.err.nodate", Args: at(sh.file, row.N, sh.label(FieldDate), label)}
	}
	booked, err := sh.date(row, FieldDate)
	if err != nil {
		return l, false, err
	}
	if !has {
		return l, false, &ledger.Problem{Key: "bank.err.noamount", Args: at(sh.file, row.N, sh.amountLabel(), label)}
	}
	if amount == 0 {
		return l, false, nil
	}
	value, err := sh.date(row, FieldValueDate)
	if err != nil {
		return l, false, err
	}
	l = Line{Booked: booked, Value: value, Amount: amount, Credit: credit,
		Currency:   strings.ToUpper(first(strings.TrimSpace(sh.cell(row, FieldCurrency).Text), "EUR")),
		Remittance: clean(label + " " + sh.cell(row, FieldDetail).Text),
		BankRef:    strings.TrimSpace(sh.cell(row, FieldReference).Text),
		Debtor:     clean(sh.cell(row, FieldDebtor).Text),
		DebtorIBAN: strings.ToUpper(strings.ReplaceAll(sh.cell(row, FieldDebtorIBAN).Text, " ", "")),
		Source:     sh.file, Row: row.N}
	guess(&l, l.Remittance)
	payer(&l, l.Remittance)
	return l, true, nil
}

// amount reads the row's amount: the Débit and Crédit columns when the file has one
// of them, else the signed amount column. has is false when every amount cell is empty.
func (sh *sheet) amount(row *tabular.Row) (amount ledger.Cents, credit, has bool, err error) {
	_, deb := sh.cols[FieldDebit]
	_, cre := sh.cols[FieldCredit]
	if !deb && !cre {
		v, has, err := sh.cents(row, FieldAmount)
		if v < 0 {
			return -v, false, has, err
		}
		return v, true, has, err
	}
	d, hasD, err := sh.cents(row, FieldDebit)
	if err != nil {
		return 0, false, false, err
	}
	c, hasC, err := sh.cents(row, FieldCredit)
	if err != nil {
		return 0, false, false, err
	}
	d, c = abs(d), abs(c)
	switch {
	case d != 0 && c != 0:
		return 0, false, false, &ledger.Problem{Key: "bank.err.both", Args: at(sh.file, row.N,
			sh.label(FieldDebit)+" / "+sh.label(FieldCredit), sh.cell(row, FieldDebit).Text+" / "+sh.cell(row, FieldCredit).Text)}
	case c != 0:
		return c, true, true, nil
	}
	return d, false, hasD || hasC, nil
}

// cents parses a money cell: a spreadsheet number (rounded to the cent by decimal
// arithmetic, never float) or a text amount in French or English notation, with or
// without a currency sign. has is false for an empty cell.
func (sh *sheet) cents(row *tabular.Row, f tabular.Field) (v ledger.Cents, has bool, err error) {
	c := sh.cell(row, f)
	text := strings.TrimSpace(c.Text)
	if text == "" {
		return 0, false, nil
	}
	if c.Number {
		if d, err := decimal.NewFromString(text); err == nil {
			return ledger.CentsFromDecimal(d), true, nil
		}
	}
	s := strings.TrimSpace(strings.NewReplacer("€", "", "EUR", "", "\u00a0", " ").Replace(text))
	v, _, aerr := field.Amount([]byte(s))
	if aerr != nil {
		return 0, true, &ledger.Problem{Key: "bank.err.amount", Args: at(sh.file, row.N, sh.label(f), text)}
	}
	return v, true, nil
}

// date parses a date cell: DD/MM/YYYY (or with '-' or '.'), YYYY-MM-DD, DD/MM/YY, with
// or without a time, or a spreadsheet serial. An empty cell is NoDate.
func (sh *sheet) date(row *tabular.Row, f tabular.Field) (ledger.Date, error) {
	c := sh.cell(row, f)
	text := strings.TrimSpace(c.Text)
	if text == "" {
		return ledger.NoDate, nil
	}
	if c.Number && len(text) != 8 {
		whole, _, _ := strings.Cut(text, ".")
		if n, err := strconv.Atoi(whole); err == nil {
			if d, ok := field.ExcelSerial(n); ok {
				return d, nil
			}
		}
	}
	d, _, err := field.Date([]byte(text))
	if err != nil || !d.Valid() {
		return ledger.NoDate, &ledger.Problem{Key: "bank.err.celldate", Args: at(sh.file, row.N, sh.label(f), text)}
	}
	return d, nil
}

func (sh *sheet) cell(row *tabular.Row, f tabular.Field) tabular.Cell {
	i, ok := sh.cols[f]
	if !ok {
		return tabular.Cell{}
	}
	return row.Cell(i)
}

// label names the column of f for the user: its header text, else its letter or
// number.
func (sh *sheet) label(f tabular.Field) string {
	i, ok := sh.cols[f]
	if !ok {
		return string(f)
	}
	if h := strings.TrimSpace(sh.t.Rows[sh.header].Cell(i).Text); h != "" {
		return h
	}
	return sh.t.ColumnName(i)
}

func (sh *sheet) amountLabel() string {
	var names []string
	for _, f := range []tabular.Field{FieldAmount, FieldDebit, FieldCredit} {
		if _, ok := sh.cols[f]; ok {
			names = append(names, sh.label(f))
		}
	}
	return strings.Join(names, " / ")
}

// balanceLine reports whether a row is a balance or a total (« Solde au 30/11/2026 »,
// « Total des opérations »), which some banks write among or after the operations:
// its first non-blank cell starts with such a word (an operation's starts with its
// date).
func balanceLine(row *tabular.Row) bool {
	for _, c := range row.Cells {
		if w := words(c.Text); len(w) > 0 {
			switch w[0] {
			case "SOLDE", "TOTAL", "TOTAUX", "BALANCE", "NOUVEAU", "ANCIEN":
				return true
			}
			return false
		}
	}
	return false
}

func texts(r *tabular.Row) []string {
	out := make([]string, len(r.Cells))
	for i, c := range r.Cells {
		out[i] = c.Text
	}
	return out
}

func abs(c ledger.Cents) ledger.Cents {
	if c < 0 {
		return -c
	}
	return c
}

// validIBAN checks an IBAN's mod-97 checksum.
func validIBAN(s string) bool {
	if len(s) < 15 || len(s) > 34 {
		return false
	}
	rem := 0
	for _, r := range s[4:] + s[:4] {
		switch {
		case r >= '0' && r <= '9':
			rem = (rem*10 + int(r-'0')) % 97
		case r >= 'A' && r <= 'Z':
			rem = (rem*100 + int(r-'A') + 10) % 97
		default:
			return false
		}
	}
	return rem == 1
}
