package demo

import (
	"relance/ledger"
	"relance/ledger/cheque"
	"relance/ledger/store"
)

// putCheques records one unpaid cheque in the middle of its procedure: a French
// business's cheque for its oldest overdue invoice, presented 37 days before today,
// rejected for lack of funds two days later, presented again in vain 21 days before
// today. The thirty days of CMF L131-73 have run: the certificat de non-paiement is to
// be asked of the bank since 6 days, and the letter to the drawer is not sent yet.
// Customers in a procedure or with an invoice in dispute are left alone.
func putCheques(tx *store.Tx, book *ledger.Book, today ledger.Date) error {
	ds, err := tx.Disputes()
	if err != nil {
		return err
	}
	procs, err := tx.Procedures()
	if err != nil {
		return err
	}
	skip := map[string]bool{}
	for _, d := range ds {
		skip[d.Customer] = true
	}
	for _, p := range procs {
		skip[p.Customer] = true
	}
	for _, a := range book.Accounts {
		c := &a.Customer
		if skip[c.ID] || c.Kind != ledger.Business || c.GoverningLaw() != "FR" || c.Address.City == "" {
			continue
		}
		var inv *ledger.Item
		for i := range a.Items {
			it := &a.Items[i]
			if it.Kind == ledger.Invoice && it.Open > 0 && it.DueDate.Valid() && it.DueDate < today.AddDays(-45) &&
				it.Flags&ledger.FlagUnpaidCheque == 0 && (inv == nil || it.DueDate < inv.DueDate) {
				inv = it
			}
		}
		if inv == nil {
			continue
		}
		ch := cheque.Cheque{Customer: c.ID, Number: "8841207", Bank: "Banque Populaire Auvergne Rhône Alpes", Amount: inv.Open,
			Written: today.AddDays(-40), Presented: today.AddDays(-37), Rejected: today.AddDays(-35), Reason: cheque.NoFunds,
			Represented: []ledger.Date{today.AddDays(-21)}, Invoices: []string{inv.ID},
			Notes:    "Le comptable du client dit attendre le règlement d'un gros client pour approvisionner le compte.",
			Recorded: today.AddDays(-35), By: book.Settings.Signatory.Name}
		return tx.PutCheque(&ch)
	}
	return nil
}
