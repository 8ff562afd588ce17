package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// `relance hygiene` on the demo: the same checks in the table and in JSON, the disputes
// past their reply date those `relance disputes` counts, a bad --small-rest refused.
func TestHygiene(t *testing.T) {
	db := demoFile(t)
	code, out, stderr := run(t, "en", "hygiene", "--db", db, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var r struct {
		SmallRest string `json:"small_rest"`
		Results   []struct {
			Check    string `json:"check"`
			Count    int    `json:"count"`
			Findings []struct {
				Customer, Ref, Dispute string
			} `json:"findings"`
		} `json:"results"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, res := range r.Results {
		counts[res.Check] = res.Count
		if len(res.Findings) != res.Count {
			t.Errorf("%s: count %d, %d findings", res.Check, res.Count, len(res.Findings))
		}
	}
	if len(r.Results) != 9 || r.SmallRest != "5.00" || counts["unmatched"] == 0 || counts["late_dispute"] == 0 || counts["not_doubtful"] == 0 {
		t.Fatalf("the demo's checks: %v (small rest %s)", counts, r.SmallRest)
	}
	// The disputes past their reply date are those the Litiges screen counts.
	_, disp, _ := run(t, "en", "disputes", "--db", db, "--format", "json")
	var ds struct {
		AsOf     string `json:"as_of"`
		Disputes []struct {
			DueBy  string `json:"due_by"`
			Active bool   `json:"active"`
		} `json:"disputes"`
	}
	if err := json.Unmarshal([]byte(disp), &ds); err != nil {
		t.Fatal(err)
	}
	late := 0
	for _, d := range ds.Disputes {
		if d.Active && d.DueBy != "" && d.DueBy < ds.AsOf {
			late++
		}
	}
	if late != counts["late_dispute"] {
		t.Errorf("late disputes: hygiene %d, disputes %d", counts["late_dispute"], late)
	}
	code, out, _ = run(t, "fr", "hygiene", "--db", db)
	if code != 0 || !strings.Contains(out, "Règlements et avoirs non lettrés") || !strings.Contains(out, "Litiges sans réponse à la date prévue") ||
		!strings.Contains(out, "constat(s) à traiter") {
		t.Errorf("the French table:\n%s", out)
	}
	if code, _, stderr = run(t, "fr", "hygiene", "--db", db, "--small-rest", "abc"); code != 2 || !strings.Contains(stderr, "« abc »") {
		t.Errorf("--small-rest abc: exit %d, %s", code, stderr)
	}
	code, out, _ = run(t, "en", "hygiene", "--db", db, "--small-rest", "100000", "--format", "json")
	if code != 0 || !strings.Contains(out, `"small_rest": "100000.00"`) {
		t.Errorf("--small-rest 100000: exit %d", code)
	}
}
