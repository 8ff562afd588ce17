package desk_test

import (
	"testing"

	"relance/ledger"
	"relance/ledger/dunning"
	"relance/ledger/payment"
)

// A payment recorded between two ledger imports keeps the customer's pending promise
// of that amount at once (issue 19): the promise's state is read from the account,
// which holds the payment from the moment it is recorded.
func TestManualPaymentKeepsThePromise(t *testing.T) {
	day, err := ledger.ParseDate("2026-12-04")
	if err != nil {
		t.Fatal(err)
	}
	s := openDemoAt(t, day)
	_, rec, err := s.DB.LoadDunning()
	if err != nil {
		t.Fatal(err)
	}
	var p *dunning.Promise
	for i := range rec.Promises {
		q := &rec.Promises[i]
		if dunning.PromiseStateAt(*q, s.Book.Account(q.Customer), day) == dunning.PromisePending {
			p = q
			break
		}
	}
	if p == nil {
		t.Fatal("the demo has no pending promise at its anchor")
	}
	req := payment.Request{Payment: payment.Payment{Customer: p.Customer, Date: day, Amount: p.Amount, Method: payment.Transfer}}
	if _, err := s.RecordPayment(req, day, "test"); err != nil {
		t.Fatal(err)
	}
	if err := s.ReloadCustomer(p.Customer); err != nil { // as the window and the CLI do after a payment
		t.Fatal(err)
	}
	if got := dunning.PromiseStateAt(*p, s.Book.Account(p.Customer), day); got != dunning.PromiseKept {
		t.Fatalf("promise %s of %s after a payment of its amount: %v, want kept", p.ID, p.Amount, got)
	}
}
