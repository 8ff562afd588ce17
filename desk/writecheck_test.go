package desk_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/demo"
	"relance/ledger/store"
)

// damage overwrites the first record of bucket with bytes that decode as nothing.
func damage(t *testing.T, path, bucket string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(bucket))
		k, _ := b.Cursor().First()
		return b.Put(append([]byte(nil), k...), []byte("\x00garbage{"))
	})
	if err != nil {
		t.Fatal(err)
	}
}

func backups(t *testing.T, path string) int {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(path+".backups", "*.db"))
	return len(files)
}

// A dossier with one damaged record — in a bucket Load does not read (the history,
// the disputes…) or in one it does — is refused for writing with the restore advice:
// nothing written, no backup taken of it, so the good backups stay; it still opens
// read-only, and `check` names the record. A sound dossier opens for writing and gets
// its backup.
func TestDamagedDossierRefusesWrites(t *testing.T) {
	for _, bucket := range []string{"actions", "disputes", "promises", "payments", "rates", "items"} {
		t.Run(bucket, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "d.db")
			if err := demo.Create(path, anchor); err != nil {
				t.Fatal(err)
			}
			s, err := desk.OpenWrite(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if n := backups(t, path); n != 1 {
				t.Fatalf("%d backups of the sound dossier, want 1", n)
			}
			db, err := bolt.Open(path, 0o600, nil)
			if err != nil {
				t.Fatal(err)
			}
			empty := false
			_ = db.View(func(tx *bolt.Tx) error {
				k, _ := tx.Bucket([]byte(bucket)).Cursor().First()
				empty = k == nil
				return nil
			})
			db.Close()
			if empty {
				t.Skipf("the demo has no %s record", bucket)
			}
			damage(t, path, bucket)
			_, err = desk.OpenWrite(path)
			var p *ledger.Problem
			if !errors.As(err, &p) || (p.Key != "err.dossier.damaged" && p.Key != "err.dossier.corrupt") {
				t.Fatalf("damaged %s: opened for writing (%v)", bucket, err)
			}
			if n := backups(t, path); n != 1 {
				t.Errorf("a backup was taken of the damaged dossier (%d)", n)
			}
			rep, err := desk.CheckFile(path)
			if err != nil || rep.OK() {
				t.Errorf("check finds nothing in a damaged %s: %+v %v", bucket, rep, err)
			}
		})
	}
}

// The automatic backup cannot be written (its folder is a file): the session works,
// its change is made, and the failure comes back as a *store.BackupError, a warning.
func TestBackupFailureIsAWarning(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.db")
	if err := demo.Create(path, anchor); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path+".backups", nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := desk.OpenWrite(path)
	if err != nil {
		t.Fatal(err)
	}
	err = s.DB.Update(func(tx *store.Tx) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	err = s.Close()
	var be *store.BackupError
	if !errors.As(err, &be) {
		t.Fatalf("backup failure reported as %v", err)
	}
	if msg := ledger.Localize(err, "fr"); msg == "" || !strings.Contains(msg, "sauvegarde automatique") || !strings.Contains(msg, "la modification est faite") {
		t.Errorf("message %q", msg)
	}
}
