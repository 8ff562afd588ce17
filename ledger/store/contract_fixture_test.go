package store_test

import (
	"relance/ledger"
	"relance/ledger/cause"
	"relance/ledger/contract"
	"relance/ledger/store"
)

// putFixtureContract writes a record of buckets contracts and causes (schema 14): the
// second customer's contract with a credit insurance, and the cause of its first
// invoice's delay.
func putFixtureContract(tx *store.Tx, book *ledger.Book, today ledger.Date) error {
	a := book.Accounts[1]
	k := contract.Contract{Customer: a.Customer.ID, CGV: "CGV fixture", Accepted: today.AddDays(-100), Court: "TC fixture",
		RetentionOfTitle: true, Guarantees: []contract.Guarantee{{Kind: contract.CreditInsurance, Issuer: "fixture",
			Amount: 100000, From: today.AddDays(-100), Ref: "fixture"}}, Updated: today, By: "fixture"}
	if err := tx.PutContract(&k); err != nil {
		return err
	}
	for _, it := range a.Items {
		if it.Amount > 0 {
			return tx.SetCauses([]cause.Record{{Customer: a.Customer.ID, Item: it.ID, Cause: cause.Cash, Source: cause.FromCLI,
				Note: "fixture", Date: today, By: "fixture"}})
		}
	}
	return nil
}
