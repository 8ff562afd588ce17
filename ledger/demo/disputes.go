package demo

import (
	"relance/ledger"
	"relance/ledger/dispute"
	"relance/ledger/store"
)

// Collector is who opens the demo's disputes and proposes its blocks: the dossier's signatory.
const Collector = "Claire Moreau"

// demoDispute is one line of the demo's dispute script.
type demoDispute struct {
	reason   dispute.Reason
	path     []dispute.Status       // statuses after open
	res      dispute.ResolutionKind // for resolved
	partial  bool                   // dispute only 40 % of the open amount
	internal bool                   // owned by the collector, not the salesperson
	note     string
}

// disputeScript: 20 disputes across every reason and status, some resolved by credit
// note, rejected or partly granted, one cancelled.
var disputeScript = []demoDispute{
	{reason: dispute.ReasonPrice, note: "Le client conteste le tarif appliqué (remise annuelle oubliée)."},
	{reason: dispute.ReasonQuantity, partial: true, note: "2 palettes sur 5 non reçues selon le client."},
	{reason: dispute.ReasonQuality, path: []dispute.Status{"with_sales"}},
	{reason: dispute.ReasonDelivery, path: []dispute.Status{"with_sales"}},
	{reason: dispute.ReasonAdministrative, path: []dispute.Status{"with_sales"}, note: "Bon de commande manquant."},
	{reason: dispute.ReasonPrice, path: []dispute.Status{"with_sales", "answer_received"}, partial: true},
	{reason: dispute.ReasonOther, path: []dispute.Status{"with_sales", "answer_received"}},
	{reason: dispute.ReasonAdministrative, internal: true, note: "Facture émise en double ?"},
	{reason: dispute.ReasonQuantity, path: []dispute.Status{"with_sales"}},
	{reason: dispute.ReasonPrice, path: []dispute.Status{"with_sales", "answer_received", "resolved"}, res: dispute.ResolvedCreditNote},
	{reason: dispute.ReasonQuality, path: []dispute.Status{"with_sales", "answer_received", "resolved"}, res: dispute.ResolvedRejected},
	{reason: dispute.ReasonDelivery, path: []dispute.Status{"with_sales", "answer_received", "resolved"}, res: dispute.ResolvedPartial},
	{reason: dispute.ReasonAdministrative, internal: true, path: []dispute.Status{"resolved"}, res: dispute.ResolvedCreditNote},
	{reason: dispute.ReasonQuantity, path: []dispute.Status{"with_sales", "answer_received", "resolved"}, res: dispute.ResolvedRejected},
	{reason: dispute.ReasonPrice, partial: true, path: []dispute.Status{"with_sales", "answer_received", "resolved"}, res: dispute.ResolvedPartial},
	{reason: dispute.ReasonOther, path: []dispute.Status{"cancelled"}, note: "Le client a retrouvé le bon de livraison signé."},
	{reason: dispute.ReasonDelivery},
	{reason: dispute.ReasonPrice, path: []dispute.Status{"with_sales"}},
	{reason: dispute.ReasonQuality, path: []dispute.Status{"with_sales", "answer_received"}},
	{reason: dispute.ReasonAdministrative, path: []dispute.Status{"with_sales", "answer_received", "resolved"}, res: dispute.ResolvedRejected},
}

