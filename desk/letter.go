package desk

import (
	"bytes"
	"time"

	"relance/ledger"
	"relance/ledger/dispute"
	"relance/ledger/store"
	"relance/letters/archive"
	"relance/letters/compose"
	"relance/letters/letterpdf"
	"relance/letters/pdfdoc"
	"relance/letters/templates"
)

// LetterRequest is one letter to one customer, as the Courriers screen and `relance
// letter` ask for it.
type LetterRequest struct {
	Customer string
	Stage    templates.Stage
	Lang     string      // "": the customer's language
	Date     ledger.Date // letter date and as-of date of every figure
	// Template is the template to fill (the editor's text being previewed); nil: the
	// dossier's edited template of Stage and Lang, else the shipped one.
	Template *templates.Template
	ItemIDs  []string // "": the stage's default selection, disputed items left out
	// Promise is the promise a conf letter confirms; nil: the customer's latest pending one.
	Promise *compose.Promise
	// Plan is the payment plan of a plan letter; nil: 3 monthly instalments from Date + 30 days.
	Plan *compose.Plan
	// Dispute is the ID of the dispute a dispute letter is about; "": the customer's
	// latest in progress.
	Dispute string
}

// ComposeLetter builds the letter of req with the dossier's sources: its templates,
// the letters already issued on the customer's items, its rates, procedures and
// disputes, and the customer's latest promise or dispute when the stage needs one.
func (s *Session) ComposeLetter(req LetterRequest) (*compose.Letter, error) {
	s, err := s.WithAccount(req.Customer) // the letters sent on its paid items, its statement
	if err != nil {
		return nil, err
	}
	acct := s.Book.Account(req.Customer)
	if acct == nil {
		return nil, &ledger.Problem{Key: "letters.err.customer", Args: []string{"value", req.Customer}}
	}
	if err := s.overindebtHolds(req.Customer, req.Stage, req.Date); err != nil { // C. consom. L722-5
		return nil, err
	}
	src, err := s.LetterSources(req.Date)
	if err != nil {
		return nil, err
	}
	lang := req.Lang
	if lang == "" {
		lang = acct.Customer.Language()
	}
	tpl := req.Template
	if tpl == nil {
		if tpl, err = src.Template(req.Stage, lang); err != nil {
			return nil, err
		}
	}
	in := compose.Input{Settings: s.Book.Settings, Account: acct, Stage: tpl.Stage, Lang: lang, Date: req.Date,
		Template: tpl, ItemIDs: req.ItemIDs, Exclude: src.Exclude, Rates: src.Rates, Procedures: src.Procedures,
		Promise: req.Promise, Plan: req.Plan}
	if in.Plan == nil {
		in.Plan = &compose.Plan{Count: 3, First: req.Date.AddDays(30)}
	}
	switch {
	case req.Dispute != "":
		var d *dispute.Dispute
		for i := range s.Disputes {
			if s.Disputes[i].ID == req.Dispute {
				d = &s.Disputes[i]
			}
		}
		if d == nil {
			return nil, &ledger.Problem{Key: "dispute.err.notfound", Args: []string{"id", req.Dispute}}
		}
		in.Dispute = compose.DisputeInfoOf(d, lang)
	case tpl.Stage == templates.Dispute:
		if d := compose.LatestDispute(s.Disputes, acct.Customer.ID, req.Date); d != nil {
			in.Dispute = compose.DisputeInfoOf(d, lang)
		}
	}
	if in.Promise == nil && tpl.Stage == templates.Conf {
		_, rec, err := s.DB.LoadDunning()
		if err != nil {
			return nil, err
		}
		in.Promise = compose.PromiseOf(&rec, acct.Customer.ID)
	}
	ids := make([]string, 0, len(acct.Items))
	for _, it := range acct.Items {
		ids = append(ids, it.ID)
	}
	in.Previous = src.Previous(acct.Customer.ID, ids)
	return compose.Compose(in)
}

// RenderLetter renders l as PDF with the customer's statement enclosed (factory nil:
// fonts parsed for this letter).
func (s *Session) RenderLetter(l *compose.Letter, factory *pdfdoc.Factory) ([]byte, error) {
	s, err := s.WithAccount(l.Customer) // the statement enclosed lists its payments of the last days
	if err != nil {
		return nil, err
	}
	var pdf bytes.Buffer
	if err := letterpdf.Render(&pdf, l, letterpdf.Options{Factory: factory, Enclose: letterpdf.EncloseStatement(s.Book)}); err != nil {
		return nil, err
	}
	return pdf.Bytes(), nil
}

// IssueLetter freezes one letter and its PDF in the archive, recorded in the
// customer's history (channel "": the letter's own), and returns its record.
func (s *Session) IssueLetter(l *compose.Letter, pdf []byte, channel templates.Channel, by string, now time.Time) (*archive.Record, error) {
	var rec *archive.Record
	err := s.DB.Update(func(tx *store.Tx) error {
		var err error
		rec, err = archive.IssueRecorded(tx, archive.Input{Letter: l, PDF: pdf, Channel: channel, By: by, At: now})
		return err
	})
	return rec, err
}
