// Package ui is Relance's desktop interface: the main window, its screens and the
// user flows that call into the ledger. It only presents: every figure on screen comes
// from a ledger function, every write is one store transaction.
package ui

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"relance/assets"
	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/dispute"
	"relance/ledger/law"
	"relance/ledger/store"
	"relance/letters/pdfdoc"
)

// AppID is the application's reverse-DNS identifier; Fyne keeps the preferences under it.
const AppID = "fr.relance.app"

// Preference keys.
const (
	prefLang   = "pref.lang"
	prefRecent = "pref.recent"
	maxRecent  = 8
)

// windowSize is the main window's size on first start: it fits inside the smallest
// common laptop screen (1280×720, 1366×768) with room for the desktop's bars. Fyne has
// no API to place a window or to read the screen size: the window manager places it.
func windowSize() fyne.Size { return fyne.NewSize(1200, 660) }

// minWindowSize is the smallest remembered size worth restoring.
func minWindowSize() fyne.Size { return fyne.NewSize(800, 520) }

// App is the running interface: the Fyne app and window, the open dossier, the book
// loaded from it and the state of the screens. All fields are read and written on the
// Fyne goroutine only; background work hands its results back with fyne.Do.
type App struct {
	fyne  fyne.App
	win   fyne.Window
	lang  string
	today ledger.Date
	asOf  ledger.Date

	// sess is the open dossier (desk.Session), nil when none; db, path and book are
	// its own, for short (set together by setSession).
	sess *desk.Session
	db   *store.DB                // open dossier, nil when none
	path string                   // its file
	book *ledger.Book             // loaded from db, nil while none
	sums []ledger.CustomerSummary // the customers at asOf (desk.Session.Customers)

	busy    bool   // a dossier is being opened or loaded
	busyMsg string // what is being done, for the status bar
	loadErr string // why no dossier is open, shown on the empty screen
	// unchecked is set while a dossier opened in two steps is checked before it may be
	// written, and afterCheck is what waits for that (ui/staged.go: whenChecked).
	unchecked  bool
	afterCheck func()

	screen  screenID
	shell   *shell
	clients clientsState
	// settingsView is the settings form on display (tests drive it).
	settingsView *settingsView
	// dash is the Tableau de bord screen (ui/dashboard.go, ui/agedview.go).
	dash *dashboardView
	// disputes and blocks are the dossier's, loaded with the book; disputeIdx answers
	// "how much of this item is disputed at this date".
	disputes   []dispute.Dispute
	blocks     []dispute.Block
	disputeIdx *dispute.Index
	// disputesView is the Litiges screen (ui/disputes.go, disputedetail.go, blocks.go).
	disputesView *disputesView
	// rates are the embedded rate tables with the dossier's added half-years;
	// ratesBannerSeen the missing-rates banner put aside (ui/ratesbanner.go).
	rates           *law.Rates
	ratesBannerSeen ratesBannerState
	// legal is the Contentieux screen (ui/legal*.go).
	legal *legalView
	// detailTab is the tab shown on the customer panel (identity or payer profile).
	detailTab   int
	risk        *riskView     // risk classes and signals at the as-of date (ui/risk.go), and the Clients filters
	lettersView *lettersView  // the Courriers screen (ui/letters.go, ui/letters_archive.go)
	agenda      *agendaView   // the Relances du jour screen (ui/agenda*.go)
	trainer     *trainerView  // the Correction screen (ui/trainer*.go)
	backends    checkBackends // spelling and grammar engines of the letter checks (ui/checkengines.go)
	// pdfFactory renders PDFs with fonts parsed once (created on first use).
	pdfFactory *pdfdoc.Factory
	// pdfWarned is the last replaced-characters warning shown (pdfWarning).
	pdfWarned string
	// tracer records the window's events for the end-to-end journeys (RELANCE_TRACE).
	tracer *tracer
	// presenting is the presentation mode: zoom of its own, high contrast, no side
	// navigation (ui/zoom.go).
	presenting bool
}

