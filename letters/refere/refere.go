// Package refere prints the référé-provision pack of a public buyer (ledger/law
// .ReferePack) as a dossier ready for the lawyer's request to the juge des référés of
// the tribunal administratif (CJA R541-1): the court and the parties, the conditions,
// the statement of facts generated from the dossier, the invoices, the décompte at
// ECB + 8 points fixed with €40 per invoice (the shared table of letters/decomptepdf),
// the interest on interest paid beyond the 45 days of R2192-36, the conclusions, the
// list of exhibits and the mandatement d'office after the order.
//
// The dossier is always in French: proceedings before the French administrative
// courts are conducted in French; the screen and the command line translate the pack,
// not this document.
package refere

import (
	"io"
	"time"

	"relance/ledger"
	"relance/ledger/law"
	"relance/letters/pdfdoc"
)

// Lang is the language of the dossier, whatever the user's.
const Lang = "fr"

// Options tune the PDF. The zero value is ready to use.
type Options struct {
	// Created is the PDF's creation date; zero means noon UTC on the as-of date.
	Created time.Time
	// Factory makes the document; nil creates one.
	Factory *pdfdoc.Factory
}

// Render writes the pack's PDF dossier to w, in French, for the creditor of book.
func Render(w io.Writer, book *ledger.Book, p *law.ReferePack, opt Options) (err error) {
	defer pdfdoc.Guard(&err, "refere.pdf.kind", func() string { return p.Customer })
	if opt.Created.IsZero() {
		opt.Created = p.AsOf.Time().Add(12 * time.Hour)
	}
	if opt.Factory == nil {
		opt.Factory = pdfdoc.NewFactory()
	}
	m := pdfdoc.Meta{
		Title:    "Référé-provision — " + p.Name,
		Subject:  p.Customer,
		Author:   book.Settings.Company.Name,
		Keywords: p.Customer,
		Lang:     Lang,
		Currency: p.Currency,
		Created:  opt.Created,
	}
	return opt.Factory.Render(w, m, func(d *pdfdoc.Doc) error {
		draw(d, book, p)
		return nil
	})
}
