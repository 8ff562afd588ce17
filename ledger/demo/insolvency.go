package demo

import (
	"relance/ledger"
	"relance/ledger/dunning"
	"relance/ledger/law"
	"relance/ledger/store"
)

// Demo legal cases: one customer under redressement judiciaire, its opening judgment
// published in the BODACC 30 days before "today" (the claim filing deadline is a month
// away), and one customer ripe for an injonction de payer: an old undisputed unpaid
// invoice and a formal notice sent 40 days ago.
const (
	insolvencyJudgmentDays = 44 // judgment, days before today
	insolvencyBODACCDays   = 30 // BODACC publication, days before today
	injonctionNoticeDays   = 40 // formal notice, days before today
)

// putInsolvency records the demo's insolvency procedure and formal notice in tx. It runs
// after putDisputes: customers with a dispute are not chosen.
func putInsolvency(tx *store.Tx, book *ledger.Book, today ledger.Date) error {
	ds, err := tx.Disputes()
	if err != nil {
		return err
	}
	disputed := map[string]bool{}
	for _, d := range ds {
		disputed[d.Customer] = true
	}
	judgment := today.AddDays(-insolvencyJudgmentDays)
	var insolvent, eligible *ledger.Account
	for _, a := range book.Accounts {
		c := &a.Customer
		if c.Kind != ledger.Business || c.Doubtful || disputed[c.ID] || (c.Address.Country != "" && c.Address.Country != "FR") {
			continue
		}
		if insolvent == nil && hasOpen(a, func(it *ledger.Item) bool { return it.DueDate.Valid() && it.DueDate < judgment.AddDays(-30) }) &&
			hasOpen(a, func(it *ledger.Item) bool { return it.DocDate < judgment && it.DueDate >= judgment }) {
			insolvent = a
			continue
		}
		if eligible == nil && hasOpen(a, func(it *ledger.Item) bool {
			return it.Kind == ledger.Invoice && it.DueDate.Valid() && it.DueDate < today.AddDays(-90) && it.Flags == 0
		}) {
			eligible = a
		}
	}
	if insolvent != nil {
		p := law.Procedure{Customer: insolvent.Customer.ID, Kind: law.Redressement, Judgment: judgment,
			BODACC: today.AddDays(-insolvencyBODACCDays), Court: "Tribunal des activités économiques de Lyon",
			Mandataire:        "Maître Anne Rivière", // the letters add her title
			MandataireAddress: ledger.Address{Lines: []string{"45 quai Romain Rolland"}, Postcode: "69005", City: "Lyon", Country: "FR"},
			Administrator:     "Maître Paul Girard, administrateur judiciaire",
			AdministratorAddress: ledger.Address{Lines: []string{"8 place des Célestins"}, Postcode: "69002", City: "Lyon",
				Country: "FR"},
			Recorded: today.AddDays(-insolvencyBODACCDays + 2), By: Collector}
		if err := tx.PutProcedure(&p); err != nil {
			return err
		}
	}
	if eligible != nil {
		var items []string
		var amount ledger.Cents
		for i := range eligible.Items {
			it := &eligible.Items[i]
			if it.Open > 0 && it.DueDate.Valid() && it.DueDate < today.AddDays(-injonctionNoticeDays) {
				items = append(items, it.ID)
				amount += it.Open
			}
		}
		act := dunning.Action{Customer: eligible.Customer.ID, Kind: dunning.ActionKind(dunning.ChanNotice), Stage: "med",
			Date: today.AddDays(-injonctionNoticeDays), Items: items, Amount: amount, By: Collector,
			Note: "Mise en demeure envoyée en LRAR (démo)."}
		if err := tx.AddAction(&act); err != nil {
			return err
		}
	}
	return nil
}

// hasOpen reports whether an open debit item of a satisfies ok.
func hasOpen(a *ledger.Account, ok func(*ledger.Item) bool) bool {
	for i := range a.Items {
		if it := &a.Items[i]; it.Open > 0 && ok(it) {
			return true
		}
	}
	return false
}
