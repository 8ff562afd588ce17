// Package penaltyinvoice issues and prints penalty invoices (factures de pénalités,
// notes de débit): for the invoices a customer paid late, the interest of its regime on
// each amount for its own period and the fixed indemnity per invoice, computed by
// ledger/law (BuildPenaltyInvoice). An issued penalty invoice is numbered (ND-2026-0001),
// rendered as an A4 PDF with its décompte and frozen in the letter archive with what it
// billed (archive.Record.Data), so that the same lateness is never billed twice and the
// injonction pack and the claim filing can claim it.
package penaltyinvoice

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"relance/ledger"
	"relance/ledger/law"
	"relance/ledger/store"
	"relance/letters/archive"
	"relance/letters/compose"
	"relance/letters/pdfdoc"
	"relance/letters/templates"
)

// Stage is the archive stage of a penalty invoice. It is no step of the reminder
// ladder: the agenda ignores it, and it is not cited as a previous reminder.
const Stage templates.Stage = "penalty_invoice"

// Issued returns the penalty invoices issued to customer ("": to every customer), as
// the archive keeps them (what they billed, without the décompte), oldest first.
func Issued(tx *store.Tx, customer string) ([]law.PenaltyInvoice, error) {
	recs, err := archive.List(tx, archive.Filter{Customer: customer, Stage: Stage})
	if err != nil {
		return nil, err
	}
	out := make([]law.PenaltyInvoice, 0, len(recs))
	for i := len(recs) - 1; i >= 0; i-- { // List gives the newest first
		r := &recs[i]
		var pi law.PenaltyInvoice
		if err := json.Unmarshal(r.Data, &pi); err != nil || pi.Number == "" {
			return nil, &ledger.Problem{Key: "letters.archive.err.corrupt", Args: []string{"id", r.ID}, Err: err}
		}
		out = append(out, pi)
	}
	return out, nil
}

// Options tune the PDF. The zero value is ready to use.
type Options struct {
	// Created is the PDF's creation date; zero means noon UTC on its date.
	Created time.Time
	// Factory makes the document; nil creates one.
	Factory *pdfdoc.Factory
}

// Render writes penalty invoice pi of acc's customer as a PDF to w, in lang, for the
// creditor of book.
func Render(w io.Writer, book *ledger.Book, acc *ledger.Account, pi *law.PenaltyInvoice, lang string, opt Options) (err error) {
	defer pdfdoc.Guard(&err, "penaltyinv.kind", func() string { return pi.Customer })
	if pi.Empty() || pi.Decompte == nil {
		return &ledger.Problem{Key: "penaltyinv.err.nothing", Args: []string{"customer", pi.Name}}
	}
	if opt.Created.IsZero() {
		opt.Created = pi.Date.Time().Add(12 * time.Hour)
	}
	if opt.Factory == nil {
		opt.Factory = pdfdoc.NewFactory()
	}
	t := text{lang: lang, currency: pi.Currency}
	m := pdfdoc.Meta{Title: t.subject(pi), Subject: pi.Customer, Author: book.Settings.Company.Name,
		Keywords: pi.Customer + " " + pi.Number, Lang: lang, Currency: pi.Currency, Created: opt.Created}
	return opt.Factory.Render(w, m, func(d *pdfdoc.Doc) error {
		draw(d, book, acc, pi)
		return nil
	})
}

// Issue freezes penalty invoice pi (numbered) of acc's customer in the caller's
// transaction: its PDF rendered in the customer's language, archived with what it
// billed, and an action in the customer's history pointing to it
// (archive.IssueRecorded). It returns the record and the PDF's bytes, which the caller
// writes to a file only once the transaction has committed.
func Issue(tx *store.Tx, book *ledger.Book, acc *ledger.Account, pi *law.PenaltyInvoice, by string, at time.Time, opt Options) (*archive.Record, []byte, error) {
	if pi.Number == "" {
		return nil, nil, &ledger.Problem{Key: "letters.archive.err.field", Args: []string{"field", "number"}}
	}
	lang := acc.Customer.Language()
	var pdf bytes.Buffer
	if err := Render(&pdf, book, acc, pi, lang, opt); err != nil {
		return nil, nil, err
	}
	data, err := json.Marshal(pi.Record())
	if err != nil {
		return nil, nil, fmt.Errorf("penalty invoice %s: %w", pi.Number, err)
	}
	rec, err := archive.IssueRecorded(tx, archive.Input{Letter: Letter(book, acc, pi, lang), PDF: pdf.Bytes(),
		Channel: templates.Letter, By: by, At: at, Data: data})
	if err != nil {
		return nil, nil, err
	}
	return rec, pdf.Bytes(), nil
}

// Letter returns penalty invoice pi as the archive keeps a letter: its reference is
// its number, its items the invoices it bills, its total what it claims, and its text
// what the PDF says.
func Letter(book *ledger.Book, acc *ledger.Account, pi *law.PenaltyInvoice, lang string) *compose.Letter {
	s := book.Settings.Normalize()
	c := &acc.Customer
	t := text{lang: lang, currency: pi.Currency}
	l := &compose.Letter{Stage: Stage, Lang: lang, Channel: templates.Letter, Date: pi.Date, Customer: c.ID, CustomerName: c.Name,
		Recipient: pdfdoc.PostalLines(c.Name, c.Address, s.Country), Debtor: pi.Debtor,
		Company: s.Company, Signatory: s.Signatory, Currency: pi.Currency, Country: s.Country, Place: s.Company.Address.City,
		Reference: pi.Number, Subject: t.subject(pi), Decompte: pi.Decompte}
	l.Body = append(l.Body, compose.Block{Text: t.basis(pi.Debtor)})
	for _, b := range pi.Invoices {
		l.Body = append(l.Body, compose.Block{Text: t.invoiceLine(&b)})
		l.ItemIDs = append(l.ItemIDs, b.Item)
	}
	l.Body = append(l.Body, compose.Block{Text: t.total(pi)}, compose.Block{Text: t.T("penaltyinv.vat")},
		compose.Block{Text: t.terms(pi, &s.Company)})
	l.Totals = compose.Totals{Penalties: pi.Interest, Indemnity: pi.Indemnity, Remaining: pi.Total, Claimed: pi.Total}
	return l
}
