package cli

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"relance/ledger"
	"relance/ledger/law"
)

// Issue 22: relance deadlines shows for each open item the rule, the day its period
// runs from, the interruptions counted (kind and date) and the deadline, in the user's
// words; against a public body four years from 1 January after the invoice's year
// (loi 68-1250 art. 1).
func TestDeadlinesRuleStartInterruptions(t *testing.T) {
	path := demoFile(t)
	const at = "2026-11-23"
	load := func() []deadlineRow {
		t.Helper()
		var doc struct {
			Items []deadlineRow `json:"items"`
			Notes []string      `json:"notes"`
		}
		code, out, stderr := run(t, "en", "deadlines", "--db", path, "--at", at, "--format", "json")
		if code != 0 || json.Unmarshal([]byte(out), &doc) != nil || len(doc.Notes) != 1 {
			t.Fatalf("deadlines: %d %s", code, stderr)
		}
		return doc.Items
	}
	rows := load()
	// A business customer with an item due before the plan: its plan with an
	// acknowledgement of debt restarts five years (C. civ. 2240, 2231).
	agreed := ledger.NewDate(2026, 3, 2)
	var customer string
	for _, r := range rows {
		if due, err := ledger.ParseDate(r.Due); err == nil && r.Kind == "business" && due < agreed {
			customer = r.Customer
			break
		}
	}
	if customer == "" {
		t.Fatal("no business item due before the plan in the demo")
	}
	if code, _, stderr := run(t, "en", "plan", "--db", path, "--customer", customer, "--instalment", "2026-12-15:100",
		"--ack", "--at", agreed.String()); code != 0 {
		t.Fatalf("plan: %d %s", code, stderr)
	}
	var withPlan, public int
	for _, r := range load() {
		st := r.State
		doc, _ := ledger.ParseDate(r.Doc)
		due, _ := ledger.ParseDate(r.Due)
		switch {
		case r.Customer == customer && due.Valid() && due <= agreed:
			withPlan++
			if len(st.Interruptions) != 1 || st.Interruptions[0].Kind != law.PaymentPlan || st.Interruptions[0].Date != agreed ||
				st.Start != agreed || st.Deadline != ledger.NewDate(2031, 3, 2) || st.Rule != "C. com. L110-4" {
				t.Errorf("%s under the plan: %+v", r.Number, st)
			}
		case r.Kind == "public" && len(st.Interruptions) == 0:
			public++
			if st.Rule != "loi 68-1250 art. 1" || st.Start != ledger.NewDate(doc.Year()+1, 1, 1) ||
				st.Deadline != ledger.NewDate(doc.Year()+4, 12, 31) {
				t.Errorf("public %s of %s due %s: from %s to %s", r.Number, r.Doc, r.Due, st.Start, st.Deadline)
			}
		case r.Kind != "public" && len(st.Interruptions) == 0 && due.Valid() && st.Start != due:
			t.Errorf("%s: from %s, due %s", r.Number, st.Start, r.Due)
		}
	}
	if withPlan == 0 || public == 0 {
		t.Errorf("%d items under the plan, %d public items", withPlan, public)
	}

	// The French table: the columns, the act in words, no ISO date.
	code, out, _ := run(t, "fr", "deadlines", "--db", path, "--at", at)
	for _, want := range []string{"Règle", "Point de départ", "Interruptions", "Prescription", "échéancier signé du 02/03/2026",
		"02/03/2031", "loi 68-1250 art. 1", "01/01/", "31/12/", "aucune", "interruptions"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("French table lacks %q:\n%s", want, out[:min(len(out), 2000)])
		}
	}
	if d := regexp.MustCompile(`\d{4}-\d{2}-\d{2}`).FindString(out); d != "" {
		t.Errorf("ISO date %s in the French table", d)
	}
	code, out, _ = run(t, "en", "deadlines", "--db", path, "--at", at)
	for _, want := range []string{"Runs from", "signed payment plan on 2026-03-02", "not recorded"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("English table lacks %q", want)
		}
	}
}
