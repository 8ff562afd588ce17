package store

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"relance/ledger"
)

func newDossier(t *testing.T) (string, *DB) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "d.db")
	s := ledger.DefaultSettings()
	s.Company.Name = "Test SARL"
	db, err := Create(path, s)
	if err != nil {
		t.Fatal(err)
	}
	return path, db
}

func sampleItems() []ledger.Item {
	d := ledger.NewDate(2026, time.March, 1)
	return []ledger.Item{
		{ID: "VE:2", Kind: ledger.Invoice, Number: "FA2", Label: "Facture é€ œ", Journal: "VE", DocDate: d.AddDays(3),
			DueDate: d.AddDays(33), Amount: 120050, Open: 20050, Match: "aa", Source: "fec.txt", Line: 42},
		{ID: "VE:1", Kind: ledger.Invoice, Number: "FA1", DocDate: d, DueDate: d.AddDays(30), Amount: 99999, Open: 0,
			Settled: d.AddDays(31), Match: "AB", Currency: "GBP", CurAmount: 85000, Flags: ledger.FlagUnpaidCheque},
		{ID: "BQ:1", Kind: ledger.Payment, Number: "RG1", DocDate: d.AddDays(31), Amount: -99999, Settled: d.AddDays(31), Match: "AB"},
	}
}

func TestCreateLoadRoundTrip(t *testing.T) {
	path, db := newDossier(t)
	c := &ledger.Customer{ID: "C1", Name: "Dupont & Fils", Kind: ledger.Consumer, Terms: &ledger.Terms{Days: 45, EOM: ledger.DaysThenEOM},
		Address: ledger.Address{Lines: []string{"1 rue Œ"}, Postcode: "69002", City: "Lyon"}, CreditLimit: 500000}
	err := db.Update(func(tx *Tx) error {
		if err := tx.PutSalesperson(ledger.Salesperson{ID: "S1", Name: "Sophie"}); err != nil {
			return err
		}
		if err := tx.PutCustomer(c); err != nil {
			return err
		}
		return tx.PutItems("C1", sampleItems())
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("dossier mode %v, want 0600", st.Mode().Perm())
	}
	db, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	book, err := db.Load()
	if err != nil {
		t.Fatal(err)
	}
	a := book.Account("C1")
	if a == nil || a.Customer.Name != c.Name || a.Customer.Terms.Due(ledger.NewDate(2025, 1, 15)).String() != "2025-03-31" {
		t.Fatalf("customer %+v", a)
	}
	want := sampleItems()
	ledger.SortItems(want)
	if len(a.Items) != len(want) {
		t.Fatalf("%d items", len(a.Items))
	}
	for i := range want {
		want[i].Customer = "C1"
		if a.Items[i] != want[i] {
			t.Errorf("item %d:\n got %+v\nwant %+v", i, a.Items[i], want[i])
		}
	}
	if a.Balance() != 20050 || book.Settings.Company.Name != "Test SARL" || len(book.Salespeople) != 1 {
		t.Error("book content")
	}
	if rev, _ := db.Revision(); rev != 1 {
		t.Errorf("revision %d", rev)
	}
}

func TestUpdateIsAtomic(t *testing.T) {
	_, db := newDossier(t)
	defer db.Close()
	err := db.Update(func(tx *Tx) error {
		if err := tx.PutCustomer(&ledger.Customer{ID: "C1", Name: "Un"}); err != nil {
			return err
		}
		// An item whose open amount has the wrong sign: the whole action is refused.
		return tx.PutItems("C1", []ledger.Item{{ID: "x", Amount: 100, Open: -5}})
	})
	if !errors.Is(err, &ledger.Problem{Key: "err.item.open"}) {
		t.Fatalf("err = %v", err)
	}
	book, _ := db.Load()
	if len(book.Accounts) != 0 {
		t.Error("half-written action")
	}
	for _, bad := range [][]ledger.Item{{{ID: ""}}, {{ID: "a"}, {ID: "a"}}} {
		err := db.Update(func(tx *Tx) error {
			if err := tx.PutCustomer(&ledger.Customer{ID: "C1", Name: "Un"}); err != nil {
				return err
			}
			return tx.PutItems("C1", bad)
		})
		if err == nil {
			t.Error("bad item IDs accepted")
		}
	}
	if err := db.Update(func(tx *Tx) error { return tx.PutItems("nobody", nil) }); err == nil {
		t.Error("items of an unknown customer accepted")
	}
	if err := db.Update(func(tx *Tx) error { return tx.PutCustomer(&ledger.Customer{ID: "C2"}) }); err == nil {
		t.Error("customer without a name accepted")
	}
	s := ledger.DefaultSettings()
	s.Buckets = []int{30, 30}
	if err := db.Update(func(tx *Tx) error { return tx.PutSettings(s) }); err == nil {
		t.Error("bad buckets accepted")
	}
}

func TestLockedFailsFast(t *testing.T) {
	path, db := newDossier(t)
	defer db.Close()
	start := time.Now()
	_, err := Open(path, Options{Timeout: 300 * time.Millisecond})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second open: %v", err)
	}
	if el := time.Since(start); el > time.Second {
		t.Errorf("took %v", el)
	}
	if msg := ledger.Localize(err, "fr"); !bytes.Contains([]byte(msg), []byte("déjà ouvert")) {
		t.Errorf("message %q", msg)
	}
}

