package injonction

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"relance/ledger"
)

// pdfText extracts a PDF's text, words separated by single spaces ("" without pdftotext).
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	path := filepath.Join(t.TempDir(), "p.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// TestPackLegalRepresentative names the SAS's président as its legal representative
// (capacity from the legal form) and, when the settings name none, says it is missing
// instead of naming the collection manager who signs the letters.
func TestPackLegalRepresentative(t *testing.T) {
	db, book := demoDB(t)
	id := noticeCustomer(t, db)
	book.Settings.Company.LegalForm = "SAS"
	book.Settings.Signatory = ledger.Signatory{Name: "Claire Recouvrement", Title: "Responsable du recouvrement"}
	render := func(lang string) string {
		p, err := Prepare(db, book, id, today, nil)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := Render(&buf, book, p, lang, Options{}); err != nil {
			t.Fatal(err)
		}
		return pdfText(t, buf.Bytes())
	}
	book.Settings.Representative = ledger.Representative{}
	txt := render("fr")
	if !strings.Contains(txt, "REPRÉSENTANT LÉGAL NON RENSEIGNÉ") || !strings.Contains(txt, "représentant légal de la société n'est pas renseigné") {
		t.Errorf("missing representative not reported: %s", txt)
	}
	if strings.Contains(txt, "Claire Recouvrement") {
		t.Error("the collection manager is named in the pack")
	}
	if en := render("en"); !strings.Contains(en, "LEGAL REPRESENTATIVE MISSING") {
		t.Error("English pack does not report the missing representative")
	}
	book.Settings.Representative = ledger.Representative{Name: "Jeanne Martin"}
	txt = render("fr")
	if !strings.Contains(txt, "Jeanne Martin, Président") {
		t.Errorf("président not named: %s", txt)
	}
	if strings.Contains(txt, "NON RENSEIGNÉ") || strings.Contains(txt, "Claire Recouvrement") {
		t.Error("pack still says the representative is missing, or names the signatory")
	}
	book.Settings.Representative.Capacity = "Présidente"
	if txt = render("fr"); !strings.Contains(txt, "Jeanne Martin, Présidente") {
		t.Error("capacity typed in the settings not used")
	}
}
