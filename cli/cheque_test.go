package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// relance cheque list (table, JSON) on the demo's cheque, add with bad input named,
// a step refused out of order then recorded, and the letter to the drawer written,
// archived and listed in the archive.
func TestChequeCommands(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.db")
	if code, _, stderr := run(t, "fr", "demo", "--out", path, "--today", "2026-12-04"); code != 0 {
		t.Fatalf("demo: %d %s", code, stderr)
	}
	at := []string{"--db", path, "--at", "2026-12-04"}
	code, out, stderr := run(t, "fr", append([]string{"cheque", "list"}, at...)...)
	if code != 0 || !strings.Contains(out, "CH2026-0001") || !strings.Contains(out, "Demander le certificat de non-paiement — à faire depuis le 28/11/2026") {
		t.Fatalf("list: %d %s %s", code, out, stderr)
	}
	code, out, _ = run(t, "en", append([]string{"cheque", "list", "--format", "json"}, at...)...)
	var doc struct {
		AsOf    string `json:"as_of"`
		Cheques []struct {
			ID   string `json:"id"`
			Next struct {
				Kind, Status, From, Rule string
			} `json:"next"`
			Days  int `json:"days_to_next"`
			Steps []struct{ Kind, Status string }
		} `json:"cheques"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &doc) != nil || len(doc.Cheques) != 1 {
		t.Fatalf("json: %d %s", code, out)
	}
	if c := doc.Cheques[0]; c.Next.Kind != "cert_requested" || c.Next.Status != "due" || c.Next.From != "2026-11-28" ||
		c.Days != -6 || c.Next.Rule != "CMF L131-73" || len(c.Steps) != 8 {
		t.Errorf("json cheque %+v", c)
	}
	customer := func() string {
		_, out, _ := run(t, "en", append([]string{"cheque", "list", "--format", "json"}, at...)...)
		var d struct {
			Cheques []struct{ Customer string } `json:"cheques"`
		}
		_ = json.Unmarshal([]byte(out), &d)
		return d.Cheques[0].Customer
	}()
	// Bad input: named, nothing written.
	add := append([]string{"cheque", "add", "--customer", customer, "--number", "42", "--presented", "02/11/2026",
		"--rejected", "05/11/2026"}, at...)
	code, _, stderr = run(t, "fr", append(append([]string{}, add...), "--amount", "beaucoup")...)
	if code != 1 || !strings.Contains(stderr, "« montant »") || !strings.Contains(stderr, "« beaucoup »") {
		t.Errorf("bad amount: %d %s", code, stderr)
	}
	code, _, stderr = run(t, "fr", "cheque", "add", "--db", path, "--customer", customer)
	if code != 2 || !strings.Contains(stderr, "--number") {
		t.Errorf("missing flag: %d %s", code, stderr)
	}
	code, out, stderr = run(t, "fr", append(append([]string{}, add...), "--amount", "250,00", "--bank", "CIC")...)
	if code != 0 || !strings.Contains(out, "CH2026-0002") || !strings.Contains(out, "à faire depuis le 03/12/2026") {
		t.Fatalf("add: %d %s %s", code, out, stderr)
	}
	step := []string{"cheque", "step", "--db", path, "--at", "2026-12-04", "--id", "CH2026-0001"}
	code, _, stderr = run(t, "fr", append(append([]string{}, step...), "--step", "signification", "--date", "01/12/2026")...)
	if code != 1 || !strings.Contains(stderr, "certificat de non-paiement obtenu") {
		t.Errorf("served before the certificate: %d %s", code, stderr)
	}
	code, out, stderr = run(t, "fr", append(append([]string{}, step...), "--step", "certificat demandé", "--date", "28/11/2026")...)
	if code != 0 || !strings.Contains(out, "Recevoir le certificat de la banque") || !strings.Contains(out, "13/12/2026") {
		t.Errorf("step: %d %s %s", code, out, stderr)
	}
	pdf := filepath.Join(t.TempDir(), "lettre.pdf")
	code, out, stderr = run(t, "fr", "cheque", "letter", "--db", path, "--at", "2026-12-04", "--id", "CH2026-0001", "--out", pdf, "--by", "Claire")
	if code != 0 || !strings.Contains(out, "LT0000") {
		t.Fatalf("letter: %d %s %s", code, out, stderr)
	}
	if txt := strings.Join(strings.Fields(pdfText(t, pdf)), " "); !strings.Contains(txt, "L131-73") || !strings.Contains(txt, "chèque impayé 8841207") {
		t.Errorf("PDF: %s", txt[:min(600, len(txt))])
	}
	code, out, _ = run(t, "fr", append([]string{"cheque", "list"}, at...)...)
	if code != 0 || !strings.Contains(out, "CH2026-0002") {
		t.Errorf("list after: %s", out)
	}
	if code, _, stderr := run(t, "fr", "cheque", "nope"); code != 2 || !strings.Contains(stderr, "« nope »") {
		t.Errorf("unknown subcommand: %d %s", code, stderr)
	}
}
