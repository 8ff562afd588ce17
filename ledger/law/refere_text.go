package law

import (
	"slices"
	"strconv"
	"strings"

	"relance/ledger"
)

// facts writes the exposé des faits of the request from the dossier's data, paragraph
// by paragraph (service-public.fr F2556: the request states the object and amount of
// the claim, the facts and the arguments).
func (p *ReferePack) facts(s ledger.Settings) []Note {
	creditor := s.Company.Name
	if lf := s.Company.LegalForm; lf != "" && !strings.Contains(creditor, lf) {
		creditor += " " + lf
	}
	debtor := p.Name
	var out []Note
	add := func(key string, args ...string) { out = append(out, Note{Key: key, Args: args}) }
	if len(p.Contracts) > 0 {
		add("refere.facts.service_ref", "creditor", creditor, "debtor", debtor, "refs", strings.Join(p.Contracts, ", "))
	} else {
		add("refere.facts.service", "creditor", creditor, "debtor", debtor)
	}
	var n int
	var first, last, oldestDue ledger.Date
	var paidLate int
	for _, l := range p.Lines {
		switch {
		case l.Paid.Valid() && l.Excluded == "":
			paidLate++
		case !l.Paid.Valid() && l.ClaimLine.Claimed > 0 && l.Kind != KindPenaltyInvoice:
			n++
			if !first.Valid() || l.DocDate < first {
				first = l.DocDate
			}
			last = max(last, l.DocDate)
			if !oldestDue.Valid() || l.DueDate < oldestDue {
				oldestDue = l.DueDate
			}
		}
	}
	if n > 0 {
		add("refere.facts.unpaid", "count", strconv.Itoa(n), "from", first.String(), "to", last.String(),
			"amount", p.Principal.String(), "due", oldestDue.String())
	}
	if paidLate > 0 {
		add("refere.facts.paid_late", "count", strconv.Itoa(paidLate))
	}
	for _, l := range p.penaltyLines() {
		billed := 0
		for _, pl := range p.Lines {
			if slices.Contains(pl.BilledBy, l.Number) {
				billed++
			}
		}
		add("refere2.facts.penalty_invoice", "creditor", creditor, "debtor", debtor, "number", l.Number,
			"date", l.DocDate.String(), "count", strconv.Itoa(billed), "amount", l.ClaimLine.Claimed.String())
	}
	add("refere.facts.law")
	switch pc := p.Prior; {
	case pc.Notice == nil:
		add("refere.facts.prior_none", "debtor", debtor)
	case pc.Rejection <= p.AsOf:
		add("refere.facts.prior_rejected", "creditor", creditor, "date", pc.Notice.Date.String(), "rejection", pc.Rejection.String())
	default:
		add("refere.facts.prior_pending", "creditor", creditor, "date", pc.Notice.Date.String(), "rejection", pc.Rejection.String())
	}
	var disputed ledger.Cents
	for _, l := range p.Lines {
		if l.Excluded == "law.ip.excl.disputed" {
			disputed += l.Open - l.ClaimLine.Claimed
		}
	}
	if disputed > 0 {
		add("refere.facts.undisputed_part", "debtor", debtor, "amount", disputed.String())
	} else {
		add("refere.facts.undisputed", "debtor", debtor)
	}
	add("refere.facts.request", "creditor", creditor, "debtor", debtor, "amount", p.Total.String())
	return out
}

// Conclusion is one line of the request's conclusions (« par ces motifs »).
type Conclusion struct {
	Note   Note          `json:"note"`
	Amount *ledger.Cents `json:"amount,omitempty"`
}

