package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"relance/ledger"
)

// Magic identifies a Relance dossier in its meta bucket.
const Magic = "relance-dossier"

// Options control how a dossier is opened.
type Options struct {
	// ReadOnly opens with a shared lock; writes fail with ErrReadOnly.
	ReadOnly bool
	// Timeout is how long to wait for another process's lock (default 500 ms, so that
	// "already open" is said within a second, process start included).
	Timeout time.Duration
	// Backups > 0 writes a rotating backup on open (read-write only), keeping as many as
	// the dossier's settings say (Settings.Backups), or this number when they say nothing.
	Backups int
	// Grow is how many bytes the caller expects to add (an import: sized from its
	// files). The file is mapped that much larger from the start, so that a large
	// write transaction does not remap it as it grows: each remap copies every page the
	// transaction has written so far into memory. Zero maps the file as it is.
	Grow int64
}

// DB is an open dossier.
type DB struct {
	bolt     *bolt.DB
	path     string
	readOnly bool
	backup   chan error // result of the backup started on open, nil if none
	// backupMu guards backup: Close, WaitBackup and RotateBackup may wait on it from
	// different goroutines (the window closes while an import's backup runs).
	backupMu sync.Mutex
	// backupNote is written beside each rotating backup (SetBackupNote), under noteMu.
	noteMu     sync.Mutex
	backupNote []byte
	// held refuses every write while set (HoldWrites): a dossier opened in two steps is
	// written only once it is checked. Atomic: the check ends on another goroutine.
	held atomic.Bool
}

// HoldWrites refuses every write (Update, Staged: ErrNotChecked) until ReleaseWrites:
// the dossier is open for writing but not yet checked (desk.OpenWriteStaged).
func (db *DB) HoldWrites() { db.held.Store(true) }

// ReleaseWrites lets writes through again, once the dossier is checked.
func (db *DB) ReleaseWrites() { db.held.Store(false) }

// boltMagic is bbolt's meta-page magic number, at offset 16 of the file (after the page header).
const boltMagic = 0xED0CDAED

// sniff checks, without opening it with bbolt (which could write to it), that path is a
// bbolt file. A missing file returns os.ErrNotExist.
func sniff(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var head [24]byte
	if _, err := io.ReadFull(f, head[:]); err != nil {
		return problem(ErrNotDossier, path, nil)
	}
	if binary.LittleEndian.Uint32(head[16:20]) != boltMagic {
		return problem(ErrNotDossier, path, nil)
	}
	return checkSize(path, f)
}

// Open opens an existing dossier. It fails with ErrLocked within Options.Timeout when
// another process holds it, with ErrNotDossier when the file is something else (the file
// is then left untouched), and with ErrNewerSchema when a newer Relance wrote it.
// An older schema is migrated in one transaction, after a backup.
func Open(path string, opt Options) (db *DB, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			if db != nil {
				_ = db.bolt.Close() // cleanup after the error returned below, or shutdown: nothing to report
			}
			db, err = nil, problem(ErrCorrupt, path, fmt.Errorf("%v", r))
		}
	}()
	if err := sniff(path); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, &ledger.Problem{Key: "err.dossier.missing", Args: []string{"file", path}}
		}
		if p := (*ledger.Problem)(nil); errors.As(err, &p) {
			return nil, err
		}
		return nil, &ledger.Problem{Key: "err.dossier.read", Args: []string{"file", path}, Err: err}
	}
	db, err = openBolt(path, opt)
	if err != nil {
		return nil, err
	}
	schema, err := db.checkMagic()
	if err != nil {
		_ = db.bolt.Close() // cleanup after the error returned below, or shutdown: nothing to report
		return nil, err
	}
	if schema > SchemaVersion {
		_ = db.bolt.Close() // cleanup after the error returned below, or shutdown: nothing to report
		return nil, problem(ErrNewerSchema, path, nil, "version", fmt.Sprint(schema), "supported", fmt.Sprint(SchemaVersion))
	}
	if schema < SchemaVersion {
		if db.readOnly {
			_ = db.bolt.Close() // cleanup after the error returned below, or shutdown: nothing to report
			return nil, &ledger.Problem{Key: "err.dossier.migrate_ro", Args: []string{"file", path}}
		}
		if _, err := db.writeBackup(backupDir(path), opt.keep()); err != nil {
			_ = db.bolt.Close() // cleanup after the error returned below, or shutdown: nothing to report
			return nil, err
		}
		if err := db.migrate(schema); err != nil {
			_ = db.bolt.Close() // cleanup after the error returned below, or shutdown: nothing to report
			return nil, err
		}
	}
	if !db.readOnly && opt.Backups > 0 {
		db.StartBackup(db.BackupsKept(opt.Backups))
	}
	return db, nil
}

