package desk

import (
	"io"

	"relance/ledger"
	"relance/ledger/dunning"
	"relance/letters/callsheet"
	"relance/letters/statement"
)

// Statement writes customer id's statement of account at asOf to w.
func (s *Session) Statement(w io.Writer, id string, asOf ledger.Date, opt statement.Options) error {
	s, err := s.WithAccount(id) // its payments of the last days
	if err != nil {
		return err
	}
	return statement.Render(w, s.Book, id, asOf, opt)
}

// Statements writes into dir the statement of every customer with overdue items at
// asOf (and opt.Merged for printing), and returns the files written.
func (s *Session) Statements(dir string, asOf ledger.Date, opt statement.Options) ([]string, error) {
	s, err := s.WithAccounts(owing(s.Book)) // their payments of the last days
	if err != nil {
		return nil, err
	}
	return statement.RenderAll(dir, s.Book, asOf, nil, opt)
}

// owing returns the customers of book with an open item: those a batch of statements or
// letters may write to.
func owing(book *ledger.Book) []string {
	var ids []string
	for _, a := range book.Accounts {
		for i := range a.Items {
			if a.Items[i].Open != 0 {
				ids = append(ids, a.Customer.ID)
				break
			}
		}
	}
	return ids
}

// CallSheet gathers what a call to customer id needs at asOf (the agenda's action and
// reasons, the records, the disputes, the open items, the risk class in force — an
// override included, as the Clients list shows it), from the agenda ag and its
// records rec (Session.Agenda).
func (s *Session) CallSheet(id string, asOf ledger.Date, ag dunning.Agenda, rec dunning.Records) (callsheet.Sheet, error) {
	s, err := s.WithAccount(id) // its payment profile
	if err != nil {
		return callsheet.Sheet{}, err
	}
	acc := s.Book.Account(id)
	if acc == nil {
		return callsheet.Sheet{}, &ledger.Problem{Key: "pdf.err.customer", Args: []string{"value", id}}
	}
	classOf, err := s.Classes(asOf)
	if err != nil {
		return callsheet.Sheet{}, err
	}
	return callsheet.Gather(s.Book, acc, asOf, ag, rec, s.Disputes, classOf(id)), nil
}
