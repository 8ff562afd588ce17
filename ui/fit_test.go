package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// laptopContent is the content area of a 1024×700 window: the window less the
// navigation bar, the top and status bars and their padding.
func laptopContent() fyne.Size { return fyne.NewSize(820, 520) }

// The window fits a laptop: its default size is inside a 1280×720 screen, and the
// dashboard (both tabs), the Clients list with a customer's card, the settings and the
// welcome page never ask for more than a 1024×700 window, in French and English (the
// window would otherwise widen itself past the screen).
func TestScreensFitALaptop(t *testing.T) {
	if ws := windowSize(); ws.Width > 1280 || ws.Height > 720-40 {
		t.Errorf("default window %v does not fit a 1280×720 screen", ws)
	}
	fits := func(t *testing.T, a *App, what string) {
		t.Helper()
		lim := laptopContent()
		if m := a.shell.content.MinSize(); m.Width > lim.Width {
			t.Errorf("%s asks for %v, more than the %v of a 1024×700 window", what, m, lim)
		}
		if m := a.win.Content().MinSize(); m.Width > 1024 || m.Height > 700 {
			t.Errorf("%s: the window's content asks for %v", what, m)
		}
	}
	for _, lang := range []string{"fr", "en"} {
		t.Run(lang, func(t *testing.T) {
			w := newTestApp(t, lang)
			fits(t, w, "welcome")
			a := openDemoApp(t, lang)
			a.win.Resize(fyne.NewSize(1024, 700))
			for tab := range 2 {
				a.dash.tab = tab
				a.showScreen(screenDashboard)
				fits(t, a, "dashboard tab "+a.t([]string{"ui.dash.tab_kpis", "ui.dash.tab_aged"}[tab]))
			}
			a.showScreen(screenClients)
			fits(t, a, "clients")
			a.clients.view.selectCustomer(a.clients.view.rows[0].ID)
			fits(t, a, "clients with a customer's card")
			a.showScreen(screenSettings)
			fits(t, a, "settings")
			if s := a.win.Canvas().Size(); s.Width > 1024 || s.Height > 700 {
				t.Errorf("the window grew to %v", s)
			}
		})
	}
}

// On first run (no recent dossier) the window shows the welcome page rather than a
// dossier; later, it reopens the last dossier opened.
func TestFirstRunShowsWelcome(t *testing.T) {
	a := newTestApp(t, "fr")
	a.start("")
	if a.busy || a.book != nil {
		t.Fatalf("first run opened a dossier: busy %v, path %q", a.busy, a.path)
	}
	for _, k := range []string{"ui.welcome.title", "ui.welcome.demo_button", "ui.welcome.open_button"} {
		if !hasText(a.win, a.t(k)) {
			t.Errorf("%q not on the first-run page", a.t(k))
		}
	}
	path := demoFile(t)
	a.addRecent(path + ".gone") // a dossier deleted since is skipped
	a.addRecent(path)
	a.addRecent(path + ".gone")
	if err := waitLoaded(t, a, func() { a.start("") }); err != nil {
		t.Fatal(err)
	}
	if a.path != path {
		t.Errorf("reopened %q, want the last dossier %q", a.path, path)
	}
	if strings.Contains(a.win.Title(), a.t("ui.demo.company", "company", "")) {
		t.Errorf("a copied dossier is titled as the demo: %q", a.win.Title())
	}
}

// The demo dossier says it is one, in the window title and beside the company name.
func TestDemoIsTitledAsDemo(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	for lang, want := range map[string]string{"fr": "Démonstration — ", "en": "Demo — "} {
		a := newTestApp(t, lang)
		if err := waitLoaded(t, a, a.openDemo); err != nil {
			t.Fatal(err)
		}
		name := a.book.Settings.Company.Name
		if title := a.win.Title(); !strings.HasPrefix(title, want+name) {
			t.Errorf("%s: title %q, want %q", lang, title, want+name+" — Relance")
		}
		if a.shell.company.Text != want+name {
			t.Errorf("%s: company label %q", lang, a.shell.company.Text)
		}
		a.closeDossier()
	}
}

// tableOf returns the first rowTable on screen.
func tableOf(t *testing.T, a *App) *rowTable {
	t.Helper()
	for _, o := range visible(a.win.Content()) {
		if rt, ok := o.(*rowTable); ok {
			return rt
		}
	}
	t.Fatal("no row table on screen")
	return nil
}

// cellOf is the text and importance of a cell of t.
func cellOf(t *rowTable, row, col int) (string, widget.Importance) {
	c := newCellLabel()
	t.UpdateCell(widget.TableCellID{Row: row, Col: col}, c)
	return c.Text, c.Importance
}

