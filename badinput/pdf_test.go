package badinput

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A customer name typed by a user, or read from an accounting export, with an emoji,
// Japanese, Greek, Cyrillic and a control character (issue 20): every PDF the command
// line writes about it is written, never panics, and the user is told on stderr, in
// their language, which characters were replaced by « � ».
func TestHostileNamePDFs(t *testing.T) {
	const name = "Ωmega Москва 😀 株式会社 \x07"
	warn := map[string]string{"fr": "remplacés par « � »", "en": "replaced by “�”"}
	for _, l := range langs {
		db := demoCopy(t)
		dir := t.TempDir()
		id := overdueCustomer(t, db)
		if code, _, stderr, panicked := runCLI(l.lang, "customer", "set", "--db", db, "--customer", id, "--name", name,
			"--at", "2026-11-23"); code != 0 || panicked != "" {
			t.Fatalf("[%s] customer set: exit %d %s %s", l.lang, code, stderr, panicked)
		}
		at := []string{"--db", db, "--at", "2026-11-23"}
		for _, c := range []struct {
			kind string
			args []string
			warn bool // the PDF shows the customer's name
		}{
			{"statement", []string{"statement", "--customer", id}, true},
			{"letter", []string{"letter", "--customer", id, "--stage", "statement"}, true},
			{"callsheet", []string{"callsheet", "--customer", id}, true},
			{"aged", []string{"aged", "--format", "pdf"}, true},
			{"kpi", []string{"kpi", "--format", "pdf"}, false},
		} {
			out := filepath.Join(dir, c.kind+".pdf")
			args := append(append(c.args, at...), "--out", out)
			code, _, stderr, panicked := runCLI(l.lang, args...)
			if panicked != "" || code != 0 {
				t.Errorf("[%s] %s: exit %d, panic %s, stderr %s", l.lang, c.kind, code, panicked, stderr)
				continue
			}
			pdf, err := os.ReadFile(out)
			if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
				t.Errorf("[%s] %s: no PDF written (%v)", l.lang, c.kind, err)
			}
			if c.warn && (!strings.Contains(stderr, warn[l.lang]) || !strings.Contains(stderr, "😀 (U+1F600)")) {
				t.Errorf("[%s] %s: no warning on stderr: %q", l.lang, c.kind, stderr)
			}
		}
	}
}

// overdueCustomer returns a customer of the dossier db with overdue items.
func overdueCustomer(t *testing.T, db string) string {
	t.Helper()
	code, stdout, stderr, _ := runCLI("fr", "customers", "--db", db, "--at", "2026-11-23", "--format", "json")
	var list struct {
		Customers []struct{ ID, Overdue string }
	}
	if code != 0 || json.Unmarshal([]byte(stdout), &list) != nil {
		t.Fatalf("customers: exit %d %s", code, stderr)
	}
	for _, c := range list.Customers {
		if c.Overdue != "" && strings.Trim(c.Overdue, "0.") != "" && !strings.HasPrefix(c.Overdue, "-") {
			return c.ID
		}
	}
	t.Fatal("no customer with overdue items")
	return ""
}
