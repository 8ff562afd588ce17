package agedpdf

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
	"relance/ledger/demo"
)

// fromAged is the adapter a caller (cli/aged.go) writes from the credit package.
func fromAged(ag *credit.Aged) Report {
	r := Report{AsOf: ag.AsOf}
	for _, rg := range ag.Ranges {
		r.Ranges = append(r.Ranges, Range{From: rg.From, To: rg.To})
	}
	for _, l := range ag.Lines {
		r.Lines = append(r.Lines, Line{ID: l.Customer.ID, Name: l.Customer.Name, NotDue: l.Buckets.NotDue,
			Late: append([]ledger.Cents(nil), l.Buckets.Late...), Credits: l.Buckets.Credits})
	}
	return r
}

func TestAgedPDF(t *testing.T) {
	today := ledger.NewDate(2026, time.November, 23)
	book := demo.Book(today)
	ag := credit.AgedBalance(book, today, nil)
	rep := fromAged(ag)
	rep.Lines[0].Name = strings.Repeat("Nom de client extrêmement long ", 8) // must not overflow
	var a, b bytes.Buffer
	if err := Render(&a, book.Settings, rep, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := Render(&b, book.Settings, rep, Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two renders differ")
	}
	if tot := rep.Total(); tot.Balance() != ag.Total.Total() {
		t.Errorf("total %v, credit says %v", tot.Balance(), ag.Total.Total())
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	path := filepath.Join(t.TempDir(), "aged.pdf")
	if dir := os.Getenv("RELANCE_PDF_OUT"); dir != "" {
		path = filepath.Join(dir, "aged-fr.pdf")
	}
	if err := os.WriteFile(path, a.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.NewReplacer("\u202f", " ", "\u00a0", " ").Replace(string(out))
	want := []string{"Balance âgée des clients au 23/11/2026", "Société Exemple SAS", "Non échu", "> 90 j",
		strings.NewReplacer("\u202f", " ", "\u00a0", " ").Replace(ag.Total.Total().Format("fr", "EUR")), "Page 1/"}
	for _, l := range ag.Lines[1:] {
		want = append(want, l.Customer.ID)
	}
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%q missing", w)
		}
	}
}
