package penaltyinvoice

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/credit"
	"relance/ledger/law"
)

// pdfText returns the text of a PDF by pdftotext -layout.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	path := filepath.Join(t.TempDir(), "p.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func day(s string) ledger.Date {
	d, err := ledger.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// The PDF names the creditor and the debtor, the number, every invoice and payment,
// the décompte, the totals, the VAT mention and the payment terms, in French and in
// English, with nothing cut.
func TestRenderFrenchAndEnglish(t *testing.T) {
	r, err := law.DefaultRates()
	if err != nil {
		t.Fatal(err)
	}
	acc := &ledger.Account{Customer: ledger.Customer{ID: "C9", Name: "Garage Dupuy SAS", Kind: ledger.Business, SIREN: "552100554",
		Address: ledger.Address{Lines: []string{"3 rue des Forges"}, Postcode: "69003", City: "Lyon", Country: "FR"}},
		Items: []ledger.Item{
			{ID: "I1", Kind: ledger.Invoice, Number: "FA-100", DocDate: day("2025-05-16"), DueDate: day("2025-06-15"), Amount: 1000000, Match: "A", Settled: day("2025-08-15")},
			{ID: "P1", Kind: ledger.Payment, DocDate: day("2025-06-25"), DueDate: day("2025-06-25"), Amount: -400000, Match: "A", Settled: day("2025-08-15")},
			{ID: "P2", Kind: ledger.Payment, DocDate: day("2025-08-15"), DueDate: day("2025-08-15"), Amount: -600000, Match: "A", Settled: day("2025-08-15")},
		}}
	pi, err := law.BuildPenaltyInvoice(r, acc, law.PenaltyInput{AsOf: day("2025-12-01")}, credit.OpenAtMap)
	if err != nil || pi.Empty() {
		t.Fatalf("%+v %v", pi, err)
	}
	pi.Number, pi.From = "ND-2025-0001", day("2025-06-01")
	book := &ledger.Book{Settings: ledger.DefaultSettings()}
	book.Settings.Company = ledger.Company{Name: "Relance Démo SAS", LegalForm: "SAS", SIREN: "123456789", RCSCity: "RCS Lyon",
		Address: ledger.Address{Lines: []string{"1 place Bellecour"}, Postcode: "69002", City: "Lyon"}, IBAN: "FR76 3000 4000 0500 0012 3456 789", BIC: "BNPAFRPP"}
	book.Settings.Signatory = ledger.Signatory{Name: "Claire Martin", Title: "Responsable du recouvrement"}
	for lang, want := range map[string][]string{
		"fr": {"Facture de pénalités de retard", "ND-2025-0001", "Garage Dupuy SAS", "Relance Démo SAS", "FA-100", "25/06/2025",
			"15/08/2025", "138,71", "40,00", "178,71", "non soumise à la TVA", "CGI art. 256 I", "L441-10", "FR76 3000 4000 0500 0012 3456 789",
			"Payable à réception", "à partir du 01/06/2025"},
		"en": {"Late payment interest invoice", "ND-2025-0001", "25 Jun 2025", "138.71", "178.71", "Not subject to VAT", "Payable on receipt", "from 1 Jun 2025"},
	} {
		var buf bytes.Buffer
		if err := Render(&buf, book, acc, pi, lang, Options{Created: time.Date(2025, 12, 1, 12, 0, 0, 0, time.UTC)}); err != nil {
			t.Fatal(err)
		}
		text := pdfText(t, buf.Bytes())
		flat := strings.Join(strings.Fields(text), " ")
		for _, w := range want {
			if !strings.Contains(flat, strings.Join(strings.Fields(w), " ")) {
				t.Errorf("%s: %q missing:\n%s", lang, w, text)
			}
		}
		if strings.Contains(text, "…") {
			t.Errorf("%s: a cell was cut:\n%s", lang, text)
		}
	}
	empty := &law.PenaltyInvoice{Customer: "C9", Name: "Garage Dupuy SAS"}
	if err := Render(&bytes.Buffer{}, book, acc, empty, "fr", Options{}); err == nil {
		t.Error("a penalty invoice billing nothing was rendered")
	}
}
