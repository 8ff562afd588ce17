package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// `relance cause set` records a cause on every late invoice of a customer, `relance
// causes` counts them in JSON and in its table; an unknown cause is refused naming it.
func TestCauses(t *testing.T) {
	db := demoFile(t)
	breakdown := func() (r struct {
		Late     struct{ Count int } `json:"late"`
		Unstated struct{ Count int } `json:"unstated"`
		Lines    []struct {
			Cause string
			Count int
		} `json:"lines"`
		Invoices []struct {
			Customer, Item, Cause string
		} `json:"invoices"`
	}) {
		t.Helper()
		code, out, stderr := run(t, "en", "causes", "--db", db, "--at", "2026-11-23", "--format", "json")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatal(err)
		}
		return r
	}
	before := breakdown()
	cust := ""
	for _, x := range before.Invoices {
		if x.Cause == "" && cust == "" {
			cust = x.Customer
		}
	}
	code, _, stderr := run(t, "fr", "cause", "set", "--db", db, "--customer", cust, "--all-late", "--cause", "cash", "--at", "2026-11-23")
	if code != 0 {
		t.Fatalf("cause set: %d %s", code, stderr)
	}
	after := breakdown()
	for _, x := range after.Invoices {
		if x.Customer == cust && x.Cause != "cash" {
			t.Errorf("%s %s: cause %q", x.Customer, x.Item, x.Cause)
		}
	}
	if after.Late.Count != before.Late.Count || after.Unstated.Count >= before.Unstated.Count {
		t.Errorf("late %d→%d, unstated %d→%d", before.Late.Count, after.Late.Count, before.Unstated.Count, after.Unstated.Count)
	}
	_, table, _ := run(t, "fr", "causes", "--db", db, "--at", "2026-11-23")
	if !strings.Contains(table, "Difficulté de trésorerie") || !strings.Contains(table, "Causes externes") {
		t.Errorf("table:\n%s", table)
	}
	code, _, stderr = run(t, "fr", "cause", "set", "--db", db, "--customer", cust, "--all-late", "--cause", "météo")
	if code == 0 || !strings.Contains(stderr, "«\u00a0météo\u00a0»") {
		t.Errorf("unknown cause: %d %s", code, stderr)
	}
}
