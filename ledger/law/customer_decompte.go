package law

import (
	"relance/ledger"
)

// CustomerDecompte computes the late-payment décompte of acc's overdue invoices at
// terms.End, the one computation behind the Contentieux screen, the `penalties
// --customer` command and the letters' merge values:
//
//   - the invoices are the debit items open at terms.End (open, see CustomerInvoices);
//   - the debtor's regime is the customer's (DebtorOf);
//   - interest stops on the eve of an opening judgment in force (C. com. L622-28,
//     InterestStop), with a note naming the judgment;
//   - it never runs beyond the last half-year the rate tables cover (computeCapped),
//     with a note giving the day it stops.
//
// It returns a Problem law.err.nothing_overdue when the customer has no overdue
// invoice at that date.
func CustomerDecompte(r *Rates, acc *ledger.Account, terms Terms, procs []Procedure, open ledger.OpenAtFunc) (*Decompte, error) {
	c := &acc.Customer
	terms.Debtor = DebtorOf(c)
	end, _ := InterestStop(procs, c.ID, terms.End)
	invoices := CustomerInvoices(acc, end, open)
	if len(invoices) == 0 {
		return nil, &ledger.Problem{Key: "law.err.nothing_overdue", Args: []string{"value", c.Name}}
	}
	return DecompteOf(r, terms, invoices, c.ID, procs)
}

// DecompteOf computes the décompte of invoices of customer under terms, stopping the
// interest on the eve of an opening judgment in force (C. com. L622-28) and at the end
// of the rate tables' coverage, each with its note. The letters' merge values call it
// on the letter's invoices; CustomerDecompte on all of a customer's overdue ones.
func DecompteOf(r *Rates, terms Terms, invoices []Invoice, customer string, procs []Procedure) (*Decompte, error) {
	end, stop := InterestStop(procs, customer, terms.End)
	terms.End = end
	d, capped, err := computeCapped(r, terms, invoices)
	if err != nil {
		return nil, err
	}
	if stop != nil {
		d.Notes = append(d.Notes, Note{Key: "law.note.interest_stopped",
			Args: []string{"date", end.String(), "judgment", stop.Judgment.String(), "procedure", string(stop.Kind)}})
	}
	if capped != nil {
		d.Notes = append(d.Notes, *capped)
	}
	return d, nil
}
