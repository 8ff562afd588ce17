package ledger

import "strings"

// ValidSIREN reports whether s, spaces removed, is a SIREN: 9 digits whose Luhn key is
// right (INSEE; the SIRET's 14 digits follow the same rule).
func ValidSIREN(s string) bool {
	return luhnDigits(strings.ReplaceAll(s, " ", ""), 9)
}

// luhnDigits reports whether s has n digits and a valid Luhn checksum.
func luhnDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	sum := 0
	for i := range n {
		c := s[n-1-i]
		if c < '0' || c > '9' {
			return false
		}
		d := int(c - '0')
		if i%2 == 1 {
			if d *= 2; d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

// ValidSIRET reports whether s, spaces removed, is a SIRET: 14 digits with a valid
// Luhn key (La Poste's establishments, whose SIREN is 356000000, use another rule and
// are not recognised here).
func ValidSIRET(s string) bool {
	return luhnDigits(strings.ReplaceAll(s, " ", ""), 14)
}

// ValidIBAN reports whether s, spaces removed and upper-cased, is an IBAN: a country
// code, two check digits, up to 30 letters or digits, and a remainder of 1 modulo 97
// (ISO 13616). The country's length is not checked.
func ValidIBAN(s string) bool {
	s = strings.ToUpper(strings.ReplaceAll(s, " ", ""))
	if len(s) < 15 || len(s) > 34 {
		return false
	}
	for i, r := range s {
		letter := r >= 'A' && r <= 'Z'
		digit := r >= '0' && r <= '9'
		if (i < 2 && !letter) || (i >= 2 && i < 4 && !digit) || (!letter && !digit) {
			return false
		}
	}
	rem := 0
	for _, r := range s[4:] + s[:4] {
		if r >= 'A' {
			v := int(r-'A') + 10
			rem = (rem*100 + v) % 97
		} else {
			rem = (rem*10 + int(r-'0')) % 97
		}
	}
	return rem == 1
}
