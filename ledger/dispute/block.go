package dispute

import (
	"sort"
	"strconv"

	"relance/ledger"
)

// Delivery blocks. "When to block deliveries" is decided together: the collector (or
// the rule, ProposeBlocks) proposes, the salesperson answers (agrees or not, with a
// comment), the collector or management decides, logistics applies the decision
// (Blocked) until the block is lifted. Each step is recorded once; a step out of order
// is refused with a localized *ledger.Problem.

// BlockState is where a block stands.
type BlockState string

// Block states, derived from the steps recorded.
const (
	BlockProposed BlockState = "proposed" // waiting for the sales answer or the decision
	BlockAnswered BlockState = "answered" // sales answered, waiting for the decision
	BlockActive   BlockState = "blocked"  // decided: deliveries blocked
	BlockDeclined BlockState = "declined" // decided: not blocked
	BlockLifted   BlockState = "lifted"   // was blocked, now lifted
)

// BlockReason is one criterion that put the customer up for a block, with its evidence:
// Key is a catalogue key ("dispute.block.reason.overdue"), Args its named values.
type BlockReason struct {
	Key  string   `json:"key"`
	Args []string `json:"args,omitempty"`
}

// Proposal is the first step of a block.
type Proposal struct {
	Date      ledger.Date   `json:"date"`
	By        string        `json:"by"`
	Automatic bool          `json:"automatic"` // proposed by the rule, not by hand
	Reasons   []BlockReason `json:"reasons,omitempty"`
	Balance   ledger.Cents  `json:"balance"`         // the customer's balance then
	Overdue   ledger.Cents  `json:"overdue"`         // overdue then, disputed amounts excluded
	Limit     ledger.Cents  `json:"limit,omitempty"` // credit limit then (0: none)
}

// SalesAnswer is the salesperson's opinion on a proposed block.
type SalesAnswer struct {
	By      string      `json:"by"`
	Date    ledger.Date `json:"date"`
	Agree   bool        `json:"agree"`
	Comment string      `json:"comment,omitempty"`
}

// Decision is whether deliveries are blocked.
type Decision struct {
	Date    ledger.Date `json:"date"`
	By      string      `json:"by"`
	Blocked bool        `json:"blocked"`
	Comment string      `json:"comment,omitempty"`
}

// Lift ends a block.
type Lift struct {
	Date    ledger.Date `json:"date"`
	By      string      `json:"by"`
	Comment string      `json:"comment,omitempty"`
}

// Block is a delivery block on a customer, from proposal to lifting.
type Block struct {
	ID             string       `json:"id"` // "B2026-0001", given by the store
	Customer       string       `json:"customer"`
	Proposed       Proposal     `json:"proposed"`
	SalesAnswer    *SalesAnswer `json:"sales_answer,omitempty"`
	Decision       *Decision    `json:"decision,omitempty"`
	LiftConditions string       `json:"lift_conditions,omitempty"` // e.g. "payment of invoices F…"
	Lifted         *Lift        `json:"lifted,omitempty"`
}

// State returns where the block stands now.
func (b *Block) State() BlockState {
	switch {
	case b.Lifted != nil:
		return BlockLifted
	case b.Decision != nil && b.Decision.Blocked:
		return BlockActive
	case b.Decision != nil:
		return BlockDeclined
	case b.SalesAnswer != nil:
		return BlockAnswered
	}
	return BlockProposed
}

// Pending reports whether the block still waits for a decision.
func (b *Block) Pending() bool { return b.Decision == nil && b.Proposed.Date.Valid() }

// BlockedAt reports whether deliveries to the customer are blocked at asOf.
func (b *Block) BlockedAt(asOf ledger.Date) bool {
	return b.Decision != nil && b.Decision.Blocked && b.Decision.Date <= asOf &&
		(b.Lifted == nil || b.Lifted.Date > asOf)
}

func (b *Block) problem(key string, args ...string) error {
	id := b.ID
	if id == "" {
		id = "(" + b.Customer + ")"
	}
	return &ledger.Problem{Key: key, Args: append([]string{"id", id, "state", string(b.State())}, args...)}
}

// Answer records the salesperson's answer. Refused before a proposal, after a
// decision, a second time, or dated before the proposal.
func (b *Block) Answer(a SalesAnswer) error {
	switch {
	case !b.Proposed.Date.Valid():
		return b.problem("dispute.block.err.noproposal")
	case b.Decision != nil || b.SalesAnswer != nil:
		return b.problem("dispute.block.err.answer")
	case !a.Date.Valid() || a.Date < b.Proposed.Date || a.By == "":
		return b.problem("dispute.block.err.date", "date", a.Date.String(), "last", b.Proposed.Date.String())
	}
	b.SalesAnswer = &a
	return nil
}

// Decide records the decision. Refused before a proposal, a second time, or dated
// before the previous step. The sales answer is not required (the collector may
// decide without it when it does not come), but it is shown when there is one.
func (b *Block) Decide(dec Decision, liftConditions string) error {
	last := b.Proposed.Date
	if b.SalesAnswer != nil {
		last = b.SalesAnswer.Date
	}
	switch {
	case !b.Proposed.Date.Valid():
		return b.problem("dispute.block.err.noproposal")
	case b.Decision != nil:
		return b.problem("dispute.block.err.decided")
	case !dec.Date.Valid() || dec.Date < last || dec.By == "":
		return b.problem("dispute.block.err.date", "date", dec.Date.String(), "last", last.String())
	}
	b.Decision = &dec
	if dec.Blocked {
		b.LiftConditions = liftConditions
	}
	return nil
}

