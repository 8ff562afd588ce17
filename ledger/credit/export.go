package credit

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/xlsxdoc"
)

// cell is one cell of an exported table: text, an amount, or a count.
type cell struct {
	text   string
	amount ledger.Cents
	count  int
	kind   byte // 't' text, 'a' amount, 'n' count
}

func textCell(s string) cell         { return cell{text: s, kind: 't'} }
func amountCell(c ledger.Cents) cell { return cell{amount: c, kind: 'a'} }
func countCell(n int) cell           { return cell{count: n, kind: 'n'} }

// agedTable lays an aged balance out as a header and rows, the last row being the total.
// With groups nil there is one row per customer (account, name, balance, columns);
// otherwise one row per group (key, label, number of customers, balance, columns).
func agedTable(ag *Aged, groups []AgedGroup, lang string) ([]string, [][]cell) {
	var rows [][]cell
	_ = eachAgedRow(ag, groups, lang, func(row []cell) error { // fn never fails
		rows = append(rows, slices.Clone(row))
		return nil
	})
	return agedHead(ag, groups, lang), rows
}

// agedHead is the header row of agedTable.
func agedHead(ag *Aged, groups []AgedGroup, lang string) []string {
	var head []string
	if groups == nil {
		head = []string{i18n.T(lang, "credit.col.id"), i18n.T(lang, "credit.col.name")}
	} else {
		head = []string{i18n.T(lang, "credit.col.group"), i18n.T(lang, "credit.col.label"), i18n.T(lang, "credit.col.customers")}
	}
	head = append(head, i18n.T(lang, "credit.col.balance"), i18n.T(lang, "credit.col.notdue"))
	for _, r := range ag.Ranges {
		if r.To == 0 {
			head = append(head, i18n.T(lang, "credit.col.over", "days", strconv.Itoa(r.From-1)))
		} else {
			head = append(head, i18n.T(lang, "credit.col.range", "from", strconv.Itoa(r.From), "to", strconv.Itoa(r.To)))
		}
	}
	// the same words as the command line's table and the PDF (« Crédits non affectés »)
	return append(head, i18n.T(lang, "aged.credits"), i18n.T(lang, "credit.col.disputed"))
}

// eachAgedRow calls fn with each row of agedTable in turn, in one buffer that the next
// row reuses (the CSV streams them: no table of a row per customer in memory).
func eachAgedRow(ag *Aged, groups []AgedGroup, lang string, fn func(row []cell) error) error {
	buf := make([]cell, 0, 7+len(ag.Ranges))
	amounts := func(row []cell, b *Buckets) []cell {
		row = append(row, amountCell(b.Total()), amountCell(b.NotDue))
		for i := range ag.Ranges {
			row = append(row, amountCell(b.Late[i]))
		}
		return append(row, amountCell(b.Credits), amountCell(b.Disputed))
	}
	total := textCell(i18n.T(lang, "credit.total"))
	lead := 1
	if groups == nil {
		for i := range ag.Lines {
			l := &ag.Lines[i]
			if err := fn(amounts(append(buf[:0], textCell(l.Customer.ID), textCell(l.Customer.Name)), &l.Buckets)); err != nil {
				return err
			}
		}
		if err := fn(amounts(append(buf[:0], textCell(""), total), &ag.Total)); err != nil {
			return err
		}
	} else {
		lead = 2
		customers := 0
		for i := range groups {
			g := &groups[i]
			customers += g.Customers
			if err := fn(amounts(append(buf[:0], textCell(g.Key), textCell(g.Label), countCell(g.Customers)), &g.Buckets)); err != nil {
				return err
			}
		}
		if err := fn(amounts(append(buf[:0], textCell(""), total, countCell(customers)), &ag.Total)); err != nil {
			return err
		}
	}
	// The doubtful customers' line below the total (none when there are none), after
	// lead empty cells.
	if len(ag.Doubtful) == 0 {
		return nil
	}
	row := append(buf[:0], textCell(""), textCell(i18n.T(lang, "credit.doubtful", "n", strconv.Itoa(len(ag.Doubtful)))))
	if lead == 2 {
		row = append(row, countCell(len(ag.Doubtful)))
	}
	return fn(amounts(row, &ag.DoubtfulTotal))
}

// DecimalComma writes an amount the way French spreadsheets read it: "-1234,50".
func DecimalComma(c ledger.Cents) string {
	var buf [24]byte
	return string(c.AppendDecimal(buf[:0], ','))
}

// WriteAgedCSV writes the aged balance as CSV for spreadsheets: UTF-8 with a byte-order
// mark (so that Excel reads the accents right), ';' as separator and decimal commas (what
// a French Excel opens directly), a header row and a total row last. groups nil gives one
// row per customer, otherwise one row per group (see Aged.Group).
func WriteAgedCSV(w io.Writer, ag *Aged, groups []AgedGroup, lang string) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	line := make([]byte, 0, 512)
	line = append(line, "\ufeff"...)
	for i, h := range agedHead(ag, groups, lang) {
		if i > 0 {
			line = append(line, ';')
		}
		line = appendCSVField(line, h)
	}
	line = append(line, '\r', '\n')
	if _, err := bw.Write(line); err != nil {
		return fmt.Errorf("aged balance CSV: %w", err)
	}
	err := eachAgedRow(ag, groups, lang, func(row []cell) error {
		line = line[:0]
		for i, c := range row {
			if i > 0 {
				line = append(line, ';')
			}
			switch c.kind {
			case 'a':
				line = c.amount.AppendDecimal(line, ',')
			case 'n':
				line = strconv.AppendInt(line, int64(c.count), 10)
			default:
				line = appendCSVField(line, c.text)
			}
		}
		line = append(line, '\r', '\n')
		_, err := bw.Write(line)
		return err
	})
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		return fmt.Errorf("aged balance CSV: %w", err)
	}
	return nil
}

