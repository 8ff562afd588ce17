package tabular

import (
	"bytes"
	"errors"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestReadXLSXCells checks the streamed reader on a workbook written by excelize:
// shared strings, rich text, numbers as written, formulas with and without a cached
// value, merged cells, a sheet chosen by name.
func TestReadXLSXCells(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	if _, err := f.NewSheet("Clients"); err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetRow("Clients", "A1", &[]any{"Code", "Nom", "Montant", "Date"}))
	must(f.SetSheetRow("Clients", "A2", &[]any{"C1", "Société & fils", 1234.5, 45123}))
	must(f.SetCellRichText("Clients", "B3", []excelize.RichTextRun{{Text: "Du"}, {Text: "pont"}}))
	must(f.SetCellStr("Clients", "A3", "C2"))
	must(f.SetCellFormula("Clients", "C3", "C2*2"))
	must(f.MergeCell("Clients", "A5", "B6")) // row 6 holds nothing: not read
	must(f.SetCellStr("Clients", "A5", "fusion"))
	must(f.SetCellStr("Sheet1", "A1", "autre feuille"))
	var buf bytes.Buffer
	must(f.Write(&buf))

	tab, err := ReadXLSX(bytes.NewReader(buf.Bytes()), "Clients")
	must(err)
	cell := func(r, c int) Cell { return tab.Rows[r-1].Cell(c - 1) }
	if len(tab.Rows) != 5 || tab.Sheet != "Clients" {
		t.Fatalf("%d rows, sheet %q", len(tab.Rows), tab.Sheet)
	}
	for _, tc := range []struct {
		r, c int
		want Cell
	}{
		{1, 1, Cell{Text: "Code"}},
		{2, 2, Cell{Text: "Société & fils"}},
		{2, 3, Cell{Text: "1234.5", Number: true}},
		{2, 4, Cell{Text: "45123", Number: true}},
		{3, 2, Cell{Text: "Dupont"}},
		{3, 3, Cell{Formula: true}},
		{5, 1, Cell{Text: "fusion"}},
		{5, 2, Cell{Merged: true}},
		{4, 1, Cell{}},
	} {
		if got := cell(tc.r, tc.c); got != tc.want {
			t.Errorf("row %d col %d: %+v, want %+v", tc.r, tc.c, got, tc.want)
		}
	}
	first, err := ReadXLSX(bytes.NewReader(buf.Bytes()), "")
	must(err)
	if first.Sheet != "Sheet1" || first.Rows[0].Cell(0).Text != "autre feuille" {
		t.Errorf("first sheet %q %+v", first.Sheet, first.Rows)
	}
	if _, err := ReadXLSX(bytes.NewReader(buf.Bytes()), "Absente"); !errors.Is(err, ErrNoSheet) {
		t.Errorf("missing sheet: %v", err)
	}
}
