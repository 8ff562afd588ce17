package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/container"

	"relance/desk"
	"relance/ledger/proof"
)

// The customer card's « Preuves » tab sums up and lists the proof of the open
// invoices; « Pièces… » opens the form, whose pieces are saved in one transaction
// (the card shown again with the new verdict); the injonction pane warns of the pieces
// missing.
func TestProofTab(t *testing.T) {
	a := openDemoApp(t, "fr")
	var id string
	var r *proof.Report
	for _, acc := range a.book.Accounts {
		rep, err := a.sess.ProofReport(acc.Customer.ID, a.asOf)
		if err == nil && rep.Incomplete > 0 && rep.Unrecorded > 0 {
			id, r = acc.Customer.ID, rep
			break
		}
	}
	if id == "" {
		t.Fatal("no demo customer with incomplete and unrecorded invoices")
	}
	shell := a.win.Content()
	a.win.SetContent(container.NewVScroll(a.proofTab(id)))
	if !hasText(a.win, desk.ProofSummary("fr", r)) || !hasText(a.win, "Pièces…") {
		t.Fatalf("the tab lacks its summary %q", desk.ProofSummary("fr", r))
	}
	var ln proof.Line
	for _, l := range r.Lines {
		if l.Verdict == proof.Unrecorded {
			ln = l
			break
		}
	}
	a.askProof(id, ln)
	if !hasText(a.win, "Preuve de la facture "+ln.Number) {
		t.Fatal("the form did not open")
	}
	f, _ := a.newProofForm(ln.Proof)
	f.states[proof.Order].SetSelectedIndex(1) // présent
	f.refs[proof.Order].SetText("BC-UI-1")
	f.states[proof.Delivery].SetSelectedIndex(2) // manquant
	f.dates[proof.Delivery].SetText("31/02/2026")
	if err := a.saveProof(f, id, ln); err == nil || !strings.Contains(err.Error(), "delivery") && !strings.Contains(err.Error(), "date") {
		t.Errorf("a bad date was accepted: %v", err)
	}
	f.dates[proof.Delivery].SetText("")
	if err := a.saveProof(f, id, ln); err != nil {
		t.Fatal(err)
	}
	after, err := a.sess.ProofReport(id, a.asOf)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range after.Lines {
		if l.Item == ln.Item && (l.Verdict != proof.Incomplete || l.Proof.Order.Ref != "BC-UI-1") {
			t.Errorf("saved %+v", l)
		}
	}
	a.win.SetContent(shell)
	a.legal.showInjonction(id)
	if p := a.legal.more.ipPack; p == nil || len(p.ProofWarnings) == 0 {
		t.Fatalf("no proof warnings in the pack: %s", a.legal.more.ipErr)
	}
	if !hasText(a.win, "Preuve des factures réclamées") {
		t.Error("the injonction pane does not show the warnings")
	}
}
