package agedpdf

import "relance/ledger/credit"

// FromAged turns an aged balance computed by ledger/credit into the report to print.
func FromAged(ag *credit.Aged) Report {
	r := Report{AsOf: ag.AsOf}
	for _, x := range ag.Ranges {
		r.Ranges = append(r.Ranges, Range{From: x.From, To: x.To})
	}
	for _, l := range ag.Lines {
		r.Lines = append(r.Lines, Line{ID: l.Customer.ID, Name: l.Customer.Name,
			NotDue: l.Buckets.NotDue, Late: l.Buckets.Late, Credits: l.Buckets.Credits})
	}
	if n := len(ag.Doubtful); n > 0 {
		b := &ag.DoubtfulTotal
		r.Doubtful, r.DoubtfulCustomers = Line{NotDue: b.NotDue, Late: b.Late, Credits: b.Credits}, n
	}
	return r
}
