package judgmentpdf

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
	"relance/ledger/law"
)

// The statement for the commissaire de justice, in French and in English: the parties,
// the decision, the L313-3 lines, a capitalisation and a payment with its imputation,
// the total and the L111-4 deadline, nothing cut with « … ». RELANCE_PDF_DIR=dir keeps
// the PDFs to look at.
func TestRender(t *testing.T) {
	today := ledger.NewDate(2026, time.June, 30)
	book := demo.Book(today)
	acc := business(book)
	j := law.Judgment{ID: "JG2025-0001", Customer: acc.Customer.ID, Kind: law.JudgmentMerits, Court: "Tribunal de commerce de Lyon",
		Ref: "RG 2025/01234", Decision: ledger.NewDate(2025, time.March, 10), Enforceable: ledger.NewDate(2025, time.April, 15),
		Principal: 1000000, Interest: law.InterestLegal, Indemnity: 4000, Art700: 150000, Costs: 9538, Capitalise: true,
		Payments: []law.JudgmentPayment{{Date: ledger.NewDate(2025, time.October, 1), Amount: 300000, Ref: "Virement CJ"}}}
	r, err := law.DefaultRates()
	if err != nil {
		t.Fatal(err)
	}
	d, err := law.ComputeJudgment(r, j, today, "EUR")
	if err != nil {
		t.Fatal(err)
	}
	// The payment settles the costs (art. 700 and indemnity with their interest): only
	// the principal's interest is left to capitalise on the anniversary.
	if len(d.Events) != 2 || d.Events[1].Kind != law.JudgmentCapitalised {
		t.Fatalf("events %+v", d.Events)
	}
	for _, lang := range []string{"fr", "en"} {
		var buf bytes.Buffer
		if err := Render(&buf, book, d, lang, Options{}); err != nil {
			t.Fatal(err)
		}
		var again bytes.Buffer
		if err := Render(&again, book, d, lang, Options{}); err != nil || !bytes.Equal(buf.Bytes(), again.Bytes()) {
			t.Errorf("%s: output not reproducible (%v)", lang, err)
		}
		dir := os.Getenv("RELANCE_PDF_DIR")
		if dir == "" {
			dir = t.TempDir()
		}
		path := filepath.Join(dir, "judgment-"+lang+".pdf")
		if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := exec.LookPath("pdftotext"); err != nil {
			continue
		}
		out, err := exec.Command("pdftotext", path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		txt := strings.Join(strings.Fields(string(out)), " ")
		want := map[string][]string{
			"fr": {"Décompte après jugement", acc.Customer.Name, book.Settings.Company.Name, "Tribunal de commerce de Lyon",
				"RG 2025/01234", "15 avril 2025", "16 juin 2025", "CMF L313-2, L313-3", "Capitalisation des intérêts — Principal",
				"Virement CJ", "CPCE L111-4", "15 avril 2035", "C. civ. 1343-2", "C. civ. 1343-1", "C. civ. 1231-7",
				"Article 700 du CPC", "Dépens", "Total dû au 30/06/2026"},
			"en": {"Post-judgment statement", "15 April 2025", "16 June 2025", "CMF L313-2, L313-3", "Interest capitalised — Principal",
				"CPCE L111-4", "15 April 2035", "Art. 700 CPC", "Total due on"},
		}[lang]
		for _, w := range want {
			if !strings.Contains(txt, w) {
				t.Errorf("%s: PDF lacks %q", lang, w)
			}
		}
		if i := strings.Index(txt, "…"); i >= 0 {
			t.Errorf("%s: a text is cut: %q", lang, txt[max(0, i-80):i+3])
		}
		if strings.Contains(txt, "judgment.") {
			t.Errorf("%s: a catalogue key is printed", lang)
		}
	}
}

// business is the demo's first business customer (enforcement against a public body
// is another matter: mandatement d'office).
func business(book *ledger.Book) *ledger.Account {
	for _, a := range book.Accounts {
		if a.Customer.Kind == ledger.Business && a.Customer.SIREN != "" {
			return a
		}
	}
	return book.Accounts[0]
}
