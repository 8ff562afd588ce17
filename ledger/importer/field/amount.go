// Package field parses the values found in accounting exports into exact types:
// amounts into ledger.Cents (never through float64) and dates into ledger.Date.
// The parsers work on bytes and do not allocate on success, so that the FEC reader can
// call them on every line of a multi-gigabyte file.
package field

import (
	"errors"

	"relance/ledger"
)

// AmountFlags describe how an amount was written, for warnings.
type AmountFlags uint8

// Amount flags.
const (
	Dot          AmountFlags = 1 << iota // a point was read as the decimal separator
	Grouping                             // thousands separators (space, NBSP, point or comma) were present
	Parentheses                          // "(12,50)": accounting notation for a negative amount
	TrailingSign                         // the sign was the last character ("12,50-")
)

// Errors returned by Amount. They are sentinel values: wrap them with the file, line
// and field for the user.
var (
	ErrAmountSyntax    = errors.New("not an amount")
	ErrAmountPrecision = errors.New("more than two decimals")
	ErrAmountRange     = errors.New("amount too large")
	// ErrAmountGrouping is a thousands separator that does not separate groups of
	// exactly three digits ("1,2,3,4", "1.2.3", "12.34.5"): a garbled value, never an
	// amount written by accounting software.
	ErrAmountGrouping = errors.New("thousands groups of other than three digits")
)

// groupOK reports whether a group of n digits may end at a thousands separator or at
// the end of the integer part: the first group holds 1 to 3 digits, the others 3.
func groupOK(n int, grouped bool) bool {
	if grouped {
		return n == 3
	}
	return n >= 1 && n <= 3
}

// maxUnits bounds the integer part so that cents fit in an int64 with room for sums.
const maxUnits = 1_000_000_000_000_000 / 100

// isBlank reports whether b[i:] starts with a blank: space, tab, NUL, NBSP (UTF-8
// C2 A0 or Latin-1 A0) or narrow NBSP (E2 80 AF). It returns its width, 0 if none.
func isBlank(b []byte, i int) int {
	switch c := b[i]; c {
	case ' ', '\t', 0, 0xA0:
		return 1
	case 0xC2:
		if i+1 < len(b) && b[i+1] == 0xA0 {
			return 2
		}
	case 0xE2:
		if i+2 < len(b) && b[i+1] == 0x80 && b[i+2] == 0xAF {
			return 3
		}
	}
	return 0
}

// trimBlank removes leading and trailing blanks (see isBlank).
func trimBlank(b []byte) []byte {
	for len(b) > 0 {
		w := isBlank(b, 0)
		if w == 0 {
			break
		}
		b = b[w:]
	}
	for len(b) > 0 {
		c := b[len(b)-1]
		switch {
		case c == ' ' || c == '\t' || c == 0:
			b = b[:len(b)-1]
		case c == 0xA0 && len(b) >= 2 && b[len(b)-2] == 0xC2:
			b = b[:len(b)-2]
		case c == 0xA0:
			b = b[:len(b)-1]
		case c == 0xAF && len(b) >= 3 && b[len(b)-2] == 0x80 && b[len(b)-3] == 0xE2:
			b = b[:len(b)-3]
		default:
			return b
		}
	}
	return b
}