// LiftBlock lifts an active block. Refused when the customer is not blocked (no
// decision, decided not to block, already lifted) or dated before the decision.
func (b *Block) LiftBlock(l Lift) error {
	switch {
	case b.State() != BlockActive:
		return b.problem("dispute.block.err.notblocked")
	case !l.Date.Valid() || l.Date < b.Decision.Date || l.By == "":
		return b.problem("dispute.block.err.date", "date", l.Date.String(), "last", b.Decision.Date.String())
	}
	b.Lifted = &l
	return nil
}

// Validate checks a block read back or about to be stored: a customer, a proposal,
// and steps in order (each recorded step replayed through Answer, Decide, LiftBlock).
func (b *Block) Validate() error {
	if b.Customer == "" {
		return b.problem("dispute.err.customer")
	}
	if !b.Proposed.Date.Valid() || b.Proposed.By == "" {
		return b.problem("dispute.block.err.noproposal")
	}
	r := Block{ID: b.ID, Customer: b.Customer, Proposed: b.Proposed}
	if b.SalesAnswer != nil {
		if err := r.Answer(*b.SalesAnswer); err != nil {
			return err
		}
	}
	if b.Decision != nil {
		if err := r.Decide(*b.Decision, b.LiftConditions); err != nil {
			return err
		}
	}
	if b.Lifted != nil {
		if err := r.LiftBlock(*b.Lifted); err != nil {
			return err
		}
	}
	return nil
}

// BlockRule proposes blocks from the figures. A customer is proposed when its
// amounts more than MinDaysLate days past due (disputed parts excluded) reach
// MinOverdue, or when CreditLimit is set and its balance exceeds its credit limit.
type BlockRule struct {
	MinDaysLate int          // e.g. 60
	MinOverdue  ledger.Cents // e.g. 5,000.00 €; 0 with MinDaysLate 0 disables the criterion
	CreditLimit bool         // also propose customers over their credit limit
}

// DefaultBlockRule is 60 days late for at least 5,000 €, or over the credit limit.
func DefaultBlockRule() BlockRule {
	return BlockRule{MinDaysLate: 60, MinOverdue: 500000, CreditLimit: true}
}

// ProposeBlocks applies rule to the book at asOf and returns one automatic proposal
// (by "rule") per customer that meets it and has no block pending or active, in
// customer order, each with its reasons. Amounts are the items' open amounts as
// recorded (the last import), aged at asOf; disputed parts (idx, may be nil) are left
// out: a customer is not blocked over what the firm itself is examining. Doubtful
// customers (416) are skipped, their case is in legal hands.
func ProposeBlocks(book *ledger.Book, asOf ledger.Date, rule BlockRule, idx *Index, existing []Block) []Block {
	busy := map[string]bool{}
	for i := range existing {
		b := &existing[i]
		if b.Pending() || b.BlockedAt(asOf) {
			busy[b.Customer] = true
		}
	}
	var out []Block
	for _, a := range book.Accounts {
		c := &a.Customer
		if busy[c.ID] || c.Doubtful {
			continue
		}
		var balance, late, overdue ledger.Cents
		oldest := 0
		for i := range a.Items {
			it := &a.Items[i]
			if it.Open == 0 || it.DocDate > asOf {
				continue
			}
			balance += it.Open
			if !it.OverdueAt(asOf) {
				continue
			}
			open := it.Open - idx.DisputedAmount(it, asOf)
			overdue += open
			if d := it.DaysLate(asOf); d > rule.MinDaysLate && open > 0 {
				late += open
				oldest = max(oldest, d)
			}
		}
		p := Proposal{Date: asOf, By: "rule", Automatic: true, Balance: balance, Overdue: overdue, Limit: c.CreditLimit}
		if (rule.MinDaysLate > 0 || rule.MinOverdue > 0) && late > 0 && late >= rule.MinOverdue {
			p.Reasons = append(p.Reasons, BlockReason{Key: "dispute.block.reason.overdue", Args: []string{
				"amount", late.String(), "days", strconv.Itoa(rule.MinDaysLate), "oldest", strconv.Itoa(oldest)}})
		}
		if rule.CreditLimit && c.CreditLimit > 0 && balance > c.CreditLimit {
			p.Reasons = append(p.Reasons, BlockReason{Key: "dispute.block.reason.limit", Args: []string{
				"balance", balance.String(), "limit", c.CreditLimit.String()}})
		}
		if len(p.Reasons) > 0 {
			out = append(out, Block{Customer: c.ID, Proposed: p})
		}
	}
	return out
}

// BlockedAt returns the blocks in force at asOf, in customer order: the list for
// logistics (who must not be delivered, since when, on whose decision, until what).
func BlockedAt(blocks []Block, asOf ledger.Date) []Block {
	var out []Block
	for i := range blocks {
		if blocks[i].BlockedAt(asOf) {
			out = append(out, blocks[i])
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Customer < out[j].Customer })
	return out
}
