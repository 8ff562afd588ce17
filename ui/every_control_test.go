package ui

import (
	"fmt"
	"os"
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// walkSize is the screen the walk lays the window out at: a common laptop.
func walkSize() fyne.Size { return fyne.NewSize(1366, 768) }

// walker activates every control of the window and collects what went wrong.
type walker struct {
	t        *testing.T
	a        *App
	lang     string
	problems []string
	seen     map[string]bool // problems already reported (a label seen on many walks)
	taps     int             // controls activated
	dialogs  int             // overlays (dialogs, menus, pop-ups) shown and dismissed
	idle     int             // goroutines running when the app has nothing to do
}

// Every control of every screen and tab, in both languages, at 1366×768, activated
// through its real code path: buttons tapped, main-menu items and shortcuts run, the
// first row of every table selected and opened and its context menu's items run. Any
// panic fails the test (a file dialog resized before it is shown panics in Fyne 2.8.1),
// every dialog it opens is dismissed, and no date or amount may be drawn cut with "…".
// Controls are found by walking the widget tree, so a new screen, tab or button is
// covered without a new test.
func TestEveryControl(t *testing.T) {
	if testing.Short() {
		t.Skip("walks every control (about a minute)")
	}
	for _, lang := range []string{"fr", "en"} {
		t.Run(lang, func(t *testing.T) {
			a := openDemoApp(t, lang)
			a.win.Resize(walkSize())
			w := &walker{t: t, a: a, lang: lang, seen: map[string]bool{}}
			w.show(screenDashboard, nil)
			time.Sleep(500 * time.Millisecond) // the dashboard's figures are computed in the background
			w.idle = runtime.NumGoroutine()
			for id := screenID(0); id < screenCount; id++ {
				// WALK_SCREEN=name walks that screen alone (to investigate a failure).
				if only := os.Getenv("WALK_SCREEN"); only != "" && only != id.name() {
					continue
				}
				start := time.Now()
				w.screen(id)
				t.Logf("%s: %s walked in %v", lang, id.name(), time.Since(start).Round(time.Millisecond))
			}
			if os.Getenv("WALK_SCREEN") != "" {
				return
			}
			w.menus()
			w.shortcuts()
			t.Logf("%s: %d controls activated, %d dialogs or menus shown and dismissed", lang, w.taps, w.dialogs)
			// A walk that finds nothing to activate has lost its way, not passed.
			if w.taps < 150 || w.dialogs < 20 {
				t.Errorf("%s: only %d controls and %d dialogs reached", lang, w.taps, w.dialogs)
			}
			for _, p := range w.problems {
				t.Error(p)
			}
		})
	}
}

// screen walks every tab of screen id.
func (w *walker) screen(id screenID) {
	w.show(id, nil)
	for _, path := range w.tabPaths(id) {
		w.show(id, path)
		w.checkTruncation(fmt.Sprintf("%s %s", id.name(), path))
		// The screen is rebuilt only when a button replaced it (a tap that changes a
		// part of it leaves the other buttons tappable: their actions are the same).
		bs := w.buttons()
		for i := 0; i < len(bs); i++ {
			root := w.root()
			b := bs[i]
			w.activate(fmt.Sprintf("%s %s button %q", id.name(), path, b.Text), func() { test.Tap(b) })
			if w.root() != root || w.a.screen != id {
				w.show(id, path)
				if bs = w.buttons(); len(bs) <= i {
					break
				}
			}
		}
		w.show(id, path)
		for ti, tbl := range w.tables() {
			if tbl.rows() == 0 {
				continue
			}
			where := fmt.Sprintf("%s %s table %d", id.name(), path, ti)
			w.activate(where+" select row 0", func() { tbl.selectRow(0) })
			w.checkTruncation(where + " after selecting row 0")
			w.show(id, path)
			if tbls := w.tables(); ti < len(tbls) {
				tbl = tbls[ti]
				w.activate(where+" open row 0", func() { tbl.openRow(0) })
			}
			if tbl.actions.menu == nil {
				continue
			}
			w.show(id, path)
			if tbls := w.tables(); ti < len(tbls) && tbls[ti].rows() > 0 {
				for _, item := range tbls[ti].actions.menu(0) {
					if item.Action == nil || item.Disabled {
						continue
					}
					w.activate(fmt.Sprintf("%s menu %q", where, item.Label), item.Action)
					w.show(id, path)
				}
			}
		}
	}
}

// root is the screen's content on display (it changes when the screen is rebuilt).
func (w *walker) root() fyne.CanvasObject {
	if c := w.a.shell.content; len(c.Objects) > 0 {
		return c.Objects[0]
	}
	return nil
}

// tabPath is the tab chosen in each nested AppTabs of a screen, outermost first.
type tabPath []int

func (p tabPath) String() string {
	if len(p) == 0 {
		return "(no tab)"
	}
	s := make([]string, len(p))
	for i, n := range p {
		s[i] = fmt.Sprint(n)
	}
	return "tab " + strings.Join(s, ".")
}

// tabPaths lists every combination of tabs reachable on screen id (nested tabs too).
func (w *walker) tabPaths(id screenID) []tabPath {
	var out []tabPath
	var walk func(prefix tabPath)
	walk = func(prefix tabPath) {
		w.show(id, prefix)
		tabs := w.appTabs()
		if len(tabs) <= len(prefix) {
			out = append(out, append(tabPath(nil), prefix...))
			return
		}
		for i := range tabs[len(prefix)].Items {
			walk(append(append(tabPath(nil), prefix...), i))
		}
	}
	walk(nil)
	return out
}

// show rebuilds screen id with the tabs of path selected, and no overlay.
func (w *walker) show(id screenID, path tabPath) {
	w.dismiss()
	w.a.win.Resize(walkSize())
	w.a.showScreen(id)
	w.settle()
	for depth, i := range path {
		tabs := w.appTabs()
		if depth >= len(tabs) || i >= len(tabs[depth].Items) {
			return
		}
		tabs[depth].SelectIndex(i)
	}
}

// settle waits for the work an action started off the UI goroutine (a dossier loading,
// the dashboard's figures): the test driver runs fyne.Do on the worker's goroutine, so
// the walk must not lay out or measure text meanwhile (harfbuzz is not safe for
// concurrent use).
func (w *walker) settle() {
	deadline := time.Now().Add(30 * time.Second)
	for (w.a.busy || w.a.dash.pending || w.a.dash.earnedPending) && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
}

// activate runs a control's action, reports a panic, counts and dismisses what it showed.
func (w *walker) activate(what string, action func()) {
	w.taps++
	before := len(w.a.win.Canvas().Overlays().List())
	func() {
		defer func() {
			if r := recover(); r != nil {
				w.problem(fmt.Sprintf("%s: %s panics: %v\n%s", w.lang, what, r, relanceFrames(debug.Stack())))
			}
		}()
		action()
	}()
	w.waitIdle()
	w.settle()
	if len(w.a.win.Canvas().Overlays().List()) > before {
		w.dialogs++
		repaint(w.a)
		w.checkOverlays(what)
	}
	w.dismiss()
}

// waitIdle waits (up to 5 s) until the background work an action started is over: the
// test driver runs fyne.Do on the calling goroutine, so a result handed back while the
// walk goes on would lay out the window from two goroutines at once, which the real
// driver never does.
func (w *walker) waitIdle() {
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > w.idle && time.Now().Before(deadline) {
		time.Sleep(2 * time.Millisecond)
	}
}

// checkOverlays checks the dialogs on screen for cut dates and amounts.
func (w *walker) checkOverlays(what string) {
	for _, o := range w.a.win.Canvas().Overlays().List() {
		w.checkLabels(what+" (dialog)", o)
	}
}

// dismiss removes every overlay: dialogs, pop-up menus, pickers.
func (w *walker) dismiss() {
	ov := w.a.win.Canvas().Overlays()
	for i := 0; i < 20; i++ {
		top := ov.Top()
		if top == nil {
			return
		}
		top.Hide()
		ov.Remove(top)
	}
}

// appTabs returns the visible AppTabs of the window, outermost first.
func (w *walker) appTabs() []*container.AppTabs {
	var out []*container.AppTabs
	for _, o := range visible(w.a.win.Content()) {
		if t, ok := o.(*container.AppTabs); ok {
			out = append(out, t)
		}
	}
	return out
}

// buttons returns the visible, enabled buttons of the screen area (the navigation bar
// and the top bar are the shell's, walked as screens and shortcuts).
func (w *walker) buttons() []*widget.Button {
	var out []*widget.Button
	for _, o := range visible(w.a.shell.content) {
		if b, ok := o.(*widget.Button); ok && !b.Disabled() && b.OnTapped != nil {
			out = append(out, b)
		}
	}
	return out
}

// tables returns the visible row tables of the screen area.
func (w *walker) tables() []*rowTable {
	var out []*rowTable
	for _, o := range visible(w.a.shell.content) {
		if t, ok := o.(*rowTable); ok {
			out = append(out, t)
		}
	}
	return out
}

// menus runs every item of the main menu (but Quit), on the dashboard.
func (w *walker) menus() {
	var walk func(prefix string, items []*fyne.MenuItem)
	walk = func(prefix string, items []*fyne.MenuItem) {
		for _, it := range items {
			if it.IsSeparator || it.IsQuit || it.Disabled {
				continue
			}
			if it.ChildMenu != nil {
				walk(prefix+" › "+it.Label, it.ChildMenu.Items)
			}
			if it.Action == nil {
				continue
			}
			w.show(screenDashboard, nil)
			w.waitIdle()
			w.activate("menu "+prefix+" › "+it.Label, it.Action)
		}
	}
	for _, m := range w.a.win.MainMenu().Items {
		walk(m.Label, m.Items)
	}
	// The language items switch the interface: come back to the walked language.
	w.a.setLang(w.lang)
}

// shortcuts runs every keyboard shortcut from the Clients screen.
func (w *walker) shortcuts() {
	for _, s := range w.a.shortcuts() {
		w.show(screenClients, nil)
		w.activate("shortcut Ctrl+"+string(s.key), s.action)
	}
}

// A date as the screens write it (French or ISO) and an amount with its currency.
var (
	dateRe   = regexp.MustCompile(`\b\d{2}/\d{2}/\d{4}\b|\b\d{4}-\d{2}-\d{2}\b`)
	amountRe = regexp.MustCompile(`\d[\d\x{00a0}\x{202f} .,]*\s?[€£]|[€£]\s?\d`)
)

// checkTruncation checks the labels of the window.
func (w *walker) checkTruncation(where string) {
	repaint(w.a) // lay the window out as the driver does before drawing
	w.checkLabels(where, w.a.win.Content())
}

// checkLabels reports every label under o that draws a date or an amount cut with "…".
func (w *walker) checkLabels(where string, o fyne.CanvasObject) {
	for _, obj := range visible(o) {
		var l *widget.Label
		switch x := obj.(type) {
		case *widget.Label:
			l = x
		case *cellLabel:
			l = &x.Label
		default:
			continue
		}
		if l.Truncation == fyne.TextTruncateOff || l.Size().Width <= 0 {
			continue
		}
		if !dateRe.MatchString(l.Text) && !amountRe.MatchString(l.Text) {
			continue
		}
		size := theme.TextSize()
		if l.SizeName != "" {
			size = fyne.CurrentApp().Settings().Theme().Size(l.SizeName)
		}
		need := fyne.MeasureText(l.Text, size, l.TextStyle).Width + 2*theme.InnerPadding()
		if need > l.Size().Width+0.5 {
			w.problem(fmt.Sprintf("%s: %s: %q is cut (%.0f px wide, needs %.0f)", w.lang, where, l.Text, l.Size().Width, need))
		}
	}
}

// problem records p once.
func (w *walker) problem(p string) {
	if !w.seen[p] {
		w.seen[p] = true
		w.problems = append(w.problems, p)
	}
}

// relanceFrames keeps the lines of a stack trace that are Relance's own code.
func relanceFrames(stack []byte) string {
	var out []string
	for _, line := range strings.Split(string(stack), "\n") {
		if strings.Contains(line, "/relance/") || strings.Contains(line, "relance/") && strings.Contains(line, ".go:") {
			if !strings.Contains(line, "_test.go") {
				out = append(out, strings.TrimSpace(line))
			}
		}
	}
	if len(out) > 8 {
		out = out[:8]
	}
	return strings.Join(out, "\n")
}
