package letterpdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/demo"
	"relance/ledger/law"
	"relance/letters/compose"
	"relance/letters/pdfdoc"
	"relance/letters/templates"
)

var today = ledger.NewDate(2026, 11, 23)

// testRates are the embedded tables plus 2026-H2, which the tables do not cover yet
// (a user adds a published half-year the same way). The figures are test data.
func testRates(t testing.TB) *law.Rates {
	t.Helper()
	base, err := law.DefaultRates()
	if err != nil {
		t.Fatal(err)
	}
	nd := func(s string) decimal.NullDecimal { return decimal.NewNullDecimal(decimal.RequireFromString(s)) }
	r, err := base.With(law.HalfYearRates{Half: law.Half{Year: 2026, H: 2}, ECB: nd("2.15"),
		LegalPrivate: nd("6.67"), LegalOther: nd("2.62"), UKBase: nd("3.75")})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// input returns the composer input of stage for a demo customer, with the extra data
// the confirmation, plan and dispute stages need.
func input(t testing.TB, book *ledger.Book, id string, stage templates.Stage, lang string) compose.Input {
	t.Helper()
	acct := book.Account(id)
	if acct == nil {
		t.Fatalf("no customer %s", id)
	}
	in := compose.Input{Settings: book.Settings, Account: acct, Stage: stage, Lang: lang, Date: today, Rates: testRates(t),
		Previous: []compose.Previous{{Date: today.AddDays(-30), Stage: templates.R1}, {Date: today.AddDays(-15), Stage: templates.R2}}}
	switch stage {
	case templates.Conf:
		in.Promise = &compose.Promise{Amount: 50000, Date: today.AddDays(10)}
	case templates.Plan:
		in.Plan = &compose.Plan{Count: 3, First: today.AddDays(15)}
	case templates.Dispute:
		d := &compose.DisputeInfo{Ref: "L2026-0042", Opened: today.AddDays(-2), Reason: strings.ToLower(i18n.T(lang, "dispute.reason.price")), DueBy: today.AddDays(15),
			Items: map[string]ledger.Cents{}}
		for _, it := range acct.Items {
			if it.Kind == ledger.Invoice && it.Open > 0 && it.DueDate < today {
				d.Items[it.ID] = it.Open
				break
			}
		}
		in.Dispute = d
	}
	return in
}

func pdfText(t testing.TB, pdf []byte) string {
	t.Helper()
	return pdfTextMode(t, pdf, "-layout")
}

// pdfTextMode runs pdftotext with mode (-layout, -raw).
func pdfTextMode(t testing.TB, pdf []byte, mode string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	path := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", mode, path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.NewReplacer("\u202f", " ", "\u00a0", " ").Replace(string(out))
}

// Every template renders in French and English for a demo business customer, and the
// PDF's text holds the recipient, every invoice number, the total and, from R2 on,
// the penalty rate and the €40 indemnity.
func TestEveryTemplateRenders(t *testing.T) {
	book := demo.Book(today)
	f := pdfdoc.NewFactory()
	keep := os.Getenv("LETTERS_OUT") // a folder to keep the PDFs in, to look at them
	for _, stage := range templates.Stages() {
		for _, lang := range templates.Languages {
			t.Run(string(stage)+"."+lang, func(t *testing.T) {
				l, err := compose.Compose(input(t, book, "C00030", stage, lang))
				if err != nil {
					t.Fatal(ledger.Localize(err, "en"))
				}
				var buf bytes.Buffer
				if err := Render(&buf, l, Options{Factory: f}); err != nil {
					t.Fatal(err)
				}
				if keep != "" {
					os.WriteFile(filepath.Join(keep, string(stage)+"."+lang+".pdf"), buf.Bytes(), 0o644)
				}
				text := pdfText(t, buf.Bytes())
				flat := strings.Join(strings.Fields(text), " ")
				want := []string{"Agence Renard EURL", l.Reference}
				for _, ln := range l.Invoices {
					want = append(want, ln.Number)
				}
				want = append(want, space(l.Totals.Remaining.Format(lang, "EUR")))
				if stage == templates.R2 || stage == templates.R3 || stage == templates.MED {
					want = append(want, map[string]string{"fr": "12,15 %", "en": "12.15%"}[lang],
						map[string]string{"fr": "40 €", "en": "€40"}[lang])
				}
				if stage == templates.MED {
					want = append(want, map[string]string{"fr": "Lettre recommandée avec demande d’avis de réception",
						"en": "Registered letter with acknowledgement of receipt"}[lang])
				}
				for _, w := range want {
					if !strings.Contains(flat, w) {
						t.Errorf("%q missing from the PDF text:\n%s", w, text)
					}
				}
				if strings.Contains(text, "{") || strings.Contains(text, "}") {
					t.Errorf("an unfilled mark in:\n%s", text)
				}
			})
		}
	}
}

func space(s string) string { return strings.NewReplacer("\u202f", " ", "\u00a0", " ").Replace(s) }

// The statement cover letter encloses the statement of account: its pages follow the
// letter in the same PDF, with their own numbering; other letters enclose nothing.
func TestStatementCoverEnclosesTheStatement(t *testing.T) {
	book := demo.Book(today)
	f := pdfdoc.NewFactory()
	for _, c := range []struct {
		stage templates.Stage
		want  bool
	}{{templates.Statement, true}, {templates.R1, false}} {
		l, err := compose.Compose(input(t, book, "C00030", c.stage, "fr"))
		if err != nil {
			t.Fatal(ledger.Localize(err, "en"))
		}
		var buf bytes.Buffer
		if err := Render(&buf, l, Options{Factory: f, Enclose: EncloseStatement(book)}); err != nil {
			t.Fatal(err)
		}
		text := pdfText(t, buf.Bytes())
		if got := strings.Contains(text, "Relevé de compte au"); got != c.want {
			t.Errorf("%s: statement enclosed %v, want %v", c.stage, got, c.want)
		}
	}
}
