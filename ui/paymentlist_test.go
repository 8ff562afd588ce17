package ui

import (
	"strings"
	"testing"

	"relance/ledger"
	"relance/ledger/payment"
)

// The card's « Règlements » tab lists a payment recorded by hand with what it settled;
// « Impayé… » takes it back (the balance back up, the row says so, no button left);
// a second payment is reversed as entered by mistake.
func TestPaymentsTabReturnAndReverse(t *testing.T) {
	a := openDemoApp(t, "fr")
	var acc *ledger.Account
	for _, s := range a.sums {
		if s.Overdue > 100000 {
			acc = a.book.Account(s.ID)
			break
		}
	}
	id, balance := acc.Customer.ID, acc.Balance()
	req := payment.Request{Payment: payment.Payment{Customer: id, Date: anchor, Amount: 50000, Method: payment.Cheque, Ref: "7788990"}}
	p, err := a.sess.RecordPayment(req, anchor, "test")
	if err != nil {
		t.Fatal(err)
	}
	if err := waitLoaded(t, a, func() { a.reloadCustomer(id, "") }); err != nil {
		t.Fatal(err)
	}
	a.showCustomer(id)
	a.detailTab = 5
	a.showCustomer(id)
	if !hasText(a.win, "Référence : 7788990") || !hasText(a.win, "Pris en compte dans les chiffres") {
		t.Fatal("the payments tab does not show the payment")
	}
	b := button(t, a.win, "Impayé")
	b.OnTapped()
	if !hasText(a.win, "Chèque impayé ou prélèvement rejeté") {
		t.Fatal("« Impayé… » opens no dialog")
	}
	r, err := a.sess.ReturnPayment(p.ID, anchor, anchor, "test")
	if err != nil {
		t.Fatal(err)
	}
	if err := waitLoaded(t, a, func() { a.reloadCustomer(id, "") }); err != nil {
		t.Fatal(err)
	}
	if got := a.book.Account(id).Balance(); got != balance {
		t.Errorf("balance %s after the return, want %s", got, balance)
	}
	a.showCustomer(id)
	if !hasText(a.win, "Repris par la banque : impayé "+r.ID) || !strings.Contains(a.t("ui.paylist.head_return"), "Impayé") {
		t.Error("the tab does not show the payment taken back")
	}
	if _, err := a.sess.ReversePayment(p.ID, anchor, "", anchor, "test"); err == nil {
		t.Error("a payment taken back was reversed")
	}
}
