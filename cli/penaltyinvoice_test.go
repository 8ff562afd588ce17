package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"relance/ledger"
)

// relance penalty-invoice: a preview writes nothing; --out issues, archives and
// writes the PDF; a second --out has nothing left to bill and writes no file.
func TestPenaltyInvoiceCommand(t *testing.T) {
	path := demoFile(t)
	code, out, stderr := run(t, "fr", "penalty-invoice", "--db", path, "--customer", "C00004")
	if code != 0 {
		t.Fatalf("preview: exit %d: %s", code, stderr)
	}
	for _, want := range []string{"Facture de pénalités de retard — Brasserie du Parc SPRL", "Indemnités forfaitaires", "Aperçu", ledger.Cents(4000).Format("fr", "EUR")} {
		if !strings.Contains(out, want) {
			t.Errorf("preview lacks %q:\n%s", want, out)
		}
	}
	code, out, stderr = run(t, "en", "penalty-invoice", "--db", path, "--customer", "C00004", "--format", "json")
	if code != 0 {
		t.Fatalf("json preview: exit %d: %s", code, stderr)
	}
	var doc struct {
		Number   string `json:"number"`
		Debtor   string `json:"debtor"`
		Total    string `json:"total"`
		Invoices []struct {
			Number    string `json:"number"`
			Indemnity string `json:"indemnity"`
		} `json:"invoices"`
		Notes  []string `json:"notes"`
		Record string   `json:"record"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if doc.Number != "" || doc.Record != "" || doc.Debtor != "b2b" || len(doc.Invoices) == 0 || doc.Total == "" || len(doc.Notes) == 0 {
		t.Fatalf("json preview: %+v", doc)
	}
	if code, out, _ := run(t, "en", "verify", "--db", path); code != 0 || !strings.Contains(out, "0") {
		t.Errorf("the preview wrote to the archive: %s", out)
	}

	pdf := filepath.Join(t.TempDir(), "nd.pdf")
	code, out, stderr = run(t, "fr", "penalty-invoice", "--db", path, "--customer", "C00004", "--out", pdf, "--by", "Test")
	if code != 0 {
		t.Fatalf("issue: exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "ND-2026-0001 émise") || !strings.Contains(out, "LT000001") {
		t.Errorf("issue output:\n%s", out)
	}
	b, err := os.ReadFile(pdf)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Fatalf("PDF not written: %v", err)
	}

	again := filepath.Join(t.TempDir(), "again.pdf")
	code, _, stderr = run(t, "fr", "penalty-invoice", "--db", path, "--customer", "C00004", "--out", again, "--by", "Test")
	if code != 1 || !strings.Contains(stderr, "Rien à facturer") {
		t.Errorf("second issue: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(again); !os.IsNotExist(err) {
		t.Error("a PDF was written for a penalty invoice not issued")
	}
	code, out, _ = run(t, "fr", "penalty-invoice", "--db", path, "--customer", "C00004")
	if code != 0 || !strings.Contains(out, "Rien à facturer") || !strings.Contains(out, "ND-2026-0001") {
		t.Errorf("preview after issue: exit %d:\n%s", code, out)
	}

	// Bad input: a usage error naming the flag, or the period in words.
	if code, _, stderr := run(t, "fr", "penalty-invoice", "--db", path, "--customer", "C00004", "--out", "x.txt"); code != 2 || stderr == "" {
		t.Errorf("--out x.txt: exit %d %s", code, stderr)
	}
	if code, _, stderr := run(t, "fr", "penalty-invoice", "--db", path, "--customer", "C00004", "--from", "2026-06-01", "--to", "2026-01-01"); code != 1 || !strings.Contains(stderr, "Période des règlements") {
		t.Errorf("period reversed: exit %d %s", code, stderr)
	}
	if code, _, stderr := run(t, "fr", "penalty-invoice", "--db", path, "--customer", "C00004", "--at", "2026-13-01"); code != 2 || !strings.Contains(stderr, "--at") {
		t.Errorf("bad --at: exit %d %s", code, stderr)
	}
}
