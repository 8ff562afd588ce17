package store_test

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"relance/ledger"
	"relance/ledger/credit"
	"relance/ledger/demo"
	"relance/ledger/demo/demotest"
	"relance/ledger/store"
)

// openFigures are the figures of the open position at asOf as the fronts print them:
// the customer list (JSON) and the aged balance (CSV).
func openFigures(t *testing.T, book *ledger.Book, asOf ledger.Date) string {
	t.Helper()
	rows, err := json.Marshal(credit.Summaries(book, asOf))
	if err != nil {
		t.Fatal(err)
	}
	var csv bytes.Buffer
	if err := credit.WriteAgedCSV(&csv, credit.AgedBalance(book, asOf, nil), nil, "fr"); err != nil {
		t.Fatal(err)
	}
	return string(rows) + "\n" + csv.String()
}

// sameOpenFigures checks that LoadOpen gives Load's figures at each date of dates on or
// after the exactness date, with only the open items, and Load's whole book before it.
func sameOpenFigures(t *testing.T, name string, db *store.DB) {
	t.Helper()
	full, err := db.Load()
	if err != nil {
		t.Fatal(err)
	}
	_, exact, err := db.LoadOpen(ledger.NoDate)
	if err != nil {
		t.Fatal(err)
	}
	if !exact.Valid() {
		t.Fatalf("%s: no exactness date", name)
	}
	// A customer with payments recorded by hand keeps all its items (LoadOpen).
	paid := map[string]bool{}
	err = db.View(func(tx *store.Tx) error {
		pays, err := tx.Payments("")
		for _, p := range pays {
			paid[p.Customer] = paid[p.Customer] || p.Active()
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	open := 0
	for _, a := range full.Accounts {
		if paid[a.Customer.ID] {
			open += len(a.Items)
		} else {
			open += len(a.OpenItems())
		}
	}
	if open >= full.ItemCount() {
		t.Errorf("%s: %d items of %d to read: nothing closed to skip", name, open, full.ItemCount())
	}
	for _, at := range []ledger.Date{exact, exact.AddDays(1), exact.AddDays(31), exact.AddDays(400)} {
		book, from, err := db.LoadOpen(at)
		if err != nil {
			t.Fatal(err)
		}
		if from != exact || book.ItemCount() != open || len(book.Accounts) != len(full.Accounts) {
			t.Errorf("%s at %s: %d items of %d accounts from %s; want %d (open ones, all of the customers with payments) of %d accounts from %s",
				name, at, book.ItemCount(), len(book.Accounts), from, open, len(full.Accounts), exact)
		}
		if got, want := openFigures(t, book, at), openFigures(t, full, at); got != want {
			t.Errorf("%s at %s: the open items give other figures than the whole book", name, at)
		}
	}
	for _, at := range []ledger.Date{exact.AddDays(-1), exact.AddDays(-45)} {
		book, _, err := db.LoadOpen(at)
		if err != nil {
			t.Fatal(err)
		}
		if book.ItemCount() != full.ItemCount() {
			t.Errorf("%s at %s (before %s): %d items, want the whole book's %d", name, at, exact, book.ItemCount(), full.ItemCount())
		}
		if got, want := openFigures(t, book, at), openFigures(t, full, at); got != want {
			t.Errorf("%s at %s: figures differ from the whole book's", name, at)
		}
	}
}

// noStaleOpenItems fails if an open_items record is not the one its items give.
func noStaleOpenItems(t *testing.T, name string, db *store.DB) {
	t.Helper()
	err := db.View(func(tx *store.Tx) error {
		stale, err := tx.StaleOpenItems()
		if len(stale) > 0 {
			t.Errorf("%s: stale open items of %v", name, stale)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestOpenItemsGiveTheFiguresOfTheDemo(t *testing.T) {
	db, _ := demotest.Open(t, ledger.NewDate(2026, time.December, 4))
	noStaleOpenItems(t, "demo", db)
	sameOpenFigures(t, "demo", db)
}

func TestOpenItemsGiveTheFiguresOfAGeneratedDossier(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gen.db")
	if err := demo.Generate(path, 200, 20000, 7, ledger.NewDate(2026, time.December, 4)); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	noStaleOpenItems(t, "generated", db)
	sameOpenFigures(t, "generated", db)
}

// bucketRecords returns the records of bucket name.
func bucketRecords(t *testing.T, db *store.DB, name string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := db.View(func(tx *store.Tx) error {
		return tx.Bolt().Bucket([]byte(name)).ForEach(func(k, v []byte) error {
			out[string(k)] = string(v)
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Every committed fixture migrates to schema 10 with the open_items bucket a fresh
// write of its customers and items gives, byte for byte, and the same figures.
func TestMigrationBuildsTheOpenItems(t *testing.T) {
	for _, f := range fixtures {
		dst := filepath.Join(t.TempDir(), f.file)
		in, err := os.Open(filepath.Join("testdata", f.file))
		if err != nil {
			t.Fatal(err)
		}
		out, _ := os.Create(dst)
		io.Copy(out, in)
		in.Close()
		out.Close()
		db, err := store.Open(dst, store.Options{})
		if err != nil {
			t.Fatalf("%s: %v", f.file, err)
		}
		book, err := db.Load()
		if err != nil {
			t.Fatal(err)
		}
		noStaleOpenItems(t, f.file, db)
		migrated := bucketRecords(t, db, "open_items")
		fresh, err := store.Create(filepath.Join(t.TempDir(), "fresh.db"), book.Settings)
		if err != nil {
			t.Fatal(err)
		}
		err = fresh.Update(func(tx *store.Tx) error {
			return db.View(func(old *store.Tx) error {
				for _, a := range book.Accounts {
					if err := tx.PutCustomer(&a.Customer); err != nil {
						return err
					}
					items, err := old.Items(a.Customer.ID) // as stored: without the payments recorded by hand
					if err != nil {
						return err
					}
					if err := tx.PutItems(a.Customer.ID, items); err != nil {
						return err
					}
				}
				return nil
			})
		})
		if err != nil {
			t.Fatal(err)
		}
		written := bucketRecords(t, fresh, "open_items")
		if len(migrated) == 0 || len(migrated) != len(written) {
			t.Errorf("%s: %d open_items records migrated, %d written", f.file, len(migrated), len(written))
		}
		for k, v := range written {
			if migrated[k] != v {
				t.Errorf("%s: open_items/%s migrated differs from a fresh write", f.file, k)
			}
		}
		fresh.Close()
		sameOpenFigures(t, f.file, db)
		db.Close()
	}
}

// A record of open_items that does not decode is reported as corrupt, not read wrong.
func TestCorruptOpenItemsReported(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.db")
	if err := demo.Create(path, ledger.NewDate(2026, time.December, 4)); err != nil {
		t.Fatal(err)
	}
	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = b.Update(func(tx *bolt.Tx) error {
		k, _ := tx.Bucket([]byte("open_items")).Cursor().First()
		return tx.Bucket([]byte("open_items")).Put(k, []byte{1, 0x80})
	})
	b.Close()
	if err != nil {
		t.Fatal(err)
	}
	db2, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	if _, _, err := db2.LoadOpen(ledger.NewDate(2030, time.January, 1)); err == nil {
		t.Error("a corrupt open_items record loads")
	}
	probs, err := db2.CheckRecords(true)
	if err != nil || len(probs) != 1 {
		t.Errorf("CheckRecords: %v %v", probs, err)
	}
}

// An open_items record that decodes but is not what the customer's items give (a
// dossier written around the store) is reported by Check.
func TestCheckFindsStaleOpenItems(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.db")
	if err := demo.Create(path, ledger.NewDate(2026, time.December, 4)); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if rep, err := db.Check(); err != nil || !rep.OK() {
		t.Fatalf("fresh demo: %+v %v", rep, err)
	}
	var id string
	err = db.Update(func(tx *store.Tx) error {
		b := tx.Bolt().Bucket([]byte("open_items"))
		k, v := b.Cursor().First()
		id = string(k)
		_, w := binary.Varint(v[1:])
		return b.Put(k, append([]byte{2, 0}, v[1+w:]...)) // last activity 0: still decodes
	})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := db.Check()
	if err != nil || len(rep.Problems) != 1 || rep.Problems[0].Args[3] != id {
		t.Errorf("stale open items of %s: %+v %v", id, rep, err)
	}
}
