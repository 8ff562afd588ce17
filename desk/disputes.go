package desk

import (
	"io"

	"relance/ledger"
	"relance/ledger/dispute"
	"relance/ledger/store"
	"relance/letters/digest"
)

// DisputeRequest is a dispute to open: the customer's items and amounts disputed, why,
// who answers it and by when.
type DisputeRequest struct {
	Customer string
	Items    []dispute.DisputedItem
	Reason   dispute.Reason
	Date     ledger.Date // opened on
	By       string      // who opens it, recorded as given
	// Owner answers the dispute: a salesperson's ID or dispute.Internal; "": the
	// customer's salesperson, or dispute.Internal when it has none.
	Owner   string
	DueBy   ledger.Date // answer due by
	Comment string
}

// OpenDispute records a new dispute in one transaction and returns it with its ID.
// It is refused with a *ledger.Problem, nothing written, for an unknown customer,
// owner or item, an item that is not an open debit or an amount above an item's open
// amount (store.Tx.PutDispute).
func (s *Session) OpenDispute(r DisputeRequest) (*dispute.Dispute, error) {
	owner := r.Owner
	if owner == "" {
		if acc := s.Book.Account(r.Customer); acc != nil {
			owner = acc.Customer.Salesperson
		}
	}
	if owner == "" {
		owner = dispute.Internal
	}
	d := dispute.New(r.Customer, r.Items, r.Reason, r.Date, r.By, owner, r.DueBy, r.Comment)
	if err := s.DB.Update(func(tx *store.Tx) error { return tx.PutDispute(&d) }); err != nil {
		return nil, err
	}
	return &d, nil
}

// ChangeDispute applies change to dispute id and stores it, in one transaction: a
// status move (dispute.Dispute.Move), a note (AddNote), a new owner or due date
// (Reassign). An unknown ID, a change that fails or that the store refuses (a
// rewritten history, a closed dispute changed) leaves nothing written; the error is
// returned as it is (a *ledger.Problem for the refusals).
func (s *Session) ChangeDispute(id string, change func(*dispute.Dispute) error) error {
	return s.DB.Update(func(tx *store.Tx) error { return tx.ChangeDispute(id, change) })
}

// ProposeBlocks records, in one transaction, the delivery blocks rule proposes at asOf
// (dispute.ProposeBlocks: disputed amounts left out, customers already proposed or
// blocked skipped) and returns them with their IDs; none proposed writes nothing.
func (s *Session) ProposeBlocks(asOf ledger.Date, rule dispute.BlockRule) ([]dispute.Block, error) {
	props := dispute.ProposeBlocks(s.Book, asOf, rule, s.Index, s.Blocks)
	if len(props) == 0 {
		return nil, nil
	}
	err := s.DB.Update(func(tx *store.Tx) error {
		for i := range props {
			if err := tx.PutBlock(&props[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return props, nil
}

// ProposeBlock records a delivery block proposed by hand for customer on date by by,
// for reason (dispute.ManualBlock), in one transaction, and returns it with its ID. An
// unknown customer is refused (err.customer.unknown).
func (s *Session) ProposeBlock(customer string, date ledger.Date, by, reason string) (*dispute.Block, error) {
	acc := s.Book.Account(customer)
	if acc == nil {
		return nil, &ledger.Problem{Key: "err.customer.unknown", Args: []string{"value", customer}}
	}
	b := dispute.ManualBlock(acc, date, by, reason, s.Index)
	if err := s.DB.Update(func(tx *store.Tx) error { return tx.PutBlock(&b) }); err != nil {
		return nil, err
	}
	return &b, nil
}

// ChangeBlock applies change to block id and stores it, in one transaction: the
// salesperson's answer (dispute.Block.Answer), the decision (Decide) or the lifting
// (LiftBlock). An unknown ID (dispute.cli.no_block), a step the block's state does not
// allow or a rewritten step leaves nothing written.
func (s *Session) ChangeBlock(id string, change func(*dispute.Block) error) error {
	return s.DB.Update(func(tx *store.Tx) error { return tx.ChangeBlock(id, change) })
}

// Digest is salesperson sp's digest at asOf: the disputes they answer, their overdue
// customers and the blocks to decide.
func (s *Session) Digest(sp ledger.Salesperson, asOf ledger.Date) dispute.SalesDigest {
	return dispute.Digest(s.Book, s.Index, s.Blocks, sp, asOf)
}

// DisputeAck writes to w the acknowledgement letter of dispute d to its customer
// (digest.RenderAck), from the customer's account read whole: the disputed invoice may
// have been paid since. The window's Litiges screen and its tests call it.
func (s *Session) DisputeAck(w io.Writer, d *dispute.Dispute, opt digest.Options) error {
	s, err := s.WithAccount(d.Customer)
	if err != nil {
		return err
	}
	acc := s.Book.Account(d.Customer)
	if acc == nil {
		return &ledger.Problem{Key: "err.customer.unknown", Args: []string{"value", d.Customer}}
	}
	return digest.RenderAck(w, s.Book.Settings, &acc.Customer, d, acc.Items, opt)
}

// SaveSalesperson creates or replaces a salesperson of the directory, in one
// transaction, as typed: trimmed, the ID upper-cased (ledger.Salesperson.Normalize),
// then checked — an ID without spaces, a name, a valid e-mail address or none
// (ledger.Salesperson.Validate).
func (s *Session) SaveSalesperson(sp ledger.Salesperson) error {
	sp = sp.Normalize()
	if err := sp.Validate(); err != nil {
		return err
	}
	return s.DB.Update(func(tx *store.Tx) error { return tx.PutSalesperson(sp) })
}
