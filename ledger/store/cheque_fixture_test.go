package store_test

import (
	"relance/ledger"
	"relance/ledger/cheque"
	"relance/ledger/store"
)

// putFixtureCheque writes a record of bucket cheques (schema 14): an unpaid cheque of
// the fixture's third customer, its certificate of non-payment asked.
func putFixtureCheque(tx *store.Tx, book *ledger.Book, today ledger.Date) error {
	id := book.Accounts[2].Customer.ID
	c := cheque.Cheque{Customer: id, Number: "0004711", Bank: "Banque Fixture", Amount: 123456,
		Written: today.AddDays(-42), Presented: today.AddDays(-40), Rejected: today.AddDays(-38), Reason: cheque.NoFunds,
		Represented: []ledger.Date{today.AddDays(-20)}, Notes: "fixture", Recorded: today.AddDays(-37), By: "fixture"}
	if err := tx.PutCheque(&c); err != nil {
		return err
	}
	_, err := tx.RecordChequeStep(c.ID, cheque.KindCertRequested, today.AddDays(-5), "")
	return err
}
