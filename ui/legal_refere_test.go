package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"relance/desk"
	"relance/ledger"
)

// Contentieux › Injonction on a public buyer shows its référé-provision pack instead
// (conditions, court, invoices, total, « Enregistrer le dossier PDF… »), the same as
// desk.RefereProvisionPack; leaving out the invoices paid late lowers the total; a
// business customer gets the injonction pack again. RELANCE_KEEP_PNG=DIR keeps the
// captures.
func TestLegalReferePane(t *testing.T) {
	for _, lang := range []string{"fr", "en"} {
		t.Run(lang, func(t *testing.T) {
			a := openDemoApp(t, lang)
			var public string
			for _, acc := range a.book.Accounts {
				if acc.Customer.Kind == ledger.PublicBody && acc.Customer.Address.Postcode == "69003" {
					public = acc.Customer.ID
				}
			}
			if public == "" {
				t.Fatal("no public buyer in Lyon in the demo")
			}
			a.legal.tab, a.legal.more.ipCustomer = 3, public
			a.legal.prepareInjonction()
			a.showScreen(screenLegal)
			repaint(a)
			rf := a.legal.more.rf
			if !rf.active || rf.pack == nil || rf.err != "" || a.legal.more.ipPack != nil {
				t.Fatalf("référé state %+v, injonction %v", rf, a.legal.more.ipPack != nil)
			}
			want, err := a.sess.RefereProvisionPack(public, a.asOf, desk.RefereOptions{})
			if err != nil || want.Total != rf.pack.Total || want.Total <= 0 {
				t.Fatalf("window total %s, desk %v %v", rf.pack.Total, want, err)
			}
			total := rf.pack.Total.Format(lang, rf.pack.Currency)
			// a wrapped label is drawn line by line: its first words
			banner := strings.SplitN(a.t("refere.ui.public"), ":", 2)[0]
			for _, s := range []string{banner, "Tribunal administratif de Lyon", a.t("refere.ui.h.checks"),
				a.t("refere.ui.h.lines"), a.t("refere.pdf.sum.total"), total} {
				if !hasText(a.win, s) {
					t.Errorf("%q not on screen", s)
				}
			}
			if lang == "en" && !hasText(a.win, strings.SplitN(a.t("refere.ui.pdf_fr"), ":", 2)[0]) {
				t.Error("the English window must say the PDF is in French")
			}
			if b := button(t, a.win, a.t("refere.ui.save")); b.Disabled() {
				t.Error("save button disabled")
			}
			keepPNG(t, a, "refere-"+lang)

			// Leave out the invoices paid late: a smaller total, kept on the next prepare.
			check(t, a.win, a.t("refere.ui.paid_late")).SetChecked(false)
			rf = a.legal.more.rf
			if rf.pack == nil || !rf.skipPaidLate || rf.pack.Total >= want.Total {
				t.Errorf("without the invoices paid late: %+v", rf)
			}
			for _, l := range rf.pack.Lines {
				if l.Paid.Valid() {
					t.Errorf("line paid late kept: %+v", l)
				}
			}

			// A business customer: the injonction pack again.
			for _, acc := range a.book.Accounts {
				if acc.Customer.Kind == ledger.Business && acc.Overdue(a.asOf) > 0 {
					a.legal.more.ipCustomer = acc.Customer.ID
					break
				}
			}
			a.legal.prepareInjonction()
			a.showScreen(screenLegal)
			if a.legal.more.rf.active || a.legal.more.ipPack == nil || hasText(a.win, strings.SplitN(a.t("refere.ui.public"), ":", 2)[0]) {
				t.Errorf("business customer: référé %+v, injonction %v", a.legal.more.rf, a.legal.more.ipPack != nil)
			}
		})
	}
}

// keepPNG writes the window's capture to $RELANCE_KEEP_PNG/name.png, when set.
func keepPNG(t *testing.T, a *App, name string) {
	t.Helper()
	dir := os.Getenv("RELANCE_KEEP_PNG")
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, a.win.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}
