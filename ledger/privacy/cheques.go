package privacy

import (
	"strings"

	"relance/assets/i18n"
	"relance/ledger/cheque"
	"relance/ledger/store"
)

// An unpaid cheque followed through its procedure (ledger/cheque) is kept by an
// erasure: its number, amount, dates and steps are what the certificate of
// non-payment, its service and the enforceable title rest on (CMF L131-73), and the
// return is an accounting record (C. com. L123-22). Its notes, which may say anything
// about the person, are erased.

// chequeRetention says what an erasure keeps of an unpaid cheque, and why.
func chequeRetention() Retention {
	return Retention{What: "the unpaid cheques: number, drawee bank, amount, the dates of presentation, rejection and of each step of the procedure, the invoices they were to pay, the commissaire de justice who served the certificate (their notes are erased)",
		Rule: "CMF L131-73, C. com. L123-22",
		Why:  "the certificate of non-payment and the enforceable title issued on it are enforced against the drawer; the return is an accounting record"}
}

// EraseCheques erases, inside tx, the notes of customer id's unpaid cheques, replaced
// by a mark saying they were erased (an empty one stays empty), and returns how many
// cheques were kept.
func EraseCheques(tx *store.Tx, id, lang string) (int, error) {
	mark := i18n.T(lang, "privacy2.erased_text")
	return tx.EraseChequeText(id, func(c *cheque.Cheque) {
		if strings.TrimSpace(c.Notes) != "" {
			c.Notes = mark
		}
	})
}
