package latereport

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/xlsxdoc"
)

// WriteXLSX writes the table as an Excel workbook, with the same library and conventions
// as the aged balance's (credit.WriteAgedXLSX): amounts as numbers written from their
// exact decimal text (never through float64) in a "#,##0.00" format, bold headers. The
// first sheet is the table as the model lays it out — sections (A), (B), (C) and the
// notes — below a title block (the company, the title, the year and currency) shared with
// the aged balance's (xlsxdoc), the header row frozen; the second the invoices behind it,
// one per row. company names the creator in the workbook's properties ("" for "Relance").
func WriteXLSX(w io.Writer, r *Report, lang, company string) error {
	if err := writeXLSX(w, r, lang, company); err != nil {
		return fmt.Errorf("payment terms XLSX: %w", err)
	}
	return nil
}

type xlsx struct {
	f                                    *excelize.File
	sheet                                string
	bold, money, boldMoney, pct, section int
}

func (x *xlsx) put(col, row int, v any, style int) error {
	ref, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return err
	}
	switch v := v.(type) {
	case ledger.Cents:
		err = x.f.SetCellDefault(x.sheet, ref, v.String())
	case int:
		err = x.f.SetCellInt(x.sheet, ref, int64(v))
	case decimalText:
		if v == "" {
			return nil
		}
		err = x.f.SetCellDefault(x.sheet, ref, string(v))
	case string:
		err = x.f.SetCellStr(x.sheet, ref, v)
	}
	if err != nil {
		return err
	}
	if style != 0 {
		return x.f.SetCellStyle(x.sheet, ref, ref, style)
	}
	return nil
}

// decimalText is a number written from its decimal text ("" leaves the cell empty).
type decimalText string

func writeXLSX(w io.Writer, r *Report, lang, company string) error {
	f := excelize.NewFile()
	defer f.Close()
	x := &xlsx{f: f, sheet: i18n.T(lang, "latereport.sheet.table")}
	if err := f.SetSheetName("Sheet1", x.sheet); err != nil {
		return err
	}
	styles := []struct {
		dst *int
		s   excelize.Style
	}{
		{&x.bold, excelize.Style{Font: &excelize.Font{Bold: true}}},
		{&x.money, excelize.Style{NumFmt: 4}},
		{&x.boldMoney, excelize.Style{NumFmt: 4, Font: &excelize.Font{Bold: true}}},
		{&x.pct, excelize.Style{NumFmt: 10}}, // 0.00%
		{&x.section, excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE6F0"}}}},
	}
	for _, s := range styles {
		id, err := f.NewStyle(&s.s)
		if err != nil {
			return err
		}
		*s.dst = id
	}
	lb := LabelsFor(lang)
	n := len(Brackets())
	row, err := xlsxdoc.Write(f, x.sheet, xlsxdoc.Head{Company: company, Title: Title(lang), Lines: []string{r.Subtitle(lang)},
		Subject: i18n.T(lang, "export23.latereport.subject"), Created: r.Closing, Lang: lang})
	if err != nil {
		return err
	}
	if err := xlsxdoc.FreezeThrough(f, x.sheet, row); err != nil {
		return err
	}
	// Header.
	if err := x.put(1, row, "", x.bold); err != nil {
		return err
	}
	for i, t := range lb.Columns {
		if err := x.put(i+2, row, t, x.bold); err != nil {
			return err
		}
	}
	row++
	// (A)
	if err := x.put(1, row, lb.SectionA, x.section); err != nil {
		return err
	}
	row++
	lines := []struct {
		label string
		cell  func(c Cell) any
		st    int
	}{
		{lb.Count, func(c Cell) any { return c.Count }, 0},
		{lb.Amount, func(c Cell) any { return c.Amount }, x.money},
		{lb.Share, func(c Cell) any { return decimalText(r.ShareDecimal(c.Amount)) }, x.pct},
	}
	for _, l := range lines {
		if err := x.put(1, row, l.label, 0); err != nil {
			return err
		}
		for i := 0; i <= n; i++ {
			c, st := r.Total, l.st
			if i < n {
				c = r.Late[i]
			} else if st == x.money {
				st = x.boldMoney
			}
			if err := x.put(i+2, row, l.cell(c), st); err != nil {
				return err
			}
		}
		if !r.HasTurnover() && l.st == x.pct {
			if err := x.put(n+3, row, i18n.T(lang, "latereport.na"), 0); err != nil {
				return err
			}
		}
		row++
	}
	// (B)
	if err := x.put(1, row, lb.SectionB, x.section); err != nil {
		return err
	}
	row++
	if err := x.put(1, row, lb.ExclCount, 0); err != nil {
		return err
	}
	if err := x.put(n+2, row, r.Excluded.Count, 0); err != nil {
		return err
	}
	row++
	if err := x.put(1, row, lb.ExclAmount, 0); err != nil {
		return err
	}
	if err := x.put(n+2, row, r.Excluded.Amount, x.money); err != nil {
		return err
	}
	row++
	// (C)
	if err := x.put(1, row, lb.SectionC, x.section); err != nil {
		return err
	}
	row++
	for _, l := range [][2]string{{lb.Contractual, r.Contractual(lang)}, {lb.Legal, r.Legal(lang)}} {
		if err := x.put(1, row, l[0], 0); err != nil {
			return err
		}
		if err := x.put(2, row, l[1], 0); err != nil {
			return err
		}
		row++
	}
	row++
	for _, note := range r.Notes(lang) {
		if err := x.put(1, row, note, 0); err != nil {
			return err
		}
		row++
	}
	if err := f.SetColWidth(x.sheet, "A", "A", 58); err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(n + 2)
	if err := f.SetColWidth(x.sheet, "B", last, 18); err != nil {
		return err
	}
	return writeDetail(w, x, r, lang)
}

// writeDetail adds the sheet of the invoices behind the table and writes the workbook.
func writeDetail(w io.Writer, x *xlsx, r *Report, lang string) error {
	f := x.f
	x.sheet = i18n.T(lang, "latereport.sheet.detail")
	if _, err := f.NewSheet(x.sheet); err != nil {
		return err
	}
	head := []string{"latereport.detail.section", "latereport.detail.customer", "latereport.detail.name", "latereport.detail.number",
		"latereport.detail.date", "latereport.detail.due", "latereport.detail.late", "latereport.detail.bracket",
		"latereport.detail.amount", "latereport.detail.open", "latereport.detail.disputed"}
	for i, k := range head {
		if err := x.put(i+1, 1, i18n.T(lang, k), x.bold); err != nil {
			return err
		}
	}
	cols := LabelsFor(lang).Columns
	for j, inv := range r.Invoices {
		row := j + 2
		section := "A"
		if inv.Excluded() {
			section = "B"
		}
		vals := []any{section, inv.Customer, inv.Name, inv.Number, Date(lang, inv.DocDate), Date(lang, inv.DueDate),
			inv.DaysLate, cols[inv.Bracket], inv.Amount, inv.Open, inv.Disputed}
		for i, v := range vals {
			st := 0
			if _, ok := v.(ledger.Cents); ok {
				st = x.money
			}
			if err := x.put(i+1, row, v, st); err != nil {
				return err
			}
		}
	}
	if err := f.SetColWidth(x.sheet, "A", "K", 14); err != nil {
		return err
	}
	if err := f.SetColWidth(x.sheet, "C", "C", 34); err != nil {
		return err
	}
	if err := f.SetPanes(x.sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if _, err := f.WriteTo(w); err != nil {
		return err
	}
	return nil
}
