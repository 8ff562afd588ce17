package field

import (
	"errors"

	"relance/ledger"
)

// DateFlags describe how a date was written, for warnings.
type DateFlags uint8

// Date flags.
const (
	Separators   DateFlags = 1 << iota // not the compact AAAAMMJJ form of the FEC
	DayFirst                           // day first (JJMMAAAA, DD/MM/YYYY)
	WithTime                           // a time of day followed the date and was ignored
	TwoDigitYear                       // DD/MM/YY: 00–69 → 20xx, 70–99 → 19xx
)

// Errors returned by Date.
var (
	ErrDateSyntax = errors.New("not a date")
	ErrNoSuchDay  = errors.New("no such day")
)

// Year bounds accepted, as ledger.ParseDate.
const (
	minYear = 1900
	maxYear = 2200
)

// Date parses a date. The fast path is the FEC's AAAAMMJJ. Also accepted: JJMMAAAA
// when AAAAMMJJ is impossible, YYYY-MM-DD (or with / or .), DD/MM/YYYY (or with - or .),
// DD/MM/YY, each optionally followed by a time (" 12:00:00", "T12:00:00") which is
// ignored. Empty, "0" and "00000000" mean no date (NoDate, nil). The day must exist.
func Date(b []byte) (ledger.Date, DateFlags, error) {
	b = trimBlank(b)
	if len(b) == 8 && allDigits(b) {
		y, m, d := num(b[0:4]), num(b[4:6]), num(b[6:8])
		if y == 0 && m == 0 && d == 0 {
			return ledger.NoDate, 0, nil
		}
		if dt, ok := civil(y, m, d); ok {
			return dt, 0, nil
		}
		// JJMMAAAA
		if dt, ok := civil(num(b[4:8]), num(b[2:4]), num(b[0:2])); ok {
			return dt, DayFirst, nil
		}
		return ledger.NoDate, 0, ErrNoSuchDay
	}
	switch {
	case len(b) == 0, len(b) == 1 && b[0] == '0', string(b) == "--":
		return ledger.NoDate, 0, nil
	}
	var flags DateFlags
	// Strip a time part: "YYYYMMDD hh:mm:ss", "YYYY-MM-DDThh:mm:ss", "DD/MM/YYYY hh:mm".
	for i, c := range b {
		if (c == ' ' || c == 'T') && i >= 8 {
			if hasColon(b[i+1:]) {
				b, flags = b[:i], flags|WithTime
			}
			break
		}
	}
	if len(b) == 8 && allDigits(b) {
		dt, f, err := Date(b)
		return dt, f | flags, err
	}
	flags |= Separators
	switch {
	case len(b) == 10 && isSep(b[4]) && b[7] == b[4] && allDigits(b[0:4]) && allDigits(b[5:7]) && allDigits(b[8:10]):
		if dt, ok := civil(num(b[0:4]), num(b[5:7]), num(b[8:10])); ok {
			return dt, flags, nil
		}
		return ledger.NoDate, flags, ErrNoSuchDay
	case len(b) == 10 && isSep(b[2]) && b[5] == b[2] && allDigits(b[0:2]) && allDigits(b[3:5]) && allDigits(b[6:10]):
		if dt, ok := civil(num(b[6:10]), num(b[3:5]), num(b[0:2])); ok {
			return dt, flags | DayFirst, nil
		}
		return ledger.NoDate, flags, ErrNoSuchDay
	case len(b) == 8 && isSep(b[2]) && b[5] == b[2] && allDigits(b[0:2]) && allDigits(b[3:5]) && allDigits(b[6:8]):
		y := num(b[6:8])
		if y < 70 {
			y += 2000
		} else {
			y += 1900
		}
		if dt, ok := civil(y, num(b[3:5]), num(b[0:2])); ok {
			return dt, flags | DayFirst | TwoDigitYear, nil
		}
		return ledger.NoDate, flags, ErrNoSuchDay
	}
	return ledger.NoDate, flags, ErrDateSyntax
}

func isSep(c byte) bool { return c == '-' || c == '/' || c == '.' }

func hasColon(b []byte) bool {
	for _, c := range b {
		if c == ':' {
			return true
		}
	}
	return false
}

func allDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0
}

func num(b []byte) int {
	n := 0
	for _, c := range b {
		n = n*10 + int(c-'0')
	}
	return n
}

// civil returns the ledger.Date of y-m-d if that day exists and the year is in range.
func civil(y, m, d int) (ledger.Date, bool) {
	if y < minYear || y > maxYear || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return ledger.NoDate, false
	}
	return FromCivil(y, m, d), true
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// FromCivil returns the ledger.Date of a valid y-m-d without going through time.Time
// (H. Hinnant's days_from_civil), equal to ledger.NewDate for valid dates.
func FromCivil(y, m, d int) ledger.Date {
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	days := era*146097 + doe - 719468 // days since 1970-01-01
	return ledger.Date(days + 719162 + 1)
}

// ExcelSerial converts an Excel date serial (1900 date system, with Excel's phantom
// 29 Feb 1900) to a date. Fractions (times) are ignored by the caller.
func ExcelSerial(n int) (ledger.Date, bool) {
	if n < 61 || n > 2958465 { // before 1 Mar 1900 is not worth supporting; after 9999
		return ledger.NoDate, false
	}
	// Serial 25569 is 1970-01-01.
	d := ledger.Date(n - 25569 + 719162 + 1)
	if y := d.Year(); y < minYear || y > maxYear {
		return ledger.NoDate, false
	}
	return d, true
}
