package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/demo"
	"relance/ledger/dispute"
)

// anchor is the date the demo dossier and the screenshots are anchored at.
var anchor = ledger.NewDate(2026, time.November, 23)

// newTestApp returns the interface on a headless test app, in lang, at 1280×800.
func newTestApp(t *testing.T, lang string) *App {
	t.Helper()
	fa := test.NewTempApp(t)
	fa.Preferences().SetString(prefLang, lang)
	// The test driver's system variant is dark; the reference screenshots are light.
	fa.Preferences().SetString(prefTheme, themeLight)
	a := newApp(fa, anchor)
	a.win.Resize(windowSize())
	t.Cleanup(func() {
		a.closeDossier()
		a.win.Close()
	})
	return a
}

// demoFile writes the demo dossier anchored at anchor into a temporary folder.
func demoFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := demo.Create(path, anchor); err != nil {
		t.Fatal(err)
	}
	return path
}

// open opens path in a and waits for the result.
func open(t *testing.T, a *App, path string) error {
	t.Helper()
	return waitLoaded(t, a, func() { a.openDossier(path) })
}

// waitLoaded runs start and waits until the app reports an open or reload attempt.
func waitLoaded(t *testing.T, a *App, start func()) error {
	t.Helper()
	done := loads(t, a)
	start()
	select {
	case err := <-done:
		return err
	case <-time.After(30 * time.Second):
		t.Fatal("dossier not loaded after 30 s")
	}
	return nil
}

// openDemo opens a fresh demo dossier in a new app.
func openDemoApp(t *testing.T, lang string) *App {
	t.Helper()
	a := newTestApp(t, lang)
	if err := open(t, a, demoFile(t)); err != nil {
		t.Fatal(err)
	}
	return a
}

// visible returns the visible objects under o, through the renderers Fyne has cached.
func visible(o fyne.CanvasObject) []fyne.CanvasObject {
	if o == nil || !o.Visible() {
		return nil
	}
	out := []fyne.CanvasObject{o}
	switch c := o.(type) {
	case fyne.Widget:
		for _, child := range test.WidgetRenderer(c).Objects() {
			out = append(out, visible(child)...)
		}
	case *fyne.Container:
		for _, child := range c.Objects {
			out = append(out, visible(child)...)
		}
	}
	return out
}

// texts returns every text drawn in the window, overlays included.
func texts(w fyne.Window) []string {
	var out []string
	roots := append([]fyne.CanvasObject{w.Content()}, w.Canvas().Overlays().List()...)
	for _, r := range roots {
		for _, o := range visible(r) {
			if t, ok := o.(*canvas.Text); ok && strings.TrimSpace(t.Text) != "" {
				out = append(out, t.Text)
			}
		}
	}
	return out
}

// hasText reports whether some text in the window contains s.
func hasText(w fyne.Window, s string) bool {
	for _, t := range texts(w) {
		if strings.Contains(t, s) {
			return true
		}
	}
	return false
}

// button finds the visible button whose text starts with prefix.
func button(t *testing.T, w fyne.Window, prefix string) *widget.Button {
	t.Helper()
	for _, o := range visible(w.Content()) {
		if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, prefix) {
			return b
		}
	}
	t.Fatalf("no button %q on screen; texts: %q", prefix, texts(w))
	return nil
}

// check finds the visible check box labelled text.
func check(t *testing.T, w fyne.Window, text string) *widget.Check {
	t.Helper()
	for _, o := range visible(w.Content()) {
		if c, ok := o.(*widget.Check); ok && c.Text == text {
			return c
		}
	}
	t.Fatalf("no check box %q on screen", text)
	return nil
}

// repaint lays the window out again, as the driver does before drawing.
func repaint(a *App) {
	a.win.Canvas().Content().Refresh()
	a.win.Canvas().Capture()
}

func widgetCell(row, col int) widget.TableCellID { return widget.TableCellID{Row: row, Col: col} }

func pad(n int) string { return fmt.Sprintf("%06d", n) }

// bookSession is a session over book without a dossier file: enough for the figures
// (customers, dashboard), not for anything that reads or writes the store.
func bookSession(book *ledger.Book) *desk.Session {
	return &desk.Session{Book: book, Index: dispute.NewIndex(nil)}
}

// watchEvents returns the window's events named name (ui/trace.go) from now until the
// test ends, as their fields; none is dropped unless 1024 wait unread.
func watchEvents(t *testing.T, a *App, name string) <-chan map[string]any {
	t.Helper()
	ch := make(chan map[string]any, 1024)
	stop := a.tracer.watch(func(n string, fields map[string]any) {
		if n != name {
			return
		}
		select {
		case ch <- fields:
		default:
		}
	})
	t.Cleanup(stop)
	return ch
}

// loads returns the outcome of each open or reload attempt from now on.
func loads(t *testing.T, a *App) <-chan error {
	t.Helper()
	return eventField[error](t, a, "loaded", "error")
}

// importSteps returns the steps of the import wizard as they finish, from now on.
func importSteps(t *testing.T, a *App) <-chan string {
	t.Helper()
	return eventField[string](t, a, "import", "step")
}

// eventField returns the field key of each event named name from now on (its zero
// value when absent).
func eventField[T any](t *testing.T, a *App, name, key string) <-chan T {
	t.Helper()
	out := make(chan T, 16)
	in := watchEvents(t, a, name)
	go func() {
		for f := range in {
			v, _ := f[key].(T)
			out <- v
		}
	}()
	return out
}
