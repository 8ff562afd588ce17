package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/store"
)

func TestNavigationSwitchesScreens(t *testing.T) {
	a := openDemoApp(t, "fr")
	if a.screen != screenDashboard || !hasText(a.win, "Encours clients") {
		t.Fatalf("the first screen should be the dashboard; texts: %q", texts(a.win))
	}
	want := map[screenID]string{
		screenClients:   "Encours hors douteux",
		screenDisputes:  "Litiges en cours",
		screenReminders: "Relances du jour (",
		screenLetters:   "lettres de relance",
		screenLegal:     "Pénalités de retard",
		screenSettings:  "Raison sociale",
		screenDashboard: "Taux d'échu",
	}
	for id := screenClients; id < screenCount; id++ {
		a.shell.nav.Select(int(id)) // what a click on the navigation bar does
		repaint(a)
		if a.screen != id {
			t.Errorf("nav %d: screen is %d", id, a.screen)
		}
		if !hasText(a.win, want[id]) {
			t.Errorf("screen %d does not show %q; texts: %q", id, want[id], texts(a.win))
		}
	}
	a.shell.nav.Select(int(screenDashboard))
	if !hasText(a.win, want[screenDashboard]) {
		t.Error("back to the dashboard failed")
	}
}

func showClients(t *testing.T, a *App) *clientsView {
	t.Helper()
	a.showScreen(screenClients)
	repaint(a)
	if a.clients.view == nil {
		t.Fatal("no clients view")
	}
	return a.clients.view
}

func TestClientsSortByBalanceDesc(t *testing.T) {
	a := openDemoApp(t, "fr")
	v := showClients(t, a)
	max := a.sums[0]
	for _, s := range a.sums {
		if s.Balance > max.Balance {
			max = s
		}
	}
	test.Tap(button(t, a.win, "Solde")) // ascending
	repaint(a)
	test.Tap(button(t, a.win, "Solde")) // descending
	repaint(a)
	if !a.clients.desc || a.clients.sortCol != ledger.ColBalance {
		t.Fatalf("sort is %v desc=%v", a.clients.sortCol, a.clients.desc)
	}
	if v.rows[0].Balance != max.Balance {
		t.Errorf("first row %s has balance %d, the largest is %d (%s)", v.rows[0].ID, v.rows[0].Balance, max.Balance, max.ID)
	}
	for i := 1; i < len(v.rows); i++ {
		if v.rows[i].Balance > v.rows[i-1].Balance {
			t.Fatalf("rows %d and %d out of order", i-1, i)
		}
	}
	if b := button(t, a.win, "Solde"); !strings.HasSuffix(b.Text, "↓") {
		t.Errorf("header %q should show a down arrow", b.Text)
	}
	if !hasText(a.win, max.Balance.Format("fr", "EUR")) {
		t.Errorf("the largest balance %s is not drawn", max.Balance.Format("fr", "EUR"))
	}
}

func TestClientsTextFilter(t *testing.T) {
	a := openDemoApp(t, "fr")
	v := showClients(t, a)
	all := len(v.rows)
	target := a.sums[len(a.sums)/2]
	word := strings.Fields(target.Name)[0]
	test.Type(a.shell.search, word)
	repaint(a)
	if len(v.rows) == 0 || len(v.rows) >= all {
		t.Fatalf("filter %q kept %d of %d rows", word, len(v.rows), all)
	}
	found := false
	for _, r := range v.rows {
		if !strings.Contains(ledger.Fold(r.Name+" "+r.ID), ledger.Fold(word)) {
			t.Errorf("row %s %q does not match %q", r.ID, r.Name, word)
		}
		found = found || r.ID == target.ID
	}
	if !found {
		t.Errorf("customer %s not kept by %q", target.ID, word)
	}
	if !hasText(a.win, target.Name) {
		t.Errorf("%q not drawn", target.Name)
	}
	// The search field on another screen brings the customer list forward.
	a.showScreen(screenDashboard)
	a.shell.search.SetText(target.ID)
	if a.screen != screenClients || len(a.clients.view.rows) != 1 || a.clients.view.rows[0].ID != target.ID {
		t.Errorf("search by ID: screen %d, %d rows", a.screen, len(a.clients.view.rows))
	}
}

