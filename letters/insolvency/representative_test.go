package insolvency

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/demo"
	"relance/ledger/store"
)

// TestClaimLegalRepresentative: the claim is made for the company represented by its
// legal representative, or says the settings name none.
func TestClaimLegalRepresentative(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	today := ledger.NewDate(2026, time.November, 23)
	path := filepath.Join(t.TempDir(), "d.db")
	if err := demo.Create(path, today); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	book, err := db.Load()
	if err != nil {
		t.Fatal(err)
	}
	ps, err := db.LoadProcedures()
	if err != nil || len(ps) == 0 {
		t.Fatalf("demo procedures %v %v", ps, err)
	}
	p, err := Procedure(db, ps[0].Customer, today)
	if err != nil {
		t.Fatal(err)
	}
	rates, err := db.Rates()
	if err != nil {
		t.Fatal(err)
	}
	text := func() string {
		var buf bytes.Buffer
		if err := RenderClaim(&buf, book, book.Account(p.Customer), *p, rates, today, Options{}); err != nil {
			t.Fatal(err)
		}
		f := filepath.Join(t.TempDir(), "claim.pdf")
		if err := os.WriteFile(f, buf.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("pdftotext", f, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		return strings.Join(strings.Fields(string(out)), " ")
	}
	book.Settings.Company.LegalForm = "SARL"
	book.Settings.Representative = ledger.Representative{}
	if txt := text(); !strings.Contains(txt, "REPRÉSENTANT LÉGAL NON RENSEIGNÉ") {
		t.Errorf("missing representative not reported: %s", txt)
	}
	book.Settings.Representative = ledger.Representative{Name: "Paul Durand"}
	if txt := text(); !strings.Contains(txt, "représentée par Paul Durand, Gérant") || strings.Contains(txt, "NON RENSEIGNÉ") {
		t.Errorf("gérant not named: %s", txt)
	}
}