// appendCSVField appends s as encoding/csv writes a field with ';' as separator and
// CRLF line ends. A field that surely needs no quotes is appended as it is; any other
// goes through encoding/csv itself, so that the quoting stays exactly its own.
func appendCSVField(b []byte, s string) []byte {
	plain := s != `\.`
	if s != "" { // encoding/csv quotes a field starting with a space
		r, _ := utf8.DecodeRuneInString(s)
		plain = plain && !unicode.IsSpace(r)
	}
	for i := 0; plain && i < len(s); i++ {
		c := s[i]
		plain = c != ';' && c != '"' && c != '\r' && c != '\n'
	}
	if plain {
		return append(b, s...)
	}
	var q bytes.Buffer
	cw := csv.NewWriter(&q)
	cw.Comma = ';'
	cw.UseCRLF = true
	if err := cw.Write([]string{s}); err != nil {
		return append(b, s...) // a bytes.Buffer does not fail
	}
	cw.Flush()
	return append(b, bytes.TrimSuffix(q.Bytes(), []byte("\r\n"))...)
}

// WriteAgedXLSX writes the aged balance as an Excel workbook: one sheet, a title block
// (the company, « Balance âgée au 04/12/2026 », the currency), a bold header frozen below
// it, amounts as numbers (written from their exact decimal text, never through float64)
// with a "# ##0.00" format, and a bold total row last; the workbook's properties name the
// company as creator and the as-of date as created date. groups as for WriteAgedCSV.
func WriteAgedXLSX(w io.Writer, ag *Aged, groups []AgedGroup, lang string, s *ledger.Settings) error {
	head, rows := agedTable(ag, groups, lang)
	f := excelize.NewFile()
	defer f.Close()
	sheet := i18n.T(lang, "credit.sheet.aged")
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return fmt.Errorf("aged balance XLSX: %w", err)
	}
	currency := s.Currency
	if currency == "" {
		currency = "EUR"
	}
	top, err := xlsxdoc.Write(f, sheet, xlsxdoc.Head{Company: s.Company.Name,
		Title:   i18n.T(lang, "export23.aged.title", "date", xlsxdoc.LongDate(lang, ag.AsOf)),
		Lines:   []string{i18n.T(lang, "export23.currency", "currency", currency)},
		Subject: i18n.T(lang, "export23.aged.subject"), Created: ag.AsOf, Lang: lang})
	if err != nil {
		return fmt.Errorf("aged balance XLSX: %w", err)
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return fmt.Errorf("aged balance XLSX: %w", err)
	}
	money, err := f.NewStyle(&excelize.Style{NumFmt: 4}) // #,##0.00
	if err != nil {
		return fmt.Errorf("aged balance XLSX: %w", err)
	}
	boldMoney, err := f.NewStyle(&excelize.Style{NumFmt: 4, Font: &excelize.Font{Bold: true}})
	if err != nil {
		return fmt.Errorf("aged balance XLSX: %w", err)
	}
	put := func(col, row int, c cell, last bool) error {
		ref, err := excelize.CoordinatesToCellName(col, row)
		if err != nil {
			return err
		}
		style := 0
		switch c.kind {
		case 'a':
			err = f.SetCellDefault(sheet, ref, c.amount.String())
			style = money
			if last {
				style = boldMoney
			}
		case 'n':
			err = f.SetCellInt(sheet, ref, int64(c.count))
		default:
			err = f.SetCellStr(sheet, ref, c.text)
		}
		if err != nil {
			return err
		}
		if last && style == 0 {
			style = bold
		}
		if style != 0 {
			return f.SetCellStyle(sheet, ref, ref, style)
		}
		return nil
	}
	for i, h := range head {
		if err := put(i+1, top, textCell(h), true); err != nil {
			return fmt.Errorf("aged balance XLSX: %w", err)
		}
	}
	for r, row := range rows {
		for i, c := range row {
			if err := put(i+1, top+1+r, c, r == len(rows)-1); err != nil {
				return fmt.Errorf("aged balance XLSX: %w", err)
			}
		}
	}
	last, _ := excelize.ColumnNumberToName(len(head))
	if err := f.SetColWidth(sheet, "A", last, 14); err != nil {
		return fmt.Errorf("aged balance XLSX: %w", err)
	}
	if err := xlsxdoc.FreezeThrough(f, sheet, top); err != nil {
		return fmt.Errorf("aged balance XLSX: %w", err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("aged balance XLSX: %w", err)
	}
	return nil
}
