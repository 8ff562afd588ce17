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

// demoFile writes a demo dossier anchored at anchor in a temporary folder.
func demoFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "d.db")
	if err := demo.Create(path, anchor); err != nil {
		t.Fatal(err)
	}
	return path
}

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
		if k == nil { // an empty bucket: a record that was never written properly
			k = []byte("r\x00\x00\x00\x00\x00\x00\x00\x01")
		}
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
			path := demoFile(t)
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
	path := demoFile(t)
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

// After an erasure, the person's name, e-mail and phone are nowhere in the dossier's
// bytes, nor in any automatic backup; the erasure says what the law keeps; the export
// lists the letters and the retention rules.
func TestErasureLeavesNoBytes(t *testing.T) {
	path := demoFile(t)
	s, err := desk.OpenWrite(path) // an automatic backup, holding the person's data
	if err != nil {
		t.Fatal(err)
	}
	var c ledger.Customer
	for _, a := range s.Book.Accounts {
		if a.Customer.Kind == ledger.Consumer && len(a.Customer.Contacts) > 0 && a.Customer.Contacts[0].Email != "" &&
			a.Customer.Contacts[0].Phone != "" && len(a.Customer.Address.Lines) > 0 {
			if x, err := s.ExportCustomer(a.Customer.ID, anchor); err != nil || len(x.Letters) > 0 {
				continue // a letter sent keeps its name and address, by law
			}
			c = a.Customer
			break
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if c.ID == "" {
		t.Fatal("no consumer with an e-mail and a phone in the demo")
	}
	secrets := []string{c.Contacts[0].Email, c.Contacts[0].Phone, c.Address.Lines[0]}
	e, err := desk.EraseCustomerFile(path, c.ID, anchor, "test", "fr")
	if err != nil {
		t.Fatal(ledger.Localize(err, "fr"))
	}
	if !e.Compacted || e.BackupsPurged == 0 {
		t.Errorf("erasure %+v", e)
	}
	files, _ := filepath.Glob(filepath.Join(path+".backups", "*.db"))
	for _, f := range append(files, path) {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, secret := range secrets {
			if strings.Contains(string(raw), secret) {
				t.Errorf("%s still holds %q", filepath.Base(f), secret)
			}
		}
	}
	lines := strings.Join(e.Lines("fr"), "\n")
	if !strings.Contains(lines, "C. com. L123-22") || !strings.Contains(lines, "sauvegardes que vous avez faites ailleurs") {
		t.Errorf("erasure says %q", lines)
	}
	r, err := desk.OpenRead(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	x, err := r.ExportCustomer(c.ID, anchor)
	if err != nil || len(x.Retention) == 0 || x.Customer.Name == c.Name {
		t.Errorf("export after erasure: %+v %v", x, err)
	}
}

// Each rotating backup has the letter archive's head beside it, and a forged letter
// makes the dossier refuse writes like any damaged record.
func TestBackupCarriesTheArchiveHead(t *testing.T) {
	path := demoFile(t)
	s, err := desk.OpenWrite(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	notes, _ := filepath.Glob(filepath.Join(path+".backups", "*"+store.NoteSuffix))
	if len(notes) != 1 {
		t.Fatalf("%d head notes beside the backups", len(notes))
	}
	raw, err := os.ReadFile(notes[0])
	if err != nil || !strings.Contains(string(raw), "hash") {
		t.Errorf("head note %q (%v)", raw, err)
	}
	damage(t, path, "letters")
	if _, err := desk.OpenWrite(path); err == nil {
		t.Error("a dossier with a damaged letter archive was opened for writing")
	}
}
