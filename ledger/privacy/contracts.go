package privacy

import (
	"strings"

	"relance/assets/i18n"
	"relance/ledger/negotiation"
	"relance/ledger/store"
)

// A customer's contract (ledger/contract) and the causes of late payment recorded on
// its invoices (ledger/cause) are kept by an erasure: the terms of sale accepted, their
// clauses and the guarantees are what a claim or a call on the guarantee rests on; the
// causes are figures of the collection desk. Their free text — the contract's note,
// the guarantees' references, a personal surety's name, the causes' notes — is erased.

// contractRetention says what an erasure keeps of a customer's contract and causes.
func contractRetention() Retention {
	return Retention{What: "the terms of sale accepted and their clauses, the guarantees held (kind, issuer but a personal surety's name, amount, dates), the cause of late payment of each invoice (their notes and references are erased)",
		Rule: "C. civ. 1353, C. com. L110-4",
		Why:  "the contract and the guarantees prove the claim and are called on while it can be claimed"}
}

// EraseContract erases, inside tx, the free text of customer id's contract and of the
// causes recorded on its invoices (a text that was empty stays empty), and counts them
// in k.
func EraseContract(tx *store.Tx, id, lang string, k *Kept) error {
	mark := i18n.T(lang, "privacy2.erased_text")
	erase := func(s string) string {
		if strings.TrimSpace(s) == "" {
			return s
		}
		return mark
	}
	var err error
	if k.Contract, err = tx.EraseContractText(id, erase); err != nil {
		return err
	}
	if k.Causes, err = tx.EraseCauseText(id, erase); err != nil {
		return err
	}
	// The negotiation sheets are preparation notes, not records the claim rests on
	// (an agreement's plan stays with the history): they go.
	k.Negotiations, err = negotiation.Erase(tx, id)
	return err
}