func TestClientsOverdueOnly(t *testing.T) {
	a := openDemoApp(t, "fr")
	v := showClients(t, a)
	all := len(v.rows)
	test.Tap(check(t, a.win, "En retard seulement"))
	repaint(a)
	late := 0 // the doubtful customers late too: the list shows them, the totals keep them apart
	for _, r := range a.sums {
		if r.Overdue > 0 {
			late++
		}
	}
	if len(v.rows) != late || late == 0 || late == all {
		t.Fatalf("overdue only: %d rows, %d customers late, %d in all", len(v.rows), late, all)
	}
	for _, r := range v.rows {
		if r.Overdue <= 0 {
			t.Errorf("%s has nothing overdue", r.ID)
		}
	}
	tot := ledger.Totals(v.rows)
	want := a.t(a.plural("ui.clients.totals", late), "count", a.count(late), "balance", a.money(tot.Balance), "overdue", a.money(tot.Overdue))
	if tot.DoubtfulCustomers > 0 {
		want += "\n" + a.t("ui.clients.doubtful", "n", a.count(tot.DoubtfulCustomers), "amount", a.money(tot.Doubtful))
	}
	if v.totals.Text != want {
		t.Errorf("totals line not updated: %q, want %q", v.totals.Text, want)
	}
}

func TestClientsDetailPanel(t *testing.T) {
	a := openDemoApp(t, "fr")
	v := showClients(t, a)
	test.Tap(check(t, a.win, "En retard seulement"))
	row := v.rows[0]
	v.table.Select(widgetCell(0, 1))
	repaint(a)
	if a.clients.selected != row.ID {
		t.Fatalf("selected %q, want %q", a.clients.selected, row.ID)
	}
	for _, s := range []string{"Conditions", "Encours autorisé", "Échéance", "Reste dû", row.Name} {
		if !hasText(a.win, s) {
			t.Errorf("detail panel lacks %q", s)
		}
	}
	test.Tap(button(t, a.win, "Fermer"))
	if a.clients.selected != "" {
		t.Error("close did not close the detail")
	}
}

func TestSettingsBadTermsShowErrorAndWriteNothing(t *testing.T) {
	a := openDemoApp(t, "fr")
	a.showScreen(screenSettings)
	repaint(a)
	rev, _ := a.db.Revision()
	v := a.settingsView
	v.fields["ui.set.terms"].SetText("45 jours")
	v.fields["ui.set.name"].SetText("Nom modifié")
	test.Tap(button(t, a.win, "Enregistrer"))
	if !v.errMsg.Visible() || !strings.HasPrefix(v.errMsg.Text, "Conditions de paiement :") {
		t.Fatalf("error %q (visible %v) should name the field", v.errMsg.Text, v.errMsg.Visible())
	}
	if r, _ := a.db.Revision(); r != rev {
		t.Errorf("revision %d → %d: something was written", rev, r)
	}
	var stored ledger.Settings
	a.db.View(func(tx *store.Tx) error { var err error; stored, err = tx.Settings(); return err })
	if stored.Company.Name == "Nom modifié" {
		t.Error("the company name was written")
	}

	// Buckets out of order are refused by the store's validation, named too.
	v.fields["ui.set.terms"].SetText("45fdm")
	v.fields["ui.set.buckets"].SetText("60,30")
	test.Tap(button(t, a.win, "Enregistrer"))
	if !strings.HasPrefix(v.errMsg.Text, "Tranches de la balance âgée :") {
		t.Errorf("buckets error %q", v.errMsg.Text)
	}
	if r, _ := a.db.Revision(); r != rev {
		t.Errorf("revision %d → %d after bad buckets", rev, r)
	}
}

