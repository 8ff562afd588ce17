package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// relance judgment add, pay, list and decompte (text, JSON, PDF), the bad input named,
// and the decision's enforcement period in relance deadlines.
func TestJudgmentCommands(t *testing.T) {
	path := demoFile(t)
	id := demoNoticeCustomer(t, path)
	add := []string{"judgment", "add", "--db", path, "--customer", id, "--kind", "jugement", "--date", "10/03/2025",
		"--enforceable", "15/04/2025", "--principal", "10 000", "--art700", "1 500", "--costs", "80",
		"--court", "Tribunal de commerce de Lyon", "--ref", "RG 2025/123", "--capitalise"}
	// Bad input: named, nothing written.
	code, _, stderr := run(t, "fr", append(append([]string{}, add...), "--rate", "beaucoup")...)
	if code != 1 || !strings.Contains(stderr, "taux d'intérêt fixé par la décision") || !strings.Contains(stderr, "« beaucoup »") {
		t.Fatalf("bad rate: %d %s", code, stderr)
	}
	code, _, stderr = run(t, "fr", "judgment", "add", "--db", path, "--customer", id)
	if code != 2 || !strings.Contains(stderr, "--kind") {
		t.Errorf("missing flag: %d %s", code, stderr)
	}
	code, out, stderr := run(t, "fr", add...)
	if code != 0 || !strings.Contains(out, "JG2025-0001") || !strings.Contains(out, "16/06/2025") || !strings.Contains(out, "jusqu'au 15/04/2035") {
		t.Fatalf("add: %d %q %s", code, out, stderr)
	}
	code, out, stderr = run(t, "fr", "judgment", "pay", "--db", path, "--id", "JG2025-0001", "--date", "30/09/2025",
		"--amount", "1 580", "--ref", "VIR 42")
	if code != 0 || !strings.Contains(out, "JG2025-0001") {
		t.Fatalf("pay: %d %q %s", code, out, stderr)
	}
	// At 30/09/2025: the payment took the dépens and the art. 700; 10 000 + 329.97 +
	// 49.50 of interest (the hand-computed test of ledger/law) remain.
	code, out, stderr = run(t, "fr", "judgment", "decompte", "--db", path, "--customer", id, "--at", "2025-09-30")
	if code != 0 {
		t.Fatalf("decompte: %d %s", code, stderr)
	}
	for _, want := range []string{"Décompte après jugement", "16/06/2025", "CMF L313-2, L313-3", "8,71 %", "VIR 42",
		"Total dû au 30/09/2025", "379,47", "CPCE L111-4", "C. civ. 1343-1"} {
		if !strings.Contains(out, want) {
			t.Errorf("decompte lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = run(t, "en", "judgment", "decompte", "--db", path, "--customer", id, "--at", "2025-09-30", "--format", "json")
	var doc struct {
		Totals struct {
			TotalDue string `json:"total_due"`
		} `json:"totals"`
		EnforceUntil string `json:"enforce_until"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &doc) != nil || doc.Totals.TotalDue != "10379.47" || doc.EnforceUntil != "2035-04-15" {
		t.Errorf("json: %d %+v", code, doc)
	}
	pdf := filepath.Join(t.TempDir(), "j.pdf")
	code, _, stderr = run(t, "fr", "judgment", "decompte", "--db", path, "--customer", id, "--out", pdf)
	if code != 0 {
		t.Fatalf("pdf: %d %s", code, stderr)
	}
	if txt := strings.Join(strings.Fields(pdfText(t, pdf)), " "); !strings.Contains(txt, "Titre exécutoire") || !strings.Contains(txt, "RG 2025/123") {
		t.Errorf("PDF: %s", txt[:min(400, len(txt))])
	}
	code, out, _ = run(t, "fr", "judgment", "list", "--db", path)
	if code != 0 || !strings.Contains(out, "JG2025-0001") || !strings.Contains(out, "15/04/2035") {
		t.Errorf("list: %d %s", code, out)
	}
	code, out, _ = run(t, "fr", "deadlines", "--db", path)
	if code != 0 || !strings.Contains(out, "CPCE L111-4") || !strings.Contains(out, "JG2025-0001") {
		t.Errorf("deadlines: %d %s", code, out[max(0, len(out)-600):])
	}
	code, out, _ = run(t, "en", "deadlines", "--db", path, "--format", "json")
	if code != 0 || !strings.Contains(out, `"judgments"`) || !strings.Contains(out, `"enforce_until": "2035-04-15"`) {
		t.Errorf("deadlines json: %d", code)
	}
	if code, _, stderr := run(t, "fr", "judgment", "nope"); code != 2 || !strings.Contains(stderr, "« nope »") {
		t.Errorf("unknown subcommand: %d %s", code, stderr)
	}
}
