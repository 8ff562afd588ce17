package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"relance/ledger"
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
	active := a.disputesView.filteredDisputes()
	for _, d := range active {
		if !d.Status.Active() {
			t.Errorf("%s %s kept by the in-progress filter", d.ID, d.Status)
		}
	}
	if len(active) == 0 || len(active) == len(a.disputes) {
		t.Fatalf("%d in progress of %d", len(active), len(a.disputes))
	}
	a.disputesView.age = 4
	for _, d := range a.disputesView.filteredDisputes() {
		if a.asOf.DaysSince(d.Opened) <= 60 {
			t.Errorf("%s opened %s kept by the > 60 days filter", d.ID, d.Opened)
		}
	}
	a.disputesView.age = 0
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
		a.disputesView.updateDispute(id, func(d *dispute.Dispute) error {
			return d.Move(dispute.StatusWithSales, a.asOf, "test", "", nil)
		})
	}); err != nil {
		t.Fatal(err)
	}
	if d := a.disputesView.findDispute(id); d == nil || d.Status != dispute.StatusWithSales {
		t.Fatalf("status after move: %+v", d)
	}
	after, _ := a.db.Revision()
	if after != rev+1 {
		t.Errorf("revision %d → %d: not one transaction", rev, after)
	}
	a.disputesView.updateDispute(id, func(d *dispute.Dispute) error { return d.Move(dispute.StatusOpen, a.asOf, "test", "", nil) })
	if again, _ := a.db.Revision(); again != after {
		t.Error("a refused move wrote to the dossier")
	}
	// The dashboard now counts the disputed amounts.
	a.showScreen(screenDashboard)
	if f := a.dash.snap.KPI("kpi.disputes_weight"); f == nil || !f.Defined || f.Value.IsZero() {
		t.Errorf("weight of disputes: %+v", f)
	}
}

func TestBlocksWorkflowAndExport(t *testing.T) {
	a := openDemoApp(t, "fr")
	if len(a.blocks) != 3 {
		t.Fatalf("%d blocks in the demo", len(a.blocks))
	}
	a.disputesView.tab = 1
	a.showScreen(screenDisputes)
	if !hasText(a.win, a.t("ui.blk.propose")) {
		t.Fatal("blocks tab not shown")
	}
	var proposed, active string
	for _, b := range a.blocks {
		switch b.State() {
		case dispute.BlockProposed:
			proposed = b.ID
		case dispute.BlockActive:
			active = b.ID
		}
	}
	if proposed == "" || active == "" {
		t.Fatal("the demo lacks a proposed or an active block")
	}
	if err := waitLoaded(t, a, func() {
		a.disputesView.updateBlock(proposed, func(b *dispute.Block) error {
			return b.Decide(dispute.Decision{Date: a.asOf, By: "test", Blocked: true}, "paiement de l'échu")
		})
	}); err != nil {
		t.Fatal(err)
	}
	if err := waitLoaded(t, a, func() {
		a.disputesView.updateBlock(active, func(b *dispute.Block) error { return b.LiftBlock(dispute.Lift{Date: a.asOf, By: "test"}) })
	}); err != nil {
		t.Fatal(err)
	}
	in := dispute.BlockedAt(a.blocks, a.asOf)
	if len(in) != 1 || in[0].ID != proposed {
		t.Errorf("blocks in force: %+v", in)
	}
	rev, _ := a.db.Revision()
	a.disputesView.updateBlock(active, func(b *dispute.Block) error { return b.LiftBlock(dispute.Lift{Date: a.asOf, By: "test"}) })
	if after, _ := a.db.Revision(); after != rev {
		t.Error("lifting twice wrote to the dossier")
	}
	path := filepath.Join(t.TempDir(), "blocages.csv")
	if err := a.disputesView.writeBlockList(path); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); strings.Count(string(b), "\n") != 2 {
		t.Errorf("block list:\n%s", b)
	}
	n := len(a.blocks)
	if err := waitLoaded(t, a, func() {
		if err := a.disputesView.proposeManualBlock("C00020", "chèque impayé"); err != nil {
			t.Error(err)
		}
	}); err != nil {
		t.Fatal(err)
	}
	if len(a.blocks) != n+1 || a.blocks[n].Proposed.Automatic {
		t.Errorf("manual proposal not recorded: %d blocks", len(a.blocks))
	}
	a.detailTab = 2
	a.showCustomer(in[0].Customer)
	if !hasText(a.win, in[0].ID) {
		t.Error("the customer panel does not show its block")
	}
}

func TestDigestAckAndSalespeople(t *testing.T) {
	a := openDemoApp(t, "fr")
	dir := t.TempDir()
	if err := a.writeDigest(a.book.Salespeople[0], filepath.Join(dir, "recap.pdf")); err != nil {
		t.Fatal(err)
	}
	if err := a.writeAck(&a.disputes[0], filepath.Join(dir, "ar.pdf")); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"recap.pdf", "ar.pdf"} {
		if b, _ := os.ReadFile(filepath.Join(dir, f)); !strings.HasPrefix(string(b), "%PDF") {
			t.Errorf("%s is not a PDF", f)
		}
	}
	n := len(a.book.Salespeople)
	if err := waitLoaded(t, a, func() {
		if err := a.saveSalesperson(ledger.Salesperson{ID: "JDU", Name: "Jeanne Dupré"}); err != nil {
			t.Error(err)
		}
	}); err != nil {
		t.Fatal(err)
	}
	if len(a.book.Salespeople) != n+1 {
		t.Errorf("%d salespeople after adding one to %d", len(a.book.Salespeople), n)
	}
	if err := a.saveSalesperson(ledger.Salesperson{ID: "", Name: ""}); err == nil {
		t.Error("a salesperson without code or name was accepted")
	}
}
