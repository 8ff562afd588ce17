package chequeletter

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/cheque"
	"relance/ledger/credit"
	"relance/ledger/demo/demotest"
	"relance/letters/check"
	"relance/letters/letterpdf"
)

var today = ledger.NewDate(2026, time.December, 4)

// fixture is a demo customer of kind kind with an overdue invoice, and a cheque that
// was to pay it, presented 37 days before today and rejected 35 days before.
func fixture(t *testing.T, kind ledger.CustomerKind) (*ledger.Book, *ledger.Account, *cheque.Cheque) {
	t.Helper()
	_, book := demotest.Open(t, today)
	for _, a := range book.Accounts {
		if a.Customer.Kind != kind || a.Customer.GoverningLaw() != "FR" || a.Customer.Address.City == "" {
			continue
		}
		for _, o := range credit.OpenAt(a, today) {
			if o.Kind == ledger.Invoice && o.OpenAt > 0 && o.DueDate.Valid() && o.DueDate < today.AddDays(-40) {
				return book, a, &cheque.Cheque{ID: "CH2026-0001", Customer: a.Customer.ID, Number: "0004711",
					Bank: "Banque Populaire", Amount: o.OpenAt, Written: today.AddDays(-39), Presented: today.AddDays(-37),
					Rejected: today.AddDays(-35), Reason: cheque.NoFunds, Invoices: []string{o.ID}}
			}
		}
	}
	t.Fatalf("no %s customer with an overdue invoice", kind)
	return nil, nil, nil
}

// The letter to the drawer passes the app's own letter checker, as a formal notice,
// in both languages and at each stage of the procedure, for a business and a consumer.
func TestLetterPassesTheChecker(t *testing.T) {
	engine, err := check.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range []ledger.CustomerKind{ledger.Business, ledger.Consumer} {
		book, acct, c := fixture(t, kind)
		stages := map[string]func(c *cheque.Cheque){
			"before":    func(c *cheque.Cheque) { c.Presented, c.Rejected = today.AddDays(-10), today.AddDays(-8) },
			"now":       func(*cheque.Cheque) {},
			"requested": func(c *cheque.Cheque) { c.CertRequested = today.AddDays(-3) },
			"obtained": func(c *cheque.Cheque) {
				c.CertRequested, c.CertObtained = today.AddDays(-5), today.AddDays(-2)
			},
			"served": func(c *cheque.Cheque) {
				c.CertRequested, c.CertObtained, c.Served = today.AddDays(-5), today.AddDays(-3), today.AddDays(-1)
			},
		}
		for name, change := range stages {
			for _, lang := range []string{"fr", "en"} {
				ch := *c
				change(&ch)
				l, err := Build(book, acct, &ch, today, lang)
				if err != nil {
					t.Fatal(err)
				}
				opt := check.Options{Lang: lang, MessageLang: "en", Stage: check.StageMED, Date: today}
				opt.ForCustomer(acct)
				res := engine.Check(l.PlainText(), opt)
				for _, f := range res.Findings {
					if f.Severity >= check.Warning {
						t.Errorf("%s %s %s: %s %s: %s", kind, name, lang, f.Severity, f.Rule, f.Message)
					}
				}
				if n := res.Count(check.Error); n > 0 {
					t.Errorf("%s %s %s: %d errors", kind, name, lang, n)
				}
			}
		}
	}
}

// The letter says where the procedure stands and cites L131-73; the PDF draws it with
// the invoice the cheque was to pay.
func TestLetterTextAndPDF(t *testing.T) {
	book, acct, c := fixture(t, ledger.Business)
	l, err := Build(book, acct, c, today, "fr")
	if err != nil {
		t.Fatal(err)
	}
	text := l.PlainText()
	for _, want := range []string{"chèque impayé 0004711", "Banque Populaire", "L131-73", "commandement de payer", "titre exécutoire",
		"défaut ou insuffisance de provision", "19 décembre 2026"} {
		if !strings.Contains(text, want) {
			t.Errorf("letter lacks %q:\n%s", want, text)
		}
	}
	if len(l.Invoices) != 1 || l.Totals.Claimed != c.Amount || l.Reference != "CH2026-0001" {
		t.Errorf("invoices %+v totals %+v", l.Invoices, l.Totals)
	}
	var pdf bytes.Buffer
	if err := letterpdf.Render(&pdf, l, letterpdf.Options{}); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("CHEQUE_PDF_DIR"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, "cheque-letter.pdf"), pdf.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		return
	}
	f := filepath.Join(t.TempDir(), "l.pdf")
	if err := os.WriteFile(f, pdf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", f, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if s := string(out); !strings.Contains(s, "0004711") || !strings.Contains(s, acct.Customer.Name) {
		t.Errorf("PDF text:\n%s", s)
	}
}

// A customer's hostile name reaches the letter and its PDF without failing.
func TestLetterAnyName(t *testing.T) {
	book, acct, c := fixture(t, ledger.Business)
	acct.Customer.Name = "Ωmega Москва 😀 株式会社 \x07"
	l, err := Build(book, acct, c, today, "fr")
	if err != nil {
		t.Fatal(err)
	}
	var pdf bytes.Buffer
	if err := letterpdf.Render(&pdf, l, letterpdf.Options{}); err != nil || pdf.Len() == 0 {
		t.Fatal(err)
	}
}
