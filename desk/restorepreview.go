package desk

import (
	"errors"
	"fmt"
	"os"
	"strconv"

	"relance/ledger"
	"relance/ledger/store"
	"relance/letters/archive"
	"relance/letters/pdfdoc"
)

// RestorePreview is what restoring a backup would drop from the letter archive: the
// letters issued in the current dossier that the backup does not hold.
type RestorePreview struct {
	From    string           // the backup
	Dropped []archive.Record // oldest first
}

// Lines returns the dropped letters in words, one a line, in lang.
func (p *RestorePreview) Lines(lang string) []string {
	out := make([]string, 0, len(p.Dropped))
	for _, r := range p.Dropped {
		out = append(out, (&ledger.Problem{Key: "archive2.restore.line", Args: []string{"id", r.ID,
			"date", pdfdoc.FormatDate(lang, r.Date), "name", r.CustomerName, "customer", r.Customer,
			"stage_key", "letters.stage." + string(r.Stage)}}).Localize(lang))
	}
	return out
}

// Intro returns the sentence before the list, in lang ("" when nothing is dropped).
func (p *RestorePreview) Intro(lang string) string {
	if len(p.Dropped) == 0 {
		return ""
	}
	return (&ledger.Problem{Key: "archive2.restore.drops", Args: []string{"from", p.From,
		"count", strconv.Itoa(len(p.Dropped))}}).Localize(lang)
}

// Refusal is the error of a restore refused because letters would be lost.
func (p *RestorePreview) Refusal() error {
	return &ledger.Problem{Key: "archive2.restore.refused", Args: []string{"count", strconv.Itoa(len(p.Dropped))}}
}

// PreviewRestore compares the letter archive of the dossier at path (closed, or open
// read-only elsewhere) with the backup from's: what `relance restore` would drop. A
// dossier that does not exist yet drops nothing.
func PreviewRestore(from, path string) (*RestorePreview, error) {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return &RestorePreview{From: from}, nil
	}
	db, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	cur, err := archiveRecords(db)
	if err = errors.Join(err, db.Close()); err != nil {
		return nil, err
	}
	return previewAgainst(from, cur)
}

// PreviewRestore compares the open dossier's letter archive with the backup from's
// (PreviewRestore, for the window, which keeps the dossier open until it restores).
func (s *Session) PreviewRestore(from string) (*RestorePreview, error) {
	cur, err := archiveRecords(s.DB)
	if err != nil {
		return nil, err
	}
	return previewAgainst(from, cur)
}

// previewAgainst returns the records of cur that the backup from does not hold (by
// hash: a letter of the same ID issued differently since is dropped too).
func previewAgainst(from string, cur []archive.Record) (*RestorePreview, error) {
	p := &RestorePreview{From: from}
	if len(cur) == 0 {
		return p, nil
	}
	src, err := store.Open(from, store.Options{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	old, err := archiveRecords(src)
	if err = errors.Join(err, src.Close()); err != nil {
		return nil, err
	}
	kept := make(map[string]bool, len(old))
	for _, r := range old {
		kept[r.Hash] = true
	}
	for i := len(cur) - 1; i >= 0; i-- { // List is newest first
		if !kept[cur[i].Hash] {
			p.Dropped = append(p.Dropped, cur[i])
		}
	}
	return p, nil
}

// archiveRecords lists the letters of db, newest first.
func archiveRecords(db *store.DB) ([]archive.Record, error) {
	var recs []archive.Record
	err := db.View(func(tx *store.Tx) error {
		var err error
		recs, err = archive.List(tx, archive.Filter{})
		return err
	})
	return recs, err
}

// checkArchive adds to rep what the full verification of the letter archive finds,
// each with the advice to restore a sound backup (CheckFile: `relance check`).
// A file whose pages are damaged is not walked (the pages are reported already).
func checkArchive(db *store.DB, rep *store.CheckReport) (err error) {
	for _, p := range rep.Problems {
		if p.Key == "err.check.bolt" {
			return nil
		}
	}
	defer func() {
		if r := recover(); r != nil { // bbolt panics on a damaged page
			rep.Problems = append(rep.Problems, &ledger.Problem{Key: "archive2.check.problem",
				Err: &ledger.Problem{Key: "err.check.bolt", Args: []string{"value", fmt.Sprint(r)}}})
			err = nil
		}
	}()
	return db.View(func(tx *store.Tx) error {
		ar, err := archive.Verify(tx)
		if err != nil {
			var p *ledger.Problem
			if errors.As(err, &p) {
				rep.Problems = append(rep.Problems, &ledger.Problem{Key: "archive2.check.problem", Err: p})
				return nil
			}
			return err
		}
		for _, p := range ar.Problems() {
			rep.Problems = append(rep.Problems, &ledger.Problem{Key: "archive2.check.problem", Err: p})
		}
		return nil
	})
}

// ArchiveHead returns the letter archive's head (count, last letter, its hash), to
// print after a batch or to keep beside the backups.
func (s *Session) ArchiveHead() (archive.Head, error) {
	var h archive.Head
	err := s.DB.View(func(tx *store.Tx) error {
		var err error
		h, err = archive.CurrentHead(tx)
		return err
	})
	return h, err
}

// VerifyArchiveAgainst checks the dossier's letter archive against a head saved
// earlier: letters dropped since, or the letter at the head altered.
func (s *Session) VerifyArchiveAgainst(h archive.Head) ([]archive.Altered, error) {
	var out []archive.Altered
	err := s.DB.View(func(tx *store.Tx) error {
		var err error
		out, err = archive.Against(tx, h)
		return err
	})
	return out, err
}
