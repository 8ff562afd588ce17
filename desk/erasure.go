package desk

import (
	"errors"
	"strconv"
	"strings"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/privacy"
	"relance/ledger/store"
	"relance/letters/archive"
)

// Erasure is what erasing a person's data did, and what the law keeps.
type Erasure struct {
	Customer string `json:"customer"`
	// Letters are the letters issued to the person, kept in the archive as sent (their
	// name and address in them): the proof of the reminders and formal notices, to be
	// kept as long as the debt can be claimed (C. civ. 2224, C. com. L110-4) and with
	// the accounting documents (C. com. L123-22).
	Letters []KeptLetter `json:"letters_kept"`
	// Records counts the legal records kept — the register's acts (C. civ. 2224,
	// 2240 to 2244), the judgments (CPCE L111-4), the insolvency procedures (C. civ.
	// 2241, 2242) — with their free text erased (privacy.EraseRecords), and the
	// collection history — actions, promises, payment plans, payments entered (C. com.
	// L123-22, C. civ. 2224, 2240) — with its notes and references erased
	// (privacy.EraseHistory), and the disputes and delivery blocks (C. com. L123-22,
	// C. civ. 1219, 1220) with their notes and comments erased (privacy.EraseDisputes).
	Records privacy.Kept `json:"records_kept"`
	// BackupsPurged is how many rotating backups of the dossier were deleted: each held
	// the person's data. A fresh backup of the erased dossier is then taken.
	BackupsPurged int `json:"backups_purged"`
	// Compacted is true once the dossier was rewritten into a fresh file, so that no
	// freed page still holds the erased data.
	Compacted bool `json:"compacted"`
}

// KeptLetter is a letter kept in the archive after an erasure.
type KeptLetter struct {
	ID    string      `json:"id"`
	Date  ledger.Date `json:"date"`
	Stage string      `json:"stage"`
}

// EraseCustomerFile erases consumer id's personal data from the dossier at path (GDPR
// art. 17), really: the customer record and its items' labels are rewritten, and the
// free text of its legal records, of its collection history (notes of its actions,
// promises and plans, references of its payments) and of its disputes and delivery
// blocks (notes, comments) erased, in one transaction
// (privacy.EraseCustomerKept), the dossier is then rewritten into a fresh file
// (store.Compact: the old pages that held the data are gone), the rotating backups —
// all taken before, all holding the data — are deleted and one fresh backup of the
// erased dossier is taken. The accounting figures stay (C. com. L123-22), and the
// letters already issued stay in the archive as sent; the result lists them. The
// dossier must not be open elsewhere; the window closes it first.
func EraseCustomerFile(path, id string, asOf ledger.Date, by, lang string) (*Erasure, error) {
	db, err := openStore(path, store.Options{})
	if err != nil {
		return nil, err
	}
	// The erasure reads no figure: the open items are enough, and the check reads each
	// account whole in turn (a large dossier's history is not held in memory for it).
	s, err := loadFor(db, path, asOf, Reach{})
	if err != nil {
		return nil, errors.Join(err, db.Close())
	}
	if err := s.CheckBeforeWrite(); err != nil {
		return nil, errors.Join(err, s.Close())
	}
	e := &Erasure{Customer: id}
	err = s.DB.Update(func(tx *store.Tx) error {
		kept, err := privacy.EraseCustomerKept(tx, id, asOf, s.Who(by), lang)
		if err != nil {
			return err
		}
		e.Records = kept
		recs, err := archive.List(tx, archive.Filter{Customer: id})
		if err != nil {
			return err
		}
		for i := len(recs) - 1; i >= 0; i-- { // oldest first
			e.Letters = append(e.Letters, KeptLetter{ID: recs[i].ID, Date: recs[i].Date, Stage: string(recs[i].Stage)})
		}
		return nil
	})
	if err = errors.Join(err, s.Close()); err != nil {
		return nil, err
	}
	if err := store.Compact(path); err != nil {
		return e, err
	}
	e.Compacted = true
	if e.BackupsPurged, err = store.PurgeBackups(path); err != nil {
		return e, err
	}
	if db, err = store.Open(path, store.Options{}); err != nil {
		return e, err
	}
	return e, errors.Join(db.RotateBackup(db.BackupsKept(ledger.DefaultBackups)), db.Close())
}

// Lines says what the erasure did and what the law keeps, in lang: the command line
// prints them, the window shows them.
func (e *Erasure) Lines(lang string) []string {
	out := []string{i18n.T(lang, "privacy.erased", "value", e.Customer)}
	if e.Compacted {
		out = append(out, i18n.T(lang, "privacy.erased.compacted", "n", strconv.Itoa(e.BackupsPurged)))
	}
	out = append(out, i18n.T(lang, "privacy.erased.figures"))
	if len(e.Letters) > 0 {
		var ids []string
		for _, l := range e.Letters {
			d := l.Date.String()
			if i18n.Norm(lang) == "fr" {
				d = l.Date.French()
			}
			ids = append(ids, l.ID+" ("+d+")")
		}
		out = append(out, i18n.T(lang, "privacy.erased.letters", "n", strconv.Itoa(len(e.Letters)), "list", strings.Join(ids, ", ")))
	}
	for _, r := range []struct {
		key string
		n   int
	}{{"privacy2.erased.interruptions", e.Records.Interruptions}, {"privacy2.erased.judgments", e.Records.Judgments},
		{"privacy2.erased.procedures", e.Records.Procedures}} {
		switch {
		case r.n == 1:
			out = append(out, i18n.T(lang, r.key+".one"))
		case r.n > 1:
			out = append(out, i18n.T(lang, r.key, "n", strconv.Itoa(r.n)))
		}
	}
	if k := e.Records; k.Actions+k.Promises+k.Plans+k.Payments > 0 {
		out = append(out, i18n.T(lang, "privacy3.erased.history"))
	}
	if k := e.Records; k.Disputes+k.Blocks > 0 {
		out = append(out, i18n.T(lang, "privacy4.erased.disputes"))
	}
	if e.Records.Proofs > 0 {
		out = append(out, i18n.T(lang, "proof.erased"))
	}
	if e.Records.Overindebt > 0 {
		out = append(out, i18n.T(lang, "overindebt.erased"))
	}
	if e.Records.Cheques > 0 {
		out = append(out, i18n.T(lang, "cheque.erased"))
	}
	if e.Records.Contract+e.Records.Causes > 0 {
		out = append(out, i18n.T(lang, "contract.erased"))
	}
	return append(out, i18n.T(lang, "privacy.erased.elsewhere"))
}
