package store

import (
	"slices"

	"relance/ledger"
	"relance/ledger/dispute"
)

// The erasure of a person's data (GDPR art. 17, ledger/privacy) may also rewrite the
// free text of the customer's disputes and delivery blocks — the comments of a
// dispute's history, its notes, its resolution's comment; the reason typed for a block
// proposed by hand, the salesperson's answer, the decision's and the lifting's
// comments and the conditions to lift it — and nothing else: kinds, dates, amounts,
// statuses, items, owners, who did each step and the attachments' references stay.
// As in erasure_history.go, a change to anything else is refused and the caller's
// transaction writes nothing; a dispute or block the change leaves invalid (a note
// emptied) is refused too.

// EraseDisputeText rewrites the disputes of customer through erase, which may change
// their free text only, and returns how many disputes the customer has.
func (t *Tx) EraseDisputeText(customer string, erase func(d *dispute.Dispute)) (int, error) {
	if customer == "" {
		return 0, nil
	}
	all, err := t.Disputes()
	if err != nil {
		return 0, err
	}
	var ds []dispute.Dispute
	for _, d := range all {
		if d.Customer == customer {
			ds = append(ds, d)
		}
	}
	n, err := eraseKeyed(t, bDisputes, ds, func(d *dispute.Dispute) string { return d.ID },
		func(id string) []byte { return []byte(id) }, stripDispute, erase)
	if err != nil {
		return 0, err
	}
	for i := range ds {
		if err := ds[i].Validate(); err != nil {
			return 0, err
		}
		for _, nt := range ds[i].Notes { // Validate skips them once resolved
			if nt.Text == "" {
				return 0, &ledger.Problem{Key: "dispute.err.note", Args: []string{"id", ds[i].ID}}
			}
		}
	}
	return n, nil
}

// stripDispute returns d with its free text cleared (its lists copied, not shared).
func stripDispute(d dispute.Dispute) dispute.Dispute {
	d.History = slices.Clone(d.History)
	for i := range d.History {
		d.History[i].Comment = ""
	}
	d.Notes = slices.Clone(d.Notes)
	for i := range d.Notes {
		d.Notes[i].Text = ""
	}
	if d.Resolution != nil {
		r := *d.Resolution
		r.Comment = ""
		d.Resolution = &r
	}
	return d
}

// EraseBlockText rewrites the delivery blocks of customer through erase, which may
// change their free text only, and returns how many blocks the customer has.
func (t *Tx) EraseBlockText(customer string, erase func(b *dispute.Block)) (int, error) {
	if customer == "" {
		return 0, nil
	}
	all, err := t.Blocks()
	if err != nil {
		return 0, err
	}
	var bs []dispute.Block
	for _, b := range all {
		if b.Customer == customer {
			bs = append(bs, b)
		}
	}
	n, err := eraseKeyed(t, bBlocks, bs, func(b *dispute.Block) string { return b.ID },
		func(id string) []byte { return []byte(id) }, stripBlock, erase)
	if err != nil {
		return 0, err
	}
	for i := range bs {
		if err := bs[i].Validate(); err != nil {
			return 0, err
		}
	}
	return n, nil
}

// BlockTextArg is the name of the argument of a block's reason that holds free text
// (the reason typed for a block proposed by hand, dispute.ManualBlock).
const BlockTextArg = "text"

// stripBlock returns b with its free text cleared (its lists and steps copied, not
// shared).
func stripBlock(b dispute.Block) dispute.Block {
	b.Proposed.Reasons = slices.Clone(b.Proposed.Reasons)
	for i := range b.Proposed.Reasons {
		args := slices.Clone(b.Proposed.Reasons[i].Args)
		for j := 0; j+1 < len(args); j += 2 {
			if args[j] == BlockTextArg {
				args[j+1] = ""
			}
		}
		b.Proposed.Reasons[i].Args = args
	}
	if b.SalesAnswer != nil {
		a := *b.SalesAnswer
		a.Comment = ""
		b.SalesAnswer = &a
	}
	if b.Decision != nil {
		d := *b.Decision
		d.Comment = ""
		b.Decision = &d
	}
	if b.Lifted != nil {
		l := *b.Lifted
		l.Comment = ""
		b.Lifted = &l
	}
	b.LiftConditions = ""
	return b
}
