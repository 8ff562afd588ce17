package cli

import (
	"os"
	"strings"
	"testing"
)

// A write whose automatic backup cannot be written succeeds (exit 0) and warns on
// stderr, in the user's language.
func TestBackupFailureWarns(t *testing.T) {
	path := demoFile(t)
	if err := os.RemoveAll(path + ".backups"); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path+".backups", nil, 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := run(t, "fr", "payment", "add", "--db", path, "--at", "2026-11-23", "--customer", "C00003",
		"--date", "20/11/2026", "--amount", "10")
	if code != 0 || !strings.Contains(out, "Règlement") || !strings.Contains(stderr, "sauvegarde automatique n'a pas pu être écrite") {
		t.Errorf("exit %d\nstdout %s\nstderr %s", code, out, stderr)
	}
}
