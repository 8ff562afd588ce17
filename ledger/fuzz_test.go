package ledger

import (
	"testing"
)

// FuzzParsers feeds arbitrary text to the parsers of user input in the model: dates,
// amounts and payment terms. Each returns a value or an error, never panics, and what it
// accepts prints back to something it accepts again with the same value.
func FuzzParsers(f *testing.F) {
	for _, s := range []string{"2026-11-23", "23/11/2026", "0001-01-01", "9999-12-31", "2026-02-30",
		"1234.56", "-0.01", "1e9", "  12 ", "30", "45fdm", "fdm+45", "60", "366", "", "\x00", "٣"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d, err := ParseDate(s); err == nil && d.Valid() {
			if again, err := ParseDate(d.String()); err != nil || again != d {
				t.Fatalf("date %q → %s → %v, %v", s, d, again, err)
			}
		}
		if c, err := ParseCents(s); err == nil {
			if again, err := ParseCents(c.String()); err != nil || again != c {
				t.Fatalf("amount %q → %s → %v, %v", s, c, again, err)
			}
		}
		if tm, err := ParseTerms(s); err == nil {
			if again, err := ParseTerms(tm.String()); err != nil || again != tm {
				t.Fatalf("terms %q → %s → %v, %v", s, tm, again, err)
			}
		}
	})
}
