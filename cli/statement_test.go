package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestStatementCommand(t *testing.T) {
	path := demoFile(t)
	dir := t.TempDir()
	one := filepath.Join(dir, "one.pdf")
	if code, _, stderr := run(t, "fr", "statement", "--db", path, "--customer", "C00007", "--at", "2026-11-23", "--out", one); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if b, err := os.ReadFile(one); err != nil || !strings.HasPrefix(string(b), "%PDF-") {
		t.Fatalf("not a PDF: %v", err)
	}
	code, _, stderr := run(t, "fr", "statement", "--db", path, "--customer", "NOPE", "--out", filepath.Join(dir, "x.pdf"))
	if code != 1 || !strings.Contains(stderr, "NOPE") {
		t.Errorf("missing customer: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.pdf")); err == nil {
		t.Error("a file was written for a missing customer")
	}
	if code, _, _ := run(t, "fr", "statement", "--db", path, "--out", one); code != 2 {
		t.Errorf("neither --customer nor --all: exit %d, want 2", code)
	}
	out := filepath.Join(dir, "all")
	code, stdout, stderr := run(t, "en", "statement", "--db", path, "--all", "--at", "2026-11-23", "--out", out,
		"--merged", filepath.Join(dir, "print.pdf"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	entries, _ := os.ReadDir(out)
	if len(entries) < 10 || !strings.Contains(stdout, "statements written") {
		t.Errorf("%d files; stdout %q", len(entries), stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "print.pdf")); err != nil {
		t.Error(err)
	}
}
