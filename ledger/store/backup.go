package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"relance/ledger"
)

// backupDir is where the rotating backups of a dossier go: a folder beside it,
// "<name>.backups".
func backupDir(path string) string {
	return path + ".backups"
}

// BackupDir returns the folder of the dossier's rotating backups.
func (db *DB) BackupDir() string { return backupDir(db.path) }

// writeBackup writes a consistent copy of the dossier into dir as
// "<name>-r<revision>-<UTC timestamp>.db", unless a backup of the same revision is
// already there, then keeps the newest keep backups. It returns the file written ("" if
// none was needed).
func (db *DB) writeBackup(dir string, keep int) (string, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", &ledger.Problem{Key: "err.backup", Args: []string{"file", dir}, Err: osError(err)}
	}
	base := strings.TrimSuffix(filepath.Base(db.path), filepath.Ext(db.path))
	var out string
	err := db.bolt.View(func(tx *bolt.Tx) error {
		rev := getU64(tx.Bucket([]byte(bMeta)).Get([]byte(kRevision)))
		prefix := fmt.Sprintf("%s-r%d-", base, rev)
		if existing, _ := filepath.Glob(filepath.Join(dir, prefix+"*.db")); len(existing) > 0 {
			return nil
		}
		out = filepath.Join(dir, prefix+time.Now().UTC().Format("20060102T150405.000Z")+".db")
		tmp := out + ".tmp"
		if err := tx.CopyFile(tmp, 0o600); err != nil {
			os.Remove(tmp)
			return err
		}
		if err := os.Rename(tmp, out); err != nil {
			return err
		}
		if note := db.note(); note != nil {
			return os.WriteFile(out+NoteSuffix, note, 0o600)
		}
		return nil
	})
	if err != nil {
		return "", &ledger.Problem{Key: "err.backup", Args: []string{"file", dir}, Err: osError(err)}
	}
	if err := prune(dir, base, keep); err != nil {
		return out, err
	}
	return out, nil
}

// NoteSuffix ends the name of the note written beside a rotating backup: the letter
// archive's head at the time of the backup (SetBackupNote).
const NoteSuffix = ".head.json"

// SetBackupNote sets what is written beside the next rotating backups (the archive's
// head, as JSON); nil writes nothing.
func (db *DB) SetBackupNote(note []byte) {
	db.noteMu.Lock()
	defer db.noteMu.Unlock()
	db.backupNote = note
}

func (db *DB) note() []byte {
	db.noteMu.Lock()
	defer db.noteMu.Unlock()
	return db.backupNote
}

// Backups lists the rotating backups of the dossier, newest first.
func (db *DB) Backups() ([]string, error) {
	base := strings.TrimSuffix(filepath.Base(db.path), filepath.Ext(db.path))
	return listBackups(backupDir(db.path), base)
}

func listBackups(dir, base string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, base+"-r*-*.db"))
	if err != nil {
		return nil, err
	}
	type entry struct {
		name string
		mod  time.Time
	}
	var es []entry
	for _, f := range files {
		st, err := os.Stat(f)
		if err != nil {
			continue
		}
		es = append(es, entry{f, st.ModTime()})
	}
	sort.Slice(es, func(i, j int) bool {
		if !es[i].mod.Equal(es[j].mod) {
			return es[i].mod.After(es[j].mod)
		}
		return es[i].name > es[j].name
	})
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.name
	}
	return out, nil
}

func prune(dir, base string, keep int) error {
	files, err := listBackups(dir, base)
	if err != nil {
		return err
	}
	for i := keep; i < len(files); i++ {
		if err := os.Remove(files[i]); err != nil {
			return &ledger.Problem{Key: "err.backup", Args: []string{"file", files[i]}, Err: osError(err)}
		}
		if err := os.Remove(files[i] + NoteSuffix); err != nil && !os.IsNotExist(err) {
			return &ledger.Problem{Key: "err.backup", Args: []string{"file", files[i] + NoteSuffix}, Err: osError(err)}
		}
	}
	return nil
}

// Backup writes a consistent copy of the open dossier to out (0600), whatever its
// revision; it refuses to overwrite an existing file.
func (db *DB) Backup(out string) error {
	if _, err := os.Stat(out); err == nil {
		return problem(ErrExists, out, nil)
	}
	err := safely(db.path, func() error {
		return db.bolt.View(func(tx *bolt.Tx) error {
			tmp := out + ".tmp"
			if err := tx.CopyFile(tmp, 0o600); err != nil {
				os.Remove(tmp)
				return err
			}
			return os.Rename(tmp, out)
		})
	})
	if err != nil {
		if errors.Is(err, ErrCorrupt) {
			return err
		}
		return &ledger.Problem{Key: "err.backup", Args: []string{"file", out}, Err: osError(err)}
	}
	return nil
}

// RotateBackup writes a rotating backup now (unless one of the current revision
// exists) and keeps the newest keep: the GUI calls it before an import or a batch, so
// that the state before the action can be restored.
func (db *DB) RotateBackup(keep int) error {
	// The backup started on open may still be running: it is of this revision, so
	// this one has nothing more to write once it is done (and two writers of the same
	// file name would collide).
	if err := db.WaitBackup(); err != nil {
		return err
	}
	if keep <= 0 {
		keep = 5
	}
	_, err := db.writeBackup(backupDir(db.path), keep)
	return err
}

// BackupsKept is how many rotating backups this dossier keeps: its Settings.Backups, or
// fallback when the settings do not say (or cannot be read).
func (db *DB) BackupsKept(fallback int) int {
	keep := fallback
	_ = db.View(func(tx *Tx) error {
		s, err := tx.Settings()
		if err == nil && s.Backups > 0 {
			keep = s.Backups
		}
		return nil
	})
	if keep <= 0 {
		keep = ledger.DefaultBackups
	}
	return keep
}
