package desk

import (
	"errors"
	"relance/ledger"
	"relance/ledger/law"
	"relance/ledger/privacy"
	"relance/ledger/store"
	"strings"
)

// Who returns by, or the dossier's signatory, or "relance": the author recorded for a
// change when the person did not say.
func (s *Session) Who(by string) string {
	if by != "" {
		return by
	}
	if n := s.Book.Settings.Signatory.Name; n != "" {
		return n
	}
	return "relance"
}

// SaveSettings records the dossier's settings (company, terms, signatory, backups…),
// checked as every front needs them: a company's name, then ledger.Settings.Validate
// (by the store); a Problem names the first bad field.
func (s *Session) SaveSettings(set ledger.Settings) error {
	if err := checkCompany(set); err != nil {
		return err
	}
	return s.DB.Update(func(tx *store.Tx) error { return tx.PutSettings(set) })
}

// checkCompany refuses settings without the company's name (letterheads, forms).
func checkCompany(set ledger.Settings) error {
	if strings.TrimSpace(set.Company.Name) == "" {
		return &ledger.Problem{Key: "err.company"}
	}
	return nil
}

// AddHalfYearRates records the published rates of a half-year the embedded tables do
// not cover (or correct), entered on the day given (the session's today: the décomptes
// that use them say when and from what source they were entered), refusing a half-year
// already recorded unless replace; the penalties use them from the next Reload.
func (s *Session) AddHalfYearRates(h law.HalfYearRates, entered ledger.Date, replace bool) error {
	h.Entered = entered
	return s.DB.Update(func(tx *store.Tx) error {
		if !replace {
			recorded, err := tx.HalfYearRates()
			if err != nil {
				return err
			}
			for _, r := range recorded {
				if r.Half == h.Half {
					return &ledger.Problem{Key: "law.err.half_recorded", Args: []string{"half", h.Half.String()}}
				}
			}
		}
		return tx.PutHalfYearRates(h)
	})
}

// HalfYearRates returns the half-years of rates recorded in the dossier, oldest first.
func (s *Session) HalfYearRates() ([]law.HalfYearRates, error) {
	var out []law.HalfYearRates
	err := s.DB.View(func(tx *store.Tx) error {
		var err error
		out, err = tx.HalfYearRates()
		return err
	})
	return out, err
}

// EraseCustomer erases a consumer's personal data (RGPD art. 17), keeping what the law
// requires to keep, in one transaction.
func (s *Session) EraseCustomer(id string, asOf ledger.Date, by, lang string) error {
	return s.DB.Update(func(tx *store.Tx) error { return privacy.EraseCustomer(tx, id, asOf, s.Who(by), lang) })
}

// Backup writes a consistent copy of the dossier to out.
func (s *Session) Backup(out string) error { return s.DB.Backup(out) }

// BackupBeforeChange writes a rotating backup of the state now (unless one of this
// revision exists), before a change the person may want to undo (an import).
// The dossier is checked first (CheckBeforeWrite): no backup is taken of a damaged one.
func (s *Session) BackupBeforeChange() error {
	if err := s.CheckBeforeWrite(); err != nil {
		return err
	}
	return s.rotateBackup()
}

// BackupDir is the folder of the dossier's rotating backups.
func (s *Session) BackupDir() string { return s.DB.BackupDir() }

// Check verifies the dossier's file (pages, buckets, records).
func (s *Session) Check() (*store.CheckReport, error) { return s.DB.Check() }

// CheckFile verifies the dossier file at path without loading its book (a damaged
// dossier is reported, not refused), and its letter archive (archive.Verify).
func CheckFile(path string) (*store.CheckReport, error) {
	db, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	rep, err := db.Check()
	if err == nil {
		err = checkArchive(db, rep)
	}
	return rep, errors.Join(err, db.Close())
}

// BackupFile writes a consistent copy of the dossier at path to out (it may be open
// elsewhere read-only).
func BackupFile(path, out string) error {
	db, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	return errors.Join(db.Backup(out), db.Close())
}

// Create makes an empty dossier at path with settings set (the company's name…); it
// is not left open.
func Create(path string, set ledger.Settings) error {
	db, err := store.Create(path, set)
	if err != nil {
		return err
	}
	return db.Close()
}

// RestoreFile replaces the dossier at path with the backup from, refusing to lose a
// newer state unless force (store.Restore); the dossier must not be open.
func RestoreFile(from, path string, force bool) error { return store.Restore(from, path, force) }
