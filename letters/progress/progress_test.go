package progress

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"relance/ledger"
	"relance/ledger/classroom"
)

func sample() *classroom.Progress {
	d := ledger.NewDate(2026, 12, 4)
	ts := []classroom.Trainee{{ID: "T0001", Name: "Léa Martin", Group: "Lyon – décembre"}, {ID: "T0002", Name: "Bruno Öztürk"}}
	as := []classroom.Attempt{
		{Trainee: "T0001", Kind: classroom.Letter, Exercise: "fr_r1_b2b", Title: "Relance 1 ; ton", Date: d, Score: decimal.RequireFromString("14.5"), OutOf: 20, Seconds: 725},
		{Trainee: "T0001", Kind: classroom.Quiz, Exercise: "Q1", Date: d, Score: decimal.NewFromInt(7), OutOf: 10, Seconds: 40},
	}
	p := classroom.Summarise(ts, as)
	return &p
}

// The CSV opens in a French Excel: BOM, « ; », decimal comma, a field holding « ; »
// quoted.
func TestCSV(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCSV(&b, "fr", sample()); err != nil {
		t.Fatal(err)
	}
	s := b.String()
	if !strings.HasPrefix(s, "\uFEFFGroupe;Stagiaire;Date;") || !strings.Contains(s, "Lyon – décembre;Léa Martin;04/12/2026;Correction de lettre;\"Relance 1 ; ton\";14,5;14,5;20;725\r\n") {
		t.Errorf("csv fr:\n%s", s)
	}
	b.Reset()
	if err := WriteCSV(&b, "en", sample()); err != nil || !strings.Contains(b.String(), ",14,7,10,40") {
		t.Errorf("csv en:\n%s %v", b.String(), err)
	}
	if On20("fr", decimal.RequireFromString("14.50")) != "14,5 / 20" || Duration("fr", 725) != "12 min 05 s" {
		t.Error("formats")
	}
}

// The PDF names each trainee with their attempts and averages.
func TestPDF(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.pdf")
	var b bytes.Buffer
	s := ledger.DefaultSettings()
	s.Company.Name = "Atelier Dumas"
	if err := Render(&b, s, sample(), Options{Lang: "fr", AsOf: ledger.NewDate(2026, 12, 4)}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("PROGRESS_PDF"); dir != "" {
		_ = os.WriteFile(filepath.Join(dir, "progress.pdf"), b.Bytes(), 0o600)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Skip("pdftotext:", err)
	}
	txt := string(out)
	for _, want := range []string{"Progression des stagiaires", "Léa Martin – Lyon – décembre", "14,5 / 20", "14,3 / 20", "Bruno Öztürk", "Aucun exercice", "Sans groupe"} {
		if !strings.Contains(txt, want) {
			t.Errorf("PDF lacks %q:\n%s", want, txt)
		}
	}
}
