package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// `relance earned` on the demo: the levers add up to the period's payments, the value
// follows the rate given, bad rates and periods are refused.
func TestEarned(t *testing.T) {
	db := demoFile(t)
	code, out, stderr := run(t, "en", "earned", "--db", db, "--rate", "4.5", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var r struct {
		From, To  string
		Collected string
		Rows      []struct {
			Lever     string `json:"lever"`
			Payments  int    `json:"payments"`
			Collected string `json:"collected"`
		} `json:"rows"`
		Gained *string `json:"dso_gained"`
		Value  *string `json:"value"`
		Rate   *string `json:"rate"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Rows) != 6 || r.Rows[0].Lever != "letter" || r.Rows[5].Lever != "none" || r.Value == nil || r.Rate == nil || *r.Rate != "4.5" {
		t.Fatalf("the demo's collection: %s", out)
	}
	var sum float64
	for _, row := range r.Rows {
		var v float64
		if err := json.Unmarshal([]byte(row.Collected), &v); err != nil {
			t.Fatal(err)
		}
		sum += v
	}
	var total float64
	if err := json.Unmarshal([]byte(r.Collected), &total); err != nil || total <= 0 || sum-total > 0.001 || total-sum > 0.001 {
		t.Errorf("the levers add up to %.2f, the period collected %s", sum, r.Collected)
	}
	code, out, _ = run(t, "fr", "earned", "--db", db)
	if code != 0 || !strings.Contains(out, "Ce que la relance a rapporté du") || !strings.Contains(out, "Courriers et e-mails") ||
		!strings.Contains(out, "Indiquez le taux de financement") {
		t.Errorf("the French table without a rate:\n%s", out)
	}
	if code, _, stderr = run(t, "fr", "earned", "--db", db, "--rate", "cent"); code != 2 || !strings.Contains(stderr, "« cent »") {
		t.Errorf("--rate cent: exit %d, %s", code, stderr)
	}
	if code, _, stderr = run(t, "fr", "earned", "--db", db, "--from", "2026-12-04", "--at", "2026-12-01"); code != 2 || !strings.Contains(stderr, "période invalide") {
		t.Errorf("a period backwards: exit %d, %s", code, stderr)
	}
}