// Run starts the GUI on the dossier at path (when path is empty: the last dossier
// opened, or the welcome page on first run) and returns the process exit status once
// the window is closed.
func Run(path string) int {
	fa := app.NewWithID(AppID)
	fa.SetIcon(fyne.NewStaticResource("relance.png", assets.Icon))
	a := newApp(fa, ledger.DateOf(time.Now()))
	a.tracer.open(os.Getenv("RELANCE_TRACE"))
	defer a.tracer.close()
	a.trace("start", "lang", a.lang)
	a.restoreWindowSize()
	a.backends.enabled = true // the real driver: engines, and checks off the UI goroutine
	a.win.SetOnClosed(func() {
		a.saveWindowSize()
		a.saveSplits()
		a.closeDossier()
		a.stopCheckBackends()
	})
	a.start(path)
	a.win.ShowAndRun()
	return 0
}

// newApp builds the interface on fa with today as the default as-of date, and shows
// the empty shell (no dossier yet).
func newApp(fa fyne.App, today ledger.Date) *App {
	a := &App{fyne: fa, today: today, asOf: today, screen: screenDashboard, tracer: &tracer{}}
	a.dash = &dashboardView{a: a, agedSort: -1}
	a.legal = &legalView{a: a}
	a.lettersView = &lettersView{a: a}
	a.agenda = &agendaView{a: a}
	a.disputesView = &disputesView{a: a}
	a.trainer = &trainerView{a: a}
	a.risk = &riskView{a: a}
	fa.Settings().SetTheme(a.appTheme()) // the variant and the zoom (ui/zoom.go)
	a.lang = a.initialLang()
	a.fyneLang() // Fyne's dialogs in the same language (ui/fynelang.go)
	a.clients = newClientsState()
	a.win = fa.NewWindow("Relance")
	a.win.Resize(windowSize())
	a.installShortcuts()
	a.rebuild()
	return a
}

// Preference keys of the window's size.
const (
	prefWinW = "pref.window.width"
	prefWinH = "pref.window.height"
)

// restoreWindowSize gives the window the size it had when last closed (at least
// minWindowSize), or the default size.
func (a *App) restoreWindowSize() {
	p := a.fyne.Preferences()
	w, h := p.FloatWithFallback(prefWinW, 0), p.FloatWithFallback(prefWinH, 0)
	if m := minWindowSize(); float32(w) >= m.Width && float32(h) >= m.Height {
		a.win.Resize(fyne.NewSize(float32(w), float32(h)))
	}
}

// saveWindowSize remembers the window's size for the next start.
func (a *App) saveWindowSize() {
	s := a.win.Canvas().Size()
	if m := minWindowSize(); s.Width >= m.Width && s.Height >= m.Height {
		a.fyne.Preferences().SetFloat(prefWinW, float64(s.Width))
		a.fyne.Preferences().SetFloat(prefWinH, float64(s.Height))
	}
}

// start opens the dossier at path; with no path, the last dossier opened, or on first
// run (no recent dossier left) the welcome page: discover the demo, create or open.
func (a *App) start(path string) {
	if path == "" {
		path = a.lastDossier()
	}
	if path == "" {
		a.trace("welcome")
		return
	}
	a.openDossier(path)
}