// Disputes returns the demo's disputes and delivery blocks for book (the demo book
// anchored at today), deterministically: disputes on overdue invoices (more than 35
// days late) of distinct customers taken in turn from each of the 4 salespeople, and 3
// blocks from the default rule (one lifted, one in force, one proposed). IDs are left
// empty: the store numbers them in the order given.
func Disputes(book *ledger.Book, today ledger.Date) ([]dispute.Dispute, []dispute.Block) {
	type cand struct {
		c  *ledger.Customer
		it *ledger.Item
	}
	bySales := map[string][]cand{}
	for _, a := range book.Accounts {
		if a.Customer.Doubtful {
			continue
		}
		for i := range a.Items {
			it := &a.Items[i]
			if it.Kind == ledger.Invoice && it.Open > 0 && it.DueDate.Valid() && it.DueDate <= today.AddDays(-35) {
				bySales[a.Customer.Salesperson] = append(bySales[a.Customer.Salesperson], cand{&a.Customer, it})
				break // one dispute per customer
			}
		}
	}
	next := map[string]int{}
	var out []dispute.Dispute
	for i, s := range disputeScript {
		sp := book.Salespeople[i%len(book.Salespeople)].ID
		if next[sp] >= len(bySales[sp]) {
			continue
		}
		cd := bySales[sp][next[sp]]
		next[sp]++
		amount := cd.it.Open
		if s.partial {
			amount = amount * 4 / 10
		}
		opened := max(cd.it.DueDate.AddDays(3+i%5), cd.it.DocDate)
		owner := sp
		if s.internal {
			owner = dispute.Internal
		}
		d := dispute.New(cd.c.ID, []dispute.DisputedItem{{ItemID: cd.it.ID, Amount: amount}}, s.reason, opened, Collector,
			owner, opened.AddDays(15), "")
		date := opened
		for _, st := range s.path {
			date = date.AddDays(6)
			var r *dispute.Resolution
			by := Collector
			if st == dispute.StatusAnswerReceived {
				by = sp
			}
			if st == dispute.StatusResolved {
				r = &dispute.Resolution{Kind: s.res}
				if s.res == dispute.ResolvedPartial {
					r.Amount = amount / 2
				}
			}
			if err := d.Move(st, date, by, "", r); err != nil {
				break // cannot happen with the script above; the tests count the disputes
			}
		}
		if s.note != "" {
			_ = d.AddNote(opened, Collector, s.note) // dated on the opening: always accepted
		}
		out = append(out, d)
	}
	return out, demoBlocks(book, today, dispute.NewIndex(out))
}

// demoBlocks: a block decided 60 days ago and lifted 30 days ago, one decided 15 days
// ago and in force, and one proposed today by the rule.
func demoBlocks(book *ledger.Book, today ledger.Date, idx *dispute.Index) []dispute.Block {
	rule := dispute.DefaultBlockRule()
	var out []dispute.Block
	taken := map[string]bool{}
	first := func(at ledger.Date) (dispute.Block, bool) {
		for _, b := range dispute.ProposeBlocks(book, at, rule, idx, nil) {
			if !taken[b.Customer] {
				taken[b.Customer] = true
				b.Proposed.By = Collector
				return b, true
			}
		}
		return dispute.Block{}, false
	}
	if b, ok := first(today.AddDays(-60)); ok {
		b.SalesAnswer = &dispute.SalesAnswer{By: book.Account(b.Customer).Customer.Salesperson, Date: today.AddDays(-58), Agree: true,
			Comment: "D'accord, le client ne répond plus."}
		b.Decision = &dispute.Decision{Date: today.AddDays(-55), By: Collector, Blocked: true, Comment: "Blocage validé avec la direction."}
		b.LiftConditions = "Règlement des factures échues ou plan d'apurement signé."
		b.Lifted = &dispute.Lift{Date: today.AddDays(-30), By: Collector, Comment: "Plan d'apurement signé."}
		out = append(out, b)
	}
	if b, ok := first(today.AddDays(-20)); ok {
		b.SalesAnswer = &dispute.SalesAnswer{By: book.Account(b.Customer).Customer.Salesperson, Date: today.AddDays(-18),
			Comment: "Commande importante en cours, je préférerais attendre."}
		b.Decision = &dispute.Decision{Date: today.AddDays(-15), By: Collector, Blocked: true, Comment: "Retard trop important."}
		b.LiftConditions = "Règlement des factures de plus de 60 jours."
		out = append(out, b)
	}
	if b, ok := first(today); ok {
		out = append(out, b)
	}
	return out
}

// putDisputes stores the demo's disputes and blocks (within the dossier's creation).
func putDisputes(tx *store.Tx, book *ledger.Book, today ledger.Date) error {
	ds, bs := Disputes(book, today)
	for i := range ds {
		if err := tx.PutDispute(&ds[i]); err != nil {
			return err
		}
	}
	for i := range bs {
		if err := tx.PutBlock(&bs[i]); err != nil {
			return err
		}
	}
	return nil
}
