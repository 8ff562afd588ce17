package desk

import (
	"errors"
	"maps"
	"strconv"

	"relance/ledger"
	"relance/ledger/dispute"
	"relance/ledger/law"
	"relance/ledger/store"
	"relance/letters/archive"
)

// Session is an open dossier and what every use case reads from it, loaded once: the
// book, the disputes and delivery blocks, the insolvency procedures and the rate tables
// with the dossier's added half-years. The window keeps one while a dossier is open;
// a command opens one for its run. A Session is not safe for concurrent writes; its
// loaded values are not changed in place (Reload replaces them), so a background
// computation may keep reading the ones it started with.
type Session struct {
	DB   *store.DB
	Path string
	Book *ledger.Book
	// Disputes and Blocks are the dossier's; Index answers "how much of this item is
	// disputed at this date".
	Disputes   []dispute.Dispute
	Blocks     []dispute.Block
	Index      *dispute.Index
	Procedures []law.Procedure
	Rates      *law.Rates
	// Partial is set when Book holds part of the history (OpenReadFor, the first step
	// of OpenWriteStaged): only the figures of its Reach at or after the as-of date it
	// was opened for may be computed from it.
	Partial bool
	// Customer is set when Book holds only that customer's account, whole
	// (OpenReadCustomer): only its figures and documents may be computed from it.
	Customer string
	// whole names the accounts of a Partial session read whole (WithAccount).
	whole map[string]bool
	// part says what a session of OpenReadFor or OpenWriteStaged was read for (loadFor),
	// so that Reload and Reread read it the same way, and At and Dashboard know what it
	// covers; nil for a session of the whole book (Load).
	part *part
}

// part is what a session was read for: the figures of reach at or after asOf. When
// Partial, its book holds the open items and those dated on or after since
// (Reach.since); exact is the dossier's latest activity (from it, a part suffices).
type part struct {
	reach              Reach
	asOf, since, exact ledger.Date
}

// WithAccount returns the session with customer id's account read whole (store.Tx.Account:
// its items and the payments recorded by hand), for a Partial session: that customer's
// figures and documents may then be computed from it as from the whole book, and its
// other figures stay those of its Reach (an account read whole is one the engines read
// as LoadSince reads an account with payments recorded by hand). s itself is not
// changed. A whole session, or an unknown id, gives s. Every use case about one
// customer calls it first (the window's card, its documents, its letters, its acts), so
// that a session holding part of the history gives the whole book's answer.
func (s *Session) WithAccount(id string) (*Session, error) { return s.WithAccounts([]string{id}) }

// WithAccounts is WithAccount for the customers ids, read in one transaction: a batch of
// letters or statements, the register's acts.
func (s *Session) WithAccounts(ids []string) (*Session, error) {
	if !s.Partial {
		return s, nil
	}
	read := map[string]*ledger.Account{}
	err := s.DB.View(func(tx *store.Tx) error {
		for _, id := range ids {
			if _, done := read[id]; done || s.whole[id] || s.Book.Account(id) == nil {
				continue
			}
			a, err := tx.Account(id)
			if err != nil {
				return err
			}
			if a != nil {
				read[id] = a
			}
		}
		return nil
	})
	if err != nil || len(read) == 0 {
		return s, err
	}
	c := *s
	c.Book = withAccounts(s.Book, read)
	c.whole = maps.Clone(s.whole)
	if c.whole == nil {
		c.whole = make(map[string]bool, len(read))
	}
	for id := range read {
		c.whole[id] = true
	}
	return &c, nil
}

// HasWhole reports whether customer id's account is whole in the session: always in a
// whole session, after WithAccount(id) in a Partial one.
func (s *Session) HasWhole(id string) bool { return !s.Partial || s.whole[id] }

// Open opens the dossier at path and loads it. On failure nothing stays open.
func Open(path string, opt store.Options) (*Session, error) {
	db, err := openStore(path, opt)
	if err != nil {
		return nil, err
	}
	s, err := Load(db, path)
	if err != nil {
		return nil, errors.Join(err, db.Close())
	}
	return s, nil
}

