package cli

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// `relance contract set` and `guarantee` record what a customer accepted and what
// secures it, `show` prints them with what to fix (JSON and table), `sheet` writes the
// argument sheet; bad values are refused naming the field.
func TestContract(t *testing.T) {
	db := demoFile(t)
	code, _, stderr := run(t, "fr", "contract", "set", "--db", db, "--customer", "C00039", "--cgv", "CGV 2026-02",
		"--accepted", "01/02/2026", "--late-rate", "12", "--penalty-clause", "none", "--court", "Tribunal de commerce de Paris",
		"--retention", "oui", "--at", "2026-11-23")
	if code != 0 {
		t.Fatalf("set: %d %s", code, stderr)
	}
	code, _, stderr = run(t, "fr", "contract", "guarantee", "--db", db, "--customer", "C00039", "--kind", "standby_lc",
		"--issuer", "Société Générale", "--amount", "25000", "--from", "2026-01-01", "--until", "2026-12-31", "--at", "2026-11-23")
	if code != 0 {
		t.Fatalf("guarantee: %d %s", code, stderr)
	}
	code, out, stderr := run(t, "en", "contract", "show", "--db", db, "--customer", "C00039", "--at", "2026-11-23", "--format", "json")
	if code != 0 {
		t.Fatalf("show: %d %s", code, stderr)
	}
	var v struct {
		Contract struct {
			CGV           string  `json:"cgv"`
			Accepted      string  `json:"accepted"`
			LateRate      *string `json:"late_rate"`
			PenaltyClause *string `json:"penalty_clause"`
			Court         string  `json:"court"`
			Retention     bool    `json:"retention_of_title"`
			Guarantees    []struct{ Kind, Issuer, Amount string }
		} `json:"contract"`
		Cover string `json:"cover"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	k := v.Contract
	if k.CGV != "CGV 2026-02" || k.Accepted != "2026-02-01" || k.LateRate == nil || *k.LateRate != "12" || k.PenaltyClause != nil ||
		!k.Retention || k.Court != "Tribunal de commerce de Paris" || len(k.Guarantees) == 0 || k.Guarantees[len(k.Guarantees)-1].Issuer != "Société Générale" {
		t.Errorf("contract %+v", k)
	}
	_, table, _ := run(t, "fr", "contract", "show", "--db", db, "--customer", "C00039", "--at", "2026-11-23")
	if !strings.Contains(table, "Lettre de crédit stand-by") || !strings.Contains(table, "Réserve de propriété : oui") {
		t.Errorf("table:\n%s", table)
	}
	for _, bad := range [][]string{
		{"contract", "set", "--db", db, "--customer", "C00039", "--late-rate", "beaucoup"},
		{"contract", "guarantee", "--db", db, "--customer", "C00039", "--kind", "hypothèque", "--issuer", "X", "--amount", "1", "--from", "2026-01-01"},
		{"contract", "sheet", "--db", db, "--customer", "C00039", "--days", "0", "--rate", "4", "--out", filepath.Join(t.TempDir(), "x.pdf")},
	} {
		if code, _, stderr := run(t, "fr", bad...); code == 0 || !strings.Contains(stderr, "«\u00a0") {
			t.Errorf("%v: %d %s", bad[1:4], code, stderr)
		}
	}
	pdf := filepath.Join(t.TempDir(), "fiche.pdf")
	code, _, stderr = run(t, "fr", "contract", "sheet", "--db", db, "--customer", "C00039", "--days", "30", "--rate", "4,5",
		"--out", pdf, "--at", "2026-11-23")
	if code != 0 {
		t.Fatalf("sheet: %d %s", code, stderr)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		text, err := exec.Command("pdftotext", pdf, "-").Output()
		if err != nil || !strings.Contains(string(text), "Négocier les délais de paiement") || !strings.Contains(string(text), "Librairie Fournier SAS") {
			t.Errorf("sheet text: %v\n%s", err, text)
		}
	}
}
