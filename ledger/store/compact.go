package store

import (
	"os"
	"path/filepath"
	"strings"

	bolt "go.etcd.io/bbolt"

	"relance/ledger"
)

// Compact rewrites the dossier at path into a fresh file and renames it into place, so
// that no page freed by a deletion or an overwrite (an erased person's name, e-mail,
// phone) remains readable in the file. The dossier must not be open. The new file is
// written beside the old one (0600), synced, then renamed over it: a failure leaves
// the dossier as it was.
func Compact(path string) error {
	src, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: 500e6})
	if err != nil {
		return &ledger.Problem{Key: "err.compact", Args: []string{"file", path}, Err: osError(err)}
	}
	tmp := path + ".compact.tmp"
	_ = os.Remove(tmp) // a leftover of an interrupted compaction, if any
	dst, err := bolt.Open(tmp, 0o600, nil)
	if err != nil {
		_ = src.Close() // read-only, nothing written: the open error is the one to report
		return &ledger.Problem{Key: "err.compact", Args: []string{"file", path}, Err: osError(err)}
	}
	err = bolt.Compact(dst, src, 64<<20)
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if cerr := src.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = syncFile(tmp)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		_ = os.Remove(tmp) // the dossier is untouched; the temporary copy is just dropped
		return &ledger.Problem{Key: "err.compact", Args: []string{"file", path}, Err: osError(err)}
	}
	return syncFile(filepath.Dir(path))
}

func syncFile(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// PurgeBackups deletes the rotating backups of the dossier at path (its .backups
// folder) and returns how many it deleted: after an erasure, a backup taken before it
// still holds the erased person's data. Backups the user wrote elsewhere are not
// touched (the caller says so).
func PurgeBackups(path string) (int, error) {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	files, err := listBackups(backupDir(path), base)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, f := range files {
		if err := os.Remove(f); err != nil && !os.IsNotExist(err) {
			return n, &ledger.Problem{Key: "err.backup.purge", Args: []string{"file", f}, Err: osError(err)}
		}
		if err := os.Remove(f + NoteSuffix); err != nil && !os.IsNotExist(err) {
			return n, &ledger.Problem{Key: "err.backup.purge", Args: []string{"file", f + NoteSuffix}, Err: osError(err)}
		}
		n++
	}
	return n, nil
}
