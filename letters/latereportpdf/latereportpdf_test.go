package latereportpdf

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
	"relance/ledger/dispute"
	"relance/ledger/latereport"
	"relance/letters/pdfdoc"
)

// demoReport is the demo's table at 31/10/2026, the demo anchored at 23/11/2026 (the
// figures ledger/latereport's tests pin).
func demoReport(t *testing.T) (*ledger.Book, *latereport.Report) {
	t.Helper()
	today := ledger.NewDate(2026, time.November, 23)
	book := demo.Book(today)
	ds, _ := demo.Disputes(book, today)
	r, err := latereport.Compute(book, latereport.Options{Closing: ledger.NewDate(2026, time.October, 31),
		Disputed: dispute.NewIndex(ds).DisputedFunc()})
	if err != nil {
		t.Fatal(err)
	}
	return book, r
}

// pdfText is the PDF's text by pdftotext -layout, spaces normalised.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	path := filepath.Join(t.TempDir(), "t.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.NewReplacer("\u202f", " ", "\u00a0", " ").Replace(string(out))
}

func TestPDFHoldsTheFigures(t *testing.T) {
	book, r := demoReport(t)
	cases := map[string][]string{
		"fr": {"Délais de paiement clients", "Société Exemple", "1 à 30 jours", "91 jours et plus", "Total (1 jour et plus)",
			"Nombre de factures concernées", "83", "40", "20", "87", "230",
			"339 884,86 €", "121 229,36 €", "32 168,11 €", "144 588,79 €", "637 871,12 €", "5,71 %",
			"Nombre des factures exclues", "14", "38 018,08 €", "Délais contractuels", "30 jours nets", "Délais légaux",
			"11 174 034,59 €", "01/11/2025", "31/10/2026", "4 205,00 €"},
		"en": {"Customer payment terms", "1 to 30 days", "91 days and more", "Number of invoices concerned",
			"€339,884.86", "€32,168.11", "€637,871.12", "5.71%", "€38,018.08", "Contractual terms", "30 days net",
			"€11,174,034.59", "2025-11-01", "2026-10-31"},
	}
	for lang, want := range cases {
		var buf bytes.Buffer
		f := pdfdoc.NewFactory()
		if err := Render(&buf, book.Settings, r, Options{Lang: lang, Factory: f}); err != nil {
			t.Fatal(err)
		}
		if f.Replaced() != nil {
			t.Errorf("%s: characters replaced %q", lang, f.Replaced())
		}
		text := pdfText(t, buf.Bytes())
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: %q missing from the PDF:\n%s", lang, w, text)
			}
		}
		for _, bad := range []string{"…", "latereport."} {
			if strings.Contains(text, bad) {
				t.Errorf("%s: %q in the PDF (cut or untranslated text):\n%s", lang, bad, text)
			}
		}
		if os.Getenv("LATEREPORT_PDF_OUT") != "" {
			if err := os.WriteFile(filepath.Join(os.Getenv("LATEREPORT_PDF_OUT"), "latereport-"+lang+".pdf"), buf.Bytes(), 0o600); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// Without a turnover the percentages say "n.c." and the note says why.
func TestPDFWithoutTurnover(t *testing.T) {
	book, r := demoReport(t)
	r.Turnover, r.TurnoverSource = 0, latereport.TurnoverUnknown
	var buf bytes.Buffer
	if err := Render(&buf, book.Settings, r, Options{Lang: "fr"}); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, buf.Bytes())
	if strings.Count(text, "n.c.") != 5 || !strings.Contains(text, "non calculable") {
		t.Errorf("no turnover:\n%s", text)
	}
}

// Two renders of the same table are byte-identical (the creation date is the closing's).
func TestPDFReproducible(t *testing.T) {
	book, r := demoReport(t)
	var a, b bytes.Buffer
	if err := Render(&a, book.Settings, r, Options{Lang: "fr"}); err != nil {
		t.Fatal(err)
	}
	if err := Render(&b, book.Settings, r, Options{Lang: "fr"}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two renders differ")
	}
}
