package ledger

import (
	"fmt"
	"math"
	"testing"
)

// TestCentsAppendDecimal checks the fmt-free formatting against the fmt form it replaced.
func TestCentsAppendDecimal(t *testing.T) {
	ref := func(c Cents, sep string) string {
		neg := c < 0
		u := uint64(c)
		if neg {
			u = uint64(-c)
		}
		s := fmt.Sprintf("%d%s%02d", u/100, sep, u%100)
		if neg {
			return "-" + s
		}
		return s
	}
	vals := []Cents{0, 1, -1, 9, -9, 10, 99, 100, -100, 105, -105, 123450, -123450, 100000000, math.MaxInt64, math.MinInt64, math.MinInt64 + 1}
	for v := Cents(-1000); v <= 1000; v += 7 {
		vals = append(vals, v)
	}
	for _, c := range vals {
		if got, want := c.String(), ref(c, "."); got != want {
			t.Errorf("String(%d) = %q, want %q", int64(c), got, want)
		}
		if got, want := string(c.AppendDecimal([]byte("x"), ',')), "x"+ref(c, ","); got != want {
			t.Errorf("AppendDecimal(%d) = %q, want %q", int64(c), got, want)
		}
		b, err := c.MarshalText()
		if err != nil || string(b) != ref(c, ".") {
			t.Errorf("MarshalText(%d) = %q, %v", int64(c), b, err)
		}
	}
}
