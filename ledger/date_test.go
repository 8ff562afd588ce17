package ledger

import (
	"testing"
	"time"
)

func TestDateRoundTrip(t *testing.T) {
	for _, s := range []string{"1900-01-01", "1970-01-01", "2024-02-29", "2026-11-23", "2199-12-31"} {
		d, err := ParseDate(s)
		if err != nil {
			t.Fatalf("ParseDate(%q): %v", s, err)
		}
		if d.String() != s {
			t.Errorf("round trip %q gave %q", s, d.String())
		}
		if DateOf(d.Time()) != d {
			t.Errorf("DateOf(Time) of %s differs", s)
		}
	}
	if NoDate.String() != "" || NoDate.Valid() {
		t.Error("zero Date must be invalid and print empty")
	}
}

func TestParseDateRejects(t *testing.T) {
	for _, s := range []string{"", "2025-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "24-01-01", "2024/01/01", "abcd-ef-gh", "2024-1-01", "+024-01-01", "2024--1-01"} {
		if _, err := ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) accepted", s)
		}
	}
	for _, s := range []string{"20250229", "2025013", "20251301", "2025013a"} {
		if _, err := ParseCompactDate(s); err == nil {
			t.Errorf("ParseCompactDate(%q) accepted", s)
		}
	}
	if d, err := ParseFrenchDate("29/02/2024"); err != nil || d != NewDate(2024, time.February, 29) {
		t.Errorf("ParseFrenchDate: %v %v", d, err)
	}
	if _, err := ParseFrenchDate("31/04/2024"); err == nil {
		t.Error("ParseFrenchDate accepted 31/04")
	}
}

func TestDateArithmetic(t *testing.T) {
	d := NewDate(2025, time.January, 31)
	cases := []struct {
		got, want Date
		what      string
	}{
		{d.AddMonths(1), NewDate(2025, time.February, 28), "31 Jan + 1 month"},
		{NewDate(2024, time.January, 31).AddMonths(1), NewDate(2024, time.February, 29), "leap"},
		{d.AddMonths(-2), NewDate(2024, time.November, 30), "minus"},
		{d.AddDays(1), NewDate(2025, time.February, 1), "add day"},
		{NewDate(2025, time.February, 10).EndOfMonth(), NewDate(2025, time.February, 28), "eom"},
		{NewDate(2025, time.December, 10).EndOfMonth(), NewDate(2025, time.December, 31), "eom december"},
		{NewDate(2025, time.March, 10).StartOfMonth(), NewDate(2025, time.March, 1), "som"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s: got %s want %s", c.what, c.got, c.want)
		}
	}
	if n := NewDate(2025, time.March, 1).DaysSince(NewDate(2024, time.March, 1)); n != 365 {
		t.Errorf("DaysSince = %d", n)
	}
	if !IsLeap(2024) || IsLeap(2100) || !IsLeap(2000) {
		t.Error("IsLeap")
	}
}

// Vectors of reference/legal-fr.md §1.1 (C. com. L441-10 I): "45 jours fin de mois"
// by method A and method B, and 60 days.
func TestTermsLegalVectors(t *testing.T) {
	cases := []struct {
		invoice          string
		methodA, methodB string
		sixty            string
	}{
		{"2025-01-15", "2025-03-31", "2025-03-17", "2025-03-16"},
		{"2025-02-15", "2025-04-30", "2025-04-14", "2025-04-16"},
		{"2024-02-15", "2024-03-31", "2024-04-14", "2024-04-15"},
	}
	for _, c := range cases {
		inv, _ := ParseDate(c.invoice)
		a := Terms{Days: 45, EOM: DaysThenEOM}.Due(inv).String()
		b := Terms{Days: 45, EOM: EOMThenDays}.Due(inv).String()
		s := Terms{Days: 60}.Due(inv).String()
		if a != c.methodA || b != c.methodB || s != c.sixty {
			t.Errorf("%s: A %s (want %s), B %s (want %s), 60 %s (want %s)", c.invoice, a, c.methodA, b, c.methodB, s, c.sixty)
		}
	}
}

func TestParseTerms(t *testing.T) {
	good := map[string]Terms{
		"30": {Days: 30}, " 45 fdm": {Days: 45, EOM: DaysThenEOM}, "45EOM": {Days: 45, EOM: DaysThenEOM},
		"fdm+45": {Days: 45, EOM: EOMThenDays}, "0": {Days: 0},
	}
	for in, want := range good {
		got, err := ParseTerms(in)
		if err != nil || got != want {
			t.Errorf("ParseTerms(%q) = %v, %v", in, got, err)
		}
		if back, _ := ParseTerms(got.String()); back != got {
			t.Errorf("String round trip of %q", in)
		}
	}
	for _, in := range []string{"", "abc", "-5", "400", "fdm+", "fdm"} {
		if _, err := ParseTerms(in); err == nil {
			t.Errorf("ParseTerms(%q) accepted", in)
		}
	}
	if !(Terms{Days: 61}).ExceedsLegalCap() || (Terms{Days: 60}).ExceedsLegalCap() ||
		(Terms{Days: 45, EOM: DaysThenEOM}).ExceedsLegalCap() || !(Terms{Days: 60, EOM: DaysThenEOM}).ExceedsLegalCap() {
		t.Error("ExceedsLegalCap")
	}
}
