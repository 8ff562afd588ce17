package injonction

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
	"relance/ledger/dunning"
	"relance/ledger/law"
	"relance/ledger/store"
	"relance/letters/pdfdoc"
)

var today = ledger.NewDate(2026, time.November, 23)

// demoDB creates the demo dossier and returns it open with its book.
func demoDB(t testing.TB) (*store.DB, *ledger.Book) {
	t.Helper()
	return demotest.Open(t, today)
}

// noticeCustomer is the demo customer the demo sent a formal notice to.
func noticeCustomer(t testing.TB, db *store.DB) string {
	id := ""
	db.View(func(tx *store.Tx) error {
		acts, err := tx.Actions("")
		for _, a := range acts {
			if strings.Contains(a.Note, "(démo)") {
				id = a.Customer
			}
		}
		return err
	})
	if id == "" {
		t.Fatal("no demo formal notice")
	}
	return id
}

func TestLastNotice(t *testing.T) {
	d := func(s string) ledger.Date { v, _ := ledger.ParseDate(s); return v }
	acts := []dunning.Action{
		{ID: "A1", Kind: "letter", Stage: "r1", Date: d("2026-09-01")},
		{ID: "A2", Kind: dunning.ActionKind(dunning.ChanNotice), Stage: "med", Date: d("2026-10-01"), Letter: "LT-7"},
		{ID: "A3", Kind: "letter", Stage: "med", Date: d("2026-12-01")},
		{ID: "A4", Kind: dunning.ActionKind(dunning.ChanNotice), Date: d("2026-11-01"), Status: dunning.ActionPlanned},
	}
	n := LastNotice(acts, d("2026-11-23"))
	if n == nil || n.Ref != "LT-7" || !n.InDossier || n.Date != d("2026-10-01") {
		t.Errorf("notice %+v", n)
	}
	if n := LastNotice(acts[:1], d("2026-11-23")); n != nil {
		t.Errorf("no notice expected, got %+v", n)
	}
}

func TestRenderDemo(t *testing.T) {
	db, book := demoDB(t)
	id := noticeCustomer(t, db)
	p, err := Prepare(db, book, id, today, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Eligibility.Eligible || p.Notice == nil || p.Decompte == nil {
		t.Fatalf("demo pack: eligible %v notice %v", p.Eligibility.Eligible, p.Notice)
	}
	for _, lang := range []string{"fr", "en"} {
		var buf bytes.Buffer
		if err := Render(&buf, book, p, lang, Options{}); err != nil {
			t.Fatal(err)
		}
		var again bytes.Buffer
		Render(&again, book, p, lang, Options{})
		if !bytes.Equal(buf.Bytes(), again.Bytes()) {
			t.Error("output not reproducible")
		}
		if _, err := exec.LookPath("pdftotext"); err != nil {
			continue
		}
		path := filepath.Join(t.TempDir(), "ip.pdf")
		os.WriteFile(path, buf.Bytes(), 0o600)
		out, err := exec.Command("pdftotext", path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		txt := strings.Join(strings.Fields(string(out)), " ")
		want := map[string][]string{
			"fr": {"Cerfa n° 12946*02", "Bordereau", "Décompte", "Estimation des frais", "Mise en demeure du"},
			"en": {"Cerfa no. 12946*02", "List of supporting documents", "Breakdown of the sums", "Estimate of the costs", "Formal notice of"},
		}[lang]
		for _, w := range want {
			if !strings.Contains(txt, w) {
				t.Errorf("%s: PDF lacks %q", lang, w)
			}
		}
		// nothing cut: the greffe fee's tariff date and source are written whole
		if i := strings.Index(txt, "…"); i >= 0 {
			t.Errorf("%s: the pack cuts a text: %q", lang, txt[max(0, i-80):i+3])
		}
	}
}

func TestPrepareErrors(t *testing.T) {
	db, book := demoDB(t)
	if _, err := Prepare(db, book, "NOPE", today, nil); err == nil {
		t.Error("unknown customer accepted")
	}
	// A foreign EU customer gets Form A data.
	for _, a := range book.Accounts {
		if law.InEUOrderState(a.Customer.Address.Country) && a.Overdue(today) > 0 {
			p, err := Prepare(db, book, a.Customer.ID, today, nil)
			if err != nil {
				t.Fatal(err)
			}
			if p.Eligibility.Route != law.RouteEuropean || len(p.European) == 0 {
				t.Errorf("%s (%s): route %s", a.Customer.ID, a.Customer.Address.Country, p.Eligibility.Route)
			}
			return
		}
	}
}

func BenchmarkInjonctionPDF(b *testing.B) {
	db, book := demoDB(b)
	id := noticeCustomer(b, db)
	p, err := Prepare(db, book, id, today, nil)
	if err != nil {
		b.Fatal(err)
	}
	f := pdfdoc.NewFactory()
	var buf bytes.Buffer
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		buf.Reset()
		if err := Render(&buf, book, p, "fr", Options{Factory: f}); err != nil {
			b.Fatal(err)
		}
	}
}
