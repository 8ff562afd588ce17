package desk

import (
	"bytes"
	"time"

	"relance/ledger"
	"relance/ledger/overindebt"
	"relance/ledger/store"
	"relance/letters/archive"
	"relance/letters/compose"
	"relance/letters/overindebtpdf"
	"relance/letters/pdfdoc"
)

// OverindebtLetter is the letter to the commission de surendettement, prepared
// (PrepareOverindebtLetter) or issued (IssueOverindebtLetter).
type OverindebtLetter struct {
	// Claim is what the letter declares: the open invoices, the credits, the total in
	// principal, the difference with the debtor's figure.
	Claim *overindebt.Claim
	// Letter is the letter as the archive records it (its recipient is Recipient[0]).
	Letter *compose.Letter
	// Deadline is the 30 days to justify the claim, when the état du passif was
	// notified (found false otherwise).
	Deadline overindebt.Deadline
	Found    bool
	// Record and PDF are the archive record and the PDF's bytes once issued (nil
	// before): the caller writes PDF to its file after IssueOverindebtLetter returns.
	Record *archive.Record
	PDF    []byte
}

// PrepareOverindebtLetter builds, without writing anything, the declaration and
// justification of the claim on customer to the commission of its file at asOf: what
// the window shows before the save dialog. A customer without a file, or whose ledger
// shows nothing owed, is refused with the reason.
func (s *Session) PrepareOverindebtLetter(customer string, asOf ledger.Date) (*OverindebtLetter, error) {
	if !asOf.Valid() {
		return nil, &ledger.Problem{Key: "overindebt.err.date", Args: []string{"customer", customer}}
	}
	s, err := s.WithAccount(customer)
	if err != nil {
		return nil, err
	}
	acct := s.Book.Account(customer)
	if acct == nil {
		return nil, &ledger.Problem{Key: "letters.err.customer", Args: []string{"value", customer}}
	}
	var k *overindebt.Case
	if err := s.DB.View(func(tx *store.Tx) error { k, err = tx.Overindebt(customer); return err }); err != nil {
		return nil, err
	}
	if k == nil || !k.Filed.Valid() || k.Filed > asOf {
		return nil, &ledger.Problem{Key: "overindebt.err.none", Args: []string{"customer", acct.Customer.Name}}
	}
	c := overindebt.BuildClaim(acct, *k, asOf)
	if c.Total <= 0 || len(c.Lines) == 0 {
		return nil, &ledger.Problem{Key: "overindebt.err.nothing", Args: []string{"customer", acct.Customer.Name}}
	}
	ol := &OverindebtLetter{Claim: c, Letter: overindebtpdf.Record(s.Book, acct, c)}
	ol.Deadline, ol.Found = k.At(asOf).Find(overindebt.DeadlineJustify)
	return ol, nil
}

// IssueOverindebtLetter prepares the letter (PrepareOverindebtLetter), renders its PDF
// and, in one transaction, freezes it in the letter archive with its action in the
// customer's history (archive.IssueRecorded) and sets the file's Justified amount and
// date; the caller writes the PDF to its file only then, so that the letter never
// exists without its record. A refused letter writes nothing. factory nil parses the
// fonts for this letter.
func (s *Session) IssueOverindebtLetter(customer string, asOf ledger.Date, by string, now time.Time, factory *pdfdoc.Factory) (*OverindebtLetter, error) {
	ol, err := s.PrepareOverindebtLetter(customer, asOf)
	if err != nil {
		return nil, err
	}
	s, err = s.WithAccount(customer)
	if err != nil {
		return nil, err
	}
	var pdf bytes.Buffer
	if err := overindebtpdf.Write(&pdf, s.Book, s.Book.Account(customer), ol.Claim, overindebtpdf.Options{Factory: factory}); err != nil {
		return nil, err
	}
	err = s.DB.Update(func(tx *store.Tx) error {
		var err error
		if ol.Record, err = archive.IssueRecorded(tx, archive.Input{Letter: ol.Letter, PDF: pdf.Bytes(), By: s.Who(by), At: now}); err != nil {
			return err
		}
		k, err := tx.Overindebt(customer)
		if err != nil {
			return err
		}
		k.Justified, k.JustifiedOn = ol.Claim.Total, asOf
		return tx.PutOverindebt(k)
	})
	if err != nil {
		return nil, err
	}
	ol.PDF = pdf.Bytes()
	return ol, nil
}