// The aged balance sorts on a header click (ascending, then descending on a second
// click, the total staying last), paints only late amounts above zero in red, and its
// rows open the customer's card on a double click.
func TestAgedBalanceSortsAndOpens(t *testing.T) {
	a := openDemoApp(t, "fr")
	a.dash.tab, a.dash.agedBy = 1, "customer"
	a.showScreen(screenDashboard)
	zero := a.money(0)
	tb := tableOf(t, a)
	n := tb.rows()
	reds := 0
	for r := range n {
		for c := 4; c < 9; c++ {
			text, imp := cellOf(tb, r, c)
			if imp == widget.DangerImportance {
				reds++
				if text == zero {
					t.Fatalf("row %d col %d: %s in red", r, c, text)
				}
			}
		}
	}
	if reds == 0 {
		t.Error("no late amount in red")
	}
	for _, desc := range []bool{false, true} {
		a.dash.sortAgedBy(2)
		if a.dash.agedSort != 2 || a.dash.agedDesc != desc {
			t.Fatalf("sort %d desc %v, want 2 %v", a.dash.agedSort, a.dash.agedDesc, desc)
		}
		tb = tableOf(t, a)
		// The total, then the doubtful customers (416) apart, stay below the sorted lines.
		total, _ := cellOf(tb, tb.rows()-2, 1)
		doubt, _ := cellOf(tb, tb.rows()-1, 1)
		if total != a.t("ui.aged.total") || !strings.HasPrefix(doubt, "Clients douteux (416)") {
			t.Errorf("last lines %q, %q: want the total, then the doubtful customers", total, doubt)
		}
		first, _ := cellOf(tb, 0, 0)
		second, _ := cellOf(tb, tb.rows()-3, 0)
		fa, sa := a.book.Account(first).Balance(), a.book.Account(second).Balance()
		if (!desc && fa > sa) || (desc && fa < sa) {
			t.Errorf("desc %v: first %s (%d), last %s (%d)", desc, first, fa, second, sa)
		}
	}
	first, _ := cellOf(tb, 0, 0)
	tb.openRow(0)
	if a.screen != screenClients || a.clients.selected != first {
		t.Errorf("double click: screen %d customer %q, want Clients on %q", a.screen, a.clients.selected, first)
	}
}

// The customer's menu offers to open the card first; the items of the card are a row
// table whose columns show every date and amount whole.
func TestCustomerMenuAndItems(t *testing.T) {
	a := openDemoApp(t, "fr")
	a.dash.tab = 0
	a.showScreen(screenDashboard)
	id := a.sums[0].ID
	items := a.customerActions(id)
	if items[0].Label != a.t("ui.cust.open") {
		t.Fatalf("first menu entry %q", items[0].Label)
	}
	items[0].Action()
	if a.screen != screenClients || a.clients.selected != id {
		t.Fatalf("Open: screen %d customer %q", a.screen, a.clients.selected)
	}
	var tables []*rowTable
	for _, o := range visible(a.win.Content()) {
		if rt, ok := o.(*rowTable); ok {
			tables = append(tables, rt)
		}
	}
	if len(tables) < 2 {
		t.Fatalf("%d row tables on the Clients screen with a card, want the list and the items", len(tables))
	}
	it := tables[len(tables)-1]
	if it.actions.open == nil || it.actions.menu == nil {
		t.Fatal("the items table neither opens nor offers a menu")
	}
	if date, _ := cellOf(it, 0, 2); !strings.Contains(date, "/") {
		t.Errorf("first item's date %q, want DD/MM/YYYY", date)
	}
}

// scrollToLastColumn scrolls the first row table on screen to its last column.
func scrollToLastColumn(t *testing.T, a *App) {
	t.Helper()
	tb := tableOf(t, a)
	_, cols := tb.Length()
	tb.ScrollTo(widget.TableCellID{Row: 0, Col: cols - 1})
}

// textWidth, which measures without building a label, gives a label's own width; and
// widestText finds the widest of many texts by measuring only the longest.
func TestTextWidthIsALabelsWidth(t *testing.T) {
	newTestApp(t, "fr")
	for _, s := range []string{"C00001", "Commune de Villeurbanne", "2\u202f042\u202f662,74\u00a0€", "Clients douteux (416), hors total : 2"} {
		for _, bold := range []bool{false, true} {
			l := widget.NewLabel(s)
			l.TextStyle = fyne.TextStyle{Bold: bold}
			if got, want := textWidth(s, bold), l.MinSize().Width; got != want {
				t.Errorf("%q bold %v: %v, label %v", s, bold, got, want)
			}
		}
	}
	texts := []string{"1,00 €", "12\u202f345,67 €", "999,99 €", "1\u202f234\u202f567,89 €", "5,00 €"}
	want := textWidth(texts[3], false)
	if got := widestText(len(texts), func(i int) string { return texts[i] }, func(int) bool { return false }); got != want {
		t.Errorf("widest %v, want %v", got, want)
	}
}
