package store_test

import (
	"github.com/shopspring/decimal"

	"relance/ledger"
	"relance/ledger/classroom"
	"relance/ledger/negotiation"
	"relance/ledger/store"
	"relance/letters/check"
	"relance/letters/exercise"
)

// putFixtureClassroom writes a record of buckets trainees, attempts, exercises and
// negotiations (schema 15): a trainee with a letter attempt, a letter of the trainer's
// bank, and the third customer's negotiation sheet.
func putFixtureClassroom(tx *store.Tx, book *ledger.Book, today ledger.Date) error {
	tr := classroom.Trainee{Name: "Stagiaire fixture", Group: "fixture", Added: today}
	if err := tx.PutTrainee(&tr); err != nil {
		return err
	}
	at := classroom.Attempt{Trainee: tr.ID, Kind: classroom.Letter, Exercise: "fixture", Date: today,
		Score: decimal.RequireFromString("12.5"), OutOf: 20, By: "fixture"}
	if err := tx.AddAttempt(&at); err != nil {
		return err
	}
	ex := exercise.Exercise{Title: "Relance fixture", Stage: check.StageR1, Audience: check.B2B, Lang: "fr",
		Text: "Madame, Monsieur,\n\nNous vous rappelons la facture FA-1 de 1 200,00 € échue le 1er octobre.\n\nCordialement,", Added: today, By: "fixture"}
	if err := exercise.Add(tx, &ex, func(string) bool { return true }); err != nil {
		return err
	}
	a := book.Accounts[2]
	sh := negotiation.Sheet{Customer: a.Customer.ID, Name: a.Customer.Name, Kind: a.Customer.Kind, AsOf: today,
		Overdue: 100000, Principal: 100000, By: "fixture"}
	return negotiation.Save(tx, &sh)
}
