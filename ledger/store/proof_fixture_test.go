package store_test

import (
	"relance/ledger"
	"relance/ledger/proof"
	"relance/ledger/store"
)

// putFixtureProof writes a record of bucket proofs (schema 14): the proof of the first
// customer's first invoice, its order filed and its delivery note missing.
func putFixtureProof(tx *store.Tx, book *ledger.Book, today ledger.Date) error {
	a := book.Accounts[0]
	for _, it := range a.Items {
		if it.Amount > 0 {
			return tx.PutProof(&proof.Invoice{Customer: a.Customer.ID, Item: it.ID,
				Order:    proof.Piece{State: proof.Present, Ref: "BC fixture", Date: it.DocDate},
				Delivery: proof.Piece{State: proof.Missing, Ref: "fixture"}, Recorded: today, By: "fixture"})
		}
	}
	return nil
}
