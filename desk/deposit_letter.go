package desk

import (
	"time"

	"relance/ledger"
	"relance/letters/archive"
	"relance/letters/check"
	"relance/letters/compose"
	"relance/letters/depositletter"
	"relance/letters/pdfdoc"
)

// DepositLetter composes, without issuing it, the deposit request for an order of
// amount (reference ref) from customer, dated date, in lang ("": the customer's
// language), with the order check it justifies (CheckOrder). An order that needs no
// deposit has no letter: refused with the reason.
func (s *Session) DepositLetter(customer, ref string, amount ledger.Cents, date ledger.Date, lang string) (*compose.Letter, *OrderView, error) {
	v, err := s.CheckOrder(customer, ref, amount, date)
	if err != nil {
		return nil, nil, err
	}
	ss, err := s.WithAccount(customer)
	if err != nil {
		return nil, nil, err
	}
	l, err := depositletter.Build(ss.Book, ss.Book.Account(customer), depositletter.Request{Ref: ref, Check: v.OrderCheck,
		Overdue: v.Overdue}, date, lang)
	return l, v, err
}

// CheckDepositLetter runs the app's letter checker on deposit request l, as the
// courteous letter before any due date it is (check.StagePre), messages in msgLang.
func (s *Session) CheckDepositLetter(l *compose.Letter, msgLang string) (*check.Result, error) {
	e, err := check.New()
	if err != nil {
		return nil, err
	}
	opt := check.Options{Lang: l.Lang, MessageLang: msgLang, Stage: check.StagePre, Date: l.Date}
	return e.Check(l.PlainText(), opt), nil
}

// IssueDepositLetter writes the deposit request (DepositLetter), checks it (a letter
// with a blocking finding is not issued, the finding named), renders it as PDF and
// freezes it in the letter archive with its record, in one transaction, before
// returning the PDF. factory nil parses the fonts for this letter.
func (s *Session) IssueDepositLetter(customer, ref string, amount ledger.Cents, date ledger.Date, lang, by string, now time.Time,
	factory *pdfdoc.Factory) (*archive.Record, []byte, error) {
	l, _, err := s.DepositLetter(customer, ref, amount, date, lang)
	if err != nil {
		return nil, nil, err
	}
	res, err := s.CheckDepositLetter(l, l.Lang)
	if err != nil {
		return nil, nil, err
	}
	return s.issueChecked(l, res, func(msg string) error {
		return &ledger.Problem{Key: "order.err.letter_check", Args: []string{"customer", customer, "value", msg}}
	}, by, now, factory, nil)
}
