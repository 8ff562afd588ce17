package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"relance/desk"
)

// Contentieux › Pénalités, « Facture de pénalités… » on a customer opens the preview:
// its invoices paid late, the total of desk.Session.PenaltyInvoice, and « Émettre et
// enregistrer le PDF… » enabled; a period that excludes every payment has nothing to
// bill and disables it. RELANCE_KEEP_PNG=DIR keeps the captures.
func TestPenaltyInvoiceDialog(t *testing.T) {
	for _, lang := range []string{"fr", "en"} {
		t.Run(lang, func(t *testing.T) {
			a := openDemoApp(t, lang)
			const id = "C00004"
			a.legal.tab, a.legal.customer = 0, id
			a.showScreen(screenLegal)
			repaint(a)
			test.Tap(button(t, a.win, a.t("penaltyinv.ui.button")))
			repaint(a)
			st := &a.legal.more.pinv
			if st.dlg == nil || st.preview == nil || st.preview.Empty() {
				t.Fatalf("dialog %v, preview %+v", st.dlg != nil, st.preview)
			}
			want, err := a.sess.PenaltyInvoice(desk.PenaltyInvoiceRequest{Customer: id, AsOf: a.asOf})
			if err != nil || want.Total != st.preview.Total {
				t.Fatalf("window total %s, desk %+v %v", st.preview.Total, want, err)
			}
			total := want.Total.Format(lang, want.Currency)
			for _, s := range []string{a.t("penaltyinv.pdf.sum.total"), total, want.Invoices[0].Number, "Brasserie du Parc"} {
				if !hasText(a.win, s) {
					t.Errorf("%q not on screen", s)
				}
			}
			issue := overlayButton(t, a, a.t("penaltyinv.ui.issue"))
			if issue.Disabled() {
				t.Error("issue button disabled")
			}
			keepPNG(t, a, "penalty-invoice-"+lang)

			// No payment in the period: nothing to bill, the button disabled.
			test.Type(overlayEntry(t, a, a.t("penaltyinv.ui.date_hint"), 1), "2020-01-01")
			if st.preview == nil || !st.preview.Empty() || !issue.Disabled() {
				t.Errorf("period before every payment: %+v, issue disabled %v", st.preview, issue.Disabled())
			}
			if !hasText(a.win, strings.SplitN(a.t("penaltyinv.ui.nothing"), ":", 2)[0]) {
				t.Error("nothing to bill is not said")
			}
			test.Tap(overlayButton(t, a, a.t("penaltyinv.ui.close")))
			if st.dlg != nil {
				t.Error("dialog still open")
			}
		})
	}
}

// overlayEntry finds the n-th entry (0-based) of the top overlay with placeholder hint.
func overlayEntry(t *testing.T, a *App, hint string, n int) *widget.Entry {
	t.Helper()
	for _, o := range visible(a.win.Canvas().Overlays().Top()) {
		if e, ok := o.(*widget.Entry); ok && e.PlaceHolder == hint {
			if n == 0 {
				return e
			}
			n--
		}
	}
	t.Fatalf("no entry %q in the dialog", hint)
	return nil
}
