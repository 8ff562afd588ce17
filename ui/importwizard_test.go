package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"relance/ledger"
	"relance/ledger/store"
)

// fecSample returns a real FEC file of the shared test data, or skips.
func fecSample(t *testing.T, name string) string {
	t.Helper()
	p := filepath.Join("..", "..", "shared", "testdata", "fec", name)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared test data not found: %v", err)
	}
	return p
}

// emptyDossierApp opens a new, empty dossier in a test app.
func emptyDossierApp(t *testing.T, lang string) *App {
	t.Helper()
	path := filepath.Join(t.TempDir(), "vide.db")
	if os.Getenv("UPDATE_SCREENSHOTS") == "1" { // a fixed path: the status bar shows it
		path = filepath.Join(os.TempDir(), "relance-screenshots", "vide-"+lang+".db")
		os.MkdirAll(filepath.Dir(path), 0o755)
		os.Remove(path)
		os.RemoveAll(path + ".backups")
	}
	s := ledger.DefaultSettings()
	s.Company.Name = "Import SARL"
	db, err := store.Create(path, s)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	a := newTestApp(t, lang)
	if err := open(t, a, path); err != nil {
		t.Fatal(err)
	}
	return a
}

func TestImportWizardRealFEC(t *testing.T) {
	for _, lang := range []string{"fr", "en"} {
		t.Run(lang, func(t *testing.T) {
			src := fecSample(t, "000000000FEC20231231.txt")
			a := emptyDossierApp(t, lang)
			var w *importWizard
			if !hasText(a.win, a.t("ui.menu.import")) {
				t.Error("an empty dossier does not invite to import")
			}
			capture(t, a, "empty-"+lang)
			// Start the wizard and wait for the detection.
			done := importSteps(t, a)
			w = a.importFile(src)
			if s := <-done; s != "detected" {
				t.Fatalf("step %s", s)
			}
			if !hasText(a.win, a.t("ui.import.encoding")) || !hasText(a.win, a.t("ui.import.key")) {
				t.Error("detection not shown")
			}
			capture(t, a, "import-detect-"+lang)
			w.prepare()
			if s := <-done; s != "prepared" {
				t.Fatalf("step %s", s)
			}
			if w.plan.Err() != nil {
				t.Fatalf("fatal: %v", w.plan.Err())
			}
			if !hasText(a.win, a.t("ui.import.run")) {
				t.Error("import button not shown")
			}
			capture(t, a, "import-"+lang)
			want := w.plan.Report.Customers
			reloaded := loads(t, a)
			w.apply()
			if s := <-done; s != "applied" {
				t.Fatalf("step %s", s)
			}
			if err := <-reloaded; err != nil {
				t.Fatal(err)
			}
			if len(a.book.Accounts) != want || want == 0 {
				t.Errorf("%d customers in the book, report said %d", len(a.book.Accounts), want)
			}
		})
	}
}

func TestImportWizardRefusesBadFile(t *testing.T) {
	a := emptyDossierApp(t, "fr")
	bad := filepath.Join(t.TempDir(), "mauvais.txt")
	content := "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise\n" +
		"VE\tVentes\t1\t20230231\t411000\tClients\tC1\tDupont\tF1\t20230201\tFacture\t100,00\t0,00\t\t\t20230201\t\t\n" +
		"VE\tVentes\t1\t20230231\t706000\tVentes\t\t\tF1\t20230201\tFacture\t0,00\t100,00\t\t\t20230201\t\t\n"
	os.WriteFile(bad, []byte(content), 0o644)
	rev, _ := a.db.Revision()
	done := importSteps(t, a)
	w := a.importFile(bad)
	s := <-done
	if s == "detected" {
		w.prepare()
		s = <-done
	}
	if s == "prepared" && w.plan.Err() == nil {
		t.Fatal("an impossible date was accepted")
	}
	found := false
	for _, txt := range texts(a.win) {
		if strings.Contains(txt, "20230231") || strings.Contains(txt, "ligne") {
			found = true
		}
	}
	if !found {
		t.Errorf("the error does not name the line or value: %v", texts(a.win))
	}
	if after, _ := a.db.Revision(); after != rev {
		t.Error("dossier changed")
	}
}

// capture writes the window to docs/screenshots/name.png when UPDATE_SCREENSHOTS=1.
func capture(t *testing.T, a *App, name string) {
	t.Helper()
	if os.Getenv("UPDATE_SCREENSHOTS") != "1" {
		return
	}
	a.win.Resize(windowSize())
	f, err := os.Create(filepath.Join("..", "docs", "screenshots", name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, a.win.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}
