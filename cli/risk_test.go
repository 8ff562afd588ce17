package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestRiskCommands(t *testing.T) {
	path := demoFile(t)
	code, out, stderr := run(t, "fr", "risk", "--db", path, "--at", "2026-11-23", "--format", "json")
	if code != 0 {
		t.Fatalf("risk json: %d %s", code, stderr)
	}
	var doc struct {
		Customers []struct {
			Customer string `json:"customer"`
			Class    string `json:"class"`
			Computed string `json:"computed"`
			Override *struct {
				Reason string `json:"reason"`
			} `json:"override"`
			Why  string `json:"why"`
			Axes []struct {
				Axis    string   `json:"axis"`
				Reasons []string `json:"reasons"`
			} `json:"axes"`
			Signals []struct {
				Key      string `json:"key"`
				Evidence []struct {
					Text string `json:"text"`
				} `json:"evidence"`
			} `json:"signals"`
		} `json:"customers"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	classes, signals, overrides := map[string]int{}, map[string]int{}, 0
	for _, c := range doc.Customers {
		classes[c.Class]++
		if c.Override != nil {
			overrides++
		}
		if len(c.Axes) != 4 || c.Why == "" || strings.Contains(c.Why, "risk.") {
			t.Fatalf("%s: axes %d why %q", c.Customer, len(c.Axes), c.Why)
		}
		for _, ax := range c.Axes {
			if len(ax.Reasons) == 0 {
				t.Errorf("%s %s: no reason", c.Customer, ax.Axis)
			}
		}
		for _, s := range c.Signals {
			signals[s.Key]++
			if len(s.Evidence) == 0 || strings.Contains(s.Evidence[0].Text, "risk.ev") {
				t.Errorf("%s %s: evidence %+v", c.Customer, s.Key, s.Evidence)
			}
		}
	}
	// The demo shows every class and every signal.
	for _, c := range []string{"A", "B", "C", "D"} {
		if classes[c] == 0 {
			t.Errorf("no customer in class %s: %v", c, classes)
		}
	}
	for _, k := range []string{"drift", "overdue_rise", "over_limit", "partial", "broken", "bounced", "dispute", "term_request", "doubtful", "insolvency", "growth"} {
		if signals[k] == 0 {
			t.Errorf("no customer with signal %s: %v", k, signals)
		}
	}
	if overrides != 2 {
		t.Errorf("%d overrides", overrides)
	}
	cust := doc.Customers[5].Customer

	// Table, CSV, filters.
	if code, out, _ := run(t, "en", "risk", "--db", path, "--at", "2026-11-23", "--class", "D"); code != 0 || !strings.Contains(out, "by class") {
		t.Errorf("table: %d %s", code, out)
	}
	if code, out, _ := run(t, "fr", "risk", "--db", path, "--at", "2026-11-23", "--signals-only", "--format", "csv"); code != 0 || !strings.HasPrefix(out, "customer;name;class") {
		t.Errorf("csv: %d %s", code, out)
	}
	if code, _, _ := run(t, "fr", "risk", "--db", path, "--class", "Z"); code != 2 {
		t.Errorf("unknown class: exit %d", code)
	}

	// Override, acknowledgement, proposals.
	if code, _, stderr := run(t, "fr", "risk", "override", "--db", path, "--customer", cust, "--class", "D", "--reason", "impayés répétés", "--by", "Claire", "--at", "2026-11-23"); code != 0 {
		t.Fatalf("override: %s", stderr)
	}
	if code, _, stderr := run(t, "fr", "risk", "override", "--db", path, "--customer", cust, "--class", "Q", "--reason", "x", "--by", "Claire"); code != 1 || !strings.Contains(stderr, "Q") {
		t.Errorf("bad override: %d %s", code, stderr)
	}
	if code, out, _ := run(t, "fr", "risk", "--db", path, "--at", "2026-11-23", "--customer", cust, "--format", "json"); code != 0 || !strings.Contains(out, "impayés répétés") {
		t.Errorf("override not shown: %s", out)
	}
	if code, _, stderr := run(t, "fr", "risk", "ack", "--db", path, "--customer", cust, "--signal", "over_limit", "--comment", "vu", "--by", "Claire"); code != 0 {
		t.Errorf("ack: %s", stderr)
	}
	if code, _, _ := run(t, "fr", "risk", "ack", "--db", path, "--customer", cust, "--signal", "nope", "--comment", "vu", "--by", "Claire"); code != 1 {
		t.Errorf("bad ack accepted")
	}
	code, out, stderr = run(t, "fr", "risk", "proposals", "--db", path, "--at", "2026-11-23")
	if code != 0 || !strings.Contains(out, "R2026-") {
		t.Fatalf("proposals: %d %s %s", code, out, stderr)
	}
	var id string
	for _, f := range strings.Fields(out) {
		if strings.HasPrefix(f, "R2026-") {
			id = f
			break
		}
	}
	if code, out, stderr := run(t, "fr", "risk", "proposals", "--db", path, "--at", "2026-11-23", "--accept", id, "--by", "Claire"); code != 0 || !strings.Contains(out, "acceptée") {
		t.Fatalf("accept: %d %s %s", code, out, stderr)
	}
	if code, _, stderr := run(t, "fr", "risk", "proposals", "--db", path, "--reject", id, "--by", "Claire"); code != 1 || !strings.Contains(stderr, "close") {
		t.Errorf("second decision: %d %s", code, stderr)
	}
	if code, _, _ := run(t, "fr", "risk", "proposals", "--db", path, "--accept", id); code != 2 {
		t.Errorf("decision without --by: %d", code)
	}
}
