package field

import (
	"fmt"
	"testing"
	"time"

	"relance/ledger"
)

func TestAmount(t *testing.T) {
	tests := []struct {
		in    string
		want  ledger.Cents
		flags AmountFlags
		err   error
	}{
		{"", 0, 0, nil},
		{"0,00", 0, 0, nil},
		{"0000000069,60", 6960, 0, nil},
		{" 000000000001437,12", 143712, 0, nil},
		{"-12,5", -1250, 0, nil},
		{"12,50-", -1250, TrailingSign, nil},
		{"+3", 300, 0, nil},
		{"1 234,56", 123456, Grouping, nil},
		{"1\u00a0234,56", 123456, Grouping, nil},
		{"1\u202f234,56", 123456, Grouping, nil},
		{"1.234,56", 123456, Grouping, nil},
		{"1,234.56", 123456, Grouping | Dot, nil},
		{"1234.5", 123450, Dot, nil},
		{"(12,50)", -1250, Parentheses, nil},
		{"12,500", 1250, 0, nil},
		{"12,505", 0, 0, ErrAmountPrecision},
		{"1e5", 0, 0, ErrAmountSyntax},
		{"abc", 0, 0, ErrAmountSyntax},
		{"-", 0, 0, ErrAmountSyntax},
		{",", 0, 0, ErrAmountSyntax},
		{"99999999999999999999", 0, 0, ErrAmountRange},
		{"1.234.567,8", 123456780, Grouping, nil},
		{"1,234,567", 123456700, Grouping, nil},
		{"1 234 567", 123456700, Grouping, nil},
		{"1,2,3,4", 0, 0, ErrAmountGrouping},
		{"1.2.3", 0, 0, ErrAmountGrouping},
		{"12.34.5", 0, 0, ErrAmountGrouping},
		{"1 23,45", 0, 0, ErrAmountGrouping},
		{"1234 567,00", 0, 0, ErrAmountGrouping},
		{"1.23,45", 0, 0, ErrAmountGrouping},
		{"1,2345.00", 0, 0, ErrAmountGrouping},
	}
	for _, tc := range tests {
		got, fl, err := Amount([]byte(tc.in))
		if err != tc.err || (err == nil && (got != tc.want || fl != tc.flags)) {
			t.Errorf("Amount(%q) = %v, %b, %v; want %v, %b, %v", tc.in, got, fl, err, tc.want, tc.flags, tc.err)
		}
	}
}

func TestDate(t *testing.T) {
	tests := []struct {
		in   string
		want string
		err  error
	}{
		{"20230109", "2023-01-09", nil},
		{"20240229", "2024-02-29", nil},
		{"20230229", "", ErrNoSuchDay},
		{"20231301", "", ErrNoSuchDay},
		{"09012023", "2023-01-09", nil}, // JJMMAAAA
		{"2023-01-09", "2023-01-09", nil},
		{"09/01/2023", "2023-01-09", nil},
		{"09.01.2023", "2023-01-09", nil},
		{"09/01/23", "2023-01-09", nil},
		{"20230109 12:00:00", "2023-01-09", nil},
		{"2023-01-09T12:00:00", "2023-01-09", nil},
		{"", "", nil},
		{"0", "", nil},
		{"00000000", "", nil},
		{"2023/13/01", "", ErrNoSuchDay},
		{"hello", "", ErrDateSyntax},
		{"18991231", "", ErrNoSuchDay},
	}
	for _, tc := range tests {
		got, _, err := Date([]byte(tc.in))
		if err != tc.err || got.String() != tc.want {
			t.Errorf("Date(%q) = %q, %v; want %q, %v", tc.in, got, err, tc.want, tc.err)
		}
	}
}

func TestFromCivilMatchesNewDate(t *testing.T) {
	for d := ledger.NewDate(1900, 1, 1); d < ledger.NewDate(2201, 1, 1); d += 17 {
		y, m, day := d.YMD()
		if got := FromCivil(y, int(m), day); got != d {
			t.Fatalf("FromCivil(%v) = %v", d, got)
		}
	}
	if d, ok := ExcelSerial(45000); !ok || d != ledger.NewDate(2023, time.March, 15) {
		t.Errorf("ExcelSerial(45000) = %v", d)
	}
}

func FuzzAmount(f *testing.F) {
	for _, s := range []string{"0,00", "0000000069,60", "-12,5", "12,50-", "1 234,56", "1.234,56", "(12,50)", "1e5", "\u00a0 1,2"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		v, _, err := Amount(b)
		if err != nil {
			return
		}
		// Round trip through the canonical FEC form.
		u := int64(v)
		sign := ""
		if u < 0 {
			sign, u = "-", -u
		}
		s := fmt.Sprintf("%s%d,%02d", sign, u/100, u%100)
		w, _, err := Amount([]byte(s))
		if err != nil || w != v {
			t.Fatalf("%q → %d → %q → %d, %v", b, v, s, w, err)
		}
	})
}

func FuzzDate(f *testing.F) {
	for _, s := range []string{"20230109", "09/01/2023", "2023-01-09T10:00:00", "20230229", "0", "31/12/99"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		d, _, err := Date(b)
		if err != nil || !d.Valid() {
			return
		}
		// Valid dates re-parse strictly.
		s := d.String()
		compact := s[0:4] + s[5:7] + s[8:10]
		if e, err := ledger.ParseCompactDate(compact); err != nil || e != d {
			t.Fatalf("%q → %v → %q: %v %v", b, d, compact, e, err)
		}
	})
}

// TestUTF16Names checks that each Unicode encoding the importers refuse is named
// right: UTF-32 is not called UTF-16 although its byte order mark starts the same.
func TestUTF16Names(t *testing.T) {
	le32 := []byte{0xFF, 0xFE, 0, 0}
	be32 := []byte{0, 0, 0xFE, 0xFF}
	var nobom32 []byte
	for _, c := range []byte("JournalCode|JournalLib|EcritureNum") {
		le32 = append(le32, c, 0, 0, 0)
		be32 = append(be32, 0, 0, 0, c)
		nobom32 = append(nobom32, c, 0, 0, 0)
	}
	for _, tc := range []struct {
		name string
		b    []byte
		want string
	}{
		{"UTF-32LE BOM", le32, "UTF-32LE"},
		{"UTF-32BE BOM", be32, "UTF-32BE"},
		{"UTF-32LE no BOM", nobom32, "UTF-32LE"},
		{"UTF-16LE BOM", []byte{0xFF, 0xFE, 'J', 0, 'o', 0}, "UTF-16LE"},
		{"UTF-16BE BOM", []byte{0xFE, 0xFF, 0, 'J', 0, 'o'}, "UTF-16BE"},
		{"UTF-16LE no BOM", []byte("J\x00o\x00u\x00r\x00n\x00a\x00l\x00C\x00"), "UTF-16LE"},
		{"UTF-8", []byte("JournalCode|JournalLib"), ""},
	} {
		got, ok := UTF16(tc.b)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("%s: %q %v, want %q", tc.name, got, ok, tc.want)
		}
		e := &UTF16Error{Variant: got}
		if want := "import.issue.utf16"; tc.want != "" && tc.want[4:6] == "32" {
			if e.Key(want) != "import.issue.utf32" {
				t.Errorf("%s: key %s", tc.name, e.Key(want))
			}
		}
	}
}
