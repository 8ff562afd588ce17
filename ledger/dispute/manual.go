package dispute

import (
	"relance/ledger"
)

// ManualBlock is a delivery block proposed by hand for a customer at asOf, with the
// reason given and the customer's balance and overdue amount then (disputed parts,
// from idx which may be nil, left out of the overdue as in the rule's proposals).
func ManualBlock(a *ledger.Account, asOf ledger.Date, by, reason string, idx *Index) Block {
	var balance, overdue ledger.Cents
	for i := range a.Items {
		it := &a.Items[i]
		if it.Open == 0 || it.DocDate > asOf {
			continue
		}
		balance += it.Open
		if it.OverdueAt(asOf) {
			overdue += it.Open - idx.DisputedAmount(it, asOf)
		}
	}
	p := Proposal{Date: asOf, By: by, Balance: balance, Overdue: overdue, Limit: a.Customer.CreditLimit}
	if reason != "" {
		p.Reasons = []BlockReason{{Key: "dispute.block.reason.manual", Args: []string{"text", reason}}}
	}
	return Block{Customer: a.Customer.ID, Proposed: p}
}
