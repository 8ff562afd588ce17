package risk

import "testing"

// A scale written by Text reads back the same, money in euros; a part that is not
// two whole numbers is refused.
func TestScaleText(t *testing.T) {
	p := DefaultPolicy()
	for _, c := range []struct {
		s     Scale
		money bool
	}{{p.Outstanding.Amount, true}, {p.RiskLevel.Lateness, false}} {
		back, ok := ParseScale(c.s.Text(c.money), c.money)
		if !ok || back.Text(c.money) != c.s.Text(c.money) || len(back) != len(c.s) || back[0] != c.s[0] {
			t.Errorf("%q read back as %v", c.s.Text(c.money), back)
		}
	}
	if got := p.Outstanding.Amount.Text(true); got != "5000:20, 15000:40, 40000:70, 100000:100" {
		t.Errorf("Text: %q", got)
	}
	if s, ok := ParseScale("5 000:20, ", true); !ok || len(s) != 1 || s[0].From != 500000 {
		t.Errorf("spaces: %v %v", s, ok)
	}
	for _, bad := range []string{"10", "10:x", "a:5"} {
		if _, ok := ParseScale(bad, false); ok {
			t.Errorf("%q accepted", bad)
		}
	}
}
