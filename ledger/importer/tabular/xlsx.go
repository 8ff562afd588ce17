package tabular

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// ReadXLSX reads one sheet of a workbook (the first when sheet is ""), with raw cell
// values (numbers and date serials as written, not as displayed), and marks formula
// and merged cells so that the importer can name them in errors.
func ReadXLSX(r io.Reader, sheet string) (*Table, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, fmt.Errorf("open workbook: %w", err)
	}
	defer f.Close()
	if sheet == "" {
		sheet = f.GetSheetName(0)
	}
	idx, err := f.GetSheetIndex(sheet)
	if err != nil || idx < 0 {
		return nil, fmt.Errorf("sheet %q: %w", sheet, ErrNoSheet)
	}
	t := &Table{Format: "xlsx", Sheet: sheet}
	merged := map[[2]int]bool{}
	if mc, err := f.GetMergeCells(sheet); err == nil {
		for _, m := range mc {
			c1, r1, e1 := excelize.CellNameToCoordinates(m.GetStartAxis())
			c2, r2, e2 := excelize.CellNameToCoordinates(m.GetEndAxis())
			if e1 != nil || e2 != nil {
				continue
			}
			for rr := r1; rr <= r2; rr++ {
				for cc := c1; cc <= c2; cc++ {
					if rr != r1 || cc != c1 {
						merged[[2]int{rr, cc}] = true
					}
				}
			}
		}
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, fmt.Errorf("sheet %q: %w", sheet, err)
	}
	defer rows.Close()
	n, width := 0, 0
	for rows.Next() {
		n++
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("row %d: %w", n, err)
		}
		width = max(width, len(cols))
		row := Row{N: n, Cells: make([]Cell, len(cols), width)}
		for i := 0; i < width; i++ {
			var c Cell
			if i < len(cols) {
				c.Text = cols[i]
			}
			c.Merged = merged[[2]int{n, i + 1}]
			name, _ := excelize.CoordinatesToCellName(i+1, n)
			if c.Text != "" {
				if typ, err := f.GetCellType(sheet, name); err == nil && (typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset) {
					c.Number = true
				}
			}
			// A formula never computed has no cached value: look for formulas in
			// empty cells too, up to the widest row seen.
			if fm, err := f.GetCellFormula(sheet, name); err == nil && fm != "" {
				c.Formula = true
			}
			if i < len(cols) {
				row.Cells[i] = c
			} else if c.Formula || c.Merged {
				for len(row.Cells) < i {
					row.Cells = append(row.Cells, Cell{})
				}
				row.Cells = append(row.Cells, c)
			}
		}
		for k := range merged {
			if k[0] == n && k[1] > len(row.Cells) {
				for len(row.Cells) < k[1] {
					row.Cells = append(row.Cells, Cell{})
				}
				row.Cells[k[1]-1].Merged = true
			}
		}
		t.Rows = append(t.Rows, row)
	}
	if err := rows.Error(); err != nil {
		return nil, fmt.Errorf("sheet %q: %w", sheet, err)
	}
	return t, nil
}
