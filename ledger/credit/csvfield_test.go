package credit

import (
	"bytes"
	"encoding/csv"
	"testing"
)

// TestAppendCSVField checks the streamed CSV fields against encoding/csv, which wrote
// them before: same bytes for plain, quoted, spaced and non-ASCII fields.
func TestAppendCSVField(t *testing.T) {
	fields := []string{"", "a", "Dupont SARL", " lead", "trail ", "a;b", `say "hi"`, "two\nlines", "cr\rx", "crlf\r\nx",
		`\.`, `\.x`, "\u00a0nbsp", "\u3000ideo", "é", "Société Générale", "\t", "x\ty", "€ 12,50", "-1234,50"}
	for _, f := range fields {
		for _, row := range [][]string{{f}, {"x", f, "y"}} {
			var want bytes.Buffer
			cw := csv.NewWriter(&want)
			cw.Comma = ';'
			cw.UseCRLF = true
			if err := cw.Write(row); err != nil {
				t.Fatal(err)
			}
			cw.Flush()
			var got []byte
			for i, s := range row {
				if i > 0 {
					got = append(got, ';')
				}
				got = appendCSVField(got, s)
			}
			got = append(got, '\r', '\n')
			if len(row) == 1 && f == "" {
				continue // encoding/csv writes a lone empty field as ""; never a whole row here
			}
			if !bytes.Equal(got, want.Bytes()) {
				t.Errorf("%q: got %q, want %q", row, got, want.Bytes())
			}
		}
	}
}
