package ledger

import "testing"

// A returned cheque or a rejected direct debit is named so, whatever journal booked it.
func TestItemNature(t *testing.T) {
	for _, c := range []struct {
		it   Item
		want string
	}{
		{Item{Kind: Adjustment, Amount: 100, Flags: FlagUnpaidCheque}, "unpaid_cheque"},
		{Item{Kind: Adjustment, Amount: 100, Flags: FlagRejectedDebit}, "rejected_debit"},
		{Item{Kind: Adjustment, Amount: 100}, "adjustment"},
		{Item{Kind: Invoice, Amount: 100}, "invoice"},
		{Item{Kind: Payment, Amount: -100, Flags: FlagUnpaidCheque}, "payment"},
	} {
		if got := c.it.Nature(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.it, got, c.want)
		}
	}
}
