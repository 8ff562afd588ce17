package desk

import (
	"relance/ledger"
	"relance/ledger/store"
	"relance/letters/archive"
	"relance/letters/templates"
)

// Template returns the dossier's template of a stage and language: the edited one, or
// the shipped one.
func (s *Session) Template(st templates.Stage, lang string) (*templates.Template, error) {
	var t *templates.Template
	err := s.DB.View(func(tx *store.Tx) error {
		var err error
		t, err = templates.Load(tx, st, lang)
		return err
	})
	return t, err
}

// SaveTemplate records an edited template (by: who, default the signatory).
func (s *Session) SaveTemplate(t *templates.Template, by string, date ledger.Date) error {
	return s.DB.Update(func(tx *store.Tx) error { return templates.Save(tx, t, s.Who(by), date) })
}

// RestoreTemplate puts back the shipped template of a stage and language.
func (s *Session) RestoreTemplate(st templates.Stage, lang string) error {
	return s.DB.Update(func(tx *store.Tx) error { return templates.Restore(tx, st, lang) })
}

// VerifyArchive checks the hash chain of the issued letters.
func (s *Session) VerifyArchive() (archive.Report, error) {
	var rep archive.Report
	err := s.DB.View(func(tx *store.Tx) error {
		var err error
		rep, err = archive.Verify(tx)
		return err
	})
	return rep, err
}

// ArchivedPDF returns the exact PDF of issued letter id.
func (s *Session) ArchivedPDF(id string) ([]byte, error) {
	var pdf []byte
	err := s.DB.View(func(tx *store.Tx) error {
		var err error
		pdf, err = archive.PDF(tx, id)
		return err
	})
	return pdf, err
}
