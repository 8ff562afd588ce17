package dispute

import (
	"testing"
	"time"

	"relance/ledger"
)

func TestManualBlock(t *testing.T) {
	asOf := ledger.NewDate(2026, time.March, 31)
	a := &ledger.Account{Customer: ledger.Customer{ID: "C1", Name: "Un", CreditLimit: 100000}, Items: []ledger.Item{
		{ID: "1", Kind: ledger.Invoice, DocDate: asOf.AddDays(-90), DueDate: asOf.AddDays(-60), Amount: 50000, Open: 50000},
		{ID: "2", Kind: ledger.Invoice, DocDate: asOf.AddDays(-10), DueDate: asOf.AddDays(20), Amount: 20000, Open: 20000},
	}}
	b := ManualBlock(a, asOf, "Claire", "refus de payer", nil)
	if b.Customer != "C1" || b.Proposed.Automatic || b.Proposed.Balance != 70000 || b.Proposed.Overdue != 50000 ||
		len(b.Proposed.Reasons) != 1 || b.State() != BlockProposed {
		t.Errorf("%+v", b)
	}
	if err := b.Validate(); err != nil {
		t.Error(err)
	}
}
