package tabular

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

// FuzzReadCSV feeds arbitrary bytes to the CSV reader and the column mapping: they
// must return a table or an error, never panic; rows are numbered in increasing
// order, and a resolved column always exists in its row.
func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("Code client;Nom;N° facture;Date;Échéance;Montant TTC;Reste dû\r\nC1;Dupont;F1;15/10/2025;14/11/2025;1 234,56;1 234,56\r\n"))
	f.Add([]byte("\xef\xbb\xbfcustomer,name,amount\n\"C1\",\"A \"\"B\"\"\",12.5\n"))
	f.Add([]byte("a\tb\n1\t2\n"))
	f.Add([]byte("\"unterminated;x\n"))
	f.Add([]byte{0xff, 0xfe, 'a', 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, sep := range []rune{0, ';', ','} {
			tab, err := ReadCSV(bytes.NewReader(b), sep)
			if err != nil || tab == nil {
				continue
			}
			prev := 0
			for _, r := range tab.Rows {
				if r.N <= prev {
					t.Fatalf("row numbers not increasing: %d after %d", r.N, prev)
				}
				prev = r.N
				texts := make([]string, len(r.Cells))
				for i, c := range r.Cells {
					texts[i] = c.Text
				}
				m := Presets()["generic"]
				for f, col := range m.Resolve(texts) {
					if col < 0 || col >= len(texts) {
						t.Fatalf("field %s resolved to column %d of %d", f, col, len(texts))
					}
				}
			}
		}
	})
}

// FuzzReadXLSX feeds arbitrary bytes (seeded with a real workbook written by excelize
// and its truncations) to the XLSX reader: a table or an error, never a panic.
func FuzzReadXLSX(f *testing.F) {
	wb := excelize.NewFile()
	wb.SetSheetRow("Sheet1", "A1", &[]any{"Code client", "Nom", "N° facture", "Date", "Échéance", "Montant TTC"})
	wb.SetSheetRow("Sheet1", "A2", &[]any{"C1", "Dupont", "F1", "15/10/2025", "14/11/2025", 1234.56})
	wb.SetCellFormula("Sheet1", "F3", "=F2*2")
	wb.MergeCell("Sheet1", "A4", "B4")
	var buf bytes.Buffer
	if err := wb.Write(&buf); err != nil {
		f.Fatal(err)
	}
	good := buf.Bytes()
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		tab, err := ReadXLSX(bytes.NewReader(b), "")
		if err != nil || tab == nil {
			return
		}
		m := Presets()["generic"]
		for _, r := range tab.Rows {
			texts := make([]string, len(r.Cells))
			for i, c := range r.Cells {
				texts[i] = c.Text
			}
			for f, col := range m.Resolve(texts) {
				if col < 0 || col >= len(texts) {
					t.Fatalf("field %s resolved to column %d of %d", f, col, len(texts))
				}
			}
		}
	})
}
