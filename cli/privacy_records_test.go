package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// relance export-customer lists the consumer's register acts and judgments (and its
// procedures with their events); relance erase-customer erases their free text, keeps
// the acts and decisions, and says so with the rules.
func TestExportAndEraseLegalRecords(t *testing.T) {
	path := demoFile(t)
	for _, args := range [][]string{
		{"interruption", "add", "--db", path, "--customer", "C00012", "--kind", "acknowledgement", "--date", "2026-11-02",
			"--proof", "LRAR-CLI-8812", "--note", "signée par le fils", "--at", "2026-11-23"},
		{"judgment", "add", "--db", path, "--customer", "C00012", "--kind", "injonction", "--date", "2026-06-01",
			"--enforceable", "2026-07-15", "--principal", "850", "--court", "Tribunal judiciaire de Nantes", "--ref", "IP 26/41", "--at", "2026-11-23"},
	} {
		if code, _, stderr := run(t, "fr", args...); code != 0 {
			t.Fatalf("%s: %s", args[0], stderr)
		}
	}
	type export struct {
		Interruptions []struct {
			Kind, Proof, Note, Status string
		} `json:"interruptions"`
		Judgments []struct {
			Ref, Court string
			Principal  string
		} `json:"judgments"`
		Procedures []any `json:"procedures"`
	}
	read := func() export {
		t.Helper()
		code, out, stderr := run(t, "fr", "export-customer", "--db", path, "--customer", "C00012", "--at", "2026-11-23")
		var e export
		if code != 0 || json.Unmarshal([]byte(out), &e) != nil {
			t.Fatalf("export: %d %s", code, stderr)
		}
		return e
	}
	e := read()
	if len(e.Interruptions) != 1 || e.Interruptions[0].Proof != "LRAR-CLI-8812" || e.Interruptions[0].Status != "counted" ||
		len(e.Judgments) != 1 || e.Judgments[0].Ref != "IP 26/41" || e.Judgments[0].Principal != "850.00" || e.Procedures == nil {
		t.Errorf("export %+v", e)
	}
	code, out, stderr := run(t, "fr", "erase-customer", "--db", path, "--customer", "C00012")
	if code != 0 || !strings.Contains(out+stderr, "CPCE L111-4") || !strings.Contains(out+stderr, "registre de prescription") {
		t.Fatalf("erase: %d %s %s", code, out, stderr)
	}
	e = read()
	if len(e.Interruptions) != 1 || e.Interruptions[0].Proof != "[effacé (RGPD art. 17)]" || e.Interruptions[0].Note != e.Interruptions[0].Proof ||
		e.Interruptions[0].Kind != "acknowledgement" || len(e.Judgments) != 1 || e.Judgments[0].Ref != "IP 26/41" {
		t.Errorf("after erasure %+v", e)
	}
}
