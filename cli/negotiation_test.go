package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// `relance negotiation case|prepare|record`: the demo's case study, its sheet as JSON and
// PDF, an agreement that `relance plan`'s records then hold, a bad outcome refused.
func TestNegotiationCLI(t *testing.T) {
	db := demoFile(t)
	code, out, stderr := run(t, "fr", "negotiation", "case", "--db", db)
	if code != 0 || out == "" {
		t.Fatalf("case: %d %s %s", code, out, stderr)
	}
	id := strings.Split(strings.TrimSpace(out), "\t")[0]
	pdf := filepath.Join(t.TempDir(), "sheet.pdf")
	code, out, stderr = run(t, "fr", "negotiation", "prepare", "--db", db, "--customer", id, "--at", "2026-11-23", "--format", "json", "--out", pdf)
	if code != 0 {
		t.Fatalf("prepare: %d %s", code, stderr)
	}
	var sh struct {
		Principal string `json:"principal"`
		Floor     struct {
			Instalments int `json:"instalments"`
		} `json:"floor"`
	}
	if err := json.Unmarshal([]byte(out), &sh); err != nil || sh.Principal == "" || sh.Floor.Instalments == 0 {
		t.Fatalf("json %v: %s", err, out)
	}
	if b, err := os.ReadFile(pdf); err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Fatalf("pdf: %v", err)
	}
	code, _, stderr = run(t, "fr", "negotiation", "record", "--db", db, "--customer", id, "--at", "2026-11-23", "--outcome", "maybe")
	if code == 0 || !strings.Contains(stderr, "maybe") {
		t.Errorf("bad outcome: %d %s", code, stderr)
	}
	code, out, stderr = run(t, "fr", "negotiation", "record", "--db", db, "--customer", id, "--at", "2026-11-23", "--outcome", "agreement",
		"--instalment", "2026-12-01:1000", "--instalment", "2027-01-01:1000", "--ack", "--obtained", "direct_debit")
	if code != 0 || !strings.Contains(out, "Accord enregistré") {
		t.Fatalf("record: %d %s %s", code, out, stderr)
	}
	code, out, stderr = run(t, "en", "negotiation", "record", "--db", db, "--customer", id, "--at", "2026-11-23", "--outcome", "disagreement", "--format", "json")
	if code != 0 || !strings.Contains(out, `"next"`) {
		t.Fatalf("disagreement: %d %s %s", code, out, stderr)
	}
}
