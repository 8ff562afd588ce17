package desk

import (
	"bytes"
	"time"

	"relance/ledger"
	"relance/ledger/law"
	"relance/ledger/store"
	"relance/letters/archive"
	"relance/letters/insolvency"
	"relance/letters/pdfdoc"
)

// RecordProcedureEvent records event e (a contestation received, a decision
// notified, a revendication or a contract notice received, the end of the observation
// period) on a customer's procedure, in one transaction, and returns the procedure as
// stored: its follow-up steps (law.ProcedureDeadlines) run from it. The procedure is
// procID when given, else the one governing the customer on the event's date. e.Recorded
// is the day it is recorded (zero: the event's date): an event after it is refused, as
// one before the opening judgment; nothing is written then.
func (s *Session) RecordProcedureEvent(customer, procID string, e law.ProcEvent) (*law.Procedure, error) {
	if !e.Recorded.Valid() {
		e.Recorded = e.Date
	}
	p, err := s.followedProcedure(customer, procID, e.Date)
	if err != nil {
		return nil, err
	}
	var out *law.Procedure
	err = s.DB.Update(func(tx *store.Tx) error {
		var err error
		out, err = tx.AddProcedureEvent(p.ID, e, e.Recorded)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// followedProcedure is procedure procID (which must be customer's when customer is
// given), or the procedure governing customer at day.
func (s *Session) followedProcedure(customer, procID string, day ledger.Date) (*law.Procedure, error) {
	if procID == "" {
		if !day.Valid() {
			return nil, &ledger.Problem{Key: "insolv2.err.event", Args: []string{"id", customer, "field", "date", ""}}
		}
		return s.ActiveProcedure(customer, day)
	}
	for i := range s.Procedures {
		if p := s.Procedures[i]; p.ID == procID {
			if customer != "" && p.Customer != customer {
				return nil, &ledger.Problem{Key: "insolv2.err.procedure_customer", Args: []string{"id", procID, "customer", customer}}
			}
			return &p, nil
		}
	}
	return nil, &ledger.Problem{Key: "insolv2.err.procedure", Args: []string{"id", procID}}
}

// IssueProcedureLetter writes the follow-up letter req asks for (requête en relevé de
// forclusion, mise en demeure on an ongoing contract, information of post-opening
// claims: insolvency.BuildFollowUp) for customer under the procedure governing it at
// asOf, and freezes it in the letter archive with its record in the customer's history
// (archive.IssueRecorded), in one transaction, before returning the PDF: a PDF never
// exists without its record. factory nil parses the fonts for this letter.
func (s *Session) IssueProcedureLetter(customer string, req insolvency.FollowUpRequest, asOf ledger.Date, by string, now time.Time, factory *pdfdoc.Factory) (*archive.Record, []byte, error) {
	f, acct, err := s.ProcedureLetter(customer, req, asOf)
	if err != nil {
		return nil, nil, err
	}
	var pdf bytes.Buffer
	if err := insolvency.RenderFollowUp(&pdf, s.Book, acct, f, insolvency.Options{Factory: factory}); err != nil {
		return nil, nil, err
	}
	var rec *archive.Record
	err = s.DB.Update(func(tx *store.Tx) error {
		var err error
		rec, err = archive.IssueRecorded(tx, archive.Input{Letter: f.Record(s.Book), PDF: pdf.Bytes(), By: s.Who(by), At: now})
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return rec, pdf.Bytes(), nil
}

// ProcedureLetter prepares, without issuing it, the follow-up letter req asks for
// customer under the procedure governing it at asOf: what the window shows before the
// letter is issued.
func (s *Session) ProcedureLetter(customer string, req insolvency.FollowUpRequest, asOf ledger.Date) (*insolvency.FollowUp, *ledger.Account, error) {
	acct := s.Book.Account(customer)
	if acct == nil {
		return nil, nil, &ledger.Problem{Key: "letters.err.customer", Args: []string{"value", customer}}
	}
	p, err := s.ActiveProcedure(customer, asOf)
	if err != nil {
		return nil, nil, err
	}
	f, err := insolvency.BuildFollowUp(s.Book, acct, *p, s.Rates, req, asOf)
	if err != nil {
		return nil, nil, err
	}
	return f, acct, nil
}
