package cli

import (
	"strings"
	"testing"
)

// TestVersionLicences: `relance version --licences` prints the licence and the notices.
func TestVersionLicences(t *testing.T) {
	code, out, _ := run(t, "fr", "version", "--licences")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, s := range []string{"Licence de Relance : Apache License 2.0", "fyne.io/fyne/v2", "go.etcd.io/bbolt", "DejaVu", "MPL-2.0"} {
		if !strings.Contains(out, s) {
			t.Errorf("version --licences lacks %q", s)
		}
	}
}
