package ui

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Restoring a backup older than letters issued since lists them in the confirmation,
// whose button stays disabled until the person ticks that they understand.
func TestRestoreListsDroppedLetters(t *testing.T) {
	a := openDemoApp(t, "fr")
	bak := filepath.Join(t.TempDir(), "avant.db")
	if err := a.db.Backup(bak); err != nil {
		t.Fatal(err)
	}
	todo := todaysLetters(t, a)
	if _, err := a.agenda.issueLetters(todo[:1]); err != nil {
		t.Fatal(err)
	}
	pre, err := a.sess.PreviewRestore(bak)
	if err != nil || len(pre.Dropped) != 1 {
		t.Fatalf("preview %+v %v", pre, err)
	}
	a.confirmRestoreDrops(bak, "Remplacer ?", pre)
	if !hasText(a.win, "LT000001 du ") || !hasText(a.win, "courrier(s) émis depuis") {
		t.Fatalf("dialog: %q", texts(a.win))
	}
	var restore *widget.Button
	var sure *widget.Check
	for _, o := range visible(a.win.Canvas().Overlays().Top()) {
		switch w := o.(type) {
		case *widget.Button:
			if w.Text == a.t("ui.restore.title") {
				restore = w
			}
		case *widget.Check:
			sure = w
		}
	}
	if restore == nil || sure == nil || !restore.Disabled() {
		t.Fatalf("restore button %v, check %v", restore, sure)
	}
	test.Tap(sure)
	if restore.Disabled() {
		t.Error("still disabled once confirmed")
	}
}
