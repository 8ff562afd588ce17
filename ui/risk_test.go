package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"relance/ledger"
	"relance/ledger/demo"
	"relance/ledger/risk"
)

// riskShotSetup opens the Risk tab of the first customer with a pending proposal and
// an active signal (screenshots).
func riskShotSetup(a *App) {
	a.detailTab, a.risk.clientsTab = 3, 0
	a.clients.filter = ledger.SummaryFilter{}
	res := a.risk.riskResult()
	for i := range res.Assessments {
		as := &res.Assessments[i]
		if as.Pending != nil && as.ActiveSignals() > 0 {
			a.clients.selected = as.Customer
			return
		}
	}
}

// The Clients screen filters by class and signal, sorts by class, and a risk write
// (an override) is seen at once; the policy editor refuses a bad value naming it.
func TestRiskScreens(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := demo.Create(path, anchor); err != nil {
		t.Fatal(err)
	}
	a := newTestApp(t, "fr")
	if err := open(t, a, path); err != nil {
		t.Fatal(err)
	}
	a.showScreen(screenClients)
	v := a.clients.view
	all := len(v.rows)
	a.risk.class = "D"
	v.apply()
	res := a.risk.riskResult()
	if len(v.rows) == 0 || len(v.rows) != res.Counts()["D"] {
		t.Fatalf("class D filter: %d rows, %d in D", len(v.rows), res.Counts()["D"])
	}
	a.risk.class, a.risk.signal = "", risk.SigBounced
	v.apply()
	if len(v.rows) == 0 || len(v.rows) >= all {
		t.Fatalf("signal filter: %d of %d", len(v.rows), all)
	}
	a.risk.signal = ""
	a.clients.sortCol, a.clients.desc = colClass, true
	v.apply()
	if first := res.Get(v.rows[0].ID); first.Class != "D" {
		t.Errorf("sorted by class, first is %s", first.Class)
	}

	id := v.rows[len(v.rows)-1].ID
	a.risk.riskWrite(func() error {
		return a.sess.OverrideClass(risk.Override{Customer: id, Class: "D", Reason: "essai", By: "test", Date: a.asOf})
	}, "uirisk.status.override")
	if as := a.risk.riskResult().Get(id); as.Class != "D" || as.Override == nil {
		t.Fatalf("override not seen: %+v", as)
	}
	if as := a.risk.riskDetail(id); len(as.Axes) != 4 || len(as.Axes[0].Reasons) == 0 {
		t.Fatalf("detail without reasons")
	}
	if ev := a.risk.riskEvents(id); len(ev) < 2 {
		t.Errorf("timeline: %+v", ev)
	}

	content, read, err := a.risk.riskPolicyForm()
	if err != nil || content == nil {
		t.Fatal(err)
	}
	if p, err := read(); err != nil || p.Validate() != nil {
		t.Fatalf("unchanged policy refused: %v", err)
	}

	// The editor, captured for people to look at.
	a.risk.showRiskPolicy()
	a.win.Resize(windowSize())
	a.win.Canvas().Refresh(a.win.Content())
	for _, o := range a.win.Canvas().Overlays().List() {
		o.Refresh()
	}
	img := a.win.Canvas().Capture()
	dir := t.TempDir()
	if os.Getenv("UPDATE_SCREENSHOTS") == "1" {
		dir = filepath.Join("..", "docs", "screenshots")
	}
	f, err := os.Create(filepath.Join(dir, "risk-policy-fr.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
	if !hasText(a.win, a.t("uirisk.pol.scale_amount")) {
		t.Error("policy editor not drawn")
	}
}

func TestRiskMapMoney(t *testing.T) {
	for _, c := range []struct {
		lang, whole, kilo string
	}{{"fr", "40\u202f000\u00a0€", "47,8 k€"}, {"en", "€40,000", "47.8 k€"}} {
		a := &App{lang: c.lang, book: ledger.NewBook(ledger.DefaultSettings(), nil, nil)}
		if got := a.wholeMoney(4000000); got != c.whole {
			t.Errorf("%s: wholeMoney = %q, want %q", c.lang, got, c.whole)
		}
		if got := a.kiloMoney(4789000); got != c.kilo {
			t.Errorf("%s: kiloMoney = %q, want %q", c.lang, got, c.kilo)
		}
	}
}
