package desk

import (
	"relance/ledger"
	"relance/ledger/credit"
	"relance/ledger/law"
)

// Decompte computes the late-payment décompte of customer id's overdue invoices at
// terms.End (law.CustomerDecompte: open amounts at that date, interest stopped at an
// opening judgment, never beyond the rate tables' coverage). The debtor's regime is
// the customer's.
func (s *Session) Decompte(id string, terms law.Terms) (*law.Decompte, error) {
	acc := s.Book.Account(id)
	if acc == nil {
		return nil, &ledger.Problem{Key: "law.err.customer", Args: []string{"value", id}}
	}
	terms.Currency = s.Book.Settings.Currency
	k, err := s.overindebtFrozen(id, terms.End) // C. consom. L722-14: frozen from the admissibility
	if err != nil {
		return nil, err
	}
	end, frozen := k.InterestEnd(terms.End)
	terms.End = end
	d, err := law.CustomerDecompte(s.Rates, acc, terms, s.Procedures, credit.OpenAtMap)
	if err == nil && frozen {
		d.Notes = append(d.Notes, law.Note{Key: "overindebt.note.frozen", Args: []string{"date", end.String(), "judgment", k.Admitted.String()}})
	}
	return d, err
}

// Deadlines returns the limitation state at asOf of every debit item open at asOf,
// most urgent first, with the interruptions the dossier records (C. civ. 2231).
func (s *Session) Deadlines(asOf ledger.Date) ([]law.ItemDeadline, error) {
	_, rec, err := s.DB.LoadDunning()
	if err != nil {
		return nil, err
	}
	return law.BookDeadlinesWith(s.Book, asOf, rec.Interruptions(), credit.OpenAtMap), nil
}
