// Package payment is a payment recorded by hand between two ledger imports: a cheque
// received, a transfer seen on the bank's website. It is kept apart from the imported
// items (ledger/store, bucket payments, append-only) and applied to the book each time
// the book is loaded (Apply), so that open items, promises, plans, the agenda, the aged
// balance and the KPIs follow at once; the next ledger import that brings the same
// payment supersedes it (Reconcile), so that it is never counted twice.
//
// Nothing here reads the clock: every date (of the payment, of its entry, of a
// reversal) is given by the caller.
package payment

import (
	"relance/ledger"
	"relance/ledger/dunning"
)

// Method is how the customer paid.
type Method string

// Payment methods.
const (
	Transfer    Method = "transfer"     // virement
	Cheque      Method = "cheque"       // chèque
	DirectDebit Method = "direct_debit" // prélèvement
	Card        Method = "card"         // carte bancaire
	Cash        Method = "cash"         // espèces
	Bill        Method = "bill"         // effet de commerce, LCR
)

// Methods lists the payment methods, in the order a form offers them.
var Methods = []Method{Transfer, Cheque, DirectDebit, Card, Cash, Bill}

// Known reports whether m is one of Methods.
func (m Method) Known() bool {
	for _, k := range Methods {
		if m == k {
			return true
		}
	}
	return false
}

// SourceManual is the Source of a payment typed by a person. A payment read from a bank
// statement has the Source "bank:<file hash>:<line key>".
const SourceManual = "manual"

// Prefix is the prefix of payment IDs, "RG2026-000001" (règlement): the year of the
// payment's date and the bucket's sequence.
const Prefix = "RG"

// Action kinds of the customer's history (dunning.Action.Kind): a payment recorded, a
// payment reversed (a cheque returned unpaid, a payment entered by mistake).
const (
	KindPayment  dunning.ActionKind = "payment"
	KindReversal dunning.ActionKind = "payment_reversed"
	// KindReturned is a payment taken back by the bank (a KindReturn record): a cheque
	// returned unpaid, a direct debit rejected.
	KindReturned dunning.ActionKind = "payment_returned"
)

// Kinds of record (Payment.Kind).
const (
	// KindReceived is a payment received (the zero value).
	KindReceived = ""
	// KindReturn is a payment the bank took back: a cheque returned unpaid, a direct
	// debit rejected. It is applied as an open debit of its amount (an adjustment
	// flagged unpaid cheque or rejected debit, as the ledger books it), due when the
	// invoices it had settled were due, so that the debt is open again with its age and
	// the « chèque impayé » risk signal is raised. Returns names what it takes back.
	KindReturn = "return"
)

// Allocation is the part of a payment that settles one debit item of the customer.
type Allocation struct {
	Item   string       `json:"item"`             // ledger.Item.ID of the debit settled
	Number string       `json:"number,omitempty"` // its document number, for people
	Amount ledger.Cents `json:"amount"`           // > 0
}

// label names the item for people: its number, or its ID when it has none.
func (a Allocation) label() string {
	if a.Number != "" {
		return a.Number
	}
	return a.Item
}

// Reversal records that a payment no longer holds: a cheque returned unpaid, a
// rejected direct debit, a payment entered by mistake.
type Reversal struct {
	Date    ledger.Date `json:"date"` // when it was found reversed
	Reason  string      `json:"reason,omitempty"`
	By      string      `json:"by,omitempty"`
	Entered ledger.Date `json:"entered"` // when the reversal was entered
}

