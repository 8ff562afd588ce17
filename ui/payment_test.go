package ui

import (
	"strings"
	"testing"

	"relance/ledger"
)

// A payment is recorded from the customer's card: the form ticks the oldest invoices
// for the amount typed, a bad amount is refused and writes nothing, a good payment
// empties the customer's overdue at once and goes into its history; invoices ticked by
// hand take the payment instead.
func TestRecordPaymentFromTheCard(t *testing.T) {
	a := openDemoApp(t, "fr")
	var acc *ledger.Account
	for _, s := range a.sums {
		if x := a.book.Account(s.ID); s.Overdue > 0 && s.Overdue < s.Balance && len(x.OpenItems()) >= 2 {
			acc = x
			break
		}
	}
	if acc == nil {
		t.Fatal("no customer with overdue and not yet due items in the demo")
	}
	id, overdue, balance := acc.Customer.ID, acc.Overdue(anchor), acc.Balance()
	a.showCustomer(id)
	b := button(t, a.win, "Enregistrer un règlement")
	if b.Disabled() {
		t.Fatal("the payment button is disabled on a writable dossier")
	}
	b.OnTapped()
	if !hasText(a.win, "Règlement reçu de "+acc.Customer.Name) {
		t.Error("the button does not open the payment form")
	}

	f := a.newPaymentForm(id)
	f.amount.SetText(strings.ReplaceAll(overdue.String(), ".", ","))
	var ticked ledger.Cents
	for i, c := range f.checks {
		if c.Checked {
			ticked += f.debits[i].Amount
		}
	}
	if ticked < overdue || !strings.Contains(f.preview.Text, "Imputé") || !strings.Contains(f.preview.Text, a.money(overdue)) {
		t.Errorf("pre-filled: %s ticked for %s; preview %q", ticked, overdue, f.preview.Text)
	}

	rev, _ := a.db.Revision()
	bad := a.newPaymentForm(id)
	bad.amount.SetText("douze")
	if _, err := a.savePaymentForm(bad); err == nil || !strings.Contains(ledger.Localize(err, "fr"), "montant invalide « douze »") {
		t.Errorf("a bad amount: %v", err)
	}
	if r, _ := a.db.Revision(); r != rev {
		t.Error("a refused payment changed the dossier")
	}

	f.ref.SetText("CHQ 5566")
	if err := waitLoaded(t, a, func() {
		if _, err := a.savePaymentForm(f); err != nil {
			t.Fatal(err)
		}
	}); err != nil {
		t.Fatal(err)
	}
	after := a.book.Account(id)
	if after.Overdue(anchor) != 0 || after.Balance() != balance-overdue {
		t.Errorf("after the payment: balance %s, overdue %s", after.Balance(), after.Overdue(anchor))
	}
	a.showCustomer(id)
	if !hasText(a.win, a.money(balance-overdue)) {
		t.Error("the card does not show the new balance")
	}
	found := false
	for _, ev := range a.customerHistory(id) {
		found = found || strings.Contains(ev.Text, "Règlement")
	}
	if !found {
		t.Error("the payment is not in the customer's history")
	}

	// Ticked by hand: the newest open invoice alone takes the payment.
	g := a.newPaymentForm(id)
	if len(g.checks) == 0 {
		t.Fatal("no open invoice left")
	}
	last := len(g.checks) - 1
	g.amount.SetText("10")
	for _, c := range g.checks {
		c.SetChecked(false)
	}
	g.checks[last].SetChecked(true)
	p, err := a.savePaymentForm(g)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Allocations) != 1 || p.Allocations[0].Item != g.debits[last].Item || p.Allocations[0].Amount != 1000 {
		t.Errorf("allocations %+v, want 10.00 on %s", p.Allocations, g.debits[last].Number)
	}
}
