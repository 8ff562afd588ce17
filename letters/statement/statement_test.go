package statement

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/credit"
	"relance/ledger/demo"
	"relance/letters/pdfdoc"
)

var today = ledger.NewDate(2026, time.November, 23)

// pdfText extracts the text of a PDF with pdftotext, skipping the test without it.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	path := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	// Normalise the no-break spaces so that amounts compare with plain spaces.
	return strings.NewReplacer("\u202f", " ", "\u00a0", " ").Replace(string(out))
}

func plain(s string) string { return strings.NewReplacer("\u202f", " ", "\u00a0", " ").Replace(s) }

// customers returns a French customer with overdue items and the English ones.
func customers(t *testing.T, book *ledger.Book) (fr *ledger.Account, en []*ledger.Account) {
	for _, a := range book.Accounts {
		switch {
		case a.Customer.Lang == "en":
			en = append(en, a)
		case fr == nil && a.Customer.Kind == ledger.Business && HasOverdue(a, today) && len(credit.OpenAt(a, today)) >= 4:
			fr = a
		}
	}
	if fr == nil || len(en) == 0 {
		t.Fatal("demo: no French customer with overdue items or no English customer")
	}
	return fr, en
}

func render(t *testing.T, book *ledger.Book, id string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, book, id, today, Options{}); err != nil {
		t.Fatalf("render %s: %v", id, err)
	}
	return buf.Bytes()
}

func TestStatementText(t *testing.T) {
	book := demo.Book(today)
	fr, en := customers(t, book)
	for _, a := range append([]*ledger.Account{fr}, en...) {
		lang := a.Customer.Language()
		pdf := render(t, book, a.Customer.ID)
		text := pdfText(t, pdf)
		if dir := os.Getenv("RELANCE_PDF_OUT"); dir != "" {
			os.WriteFile(filepath.Join(dir, "statement-"+lang+"-"+a.Customer.ID+".pdf"), pdf, 0o644)
		}
		want := []string{a.Customer.Name, book.Settings.Company.IBAN, book.Settings.Company.Name}
		var bal ledger.Cents
		for _, o := range credit.OpenAt(a, today) {
			want = append(want, o.Number)
			bal += o.OpenAt
		}
		if len(want) > 3 {
			want = append(want, plain(bal.Format(lang, book.Settings.Currency)))
		}
		if lang == "fr" {
			want = append(want, "Relevé de compte au 23/11/2026", "Lyon, le 23 novembre 2026", "Page 1/")
		} else {
			want = append(want, "Statement of account at 23 Nov 2026", "Lyon, 23 November 2026")
		}
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s (%s): %q missing from the PDF text", a.Customer.ID, lang, w)
			}
		}
	}
}

func TestStatementReproducible(t *testing.T) {
	book := demo.Book(today)
	fr, en := customers(t, book)
	for _, id := range []string{fr.Customer.ID, en[0].Customer.ID} {
		a, b := render(t, book, id), render(t, book, id)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two renders differ (%d and %d bytes)", id, len(a), len(b))
		}
	}
}

func TestStatementMissingCustomer(t *testing.T) {
	book := demo.Book(today)
	err := Render(&bytes.Buffer{}, book, "NOPE", today, Options{})
	var p *ledger.Problem
	if !errors.As(err, &p) || p.Key != "pdf.err.customer" || !strings.Contains(p.Localize("fr"), "NOPE") {
		t.Fatalf("want a pdf.err.customer problem, got %v", err)
	}
}

func TestRenderAll(t *testing.T) {
	book := demo.Book(today)
	dir := t.TempDir()
	merged := filepath.Join(dir, "all.pdf")
	files, err := RenderAll(dir, book, today, nil, Options{Merged: merged})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, a := range book.Accounts {
		if HasOverdue(a, today) {
			n++
		}
	}
	if n == 0 || len(files) != n+1 || files[len(files)-1] != merged {
		t.Fatalf("%d files for %d customers with overdue items", len(files), n)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != n+1 {
		t.Errorf("%d entries in dir, want %d (temporary files left?)", len(entries), n+1)
	}
	b, err := os.ReadFile(merged)
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, b)
	if got := strings.Count(text, "Page 1/"); got != n {
		t.Errorf("merged: %d first pages, want %d", got, n)
	}
}

// BenchmarkStatement renders the demo statements one PDF each, on one goroutine.
func BenchmarkStatement(b *testing.B) {
	book := demo.Book(today)
	opt := Options{Factory: pdfdocFactory()}
	var buf bytes.Buffer
	i := 0
	for b.Loop() {
		buf.Reset()
		a := book.Accounts[i%len(book.Accounts)]
		if err := Render(&buf, book, a.Customer.ID, today, opt); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "statements/s")
}

func pdfdocFactory() *pdfdoc.Factory { return pdfdoc.NewFactory() }