// Conclusions lists what the request asks the judge: the provision, item by item, its
// total, and a sum for the costs incurred (CJA L761-1), left to the lawyer to fix.
func (p *ReferePack) Conclusions() []Conclusion {
	var out []Conclusion
	add := func(amount ledger.Cents, key string, args ...string) {
		out = append(out, Conclusion{Note: Note{Key: key, Args: args}, Amount: &amount})
	}
	if p.Principal > 0 {
		add(p.Principal, "refere.concl.principal")
	}
	for _, l := range p.penaltyLines() {
		add(l.ClaimLine.Claimed, "refere2.concl.penalty_invoice", "number", l.Number, "date", l.DocDate.String())
	}
	if p.Interest > 0 {
		add(p.Interest, "refere.concl.interest", "date", p.AsOf.String())
	}
	if p.Indemnity > 0 {
		add(p.Indemnity, "refere.concl.indemnity", "n", strconv.Itoa(int(p.Indemnity/FixedIndemnityEUR)))
	}
	if p.LegalInterest > 0 {
		add(p.LegalInterest, "refere.concl.legal_interest", "date", p.AsOf.String())
	}
	add(p.Total, "refere.concl.total", "debtor", p.Name)
	out = append(out, Conclusion{Note: Note{Key: "refere.concl.costs"}})
	return out
}

// documents lists the exhibits of the request, in the usual order: the contract, the
// proof of service, the invoices and the proof of their receipt (the payment period
// runs from the receipt of the payment request, R2192-12), the statement, the prior
// demand for payment and the administration's answer (CJA R421-1), the proof of the
// dates of payment of the invoices paid late, the décompte.
func (p *ReferePack) documents(notice *NoticeRef) []Document {
	var docs []Document
	add := func(key string, st DocStatus, args ...string) {
		docs = append(docs, Document{N: len(docs) + 1, Key: key, Args: args, Status: st})
	}
	if len(p.Contracts) > 0 {
		add("refere.doc.contract_ref", DocToAttach, "refs", strings.Join(p.Contracts, ", "))
	} else {
		add("refere.doc.contract", DocToAttach)
	}
	add("refere.doc.service", DocToAttach)
	paidLate := false
	for _, l := range p.Lines {
		switch {
		case l.LateClaimed() && l.Counted():
			paidLate = true
			add("refere.doc.invoice_paid", DocLedger, "number", l.Number, "date", l.DocDate.String(),
				"amount", l.Amount.String(), "paid", l.Paid.String())
		case l.Kind == KindPenaltyInvoice && l.ClaimLine.Claimed > 0: // issued by Relance: in the letter archive
			add("penaltyinv.doc", DocInDossier, "number", l.Number, "date", l.DocDate.String(), "amount", l.Amount.String())
		case !l.Paid.Valid() && l.ClaimLine.Claimed > 0:
			add("law.doc.invoice", DocLedger, "number", l.Number, "date", l.DocDate.String(), "amount", l.Amount.String())
		}
	}
	add("refere.doc.receipts", DocToAttach)
	add("law.doc.statement", DocGenerated, "date", p.AsOf.String())
	switch {
	case notice != nil && notice.InDossier:
		add("refere.doc.prior", DocInDossier, "date", notice.Date.String(), "ref", notice.Ref)
	case notice != nil:
		add("refere.doc.prior", DocToAttach, "date", notice.Date.String(), "ref", notice.Ref)
	default:
		add("refere.doc.prior_none", DocToAttach)
	}
	add("refere.doc.answer", DocToAttach)
	if paidLate {
		add("refere.doc.payments", DocToAttach)
	}
	add("law.doc.decompte", DocGenerated, "date", p.AsOf.String())
	return docs
}

// RefereTotal is one line of the provision's summary: a catalogue key and its amount.
type RefereTotal struct {
	Key    string       `json:"key"`
	Amount ledger.Cents `json:"amount"`
}

// Totals sums up the provision requested — principal, penalty invoices still owed
// (when any), moratory interest, fixed indemnities, legal interest on interest paid
// late (when any) and the total — in the order the screen, the command line and the
// PDF show them.
func (p *ReferePack) Totals() []RefereTotal {
	out := []RefereTotal{{"refere.pdf.sum.principal", p.Principal}}
	if p.PenaltyInvoices > 0 {
		out = append(out, RefereTotal{"refere2.sum.penalty_invoices", p.PenaltyInvoices})
	}
	out = append(out, RefereTotal{"refere.pdf.sum.interest", p.Interest}, RefereTotal{"refere.pdf.sum.indemnity", p.Indemnity})
	if p.LegalInterest > 0 {
		out = append(out, RefereTotal{"refere.pdf.sum.legal", p.LegalInterest})
	}
	return append(out, RefereTotal{"refere.pdf.sum.total", p.Total})
}