func TestSettingsSaveReloads(t *testing.T) {
	a := openDemoApp(t, "fr")
	a.showScreen(screenSettings)
	repaint(a)
	rev, _ := a.db.Revision()
	v := a.settingsView
	v.fields["ui.set.name"].SetText("Société Renommée SAS")
	v.fields["ui.set.terms"].SetText("fdm+45")
	v.fields["ui.set.capital"].SetText("25 000,50")
	err := waitLoaded(t, a, func() { test.Tap(button(t, a.win, "Enregistrer")) })
	if err != nil {
		t.Fatal(err)
	}
	if r, _ := a.db.Revision(); r != rev+1 {
		t.Errorf("revision %d → %d, want one transaction", rev, r)
	}
	s := a.book.Settings
	if s.Company.Name != "Société Renommée SAS" || s.Terms != (ledger.Terms{Days: 45, EOM: ledger.EOMThenDays}) || s.Company.Capital != 2500050 {
		t.Errorf("reloaded settings: %q %v %d", s.Company.Name, s.Terms, s.Company.Capital)
	}
	if a.shell.company.Text != "Société Renommée SAS" || !strings.Contains(a.shell.status.Text, "enregistrés") {
		t.Errorf("top bar %q, status %q", a.shell.company.Text, a.shell.status.Text)
	}
}

func TestLanguageSwitchChangesLabels(t *testing.T) {
	a := openDemoApp(t, "fr")
	a.showScreen(screenClients)
	repaint(a)
	if !hasText(a.win, "Tableau de bord") || !hasText(a.win, "Encours hors douteux") {
		t.Fatal("French labels missing")
	}
	if m := a.win.MainMenu(); m.Items[0].Label != "Fichier" {
		t.Errorf("menu %q", m.Items[0].Label)
	}
	a.setLang("en")
	repaint(a)
	for _, s := range []string{"Dashboard", "Customers", "Today's reminders", "Receivables excl. doubtful", "Overdue only"} {
		if !hasText(a.win, s) {
			t.Errorf("English label %q missing", s)
		}
	}
	if hasText(a.win, "Tableau de bord") {
		t.Error("French label left after the switch")
	}
	if m := a.win.MainMenu(); m.Items[0].Label != "File" || m.Items[1].Label != "View" {
		t.Errorf("menus %q %q", m.Items[0].Label, m.Items[1].Label)
	}
	if a.screen != screenClients {
		t.Error("the switch should stay on the same screen")
	}
	if got := a.fyne.Preferences().String(prefLang); got != "en" {
		t.Errorf("preference %q", got)
	}
}

func TestAsOfDateRecomputes(t *testing.T) {
	a := openDemoApp(t, "fr")
	before := ledger.Totals(a.sums)
	a.shell.asOf.SetText("01/01/2026")
	if a.asOf != ledger.NewDate(2026, 1, 1) {
		t.Fatalf("as-of %s", a.asOf)
	}
	after := ledger.Totals(a.sums)
	if after.Overdue == before.Overdue {
		t.Errorf("overdue unchanged by the as-of date: %d", after.Overdue)
	}
	if !hasText(a.win, "Situation au 01/01/2026") {
		t.Error("dashboard not recomputed")
	}
	a.shell.asOf.SetText("31/02/2026") // no such day: ignored
	if a.asOf != ledger.NewDate(2026, 1, 1) {
		t.Error("an invalid date changed the as-of date")
	}
}

func TestDashboardTopOverdueOpensCustomer(t *testing.T) {
	a := openDemoApp(t, "fr")
	repaint(a)
	top := ledger.TopOverdue(a.sums, desk.TopOverdueCount)
	if len(top) == 0 {
		t.Fatal("demo has no overdue customer")
	}
	if !hasText(a.win, string([]rune(top[0].Name)[:12])) {
		t.Errorf("top overdue %q not shown", top[0].Name)
	}
	a.showCustomer(top[0].ID)
	if a.screen != screenClients || a.clients.selected != top[0].ID {
		t.Errorf("screen %d, selected %q", a.screen, a.clients.selected)
	}
}

