package ledger

import (
	"fmt"
	"strconv"
	"time"
)

// Date is a civil (calendar) date with no time zone, stored as the number of days
// since 0001-01-01 plus one, so that the zero value means "no date".
// Dates compare with < and >, and subtract to a number of days.
type Date int32

// NoDate is the zero Date: unknown or not applicable.
const NoDate Date = 0

// civilEpoch is 0001-01-01 in days since the Unix epoch (proleptic Gregorian).
const civilEpoch = -719162

// NewDate returns the civil date y-m-d. Out-of-range months and days are normalised
// the way time.Date does (e.g. 31 April becomes 1 May); use ParseDate to reject them.
func NewDate(y int, m time.Month, d int) Date {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return Date(t.Unix()/86400 - civilEpoch + 1)
}

// DateOf returns the civil date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return NewDate(y, m, d)
}

// Valid reports whether d is set.
func (d Date) Valid() bool { return d != NoDate }

// Time returns midnight UTC of the date.
func (d Date) Time() time.Time {
	return time.Unix(int64(d-1+civilEpoch)*86400, 0).UTC()
}

// YMD returns the year, month and day.
func (d Date) YMD() (int, time.Month, int) { return d.Time().Date() }

// Year returns the year.
func (d Date) Year() int { y, _, _ := d.YMD(); return y }

// Month returns the month.
func (d Date) Month() time.Month { _, m, _ := d.YMD(); return m }

// Weekday returns the day of the week.
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// AddDays returns d plus n days.
func (d Date) AddDays(n int) Date { return d + Date(n) }

// AddMonths returns the same day n months later, clamped to the last day of the
// target month (31 Jan + 1 month = 28 or 29 Feb), the usual rule for contractual terms.
func (d Date) AddMonths(n int) Date {
	y, m, day := d.YMD()
	first := NewDate(y, m+time.Month(n), 1)
	last := first.EndOfMonth()
	if target := first.AddDays(day - 1); target <= last {
		return target
	}
	return last
}

// EndOfMonth returns the last day of d's month.
func (d Date) EndOfMonth() Date {
	y, m, _ := d.YMD()
	return NewDate(y, m+1, 1) - 1
}

// StartOfMonth returns the first day of d's month.
func (d Date) StartOfMonth() Date {
	y, m, _ := d.YMD()
	return NewDate(y, m, 1)
}

// DaysSince returns d - from in days (negative when d is before from).
func (d Date) DaysSince(from Date) int { return int(d - from) }

// String formats the date as YYYY-MM-DD, or "" for NoDate.
func (d Date) String() string {
	if !d.Valid() {
		return ""
	}
	y, m, day := d.YMD()
	return fmt.Sprintf("%04d-%02d-%02d", y, int(m), day)
}

// French formats the date as DD/MM/YYYY.
func (d Date) French() string {
	if !d.Valid() {
		return ""
	}
	y, m, day := d.YMD()
	return fmt.Sprintf("%02d/%02d/%04d", day, int(m), y)
}

// MarshalText implements encoding.TextMarshaler (YYYY-MM-DD, empty for NoDate).
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = NoDate
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// ParseDate parses YYYY-MM-DD strictly: the day must exist in that month.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return NoDate, fmt.Errorf("date %q: want YYYY-MM-DD", s)
	}
	return dateFromParts(s, s[0:4], s[5:7], s[8:10])
}

// ParseCompactDate parses YYYYMMDD (the FEC format) strictly.
func ParseCompactDate(s string) (Date, error) {
	if len(s) != 8 {
		return NoDate, fmt.Errorf("date %q: want YYYYMMDD", s)
	}
	return dateFromParts(s, s[0:4], s[4:6], s[6:8])
}

// ParseFrenchDate parses DD/MM/YYYY (also with '.' or '-' separators) strictly.
func ParseFrenchDate(s string) (Date, error) {
	if len(s) != 10 || s[2] != s[5] || (s[2] != '/' && s[2] != '.' && s[2] != '-') {
		return NoDate, fmt.Errorf("date %q: want DD/MM/YYYY", s)
	}
	return dateFromParts(s, s[6:10], s[3:5], s[0:2])
}

func dateFromParts(s, ys, ms, ds string) (Date, error) {
	y, e1 := strconv.Atoi(ys)
	m, e2 := strconv.Atoi(ms)
	d, e3 := strconv.Atoi(ds)
	if e1 != nil || e2 != nil || e3 != nil || ys[0] == '-' || ys[0] == '+' || ms[0] == '-' || ms[0] == '+' || ds[0] == '-' || ds[0] == '+' {
		return NoDate, fmt.Errorf("date %q: not a number", s)
	}
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > DaysIn(y, time.Month(m)) {
		return NoDate, fmt.Errorf("date %q: no such day", s)
	}
	return NewDate(y, time.Month(m), d), nil
}

// DaysIn returns the number of days in month m of year y.
func DaysIn(y int, m time.Month) int {
	return NewDate(y, m+1, 1).DaysSince(NewDate(y, m, 1))
}

// IsLeap reports whether y is a leap year.
func IsLeap(y int) bool { return DaysIn(y, time.February) == 29 }