// Amount parses a decimal amount into cents. It accepts what French accounting
// exports write: blanks and zero padding ("0000000069,60", " 000000001437,12"),
// a sign first or last ("-12,5", "12,50-"), a comma or a point as decimal separator,
// thousands separators ("1 234,56", "1.234,56", "1,234.56"), and "(12,50)" for a
// negative amount. When both a point and a comma occur, the last one is the decimal
// separator; several occurrences of the same one are grouping, and every group after
// the first must then hold exactly three digits (ErrAmountGrouping). An empty value is 0.
// More than two decimals are accepted only when the extra digits are zeros.
func Amount(b []byte) (ledger.Cents, AmountFlags, error) {
	// Fast path: digits, a comma, two digits ("1234,56", "0000000069,60").
	if n := len(b); n >= 4 && n <= 18 && b[n-3] == ',' {
		var v int64
		ok := true
		for i, c := range b {
			if i == n-3 {
				continue
			}
			if c < '0' || c > '9' {
				ok = false
				break
			}
			v = v*10 + int64(c-'0')
		}
		if ok {
			return ledger.Cents(v), 0, nil
		}
	}
	b = trimBlank(b)
	var flags AmountFlags
	if len(b) == 0 {
		return 0, 0, nil
	}
	neg := false
	if b[0] == '(' && b[len(b)-1] == ')' {
		neg, flags = true, flags|Parentheses
		b = trimBlank(b[1 : len(b)-1])
	}
	if len(b) > 0 && (b[0] == '-' || b[0] == '+') {
		if b[0] == '-' {
			neg = !neg
		}
		b = trimBlank(b[1:])
	} else if len(b) > 0 && (b[len(b)-1] == '-' || b[len(b)-1] == '+') {
		if b[len(b)-1] == '-' {
			neg = !neg
		}
		flags |= TrailingSign
		b = trimBlank(b[:len(b)-1])
	}
	if len(b) == 0 {
		return 0, flags, ErrAmountSyntax
	}
	// Find the decimal separator: the last '.' or ',' unless that character occurs
	// more than once (then it groups thousands).
	dec := -1
	nComma, nDot, lastComma, lastDot := 0, 0, -1, -1
	for i, c := range b {
		switch c {
		case ',':
			nComma++
			lastComma = i
		case '.':
			nDot++
			lastDot = i
		}
	}
	switch {
	case nComma > 0 && nDot > 0:
		if lastComma > lastDot {
			if nComma > 1 {
				return 0, flags, ErrAmountSyntax
			}
			dec = lastComma
		} else {
			if nDot > 1 {
				return 0, flags, ErrAmountSyntax
			}
			dec, flags = lastDot, flags|Dot
		}
		flags |= Grouping
	case nComma == 1:
		dec = lastComma
	case nDot == 1:
		dec, flags = lastDot, flags|Dot
	case nComma > 1 || nDot > 1:
		flags |= Grouping
	}
	var units, frac int64
	nfrac, digits := 0, 0
	grp, grouped := 0, false // digits since the last thousands separator; one was seen
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c >= '0' && c <= '9':
			if i > dec && dec >= 0 {
				if nfrac < 2 {
					frac = frac*10 + int64(c-'0')
				} else if c != '0' {
					return 0, flags, ErrAmountPrecision
				}
				nfrac++
			} else {
				units = units*10 + int64(c-'0')
				if units >= maxUnits {
					return 0, flags, ErrAmountRange
				}
				grp++
			}
			digits++
			i++
		case i == dec:
			if grouped && grp != 3 {
				return 0, flags, ErrAmountGrouping
			}
			i++
		case c == '.' || c == ',' || c == '\'':
			if dec >= 0 && i > dec || i == 0 || i+1 >= len(b) {
				return 0, flags, ErrAmountSyntax
			}
			if !groupOK(grp, grouped) {
				return 0, flags, ErrAmountGrouping
			}
			grp, grouped = 0, true
			flags |= Grouping
			i++
		default:
			w := isBlank(b, i)
			if w == 0 || (dec >= 0 && i > dec) {
				return 0, flags, ErrAmountSyntax
			}
			if !groupOK(grp, grouped) {
				return 0, flags, ErrAmountGrouping
			}
			grp, grouped = 0, true
			flags |= Grouping
			i += w
		}
	}
	if grouped && dec < 0 && grp != 3 {
		return 0, flags, ErrAmountGrouping
	}
	if digits == 0 {
		return 0, flags, ErrAmountSyntax
	}
	if nfrac == 1 {
		frac *= 10
	}
	v := ledger.Cents(units*100 + frac)
	if neg {
		v = -v
	}
	return v, flags, nil
}
