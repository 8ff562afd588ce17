package demo

import (
	"relance/ledger"
	"relance/ledger/dunning"
	"relance/ledger/overindebt"
	"relance/ledger/store"
)

// The demo's over-indebted consumer: a private customer who filed with the commission
// de surendettement, whose file was admitted about six weeks before "today" and whose
// état du passif was notified 10 days before (the 30 days to justify the claim run:
// 20 days left). The debtor declared less than the ledger shows, so the letter asks
// for a correction.
const (
	overindebtFiledDays    = 75 // filing, days before today
	overindebtAdmittedDays = 42 // admissibility
	overindebtNotifiedDays = 10 // état du passif notified to the creditor
)

// putOverindebt records the demo's over-indebtedness file in tx: the consumer with the
// most invoices open from before the filing, one without a dispute in progress, a
// pending promise or an active plan first. It runs after putDisputes and putDunning.
func putOverindebt(tx *store.Tx, book *ledger.Book, today ledger.Date) error {
	ds, err := tx.Disputes()
	if err != nil {
		return err
	}
	rec, err := tx.Dunning()
	if err != nil {
		return err
	}
	busy := map[string]bool{}
	for _, d := range ds {
		busy[d.Customer] = busy[d.Customer] || d.ActiveAt(today)
	}
	for _, p := range rec.Promises {
		busy[p.Customer] = busy[p.Customer] || p.Status == dunning.PromisePending
	}
	for _, p := range rec.Plans {
		busy[p.Customer] = busy[p.Customer] || p.Status == dunning.PlanActive
	}
	filed := today.AddDays(-overindebtFiledDays)
	score := func(a *ledger.Account) int { // invoices open from before the filing, free ones first
		n := 0
		for _, it := range a.Items {
			if it.Open > 0 && it.DocDate < filed {
				n += 2
			}
		}
		if n > 0 && !busy[a.Customer.ID] {
			n += 100
		}
		return n
	}
	var pick *ledger.Account
	for _, a := range book.Accounts {
		if a.Customer.Kind == ledger.Consumer && score(a) > 0 && (pick == nil || score(a) > score(pick)) {
			pick = a
		}
	}
	if pick == nil {
		return nil
	}
	k := overindebt.Case{Customer: pick.Customer.ID, Commission: "Commission de surendettement des particuliers de Haute-Savoie",
		CommissionAddress: ledger.Address{Lines: []string{"Secrétariat — Banque de France", "8 rue de la Paix"},
			Postcode: "74000", City: "Annecy", Country: "FR"},
		Ref: "0742026-004571", Filed: filed, Admitted: today.AddDays(-overindebtAdmittedDays),
		Notified: today.AddDays(-overindebtNotifiedDays), Recorded: today.AddDays(-overindebtNotifiedDays + 1), By: Collector}
	claim := overindebt.BuildClaim(pick, k, today).Total
	k.DebtorAmount = claim * 85 / 100 / 100 * 100 // the debtor's round figure, under the ledger's
	return tx.PutOverindebt(&k)
}
