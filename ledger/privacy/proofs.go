package privacy

import (
	"strings"

	"relance/assets/i18n"
	"relance/ledger/proof"
	"relance/ledger/store"
)

// The proof of the debt per invoice (ledger/proof) is kept by an erasure: which pieces
// exist decides whether the debt can still be proved (C. civ. 1353, C. com. L110-3)
// while it can be claimed (C. com. L110-4). Only the references, free text that may
// name a person (« BL signé par M. Martin »), are erased.

// proofRetention says what an erasure keeps of the proof of the debt, and why.
func proofRetention() Retention {
	return Retention{What: "the proof of the debt per invoice: for each invoice, whether its order, delivery proof and copy are held, with their dates (their references are erased)",
		Rule: "C. civ. 1353, C. com. L110-3 and L110-4",
		Why:  "the creditor must prove the debt while it can be claimed"}
}

// EraseProofs erases, inside tx, the references of the pieces of proof of customer
// id's invoices, replaced by a mark saying they were erased (an empty one stays
// empty), and counts the records kept in k.
func EraseProofs(tx *store.Tx, id, lang string, k *Kept) error {
	mark := i18n.T(lang, "privacy2.erased_text")
	n, err := tx.EraseProofText(id, func(v *proof.Invoice) {
		for _, kind := range proof.Kinds() {
			if p := v.Piece(kind); strings.TrimSpace(p.Ref) != "" {
				p.Ref = mark
			}
		}
	})
	k.Proofs = n
	return err
}
