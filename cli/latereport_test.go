package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestLateReport runs relance late-report on the demo (anchored at 23/11/2026) closed on
// 31/10/2026: the figures ledger/latereport's tests check by hand, in JSON, in the text
// table, in the PDF and in the workbook.
func TestLateReport(t *testing.T) {
	path := demoFile(t)
	dir := t.TempDir()
	pdf, xlsx := filepath.Join(dir, "t.pdf"), filepath.Join(dir, "t.xlsx")
	code, out, stderr := run(t, "fr", "late-report", "--db", path, "--closing", "2026-10-31", "--format", "json",
		"--pdf", pdf, "--xlsx", xlsx)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc lateReportJSON
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, out)
	}
	if doc.Closing != "2026-10-31" || doc.YearStart != "2025-11-01" || doc.Basis != "TTC" || len(doc.Brackets) != 4 {
		t.Fatalf("head %+v", doc)
	}
	if b := doc.Brackets[2]; b.Bracket != "61-90" || b.Invoices != 20 || b.Amount != "32168.11" || b.Share != "0.29" {
		t.Errorf("61-90: %+v", b)
	}
	if b := doc.Brackets[3]; b.Bracket != "91+" || b.From != 91 || b.To != 0 || b.Invoices != 87 || b.Amount != "144588.79" {
		t.Errorf("91+: %+v", b)
	}
	if doc.Total.Invoices != 230 || doc.Total.Amount != "637871.12" || doc.Total.Share != "5.71" ||
		doc.Excluded.Invoices != 14 || doc.Excluded.Amount != "38018.08" {
		t.Errorf("total %+v excluded %+v", doc.Total, doc.Excluded)
	}
	if doc.Turnover != "11174034.59" || doc.TurnoverSource != "book" || doc.Terms.Default != "30" || doc.Terms.Reference != "contractual" {
		t.Errorf("turnover %s (%s), terms %+v", doc.Turnover, doc.TurnoverSource, doc.Terms)
	}
	if !strings.Contains(stderr, "t.pdf") || !strings.Contains(stderr, "t.xlsx") {
		t.Errorf("stderr %q", stderr)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatalf("XLSX does not open: %v", err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetList()[0], excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rows {
		if len(r) == 6 && r[0] == "Montant total des factures concernées (TTC)" {
			found = r[3] == "32168.11" && r[5] == "637871.12"
		}
	}
	if !found {
		t.Errorf("amount row not found in the workbook: %q", rows)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		b, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		text := strings.NewReplacer("\u202f", " ", "\u00a0", " ").Replace(string(b))
		for _, w := range []string{"32 168,11 €", "637 871,12 €", "38 018,08 €", "5,71 %", "230"} {
			if !strings.Contains(text, w) {
				t.Errorf("PDF lacks %q:\n%s", w, text)
			}
		}
	} else if fi, err := os.Stat(pdf); err != nil || fi.Size() < 1000 {
		t.Errorf("PDF: %v", err)
	}

	// The text table, in English, with the turnover given.
	code, out, stderr = run(t, "en", "late-report", "--db", path, "--closing", "2026-10-31", "--turnover", "12 000 000,00")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, w := range []string{"61 to 90 days", "Number of invoices concerned", "€32,168.11", "€637,871.12", "5.32%",
		"Number of invoices excluded: 14", "given by the user: €12,000,000.00"} {
		if !strings.Contains(out, w) {
			t.Errorf("text lacks %q:\n%s", w, out)
		}
	}
}

// Before the demo's history the turnover cannot be derived: the table says n.c., the
// command says how to give it, and a given turnover fills the percentages.
func TestLateReportTurnoverUnknown(t *testing.T) {
	path := demoFile(t)
	code, out, stderr := run(t, "fr", "late-report", "--db", path, "--closing", "2025-12-31")
	if code != 0 || !strings.Contains(out, "n.c.") || !strings.Contains(out, "non calculable") || !strings.Contains(stderr, "--turnover") {
		t.Errorf("exit %d\n%s\n%s", code, out, stderr)
	}
	code, out, _ = run(t, "fr", "late-report", "--db", path, "--closing", "2025-12-31", "--turnover", "5000000", "--format", "json")
	var doc lateReportJSON
	if code != 0 || json.Unmarshal([]byte(out), &doc) != nil || doc.TurnoverSource != "given" || doc.Total.Share == "" {
		t.Errorf("exit %d: %s", code, out)
	}
}

func TestLateReportUsage(t *testing.T) {
	path := demoFile(t)
	for _, args := range [][]string{
		{"late-report", "--db", path},
		{"late-report", "--closing", "2026-10-31"},
		{"late-report", "--db", path, "--closing", "31/13/2026"},
		{"late-report", "--db", path, "--closing", "2026-10-31", "--turnover", "beaucoup"},
		{"late-report", "--db", path, "--closing", "2026-10-31", "--turnover", "-5"},
		{"late-report", "--db", path, "--closing", "2026-10-31", "--format", "csv"},
	} {
		if code, _, stderr := run(t, "fr", args...); code != 2 || strings.Contains(stderr, "latereport.") {
			t.Errorf("%v: exit %d %s", args, code, stderr)
		}
	}
	code, _, stderr := run(t, "fr", "late-report", "--db", path, "--closing", "2026-10-31", "--year-start", "2026-11-01")
	if code != 1 || !strings.Contains(stderr, "postérieur") {
		t.Errorf("year start after closing: exit %d %s", code, stderr)
	}
}
