package store_test

import (
	"relance/ledger"
	"relance/ledger/overindebt"
	"relance/ledger/store"
)

// putFixtureOverindebt writes a record of bucket overindebtedness (schema 14): the
// file of the fixture's first consumer, or of a consumer added for it when the
// fixture's book has none.
func putFixtureOverindebt(tx *store.Tx, book *ledger.Book, today ledger.Date) error {
	id := ""
	for _, a := range book.Accounts {
		if a.Customer.Kind == ledger.Consumer {
			id = a.Customer.ID
			break
		}
	}
	if id == "" {
		id = "FIXP1"
		if err := tx.PutCustomer(&ledger.Customer{ID: id, Name: "Mme Fixture", Kind: ledger.Consumer}); err != nil {
			return err
		}
	}
	return tx.PutOverindebt(&overindebt.Case{Customer: id, Commission: "Commission de surendettement du Rhône",
		Ref: "FIXTURE-1", Filed: today.AddDays(-90), Admitted: today.AddDays(-40), Notified: today.AddDays(-10),
		DebtorAmount: 12000, Note: "fixture", Recorded: today, By: "fixture"})
}
