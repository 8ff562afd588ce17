package ui

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// After a document is saved, a dialog offers to open it in the system viewer or to show
// its folder; choosing "Open" closes the dialog and hands the file to the system.
func TestOfferOpenSavedFile(t *testing.T) {
	a := newTestApp(t, "en")
	path := filepath.Join(t.TempDir(), "statement.pdf")
	a.offerOpen(path, a.t("ui.statement.done", "file", "statement.pdf"))
	if !hasText(a.win, a.t("ui.file.saved")) || !hasText(a.win, "statement.pdf") {
		t.Fatalf("no saved-file dialog: %q", texts(a.win))
	}
	var open *widget.Button
	for _, o := range a.win.Canvas().Overlays().List() {
		for _, v := range visible(o) {
			if b, ok := v.(*widget.Button); ok && b.Text == a.t("ui.file.open") {
				open = b
			}
		}
	}
	if open == nil {
		t.Fatal("no Open button")
	}
	test.Tap(open)
	if top := a.win.Canvas().Overlays().Top(); top != nil {
		t.Errorf("the dialog stayed open")
	}
}