func TestOpenErrorsAreShownNotPanics(t *testing.T) {
	a := newTestApp(t, "fr")
	bad := filepath.Join(t.TempDir(), "notes.db")
	os.WriteFile(bad, []byte("ceci n'est pas un dossier, mais un fichier texte assez long"), 0o600)
	err := open(t, a, bad)
	if !errors.Is(err, store.ErrNotDossier) {
		t.Fatalf("err = %v", err)
	}
	if !hasText(a.win, "Bienvenue dans Relance") || !hasText(a.win, "n'est pas un dossier Relance") {
		t.Errorf("texts: %q", texts(a.win))
	}
	if len(a.win.Canvas().Overlays().List()) == 0 {
		t.Error("no dialog shown")
	}

	// Locked by another holder: a clear message, then the user can open another one.
	path := demoFile(t)
	holder, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	err = open(t, a, path)
	holder.Close()
	if !errors.Is(err, store.ErrLocked) || !hasText(a.win, "déjà ouvert") {
		t.Fatalf("locked: err = %v", err)
	}
	if err := open(t, a, path); err != nil {
		t.Fatalf("after unlock: %v", err)
	}
	if a.book == nil || !hasText(a.win, a.book.Settings.Company.Name) {
		t.Error("dossier not shown after unlock")
	}
}

func TestOpenSameDossierTwiceIsNoop(t *testing.T) {
	a := newTestApp(t, "fr")
	path := demoFile(t)
	if err := open(t, a, path); err != nil {
		t.Fatal(err)
	}
	db := a.db
	if err := open(t, a, path); err != nil || a.db != db {
		t.Fatalf("re-open: err %v, same db %v", err, a.db == db)
	}
	other := demoFile(t)
	if err := open(t, a, other); err != nil {
		t.Fatal(err)
	}
	// The first dossier was closed: another process (here, the store) can open it.
	again, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatalf("first dossier still locked: %v", err)
	}
	again.Close()
	if r := a.recent(); len(r) != 2 || filepath.Base(r[0]) != filepath.Base(other) {
		t.Errorf("recent %q", r)
	}
}

func TestNewDossier(t *testing.T) {
	a := newTestApp(t, "fr")
	dir := t.TempDir()
	err := waitLoaded(t, a, func() { a.createDossier(dir, desk.NewCompany{Name: "Société Nouvelle SARL"}) })
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(a.path) != "societe-nouvelle-sarl.relance" || a.book.Settings.Company.Name != "Société Nouvelle SARL" {
		t.Errorf("path %q, name %q", a.path, a.book.Settings.Company.Name)
	}
	if len(a.book.Accounts) != 0 || !hasText(a.win, a.t("ui.menu.import")) {
		t.Error("a new dossier should be empty")
	}
}

func TestClientsScaleTo50000(t *testing.T) {
	a := newTestApp(t, "fr")
	accounts := make([]*ledger.Account, 50000)
	for i := range accounts {
		id := "C" + pad(i)
		accounts[i] = &ledger.Account{
			Customer: ledger.Customer{ID: id, Name: "Client " + pad(i*7919%50000)},
			Items: []ledger.Item{{ID: "1", Customer: id, Number: "F" + pad(i), DocDate: anchor - 90, DueDate: anchor - ledger.Date(i%120),
				Amount: ledger.Cents(1000 + i), Open: ledger.Cents(1000 + i)}},
		}
	}
	a.setSession(bookSession(ledger.NewBook(ledger.DefaultSettings(), nil, accounts)))
	a.recompute()
	a.rebuild()
	v := showClients(t, a)
	v.sortBy(ledger.ColBalance)
	v.sortBy(ledger.ColBalance)
	if v.rows[0].ID != "C049999" {
		t.Errorf("first %s", v.rows[0].ID)
	}
	a.shell.search.SetText("client 04999")
	if len(v.rows) != 10 {
		t.Errorf("%d rows for client 04999", len(v.rows))
	}
}
