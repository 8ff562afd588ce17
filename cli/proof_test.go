package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"relance/ledger/proof"
)

// relance proof set records an invoice's pieces (named by its number), proof list
// shows them in a table or as JSON with the summary; bad input is refused naming the
// flag and the value, nothing written.
func TestProofSetList(t *testing.T) {
	path := demoFile(t)
	code, out, stderr := run(t, "fr", "proof", "list", "--db", path, "--customer", "C00020", "--at", "2026-11-23", "--format", "json")
	if code != 0 {
		t.Fatalf("list: %d %s", code, stderr)
	}
	var r proof.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil || len(r.Lines) == 0 {
		t.Fatalf("json %v: %s", err, out)
	}
	number := r.Lines[len(r.Lines)-1].Number
	code, out, stderr = run(t, "fr", "proof", "set", "--db", path, "--customer", "C00020", "--item", number,
		"--order", "present:BC 2026-999", "--order-date", "01/11/2026", "--delivery", "missing", "--at", "2026-11-23")
	if code != 0 || !strings.Contains(out, "Preuve de la facture "+number+" enregistrée : incomplète") {
		t.Fatalf("set: %d %q %s", code, out, stderr)
	}
	code, out, _ = run(t, "fr", "proof", "list", "--db", path, "--customer", "C00020", "--at", "2026-11-23")
	if code != 0 || !strings.Contains(out, "présent (BC 2026-999)") || !strings.Contains(out, "sans bon de livraison") ||
		!strings.Contains(out, "au grand livre") {
		t.Errorf("list: %s", out)
	}
	code, out, _ = run(t, "en", "proof", "list", "--db", path, "--customer", "C00020", "--at", "2026-11-23")
	if code != 0 || !strings.Contains(out, "present (BC 2026-999)") || !strings.Contains(out, "without a delivery note") {
		t.Errorf("list en: %s", out)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--item", number, "--order", "peut-être"}, "--order"},
		{[]string{"--item", number}, "au moins une pièce"},
		{[]string{"--item", "NOPE", "--order", "present"}, "Facture inconnue"},
		{[]string{"--item", number, "--invoice", "present", "--invoice-date", "2030-01-01"}, "postérieure"},
	} {
		args := append([]string{"proof", "set", "--db", path, "--customer", "C00020", "--at", "2026-11-23"}, c.args...)
		code, out, stderr := run(t, "fr", args...)
		if code == 0 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: %d %q %q, want %q", c.args, code, out, stderr, c.want)
		}
	}
}
