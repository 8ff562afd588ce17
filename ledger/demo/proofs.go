package demo

import (
	"fmt"

	"relance/ledger"
	"relance/ledger/dunning"
	"relance/ledger/proof"
	"relance/ledger/store"
)

// proofCustomers is how many customers of the demo, besides the one in insolvency and
// those sent a formal notice, have the proof of their open invoices recorded.
const proofCustomers = 4

// putProofs records the proof of the debt (ledger/proof) for the open invoices of the
// customers a collector would check first — the one in a collective procedure (the
// claim filing lists them), those sent a formal notice (the injonction pack does) —
// and a few others: in turn a complete triangle (order and signed delivery note
// filed), a delivery note missing (the order filed), and nothing recorded; so that the
// customer card's Preuves tab, the injonction pack and the claim show the three cases.
func putProofs(tx *store.Tx, book *ledger.Book, today ledger.Date) error {
	want := map[string]bool{}
	var order []string
	add := func(id string) {
		if !want[id] {
			want[id] = true
			order = append(order, id)
		}
	}
	procs, err := tx.Procedures()
	if err != nil {
		return err
	}
	for _, p := range procs {
		add(p.Customer)
	}
	acts, err := tx.Actions("")
	if err != nil {
		return err
	}
	for _, a := range acts {
		if a.Stage == "med" || a.Kind == dunning.ActionKind(dunning.ChanNotice) { // as the injonction pack finds it
			if acc := book.Account(a.Customer); acc != nil && acc.Customer.Kind == ledger.Business {
				add(a.Customer)
			}
		}
	}
	others := 0
	for _, a := range book.Accounts {
		if others < proofCustomers && !want[a.Customer.ID] && a.Customer.Kind == ledger.Business && hasOpen(a, func(*ledger.Item) bool { return true }) {
			add(a.Customer.ID)
			others++
		}
	}
	n := 0
	for _, id := range order {
		a := book.Account(id)
		if a == nil {
			continue
		}
		k := 0
		for i := range a.Items {
			it := &a.Items[i]
			if it.Open <= 0 || it.Amount <= 0 || it.Kind != ledger.Invoice || it.DocDate > today {
				continue
			}
			n++
			v := proof.Invoice{Customer: id, Item: it.ID, Recorded: today, By: Collector}
			switch k % 3 {
			case 0: // the golden triangle: order and signed delivery note filed
				v.Order = proof.Piece{State: proof.Present, Ref: fmt.Sprintf("BC %d-%03d", it.DocDate.Year(), n), Date: it.DocDate.AddDays(-10)}
				v.Delivery = proof.Piece{State: proof.Present, Ref: fmt.Sprintf("BL %d-%03d signé", it.DocDate.Year(), n), Date: it.DocDate.AddDays(-2)}
				v.Copy = proof.Piece{State: proof.Present, Ref: "classeur ventes " + fmt.Sprint(it.DocDate.Year())}
			case 1: // the delivery note was never returned signed
				v.Order = proof.Piece{State: proof.Present, Ref: fmt.Sprintf("BC %d-%03d", it.DocDate.Year(), n), Date: it.DocDate.AddDays(-7)}
				v.Delivery = proof.Piece{State: proof.Missing, Ref: "BL non retourné signé par le client"}
			default:
				k++
				continue // nothing recorded yet
			}
			k++
			if err := tx.PutProof(&v); err != nil {
				return err
			}
		}
	}
	return nil
}
