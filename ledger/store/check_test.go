package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"

	"relance/ledger"
	"relance/ledger/payment"
)

func TestCheckFindsInconsistentItems(t *testing.T) {
	_, db := newDossier(t)
	defer db.Close()
	db.Update(func(tx *Tx) error {
		tx.PutCustomer(&ledger.Customer{ID: "C1", Name: "Un"})
		return tx.PutItems("C1", sampleItems())
	})
	rep, err := db.Check()
	if err != nil || !rep.OK() || rep.Customers != 1 || rep.Items != 3 {
		t.Fatalf("sound dossier: %+v, %v", rep, err)
	}
	// Bypass the validation of PutItems: an open amount larger than the amount.
	bad := sampleItems()
	bad[0].Open = bad[0].Amount + 1
	db.bolt.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte(bItems)).Put([]byte("C1"), encodeItems(bad)) })
	rep, err = db.Check()
	if err != nil || rep.OK() {
		t.Fatalf("inconsistency not found: %+v, %v", rep, err)
	}
}

func TestBackupRestoreRoundTrip(t *testing.T) {
	path, db := newDossier(t)
	db.Update(func(tx *Tx) error { return tx.PutCustomer(&ledger.Customer{ID: "C1", Name: "Avant"}) })
	backup := filepath.Join(t.TempDir(), "sauvegarde.db")
	if err := db.Backup(backup); err != nil {
		t.Fatal(err)
	}
	if err := db.Backup(backup); !errors.Is(err, ErrExists) {
		t.Errorf("backup overwrote a file: %v", err)
	}
	db.Update(func(tx *Tx) error { return tx.PutCustomer(&ledger.Customer{ID: "C1", Name: "Après"}) })
	db.Close()

	// The dossier is newer than the backup: refused without --force.
	if err := Restore(backup, path, false); !errors.Is(err, &ledger.Problem{Key: "err.restore.newer"}) {
		t.Fatalf("restore over a newer dossier: %v", err)
	}
	if err := Restore(backup, path, true); err != nil {
		t.Fatal(err)
	}
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	book, _ := db.Load()
	db.Close()
	if book.Account("C1").Customer.Name != "Avant" {
		t.Errorf("restored %q", book.Account("C1").Customer.Name)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("restored mode %v", st.Mode().Perm())
	}
	// Restoring into a new file creates it.
	fresh := filepath.Join(t.TempDir(), "nouveau.db")
	if err := Restore(backup, fresh, false); err != nil {
		t.Fatal(err)
	}
	// A file that is not a dossier is refused and nothing is replaced.
	junk := filepath.Join(t.TempDir(), "junk.db")
	os.WriteFile(junk, []byte("not a dossier at all, but long enough to be read"), 0o600)
	if err := Restore(junk, fresh, true); !errors.Is(err, ErrNotDossier) {
		t.Errorf("junk backup: %v", err)
	}
}

func TestRotateBackupBeforeAnAction(t *testing.T) {
	_, db := newDossier(t)
	defer db.Close()
	if err := db.RotateBackup(5); err != nil {
		t.Fatal(err)
	}
	if err := db.RotateBackup(5); err != nil { // same revision: no second file
		t.Fatal(err)
	}
	db.Update(func(tx *Tx) error { return tx.PutCustomer(&ledger.Customer{ID: "C", Name: "n"}) })
	db.RotateBackup(5)
	if list, _ := db.Backups(); len(list) != 2 {
		t.Errorf("%d backups, want 2", len(list))
	}
}

// The number of rotating backups kept is a dossier setting: set to 2, seven revisions
// opened in turn leave two backups; unset, the caller's fallback applies.
func TestBackupsKeptSetting(t *testing.T) {
	path, db := newDossier(t)
	if got := db.BackupsKept(7); got != 7 {
		t.Errorf("unset setting: kept %d, want the fallback 7", got)
	}
	db.Update(func(tx *Tx) error {
		s, _ := tx.Settings()
		s.Backups = 2
		return tx.PutSettings(s)
	})
	db.Close()
	for i := 0; i < 7; i++ {
		db, err := Open(path, Options{Backups: 5})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.WaitBackup(); err != nil {
			t.Fatal(err)
		}
		db.Update(func(tx *Tx) error { return tx.PutCustomer(&ledger.Customer{ID: fmt.Sprint("C", i), Name: "n"}) })
		if i == 6 {
			if list, _ := db.Backups(); len(list) != 2 {
				t.Errorf("%d backups kept, want 2 (the setting)", len(list))
			}
		}
		db.Close()
	}
	bad := ledger.DefaultSettings()
	for _, n := range []int{-1, ledger.MaxBackups + 1} {
		bad.Backups = n
		if err := bad.Validate(); !errors.Is(err, &ledger.Problem{Key: "err.backups"}) {
			t.Errorf("Backups=%d accepted: %v", n, err)
		}
	}
}

// A payment whose invoice the ledger no longer holds, and a return taking back a
// payment that does not exist, are reported; the sound ones are not.
func TestCheckFindsInconsistentPayments(t *testing.T) {
	_, db := newDossier(t)
	defer db.Close()
	d := ledger.NewDate(2026, 3, 20)
	err := db.Update(func(tx *Tx) error {
		if err := tx.PutCustomer(&ledger.Customer{ID: "C1", Name: "Un"}); err != nil {
			return err
		}
		if err := tx.PutItems("C1", sampleItems()); err != nil {
			return err
		}
		p := payment.Payment{Customer: "C1", Date: d, Amount: 10000, Method: payment.Cheque, Entered: d, Source: payment.SourceManual,
			Allocations: []payment.Allocation{{Item: "VE:2", Number: "FA2", Amount: 10000}}}
		if err := tx.AddPayment(&p); err != nil {
			return err
		}
		r := payment.Payment{Customer: "C1", Date: d, Amount: 99999, Method: payment.Cheque, Entered: d, Source: payment.SourceManual,
			Kind: payment.KindReturn, Returns: "BQ:1"}
		return tx.AddPayment(&r)
	})
	if err != nil {
		t.Fatal(err)
	}
	if rep, err := db.Check(); err != nil || !rep.OK() {
		t.Fatalf("sound payments: %+v, %v", rep, err)
	}
	// The ledger re-imported without VE:2 and BQ:1.
	if err := db.Update(func(tx *Tx) error { return tx.PutItems("C1", sampleItems()[1:2]) }); err != nil {
		t.Fatal(err)
	}
	rep, err := db.Check()
	if err != nil || len(rep.Problems) != 2 {
		t.Fatalf("want 2 problems, got %+v, %v", rep, err)
	}
	for _, p := range rep.Problems {
		if p.Key != "err.check.payment" {
			t.Errorf("problem %s", p.Key)
		}
	}
}
