package archive

import (
	"bytes"
	"path/filepath"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/demo"
	"relance/ledger/store"
	"relance/letters/compose"
	"relance/letters/templates"
)

var today = ledger.NewDate(2026, 11, 23)

func setup(t testing.TB) (*store.DB, []*compose.Letter) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "d.db")
	if err := demo.Create(path, today); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	book, err := db.Load()
	if err != nil {
		t.Fatal(err)
	}
	var ls []*compose.Letter
	for _, id := range []string{"C00030", "C00020", "C00030"} {
		l, err := compose.Compose(compose.Input{Settings: book.Settings, Account: book.Account(id), Stage: templates.R1, Date: today})
		if err != nil {
			t.Fatal(err)
		}
		ls = append(ls, l)
	}
	return db, ls
}

func TestIssueListVerify(t *testing.T) {
	db, ls := setup(t)
	at := time.Date(2026, 11, 23, 15, 4, 5, 0, time.UTC)
	err := db.Update(func(tx *store.Tx) error {
		for i, l := range ls {
			r, err := Issue(tx, Input{Letter: l, PDF: []byte{'%', 'P', 'D', 'F', byte(i)}, By: "Claire", At: at})
			if err != nil {
				return err
			}
			if r.ID != ID(uint64(i+1)) {
				t.Errorf("ID %s", r.ID)
			}
		}
		for _, bad := range []Input{{Letter: ls[0], By: "Claire", At: at}, {Letter: ls[0], PDF: []byte("x"), At: at},
			{Letter: ls[0], PDF: []byte("x"), By: "Claire"}} {
			if _, err := Issue(tx, bad); err == nil {
				t.Errorf("issued %+v", bad)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	db.View(func(tx *store.Tx) error {
		recs, _ := List(tx, Filter{Customer: "C00030"})
		if len(recs) != 2 || recs[0].ID != "LT000003" || recs[1].Prev != "" {
			t.Errorf("list: %+v", recs)
		}
		if recs, _ := List(tx, Filter{Text: "c00020"}); len(recs) != 1 {
			t.Errorf("search: %d", len(recs))
		}
		pdf, err := PDF(tx, "LT000002")
		if err != nil || !bytes.Equal(pdf, []byte{'%', 'P', 'D', 'F', 1}) {
			t.Errorf("PDF: %v %v", pdf, err)
		}
		rep, err := Verify(tx)
		if err != nil || rep.Count != 3 || len(rep.Altered) != 0 || rep.Head == "" {
			t.Errorf("verify: %+v %v", rep, err)
		}
		prev, _ := Previous(tx, "C00030", ls[0].ItemIDs)
		if len(prev) != 2 {
			t.Errorf("previous: %+v", prev)
		}
		return nil
	})
	// Removing a record in the middle names it, not the next one.
	db.Update(func(tx *store.Tx) error {
		b := tx.Bolt().Bucket(store.BucketLetters)
		b.Delete(key('r', 2))
		return b.Delete(key('p', 2))
	})
	db.View(func(tx *store.Tx) error {
		rep, _ := Verify(tx)
		if len(rep.Altered) != 1 || rep.Altered[0] != (Altered{ID: "LT000002", Reason: "deleted", To: "LT000002", Count: 1}) {
			t.Errorf("after deletion: %+v", rep.Altered)
		}
		if got := rep.Altered[0].Text("en"); got != "letter LT000002 removed from the archive" {
			t.Errorf("text %q", got)
		}
		return nil
	})
}
