package dashpdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/cause"
	"relance/ledger/credit"
	"relance/ledger/demo"
	"relance/ledger/earned"
	"relance/letters/pdfdoc"
)

var today = ledger.NewDate(2026, time.November, 23)

func report(book *ledger.Book, asOf ledger.Date) Report {
	hist := credit.History(book, asOf, 24, credit.KPIOptions{})
	return Report{Snapshot: &hist[len(hist)-1], History: hist, Aged: credit.AgedBalance(book, asOf, nil),
		Top: ledger.TopOverdue(credit.Summaries(book, asOf), 10)}
}

func pdftotext(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (poppler-utils)")
	}
	f := filepath.Join(t.TempDir(), "r.pdf")
	os.WriteFile(f, pdf, 0o600)
	out, err := exec.Command("pdftotext", "-layout", f, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// The report carries every KPI with its value as the dashboard computes it, the
// history, the top overdue customers and the explanation of each figure, in FR and EN.
func TestReportContent(t *testing.T) {
	book := demo.Book(today)
	r := report(book, today)
	r.Causes = cause.Compute(slices.Values(book.Accounts), today, cause.Inputs{})
	r.Earned = earned.Compute(earned.Input{From: today.AddDays(-90), To: today, Accounts: slices.Values(book.Accounts)})
	f := pdfdoc.NewFactory()
	for _, lang := range []string{"fr", "en"} {
		var buf bytes.Buffer
		if err := Render(&buf, book.Settings, r, Options{Lang: lang, Factory: f}); err != nil {
			t.Fatal(err)
		}
		text := pdftotext(t, buf.Bytes())
		flat := strings.Join(strings.Fields(text), " ")
		want := []string{
			i18n.T(lang, "dash.pdf.title", "date", pdfdoc.FormatDate(lang, today)),
			book.Settings.Company.Name, r.Top[0].Name, i18n.T(lang, "dash.pdf.methods"),
			i18n.T(lang, "dash.pdf.causes", "date", pdfdoc.FormatDate(lang, today)),
			i18n.T(lang, "cause.all") + " " + strconv.Itoa(r.Causes.Late.Count) + " " + r.Causes.Late.Amount.Format(lang, "EUR"),
			i18n.T(lang, "dash.pdf.earned", "from", pdfdoc.FormatDate(lang, today.AddDays(-90)), "to", pdfdoc.FormatDate(lang, today)),
		}
		for _, key := range []string{credit.KeyReceivables, credit.KeyDSOAccounting, credit.KeyDSOCountBack, credit.KeyCEI} {
			want = append(want, i18n.T(lang, key), FigureText(lang, "EUR", r.Snapshot.KPI(key)))
		}
		for _, w := range want {
			w = strings.Join(strings.Fields(strings.ReplaceAll(strings.ReplaceAll(w, "\u202f", " "), "\u00a0", " ")), " ")
			if !strings.Contains(strings.ReplaceAll(strings.ReplaceAll(flat, "\u202f", " "), "\u00a0", " "), w) {
				t.Errorf("%s: %q not in the report", lang, w)
			}
		}
		if os.Getenv("UPDATE_SCREENSHOTS") == "1" {
			// First page as PNG for the README (rendered by poppler, as a reader would see it).
			pdf := filepath.Join(t.TempDir(), "d.pdf")
			os.WriteFile(pdf, buf.Bytes(), 0o600)
			out := filepath.Join("..", "..", "docs", "pdf", "dashboard-"+lang)
			if err := exec.Command("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, out).Run(); err != nil {
				t.Errorf("pdftoppm: %v", err)
			}
		}
	}
	var a, b bytes.Buffer
	Render(&a, book.Settings, r, Options{Lang: "fr", Factory: f})
	Render(&b, book.Settings, r, Options{Lang: "fr", Factory: f})
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two renders differ")
	}
}

func TestDeltaAndFigureText(t *testing.T) {
	book := demo.Book(today)
	s := credit.KPIsAt(book, today, credit.KPIOptions{})
	f := s.KPI(credit.KeyOverdueRate)
	if got := FigureText("fr", "EUR", f); !strings.HasSuffix(got, "\u00a0%") || !strings.Contains(got, ",") {
		t.Errorf("fr rate %q", got)
	}
	if got := FigureText("en", "EUR", &credit.Figure{Defined: false}); got != "—" {
		t.Errorf("undefined %q", got)
	}
	prev := *f
	prev.Value = f.Value.Add(f.Value)
	if d := DeltaText("en", "EUR", f, &prev); !strings.HasPrefix(d, "-") {
		t.Errorf("delta %q", d)
	}
	if d := DeltaText("en", "EUR", f, nil); d != "" {
		t.Errorf("delta without previous %q", d)
	}
}

// An empty dossier prints without failing: every figure is a dash.
func TestEmptyDossier(t *testing.T) {
	book := ledger.NewBook(ledger.DefaultSettings(), nil, nil)
	var buf bytes.Buffer
	if err := Render(&buf, book.Settings, report(book, today), Options{Lang: "fr"}); err != nil {
		t.Fatal(err)
	}
	if buf.Len() < 1000 {
		t.Error("no PDF")
	}
}
