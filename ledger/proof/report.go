package proof

import "relance/ledger"

// Line is one open invoice of a customer with its proof and the verdict on it.
type Line struct {
	Item    string       `json:"item"`
	Number  string       `json:"number"`
	DocDate ledger.Date  `json:"doc_date"`
	DueDate ledger.Date  `json:"due_date"`
	Amount  ledger.Cents `json:"amount"`
	Open    ledger.Cents `json:"open"`
	Proof   Invoice      `json:"proof"`
	Judgment
}

// Report is the proof of a customer's open invoices at an as-of date: one line per
// invoice (oldest first, as given), and the counts the customer card's summary says
// (« 3 factures sans bon de livraison »).
type Report struct {
	Customer string      `json:"customer"`
	AsOf     ledger.Date `json:"as_of"`
	Lines    []Line      `json:"invoices"`
	// Counts by verdict.
	Complete   int `json:"complete"`
	Unrecorded int `json:"unrecorded"`
	Incomplete int `json:"incomplete"`
	// Invoices whose order, delivery proof or copy is recorded as missing.
	NoOrder    int `json:"missing_order"`
	NoDelivery int `json:"missing_delivery"`
	NoCopy     int `json:"missing_invoice"`
	// IncompleteOpen is what the incomplete invoices still owe.
	IncompleteOpen ledger.Cents `json:"incomplete_open"`
}

// Assess judges the proof of the open invoices items of customer at asOf (each item
// with what it still owed then in Open; items not owing anything, credits and those
// dated after asOf are left out), with the pieces recorded in proofs (by item ID).
func Assess(customer string, items []ledger.Item, proofs map[string]Invoice, asOf ledger.Date) *Report {
	r := &Report{Customer: customer, AsOf: asOf, Lines: []Line{}}
	for i := range items {
		it := &items[i]
		if it.Amount <= 0 || it.Open <= 0 || it.DocDate > asOf {
			continue
		}
		v, ok := proofs[it.ID]
		if !ok {
			v = Invoice{Customer: customer, Item: it.ID}
		}
		l := Line{Item: it.ID, Number: it.Number, DocDate: it.DocDate, DueDate: it.DueDate, Amount: it.Amount,
			Open: it.Open, Proof: v, Judgment: Judge(v)}
		switch l.Verdict {
		case Complete:
			r.Complete++
		case Unrecorded:
			r.Unrecorded++
		default:
			r.Incomplete++
			r.IncompleteOpen += it.Open
		}
		for _, k := range l.Missing {
			switch k {
			case Order:
				r.NoOrder++
			case Delivery:
				r.NoDelivery++
			case Copy:
				r.NoCopy++
			}
		}
		r.Lines = append(r.Lines, l)
	}
	return r
}

// Index maps a customer's records by item ID.
func Index(vs []Invoice) map[string]Invoice {
	m := make(map[string]Invoice, len(vs))
	for _, v := range vs {
		m[v.Item] = v
	}
	return m
}
