package tabular

import (
	"bytes"
	"testing"
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
