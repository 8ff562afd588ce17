package ledger

import (
	"encoding/json"
	"testing"

	"github.com/shopspring/decimal"
)

func TestCentsFormat(t *testing.T) {
	cases := []struct {
		c         Cents
		lang, cur string
		want      string
	}{
		{123456, "fr", "EUR", "1\u202f234,56\u00a0€"},
		{123456, "en", "EUR", "€1,234.56"},
		{-5, "fr", "EUR", "-0,05\u00a0€"},
		{100000000, "en", "GBP", "£1,000,000.00"},
		{99, "en", "CHF", "0.99 CHF"},
		{0, "fr", "", "0,00\u00a0€"},
	}
	for _, c := range cases {
		if got := c.c.Format(c.lang, c.cur); got != c.want {
			t.Errorf("Format(%d,%s,%s) = %q want %q", c.c, c.lang, c.cur, got, c.want)
		}
	}
}

func TestCentsTextAndDecimal(t *testing.T) {
	for _, s := range []string{"0.00", "12.30", "-0.05", "1234567.89"} {
		c, err := ParseCents(s)
		if err != nil || c.String() != s {
			t.Errorf("ParseCents(%q) = %v %v", s, c, err)
		}
	}
	if _, err := ParseCents("1.234"); err == nil {
		t.Error("three decimals accepted")
	}
	if _, err := ParseCents("abc"); err == nil {
		t.Error("text accepted")
	}
	b, _ := json.Marshal(struct{ A Cents }{-1050})
	if string(b) != `{"A":"-10.50"}` {
		t.Errorf("json %s", b)
	}
	if CentsFromDecimal(decimal.RequireFromString("10.005")) != 1001 ||
		CentsFromDecimal(decimal.RequireFromString("-10.005")) != -1001 {
		t.Error("rounding half away from zero")
	}
	if !Cents(1999).Decimal().Equal(decimal.RequireFromString("19.99")) {
		t.Error("Decimal")
	}
}