// lastDossier is the most recent dossier that still exists ("" when none: first run).
func (a *App) lastDossier() string {
	for _, p := range a.recent() {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

// isDemo tells whether the open dossier is the user's demo dossier.
func (a *App) isDemo() bool {
	if a.path == "" {
		return false
	}
	demo, err := store.DemoPath()
	return err == nil && (demo == a.path || sameFile(demo, a.path))
}

// sameFile tells whether two paths name the same existing file.
func sameFile(p, q string) bool {
	a, err := os.Stat(p)
	if err != nil {
		return false
	}
	b, err := os.Stat(q)
	return err == nil && os.SameFile(a, b)
}

// companyTitle is the open dossier's company name, marked as a demonstration for
// the demo dossier.
func (a *App) companyTitle() string {
	if a.book == nil {
		return ""
	}
	name := a.book.Settings.Company.Name
	if a.isDemo() {
		return a.t("ui.demo.company", "company", name)
	}
	return name
}

// Preference key of a split's position (one per split, by name).
func prefSplit(name string) string { return "pref.split." + name }

// splitOffset is the remembered position of split name, or def.
func (a *App) splitOffset(name string, def float64) float64 {
	o := a.fyne.Preferences().FloatWithFallback(prefSplit(name), def)
	if o < 0.1 || o > 0.9 {
		return def
	}
	return o
}

// saveSplits remembers the position of the splits on display.
func (a *App) saveSplits() {
	if v := a.clients.view; v != nil && v.split != nil {
		a.fyne.Preferences().SetFloat(prefSplit(v.splitKey), v.split.Offset)
	}
	if sp := a.clients.detailSplit; sp != nil {
		a.fyne.Preferences().SetFloat(prefSplit("customer"), sp.Offset)
	}
}

// initialLang is RELANCE_LANG, else the language preference, else the system's (the
// locale environment on Unix, the display language on Windows), French by default.
func (a *App) initialLang() string { return i18n.Detect(a.fyne.Preferences().String(prefLang)) }

// t translates a "ui.*" key in the user's language.
func (a *App) t(key string, args ...string) string { return i18n.T(a.lang, key, args...) }

// setLang switches the interface language, remembers it and rebuilds the window.
func (a *App) setLang(lang string) {
	lang = i18n.Norm(lang)
	a.fyne.Preferences().SetString(prefLang, lang)
	if lang == a.lang {
		return
	}
	a.lang = lang
	a.fyneLang()
	a.rebuild()
}

// money formats an amount in the dossier's currency and the user's language.
func (a *App) money(c ledger.Cents) string {
	cur := "EUR"
	if a.book != nil {
		cur = a.book.Settings.Currency
	}
	return c.Format(a.lang, cur)
}

// date formats a date for the user: DD/MM/YYYY in French, YYYY-MM-DD in English.
func (a *App) date(d ledger.Date) string {
	if a.lang == "fr" {
		return d.French()
	}
	return d.String()
}

// parseDate reads a date typed by the user: DD/MM/YYYY or YYYY-MM-DD.
func parseDate(s string) (ledger.Date, error) {
	if d, err := ledger.ParseFrenchDate(s); err == nil {
		return d, nil
	}
	return ledger.ParseDate(s)
}

// setAsOf changes the date at which every figure is computed.
func (a *App) setAsOf(d ledger.Date) {
	if d == a.asOf || !d.Valid() {
		return
	}
	if a.checking() {
		a.whenChecked(func() { a.setAsOf(d) })
		return
	}
	if a.sess != nil && a.sess.ReadForDate() {
		a.readAt(d)
		return
	}
	a.asOf = d
	a.recompute()
	a.showScreen(a.screen)
}

// readAt sets the as-of date of a dossier opened in two steps (ui/staged.go): the
// session holds what the figures need from the date it was read for, so an earlier date
// reads the dossier again off the Fyne goroutine (desk.Session.At: the whole history
// before the latest activity, and the open items again once the date comes back).
func (a *App) readAt(d ledger.Date) {
	if a.busy {
		return
	}
	sess := a.sess
	a.setBusy(a.t("ui.status.loading", "file", filepath.Base(a.path)))
	go func() {
		s, err := sess.At(d)
		fyne.Do(func() {
			a.busy = false
			a.setStatus("")
			if a.sess != sess { // closed or read again meanwhile
				return
			}
			if err != nil {
				a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
				return
			}
			if s != sess {
				a.setSession(s)
				if !sess.Partial && s.Partial { // the whole history read for a past date is garbage now
					go debug.FreeOSMemory()
				}
			}
			a.asOf = d
			a.recompute()
			a.showScreen(a.screen)
			a.trace("read", "asof", d.String(), "partial", s.Partial)
		})
	}()
}

// recompute derives the summaries from the book at the as-of date.
func (a *App) recompute() {
	if a.sess == nil {
		a.sums = nil
		return
	}
	a.sums = a.sess.Customers(a.asOf)
}