// StartBackup starts writing a rotating backup of the dossier as it is now, keeping
// the newest keep; Close and WaitBackup wait for it and return its failure as a
// *BackupError. The caller checks the dossier first (CheckRecords, CheckBook): a
// backup of a damaged dossier would push a good one out.
func (db *DB) StartBackup(keep int) {
	if db.readOnly {
		return
	}
	db.backupMu.Lock()
	defer db.backupMu.Unlock()
	if db.backup != nil {
		return
	}
	db.backup = make(chan error, 1)
	go func() {
		_, err := db.writeBackup(backupDir(db.path), keep)
		if err != nil {
			err = &BackupError{Dir: backupDir(db.path), Err: err}
		}
		db.backup <- err
	}()
}

func (o Options) keep() int {
	if o.Backups > 0 {
		return o.Backups
	}
	return 5
}

// Create makes a new dossier at path with the given settings. It refuses to overwrite
// an existing file.
func Create(path string, settings ledger.Settings) (*DB, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return nil, problem(ErrExists, path, nil)
		}
		return nil, &ledger.Problem{Key: "err.dossier.create", Args: []string{"file", path}, Err: err}
	}
	f.Close()
	db, err := openBolt(path, Options{})
	if err != nil {
		os.Remove(path)
		return nil, err
	}
	settings = settings.Normalize()
	err = db.bolt.Update(func(tx *bolt.Tx) error {
		if err := upgrade(tx, 0); err != nil {
			return err
		}
		meta := tx.Bucket([]byte(bMeta))
		if err := meta.Put([]byte(kMagic), []byte(Magic)); err != nil {
			return err
		}
		if err := meta.Put([]byte(kSchema), u64(SchemaVersion)); err != nil {
			return err
		}
		if err := meta.Put([]byte(kRevision), u64(0)); err != nil {
			return err
		}
		if err := meta.Put([]byte(kCreated), []byte(time.Now().UTC().Format(time.RFC3339))); err != nil {
			return err
		}
		return putJSON(tx.Bucket([]byte(bSettings)), []byte(kSettings), settings)
	})
	if err != nil {
		_ = db.bolt.Close() // cleanup after the error returned below, or shutdown: nothing to report
		os.Remove(path)
		return nil, &ledger.Problem{Key: "err.dossier.create", Args: []string{"file", path}, Err: err}
	}
	return db, nil
}

// maxInitialMmap caps Options.Grow's mapping (on Windows bbolt sizes the file to it).
const maxInitialMmap = 16 << 30

func openBolt(path string, opt Options) (*DB, error) {
	timeout := opt.Timeout
	if timeout <= 0 {
		timeout = 500 * time.Millisecond
	}
	bo := &bolt.Options{Timeout: timeout, ReadOnly: opt.ReadOnly}
	if opt.Grow > 0 && !opt.ReadOnly {
		if st, err := os.Stat(path); err == nil {
			bo.InitialMmapSize = int(min(st.Size()+opt.Grow, maxInitialMmap))
		}
	}
	b, err := bolt.Open(path, 0o600, bo)
	if err != nil {
		switch {
		case errors.Is(err, berrors.ErrTimeout):
			return nil, problem(ErrLocked, path, nil)
		case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrVersionMismatch), errors.Is(err, berrors.ErrChecksum):
			return nil, problem(ErrNotDossier, path, nil)
		case !opt.ReadOnly && (errors.Is(err, os.ErrPermission) || errors.Is(err, syscall.EROFS)):
			// Readable (sniff read it) but not writable: a file or a folder in read-only.
			return nil, &ledger.Problem{Key: "err.dossier.no_write", Args: []string{"file", path}}
		}
		return nil, &ledger.Problem{Key: "err.dossier.read", Args: []string{"file", path}, Err: osError(err)}
	}
	return &DB{bolt: b, path: path, readOnly: opt.ReadOnly}, nil
}

