package ledger

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Cents is an exact amount in hundredths of the currency unit. It is the in-memory
// and on-disk representation of money in hot paths; convert to decimal.Decimal at
// the edges (penalty computations, reports) with Decimal.
type Cents int64

// Decimal returns the amount as a decimal in currency units.
func (c Cents) Decimal() decimal.Decimal { return decimal.New(int64(c), -2) }

// CentsFromDecimal rounds d to the cent (half away from zero) and returns it as Cents.
func CentsFromDecimal(d decimal.Decimal) Cents {
	return Cents(d.Round(2).Shift(2).IntPart())
}

// String returns the amount as a plain decimal string with two decimals and a
// point ("-1234.50"), the form used in JSON and CSV exports.
func (c Cents) String() string {
	var buf [24]byte
	return string(c.AppendDecimal(buf[:0], '.'))
}

// AppendDecimal appends the amount as String writes it, with sep as the decimal
// separator ('.' for String, ',' for the French spreadsheets): the exports' hot path,
// without fmt and without an allocation when b has room.
func (c Cents) AppendDecimal(b []byte, sep byte) []byte {
	u := uint64(c)
	if c < 0 {
		b = append(b, '-')
		u = -u // two's complement: also right for the most negative amount
	}
	b = strconv.AppendUint(b, u/100, 10)
	f := u % 100
	return append(b, sep, byte('0'+f/10), byte('0'+f%10))
}

// MarshalText implements encoding.TextMarshaler, so JSON carries amounts as decimal strings.
func (c Cents) MarshalText() ([]byte, error) { return c.AppendDecimal(make([]byte, 0, 24), '.'), nil }

// UnmarshalText implements encoding.TextUnmarshaler for "123.45", "-0.5" and "12".
func (c *Cents) UnmarshalText(b []byte) error {
	v, err := ParseCents(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// ParseCents parses a point-decimal amount with at most two decimals ("1234.5", "-3").
func ParseCents(s string) (Cents, error) {
	d, err := decimal.NewFromString(strings.TrimSpace(s))
	if err != nil {
		return 0, fmt.Errorf("amount %q: %w", s, err)
	}
	if !d.Equal(d.Round(2)) {
		return 0, fmt.Errorf("amount %q: more than two decimals", s)
	}
	return CentsFromDecimal(d), nil
}

// Format formats the amount for people: "1 234,56 €" in French (narrow no-break space
// U+202F between thousands, no-break space before the symbol) or "€1,234.56" in English.
// currency is an ISO code; EUR, GBP and USD get their symbol.
func (c Cents) Format(lang, currency string) string {
	neg := c < 0
	u := uint64(c)
	if neg {
		u = uint64(-c)
	}
	units := fmt.Sprintf("%d", u/100)
	frac := fmt.Sprintf("%02d", u%100)
	sep, dec := "\u202f", ","
	if lang == "en" {
		sep, dec = ",", "."
	}
	var b strings.Builder
	for i, r := range units {
		if i > 0 && (len(units)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	num := b.String() + dec + frac
	sym := currencySymbol(currency)
	sign := ""
	if neg {
		sign = "-"
	}
	if lang == "en" {
		if sym == currency {
			return sign + num + " " + sym
		}
		return sign + sym + num
	}
	return sign + num + "\u00a0" + sym
}

func currencySymbol(code string) string {
	switch code {
	case "", "EUR":
		return "€"
	case "GBP":
		return "£"
	case "USD":
		return "$"
	}
	return code
}
