package law

import (
	"slices"

	"relance/ledger"
)

// KindPenaltyInvoice is the ClaimLine.Kind of an issued penalty invoice claimed.
const KindPenaltyInvoice = "penalty_invoice"

// PenaltyDue is an issued penalty invoice as the injonction pack and the claim filing
// claim it: its amount, what is still owed of it at the as-of date, and the invoices
// whose fixed indemnity it billed (not to be claimed a second time).
type PenaltyDue struct {
	Number string       `json:"number"`
	Date   ledger.Date  `json:"date"`
	Total  ledger.Cents `json:"total"`
	Open   ledger.Cents `json:"open"` // still owed at the as-of date
	// Item is the ledger item of the penalty invoice once booked in the accounts and
	// imported (an invoice numbered like it); "" while it is not.
	Item string `json:"item,omitempty"`
	// Indemnities are the numbers of the invoices whose fixed indemnity it billed.
	Indemnities []string `json:"indemnities,omitempty"`
	// Invoices are the invoices it billed, with the late payments whose interest it
	// billed: the référé-provision pack does not compute that lateness again.
	Invoices []BilledInvoice `json:"invoices,omitempty"`
}

// PenaltiesDue returns the penalty invoices of acc issued on or before asOf with what
// is still owed of each at asOf. One booked in the accounts (a debit item of the same
// number) owes that item's open amount at asOf (open; nil: the stored ones); one not
// booked is owed in full: nothing in the dossier records its payment. Interest on
// amounts paid late is claimed this way only, through the penalty invoice sent to the
// debtor, so that it is never counted twice.
func PenaltiesDue(issued []PenaltyInvoice, acc *ledger.Account, asOf ledger.Date, open ledger.OpenAtFunc) []PenaltyDue {
	var out []PenaltyDue
	var opens map[*ledger.Item]ledger.Cents
	for _, p := range issued {
		if p.Date > asOf || p.Number == "" {
			continue
		}
		due := PenaltyDue{Number: p.Number, Date: p.Date, Total: p.Total, Open: p.Total, Invoices: p.Invoices}
		for _, b := range p.Invoices {
			if b.Indemnity > 0 {
				due.Indemnities = append(due.Indemnities, b.Number)
			}
		}
		for i := range acc.Items {
			it := &acc.Items[i]
			if it.Number != p.Number || it.Amount <= 0 || it.DocDate > asOf {
				continue
			}
			if opens == nil {
				opens = openAmounts(acc, asOf, open)
			}
			due.Item, due.Open = it.ID, max(opens[it], 0)
			break
		}
		out = append(out, due)
	}
	return out
}

// penaltyClaimLines returns the claim lines of the penalty invoices still owed, one
// each citing its number, and the ledger items they stand for (a penalty invoice
// booked in the accounts is claimed as itself, not as one more invoice bearing
// interest and an indemnity).
func penaltyClaimLines(pens []PenaltyDue) ([]ClaimLine, map[string]bool) {
	var lines []ClaimLine
	booked := map[string]bool{}
	for _, p := range pens {
		if p.Item != "" {
			booked[p.Item] = true
		}
		if p.Open <= 0 {
			continue
		}
		item := p.Item
		if item == "" {
			item = p.Number
		}
		lines = append(lines, ClaimLine{Item: item, Number: p.Number, Kind: KindPenaltyInvoice, DocDate: p.Date, DueDate: p.Date,
			Amount: p.Total, Open: p.Open, Claimed: p.Open})
	}
	return lines, booked
}

// dropBilledIndemnities removes from d the fixed indemnity of the invoices a penalty
// invoice already billed (one indemnity per invoice: C. com. D441-5), with a note
// naming the penalty invoice, and sums d again.
func dropBilledIndemnities(d *Decompte, pens []PenaltyDue) {
	if d == nil {
		return
	}
	changed := false
	for i := range d.Invoices {
		t := &d.Invoices[i]
		if t.Indemnity <= 0 {
			continue
		}
		for _, p := range pens {
			if slices.Contains(p.Indemnities, t.Invoice) {
				t.Indemnity, changed = 0, true
				d.note("penaltyinv.note.indemnity_claimed", "invoice", t.Invoice, "number", p.Number)
				break
			}
		}
	}
	if !changed {
		return
	}
	invs := d.Invoices
	d.Invoices, d.Totals = nil, Totals{}
	for _, t := range invs {
		d.add(t)
	}
}
