package privacy

import (
	"strings"

	"relance/assets/i18n"
	"relance/ledger/dispute"
	"relance/ledger/store"
)

// The disputes of a customer (its contest of some invoices, handed to a salesperson,
// then resolved) and its delivery blocks (proposed, answered by sales, decided,
// lifted) are kept by an erasure, for the rules below; only the free text typed in
// them — notes, comments, a reason typed by hand, the conditions to lift a block —
// which may say anything about the person, is erased. Who did each step is staff (the
// collector, the salesperson owning the dispute), not the customer: it stays.

// disputeRetention says what an erasure keeps of the disputes and delivery blocks, and why.
func disputeRetention() Retention {
	return Retention{
		What: "the disputes and delivery blocks: their reasons' kinds, invoices and amounts disputed, statuses, dates, owners, who did each step, resolutions (credit granted) and attachments' references; the blocks' figures, answers, decisions and liftings (their notes, comments, typed reasons and lifting conditions are erased)",
		Rule: "C. com. L123-22, C. civ. 2224, C. civ. 1219 and 1220, GDPR art. 17(3)(e)",
		Why:  "a dispute's resolution explains the credit notes and the amounts not claimed, accounting records kept ten years; the disputes and the blocks show how the claim was pursued while it can be claimed, and a block proves why deliveries were suspended, which the firm may have to defend"}
}

// EraseDisputes erases, inside tx, the free text of customer id's disputes and
// delivery blocks: a dispute's history comments, notes and resolution comment, a
// block's reason typed by hand, the salesperson's answer, the decision's and the
// lifting's comments and the conditions to lift it are replaced by a mark saying they
// were erased (a text that was empty stays empty). Kinds, dates, amounts, statuses,
// items, owners and links stay (the store refuses any other change). It adds to k how
// many disputes and blocks were kept.
func EraseDisputes(tx *store.Tx, id, lang string, k *Kept) error {
	mark := i18n.T(lang, "privacy2.erased_text")
	clear := func(s *string) {
		if strings.TrimSpace(*s) != "" {
			*s = mark
		}
	}
	var err error
	if k.Disputes, err = tx.EraseDisputeText(id, func(d *dispute.Dispute) {
		for i := range d.History {
			clear(&d.History[i].Comment)
		}
		for i := range d.Notes {
			clear(&d.Notes[i].Text)
		}
		if d.Resolution != nil {
			clear(&d.Resolution.Comment)
		}
	}); err != nil {
		return err
	}
	k.Blocks, err = tx.EraseBlockText(id, func(b *dispute.Block) {
		for i := range b.Proposed.Reasons {
			args := b.Proposed.Reasons[i].Args
			for j := 0; j+1 < len(args); j += 2 {
				if args[j] == store.BlockTextArg {
					clear(&args[j+1])
				}
			}
		}
		if b.SalesAnswer != nil {
			clear(&b.SalesAnswer.Comment)
		}
		if b.Decision != nil {
			clear(&b.Decision.Comment)
		}
		if b.Lifted != nil {
			clear(&b.Lifted.Comment)
		}
		clear(&b.LiftConditions)
	})
	return err
}
