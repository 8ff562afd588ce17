package letterpdf

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"relance/ledger"
	"relance/ledger/demo"
	"relance/letters/check"
	"relance/letters/compose"
	"relance/letters/grammar"
	"relance/letters/pdfdoc"
	"relance/letters/spell"
	"relance/letters/templates"
)

// TestOwnLettersPassTheChecker renders every shipped template (10 stages × French and
// English) for four demo customers — a business, a consumer, a public body and a business
// abroad — and checks each letter twice, as the editor does (its plain text) and as a
// trainer pasting it from the PDF does (the PDF's text): no error or blocking finding,
// with the speller, and Grammalecte when it is installed.
func TestOwnLettersPassTheChecker(t *testing.T) {
	book := demo.Book(today)
	e, err := check.New()
	if err != nil {
		t.Fatal(err)
	}
	f := pdfdoc.NewFactory()
	// the speller (libhunspell, embedded dictionaries) as the window runs it
	sp, err := spell.New(spell.Options{})
	if err != nil {
		t.Fatalf("speller: %v", err)
	}
	// Grammalecte, when installed, reads the French letters as well
	var gram check.Grammar
	if grammar.Available(grammar.Options{}) == nil {
		g := grammar.New(grammar.Options{})
		defer g.Close()
		gram = check.Grammalecte(g)
	}
	pick := func(foreign bool, kind ledger.CustomerKind, overdue bool) *ledger.Account {
		for _, a := range book.Accounts {
			abroad := a.Customer.Address.Country != "" && a.Customer.Address.Country != "FR"
			if a.Customer.Kind != kind || abroad != foreign {
				continue
			}
			for _, it := range a.Items {
				if it.Kind == ledger.Invoice && it.Open > 0 && it.OverdueAt(today) == overdue && it.Number != "" {
					return a
				}
			}
		}
		return nil
	}
	audiences := []struct {
		name    string
		kind    ledger.CustomerKind
		foreign bool
	}{{"business", ledger.Business, false}, {"consumer", ledger.Consumer, false}, {"public", ledger.PublicBody, false}, {"foreign", ledger.Business, true}}
	n := 0
	for _, au := range audiences {
		for _, stage := range templates.Stages() {
			acc := pick(au.foreign, au.kind, stage != templates.Pre)
			if acc == nil {
				t.Fatalf("no demo %s customer for %s", au.name, stage)
			}
			for _, lang := range templates.Languages {
				l, err := compose.Compose(input(t, book, acc.Customer.ID, stage, lang))
				if err != nil {
					t.Errorf("%s %s %s: %v", au.name, stage, lang, ledger.Localize(err, "en"))
					continue
				}
				var buf bytes.Buffer
				if err := Render(&buf, l, Options{Factory: f}); err != nil {
					t.Fatal(err)
				}
				opt := check.Options{Lang: lang, Date: l.Date, Speller: sp}
				if lang == "fr" {
					opt.Grammar = gram
				}
				if st, ok := check.ParseStage(string(stage)); ok {
					opt.Stage = st
				}
				opt.ForCustomer(acc)
				pdfText := pdfRawText(t, buf.Bytes())
				if i := strings.Index(pdfText, "…"); i >= 0 {
					t.Errorf("%s %s %s: the PDF cuts a text: %q", au.name, stage, lang, pdfText[max(0, i-60):i+3])
				}
				for _, src := range []struct{ name, text string }{{"text", l.PlainText()}, {"pdf", pdfText}} {
					if dir := os.Getenv("LETTERS_OUT"); dir != "" { // to read them
						name := filepath.Join(dir, au.name+"_"+string(stage)+"_"+lang+"_"+src.name+".txt")
						if err := os.WriteFile(name, []byte(src.text), 0o644); err != nil {
							t.Fatal(err)
						}
					}
					res := e.Check(src.text, opt)
					n++
					for _, fd := range res.Findings {
						if fd.Severity < check.Error {
							continue
						}
						span := ""
						if fd.Start >= 0 {
							span = string([]rune(src.text)[fd.Start:fd.End])
						}
						t.Errorf("%s %s %s %s (%s): %s %s %q: %s", au.name, acc.Customer.ID, stage, lang, src.name, fd.Severity, fd.Rule, span, fd.Message)
					}
				}
			}
		}
	}
	t.Logf("%d letters checked", n)
}

// pdfRawText is the PDF's text in reading order, as a PDF viewer copies it.
func pdfRawText(t testing.TB, pdf []byte) string {
	t.Helper()
	return strings.TrimSpace(pdfTextMode(t, pdf, "-raw"))
}
