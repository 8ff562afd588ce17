package termsheet

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"relance/ledger"
	"relance/ledger/contract"
)

// The sheet carries the customer, the cost of the days asked and the findings, in both
// languages, and renders a name no font has every glyph of.
func TestRender(t *testing.T) {
	asOf := ledger.NewDate(2026, time.December, 4)
	s := Sheet{Company: ledger.Company{Name: "Société Exemple SAS"}, Currency: "EUR", AsOf: asOf,
		Customer: ledger.Customer{ID: "C1", Name: "Ōsaka 株式会社 — Brasserie « L'Étoile »"}, Terms: "45 jours fin de mois",
		Asked: 30, Rate: decimal.RequireFromString("4.5"), YearSales: 36500000, Cash: 3000000, Cost: 135000, Late12m: "12,5 jours",
		Findings: []contract.Finding{{Key: "no_cgv", Rule: "C. com. L441-1"}}}
	for _, lang := range []string{"fr", "en"} {
		s.Lang = lang
		var buf bytes.Buffer
		if err := Render(&buf, s, nil); err != nil {
			t.Fatal(err)
		}
		if _, err := exec.LookPath("pdftotext"); err != nil {
			t.Skip("pdftotext not installed")
		}
		f := filepath.Join(t.TempDir(), "s.pdf")
		if err := os.WriteFile(f, buf.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("pdftotext", f, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.Fields(strings.NewReplacer("\u202f", " ", "\u00a0", " ").Replace(string(out))), " ")
		want := map[string][]string{"fr": {"Négocier les délais de paiement", "30 000,00 €", "1 350,00 €", "L441-1"},
			"en": {"Negotiating payment terms", "€30,000.00", "€1,350.00", "L441-1"}}[lang]
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: %q not in\n%s", lang, w, text)
			}
		}
	}
}
