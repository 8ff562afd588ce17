package credit

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

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
	head = append(head, i18n.T(lang, "aged.credits"), i18n.T(lang, "credit.col.disputed"))
	amounts := func(row []cell, b *Buckets) []cell {
		row = append(row, amountCell(b.Total()), amountCell(b.NotDue))
		for i := range ag.Ranges {
			row = append(row, amountCell(b.Late[i]))
		}
		return append(row, amountCell(b.Credits), amountCell(b.Disputed))
	}
	var rows [][]cell
	total := textCell(i18n.T(lang, "credit.total"))
	if groups == nil {
		for i := range ag.Lines {
			l := &ag.Lines[i]
			rows = append(rows, amounts([]cell{textCell(l.Customer.ID), textCell(l.Customer.Name)}, &l.Buckets))
		}
		rows = append(rows, amounts([]cell{textCell(""), total}, &ag.Total))
		return head, appendDoubtful(rows, ag, lang, amounts, 1)
	}
	customers := 0
	for i := range groups {
		g := &groups[i]
		customers += g.Customers
		rows = append(rows, amounts([]cell{textCell(g.Key), textCell(g.Label), countCell(g.Customers)}, &g.Buckets))
	}
	rows = append(rows, amounts([]cell{textCell(""), total, countCell(customers)}, &ag.Total))
	return head, appendDoubtful(rows, ag, lang, amounts, 2)
}

// appendDoubtful adds the doubtful customers' line below the total (none when there
// are none), after lead empty cells.
func appendDoubtful(rows [][]cell, ag *Aged, lang string, amounts func([]cell, *Buckets) []cell, lead int) [][]cell {
	if len(ag.Doubtful) == 0 {
		return rows
	}
	row := []cell{textCell(""), textCell(i18n.T(lang, "credit.doubtful", "n", strconv.Itoa(len(ag.Doubtful))))}
	if lead == 2 {
		row = append(row, countCell(len(ag.Doubtful)))
	}
	return append(rows, amounts(row, &ag.DoubtfulTotal))
}

// DecimalComma writes an amount the way French spreadsheets read it: "-1234,50".
func DecimalComma(c ledger.Cents) string {
	return strings.Replace(c.String(), ".", ",", 1)
}

// WriteAgedCSV writes the aged balance as CSV for spreadsheets: UTF-8 with a byte-order
// mark (so that Excel reads the accents right), ';' as separator and decimal commas (what
// a French Excel opens directly), a header row and a total row last. groups nil gives one
// row per customer, otherwise one row per group (see Aged.Group).
func WriteAgedCSV(w io.Writer, ag *Aged, groups []AgedGroup, lang string) error {
	head, rows := agedTable(ag, groups, lang)
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return fmt.Errorf("aged balance CSV: %w", err)
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.UseCRLF = true
	if err := cw.Write(head); err != nil {
		return fmt.Errorf("aged balance CSV: %w", err)
	}
	rec := make([]string, len(head))
	for _, r := range rows {
		for i, c := range r {
			switch c.kind {
			case 'a':
				rec[i] = DecimalComma(c.amount)
			case 'n':
				rec[i] = strconv.Itoa(c.count)
			default:
				rec[i] = c.text
			}
		}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("aged balance CSV: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("aged balance CSV: %w", err)
	}
	return nil
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
