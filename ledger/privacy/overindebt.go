package privacy

import (
	"strings"

	"relance/assets/i18n"
	"relance/ledger/overindebt"
	"relance/ledger/store"
)

// A consumer's over-indebtedness file (ledger/overindebt) is kept by an erasure: its
// dates and amounts decide what the creditor may still claim and when (C. consom.
// L722-2, L722-14, L741-2). Its free text — the file's reference at the commission and
// the note, which may say anything about the person — is erased.

// overindebtRetention says what an erasure keeps of an over-indebtedness file, and why.
func overindebtRetention() Retention {
	return Retention{What: "the over-indebtedness file: the commission, the dates of filing, admission, statement of liabilities and outcome, the amounts declared and justified (its reference and note are erased)",
		Rule: "C. consom. L722-2, L722-14, L741-2",
		Why:  "the file decides whether and how much the creditor may still claim"}
}

// EraseOverindebt erases, inside tx, the reference and the note of customer id's
// over-indebtedness file, replaced by a mark saying they were erased (an empty one
// stays empty), and counts the file kept in k.
func EraseOverindebt(tx *store.Tx, id, lang string, k *Kept) error {
	mark := i18n.T(lang, "privacy2.erased_text")
	n, err := tx.EraseOverindebtText(id, func(c *overindebt.Case) {
		for _, s := range []*string{&c.Ref, &c.Note} {
			if strings.TrimSpace(*s) != "" {
				*s = mark
			}
		}
	})
	k.Overindebt = n
	return err
}
