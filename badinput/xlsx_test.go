package badinput

import (
	"archive/zip"
	"bytes"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// openItemsHeader is the header row of the generated open-item workbooks.
var openItemsHeader = []any{"Code client", "Nom client", "N° facture", "Date facture", "Montant TTC"}

// xlsxFile is a workbook being generated (first sheet only).
type xlsxFile struct {
	t *testing.T
	f *excelize.File
}

const sheet = "Sheet1"

// rows writes rows from A1 down; a nil value leaves the cell empty.
func (x *xlsxFile) rows(rows ...[]any) {
	x.t.Helper()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := x.f.SetSheetRow(sheet, cell, &r); err != nil {
			x.t.Fatal(err)
		}
	}
}

// formula puts a formula (without cached value) into cell.
func (x *xlsxFile) formula(cell, f string) {
	x.t.Helper()
	if err := x.f.SetCellFormula(sheet, cell, f); err != nil {
		x.t.Fatal(err)
	}
}

// merge merges the cells from a to b.
func (x *xlsxFile) merge(a, b string) {
	x.t.Helper()
	if err := x.f.MergeCell(sheet, a, b); err != nil {
		x.t.Fatal(err)
	}
}

// xlsxGen returns a generator writing a workbook filled by fill.
func xlsxGen(name string, fill func(*xlsxFile)) func(*testing.T, string) string {
	return func(t *testing.T, dir string) string {
		f := excelize.NewFile()
		defer f.Close()
		fill(&xlsxFile{t: t, f: f})
		path := filepath.Join(dir, name)
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		return path
	}
}

// zipOf returns a zip archive of the given files.
func zipOf(files map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	zw.Close()
	return buf.Bytes()
}

// badSheetXML writes a real workbook whose sheet XML is replaced by broken XML.
func badSheetXML(t *testing.T, dir string) string {
	f := excelize.NewFile()
	defer f.Close()
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		w, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		if zf.Name == "xl/worksheets/sheet1.xml" {
			w.Write([]byte(`<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="s"><v>99999</v></c><c r="B1"><v>`))
			continue
		}
		r, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		b.ReadFrom(r)
		r.Close()
		w.Write(b.Bytes())
	}
	zw.Close()
	return writeGen(t, filepath.Join(dir, "badxml.xlsx"), out.Bytes())
}
