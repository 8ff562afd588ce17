// Package cause records why an invoice is paid late and breaks the late invoices of a
// date down by cause: the programme's « causes de retard de paiement internes et
// externes ». An internal cause is the firm's own doing (a wrong invoice, a missing
// order number, a delivery problem, a dispute, an invoice sent late): it is fixed at
// home, not by reminding the customer. An external cause is the customer's (cash
// difficulty, a payment run, forgotten, bad faith, insolvency): it calls for the
// reminder procedure, a plan or the court.
//
// A cause is recorded on one invoice (Record), from the call sheet, the dispute or the
// customer card. An invoice with none recorded takes the cause of an open dispute on it
// (its reason: a delivery dispute is a delivery problem, a price or quantity dispute an
// invoice error) or of an insolvency procedure of its customer; otherwise it is « not
// stated », which the breakdown shows too: the share of late invoices whose cause
// nobody knows is itself a figure of the collection desk.
package cause

import (
	"slices"
	"strings"

	"relance/ledger"
)

// Cause is why an invoice is paid late.
type Cause string

// The causes, internal ones first.
const (
	InvoiceError  Cause = "invoice_error"  // wrong price, quantity, address or VAT on the invoice
	MissingOrder  Cause = "missing_order"  // the customer's order number or reference is missing
	Delivery      Cause = "delivery"       // goods or service not delivered, late, damaged, not accepted
	Dispute       Cause = "dispute"        // a dispute is open with the customer
	LateInvoicing Cause = "late_invoicing" // the firm invoiced late or sent the invoice late
	Cash          Cause = "cash"           // the customer lacks cash
	PaymentRun    Cause = "payment_run"    // the customer pays on fixed runs (once a month, after approval)
	Forgotten     Cause = "forgotten"      // forgotten or lost by the customer
	BadFaith      Cause = "bad_faith"      // the customer can pay and will not
	Insolvency    Cause = "insolvency"     // the customer is under an insolvency procedure
)

// All returns every cause, internal ones first, in the order of the breakdown.
func All() []Cause {
	return []Cause{InvoiceError, MissingOrder, Delivery, Dispute, LateInvoicing,
		Cash, PaymentRun, Forgotten, BadFaith, Insolvency}
}

// Valid reports whether c is a known cause.
func (c Cause) Valid() bool { return slices.Contains(All(), c) }

// Internal reports whether c is the firm's own doing.
func (c Cause) Internal() bool {
	switch c {
	case InvoiceError, MissingOrder, Delivery, Dispute, LateInvoicing:
		return true
	}
	return false
}

// Parse reads a cause by its key ("cash"), case and spaces ignored.
func Parse(s string) (Cause, error) {
	c := Cause(strings.ToLower(strings.TrimSpace(s)))
	if !c.Valid() {
		keys := make([]string, 0, len(All()))
		for _, k := range All() {
			keys = append(keys, string(k))
		}
		return "", &ledger.Problem{Key: "cause.err.cause", Args: []string{"value", s, "allowed", strings.Join(keys, ", ")}}
	}
	return c, nil
}

// Where a cause was recorded.
const (
	FromCall    = "call"    // the call sheet, after a call
	FromDispute = "dispute" // the dispute's record
	FromCard    = "card"    // the customer card
	FromCLI     = "cli"     // relance cause set
)

// Record is the cause recorded on one invoice.
type Record struct {
	Customer string      `json:"customer"`
	Item     string      `json:"item"` // ledger.Item.ID
	Cause    Cause       `json:"cause"`
	Source   string      `json:"source"` // FromCall, FromDispute, FromCard or FromCLI
	Note     string      `json:"note,omitempty"`
	Date     ledger.Date `json:"date"` // when it was recorded
	By       string      `json:"by"`
}

// Validate checks a record before it is stored.
func (r *Record) Validate() error {
	switch {
	case r.Customer == "":
		return &ledger.Problem{Key: "cause.err.customer", Args: []string{"value", r.Customer}}
	case r.Item == "":
		return &ledger.Problem{Key: "cause.err.item", Args: []string{"value", r.Item}}
	case !r.Cause.Valid():
		return &ledger.Problem{Key: "cause.err.cause", Args: []string{"value", string(r.Cause), "allowed", ""}}
	case !r.Date.Valid():
		return &ledger.Problem{Key: "cause.err.date", Args: []string{"value", r.Date.String()}}
	case len(r.Note) > 2000:
		return &ledger.Problem{Key: "cause.err.note", Args: []string{"value", r.Note[:40] + "…"}}
	}
	return nil
}
