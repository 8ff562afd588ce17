package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// `relance order` gives the deposit an order needs (table and JSON) and with --letter
// issues the deposit request; a bad amount is refused naming it.
func TestOrder(t *testing.T) {
	db := demoFile(t)
	code, out, stderr := run(t, "en", "order", "--db", db, "--customer", "C00039", "--amount", "12 000", "--format", "json", "--at", "2026-11-23")
	if code != 0 {
		t.Fatalf("order: %d %s", code, stderr)
	}
	var v struct {
		Deposit string `json:"deposit"`
		Pct     int    `json:"deposit_pct"`
		Class   string `json:"class"`
		Reasons []struct{ Key string }
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	if v.Deposit == "0.00" || v.Pct == 0 || v.Class == "" || len(v.Reasons) == 0 {
		t.Errorf("C00039's order: %+v", v)
	}
	pdf := filepath.Join(t.TempDir(), "acompte.pdf")
	code, table, stderr := run(t, "fr", "order", "--db", db, "--customer", "C00039", "--amount", "12000,00", "--ref", "BC-7",
		"--letter", pdf, "--at", "2026-11-23")
	if code != 0 || !strings.Contains(table, "Acompte à demander") || !strings.Contains(table, "archivée") {
		t.Errorf("letter: %d %s %s", code, table, stderr)
	}
	if code, _, stderr := run(t, "fr", "order", "--db", db, "--customer", "C00039", "--amount", "douze"); code == 0 || !strings.Contains(stderr, "«\u00a0douze\u00a0»") {
		t.Errorf("bad amount: %d %s", code, stderr)
	}
}
