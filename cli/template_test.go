package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A template exported, edited and imported is the one the letters use; --restore puts
// the shipped one back; a wrong file changes nothing.
func TestTemplateRoundTrip(t *testing.T) {
	db := demoFile(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "r1.txt")
	if code, _, stderr := run(t, "fr", "template", "--db", db, "--stage", "r1", "--export", file); code != 0 {
		t.Fatalf("export: %d %s", code, stderr)
	}
	b, err := os.ReadFile(file)
	if err != nil || !strings.Contains(string(b), "subject:") {
		t.Fatalf("exported %q, %v", b, err)
	}
	edited := strings.Replace(string(b), "subject: ", "subject: [Édité] ", 1)
	os.WriteFile(file, []byte(edited), 0o600)
	if code, _, stderr := run(t, "fr", "template", "--db", db, "--stage", "r1", "--import", file, "--by", "Claire"); code != 0 {
		t.Fatalf("import: %d %s", code, stderr)
	}
	subject := func() string {
		out := filepath.Join(dir, "lettre.eml")
		if code, _, stderr := run(t, "fr", "letter", "--db", db, "--customer", "C00030", "--stage", "r1", "--at", "2026-11-23", "--out", out); code != 0 {
			t.Fatalf("letter: %d %s", code, stderr)
		}
		b, _ := os.ReadFile(out)
		return string(b)
	}
	if !strings.Contains(subject(), "dit=C3=A9") && !strings.Contains(subject(), "Édité") && !strings.Contains(subject(), "=C3=89dit") {
		t.Errorf("the letter does not use the imported template")
	}
	if code, _, stderr := run(t, "fr", "template", "--db", db, "--stage", "r1", "--restore"); code != 0 {
		t.Fatalf("restore: %d %s", code, stderr)
	}
	if s := subject(); strings.Contains(s, "Édité") || strings.Contains(s, "=C3=89dit") {
		t.Errorf("restore kept the edited template")
	}
	if code, _, _ := run(t, "fr", "template", "--db", db, "--stage", "r1"); code != 2 {
		t.Errorf("no action: exit %d, want 2", code)
	}
}