func TestNotADossierIsLeftUntouched(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"pdf.db":    append([]byte("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"), bytes.Repeat([]byte{0x42}, 9000)...),
		"empty.db":  {},
		"short.db":  []byte("hello"),
		"random.db": bytes.Repeat([]byte{0xED, 0x0C, 0xDA}, 5000),
	}
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, content, 0o644); err != nil {
			t.Fatal(err)
		}
		before := sha256.Sum256(content)
		_, err := Open(path, Options{Backups: 5})
		if !errors.Is(err, ErrNotDossier) {
			t.Errorf("%s: err = %v", name, err)
		}
		after, _ := os.ReadFile(path)
		if sha256.Sum256(after) != before {
			t.Errorf("%s was modified", name)
		}
		if _, err := os.Stat(path + ".backups"); err == nil {
			t.Errorf("%s: a backup folder was created", name)
		}
	}
	// A bbolt file that is not ours.
	foreign := filepath.Join(dir, "foreign.db")
	b, err := bolt.Open(foreign, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	b.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("other")); return err })
	b.Close()
	if _, err := Open(foreign, Options{}); !errors.Is(err, ErrNotDossier) {
		t.Errorf("foreign bbolt: %v", err)
	}
	if _, err := Open(filepath.Join(dir, "missing.db"), Options{}); err == nil {
		t.Error("missing file opened")
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	path, db := newDossier(t)
	db.bolt.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte(bMeta)).Put([]byte(kSchema), u64(SchemaVersion+1)) })
	db.Close()
	_, err := Open(path, Options{})
	if !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("err = %v", err)
	}
	if msg := ledger.Localize(err, "en"); !bytes.Contains([]byte(msg), []byte("newer version")) {
		t.Errorf("message %q", msg)
	}
}

func TestCreateRefusesExisting(t *testing.T) {
	path, db := newDossier(t)
	db.Close()
	if _, err := Create(path, ledger.DefaultSettings()); !errors.Is(err, ErrExists) {
		t.Errorf("err = %v", err)
	}
}

func TestReadOnly(t *testing.T) {
	path, db := newDossier(t)
	db.Close()
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if err := ro.Update(func(tx *Tx) error { return nil }); !errors.Is(err, ErrReadOnly) {
		t.Errorf("err = %v", err)
	}
}

func TestRotatingBackups(t *testing.T) {
	path, db := newDossier(t)
	db.Close()
	for i := 0; i < 12; i++ {
		db, err := Open(path, Options{Backups: 5})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.WaitBackup(); err != nil {
			t.Fatal(err)
		}
		// Unchanged dossier: no new backup for the same revision.
		if i%2 == 0 {
			if err := db.Update(func(tx *Tx) error {
				return tx.PutCustomer(&ledger.Customer{ID: "C", Name: "n"})
			}); err != nil {
				t.Fatal(err)
			}
		}
		list, _ := db.Backups()
		db.Close()
		if want := min((i+1)/2+1, 5); len(list) != want {
			t.Errorf("round %d: %d backups, want %d", i, len(list), want)
		}
	}
	db, _ = Open(path, Options{})
	list, _ := db.Backups()
	db.Close()
	for _, f := range list {
		st, err := os.Stat(f)
		if err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("backup %s mode %v", f, st.Mode().Perm())
		}
		b, err := Open(f, Options{ReadOnly: true})
		if err != nil {
			t.Errorf("backup %s does not open: %v", f, err)
			continue
		}
		b.Close()
	}
}

func TestCorruptItemsReported(t *testing.T) {
	path, db := newDossier(t)
	db.Update(func(tx *Tx) error { return tx.PutCustomer(&ledger.Customer{ID: "C1", Name: "Un"}) })
	db.bolt.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte(bItems)).Put([]byte("C1"), []byte{1, 5, 9}) })
	db.Close()
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Load(); !errors.Is(err, ErrCorrupt) {
		t.Errorf("err = %v", err)
	}
}

func FuzzDecodeItems(f *testing.F) {
	f.Add(encodeItems(sampleItems()))
	f.Add([]byte{1, 0})
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		items, err := decodeItems("C", b)
		if err != nil {
			return
		}
		again, err := decodeItems("C", encodeItems(items))
		if err != nil || len(again) != len(items) {
			t.Fatalf("re-encode: %v", err)
		}
	})
}
