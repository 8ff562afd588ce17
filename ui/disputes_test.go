package ui

import (
	"testing"

	"relance/ledger/dispute"
)

func TestDisputesScreenFiltersAndMoves(t *testing.T) {
	a := openDemoApp(t, "fr")
	if len(a.disputes) < 15 {
		t.Fatalf("%d disputes in the demo", len(a.disputes))
	}
	a.showScreen(screenDisputes)
	if !hasText(a.win, a.disputes[0].ID) && !hasText(a.win, a.t("ui.disp.active")) {
		t.Fatalf("disputes not listed: %q", texts(a.win))
	}
	a.disputesView.status = "active"
	active := a.filteredDisputes()
	for _, d := range active {
		if !d.Status.Active() {
			t.Errorf("%s %s kept by the in-progress filter", d.ID, d.Status)
		}
	}
	if len(active) == 0 || len(active) == len(a.disputes) {
		t.Fatalf("%d in progress of %d", len(active), len(a.disputes))
	}
	// Move an open dispute to "with sales", then try a move the flow refuses.
	var open *dispute.Dispute
	for _, d := range active {
		if d.Status == dispute.StatusOpen {
			open = d
			break
		}
	}
	if open == nil {
		t.Fatal("no open dispute in the demo")
	}
	id := open.ID
	a.disputesView.selected = id
	a.showScreen(screenDisputes)
	if !hasText(a.win, a.t("ui.disp.history")) {
		t.Error("detail not shown")
	}
	rev, _ := a.db.Revision()
	if err := waitLoaded(t, a, func() {
		a.updateDispute(id, func(d *dispute.Dispute) error {
			return d.Move(dispute.StatusWithSales, a.asOf, "test", "", nil)
		})
	}); err != nil {
		t.Fatal(err)
	}
	if d := a.findDispute(id); d == nil || d.Status != dispute.StatusWithSales {
		t.Fatalf("status after move: %+v", d)
	}
	after, _ := a.db.Revision()
	if after != rev+1 {
		t.Errorf("revision %d → %d: not one transaction", rev, after)
	}
	a.updateDispute(id, func(d *dispute.Dispute) error { return d.Move(dispute.StatusOpen, a.asOf, "test", "", nil) })
	if again, _ := a.db.Revision(); again != after {
		t.Error("a refused move wrote to the dossier")
	}
	// The dashboard now counts the disputed amounts.
	a.showScreen(screenDashboard)
	if f := a.dash.snap.KPI("kpi.disputes_weight"); f == nil || !f.Defined || f.Value.IsZero() {
		t.Errorf("weight of disputes: %+v", f)
	}
}
