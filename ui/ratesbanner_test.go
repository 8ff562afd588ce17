package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/law"
)

// bannerText is the missing-rates banner's message, "" when none is shown.
func bannerText(a *App) string {
	for _, o := range visible(a.shell.banner) {
		if l, ok := o.(*widget.Label); ok {
			return l.Text
		}
	}
	return ""
}

// overlayEntries and overlayButton find the entries and a button of the dialog on top.
func overlayEntries(a *App) []*widget.Entry {
	var out []*widget.Entry
	for _, o := range visible(a.win.Canvas().Overlays().Top()) {
		if e, ok := o.(*widget.Entry); ok {
			out = append(out, e)
		}
	}
	return out
}

func overlayButton(t *testing.T, a *App, text string) *widget.Button {
	t.Helper()
	for _, o := range visible(a.win.Canvas().Overlays().Top()) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q in the dialog; texts %q", text, texts(a.win))
	return nil
}

// A new company's dossier opened in the second half of 2026, which the shipped tables
// do not cover: a banner names the missing rates and the screen and command that add
// them; « Saisir les taux » opens the form for that half-year, a refused rate brings
// it back with what was typed, and once the rates are entered the banner is gone.
// It follows the as-of date.
func TestMissingRatesBanner(t *testing.T) {
	a := newTestApp(t, "fr")
	path := filepath.Join(t.TempDir(), "acme.db")
	set := ledger.DefaultSettings()
	set.Company.Name = "ACME SAS"
	if err := desk.Create(path, set); err != nil {
		t.Fatal(err)
	}
	if err := open(t, a, path); err != nil {
		t.Fatal(err)
	}
	if law.HalfOf(a.asOf) != (law.Half{Year: 2026, H: 2}) {
		t.Fatalf("as of %s", a.asOf)
	}
	got := bannerText(a)
	want := "Taux du 2nd semestre 2026 manquants : taux BCE, taux de l'intérêt légal. Les pénalités et mises en demeure à compter du 01/07/2026 ne peuvent pas être calculées."
	if !strings.HasPrefix(got, want) || !strings.Contains(got, "Contentieux › Taux") || !strings.Contains(got, "relance rates add") {
		t.Fatalf("banner %q, want %q naming Contentieux › Taux and relance rates add", got, want)
	}

	// The as-of date in a covered half-year: no banner; back: the banner.
	a.setAsOf(ledger.NewDate(2026, 3, 31))
	if s := bannerText(a); s != "" {
		t.Errorf("banner in 2026-H1: %q", s)
	}
	a.setAsOf(anchor)
	if bannerText(a) == "" {
		t.Fatal("no banner back in 2026-H2")
	}

	// « Plus tard » puts it aside for this dossier and half-year.
	test.Tap(button(t, a.win, a.t("rates.banner.later")))
	if s := bannerText(a); s != "" {
		t.Errorf("banner after « Plus tard »: %q", s)
	}
	a.ratesBannerSeen = ratesBannerState{}
	a.showScreen(a.screen)

	errs := eventField[string](t, a, "error", "message")
	test.Tap(button(t, a.win, a.t("rates.banner.enter")))
	fields := overlayEntries(a)
	if len(fields) != 6 || fields[0].Text != "2026-H2" {
		t.Fatalf("the form for 2026-H2: %d entries, half %q", len(fields), fields[0].Text)
	}
	typeIn := func(e *widget.Entry, s string) { e.SetText(s) }
	typeIn(fields[1], "2,1x")
	typeIn(fields[2], "6,80")
	typeIn(fields[3], "3,05")
	typeIn(fields[5], "arrêté du 18 juin 2026, JORF 26/06/2026")
	test.Tap(overlayButton(t, a, a.t("ui.set.save")))
	select {
	case msg := <-errs:
		if !strings.Contains(msg, "taux BCE invalide « 2,1x »") {
			t.Errorf("refusal %q", msg)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a bad ECB rate was not refused")
	}
	test.Tap(overlayButton(t, a, a.t("ui.dialog.ok"))) // the message, then the form as typed
	fields = overlayEntries(a)
	if len(fields) != 6 || fields[1].Text != "2,1x" || fields[5].Text != "arrêté du 18 juin 2026, JORF 26/06/2026" {
		t.Fatalf("the form did not come back as typed: %d entries", len(fields))
	}
	if rec, err := a.sess.HalfYearRates(); err != nil || len(rec) != 0 {
		t.Fatalf("a refused rate was recorded: %+v %v", rec, err)
	}
	typeIn(fields[1], "2,15")
	if err := waitLoaded(t, a, func() { test.Tap(overlayButton(t, a, a.t("ui.set.save"))) }); err != nil {
		t.Fatal(err)
	}
	if s := bannerText(a); s != "" {
		t.Errorf("banner after entering the rates: %q", s)
	}
	rec, err := a.sess.HalfYearRates()
	if err != nil || len(rec) != 1 || rec[0].Source != "arrêté du 18 juin 2026, JORF 26/06/2026" || rec[0].Entered != anchor {
		t.Fatalf("recorded %+v %v", rec, err)
	}
	// The Taux screen lists them and offers the import.
	a.legal.tab = 2
	a.showScreen(screenLegal)
	if !hasText(a.win, "12,15") {
		t.Error("the Taux table does not show 2026-H2's B2B rate")
	}
	button(t, a.win, a.t("rates.ui.import"))
}

// The window's import: a good file recorded with its report, a bad one refused with
// every line named, and a conflict offered for replacement.
func TestImportRatesFileInWindow(t *testing.T) {
	a := newTestApp(t, "fr")
	path := filepath.Join(t.TempDir(), "acme.db")
	set := ledger.DefaultSettings()
	set.Company.Name = "ACME SAS"
	if err := desk.Create(path, set); err != nil {
		t.Fatal(err)
	}
	if err := open(t, a, path); err != nil {
		t.Fatal(err)
	}
	errs := eventField[string](t, a, "error", "message")
	next := func() string {
		select {
		case m := <-errs:
			return m
		case <-time.After(5 * time.Second):
			t.Fatal("no message shown")
		}
		return ""
	}
	a.legal.importRatesFile(filepath.Join("..", "testdata", "rates", "bad", "taux-invalide.csv"), false)
	if msg := next(); !strings.Contains(msg, "taux-invalide.csv, ligne 2, colonne other_pct : taux « 3.0x5 » invalide") ||
		!strings.Contains(msg, "Rien n'a été enregistré") {
		t.Errorf("bad file: %q", msg)
	}
	test.Tap(overlayButton(t, a, a.t("ui.dialog.ok")))
	if err := waitLoaded(t, a, func() {
		a.legal.importRatesFile(filepath.Join("..", "testdata", "rates", "taux-2026-S2.csv"), false)
	}); err != nil {
		t.Fatal(err)
	}
	if msg := next(); !strings.Contains(msg, "Semestres ajoutés : 2nd semestre 2026 (2026-H2)") {
		t.Errorf("report %q", msg)
	}
	// The legal rates are in; the ECB rate still missing, the banner says only that.
	if got := bannerText(a); !strings.HasPrefix(got, "Taux du 2nd semestre 2026 manquants : taux BCE.") {
		t.Errorf("banner %q", got)
	}
}