// openStore is store.Open, except that a dossier written by an earlier version of
// Relance is upgraded first when it is opened read-only: a report run after an update
// works, as the window does. The upgrade is the store's (a backup of the file first, then
// one transaction); a file that cannot be written keeps the store's refusal.
func openStore(path string, opt store.Options) (*store.DB, error) {
	db, err := store.Open(path, opt)
	if err == nil || !opt.ReadOnly || !errors.Is(err, &ledger.Problem{Key: "err.dossier.migrate_ro"}) {
		return db, err
	}
	w, werr := store.Open(path, store.Options{})
	if werr != nil {
		return nil, err
	}
	if werr := w.Close(); werr != nil {
		return nil, werr
	}
	return store.Open(path, opt)
}

// Load reads the session of the open dossier db (whose file is path).
func Load(db *store.DB, path string) (*Session, error) {
	s := &Session{DB: db, Path: path}
	if err := s.Reload(); err != nil {
		return nil, err
	}
	return s, nil
}

// Reload reads the book and its records again, after a write. On failure the session
// keeps what it had.
// A Partial session reads the same part of the history again, at its as-of date (the
// part may then be the whole book, when a write dated the latest activity after it).
func (s *Session) Reload() error {
	if s.part != nil {
		r, err := s.Reread()
		if err != nil {
			return err
		}
		*s = *r
		return nil
	}
	if err := s.reload(s.DB.Load); err != nil {
		return err
	}
	s.Partial = false
	return s.DB.ReleaseMapped() // the book is in memory: the file's pages need not be
}

// ReadForDate reports whether the session was read for the figures at a date
// (OpenReadFor, OpenWriteStaged): another date is read through At.
func (s *Session) ReadForDate() bool { return s.part != nil }

// Reread returns the session read again from its open dossier (after a write), the way
// s was read: the same part of the history at the same date for a session of OpenReadFor
// or OpenWriteStaged (the whole book when a write dated the latest activity after it),
// the whole book otherwise. s is not changed.
func (s *Session) Reread() (*Session, error) {
	if s.part == nil {
		return Load(s.DB, s.Path)
	}
	return loadFor(s.DB, s.Path, s.part.asOf, s.part.reach)
}

// At returns the session to compute the figures at asOf from: s itself when it is whole
// and needs to be, or holds what asOf needs; else the session of OpenReadFor or
// OpenWriteStaged read again at asOf on the same open dossier (the whole book before the
// dossier's latest activity, part of it from then: a window goes back to the memory of
// its open items when its date comes back to the present). s is not changed.
func (s *Session) At(asOf ledger.Date) (*Session, error) {
	p := s.part
	switch {
	case p == nil, s.Partial && asOf >= p.asOf, !s.Partial && asOf < p.exact:
		return s, nil
	}
	return loadFor(s.DB, s.Path, asOf, p.reach)
}

// reload reads the book with load, and the records, again. On failure the session keeps
// what it had.
func (s *Session) reload(load func() (*ledger.Book, error)) error {
	book, err := load()
	if err != nil {
		return err
	}
	disputes, blocks, err := s.DB.LoadDisputes()
	if err != nil {
		return err
	}
	procs, err := s.DB.LoadProcedures()
	if err != nil {
		return err
	}
	rates, err := s.DB.Rates()
	if err != nil {
		return err
	}
	s.Book, s.Disputes, s.Blocks, s.Index, s.Procedures, s.Rates = book, disputes, blocks, dispute.NewIndex(disputes), procs, rates
	return nil
}

// Close closes the dossier.
func (s *Session) Close() error { return s.DB.Close() }

// OpenRead opens the dossier at path read-only, for a report.
func OpenRead(path string) (*Session, error) {
	return Open(path, store.Options{ReadOnly: true})
}

