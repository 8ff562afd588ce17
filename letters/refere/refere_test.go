package refere

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/demo/demotest"
	"relance/ledger/law"
)

// oneDispute puts €1,000 of one invoice in dispute.
type oneDispute string

func (d oneDispute) DisputedAmount(it *ledger.Item, _ ledger.Date) ledger.Cents {
	if it.Number == string(d) {
		return min(100000, it.Open)
	}
	return 0
}

// The demo's Département du Rhône at 4 December 2026, with a demand for payment of
// 20 September and €1,000 of an invoice in dispute: the dossier is in French whatever
// the user's language, every section is there, nothing is cut with « … », and the
// pages are rendered to PNG (RELANCE_KEEP_PDF=DIR keeps the PDF and the pages there).
func TestRenderDemoPublicBuyer(t *testing.T) {
	today := ledger.NewDate(2026, time.December, 4)
	db, book := demotest.Open(t, today)
	rates, err := db.Rates()
	if err != nil {
		t.Fatal(err)
	}
	var id, disputed string
	for _, acc := range book.Accounts {
		if acc.Customer.Kind != ledger.PublicBody || acc.Customer.Address.Postcode != "69003" {
			continue
		}
		for _, it := range acc.Items {
			if it.Kind == ledger.Invoice && it.Open > 100000 && it.DueDate < today {
				id, disputed = acc.Customer.ID, it.Number
			}
		}
	}
	if id == "" {
		t.Fatal("no public buyer in Lyon with an overdue invoice in the demo")
	}
	notice := &law.NoticeRef{Date: ledger.NewDate(2026, time.September, 20), Ref: "LR 1A 234 567 8901 2", InDossier: true}
	p, err := law.BuildRefere(rates, book.Settings, law.RefereInput{Account: book.Account(id), AsOf: today,
		Disputes: oneDispute(disputed), Notice: notice})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Render(&buf, book, p, Options{}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if keep := os.Getenv("RELANCE_KEEP_PDF"); keep != "" {
		dir = keep
	}
	pdf := filepath.Join(dir, "refere.pdf")
	if err := os.WriteFile(pdf, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	txt, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Skipf("pdftotext: %v", err)
	}
	s := string(txt)
	for _, want := range []string{
		"Dossier de requête en référé-provision", "Juge des référés du Tribunal administratif de Lyon",
		"Requérante", "Défendeur", "Comptable ou service payeur", "Conditions du référé-provision",
		"Exposé des faits", "Par lettre du 20/09/2026", "rejet est née le 20/11/2026", "en litige",
		"Intérêts moratoires (BCE + 8 points, taux fixe)", "CCP R2192-31", "45 jours", "R2192-36",
		"Intérêts au taux légal", "Par ces motifs", "L761-1", "Bordereau des pièces",
		"Après l’ordonnance : mandatement d’office", "loi 80-539", "Télérecours", "€",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	for _, bad := range []string{"…", "{", "refere.", "law."} {
		if strings.Contains(s, bad) {
			t.Errorf("PDF has %q", bad)
		}
	}
	if strings.Contains(s, "Interim payment") {
		t.Error("the dossier must be in French")
	}
	if out, err := exec.Command("pdftoppm", "-r", "60", "-png", pdf, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Errorf("pdftoppm: %v %s", err, out)
	}
	if pages, _ := filepath.Glob(filepath.Join(dir, "page*.png")); len(pages) < 2 {
		t.Errorf("%d pages rendered", len(pages))
	}
}
