package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"relance/about"
)

// TestAboutDialog: Help › About opens a dialog with the version and schema line of
// `relance version`, the open dossier's path, the licence and the notices, inside a
// 1024×700 window (the labels wrap; nothing is cut: see the real-window screenshot).
func TestAboutDialog(t *testing.T) {
	a := openDemoApp(t, "fr")
	a.win.Resize(fyne.NewSize(1024, 700))
	menu := a.mainMenu()
	help := menu.Items[len(menu.Items)-1]
	var item *fyne.MenuItem
	for _, it := range help.Items {
		if it.Label == "À propos de Relance" {
			item = it
		}
	}
	if item == nil {
		t.Fatal("no « À propos de Relance » in the Aide menu")
	}
	item.Action()
	all := strings.Join(texts(a.win), "\n")
	for _, want := range []string{"Version : " + about.Line(), "schema ", a.path, "Apache License 2.0", "# Third-party notices — Relance"} {
		if !strings.Contains(all, want) {
			t.Errorf("About dialog lacks %q", want)
		}
	}
}

// TestAboutWrapColumns: the notices' lines fit noticeColumns and keep every character but spaces.
func TestAboutWrapColumns(t *testing.T) {
	lines := wrapColumns(about.Notices(), noticeColumns)
	for i, l := range lines {
		if n := len([]rune(l)); n > noticeColumns {
			t.Fatalf("line %d has %d characters: %q", i, n, l)
		}
	}
	got, want := strings.Fields(strings.Join(lines, "\n")), strings.Fields(about.Notices())
	if strings.Join(got, "") != strings.Join(want, "") { // words longer than a line are split
		t.Error("wrapping lost or changed characters")
	}
}
