package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckBackupRestore(t *testing.T) {
	path := demoFile(t)
	code, out, stderr := run(t, "fr", "check", "--db", path)
	if code != 0 || !strings.Contains(out, "intègre") {
		t.Fatalf("check: %d %s %s", code, out, stderr)
	}
	bak := filepath.Join(t.TempDir(), "b.db")
	if code, _, stderr := run(t, "en", "backup", "--db", path, "--out", bak); code != 0 {
		t.Fatalf("backup: %s", stderr)
	}
	if code, _, _ := run(t, "en", "backup", "--db", path, "--out", bak); code != 1 {
		t.Error("backup overwrote an existing file")
	}
	if code, out, stderr := run(t, "en", "restore", "--from", bak, "--db", path); code != 0 || !strings.Contains(out, "restored") {
		t.Fatalf("restore of the same revision: %d %s %s", code, out, stderr)
	}
	if code, _, _ := run(t, "en", "restore", "--from", bak); code != 2 {
		t.Error("restore without --db is a usage error")
	}
	if code, _, _ := run(t, "en", "check", "--db", filepath.Join(t.TempDir(), "none.db")); code != 1 {
		t.Error("check of a missing file")
	}
}
