package store

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"relance/ledger"
)

// stagedCustomers writes n customers in n transactions of a staged change, then
// returns fail (nil: the change completes).
func stagedCustomers(db *DB, mode StageMode, n int, fail error) error {
	return db.Staged(mode, 0, func(st *Stage) error {
		for i := range n {
			if err := st.Update(func(tx *Tx) error {
				c := ledger.Customer{ID: string(rune('A' + i)), Name: "Client"}
				return tx.PutCustomer(&c)
			}); err != nil {
				return err
			}
		}
		return fail
	})
}

func customerCount(t *testing.T, db *DB) (int, uint64) {
	t.Helper()
	book, err := db.Load()
	if err != nil {
		t.Fatal(err)
	}
	rev, err := db.Revision()
	if err != nil {
		t.Fatal(err)
	}
	return len(book.Accounts), rev
}

// TestStagedAllOrNothing: in both modes a staged change is whole (revision + 1) or
// absent (revision unchanged) after an error; copy mode leaves no copy behind, keeps
// the file's permissions and the dossier usable.
func TestStagedAllOrNothing(t *testing.T) {
	for _, mode := range []StageMode{StageSingle, StageCopy} {
		path := filepath.Join(t.TempDir(), "d.db")
		db, err := Create(path, ledger.DefaultSettings())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(path, 0o640); err != nil {
			t.Fatal(err)
		}
		n0, rev0 := customerCount(t, db)
		boom := errors.New("boom")
		if err := stagedCustomers(db, mode, 3, boom); !errors.Is(err, boom) {
			t.Fatalf("mode %d: %v", mode, err)
		}
		if n, rev := customerCount(t, db); n != n0 || rev != rev0 {
			t.Fatalf("mode %d: after a failure %d customers, revision %d; want %d, %d", mode, n, rev, n0, rev0)
		}
		if err := stagedCustomers(db, mode, 3, nil); err != nil {
			t.Fatal(err)
		}
		if n, rev := customerCount(t, db); n != n0+3 || rev != rev0+1 {
			t.Fatalf("mode %d: %d customers, revision %d; want %d, %d", mode, n, rev, n0+3, rev0+1)
		}
		if _, err := os.Stat(path + StageSuffix); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("mode %d: copy left: %v", mode, err)
		}
		if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o640 {
			t.Errorf("mode %d: permissions %v, %v", mode, st.Mode(), err)
		}
		rep, err := db.Check()
		if err != nil || !rep.OK() {
			t.Fatalf("mode %d: check %v %v", mode, err, rep.Problems)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		db, err = Open(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if n, _ := customerCount(t, db); n != n0+3 {
			t.Fatalf("mode %d: reopened with %d customers", mode, n)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// TestStagedThroughLink: a dossier opened through a symbolic link is written in one
// transaction, the link kept.
func TestStagedThroughLink(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "d.db")
	db, err := Create(path, ledger.DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.db")
	if err := os.Symlink(path, link); err != nil {
		t.Skip(err)
	}
	db, err = Open(link, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := stagedCustomers(db, StageCopy, 2, nil); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("link replaced: %v %v", st.Mode(), err)
	}
	if n, _ := customerCount(t, db); n != 2 {
		t.Fatalf("%d customers", n)
	}
}
