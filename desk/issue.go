package desk

import (
	"bytes"
	"time"

	"relance/ledger/store"
	"relance/letters/archive"
	"relance/letters/check"
	"relance/letters/compose"
	"relance/letters/letterpdf"
	"relance/letters/pdfdoc"
)

// issueChecked issues letter l, which the app's letter checker gave res: a finding of
// error level or above refuses it (refused names it), otherwise it is rendered as PDF
// and frozen in the letter archive with its record — and whatever also writes with it
// (nil: nothing) — in one transaction, before the PDF is returned: a PDF never exists
// without its record. factory nil parses the fonts for this letter.
func (s *Session) issueChecked(l *compose.Letter, res *check.Result, refused func(message string) error, by string, now time.Time,
	factory *pdfdoc.Factory, also func(tx *store.Tx, rec *archive.Record) error) (*archive.Record, []byte, error) {
	for _, f := range res.Findings {
		if f.Severity >= check.Error {
			return nil, nil, refused(f.Message)
		}
	}
	var pdf bytes.Buffer
	if err := letterpdf.Render(&pdf, l, letterpdf.Options{Factory: factory}); err != nil {
		return nil, nil, err
	}
	var rec *archive.Record
	err := s.DB.Update(func(tx *store.Tx) error {
		var err error
		if rec, err = archive.IssueRecorded(tx, archive.Input{Letter: l, PDF: pdf.Bytes(), By: s.Who(by), At: now}); err != nil {
			return err
		}
		if also != nil {
			return also(tx, rec)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return rec, pdf.Bytes(), nil
}
