package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"relance/ledger/credit"
)

func TestDashboardShowsKPIsAndExplainsThem(t *testing.T) {
	a := openDemoApp(t, "fr")
	a.showScreen(screenDashboard)
	snap := a.dash.snap
	if snap == nil || a.dash.aged == nil || len(a.dash.history) != historyMonths {
		t.Fatal("dashboard figures not computed")
	}
	for _, key := range []string{credit.KeyReceivables, credit.KeyDSOCountBack, credit.KeyCEI} {
		if !hasText(a.win, a.figureText(snap.KPI(key))) {
			t.Errorf("%s value %q not drawn", key, a.figureText(snap.KPI(key)))
		}
	}
	a.dash.explainFigure(snap.KPI(credit.KeyDSOAccounting))
	if !hasText(a.win, a.t("kpi.input.sales")) && !hasText(a.win, "Chiffre d'affaires") {
		t.Errorf("the explanation lists no inputs: %q", texts(a.win))
	}
}

func TestAgedPaneGroupsAndDrillsDown(t *testing.T) {
	a := openDemoApp(t, "en")
	a.dash.tab = 1
	a.showScreen(screenDashboard)
	scrollToLastColumn(t, a) // the credits are the last column, beyond a laptop's width
	if !hasText(a.win, a.t("ui.aged.by")) || !hasText(a.win, a.t("aged.credits")) {
		t.Fatalf("aged pane not shown: %q", texts(a.win))
	}
	a.dash.agedBy = "salesperson"
	rows := a.dash.agedRows(a.dash.aged)
	// the groups, the total, then the doubtful customers apart
	if len(rows) != len(a.book.Salespeople)+2 {
		t.Fatalf("%d rows for %d salespeople", len(rows), len(a.book.Salespeople))
	}
	var sum int64
	for _, r := range rows[:len(rows)-2] {
		sum += int64(r.b.Total())
	}
	if sum != int64(rows[len(rows)-2].b.Total()) || sum != int64(a.dash.aged.Total.Total()) {
		t.Error("groups do not add up to the total")
	}
	a.dash.agedGroup = rows[0].group
	inGroup := a.dash.agedRows(a.dash.aged)
	if len(inGroup) < 2 || inGroup[0].customer == "" || len(inGroup) != rows[0].count+1 {
		t.Errorf("drill-down gave %d rows, group has %d customers", len(inGroup), rows[0].count)
	}
	if inGroup[len(inGroup)-1].b.Total() != rows[0].b.Total() {
		t.Error("the group's total differs when drilled into")
	}
	a.showCustomer(inGroup[0].customer)
	if a.screen != screenClients || a.clients.selected != inGroup[0].customer {
		t.Error("a customer row does not open the customer")
	}
}

func TestExportsAndReportAreWritten(t *testing.T) {
	a := openDemoApp(t, "fr")
	a.showScreen(screenDashboard)
	dir := t.TempDir()
	for _, f := range []string{"csv", "xlsx", "pdf"} {
		path := filepath.Join(dir, "aged."+f)
		if err := a.dash.exportAged(f, path); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		b, err := os.ReadFile(path)
		if err != nil || len(b) < 200 {
			t.Errorf("%s: %d bytes, %v", f, len(b), err)
		}
		if _, err := os.Stat(path + ".tmp"); err == nil {
			t.Errorf("%s: temporary file left", f)
		}
	}
	csv, _ := os.ReadFile(filepath.Join(dir, "aged.csv"))
	if !strings.Contains(string(csv), "Commune de Villeurbanne") {
		t.Error("CSV lacks a customer")
	}
	report := filepath.Join(dir, "tdb.pdf")
	if err := a.dash.writeDashboardReport(report); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(report); !strings.HasPrefix(string(b), "%PDF") {
		t.Error("not a PDF")
	}
	if err := a.dash.exportAged("csv", filepath.Join(dir, "missing", "x.csv")); err == nil {
		t.Error("writing into a missing folder did not fail")
	}
}

func TestCustomerProfileAndStatements(t *testing.T) {
	a := openDemoApp(t, "fr")
	top := a.sums[0].ID
	for _, s := range a.sums {
		if s.Overdue > 0 {
			top = s.ID
			break
		}
	}
	a.detailTab = 1
	a.showCustomer(top)
	if !hasText(a.win, a.t("ui.profile.title")) || !hasText(a.win, a.t("kpi.profile.on_time")) {
		t.Errorf("payer profile not shown")
	}
	dir := t.TempDir()
	one := filepath.Join(dir, "un.pdf")
	if err := a.writeStatement(top, one); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(one); !strings.HasPrefix(string(b), "%PDF") {
		t.Error("statement is not a PDF")
	}
	if err := a.writeStatement("NOBODY", filepath.Join(dir, "x.pdf")); err == nil {
		t.Error("statement of an unknown customer")
	}
	if _, err := os.Stat(filepath.Join(dir, "x.pdf")); err == nil {
		t.Error("a file was left for an unknown customer")
	}
	files, err := a.writeStatements(filepath.Join(dir))
	if err != nil {
		t.Fatal(err)
	}
	late := 0
	for _, s := range a.sums {
		if s.Overdue > 0 {
			late++
		}
	}
	if len(files) != late+1 {
		t.Errorf("%d files for %d overdue customers (+ merged)", len(files), late)
	}
}

