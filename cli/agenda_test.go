package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

type agendaOut struct {
	AsOf    string       `json:"as_of"`
	Actions []agendaJSON `json:"actions"`
	Skipped []struct {
		Customer string   `json:"customer"`
		Why      []string `json:"why"`
	} `json:"skipped"`
}

func agendaJSONAt(t *testing.T, path, at string, extra ...string) agendaOut {
	t.Helper()
	code, out, stderr := run(t, "en", append([]string{"agenda", "--db", path, "--at", at, "--format", "json"}, extra...)...)
	if code != 0 {
		t.Fatalf("agenda: %d %s", code, stderr)
	}
	var ag agendaOut
	if err := json.Unmarshal([]byte(out), &ag); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	return ag
}

func TestAgendaCommands(t *testing.T) {
	path := demoFile(t)
	ag := agendaJSONAt(t, path, "2026-11-23", "--dry-run")
	if len(ag.Actions) == 0 || len(ag.Skipped) == 0 {
		t.Fatalf("agenda: %d actions, %d skipped", len(ag.Actions), len(ag.Skipped))
	}
	for _, a := range ag.Actions {
		if a.Action == "" || a.Channel == "" || a.Customer == "" || len(a.Items) == 0 || a.Priority <= 0 || len(a.Why) == 0 {
			t.Fatalf("incomplete action: %+v", a)
		}
	}
	// The first letter: record it sent; it leaves the agenda.
	var letter agendaJSON
	for _, a := range ag.Actions {
		if a.Channel == "letter" && a.Action != "conf" {
			letter = a
			break
		}
	}
	if letter.Customer == "" {
		t.Fatal("no letter on the demo agenda")
	}
	code, out, stderr := run(t, "en", "action", "done", "--db", path, "--at", "2026-11-23", "--customer", letter.Customer,
		"--channel", "letter", "--by", "test")
	if code != 0 || !strings.Contains(out, "A2026-") {
		t.Fatalf("action done: %d %s %s", code, out, stderr)
	}
	for _, a := range agendaJSONAt(t, path, "2026-11-23", "--channel", "letter").Actions {
		if a.Customer == letter.Customer && a.Action == letter.Action {
			t.Fatalf("letter still on the agenda: %+v", a)
		}
	}

	// A call with a promise: a pending promise and a confirmation letter to issue.
	var call agendaJSON
	for _, a := range ag.Actions {
		if a.Channel == "call" {
			call = a
			break
		}
	}
	if call.Customer != "" {
		code, out, stderr = run(t, "en", "action", "done", "--db", path, "--at", "2026-11-23", "--customer", call.Customer,
			"--channel", "call", "--outcome", "promise", "--amount", "100.00", "--date", "2026-11-30", "--by", "test")
		if code != 0 || !strings.Contains(out, "P2026-") {
			t.Fatalf("promise: %d %s %s", code, out, stderr)
		}
		found := false
		for _, a := range agendaJSONAt(t, path, "2026-11-23").Actions {
			found = found || (a.Customer == call.Customer && a.Action == "conf")
		}
		if !found {
			t.Error("no confirmation letter proposed after the promise")
		}
		// Reschedule the confirmation letter to tomorrow: gone today, back tomorrow.
		if code, _, stderr = run(t, "en", "action", "reschedule", "--db", path, "--at", "2026-11-23", "--customer", call.Customer,
			"--channel", "letter", "--stage", "conf", "--to", "2026-11-24", "--assign", "Marie"); code != 0 {
			t.Fatalf("reschedule: %s", stderr)
		}
		n := 0
		for _, a := range agendaJSONAt(t, path, "2026-11-24").Actions {
			if a.Customer == call.Customer && a.Action == "conf" && a.Assignee == "Marie" {
				n++
			}
		}
		if n != 1 {
			t.Errorf("rescheduled confirmation letter on the 24th: %d", n)
		}
	}

	// Plans and promises.
	code, out, stderr = run(t, "en", "plan", "--db", path, "--at", "2026-11-23", "--customer", letter.Customer,
		"--instalment", "2026-12-15:100.00", "--instalment", "2027-01-15:100.00", "--ack")
	if code != 0 || !strings.Contains(out, "E2026-") {
		t.Fatalf("plan: %d %s %s", code, out, stderr)
	}
	code, out, _ = run(t, "en", "promises", "--db", path, "--at", "2026-11-23", "--update")
	if code != 0 || !strings.Contains(out, "Pending") || !strings.Contains(out, "Kept") || !strings.Contains(out, "Broken") {
		t.Fatalf("promises: %d\n%s", code, out)
	}

	// Bad input: usage errors, nothing written.
	for _, args := range [][]string{
		{"agenda", "--db", path, "--channel", "pigeon"},
		{"action", "done", "--db", path, "--customer", letter.Customer},
		{"action", "fly", "--db", path},
		{"plan", "--db", path, "--customer", letter.Customer, "--instalment", "tomorrow:12"},
	} {
		if code, _, _ := run(t, "en", args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	if code, _, stderr := run(t, "fr", "action", "done", "--db", path, "--customer", letter.Customer, "--channel", "call",
		"--outcome", "promise", "--amount", "0", "--date", "2026-11-30"); code != 1 || !strings.Contains(stderr, "montant promis") {
		t.Errorf("zero promise: %d %s", code, stderr)
	}
}
