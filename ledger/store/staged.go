package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"

	bolt "go.etcd.io/bbolt"

	"relance/ledger"
)

// A large change (the import of a big ledger) written in one bbolt transaction holds
// everything it writes in memory until it commits, twice over: the values handed to
// Put and the pages they are spilled to. Staged bounds that memory and keeps the
// change all or nothing:
//
//   - in copy mode (Stage.Copy: a process that alone holds the dossier, the CLI; not
//     on Windows, which cannot replace an open file), the dossier is copied beside
//     itself (StageSuffix), the change is written to the copy in as many transactions
//     as the caller wants, and the copy then replaces the dossier by one rename. Until
//     that rename the dossier is not touched at all: an error, a crash or a power cut
//     leaves it as it was (a leftover copy is removed by the next staged change). The
//     copy is locked by this process before it replaces the dossier, so no other
//     process can open the new file before the change is whole;
//   - otherwise (a dossier reached through a symbolic link, a backup still being
//     written, the window) every Stage.Update runs in one and the same transaction
//     (Update's guarantee, with its memory).
//
// Either way the revision counter moves by one, as for Update.

// StageSuffix is appended to the dossier's path to name the copy a staged change is
// written to.
const StageSuffix = ".staging"

// Stage is a change in progress (see Staged).
type Stage struct {
	db   *DB
	tx   *Tx      // single mode: the one transaction
	copy *bolt.DB // copy mode: the copy
	tmp  string
}

// StageMode says how Staged writes.
type StageMode int

// Stage modes.
const (
	// StageSingle writes in one transaction.
	StageSingle StageMode = iota
	// StageCopy writes to a copy swapped in at the end, when the platform allows it
	// (else as StageSingle). Only for a process that alone uses this DB: the other
	// goroutines must not read or write it meanwhile.
	StageCopy
)

// Staged runs fn, which writes through st.Update, all or nothing (see above). grow is
// how many bytes the change is expected to add (as Options.Grow).
func (db *DB) Staged(mode StageMode, grow int64, fn func(st *Stage) error) error {
	if db.readOnly {
		return problem(ErrReadOnly, db.path, nil)
	}
	if db.held.Load() {
		return problem(ErrNotChecked, db.path, nil)
	}
	if mode != StageCopy || runtime.GOOS == "windows" || db.backupRunning() || !db.regularFile() {
		return db.Update(func(tx *Tx) error { return fn(&Stage{db: db, tx: tx}) })
	}
	st, err := db.beginCopy(grow)
	if err != nil {
		return err
	}
	if err := fn(st); err != nil {
		return errors.Join(err, st.abort())
	}
	return st.finish()
}

// regularFile reports whether the dossier's path names the file itself (not a
// symbolic link, which the rename would replace by the file); its permissions are kept.
func (db *DB) regularFile() bool {
	st, err := os.Lstat(db.path)
	return err == nil && st.Mode().IsRegular()
}

// backupRunning reports whether the backup started on open is still being written
// (it reads the file that copy mode replaces).
func (db *DB) backupRunning() bool {
	db.backupMu.Lock()
	defer db.backupMu.Unlock()
	return db.backup != nil
}

// Update runs fn in a transaction of the change: in single mode the change's one
// transaction, in copy mode a new transaction on the copy, committed when fn returns
// nil (the dossier itself is not touched before Staged returns).
func (st *Stage) Update(fn func(tx *Tx) error) error {
	if st.tx != nil {
		return fn(st.tx)
	}
	return writeError(st.db.path, safely(st.db.path, func() error {
		return st.copy.Update(func(btx *bolt.Tx) error { return fn(&Tx{tx: btx, path: st.db.path}) })
	}))
}

// Batched reports whether each Update commits on its own (copy mode): the caller may
// then split the change to bound its memory.
func (st *Stage) Batched() bool { return st.copy != nil }

func (db *DB) beginCopy(grow int64) (*Stage, error) {
	tmp := db.path + StageSuffix
	st := &Stage{db: db, tmp: tmp}
	wrap := func(err error) error {
		return &ledger.Problem{Key: "err.dossier.write", Args: []string{"file", tmp}, Err: osError(err)}
	}
	if err := os.Remove(tmp); err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, wrap(err)
	}
	fi, err := os.Stat(db.path)
	if err != nil {
		return nil, wrap(err)
	}
	var size int64
	err = safely(db.path, func() error {
		return db.bolt.View(func(tx *bolt.Tx) error {
			size = tx.Size()
			return tx.CopyFile(tmp, fi.Mode().Perm())
		})
	})
	if err != nil {
		_ = os.Remove(tmp) // cleanup after the error returned below
		return nil, wrap(err)
	}
	// The copy is committed without waiting for the disk (NoSync): until it replaces
	// the dossier it is worth nothing, and finish syncs it before the rename.
	opt := &bolt.Options{Timeout: 500 * time.Millisecond, NoSync: true, InitialMmapSize: int(min(size+grow, maxInitialMmap))}
	st.copy, err = bolt.Open(tmp, fi.Mode().Perm(), opt)
	if err != nil {
		_ = os.Remove(tmp) // cleanup after the error returned below
		return nil, wrap(err)
	}
	return st, nil
}

// abort removes the copy: the dossier is as it was.
func (st *Stage) abort() error {
	cerr := st.copy.Close()
	if err := os.Remove(st.tmp); err != nil {
		return errors.Join(cerr, fmt.Errorf("remove %s: %w", st.tmp, err))
	}
	return nil // the copy is gone; a failed close of it changes nothing
}

// finish counts the change in the revision, syncs the copy and renames it over the
// dossier, whose handle is then the copy's.
func (st *Stage) finish() error {
	db := st.db
	st.copy.NoSync = false
	err := st.Update(func(tx *Tx) error { return bumpRevision(tx.tx) })
	if err != nil {
		return errors.Join(err, st.abort())
	}
	// The commit point: before the rename the dossier is the old one, after it the new.
	if err := os.Rename(st.tmp, db.path); err != nil {
		return errors.Join(&ledger.Problem{Key: "err.dossier.write", Args: []string{"file", db.path}, Err: osError(err)}, st.abort())
	}
	old := db.bolt
	db.bolt = st.copy
	derr := syncDir(filepath.Dir(db.path))
	if err := old.Close(); err != nil {
		derr = errors.Join(derr, fmt.Errorf("close %s: %w", db.path, err))
	}
	return derr
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	serr := d.Sync()
	if err := d.Close(); err != nil && serr == nil {
		serr = err
	}
	if serr != nil {
		return fmt.Errorf("sync %s: %w", dir, serr)
	}
	return nil
}
