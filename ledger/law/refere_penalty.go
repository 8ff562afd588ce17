package law

import (
	"slices"

	"relance/ledger"
)

// The penalty invoices in the référé-provision pack (issue 22): the interest and the
// €40 of an invoice paid late may already have been billed to the public buyer by a
// penalty invoice (note de débit). That lateness is not computed a second time: the
// penalty invoices still owed are claimed on lines of their own, citing their number
// and date, as the injonction pack and the claim filing claim them, and the fixed
// indemnity they billed is not claimed again (one per invoice: C. commande publique
// L2192-13, D2192-35).

// exclBilled marks an invoice paid late whose late payments were all billed by
// penalty invoices: nothing of it is computed here.
const exclBilled = "refere2.excl.billed"

// exclPenaltyWithin45 marks a penalty invoice part of which is not yet payable: it
// billed an invoice whose principal was paid less than 45 days before (R2192-36).
const exclPenaltyWithin45 = "refere2.excl.penalty_within45"

// LateClaimed reports whether the interest and indemnity of an invoice paid late are
// claimed: computed here, or billed by a penalty invoice claimed on its own line.
func (l *RefereLine) LateClaimed() bool {
	return l.Paid.Valid() && (l.Excluded == "" || l.Excluded == exclBilled)
}

// LateBase is the interest and indemnity of an invoice paid late that bear the legal
// interest of R2192-36: those computed here and those billed by a penalty invoice
// still owed.
func (l *RefereLine) LateBase() ledger.Cents { return l.Interest + l.Indemnity + l.Billed }

// refereBills is what the customer's penalty invoices billed, as the référé reads it.
type refereBills struct {
	pays map[string]map[ledger.Date]billedPay // by item and payment date: the amount billed
	// owed is, by item, the interest and indemnity billed for it still owed at the
	// as-of date; by the penalty invoices that billed it.
	owed map[string]ledger.Cents
	by   map[string][]string
	// lines are the penalty invoices still owed, claimed on their own lines; booked the
	// ledger items they stand for (not claimed as invoices).
	lines  []RefereLine
	booked map[string]bool
	// settled is, by item, the payments the ledger shows (Settlements), read the first
	// time an invoice paid late needs them.
	settled map[string][]Payment
}

// readBills indexes the penalty invoices of in.Penalties. What was paid of a penalty
// invoice settles the invoices it billed oldest first (C. civ. 1342-10: the oldest
// debt), so that the interest and indemnity of the newest are the ones still owed. A
// penalty invoice claimed leaves out the part billed for invoices paid less than 45
// days before the as-of date: that interest is not yet payable (R2192-36).
func readBills(in RefereInput) *refereBills {
	b := &refereBills{owed: map[string]ledger.Cents{}, by: map[string][]string{}}
	issued := make([]PenaltyInvoice, len(in.Penalties))
	for i, p := range in.Penalties {
		issued[i] = PenaltyInvoice{Number: p.Number, Invoices: p.Invoices}
	}
	b.pays, _ = billedBefore(issued)
	cls, booked := penaltyClaimLines(in.Penalties)
	b.booked = booked
	for _, p := range in.Penalties {
		invs := slices.Clone(p.Invoices)
		slices.SortStableFunc(invs, func(x, y BilledInvoice) int { return int(x.Due - y.Due) })
		settled := p.Total - p.Open // what the debtor paid of it
		var notYet ledger.Cents
		for _, bi := range invs {
			billed := bi.Interest + bi.Indemnity
			take := min(max(settled, 0), billed)
			settled -= take
			owed := billed - take
			b.owed[bi.Item] += owed
			if !slices.Contains(b.by[bi.Item], p.Number) {
				b.by[bi.Item] = append(b.by[bi.Item], p.Number)
			}
			if n := len(bi.Payments); n > 0 && bi.Payments[n-1].Date.AddDays(Deadline45Days) >= in.AsOf {
				notYet += owed
			}
		}
		for _, cl := range cls {
			if cl.Number != p.Number {
				continue
			}
			if notYet > 0 {
				cl.Claimed, cl.Excluded = max(cl.Open-notYet, 0), exclPenaltyWithin45
			}
			b.lines = append(b.lines, RefereLine{ClaimLine: cl})
		}
	}
	return b
}

// late returns the late payments of the invoice it, paid late on paid, whose interest
// the pack computes: the reductions of its open amount by a payment after its due
// date, as the ledger shows them (Settlements: a credit note is not a payment and
// bears no interest), less those a penalty invoice billed; and whether one billed
// some. Without the ledger's payments by date (in.Open nil), the whole invoice is
// taken as paid on paid.
func (b *refereBills) late(it *ledger.Item, paid ledger.Date, in RefereInput) ([]Payment, bool) {
	if b.settled == nil {
		b.settled = map[string][]Payment{}
		if in.Open != nil {
			for _, st := range Settlements(in.Account, in.AsOf, in.Open) {
				b.settled[st.Item.ID] = st.Payments
			}
		}
	}
	pays, ok := b.settled[it.ID]
	if !ok {
		pays = []Payment{{Date: paid, Amount: it.Amount}}
	}
	var out []Payment
	billed := false
	for _, p := range pays {
		if p.Date <= it.DueDate {
			continue // paid on time: no interest
		}
		if done := b.pays[it.ID][p.Date].amount; done > 0 {
			p.Amount -= min(done, p.Amount)
			billed = true
		}
		if p.Amount > 0 {
			out = append(out, p)
		}
	}
	return out, billed || len(b.by[it.ID]) > 0
}

// penaltyLines returns the lines of the penalty invoices claimed.
func (p *ReferePack) penaltyLines() []RefereLine {
	var out []RefereLine
	for _, l := range p.Lines {
		if l.Kind == KindPenaltyInvoice && l.ClaimLine.Claimed > 0 {
			out = append(out, l)
		}
	}
	return out
}
