package desk

import (
	"os"
	"path/filepath"
	"testing"

	"relance/ledger/store"
)

// A report run after an update works on a dossier written by the previous version: it is
// upgraded first (a backup of the old file beside it), then read.
func TestOpenReadUpgradesAnOldDossier(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "ledger", "store", "testdata", "dossier-schema9.db"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "ancien.db")
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, open := range []func() (*Session, error){
		func() (*Session, error) { return OpenRead(path) },
		func() (*Session, error) { return OpenReadFor(path, 0, Reach{}) },
	} {
		s, err := open()
		if err != nil {
			t.Fatalf("read-only open of a schema-9 dossier: %v", err)
		}
		if len(s.Book.Accounts) == 0 {
			t.Error("no customers read")
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	backups, err := filepath.Glob(filepath.Join(path+".backups", "*.db"))
	if err != nil || len(backups) != 1 {
		t.Errorf("backups %v (%v), want the one taken before the upgrade", backups, err)
	}
	db, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("after the upgrade, a plain read-only open: %v", err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}
