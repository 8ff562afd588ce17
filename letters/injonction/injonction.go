// Package injonction prepares and prints the injonction de payer pack of a customer
// (CPC 1405-1425): the eligibility check with its reasons, the competent court, the
// request's data in the order of the court's Cerfa form, the décompte of the sums
// claimed, the bordereau of supporting documents and a cost estimate — or, for a
// debtor in another EU state, the data of Form A of the European order for payment
// (Reg. (EC) 1896/2006). The rules live in ledger/law; this package gathers the
// dossier's data for them and renders the PDF dossier.
package injonction

import (
	"io"
	"time"

	"relance/ledger"
	"relance/ledger/credit"
	"relance/ledger/dispute"
	"relance/ledger/dunning"
	"relance/ledger/law"
	"relance/ledger/proof"
	"relance/ledger/store"
	"relance/letters/pdfdoc"
	"relance/letters/penaltyinvoice"
)

// Options tune the PDF. The zero value is ready to use.
type Options struct {
	// Created is the PDF's creation date; zero means noon UTC on the as-of date.
	Created time.Time
	// Factory makes the document; nil creates one.
	Factory *pdfdoc.Factory
}

// Prepare reads what the pack needs from the dossier — the customer's disputes,
// insolvency procedures, limitation interruptions item by item (its payment plans,
// letters issued and the register of interrupting acts: dunning.Records.Interruptions,
// the same as `relance deadlines`), the proof recorded for each invoice (ledger/proof)
// and last formal notice (a "notice" action or a "med"
// step of the reminder history) — and builds the pack of customerID at asOf. notice,
// when not nil, replaces the one found (a notice sent outside Relance).
func Prepare(db *store.DB, book *ledger.Book, customerID string, asOf ledger.Date, notice *law.NoticeRef) (*law.IPPack, error) {
	acc := book.Account(customerID)
	if acc == nil {
		return nil, &ledger.Problem{Key: "pdf.err.customer", Args: []string{"value", customerID}}
	}
	rates, err := db.Rates()
	if err != nil {
		return nil, err
	}
	ds, _, err := db.LoadDisputes()
	if err != nil {
		return nil, err
	}
	var procs []law.Procedure
	var rec dunning.Records
	var issued []law.PenaltyInvoice
	var proofs []proof.Invoice
	err = db.View(func(tx *store.Tx) error {
		if procs, err = tx.ProceduresOf(customerID); err != nil {
			return err
		}
		if issued, err = penaltyinvoice.Issued(tx, customerID); err != nil {
			return err
		}
		if rec.Actions, err = tx.Actions(customerID); err != nil {
			return err
		}
		if rec.Plans, err = tx.Plans(customerID); err != nil {
			return err
		}
		if rec.Register, err = tx.Interruptions(customerID); err != nil {
			return err
		}
		if proofs, err = tx.Proofs(customerID); err != nil { // each invoice's order and delivery proof
			return err
		}
		if notice == nil {
			notice = LastNotice(rec.Actions, asOf)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	in := law.IPInput{Customer: &acc.Customer, Items: acc.Items, AsOf: asOf, Country: book.Settings.Country,
		Disputes: dispute.NewIndex(ds), Insolvent: law.Active(procs, customerID, asOf) != nil,
		InterruptionsOf: rec.Interruptions()}
	// The penalty invoices issued and still owed, claimed on their own lines.
	in.Penalties = law.PenaltiesDue(issued, acc, asOf, credit.OpenAtMap)
	return law.BuildInjonction(rates, book.Settings, in, law.PackOptions{Notice: notice, Proofs: proof.Index(proofs)})
}

// LastNotice returns the latest formal notice among a customer's actions done on or
// before asOf — a "notice" action or a letter of stage "med" — or nil. It is "in the
// dossier" when the letter was archived.
func LastNotice(acts []dunning.Action, asOf ledger.Date) *law.NoticeRef {
	var best *dunning.Action
	for i := range acts {
		a := &acts[i]
		if a.Date > asOf || (a.Status != "" && a.Status != dunning.ActionDone) {
			continue
		}
		if a.Kind != dunning.ActionKind(dunning.ChanNotice) && a.Stage != "med" {
			continue
		}
		if best == nil || a.Date >= best.Date {
			best = a
		}
	}
	if best == nil {
		return nil
	}
	ref := best.Letter
	if ref == "" {
		ref = best.ID
	}
	return &law.NoticeRef{Date: best.Date, Ref: ref, InDossier: best.Letter != ""}
}

// Render writes the pack's PDF dossier to w, in lang, for the creditor of book.
func Render(w io.Writer, book *ledger.Book, p *law.IPPack, lang string, opt Options) (err error) {
	defer pdfdoc.Guard(&err, "pdfsafe.kind.injonction", func() string { return p.Customer })
	if opt.Created.IsZero() {
		opt.Created = p.AsOf.Time().Add(12 * time.Hour)
	}
	if opt.Factory == nil {
		opt.Factory = pdfdoc.NewFactory()
	}
	m := pdfdoc.Meta{
		Title:    "Injonction de payer — " + p.Name,
		Subject:  p.Customer,
		Author:   book.Settings.Company.Name,
		Keywords: p.Customer,
		Lang:     lang,
		Currency: p.Currency,
		Created:  opt.Created,
	}
	if lang != "fr" {
		m.Title = "Order for payment — " + p.Name
	}
	return opt.Factory.Render(w, m, func(d *pdfdoc.Doc) error {
		draw(d, book, p)
		return nil
	})
}