// Payment is a payment received from a customer and recorded by hand (or from a bank
// statement) before the ledger brings it. Payments are append-only: once stored only
// SupersededBy (set by the import that brings it) or Reversed may be set, once.
type Payment struct {
	ID       string       `json:"id"` // "RG2026-000001", given by the store
	Customer string       `json:"customer"`
	Date     ledger.Date  `json:"date"`   // the day the money was received
	Amount   ledger.Cents `json:"amount"` // > 0
	Method   Method       `json:"method"`
	Ref      string       `json:"ref,omitempty"` // cheque number, transfer reference…
	// Allocations say which debits it settles; Σ ≤ Amount, the rest stays an open
	// credit on the account.
	Allocations []Allocation `json:"allocations,omitempty"`
	Entered     ledger.Date  `json:"entered"` // when it was recorded
	By          string       `json:"by,omitempty"`
	Source      string       `json:"source"` // SourceManual or "bank:…"
	// SupersededBy is the ID of the imported item that brought the same payment: from
	// then on the payment is no longer applied. Superseded is the import's date.
	SupersededBy string      `json:"superseded_by,omitempty"`
	Superseded   ledger.Date `json:"superseded,omitempty"`
	Reversed     *Reversal   `json:"reversed,omitempty"`
	// Kind is KindReceived or KindReturn.
	Kind string `json:"kind,omitempty"`
	// Returns is, for a KindReturn, the payment taken back: the ID of a payment
	// recorded here ("RG2026-000012") or of a ledger item ("BQ:…"); its Allocations
	// are then the invoices that payment had settled (for people and for the due date
	// of the debit), not settlements.
	Returns string `json:"returns,omitempty"`
}

// IsReturn reports whether p is a payment taken back by the bank (KindReturn).
func (p *Payment) IsReturn() bool { return p.Kind == KindReturn }

// Active reports whether the payment is applied to the book: neither superseded by an
// imported item nor reversed.
func (p *Payment) Active() bool { return p.SupersededBy == "" && p.Reversed == nil }

// Allocated returns Σ allocations.
func (p *Payment) Allocated() ledger.Cents {
	var s ledger.Cents
	for _, a := range p.Allocations {
		s += a.Amount
	}
	return s
}

// Unallocated returns the part of the payment that settles no item: it stays an open
// credit on the customer's account.
func (p *Payment) Unallocated() ledger.Cents { return p.Amount - p.Allocated() }

// problem returns the refusal key with the payment's customer and the field and value
// refused.
func (p *Payment) problem(key, field, value string, more ...string) error {
	args := append([]string{"customer", p.Customer, "field", field, "value", value}, more...)
	return &ledger.Problem{Key: key, Args: args}
}

// Validate checks what a payment says by itself: a customer, a valid date, a positive
// amount, a known method, a source, an entry date, allocations to distinct items with
// positive amounts adding up to no more than the payment. Whether the items are open
// debits of the customer at that date is CheckAllocations's business.
func (p *Payment) Validate() error {
	switch {
	case p.Customer == "":
		return p.problem("payment.err.customer", "customer", "")
	case !p.Date.Valid():
		return p.problem("payment.err.date", "date", "")
	case p.Amount <= 0:
		return p.problem("payment.err.amount", "amount", p.Amount.String())
	case !p.Method.Known():
		return p.problem("payment.err.method", "method", string(p.Method))
	case p.Kind != KindReceived && p.Kind != KindReturn:
		return p.problem("payment.err.kind", "kind", p.Kind)
	case p.IsReturn() && p.Returns == "":
		return p.problem("payment.err.returns", "returns", "")
	case p.Source == "":
		return p.problem("payment.err.source", "source", "")
	case !p.Entered.Valid():
		return p.problem("payment.err.entered", "entered", "")
	}
	seen := map[string]bool{}
	for _, a := range p.Allocations {
		switch {
		case a.Item == "" || seen[a.Item]:
			return p.problem("payment.err.alloc_item", "invoice", a.label())
		case a.Amount <= 0:
			return p.problem("payment.err.alloc_amount", "invoice", a.label(), "amount", a.Amount.String())
		}
		seen[a.Item] = true
	}
	if s := p.Allocated(); s > p.Amount {
		return p.problem("payment.err.over", "amount", p.Amount.String(), "allocated", s.String())
	}
	if r := p.Reversed; r != nil && (!r.Date.Valid() || r.Date < p.Date || !r.Entered.Valid()) {
		return p.problem("payment.err.reversal_date", "date", r.Date.String(), "paid", p.Date.String())
	}
	return nil
}

// ReturnedBy maps the ID of each payment of pays that a return still applied takes
// back to that return's ID: such a payment can be neither taken back again nor
// reversed.
func ReturnedBy(pays []Payment) map[string]string {
	out := map[string]string{}
	for i := range pays {
		if p := &pays[i]; p.IsReturn() && p.Active() {
			out[p.Returns] = p.ID
		}
	}
	return out
}
