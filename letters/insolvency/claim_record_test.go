package insolvency

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/law"
)

// pdfText is the text of pdf on one line (pdftotext), or a skip without it.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	file := filepath.Join(t.TempDir(), "c.pdf")
	if err := os.WriteFile(file, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// The record of a claim letter holds what its PDF prints: the same subject (without a
// second « Objet : »), paragraphs, invoices and totals; the claim filing's record
// names the invoices filed and the total filed.
func TestClaimRecordMatchesPDF(t *testing.T) {
	today := ledger.NewDate(2026, time.November, 23)
	fd := openFollowDemo(t, today)
	c, err := law.BuildClaim(fd.rates, fd.acct, fd.p, law.RetentionOfTitle, today)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteClaim(&buf, fd.book, fd.acct, c, Options{}); err != nil {
		t.Fatal(err)
	}
	pdf := pdfText(t, buf.Bytes())
	l := ClaimRecord(fd.book, fd.acct, c)
	rec := l.PlainText()
	if l.Stage != ClaimStage || string(l.Stage) != "ins_claim" || strings.HasPrefix(l.Subject, "Objet") || l.Reference != fd.p.ID ||
		l.Totals.Claimed != c.Total || l.Totals.Remaining != c.DueTotal+c.FallTotal || len(l.ItemIDs) != len(c.Due)+len(c.ToFallDue) {
		t.Errorf("record %+v", l)
	}
	w := writer{lang: "fr", currency: fd.book.Settings.Currency}
	want := []string{l.Subject, "Sommes échues au jour du jugement", "Sommes à échoir", "Total déclaré", w.money(c.Total),
		"réserve de propriété", "certifions sincère et véritable", fd.p.Mandataire}
	for _, it := range append(append([]law.ClaimItem{}, c.Due...), c.ToFallDue...) {
		want = append(want, it.Number, w.money(it.Open))
	}
	contains(t, "claim PDF", pdf, want...)
	contains(t, "claim record", rec, want...)

	rc, err := law.BuildRetention(fd.acct, fd.p, today)
	if err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	if err := WriteRetention(&buf, fd.book, fd.acct, rc, Options{}); err != nil {
		t.Fatal(err)
	}
	pdf = pdfText(t, buf.Bytes())
	l = RetentionRecord(fd.book, fd.acct, rc)
	if l.Stage != RetentionStage || l.Deadline != rc.Deadline || l.Totals.Claimed != rc.Total || len(l.Invoices) != len(rc.Invoices) {
		t.Errorf("retention record %+v", l)
	}
	want = []string{l.Subject, "L624-9", "Délai de revendication", w.money(rc.Total), rc.To}
	if rc.CopyTo != "" {
		want = append(want, "Copie : "+rc.CopyTo)
	}
	contains(t, "retention PDF", pdf, want...)
	contains(t, "retention record", l.PlainText(), want...)
}

// The object line loses its « Objet : » word once, in both languages.
func TestSubjectOf(t *testing.T) {
	for in, want := range map[string]string{
		"Objet : déclaration de créance": "déclaration de créance",
		"Objet\u00a0: relevé":            "relevé",
		"Re: proof of claim":             "proof of claim",
		"Subject: request":               "request",
		"Créance : 12 €":                 "Créance : 12 €",
	} {
		if got := subjectOf(in); got != want {
			t.Errorf("subjectOf(%q) = %q, want %q", in, got, want)
		}
	}
}
