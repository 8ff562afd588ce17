package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
	"relance/ledger/importer/custfile"
	"relance/ledger/store"
)

// dialogButton finds the visible button whose text starts with prefix in the
// window's dialogs.
func dialogButton(t *testing.T, a *App, prefix string) *widget.Button {
	t.Helper()
	for _, o := range a.win.Canvas().Overlays().List() {
		for _, c := range visible(o) {
			if b, ok := c.(*widget.Button); ok && strings.HasPrefix(b.Text, prefix) && !b.Disabled() {
				return b
			}
		}
	}
	t.Fatalf("no button %q in the dialogs; texts: %q", prefix, texts(a.win))
	return nil
}

// nextStep waits for the customer file view's next step.
func nextStep(t *testing.T, steps <-chan string) string {
	t.Helper()
	select {
	case s := <-steps:
		return s
	case <-time.After(30 * time.Second):
		t.Fatal("no step of the customer file after 30 s")
	}
	return ""
}

// The customer file from the File menu to the dossier: read, previewed under the field
// each column was found for, a column changed and put back, the mapping saved, the bad
// file refused with every problem listed (nothing written), then the good one imported
// and the dossier reloaded with the records.
func TestCustomerFileWindow(t *testing.T) {
	for _, lang := range []string{"fr", "en"} {
		t.Run(lang, func(t *testing.T) {
			a := emptyDossierApp(t, lang)
			a.win.Resize(fyne.NewSize(1366, 740))
			err := a.db.Update(func(tx *store.Tx) error {
				for _, sp := range []ledger.Salesperson{{ID: "JMA", Name: "Julien Marchetti"}, {ID: "SLE", Name: "Sophie Leroy"}} {
					if err := tx.PutSalesperson(sp); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if err := waitLoaded(t, a, func() { a.reloadThen("") }); err != nil {
				t.Fatal(err)
			}
			found := false
			for _, it := range a.mainMenu().Items[0].Items {
				found = found || it.Label == a.t("ui.custfile.menu")
			}
			if !found {
				t.Error("no File menu entry for the customer file")
			}
			steps := eventField[string](t, a, "custfile", "step")

			// The bad file: every problem listed, nothing written.
			rev, _ := a.db.Revision()
			bad := a.openCustomerFile(filepath.Join("..", "testdata", "bad", "customers", "fichier-clients-erreurs.csv"))
			if s := nextStep(t, steps); s != "read" {
				t.Fatalf("step %s", s)
			}
			test.Tap(dialogButton(t, a, a.t("ui.custfile.run")))
			if s := nextStep(t, steps); s != "refused" {
				t.Fatalf("bad file: step %s", s)
			}
			all := strings.Join(texts(a.win), "\n")
			scrollDialogTables(a)
			all += strings.Join(texts(a.win), "\n")
			for _, want := range []string{a.t("ui.custfile.refused"), "56567003100288", "laurent.primeurs@orange", "1315", "ZZZ", "VIP",
				"30 jours fin de mois le 10", "verger retayon@free.fr", "12345678901234", a.t("ui.custfile.col_line")} {
				if !strings.Contains(all, want) {
					t.Errorf("the problems list lacks %q", want)
				}
			}
			capture(t, a, "customer-file-refused-"+lang)
			if after, _ := a.db.Revision(); after != rev {
				t.Error("a refused file changed the dossier")
			}
			bad.dlg.Hide()

			// The sample: found columns, preview, a column changed and put back.
			v := a.openCustomerFile(filepath.Join("..", "testdata", "customers", "fichier-clients.csv"))
			if s := nextStep(t, steps); s != "read" {
				t.Fatalf("step %s", s)
			}
			all = strings.Join(texts(a.win), "\n")
			for _, want := range []string{"JARDINS DE CALIXTE", "Windows-1252", custfile.FieldLabel(lang, "postcode"),
				a.t("ui.custfile.found_in", "column", "Raison sociale"), a.t("ui.custfile.save"), a.t("ui.custfile.preset")} {
				if !strings.Contains(all, want) {
					t.Errorf("the preview lacks %q", want)
				}
			}
			if got := v.selects[custfile.Postcode].Selected; got != "Code postal" {
				t.Errorf("postcode column %q", got)
			}
			capture(t, a, "customer-file-"+lang)
			v.selects[custfile.Notes].SetSelected(noColumn)
			if _, ok := v.sheet.Columns[custfile.Notes]; nextStep(t, steps) != "remapped" || ok {
				t.Error("the notes column is still taken after none was chosen")
			}
			v.selects[custfile.Name].SetSelected("Contact")
			if nextStep(t, steps) != "remapped" || !hasText(a.win, "Hélène Calixte") || hasText(a.win, "JARDINS DE CALIXTE") {
				t.Error("the preview does not show the column chosen for the name")
			}
			v.selects[custfile.Name].SetSelected("Raison sociale")
			v.selects[custfile.Notes].SetSelected("Notes")
			for range 2 {
				if s := nextStep(t, steps); s != "remapped" {
					t.Fatalf("step %s", s)
				}
			}
			if v.sheet.Columns[custfile.Notes] != 19 || !hasText(a.win, "JARDINS DE CALIXTE") {
				t.Error("the columns chosen again are not taken")
			}
			v.savePreset("Gestion commerciale")
			if nextStep(t, steps) != "saved" {
				t.Fatal("mapping not saved")
			}
			if presets, err := a.sess.CustomerFilePresets(); err != nil || presets["Gestion commerciale"].Columns[custfile.Notes] != "Notes" {
				t.Errorf("saved mapping %v %v", presets["Gestion commerciale"], err)
			}
			reloaded := loads(t, a)
			test.Tap(dialogButton(t, a, a.t("ui.custfile.run")))
			if s := nextStep(t, steps); s != "imported" {
				t.Fatalf("step %s: %q", s, texts(a.win))
			}
			if err := <-reloaded; err != nil {
				t.Fatal(err)
			}
			if !hasText(a.win, a.t("ui.custfile.done")) {
				t.Error("no word of the import")
			}
			acc := a.book.Account("CLAURE")
			if len(a.book.Accounts) != 30 || acc == nil || acc.Customer.Address.City != "Cavaillon" || acc.Customer.Salesperson != "JMA" {
				t.Errorf("%d customers; CLAURE %+v", len(a.book.Accounts), acc)
			}
			v.dlg.Hide()
		})
	}
}

// scrollDialogTables scrolls the tables of the window's dialogs to their end.
func scrollDialogTables(a *App) {
	for _, o := range a.win.Canvas().Overlays().List() {
		for _, c := range visible(o) {
			if tb, ok := c.(*widget.Table); ok {
				tb.ScrollToBottom()
			}
		}
	}
}
