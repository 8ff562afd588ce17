package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"relance/ledger/demo"
)

// The theme follows the system's variant unless the user forces one, and the choice is
// remembered: each mode gives the background of its variant.
func TestThemeModes(t *testing.T) {
	a := newTestApp(t, "fr")
	bg := func() fyne.ThemeColorName { return theme.ColorNameBackground }
	light := theme.DefaultTheme().Color(bg(), theme.VariantLight)
	dark := theme.DefaultTheme().Color(bg(), theme.VariantDark)
	for _, c := range []struct {
		mode    string
		variant fyne.ThemeVariant
		want    any
	}{
		{themeLight, theme.VariantDark, light},
		{themeDark, theme.VariantLight, dark},
		{themeSystem, theme.VariantDark, dark},
		{themeSystem, theme.VariantLight, light},
	} {
		a.setThemeMode(c.mode)
		if got := a.fyne.Preferences().String(prefTheme); got != c.mode {
			t.Errorf("preference %q after choosing %q", got, c.mode)
		}
		if got := a.fyne.Settings().Theme().Color(bg(), c.variant); got != c.want {
			t.Errorf("mode %s, system variant %d: background %v, want %v", c.mode, c.variant, got, c.want)
		}
	}
	if m := (&App{fyne: a.fyne}).themeMode(); m != themeSystem {
		t.Errorf("mode %q after choosing system", m)
	}
}

// The dashboard in the dark variant, and the Clients screen at a 1.5 scale factor (a
// 1920×1200 laptop screen at 150 %: 1280×800 logical pixels), render real content; with UPDATE_SCREENSHOTS=1 they are written to
// docs/screenshots/ (dashboard-dark-fr.png, customers-scale15-en.png) to be looked at.
func TestScreenshotsDarkAndScaled(t *testing.T) {
	dir := t.TempDir()
	if os.Getenv("UPDATE_SCREENSHOTS") == "1" {
		dir = filepath.Join("..", "docs", "screenshots")
	}
	// A fixed path, as in TestScreenshots, so that the status bar and the PNGs are stable.
	path := filepath.Join(os.TempDir(), "relance-screenshots", "demo-theme.db")
	os.RemoveAll(path + ".backups")
	os.Remove(path)
	os.MkdirAll(filepath.Dir(path), 0o755)
	if err := demo.Create(path, anchor); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, lang, mode string
		scale            float32
		screen           screenID
	}{
		{"dashboard-dark-fr", "fr", themeDark, 1, screenDashboard},
		{"customers-scale15-en", "en", themeLight, 1.5, screenClients},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := newTestApp(t, c.lang)
			a.win.Canvas().(interface{ SetScale(float32) }).SetScale(c.scale)
			a.setThemeMode(c.mode)
			if err := open(t, a, path); err != nil {
				t.Fatal(err)
			}
			a.showScreen(c.screen)
			a.win.Resize(windowSize())
			img := a.win.Canvas().Capture()
			if w, want := img.Bounds().Dx(), windowSize().Width*c.scale; w != int(want) {
				t.Errorf("capture %d pixels wide, want %v", w, want)
			}
			if n := colours(img); n < 8 {
				t.Errorf("capture has %d colours: blank?", n)
			}
			if !hasText(a.win, a.book.Settings.Company.Name) {
				t.Errorf("company name not drawn")
			}
			f, err := os.Create(filepath.Join(dir, c.name+".png"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if err := png.Encode(f, img); err != nil {
				t.Fatal(err)
			}
		})
	}
}
