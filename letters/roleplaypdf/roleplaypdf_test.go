package roleplaypdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/roleplay"
)

func pdfText(t *testing.T, b []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	p := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", p, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func cards() roleplay.Cards {
	asOf := ledger.NewDate(2026, time.December, 4)
	s := roleplay.Situation{Customer: "C1", Name: "Ørsted & Fils – Société d’Économie Mixte", Contact: "M. Roux (Comptabilité)",
		AsOf: asOf, Balance: 250000, Overdue: 200000, Undisputed: 120000, Oldest: ledger.NewDate(2026, time.October, 1),
		Invoices: []roleplay.Invoice{{Number: "F1", Due: ledger.NewDate(2026, time.October, 1), Open: 120000, DaysLate: 64},
			{Number: "F2", Due: ledger.NewDate(2026, time.November, 15), Open: 80000, DaysLate: 19, Disputed: true}},
		Broken: []roleplay.Promise{{Made: ledger.NewDate(2026, time.October, 10), Due: ledger.NewDate(2026, time.October, 20), Amount: 120000}}}
	return roleplay.Make(s, roleplay.Aggressive)
}

func TestRolePlayCardsPDF(t *testing.T) {
	var buf bytes.Buffer
	p := Print{Company: ledger.Company{Name: "Société Exemple SAS"}, Currency: "EUR"}
	if err := Cards(&buf, p, cards(), nil); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("ROLEPLAY_PDF_DIR"); dir != "" {
		_ = os.WriteFile(filepath.Join(dir, "cards.pdf"), buf.Bytes(), 0o600)
	}
	txt := pdfText(t, buf.Bytes())
	for _, want := range []string{"Ørsted & Fils", "Fiche du stagiaire", "Fiche du formateur", "1 200,00", "12/12/2026",
		"Agressif", "Encore vous", "Si je vous ai bien compris", "Grille d’observation", "Promesse non tenue", "en litige"} {
		if !strings.Contains(txt, want) {
			t.Errorf("cards PDF lacks %q", want)
		}
	}
	// The trainee's pages do not give the profile away.
	if first := strings.Split(txt, "Fiche du formateur")[0]; strings.Contains(first, "Agressif") {
		t.Error("the trainee's card names the profile")
	}
}

func TestRolePlayGridPDF(t *testing.T) {
	g := roleplay.Grid{Customer: "C1", Profile: roleplay.Talkative, Contact: true, Understand: true, Open: true,
		Reformulated: true, Amount: 120000, Tone: 1, Notes: "A bien recentré le client."}
	var buf bytes.Buffer
	p := Print{Company: ledger.Company{Name: "Société Exemple SAS"}, Currency: "EUR", Lang: "en"}
	if err := Grid(&buf, p, Observed{Trainee: "Léa Martin", Name: "Dupont SARL", AsOf: ledger.NewDate(2026, time.December, 4), Grid: g}, nil); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("ROLEPLAY_PDF_DIR"); dir != "" {
		_ = os.WriteFile(filepath.Join(dir, "grid.pdf"), buf.Bytes(), 0o600)
	}
	txt := pdfText(t, buf.Bytes())
	// 4 + 1 + 2 + 1 (amount without date) + 1 = 9 / 19, 9.5 out of 20.
	for _, want := range []string{"Léa Martin", "Score: 9 / 19", "9.5 out of 20", "Talkative", "recentré", "€1,200.00"} {
		if !strings.Contains(txt, want) {
			t.Errorf("grid PDF lacks %q:\n%s", want, txt)
		}
	}
}
