// Package tabular reads open-item and aged-balance exports from spreadsheets: CSV
// (separator and encoding detected, French conventions) and XLSX (through excelize),
// into a uniform table of cells that keeps each cell's row and column for error
// messages. Column mapping (which column is the customer, the amount…) and its presets
// are in mapping.go; turning rows into ledger items is the importer's job.
package tabular

import (
	"strconv"
)

// Cell is one cell's content.
type Cell struct {
	Text string `json:"text"`
	// Number is true for an XLSX numeric cell: Text is then the raw value written by
	// the spreadsheet ("1234.5", "45123" for a date serial), not the displayed text.
	Number bool `json:"number,omitempty"`
	// Formula is true when the cell holds a formula; Text is its cached value.
	Formula bool `json:"formula,omitempty"`
	// Merged is true when the cell is part of a merged range (other than its top-left cell).
	Merged bool `json:"merged,omitempty"`
}

// Row is a row of cells with its 1-based number in the file or sheet.
type Row struct {
	N     int    `json:"n"`
	Cells []Cell `json:"cells"`
}

// Cell returns cell i, or an empty cell.
func (r *Row) Cell(i int) Cell {
	if i < 0 || i >= len(r.Cells) {
		return Cell{}
	}
	return r.Cells[i]
}

// Empty reports whether every cell is blank.
func (r *Row) Empty() bool {
	for _, c := range r.Cells {
		if c.Text != "" {
			return false
		}
	}
	return true
}

// Table is a sheet.
type Table struct {
	Format   string `json:"format"` // "csv" or "xlsx"
	Sheet    string `json:"sheet,omitempty"`
	Encoding string `json:"encoding,omitempty"` // CSV: UTF-8 or Windows-1252
	Sep      string `json:"sep,omitempty"`      // CSV: ";", ",", "TAB" or "|"
	// OpenQuote (CSV) is the line where a quoted cell opens that no quote followed by a
	// separator or an end of line closes: read leniently, it runs to the end of the file.
	OpenQuote int   `json:"open_quote,omitempty"`
	Rows      []Row `json:"rows"`
}

// ColumnName returns how users name column i (0-based): "A", "B", … "AA" for a
// spreadsheet, "1", "2", … for CSV.
func (t *Table) ColumnName(i int) string {
	if t.Format != "xlsx" {
		return strconv.Itoa(i + 1)
	}
	return Letters(i)
}

// Letters returns the spreadsheet column letters of 0-based column i.
func Letters(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}
