package desk

import (
	"time"

	"github.com/shopspring/decimal"

	"relance/ledger"
	"relance/ledger/credit"
	"relance/ledger/dunning"
	"relance/ledger/law"
	"relance/ledger/store"
	"relance/letters/archive"
	"relance/letters/pdfdoc"
	"relance/letters/penaltyinvoice"
)

// PenaltyInvoiceRequest asks for the penalty invoice of one customer, as the
// Contentieux screen and `relance penalty-invoice` give it.
type PenaltyInvoiceRequest struct {
	Customer string
	// AsOf is the penalty invoice's date: the payments the ledger shows up to it.
	AsOf ledger.Date
	// From and To keep the payments dated in [From, To] (NoDate: no bound).
	From, To ledger.Date
	// ContractRate is a penalty rate agreed in the terms of sale (B2B only); invalid:
	// the L441-10 rate.
	ContractRate decimal.NullDecimal
	// Basis is the days per year (law.Terms.Basis); 0: 365.
	Basis int
}

// PenaltyIssue is a penalty invoice issued: the invoice (numbered, with its décompte),
// its archive record and the PDF's bytes, to write to a file once issued.
type PenaltyIssue struct {
	Invoice *law.PenaltyInvoice
	Record  *archive.Record
	PDF     []byte
}

// PenaltyInvoice computes, without writing anything, the penalty invoice of
// req.Customer at req.AsOf (law.BuildPenaltyInvoice): the invoices paid late in full
// or in part as the ledger shows them, less what earlier penalty invoices billed. It
// may be Empty (nothing owed): its Left notes say why.
func (s *Session) PenaltyInvoice(req PenaltyInvoiceRequest) (*law.PenaltyInvoice, error) {
	s, err := s.WithAccount(req.Customer) // its invoices paid late
	if err != nil {
		return nil, err
	}
	acc := s.Book.Account(req.Customer)
	if acc == nil {
		return nil, &ledger.Problem{Key: "law.err.customer", Args: []string{"value", req.Customer}}
	}
	if err := s.overindebtNoPenalty(req.Customer, req.AsOf); err != nil { // C. consom. L722-5, L722-14
		return nil, err
	}
	var pi *law.PenaltyInvoice
	err = s.DB.View(func(tx *store.Tx) error {
		in, err := s.penaltyInput(tx, req)
		if err == nil {
			pi, err = law.BuildPenaltyInvoice(s.Rates, acc, in, credit.OpenAtMap)
		}
		return err
	})
	return pi, err
}

// IssuePenaltyInvoice computes the penalty invoice of req again inside one write
// transaction (so that two issues never bill the same lateness), numbers it in the
// dossier's series (ND-YYYY-NNNN), renders its PDF in the customer's language and
// freezes it in the letter archive with an action in the customer's history
// (penaltyinvoice.Issue). Nothing owed: a problem, and nothing is written. The caller
// writes the PDF to its file after this returns.
func (s *Session) IssuePenaltyInvoice(req PenaltyInvoiceRequest, by string, now time.Time, factory *pdfdoc.Factory) (*PenaltyIssue, error) {
	s, err := s.WithAccount(req.Customer) // its invoices paid late
	if err != nil {
		return nil, err
	}
	acc := s.Book.Account(req.Customer)
	if acc == nil {
		return nil, &ledger.Problem{Key: "law.err.customer", Args: []string{"value", req.Customer}}
	}
	if err := s.overindebtNoPenalty(req.Customer, req.AsOf); err != nil { // C. consom. L722-5, L722-14
		return nil, err
	}
	out := &PenaltyIssue{}
	err = s.DB.Update(func(tx *store.Tx) error {
		in, err := s.penaltyInput(tx, req)
		if err != nil {
			return err
		}
		pi, err := law.BuildPenaltyInvoice(s.Rates, acc, in, credit.OpenAtMap)
		if err != nil {
			return err
		}
		if pi.Empty() {
			return &ledger.Problem{Key: "penaltyinv.err.nothing", Args: []string{"customer", acc.Customer.Name}}
		}
		all, err := penaltyinvoice.Issued(tx, "") // one series for the dossier
		if err != nil {
			return err
		}
		if pi.Number, err = law.NextPenaltyNumber(all, pi.Date); err != nil {
			return err
		}
		out.Record, out.PDF, err = penaltyinvoice.Issue(tx, s.Book, acc, pi, by, now, penaltyinvoice.Options{Factory: factory})
		out.Invoice = pi
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// PenaltiesDue returns the penalty invoices issued to customer on or before asOf with
// what is still owed of each (law.PenaltiesDue): what the injonction pack, the claim
// filing and the référé-provision pack claim on lines of their own.
func (s *Session) PenaltiesDue(customer string, asOf ledger.Date) ([]law.PenaltyDue, error) {
	acc := s.Book.Account(customer)
	if acc == nil {
		return nil, &ledger.Problem{Key: "law.err.customer", Args: []string{"value", customer}}
	}
	var issued []law.PenaltyInvoice
	err := s.DB.View(func(tx *store.Tx) error {
		var err error
		issued, err = penaltyinvoice.Issued(tx, customer)
		return err
	})
	if err != nil {
		return nil, err
	}
	return law.PenaltiesDue(issued, acc, asOf, credit.OpenAtMap), nil
}

// penaltyInput reads in tx what a penalty invoice of req needs besides the account:
// the penalty invoices already issued to the customer, its formal notices (a
// consumer's interest runs from them) and the dossier's procedures.
func (s *Session) penaltyInput(tx *store.Tx, req PenaltyInvoiceRequest) (law.PenaltyInput, error) {
	in := law.PenaltyInput{AsOf: req.AsOf, From: req.From, To: req.To, ContractRate: req.ContractRate, Basis: req.Basis,
		Procedures: s.Procedures, Currency: s.Book.Settings.Currency}
	var err error
	if in.Issued, err = penaltyinvoice.Issued(tx, req.Customer); err != nil {
		return in, err
	}
	acts, err := tx.Actions(req.Customer)
	if err != nil {
		return in, err
	}
	for _, a := range acts {
		if a.Date > req.AsOf || (a.Status != "" && a.Status != dunning.ActionDone) {
			continue
		}
		if a.Kind == dunning.ActionKind(dunning.ChanNotice) || a.Stage == "med" {
			in.Notices = append(in.Notices, law.Notice{Date: a.Date, Items: a.Items})
		}
	}
	return in, nil
}
