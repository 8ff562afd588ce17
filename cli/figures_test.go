package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"relance/ledger"
)

// Issue 17: the disputes in progress count in the command line's KPIs and aged balance
// as on the dashboard (they were 0 % and absent).
func TestDisputesInKPIAndAged(t *testing.T) {
	path := demoFile(t)
	code, out, stderr := run(t, "en", "kpi", "--db", path, "--format", "json")
	if code != 0 {
		t.Fatalf("kpi: %d %s", code, stderr)
	}
	var doc kpiJSON
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Position["disputed"] == "0.00" {
		t.Error("no disputed receivables in the position")
	}
	for _, f := range doc.KPIs {
		if f.Key == "kpi.disputes_weight" && (f.Value == "" || f.Value == "0.00") {
			t.Errorf("weight of disputes %q with disputes in progress", f.Value)
		}
	}
	code, out, _ = run(t, "fr", "aged", "--db", path)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || !strings.Contains(lines[0], "Dont litiges") {
		t.Fatalf("aged: no disputed column: %d\n%s", code, lines[0])
	}
	var total string
	for _, l := range lines {
		if strings.Contains(l, "Total") {
			f := strings.Fields(l)
			total = f[len(f)-1]
		}
	}
	if total == "" || total == "0.00" {
		t.Errorf("aged: disputed total %q", total)
	}
}

// Issue 17: `customers --at` and `deadlines --at` give the state at that date: items
// issued later are left out, items settled later are still open.
func TestCustomersAndDeadlinesAtPastDate(t *testing.T) {
	path := demoFile(t)
	at := testToday.AddDays(-120).String()
	var cust struct {
		Customers []ledger.CustomerSummary `json:"customers"`
	}
	code, out, stderr := run(t, "en", "customers", "--db", path, "--at", at, "--format", "json")
	if code != 0 || json.Unmarshal([]byte(out), &cust) != nil {
		t.Fatalf("customers: %d %s", code, stderr)
	}
	var aged agedJSON
	code, out, stderr = run(t, "en", "aged", "--db", path, "--at", at, "--format", "json")
	if code != 0 || json.Unmarshal([]byte(out), &aged) != nil {
		t.Fatalf("aged: %d %s", code, stderr)
	}
	bal := map[string]string{}
	for _, c := range aged.Customers {
		bal[c.ID] = c.Balance
	}
	var sum ledger.Cents
	for _, c := range cust.Customers {
		if c.Doubtful {
			continue
		}
		sum += c.Balance
		if want, ok := bal[c.ID]; ok && want != c.Balance.String() {
			t.Errorf("%s at %s: balance %s, aged balance %s", c.ID, at, c.Balance, want)
		}
	}
	if sum.String() != aged.Total {
		t.Errorf("Σ customers %s ≠ aged total %s at %s", sum, aged.Total, at)
	}
	var now, then struct {
		Items []deadlineRow `json:"items"`
	}
	if code, out, stderr = run(t, "en", "deadlines", "--db", path, "--format", "json"); code != 0 || json.Unmarshal([]byte(out), &now) != nil {
		t.Fatalf("deadlines: %d %s", code, stderr)
	}
	if code, out, stderr = run(t, "en", "deadlines", "--db", path, "--at", at, "--format", "json"); code != 0 || json.Unmarshal([]byte(out), &then) != nil {
		t.Fatalf("deadlines --at: %d %s", code, stderr)
	}
	if len(then.Items) == len(now.Items) {
		t.Errorf("the same %d open items at %s as today", len(now.Items), at)
	}
	for _, r := range then.Items {
		if r.Due > at && r.Due != "" && r.Open == "" {
			t.Errorf("%s: no open amount", r.Number)
		}
	}
}

// Issue 17: a customer's décompte on the command line stops at the opening judgment
// of an insolvency procedure, as the Contentieux screen does, and says why.
func TestPenaltiesOfACustomerStopAtTheJudgment(t *testing.T) {
	path := demoFile(t)
	code, out, stderr := run(t, "en", "procedures", "--db", path, "--format", "json")
	if code != 0 {
		t.Fatalf("procedures: %d %s", code, stderr)
	}
	var procs struct {
		Procedures []struct {
			Customer string `json:"customer"`
			Judgment string `json:"judgment"`
		} `json:"procedures"`
	}
	if err := json.Unmarshal([]byte(out), &procs); err != nil || len(procs.Procedures) == 0 {
		t.Fatalf("no procedure in the demo: %v\n%s", err, out[:min(len(out), 300)])
	}
	p := procs.Procedures[0]
	code, out, stderr = run(t, "fr", "penalties", "--db", path, "--customer", p.Customer, "--format", "json")
	if code != 0 {
		t.Fatalf("penalties --customer: %d %s", code, stderr)
	}
	var dec penaltiesJSON
	if err := json.Unmarshal([]byte(out), &dec); err != nil {
		t.Fatal(err)
	}
	if dec.End >= p.Judgment {
		t.Errorf("interest runs to %s, judgment of %s", dec.End, p.Judgment)
	}
	stopped := false
	for _, n := range dec.Notes {
		stopped = stopped || strings.Contains(n, "L622-28")
	}
	if !stopped {
		t.Errorf("no note on the stop: %q", dec.Notes)
	}
	if code, _, stderr := run(t, "fr", "penalties", "--db", path, "--customer", "NOPE"); code == 0 || !strings.Contains(stderr, "NOPE") {
		t.Errorf("unknown customer: %d %s", code, stderr)
	}
}