// OpenReadCustomer opens the dossier at path read-only for the figures and documents of
// customer id alone (store.Tx.LoadCustomer: its whole account, no other), at any date:
// what `relance customer` and `relance statement --customer` print, in the time of one
// account rather than of the whole dossier. The disputes, procedures and rates are the
// dossier's. An unknown id gives a session without accounts, on which the caller's
// lookup says so; the empty id, the dossier's settings, records and rates alone.
func OpenReadCustomer(path, id string) (*Session, error) {
	db, err := openStore(path, store.Options{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	s := &Session{DB: db, Path: path, Customer: id}
	if err := s.reload(func() (*ledger.Book, error) { return db.LoadCustomer(id) }); err != nil {
		return nil, errors.Join(err, db.Close())
	}
	return s, nil
}

// OpenWrite opens the dossier at path to change it. A rotating backup of the state
// before is written first, keeping as many as the dossier's settings say
// (ledger.DefaultBackups when they say nothing): the window and every command that
// writes open a dossier this way.
//
// It first checks the dossier (CheckBeforeWrite): a damaged dossier is refused — nothing
// written, no backup taken of it, the restore advice given — and can still be opened
// read-only. The backup runs while the caller works; its failure (a read-only or full
// backup folder) comes back from Close or DB.WaitBackup as a *store.BackupError, a
// warning: the dossier itself is fine.
func OpenWrite(path string) (*Session, error) {
	s, err := Open(path, store.Options{})
	if err != nil {
		return nil, err
	}
	if err := s.checkAndBackup(); err != nil {
		return nil, errors.Join(err, s.Close())
	}
	return s, nil
}

// checkAndBackup checks the dossier before it is written (CheckBeforeWrite), gives
// back the pages the check read, and starts the rotating backup.
func (s *Session) checkAndBackup() error {
	if err := s.CheckBeforeWrite(); err != nil {
		return err
	}
	if err := s.DB.ReleaseMapped(); err != nil { // the check read the records
		return err
	}
	s.startBackup()
	return nil
}

// startBackup starts the rotating backup of the dossier, with the letter archive's
// head written beside it (<backup>.head.json: `relance verify --against` checks a copy
// of the dossier against it).
func (s *Session) startBackup() {
	s.noteHead()
	s.DB.StartBackup(s.DB.BackupsKept(ledger.DefaultBackups))
}

// rotateBackup writes a rotating backup now, with the archive's head beside it.
func (s *Session) rotateBackup() error {
	s.noteHead()
	return s.DB.RotateBackup(s.DB.BackupsKept(ledger.DefaultBackups))
}

// noteHead sets the archive's current head as the note of the next backups; none when
// it cannot be read (the backup still runs).
func (s *Session) noteHead() {
	var head []byte
	_ = s.DB.View(func(tx *store.Tx) error { // an unreadable head leaves the note out; the check before write names the archive's problem
		if h, err := archive.CurrentHead(tx); err == nil {
			head = []byte(h.JSON())
		}
		return nil
	})
	s.DB.SetBackupNote(head)
}

// CheckBeforeWrite checks what Load did not: every other record decodes, the book's
// items and the payments recorded by hand are consistent, the letters archive is
// whole (archive.Check: no letter missing at its start, middle or end, links and head
// agree). It refuses a damaged dossier with the restore advice (err.dossier.damaged,
// naming the first problem); `relance check` lists them all.
func (s *Session) CheckBeforeWrite() error {
	probs, err := s.DB.CheckRecords(true)
	if err != nil {
		return err
	}
	check := func() ([]*ledger.Problem, error) { return s.DB.CheckBook(s.Book) }
	if s.Partial {
		check = s.DB.CheckAccounts // the book holds part of the items: each account read in turn
	}
	more, err := check()
	if err != nil {
		return err
	}
	probs = append(probs, more...)
	var arch []*ledger.Problem
	if err := s.DB.View(func(tx *store.Tx) error {
		var err error
		arch, err = archive.Check(tx)
		return err
	}); err != nil {
		return err
	}
	probs = append(probs, arch...)
	if len(probs) == 0 {
		return nil
	}
	return &ledger.Problem{Key: "err.dossier.damaged", Args: []string{"file", s.Path, "n", strconv.Itoa(len(probs))}, Err: probs[0]}
}