func TestKeyboardShortcutsSwitchScreens(t *testing.T) {
	a := openDemoApp(t, "fr")
	for _, s := range a.shortcuts() {
		if s.key == "3" {
			s.action()
		}
	}
	if a.screen != screenDisputes {
		t.Errorf("Ctrl+3 gave screen %d", a.screen)
	}
	a.focusSearch()
	if a.win.Canvas().Focused() != a.shell.search {
		t.Error("Ctrl+F does not focus the search field")
	}
}

func TestLegalScreenComputesPenalties(t *testing.T) {
	a := openDemoApp(t, "fr")
	// Free computation: 10,000 € due 31/03/2025, paid 15/10/2025, B2B (split at the half-year).
	a.legal.amount, a.legal.due, a.legal.end = "10 000,00", "31/03/2025", "15/10/2025"
	a.legal.computePenalties()
	if a.legal.err != "" || a.legal.result == nil {
		t.Fatalf("err %q", a.legal.err)
	}
	if got := a.legal.result.Totals.Interest.String(); got != "684.03" || len(a.legal.result.Lines) != 2 {
		t.Errorf("interest %s in %d lines", got, len(a.legal.result.Lines))
	}
	a.showScreen(screenLegal)
	if !hasText(a.win, "684,03") {
		t.Error("the décompte is not shown")
	}
	// A customer's overdue invoices at a date inside the rate tables.
	var id string
	end, _ := parseDate("30/06/2026")
	for _, acc := range a.book.Accounts {
		if acc.Overdue(end) > 0 && acc.Customer.Kind == 0 && acc.Customer.Address.Country == "FR" {
			id = acc.Customer.ID
			break
		}
	}
	a.legal.end = "30/06/2026"
	a.legal.showPenalties(id)
	if a.legal.err != "" || a.legal.result == nil || a.legal.result.Totals.Indemnity <= 0 {
		t.Errorf("customer %s: err %q", id, a.legal.err)
	}
	// Bad input is reported, not computed.
	a.legal.customer, a.legal.amount = "", "abc"
	a.legal.computePenalties()
	if a.legal.result != nil || !strings.Contains(a.legal.err, "abc") {
		t.Errorf("bad amount: %q", a.legal.err)
	}
	a.legal.tab = 1
	a.showScreen(screenLegal)
	if !hasText(a.win, a.t("law.col.deadline")) {
		t.Error("limitation tab not shown")
	}
	a.legal.tab = 2
	a.showScreen(screenLegal)
	if !hasText(a.win, "2025-H1") && !hasText(a.win, "2026-H1") {
		t.Errorf("rates tab: %q", texts(a.win))
	}
}

func TestBackupAndRestoreFromTheUI(t *testing.T) {
	a := openDemoApp(t, "fr")
	bak := filepath.Join(t.TempDir(), "sauvegarde.db")
	if err := a.db.Backup(bak); err != nil {
		t.Fatal(err)
	}
	before := len(a.book.Accounts)
	err := waitLoaded(t, a, func() { a.restoreFrom(bak, false) })
	if err != nil || a.db == nil || len(a.book.Accounts) != before {
		t.Fatalf("after restore: %v, %d customers", err, len(a.book.Accounts))
	}
}

func TestWindowSizeIsRemembered(t *testing.T) {
	a := newTestApp(t, "fr")
	a.win.Resize(fyne.NewSize(1400, 900))
	a.saveWindowSize()
	b := newApp(a.fyne, anchor)
	b.restoreWindowSize()
	if s := b.win.Canvas().Size(); s.Width != 1400 || s.Height != 900 {
		t.Errorf("size %v", s)
	}
}

func TestAddedHalfYearRatesReachToday(t *testing.T) {
	a := openDemoApp(t, "fr")
	a.legal.amount, a.legal.due, a.legal.end = "1 000,00", "30/09/2026", "23/11/2026"
	a.legal.computePenalties()
	if a.legal.result != nil {
		t.Skip("the embedded tables already cover 2026 H2")
	}
	if err := a.legal.saveHalfYearRates("2026-H2", "x", "", "", ""); err == nil {
		t.Error("a rate that is not a number was accepted")
	}
	if err := waitLoaded(t, a, func() {
		if err := a.legal.saveHalfYearRates("2026-H2", "2,15", "", "", ""); err != nil {
			t.Error(err)
		}
	}); err != nil {
		t.Fatal(err)
	}
	a.legal.computePenalties()
	if a.legal.err != "" || a.legal.result == nil || a.legal.result.Totals.Interest.String() != "17.98" {
		t.Errorf("after adding 2026 H2: %q %+v", a.legal.err, a.legal.result)
	}
}

func TestPrivacyExportAndErase(t *testing.T) {
	a := openDemoApp(t, "fr")
	var id, name string
	for _, acc := range a.book.Accounts {
		if acc.Customer.Kind == 1 {
			id, name = acc.Customer.ID, acc.Customer.Name
			break
		}
	}
	path := filepath.Join(t.TempDir(), "c.json")
	if err := a.exportCustomer(id, path); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); !strings.Contains(string(b), name) {
		t.Error("export lacks the name")
	}
	if err := waitLoaded(t, a, func() {
		if err := a.eraseCustomer(id); err != nil {
			t.Error(err)
		}
	}); err != nil {
		t.Fatal(err)
	}
	if a.book.Account(id).Customer.Name == name {
		t.Error("name not erased")
	}
}
