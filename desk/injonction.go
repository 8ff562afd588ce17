package desk

import (
	"relance/ledger"
	"relance/ledger/law"
	"relance/letters/injonction"
)

// InjonctionPack prepares the injonction de payer pack of a customer at asOf (the
// request, the décompte capped at the rate tables, the documents, the court), with
// the formal notice given or, nil, the latest recorded.
func (s *Session) InjonctionPack(customer string, asOf ledger.Date, notice *law.NoticeRef) (*law.IPPack, error) {
	return injonction.Prepare(s.DB, s.Book, customer, asOf, notice)
}
