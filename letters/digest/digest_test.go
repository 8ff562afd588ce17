package digest

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
)

var today = ledger.NewDate(2026, time.November, 23)

func pdfText(t *testing.T, b []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	path := filepath.Join(t.TempDir(), "x.pdf")
	os.WriteFile(path, b, 0o644)
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.NewReplacer("\u202f", " ", "\u00a0", " ").Replace(string(out))
}

func TestDigestAndAck(t *testing.T) {
	book := demo.Book(today)
	ds, bs := demo.Disputes(book, today)
	for i := range ds {
		ds[i].ID = "L2026-" + string(rune('A'+i))
	}
	idx := dispute.NewIndex(ds)
	dg := dispute.Digest(book, idx, bs, book.Salespeople[0], today)
	var csvB bytes.Buffer
	if err := WriteCSV(&csvB, &dg, "en"); err != nil {
		t.Fatal(err)
	}
	if lines := strings.Count(csvB.String(), "\n"); lines != 1+len(dg.Disputes)+len(dg.Customers)+len(dg.Blocks) {
		t.Errorf("%d CSV lines", lines)
	}
	var a, b bytes.Buffer
	if err := RenderPDF(&a, book.Settings, &dg, Options{}); err != nil {
		t.Fatal(err)
	}
	RenderPDF(&b, book.Settings, &dg, Options{})
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two renders differ")
	}
	text := pdfText(t, a.Bytes())
	for _, w := range []string{"Point recouvrement de Sophie Laurent au 23/11/2026", "Vos litiges en cours", dg.Disputes[0].ID,
		dg.DisputedTotal().Format("fr", "EUR")} {
		if !strings.Contains(text, strings.NewReplacer("\u202f", " ", "\u00a0", " ").Replace(w)) {
			t.Errorf("digest: %q missing", w)
		}
	}
	d := ds[0]
	acct := book.Account(d.Customer)
	var ack bytes.Buffer
	if err := RenderAck(&ack, book.Settings, &acct.Customer, &d, acct.Items, Options{Lang: "fr"}); err != nil {
		t.Fatal(err)
	}
	text = pdfText(t, ack.Bytes())
	for _, w := range []string{"Votre réclamation – litige " + d.ID, "Nous accusons réception", "aucune relance",
		strings.NewReplacer("\u202f", " ", "\u00a0", " ").Replace(d.Total().Format("fr", "EUR")), acct.Customer.Name} {
		if !strings.Contains(text, w) {
			t.Errorf("ack: %q missing", w)
		}
	}
}

func TestBlockListCSV(t *testing.T) {
	today := ledger.NewDate(2026, time.November, 23)
	book := demo.Book(today)
	_, blocks := demo.Disputes(book, today)
	var buf bytes.Buffer
	if err := WriteBlockList(&buf, book, blocks, today, "fr"); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if want := len(dispute.BlockedAt(blocks, today)) + 1; len(lines) != want || want < 2 {
		t.Errorf("%d lines, want %d:\n%s", len(lines), want, buf.String())
	}
	if !strings.Contains(lines[0], "Bloqué depuis") || !strings.Contains(lines[0], ";") {
		t.Errorf("header %q", lines[0])
	}
}
