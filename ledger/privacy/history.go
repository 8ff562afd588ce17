package privacy

import (
	"strings"

	"relance/assets/i18n"
	"relance/ledger/dunning"
	"relance/ledger/payment"
	"relance/ledger/store"
)

// The collection history of a customer — its actions (calls, visits, letters, notes,
// the payments and reversals entered), promises to pay, payment plans and the payments
// recorded for it by hand or from a bank statement — is kept by an erasure, for the
// rule below; only the free text typed in it, which may say anything about the person
// (a call note, a cheque's reference, a reversal's reason), is erased.

// historyRetention says what an erasure keeps of the collection history, and why.
func historyRetention() Retention {
	return Retention{
		What: "the collection history: actions, promises to pay, payment plans and payments entered by hand, with their kinds, dates, amounts, statuses, invoices concerned and links (their notes, references and reasons are erased)",
		Rule: "C. com. L123-22, C. civ. 2224 and 2240",
		Why:  "the payments are accounting records kept ten years; the reminders and promises prove the claim was pursued while it can be claimed, and a plan signed as an acknowledgement of debt interrupted the limitation period"}
}

// EraseHistory erases, inside tx, the free text of customer id's collection history:
// the note of its actions (except a record edit's, which lists field names), promises
// and payment plans, the reference of its payments and the reason of their reversal
// are replaced by a mark saying they were erased (a text that was empty stays empty).
// Kinds, dates, amounts, statuses, items and links stay (the store refuses any other
// change). It adds to k how many records of each kind were kept.
func EraseHistory(tx *store.Tx, id, lang string, k *Kept) error {
	mark := i18n.T(lang, "privacy2.erased_text")
	clear := func(s *string) {
		if strings.TrimSpace(*s) != "" {
			*s = mark
		}
	}
	var err error
	if k.Actions, err = tx.EraseActionText(id, func(a *dunning.Action) {
		if a.Kind != dunning.KindRecordEdit {
			clear(&a.Note)
		}
	}); err != nil {
		return err
	}
	if k.Promises, err = tx.ErasePromiseText(id, func(p *dunning.Promise) { clear(&p.Note) }); err != nil {
		return err
	}
	if k.Plans, err = tx.ErasePlanText(id, func(p *dunning.Plan) { clear(&p.Note) }); err != nil {
		return err
	}
	k.Payments, err = tx.ErasePaymentText(id, func(p *payment.Payment) {
		clear(&p.Ref)
		if p.Reversed != nil {
			clear(&p.Reversed.Reason)
		}
	})
	return err
}
