package desk

import (
	"bytes"
	"time"

	"relance/ledger"
	"relance/ledger/law"
	"relance/ledger/proof"
	"relance/ledger/store"
	"relance/letters/archive"
	"relance/letters/compose"
	"relance/letters/insolvency"
	"relance/letters/pdfdoc"
)

// ClaimLetterRequest asks for one of the two letters a creditor sends when its
// customer's insolvency opens, as `relance claim` and Contentieux › Procédures
// collectives give it.
type ClaimLetterRequest struct {
	Customer string
	// Retention asks for the retention-of-title claim (revendication, C. com. L624-9,
	// R624-13) instead of the claim filing (déclaration de créance, C. com. L622-24).
	Retention bool
	// Security is the rank the claim is filed with: law.RetentionOfTitle when the sale
	// had a retention-of-title clause agreed in writing (C. com. L624-16);
	// law.Unsecured: none; "": as the customer's contract says (ContractClauses). The
	// claim filing only.
	Security law.Security
	// AsOf is the letter's date: the procedure governing the customer then is the one
	// written under.
	AsOf ledger.Date
}

// ClaimLetter is a claim letter prepared (PrepareClaimLetter) or issued
// (IssueClaimLetter).
type ClaimLetter struct {
	Procedure law.Procedure
	// Claim is the claim filing's content; nil for a retention-of-title claim.
	Claim *law.InsolvencyClaim
	// Retention is the retention-of-title claim's content; nil for a claim filing.
	Retention *law.RetentionClaim
	// Letter is the letter as the archive records it: its recipient (Recipient[0]),
	// the invoices, the total claimed (Totals.Claimed).
	Letter *compose.Letter
	// Deadline is the letter's period at the as-of date (C. com. R622-24 for the claim
	// filing, L624-9 for the revendication), with its article and level.
	Deadline law.ProcDeadline
	// Record and PDF are the archive record and the PDF's bytes once issued (nil
	// before): the caller writes PDF to its file after IssueClaimLetter returns.
	Record *archive.Record
	PDF    []byte
}

// PrepareClaimLetter builds, without writing anything, the claim filing (or the
// retention-of-title claim) of req.Customer under the procedure governing it at
// req.AsOf, with the penalty invoices still owed filed on their own lines: what the
// window shows before the save dialog. A letter that would claim nothing is refused
// with the reason.
func (s *Session) PrepareClaimLetter(req ClaimLetterRequest) (*ClaimLetter, error) {
	acct := s.Book.Account(req.Customer)
	if acct == nil {
		return nil, &ledger.Problem{Key: "letters.err.customer", Args: []string{"value", req.Customer}}
	}
	if !req.AsOf.Valid() {
		return nil, &ledger.Problem{Key: "insolv3.err.date", Args: []string{"customer", req.Customer}}
	}
	switch req.Security {
	case "", law.Unsecured, law.RetentionOfTitle:
	default:
		return nil, &ledger.Problem{Key: "insolv3.err.security", Args: []string{"value", string(req.Security)}}
	}
	p, err := s.ActiveProcedure(req.Customer, req.AsOf)
	if err != nil {
		return nil, err
	}
	k, err := s.ContractClauses(req.Customer)
	if err != nil {
		return nil, err
	}
	switch {
	case req.Retention && k != nil && k.Accepted.Valid() && !k.RetentionOfTitle:
		// C. com. L624-16: goods sold with a retention-of-title clause agreed in writing
		// at the latest at delivery; the contract recorded has none.
		return nil, &ledger.Problem{Key: "contract.err.no_retention", Args: []string{"customer", acct.Customer.Name, "cgv", k.CGV}}
	case req.Security == "" && !req.Retention && k != nil && k.RetentionOfTitle:
		req.Security = law.RetentionOfTitle // the clause of the customer's contract
	}
	cl := &ClaimLetter{Procedure: *p}
	want := law.DeadlineClaim
	if req.Retention {
		want = law.DeadlineRetention
	}
	for _, d := range law.ProcedureDeadlines(*p, req.AsOf) {
		if d.Kind == want {
			cl.Deadline = d
		}
	}
	if req.Retention {
		rc, err := law.BuildRetention(acct, *p, req.AsOf)
		if err != nil {
			return nil, err
		}
		if len(rc.Invoices) == 0 {
			return nil, &ledger.Problem{Key: "insolv3.err.no_goods", Args: []string{"customer", acct.Customer.Name,
				"judgment", p.Judgment.French()}}
		}
		cl.Retention, cl.Letter = rc, insolvency.RetentionRecord(s.Book, acct, rc)
		return cl, nil
	}
	pens, err := s.PenaltiesDue(req.Customer, req.AsOf) // filed on their own lines
	if err != nil {
		return nil, err
	}
	c, err := law.BuildClaimWith(s.Rates, acct, *p, req.Security, req.AsOf, pens)
	if err != nil {
		return nil, err
	}
	proofs, err := s.DB.LoadProofs(req.Customer) // the orders and delivery proofs joined, those missing warned
	if err != nil {
		return nil, err
	}
	c.AttachProofs(proof.Index(proofs))
	if c.Total <= 0 || len(c.Due)+len(c.ToFallDue)+len(c.PenaltyInvoices) == 0 {
		return nil, &ledger.Problem{Key: "insolv3.err.no_claim", Args: []string{"customer", acct.Customer.Name,
			"judgment", p.Judgment.French()}}
	}
	cl.Claim, cl.Letter = c, insolvency.ClaimRecord(s.Book, acct, c)
	return cl, nil
}

// IssueClaimLetter prepares the letter req asks for (PrepareClaimLetter), renders its
// PDF and freezes it in the letter archive with its action in the customer's history
// (archive.IssueRecorded), in one transaction, before returning it: the caller writes
// the PDF to its file only then, so that a claim letter never exists without its
// record. A claim filing's action counts as a claim filed in the insolvency in the
// limitation computation (dunning.Records.Interruptions). A refused letter writes
// nothing. factory nil parses the fonts for this letter.
func (s *Session) IssueClaimLetter(req ClaimLetterRequest, by string, now time.Time, factory *pdfdoc.Factory) (*ClaimLetter, error) {
	cl, err := s.PrepareClaimLetter(req)
	if err != nil {
		return nil, err
	}
	acct := s.Book.Account(req.Customer)
	opt := insolvency.Options{Factory: factory}
	var pdf bytes.Buffer
	if cl.Retention != nil {
		err = insolvency.WriteRetention(&pdf, s.Book, acct, cl.Retention, opt)
	} else {
		err = insolvency.WriteClaim(&pdf, s.Book, acct, cl.Claim, opt)
	}
	if err != nil {
		return nil, err
	}
	err = s.DB.Update(func(tx *store.Tx) error {
		var err error
		cl.Record, err = archive.IssueRecorded(tx, archive.Input{Letter: cl.Letter, PDF: pdf.Bytes(), By: s.Who(by), At: now})
		return err
	})
	if err != nil {
		return nil, err
	}
	cl.PDF = pdf.Bytes()
	return cl, nil
}
