package ui

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"relance/ledger"
	"relance/ledger/demo"
	"relance/ledger/law"
	"relance/letters/injonction"
)

// TestScreenshots renders the main window on the demo dossier (anchored at 2026-11-23)
// at the default window size (windowSize), in French and English, on the Clients screen (with a customer's detail
// open), the dashboard and the settings. With UPDATE_SCREENSHOTS=1 the PNGs go to
// docs/screenshots/ for people to look at; otherwise to a temporary folder. Either way
// the rendering is checked for real content.
func TestScreenshots(t *testing.T) {
	dir := t.TempDir()
	if os.Getenv("UPDATE_SCREENSHOTS") == "1" {
		dir = filepath.Join("..", "docs", "screenshots")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, lang := range []string{"fr", "en"} {
		// A fixed path, so that the status bar (which shows it) and thus the PNGs are
		// the same from one run to the next.
		fixed := filepath.Join(os.TempDir(), "relance-screenshots", "demo-"+lang+".db")
		os.RemoveAll(filepath.Dir(fixed) + "/demo-" + lang + ".db.backups")
		os.Remove(fixed)
		os.MkdirAll(filepath.Dir(fixed), 0o755)
		if err := demo.Create(fixed, anchor); err != nil {
			t.Fatal(err)
		}
		a := newTestApp(t, lang)
		if err := open(t, a, fixed); err != nil {
			t.Fatal(err)
		}
		shots := []struct {
			name   string
			screen screenID
			setup  func()
			expect []string // texts that must be drawn
		}{
			{"dashboard", screenDashboard, nil, []string{a.t("kpi.receivables"), a.t("kpi.overdue_rate"), a.t("ui.dash.legend_countback"), a.book.Settings.Company.Name}},
			{"customers", screenClients, nil, []string{a.t("ui.col.balance"), a.t("ui.filter.overdue_only")}},
			{"customer-detail", screenClients, func() {
				a.clients.filter.OverdueOnly = true
				a.clients.sortCol, a.clients.desc = ledger.ColOverdue, true
			}, []string{a.t("ui.detail.terms"), a.t("ui.item.duedate")}},
			{"customer-profile", screenClients, func() { a.detailTab = 1 }, []string{a.t("kpi.profile.on_time")}},
			{"aged", screenDashboard, func() { a.dash.tab, a.dash.agedBy = 1, "salesperson" }, []string{a.t("ui.aged.by"), a.t("aged.credits")}},
			{"disputes", screenDisputes, func() {
				a.disputesView.tab = 0
				a.disputesView.status = "active"
				if rows := a.disputesView.filteredDisputes(); len(rows) > 0 {
					a.disputesView.selected = rows[0].ID
				}
			}, []string{a.t("ui.disp.history")}},
			{"blocks", screenDisputes, func() { a.disputesView.tab = 1 }, []string{a.t("ui.blk.propose")}},
			{"legal", screenLegal, func() {
				a.legal.end = "30/06/2026"
				end, _ := parseDate(a.legal.end)
				for _, acc := range a.book.Accounts {
					if acc.Overdue(end) > 0 && acc.Customer.Kind == 0 && acc.Customer.Address.Country == "FR" && len(acc.OpenItems()) > 3 {
						a.legal.customer = acc.Customer.ID
						break
					}
				}
				a.legal.computePenalties()
			}, []string{a.t("law.total.due")}},
			{"legal-injonction", screenLegal, func() {
				a.legal.tab = 3
				for _, acc := range a.book.Accounts {
					if acc.Customer.Status != ledger.StatusInsolvency && acc.Customer.Kind == ledger.Business && acc.Overdue(a.asOf) > 0 {
						if p, err := injonctionPack(a, acc.Customer.ID); err == nil && p.Eligibility.Eligible && p.Decompte != nil && len(p.Decompte.Lines) > 2 {
							a.legal.more.ipCustomer = acc.Customer.ID
							break
						}
					}
				}
				a.legal.prepareInjonction()
			}, []string{a.t("ip.pdf.h.bordereau")}},
			{"legal-procedures", screenLegal, func() { a.legal.tab = 4 }, []string{a.t("law.proc.deadline.claim")}},
			{"legal-costs", screenLegal, func() {
				a.legal.tab = 5
				a.legal.more.costAmount, a.legal.more.costRate, a.legal.more.costDays = "10000", "6", "60"
				a.legal.more.escAmount, a.legal.more.escDiscount, a.legal.more.escDays, a.legal.more.escFR = "10000", "2", "30", "6"
				a.legal.more.costResult, a.legal.more.escResult = a.legal.computeLateCost(), a.legal.computeEscompte()
			}, []string{a.t("ui.legal2.escompte")}},
			{"letters", screenLetters, nil, []string{a.t("ui.let.tab.templates"), a.t("ui.let.preview")}},
			{"agenda", screenReminders, func() { a.agenda.tab, a.agenda.selected = 0, 0 }, []string{a.t("ui.agenda.col.priority"), a.t("ui.agenda.reschedule")}},
			{"agenda-plans", screenReminders, func() { a.agenda.tab = 2 }, []string{a.t("ui.agenda.new_plan")}},
			{"agenda-scenarios", screenReminders, func() { a.agenda.tab = 3 }, []string{a.t("ui.agenda.step.offset")}},
			{"customer-risk", screenClients, func() { riskShotSetup(a) }, []string{a.t("uirisk.axes"), a.t("uirisk.accept")}},
			{"risk-map", screenClients, func() { a.detailTab, a.clients.selected, a.risk.clientsTab = 0, "", 1 }, []string{a.t("uirisk.tab.map")}},
			{"correction", screenCorrection, func() { a.trainer.training, a.trainer.tab = false, 0 }, []string{a.t("ui.trainer.tab.annotated"), a.t("ui.trainer.missing")}},
			{"settings", screenSettings, func() { a.dash.tab, a.dash.agedBy = 0, "" }, []string{a.t("ui.set.terms"), a.t("ui.set.save")}},
		}
		for _, s := range shots {
			t.Run(lang+"-"+s.name, func(t *testing.T) {
				if s.setup != nil {
					s.setup()
				}
				a.showScreen(s.screen)
				if s.name == "aged" {
					scrollToLastColumn(t, a) // the credits column, beyond the window's width
				}
				if s.name == "customer-detail" || s.name == "customer-profile" {
					a.clients.view.selectCustomer(a.clients.view.rows[0].ID)
				}
				a.win.Resize(windowSize())
				img := a.win.Canvas().Capture()
				if b, ws := img.Bounds(), windowSize(); b.Dx() != int(ws.Width) || b.Dy() != int(ws.Height) {
					t.Fatalf("capture is %v", b)
				}
				for _, want := range s.expect {
					if !hasText(a.win, want) {
						t.Errorf("%q not drawn", want)
					}
				}
				if n := colours(img); n < 8 {
					t.Errorf("capture has %d colours: blank?", n)
				}
				f, err := os.Create(filepath.Join(dir, s.name+"-"+lang+".png"))
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
}

// colours counts the distinct colours of img (up to 1,000).
func colours(img image.Image) int {
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			r, g, bl, al := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, al}] = true
			if len(seen) >= 1000 {
				return len(seen)
			}
		}
	}
	return len(seen)
}

// injonctionPack prepares the injonction pack of a customer of a's dossier.
func injonctionPack(a *App, id string) (*law.IPPack, error) {
	return injonction.Prepare(a.db, a.book, id, a.asOf, nil)
}
