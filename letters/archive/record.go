package archive

import (
	"slices"

	"relance/ledger/dunning"
	"relance/ledger/store"
	"relance/letters/templates"
)

// IssueRecorded issues a letter (Issue) and appends, in the same transaction, the action
// that puts it in the customer's history and tells the reminder engine that the stage's
// step is done: a letter, a formal notice (stage med) or an e-mail, dated the letter's
// date, concerning its items, by its author, pointing to the archived record.
func IssueRecorded(tx *store.Tx, in Input) (*Record, error) {
	r, err := Issue(tx, in)
	if err != nil {
		return nil, err
	}
	kind := dunning.ActionKind(dunning.ChanLetter)
	switch {
	case r.Channel == templates.Email:
		kind = dunning.ActionKind(dunning.ChanEmail)
	case r.Stage == templates.MED:
		kind = dunning.ActionKind(dunning.ChanNotice)
	}
	act := dunning.Action{Customer: r.Customer, Kind: kind, Stage: string(r.Stage), Date: r.Date,
		Items: slices.Clone(r.ItemIDs), By: r.By, Letter: r.ID}
	if err := tx.AddAction(&act); err != nil {
		return nil, err
	}
	return r, nil
}
