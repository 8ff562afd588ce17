package pdfdoc

import (
	"strconv"
	"testing"

	"relance/assets/i18n"
)

// TestTextMemo: the Factory's memo of catalogue texts gives what i18n.T gives, for
// arguments that could pass for others if they were only joined, and past the memo's
// bound.
func TestTextMemo(t *testing.T) {
	f := NewFactory()
	calls := [][]string{
		{"fr", "pdf.page", "page", "1", "pages", "2"},
		{"en", "pdf.page", "page", "1", "pages", "2"},
		{"fr", "pdf.phone", "value", "04 72 00 12 34"},
		{"fr", "pdf.page", "page", "1\x00pages\x002", "pages", ""},
		{"fr", "pdf.page", "page", "1", "pages", "2\x00"},
		{"fr", "no.such.key"},
	}
	for round := range 2 {
		for _, c := range calls {
			if got, want := f.t(c[0], c[1], c[2:]...), i18n.T(c[0], c[1], c[2:]...); got != want {
				t.Errorf("round %d, %q: %q, want %q", round, c, got, want)
			}
		}
	}
	for i := range memoMax + 10 {
		n := strconv.Itoa(i)
		if got, want := f.t("fr", "pdf.page", "page", n, "pages", n), i18n.T("fr", "pdf.page", "page", n, "pages", n); got != want {
			t.Fatalf("%d: %q, want %q", i, got, want)
		}
	}
	if n := len(f.tmemo.m); n > memoMax {
		t.Errorf("the memo holds %d texts, more than %d", n, memoMax)
	}
}