func (db *DB) checkMagic() (uint64, error) {
	var schema uint64
	err := db.bolt.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket([]byte(bMeta))
		if meta == nil || !bytes.Equal(meta.Get([]byte(kMagic)), []byte(Magic)) {
			return problem(ErrNotDossier, db.path, nil)
		}
		v := meta.Get([]byte(kSchema))
		if len(v) != 8 {
			return problem(ErrNotDossier, db.path, nil)
		}
		schema = binary.BigEndian.Uint64(v)
		if schema == SchemaVersion {
			if err := checkBuckets(tx); err != nil {
				return problem(ErrCorrupt, db.path, err)
			}
		}
		if tx.Bucket([]byte(bSettings)) == nil || tx.Bucket([]byte(bSettings)).Get([]byte(kSettings)) == nil {
			return problem(ErrCorrupt, db.path, fmt.Errorf("no settings"))
		}
		return nil
	})
	return schema, err
}

// Path returns the dossier's file name.
func (db *DB) Path() string { return db.path }

// ReadOnly reports whether the dossier was opened read-only.
func (db *DB) ReadOnly() bool { return db.readOnly }

// Close waits for the backup started on open, then releases the file.
func (db *DB) Close() error {
	berr := db.WaitBackup()
	if err := db.bolt.Close(); err != nil {
		return fmt.Errorf("close %s: %w", db.path, err)
	}
	return berr
}

// WaitBackup waits for the backup started on open and returns its error.
func (db *DB) WaitBackup() error {
	db.backupMu.Lock()
	defer db.backupMu.Unlock()
	if db.backup == nil {
		return nil
	}
	err := <-db.backup
	db.backup = nil
	return err
}

// Revision returns the dossier's revision counter, incremented by every Update.
func (db *DB) Revision() (uint64, error) {
	var rev uint64
	err := db.bolt.View(func(tx *bolt.Tx) error {
		rev = getU64(tx.Bucket([]byte(bMeta)).Get([]byte(kRevision)))
		return nil
	})
	return rev, err
}

// Update runs fn in one read-write transaction: everything fn does is committed
// together or not at all. The revision counter is incremented.
func (db *DB) Update(fn func(tx *Tx) error) error {
	if db.readOnly {
		return problem(ErrReadOnly, db.path, nil)
	}
	if db.held.Load() {
		return problem(ErrNotChecked, db.path, nil)
	}
	return writeError(db.path, safely(db.path, func() error { return db.updateTx(fn) }))
}

// writeError is err, a write to the dossier at path, as the user reads it: an error of
// the system (disk full, no permission) says which file it could not write.
func writeError(path string, err error) error {
	if e := osError(err); e != err {
		return &ledger.Problem{Key: "err.dossier.write", Args: []string{"file", path}, Err: e}
	}
	return err
}

func (db *DB) updateTx(fn func(tx *Tx) error) error {
	return db.bolt.Update(func(btx *bolt.Tx) error {
		tx := &Tx{tx: btx, path: db.path}
		if err := fn(tx); err != nil {
			return err
		}
		return bumpRevision(btx)
	})
}

// bumpRevision counts one change of the dossier in its revision.
func bumpRevision(btx *bolt.Tx) error {
	meta := btx.Bucket([]byte(bMeta))
	return meta.Put([]byte(kRevision), u64(getU64(meta.Get([]byte(kRevision)))+1))
}

// View runs fn in a read-only transaction.
func (db *DB) View(fn func(tx *Tx) error) error {
	return safely(db.path, func() error {
		return db.bolt.View(func(btx *bolt.Tx) error {
			return fn(&Tx{tx: btx, path: db.path})
		})
	})
}

// Load reads the whole dossier into memory.
func (db *DB) Load() (*ledger.Book, error) {
	var book *ledger.Book
	err := db.View(func(tx *Tx) error {
		var err error
		book, err = tx.Load()
		return err
	})
	return book, err
}

// LoadCustomer is Tx.LoadCustomer in a read transaction.
func (db *DB) LoadCustomer(id string) (*ledger.Book, error) {
	var book *ledger.Book
	err := db.View(func(tx *Tx) error {
		var err error
		book, err = tx.LoadCustomer(id)
		return err
	})
	return book, err
}

func u64(v uint64) []byte {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], v)
	return b[:]
}

func getU64(b []byte) uint64 {
	if len(b) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(b)
}

func putJSON(b *bolt.Bucket, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put(key, data)
}
