package desk

import (
	"time"

	"relance/ledger"
	"relance/ledger/cheque"
	"relance/ledger/store"
	"relance/letters/archive"
	"relance/letters/check"
	"relance/letters/chequeletter"
	"relance/letters/compose"
	"relance/letters/pdfdoc"
)

// ChequeLetter composes, without issuing it, the letter to the drawer of unpaid cheque
// id dated date, in lang ("": the customer's language): what the window shows before
// the letter is issued (chequeletter.Build).
func (s *Session) ChequeLetter(id string, date ledger.Date, lang string) (*compose.Letter, *cheque.Cheque, error) {
	var c *cheque.Cheque
	err := s.DB.View(func(tx *store.Tx) error {
		var err error
		c, err = tx.Cheque(id)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	if c == nil {
		return nil, nil, &ledger.Problem{Key: "cheque.err.unknown", Args: []string{"value", id}}
	}
	s, err = s.WithAccount(c.Customer)
	if err != nil {
		return nil, nil, err
	}
	l, err := chequeletter.Build(s.Book, s.Book.Account(c.Customer), c, date, lang)
	return l, c, err
}

// CheckChequeLetter runs the app's letter checker on letter l as the formal notice it
// is (check.StageMED), for its customer (amounts and invoices cross-checked with the
// ledger), messages in msgLang.
func (s *Session) CheckChequeLetter(l *compose.Letter, msgLang string) (*check.Result, error) {
	e, err := check.New()
	if err != nil {
		return nil, err
	}
	s, err = s.WithAccount(l.Customer)
	if err != nil {
		return nil, err
	}
	opt := check.Options{Lang: l.Lang, MessageLang: msgLang, Stage: check.StageMED, Date: l.Date}
	opt.ForCustomer(s.Book.Account(l.Customer))
	return e.Check(l.PlainText(), opt), nil
}

// IssueChequeLetter writes the letter to the drawer of unpaid cheque id, dated date, in
// lang, checks it (CheckChequeLetter: a letter with a blocking finding is not issued,
// the finding named), renders it as PDF and freezes it in the letter archive with its
// record in the customer's history and the step « letter » on the cheque, in one
// transaction, before returning the PDF: a PDF never exists without its record.
// factory nil parses the fonts for this letter.
func (s *Session) IssueChequeLetter(id string, date ledger.Date, lang, by string, now time.Time, factory *pdfdoc.Factory) (*archive.Record, []byte, error) {
	l, _, err := s.ChequeLetter(id, date, lang)
	if err != nil {
		return nil, nil, err
	}
	res, err := s.CheckChequeLetter(l, l.Lang)
	if err != nil {
		return nil, nil, err
	}
	return s.issueChecked(l, res, func(msg string) error {
		return &ledger.Problem{Key: "cheque.err.letter_check", Args: []string{"id", id, "value", msg}}
	}, by, now, factory, func(tx *store.Tx, rec *archive.Record) error {
		_, err := tx.ChequeLetterIssued(id, date, rec.ID)
		return err
	})
}
