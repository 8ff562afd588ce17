// Package statement renders a customer's statement of account (relevé de compte) as a
// PDF letter: letterhead, address for a DL window envelope, the open items at a date
// with the overdue ones marked, the payments received lately, the totals, the bank
// details for payment and the signatory. RenderAll writes one per customer with
// overdue items, and optionally one merged PDF for printing.
package statement

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/credit"
	"relance/letters"
	"relance/letters/pdfdoc"
)

// Options tune a statement. The zero value is ready to use.
type Options struct {
	// PaymentDays is how far back the payments received are listed (default 90 days).
	PaymentDays int
	// Created is the PDF's creation date; zero means noon UTC on the as-of date, so
	// that the same dossier and date always give the same bytes.
	Created time.Time
	// Factory makes the documents; nil creates one per call. Pass one for batches.
	Factory *pdfdoc.Factory
	// Place is the town in "Lyon, le …"; empty means the company's city.
	Place string
	// Merged, for RenderAll only, is a file that also receives every statement, one
	// after the other, for printing in one go.
	Merged string
}

func (o Options) norm(asOf ledger.Date) Options {
	if o.PaymentDays <= 0 {
		o.PaymentDays = 90
	}
	if o.Created.IsZero() {
		o.Created = asOf.Time().Add(12 * time.Hour)
	}
	if o.Factory == nil {
		o.Factory = pdfdoc.NewFactory()
	}
	return o
}

// Render writes the statement of account of customer customerID at asOf to w, in the
// customer's language. An unknown customer gives a *ledger.Problem "pdf.err.customer".
func Render(w io.Writer, book *ledger.Book, customerID string, asOf ledger.Date, opt Options) (err error) {
	defer pdfdoc.Guard(&err, "pdfsafe.kind.statement", func() string { return customerID })
	acct := book.Account(customerID)
	if acct == nil {
		return &ledger.Problem{Key: "pdf.err.customer", Args: []string{"value", customerID}}
	}
	opt = opt.norm(asOf)
	return opt.Factory.Render(w, meta(book, acct, asOf, opt), func(d *pdfdoc.Doc) error {
		Draw(d, book, acct, asOf, opt)
		return nil
	})
}

func meta(book *ledger.Book, acct *ledger.Account, asOf ledger.Date, opt Options) pdfdoc.Meta {
	lang := acct.Customer.Language()
	return pdfdoc.Meta{
		Title:    i18n.T(lang, "pdf.st.title", "date", pdfdoc.FormatDate(lang, asOf)),
		Subject:  i18n.T(lang, "pdf.st.subject", "customer", acct.Customer.Name),
		Author:   book.Settings.Company.Name,
		Keywords: acct.Customer.ID,
		Lang:     lang,
		Currency: book.Settings.Currency,
		Created:  opt.Created,
	}
}

// HasOverdue reports whether the account has an open debit past due at asOf.
func HasOverdue(acct *ledger.Account, asOf ledger.Date) bool {
	for _, o := range credit.OpenAt(acct, asOf) {
		if overdue(o, asOf) {
			return true
		}
	}
	return false
}

func overdue(o credit.OpenItem, asOf ledger.Date) bool {
	return o.OpenAt > 0 && o.DueDate.Valid() && o.DueDate < asOf
}

// RenderAll writes into dir one statement per customer with overdue items at asOf
// (and for which filter, if not nil, returns true), named statement-ID-DATE.pdf or
// releve-ID-DATE.pdf after the customer's language, plus opt.Merged if set. It returns
// the files written, in customer order, the merged file last. Each file is written to
// a temporary name and renamed, so no half-written PDF is ever left behind.
func RenderAll(dir string, book *ledger.Book, asOf ledger.Date, filter func(*ledger.Account) bool, opt Options) (files []string, err error) {
	current := "" // the customer whose statement is being drawn, for the error of a panic
	defer pdfdoc.Guard(&err, "pdfsafe.kind.statement", func() string { return current })
	opt = opt.norm(asOf)
	var chosen []*ledger.Account
	for _, a := range book.Accounts {
		if (filter == nil || filter(a)) && HasOverdue(a, asOf) {
			chosen = append(chosen, a)
		}
	}
	var buf bytes.Buffer
	for _, a := range chosen {
		buf.Reset()
		current = a.Customer.ID
		if err := opt.Factory.Render(&buf, meta(book, a, asOf, opt), func(d *pdfdoc.Doc) error {
			Draw(d, book, a, asOf, opt)
			return nil
		}); err != nil {
			return files, fmt.Errorf("statement %s: %w", a.Customer.ID, err)
		}
		name := i18n.T(a.Customer.Language(), "pdf.st.file") + "-" + fileSafe(a.Customer.ID) + "-" + asOf.String() + ".pdf"
		path := filepath.Join(dir, name)
		if err := writeFile(path, buf.Bytes()); err != nil {
			return files, err
		}
		files = append(files, path)
	}
	if opt.Merged != "" && len(chosen) > 0 {
		buf.Reset()
		current = ""
		m := pdfdoc.Meta{Title: i18n.T(book.Settings.Lang, "pdf.st.title", "date", pdfdoc.FormatDate(book.Settings.Lang, asOf)),
			Author: book.Settings.Company.Name, Lang: book.Settings.Lang, Currency: book.Settings.Currency, Created: opt.Created}
		err := opt.Factory.Render(&buf, m, func(d *pdfdoc.Doc) error {
			for _, a := range chosen {
				Draw(d, book, a, asOf, opt)
			}
			return nil
		})
		if err != nil {
			return files, fmt.Errorf("statement: merged: %w", err)
		}
		if err := writeFile(opt.Merged, buf.Bytes()); err != nil {
			return files, err
		}
		files = append(files, opt.Merged)
	}
	return files, nil
}

// fileSafe keeps letters, digits, '-' and '_' of a customer ID for a file name.
func fileSafe(id string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return '_'
	}, id)
}

// writeFile writes b to path through a temporary file in the same directory.
func writeFile(path string, b []byte) error {
	return letters.WriteFile(path, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}
