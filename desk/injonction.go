package desk

import (
	"relance/ledger"
	"relance/ledger/law"
	"relance/letters/injonction"
)

// InjonctionPack prepares the injonction de payer pack of a customer at asOf (the
// request, the décompte capped at the rate tables, the documents, the court), with
// the formal notice given or, nil, the latest recorded. A customer whose
// over-indebtedness file holds its reminders is not eligible, with the check that says
// why (overindebtWarn).
func (s *Session) InjonctionPack(customer string, asOf ledger.Date, notice *law.NoticeRef) (*law.IPPack, error) {
	p, err := injonction.Prepare(s.DB, s.Book, customer, asOf, notice)
	if err != nil {
		return nil, err
	}
	if err := s.overindebtWarn(p, customer, asOf); err != nil {
		return nil, err
	}
	return p, s.clauseNote(p, customer)
}
