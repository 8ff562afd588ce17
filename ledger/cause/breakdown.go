package cause

import (
	"iter"

	"relance/ledger"
)

// Key identifies an invoice across customers.
type Key struct{ Customer, Item string }

// Inputs are what a breakdown reads besides the accounts.
type Inputs struct {
	// Records are the causes recorded, by invoice.
	Records map[Key]Record
	// Disputed returns the reason of the open dispute on an invoice at the as-of date
	// ("" when none): a dispute's reason ("delivery", "price"…, dispute.Reason).
	Disputed func(customer, item string) string
	// Insolvent reports whether the customer is under an insolvency procedure.
	Insolvent func(customer string) bool
}

// How the cause of a late invoice is known.
const (
	Recorded = "recorded" // recorded on the invoice
	Derived  = "derived"  // taken from an open dispute or an insolvency procedure
)

// Late is one late invoice with its cause.
type Late struct {
	Customer string       `json:"customer"`
	Name     string       `json:"name"`
	Item     string       `json:"item"`
	Number   string       `json:"number"`
	Due      ledger.Date  `json:"due"`
	DaysLate int          `json:"days_late"`
	Open     ledger.Cents `json:"open"`
	Cause    Cause        `json:"cause,omitempty"` // "" when not stated
	How      string       `json:"how,omitempty"`   // Recorded or Derived
	Note     string       `json:"note,omitempty"`
}

// Total is a count of late invoices and what they leave open.
type Total struct {
	Count  int          `json:"count"`
	Amount ledger.Cents `json:"amount"`
}

func (t *Total) add(l *Late) { t.Count++; t.Amount += l.Open }

// Line is one cause of the breakdown.
type Line struct {
	Cause    Cause `json:"cause"`
	Internal bool  `json:"internal"`
	Total
	Recorded int `json:"recorded"` // how many of Count were recorded rather than derived
}

// Breakdown is the late invoices of a date by cause.
type Breakdown struct {
	AsOf     ledger.Date `json:"as_of"`
	Lines    []Line      `json:"lines"` // every cause, in All's order
	Internal Total       `json:"internal"`
	External Total       `json:"external"`
	Unstated Total       `json:"unstated"`
	Late     Total       `json:"late"` // every late invoice
	Invoices []Late      `json:"invoices"`
}

// Share returns part's share of every late amount, in percent rounded to a whole
// number (0 when nothing is late).
func (b *Breakdown) Share(part Total) int {
	if b.Late.Amount <= 0 {
		return 0
	}
	return int((int64(part.Amount)*100 + int64(b.Late.Amount)/2) / int64(b.Late.Amount))
}

// fromDispute maps a dispute's reason to a cause: what the customer disputes says what
// went wrong at home.
func fromDispute(reason string) Cause {
	switch reason {
	case "delivery", "quality":
		return Delivery
	case "price", "quantity":
		return InvoiceError
	case "administrative":
		return MissingOrder
	}
	return Dispute
}

// Compute breaks down the invoices of accounts late at asOf (an open debit past its
// due date) by cause: the cause recorded, else the one an open dispute or an insolvency
// procedure gives, else none.
func Compute(accounts iter.Seq[*ledger.Account], asOf ledger.Date, in Inputs) *Breakdown {
	b := &Breakdown{AsOf: asOf, Invoices: []Late{}}
	lines := map[Cause]*Line{}
	for _, c := range All() {
		b.Lines = append(b.Lines, Line{Cause: c, Internal: c.Internal()})
	}
	for i := range b.Lines {
		lines[b.Lines[i].Cause] = &b.Lines[i]
	}
	for a := range accounts {
		cust := &a.Customer
		insolvent := in.Insolvent != nil && in.Insolvent(cust.ID)
		for _, it := range a.Items {
			if !it.OverdueAt(asOf) || it.Kind == ledger.Payment || it.Kind == ledger.CreditNote {
				continue
			}
			l := Late{Customer: cust.ID, Name: cust.Name, Item: it.ID, Number: it.Number, Due: it.DueDate,
				DaysLate: it.DaysLate(asOf), Open: it.Open}
			if r, ok := in.Records[Key{cust.ID, it.ID}]; ok && r.Date <= asOf {
				l.Cause, l.How, l.Note = r.Cause, Recorded, r.Note
			} else if reason := disputed(in, cust.ID, it.ID); reason != "" {
				l.Cause, l.How = fromDispute(reason), Derived
			} else if insolvent {
				l.Cause, l.How = Insolvency, Derived
			}
			b.Late.add(&l)
			switch {
			case l.Cause == "":
				b.Unstated.add(&l)
			case l.Cause.Internal():
				b.Internal.add(&l)
			default:
				b.External.add(&l)
			}
			if ln := lines[l.Cause]; ln != nil {
				ln.add(&l)
				if l.How == Recorded {
					ln.Recorded++
				}
			}
			b.Invoices = append(b.Invoices, l)
		}
	}
	return b
}

func disputed(in Inputs, customer, item string) string {
	if in.Disputed == nil {
		return ""
	}
	return in.Disputed(customer, item)
}
