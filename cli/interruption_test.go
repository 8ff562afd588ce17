package cli

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/dunning"
	"relance/ledger/law"
)

// Issue 22: `relance interruption` records the acts that interrupt or suspend
// limitation, and `relance deadlines` moves the deadlines they concern: an
// acknowledgement restarts five years on its item, a legal action suspends until its
// end, a withdrawn act no longer counts; what does not hold is refused, in words.
func TestInterruptionRegisterMovesDeadlines(t *testing.T) {
	path := demoFile(t)
	const at = "2026-11-23"
	deadlines := func() map[string]deadlineRow {
		t.Helper()
		var doc struct {
			Items []deadlineRow `json:"items"`
		}
		code, out, stderr := run(t, "en", "deadlines", "--db", path, "--at", at, "--format", "json")
		if code != 0 || json.Unmarshal([]byte(out), &doc) != nil {
			t.Fatalf("deadlines: %d %s", code, stderr)
		}
		m := map[string]deadlineRow{}
		for _, r := range doc.Items {
			m[r.Customer+"/"+r.Number] = r
		}
		return m
	}
	before := deadlines()
	// A business customer with two open items, neither interrupted yet.
	var customer string
	var items []string
	byCustomer := map[string][]string{}
	for _, r := range before {
		due, _ := ledger.ParseDate(r.Due)
		if r.Kind == "business" && len(r.State.Interruptions) == 0 && due.Valid() && due < ledger.NewDate(2026, 5, 1) && r.State.Level != law.LevelUnknown {
			byCustomer[r.Customer] = append(byCustomer[r.Customer], r.Number)
		}
	}
	for c, nums := range byCustomer {
		if len(nums) >= 2 && (customer == "" || c < customer) {
			customer, items = c, nums
		}
	}
	if customer == "" {
		t.Fatal("no business customer with two open items in the demo")
	}
	first, second := customer+"/"+items[0], customer+"/"+items[1]

	// An acknowledgement of the first item on 1 June 2026: five years from that day.
	code, out, stderr := run(t, "fr", "interruption", "add", "--db", path, "--customer", customer, "--kind", "acknowledgement",
		"--date", "2026-06-01", "--item", items[0], "--proof", "LRAR 1A 111", "--at", at)
	if code != 0 || !strings.Contains(out, "reconnaissance de dette du 01/06/2026") || !strings.Contains(out, items[0]) {
		t.Fatalf("add: %d %q %s", code, out, stderr)
	}
	ackID := regexp.MustCompile(`IP2026-\d{6}`).FindString(out)
	after := deadlines()
	if st := after[first].State; st.Deadline != ledger.NewDate(2031, 6, 1) || st.Start != ledger.NewDate(2026, 6, 1) {
		t.Errorf("%s after the acknowledgement: %+v", first, st)
	}
	if after[second].State.Deadline != before[second].State.Deadline {
		t.Errorf("the acknowledgement of %s moved %s", items[0], items[1])
	}

	// A legal action on all of the customer's items, still going on: no deadline runs.
	code, out, stderr = run(t, "en", "interruption", "add", "--db", path, "--customer", customer, "--kind", "legal_action",
		"--date", "2026-09-15", "--proof", "RG 26/04567", "--at", at, "--format", "json")
	var suit desk.InterruptionRow
	if code != 0 || json.Unmarshal([]byte(out), &suit) != nil || suit.Status != dunning.RegOngoing || len(suit.Numbers) != 0 {
		t.Fatalf("legal action: %d %s %s", code, out, stderr)
	}
	if st := deadlines()[second].State; st.Level != law.LevelSuspended || st.Deadline.Valid() {
		t.Errorf("%s during the proceedings: %+v", second, st)
	}
	// Its end: five full years from it (C. civ. 2242).
	code, out, stderr = run(t, "fr", "interruption", "end", "--db", path, "--id", suit.ID, "--date", "2026-11-02", "--at", at)
	if code != 0 || !strings.Contains(out, "clos le 02/11/2026") {
		t.Fatalf("end: %d %q %s", code, out, stderr)
	}
	if st := deadlines()[second].State; st.Deadline != ledger.NewDate(2031, 11, 2) {
		t.Errorf("%s after the proceedings: %+v", second, st)
	}

	// The list, in French: the words and French dates, no ISO date.
	code, out, _ = run(t, "fr", "interruption", "list", "--db", path, "--customer", customer)
	for _, want := range []string{"reconnaissance de dette", "demande en justice", "01/06/2026", "02/11/2026", "LRAR 1A 111", "RG 26/04567", "clos le 02/11/2026", "compté"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("the list lacks %q:\n%s", want, out)
		}
	}
	if d := regexp.MustCompile(`\d{4}-\d{2}-\d{2}`).FindString(out); d != "" {
		t.Errorf("ISO date %s in the French list", d)
	}

	// Withdrawn, the acknowledgement no longer counts (the legal action still does).
	code, out, stderr = run(t, "fr", "interruption", "withdraw", "--db", path, "--id", ackID, "--reason", "saisi sur le mauvais client", "--at", at)
	if code != 0 || !strings.Contains(out, "Acte retiré : reconnaissance de dette du 01/06/2026") || !strings.Contains(out, "retiré (IP2026-") {
		t.Fatalf("withdraw: %d %q %s", code, out, stderr)
	}
	if st := deadlines()[first].State; len(st.Interruptions) != 1 || st.Interruptions[0].Kind != law.LegalAction {
		t.Errorf("%s after the withdrawal: %+v", first, st.Interruptions)
	}
	var list struct {
		Interruptions []desk.InterruptionRow `json:"interruptions"`
	}
	code, out, _ = run(t, "en", "interruption", "list", "--db", path, "--format", "json")
	if code != 0 || json.Unmarshal([]byte(out), &list) != nil || len(list.Interruptions) != 3 || list.Interruptions[0].Status != dunning.RegWithdrawn {
		t.Errorf("list: %d %s", code, out)
	}

	// Refused, in words, nothing written.
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--kind", "admin_letter", "--date", "2026-06-01"}, 1, "propre aux personnes publiques"},
		{[]string{"--kind", "written_claim", "--date", "2026-06-01"}, 1, "Cass. com. 18 mai 2022"},
		{[]string{"--kind", "acknowledgement", "--date", "2026-12-01"}, 1, "01/12/2026, après la date de saisie (23/11/2026)"},
		{[]string{"--kind", "mediation", "--date", "2026-06-01", "--end", "2026-05-01"}, 1, "précède"},
		{[]string{"--kind", "acknowledgement", "--date", "2026-06-02", "--item", "F-NOPE"}, 1, "« F-NOPE »"},
		{[]string{"--kind", "letter", "--date", "2026-06-01"}, 2, "Nature d'acte inconnue « letter »"},
		{[]string{"--kind", "acknowledgement", "--date", "1er juin"}, 2, "1er juin"},
	} {
		args := append([]string{"interruption", "add", "--db", path, "--customer", customer, "--at", at}, c.args...)
		code, _, stderr := run(t, "fr", args...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: %d %q", c.args, code, stderr)
		}
	}
	code, out, _ = run(t, "en", "interruption", "list", "--db", path, "--format", "json")
	if code != 0 || json.Unmarshal([]byte(out), &list) != nil || len(list.Interruptions) != 3 {
		t.Errorf("a refused act was written: %d %s", code, out)
	}
	if code, _, stderr := run(t, "fr", "interruption", "bogus"); code != 2 || !strings.Contains(stderr, "add, end, withdraw ou list") {
		t.Errorf("bad subcommand: %d %q", code, stderr)
	}
}
