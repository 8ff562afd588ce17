package ui

import (
	"image/color"
	"reflect"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// typeShortcut types Ctrl (the platform's) + mod + key on the window, as the driver does
// when no field has the focus (the test canvas wraps the software one, which has the
// shortcuts).
func typeShortcut(a *App, key fyne.KeyName, mod fyne.KeyModifier) {
	var c any = a.win.Canvas()
	if v := reflect.ValueOf(c).Elem().FieldByName("WindowlessCanvas"); v.IsValid() {
		c = v.Interface()
	}
	c.(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(
		&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault | mod})
}

// Ctrl+plus (keypad +, =, Shift+=), Ctrl+minus and Ctrl+0 move the zoom by steps between
// 80 % and 200 %; the theme scales text, padding and icons by it, the fixed widths grow
// with it, it is kept in the preferences and traced.
func TestZoomSteps(t *testing.T) {
	a := newTestApp(t, "fr")
	zooms := eventField[int](t, a, "zoom", "percent")
	text := theme.DefaultTheme().Size(theme.SizeNameText)
	if z := a.zoom(); z != 100 {
		t.Fatalf("zoom %d at first start, want 100", z)
	}
	typeShortcut(a, fyne.KeyPlus, 0)
	typeShortcut(a, fyne.KeyEqual, fyne.KeyModifierShift)
	if z := a.zoom(); z != 125 {
		t.Fatalf("zoom %d after Ctrl+plus twice, want 125", z)
	}
	for _, want := range []int{110, 125} {
		if got := <-zooms; got != want {
			t.Errorf("traced zoom %d, want %d", got, want)
		}
	}
	if got := a.fyne.Preferences().Int(prefZoom); got != 125 {
		t.Errorf("preference %d, want 125", got)
	}
	th := a.fyne.Settings().Theme()
	if got, want := th.Size(theme.SizeNameText), text*1.25; got != want {
		t.Errorf("text size %v at 125 %%, want %v", got, want)
	}
	if got, want := th.Size(theme.SizeNameInlineIcon), theme.DefaultTheme().Size(theme.SizeNameInlineIcon)*1.25; got != want {
		t.Errorf("icon size %v at 125 %%, want %v", got, want)
	}
	if got := zoomedWidth(130); got != 130*1.25 {
		t.Errorf("a 130-unit field is %v wide at 125 %%, want %v", got, 130*1.25)
	}
	if got := zoomedWidth(620); got != 640 {
		t.Errorf("a 620-unit dialog is %v wide at 125 %%, want 640 (no wider)", got)
	}
	// A new window over the same preferences starts at the zoom kept.
	if got := (&App{fyne: a.fyne}).appTheme().Size(theme.SizeNameText); got != text*1.25 {
		t.Errorf("text size %v on the next start, want %v", got, text*1.25)
	}
	for range 10 {
		a.zoomBy(1)
	}
	if z := a.zoom(); z != 200 {
		t.Errorf("zoom %d after many Ctrl+plus, want the largest step 200", z)
	}
	for range 10 {
		typeShortcut(a, fyne.KeyMinus, 0)
	}
	if z := a.zoom(); z != 80 {
		t.Errorf("zoom %d after many Ctrl+minus, want the smallest step 80", z)
	}
	typeShortcut(a, fyne.Key0, 0)
	if z := a.zoom(); z != 100 || a.fyne.Settings().Theme().Size(theme.SizeNameText) != text {
		t.Errorf("zoom %d after Ctrl+0, want 100 and the default text size", z)
	}
	// The Affichage menu says so.
	var labels []string
	for _, m := range a.mainMenu().Items {
		if m.Label != a.t("ui.menu.view") {
			continue
		}
		for _, it := range m.Items {
			labels = append(labels, it.Label)
		}
	}
	for _, want := range []string{"Zoom avant", "Zoom arrière", "Taille normale", "Taille actuelle : 100\u00a0%", "Mode présentation"} {
		if !slices.Contains(labels, want) {
			t.Errorf("no %q in the Affichage menu %q", want, labels)
		}
	}
}

// The presentation mode, on the Correction screen and the dashboard: a zoom of its own
// (150 % by default, moved by Ctrl+plus without touching the normal view's), black on
// white with thick separators, no side navigation nor search field, a button and Escape
// to leave it; back in the normal view, the navigation and the normal zoom return.
func TestPresentationMode(t *testing.T) {
	a := openDemoApp(t, "fr")
	events := watchEvents(t, a, "presentation")
	a.showScreen(screenCorrection)
	onScreen := func(o fyne.CanvasObject) bool {
		for _, v := range visible(a.win.Content()) {
			if v == o {
				return true
			}
		}
		return false
	}
	if !onScreen(a.shell.nav) || !onScreen(a.shell.search) {
		t.Fatal("navigation or search not on screen in the normal view")
	}
	typeShortcut(a, fyne.KeyP, fyne.KeyModifierShift)
	if !a.presenting {
		t.Fatal("Ctrl+Shift+P did not start the presentation mode")
	}
	if f := <-events; f["on"] != true || f["screen"] != "correction" || f["percent"] != zoomPresentation {
		t.Errorf("traced %v, want on, correction, %d", f, zoomPresentation)
	}
	if a.screen != screenCorrection {
		t.Errorf("screen %s after entering the presentation, want correction", a.screen.name())
	}
	if onScreen(a.shell.nav) || onScreen(a.shell.search) {
		t.Error("navigation or search still on screen in presentation mode")
	}
	// The Correction screen's rows of controls are folded, a button unfolds them.
	if hasText(a.win, a.t("ui.trainer.fix_all")) || !hasText(a.win, a.t("ui.trainer.controls_show")) {
		t.Errorf("presentation: the controls are not folded under « %s »: %q", a.t("ui.trainer.controls_show"), texts(a.win))
	}
	test.Tap(button(t, a.win, a.t("ui.trainer.controls_show")))
	if !hasText(a.win, a.t("ui.trainer.fix_all")) || !hasText(a.win, a.t("ui.trainer.controls_hide")) {
		t.Errorf("« %s » did not unfold the controls: %q", a.t("ui.trainer.controls_show"), texts(a.win))
	}
	th := a.fyne.Settings().Theme()
	for _, c := range []struct {
		name fyne.ThemeColorName
		want color.Color
	}{
		{theme.ColorNameBackground, color.White},
		{theme.ColorNameForeground, color.Black},
		{theme.ColorNameSeparator, color.Black},
	} {
		// Whatever the system's variant.
		if got := th.Color(c.name, theme.VariantDark); got != c.want {
			t.Errorf("colour %s %v in presentation, want %v", c.name, got, c.want)
		}
	}
	if got, want := th.Size(theme.SizeNameText), theme.DefaultTheme().Size(theme.SizeNameText)*1.5; got != want {
		t.Errorf("text size %v in presentation, want %v", got, want)
	}
	if got := th.Size(theme.SizeNameSeparatorThickness); got < 3 {
		t.Errorf("separator %v thick in presentation, want at least 3", got)
	}
	a.zoomBy(1)
	if a.zoom() != 175 || a.fyne.Preferences().IntWithFallback(prefZoom, 100) != 100 {
		t.Errorf("presentation zoom %d, normal %d: want 175 and the normal view's untouched", a.zoom(), a.fyne.Preferences().Int(prefZoom))
	}
	// The dashboard is legible too, its figures whole.
	typeShortcut(a, fyne.Key1, 0)
	if a.screen != screenDashboard || !a.presenting {
		t.Fatalf("screen %s, presenting %v after Ctrl+1", a.screen.name(), a.presenting)
	}
	repaint(a)
	if !hasText(a.win, "Encours clients") {
		t.Errorf("dashboard in presentation without its figures: %q", texts(a.win))
	}
	// Escape leaves it (when no field has the focus)…
	a.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if a.presenting || !onScreen(a.shell.nav) || !onScreen(a.shell.search) || a.zoom() != 100 {
		t.Errorf("after Escape: presenting %v, zoom %d, navigation shown %v", a.presenting, a.zoom(), onScreen(a.shell.nav))
	}
	if f := <-events; f["on"] != false {
		t.Errorf("traced %v on leaving, want on=false", f)
	}
	// …and so do F5 twice and the button on screen.
	a.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyF5})
	if !a.presenting || a.zoom() != 175 {
		t.Fatalf("F5: presenting %v at %d %%, want the presentation's own 175 %%", a.presenting, a.zoom())
	}
	repaint(a)
	exit := button(t, a.win, "Quitter la présentation")
	exit.OnTapped()
	if a.presenting {
		t.Error("the « Quitter la présentation » button did not leave the presentation")
	}
}
