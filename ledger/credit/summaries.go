package credit

import "relance/ledger"

// Summaries returns one summary per customer at asOf, in the book's (ID) order, from the
// open amounts at that date (OpenAt): an item issued after asOf is left out, one settled
// after asOf is still open. Balance is Σ open (credits included); Overdue is Σ open
// debits past due (due date < asOf), the definition of the KPIs' overdue and of the
// aged balance's late columns.
func Summaries(book *ledger.Book, asOf ledger.Date) []ledger.CustomerSummary {
	out := make([]ledger.CustomerSummary, len(book.Accounts))
	for i, a := range book.Accounts {
		s := ledger.CustomerSummary{
			ID: a.Customer.ID, Name: a.Customer.Name, Kind: a.Customer.Kind,
			Salesperson: a.Customer.Salesperson, Doubtful: a.Customer.Doubtful,
		}
		for _, o := range OpenAt(a, asOf) {
			s.OpenItems++
			s.Balance += o.OpenAt
			if o.OpenAt > 0 && o.DueDate.Valid() && o.DueDate < asOf {
				s.Overdue += o.OpenAt
				if !s.OldestDue.Valid() || o.DueDate < s.OldestDue {
					s.OldestDue = o.DueDate
				}
			}
		}
		if s.OldestDue.Valid() {
			s.DaysLate = asOf.DaysSince(s.OldestDue)
		}
		s.CreditOver = a.Customer.CreditLimit > 0 && s.Balance > a.Customer.CreditLimit
		out[i] = s
	}
	return out
}
