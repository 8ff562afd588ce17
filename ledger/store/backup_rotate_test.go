package store

import (
	"path/filepath"
	"strconv"
	"testing"

	"relance/ledger"
)

// A rotating backup asked for right after opening (an import, a batch of letters) waits
// for the one the open started: the two once wrote the same file at the same
// millisecond and the second rename failed, or wrote two backups of one revision.
func TestRotateBackupRightAfterOpen(t *testing.T) {
	dir := t.TempDir()
	for i := range 40 {
		path := filepath.Join(dir, "d"+strconv.Itoa(i)+".db")
		db, err := Create(path, ledger.DefaultSettings())
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		db, err = Open(path, Options{Backups: 3})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.RotateBackup(3); err != nil {
			t.Fatalf("dossier %d: %v", i, err)
		}
		files, err := db.Backups()
		if err != nil || len(files) != 1 {
			t.Errorf("dossier %d: %d backups of its one revision: %v %v", i, len(files), files, err)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
