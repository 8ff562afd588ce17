package tabular

import (
	"strings"
	"testing"
)

func TestLetters(t *testing.T) {
	for i, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 27: "AB", 701: "ZZ", 702: "AAA"} {
		if got := Letters(i); got != want {
			t.Errorf("Letters(%d) = %s, want %s", i, got, want)
		}
	}
}

func TestReadCSVDetectsSeparatorAndEncoding(t *testing.T) {
	tests := []struct {
		name, data, sep, enc string
	}{
		{"semicolon cp1252", "Code client;Nom\n\"C1\";\"Soci\xe9t\xe9 ; Cie\"\n", ";", "Windows-1252"},
		{"tab utf8 bom", "\xef\xbb\xbfCode client\tNom\nC1\tSociété\n", "TAB", "UTF-8"},
		{"comma", "Code client,Nom\nC1,\"Dupont, fils\"\n", ",", "UTF-8"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tb, err := ReadCSV(strings.NewReader(tc.data), 0)
			if err != nil {
				t.Fatal(err)
			}
			if tb.Sep != tc.sep || tb.Encoding != tc.enc || len(tb.Rows) != 2 || tb.Rows[1].N != 2 {
				t.Fatalf("%+v", tb)
			}
			if got := tb.Rows[1].Cell(1).Text; !strings.HasPrefix(got, "Soci") && !strings.HasPrefix(got, "Dupont") {
				t.Errorf("cell %q", got)
			}
		})
	}
}

func TestResolve(t *testing.T) {
	m := Presets()["generic"]
	cols := m.Resolve([]string{"N° Client", "Raison sociale", "N° facture", "Date facture", "Échéance", "Montant TTC", "Reste dû"})
	want := map[Field]int{CustomerID: 0, CustomerName: 1, Number: 2, DocDate: 3, DueDate: 4, Amount: 5, Open: 6}
	for f, i := range want {
		if cols[f] != i {
			t.Errorf("%s → %d, want %d (%v)", f, cols[f], i, cols)
		}
	}
	m = Mapping{Columns: map[Field]string{Open: "$G", CustomerID: "#2"}}
	cols = m.Resolve(make([]string, 8))
	if cols[Open] != 6 || cols[CustomerID] != 1 || !Usable(cols) {
		t.Errorf("explicit columns %v", cols)
	}
}
