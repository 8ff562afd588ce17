// Package insolvency prints the two letters a creditor sends when a customer goes
// through a collective procedure: the claim filing (déclaration de créance) to the
// mandataire judiciaire, within 2 months of the BODACC publication (C. com. L622-24,
// R622-24), and the retention-of-title claim (revendication) within 3 months (C. com.
// L624-9, R624-13). The amounts come from ledger/law (BuildClaim, BuildRetention).
package insolvency

import (
	"io"
	"time"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/law"
	"relance/ledger/store"
	"relance/letters/pdfdoc"
)

// Options tune the letters. The zero value is ready to use.
type Options struct {
	// Created is the PDF's creation date; zero means noon UTC on the as-of date.
	Created time.Time
	// Factory makes the document; nil creates one.
	Factory *pdfdoc.Factory
	// Security is the rank the claim is filed with; empty means unsecured.
	Security law.Security
	// Penalties are the customer's penalty invoices issued (desk.Session.PenaltiesDue):
	// those still owed are filed on lines of their own (law.BuildClaimWith).
	Penalties []law.PenaltyDue
}

func (o Options) norm(asOf ledger.Date) Options {
	if o.Created.IsZero() {
		o.Created = asOf.Time().Add(12 * time.Hour)
	}
	if o.Factory == nil {
		o.Factory = pdfdoc.NewFactory()
	}
	return o
}

// Procedure returns the procedure that governs customerID's account at asOf in the
// dossier, or a "no procedure" problem.
func Procedure(db *store.DB, customerID string, asOf ledger.Date) (*law.Procedure, error) {
	var p *law.Procedure
	err := db.View(func(tx *store.Tx) error {
		ps, err := tx.ProceduresOf(customerID)
		if err == nil {
			p = law.Active(ps, customerID, asOf)
		}
		return err
	})
	if err == nil && p == nil {
		err = &ledger.Problem{Key: "law.proc.err.none", Args: []string{"customer", customerID}}
	}
	return p, err
}

// RenderClaim writes the claim-filing letter of acct in procedure p at asOf to w, in
// the dossier's language, with the penalties computed with rates. It writes the PDF
// only: desk.Session.IssueClaimLetter archives it with its record.
func RenderClaim(w io.Writer, book *ledger.Book, acct *ledger.Account, p law.Procedure, rates *law.Rates, asOf ledger.Date, opt Options) (err error) {
	defer pdfdoc.Guard(&err, "pdfsafe.kind.claim", func() string { return acct.Customer.ID })
	c, err := law.BuildClaimWith(rates, acct, p, opt.Security, asOf, opt.Penalties)
	if err != nil {
		return err
	}
	return WriteClaim(w, book, acct, c, opt)
}

// RenderRetention writes the retention-of-title claim letter of acct in procedure p at
// asOf to w, in the dossier's language. It writes the PDF only:
// desk.Session.IssueClaimLetter archives it with its record.
func RenderRetention(w io.Writer, book *ledger.Book, acct *ledger.Account, p law.Procedure, asOf ledger.Date, opt Options) (err error) {
	defer pdfdoc.Guard(&err, "pdfsafe.kind.retention", func() string { return acct.Customer.ID })
	rc, err := law.BuildRetention(acct, p, asOf)
	if err != nil {
		return err
	}
	return WriteRetention(w, book, acct, rc, opt)
}

func meta(book *ledger.Book, acct *ledger.Account, asOf ledger.Date, opt Options, lang, title string) pdfdoc.Meta {
	return pdfdoc.Meta{
		Title:    i18n.T(lang, title) + " — " + acct.Customer.Name,
		Subject:  pdfdoc.FormatDate(lang, asOf),
		Author:   book.Settings.Company.Name,
		Keywords: acct.Customer.ID,
		Lang:     lang,
		Currency: book.Settings.Currency,
		Created:  opt.Created,
	}
}
