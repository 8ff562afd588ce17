package archive

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"
	"time"

	"relance/ledger/store"
)

// issueN issues n letters (the setup's, in turn) and returns the database.
func issueN(t testing.TB, n int) *store.DB {
	t.Helper()
	return issueSized(t, n, 0)
}

// issueSized issues n letters with PDFs of size bytes at least.
func issueSized(t testing.TB, n, size int) *store.DB {
	t.Helper()
	db, ls := setup(t)
	at := time.Date(2026, 11, 23, 15, 4, 5, 0, time.UTC)
	err := db.Update(func(tx *store.Tx) error {
		for i := range n {
			pdf := fmt.Appendf(nil, "%%PDF-%d", i)
			pdf = append(pdf, make([]byte, size)...)
			if _, err := Issue(tx, Input{Letter: ls[i%len(ls)], PDF: pdf, By: "Claire", At: at}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// remove deletes the records (and PDFs) of seqs.
func remove(t *testing.T, db *store.DB, seqs ...uint64) {
	t.Helper()
	err := db.Update(func(tx *store.Tx) error {
		b := tx.Bolt().Bucket(store.BucketLetters)
		for _, s := range seqs {
			if err := b.Delete(key('r', s)); err != nil {
				return err
			}
			if err := b.Delete(key('p', s)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// findings runs Verify and Check and returns Verify's findings (Check must agree).
func findings(t *testing.T, db *store.DB) (Report, []Altered) {
	t.Helper()
	var rep Report
	err := db.View(func(tx *store.Tx) error {
		var err error
		if rep, err = Verify(tx); err != nil {
			return err
		}
		ps, err := Check(tx)
		if err != nil {
			return err
		}
		if len(ps) != len(rep.Altered) {
			t.Errorf("Check %v, Verify %+v", ps, rep.Altered)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return rep, rep.Altered
}

func TestDeletionsNamed(t *testing.T) {
	for _, tc := range []struct {
		name string
		del  []uint64
		want []Altered
	}{
		{"first", []uint64{1}, []Altered{{ID: "LT000001", Reason: "deleted", To: "LT000001", Count: 1}}},
		{"middle", []uint64{4}, []Altered{{ID: "LT000004", Reason: "deleted", To: "LT000004", Count: 1}}},
		{"middle-run", []uint64{4, 5, 6}, []Altered{{ID: "LT000004", Reason: "deleted", To: "LT000006", Count: 3}}},
		{"last", []uint64{10}, []Altered{{ID: "LT000010", Reason: "deleted", To: "LT000010", Count: 1}}},
		{"last-5", []uint64{6, 7, 8, 9, 10}, []Altered{{ID: "LT000006", Reason: "deleted", To: "LT000010", Count: 5}}},
		{"all", []uint64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, []Altered{{ID: "LT000001", Reason: "all", To: "LT000010", Count: 10}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := issueN(t, 10)
			if rep, got := findings(t, db); len(got) != 0 || rep.HeadBuilt || rep.Anchored.Count != 10 {
				t.Fatalf("before: %+v", rep)
			}
			remove(t, db, tc.del...)
			_, got := findings(t, db)
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

// The next honest letter after a deletion at the end is not blamed.
func TestNextLetterNotBlamed(t *testing.T) {
	db := issueN(t, 5)
	remove(t, db, 5)
	_, ls := setup(t)
	err := db.Update(func(tx *store.Tx) error {
		_, err := Issue(tx, Input{Letter: ls[0], PDF: []byte("%PDF-x"), By: "Claire", At: time.Now()})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	_, got := findings(t, db)
	if want := []Altered{{ID: "LT000005", Reason: "deleted", To: "LT000005", Count: 1}}; !slices.Equal(got, want) {
		t.Errorf("got %+v", got)
	}
	if got[0].Text("fr") != "courrier LT000005 supprimé de l’archive" {
		t.Errorf("%q", got[0].Text("fr"))
	}
}

// A dossier written before heads: the head is built from the chain, said so, and
// stored by the next letter; a deletion at the end still shows (the bucket's counter).
func TestHeadMigration(t *testing.T) {
	db := issueN(t, 4)
	db.Update(func(tx *store.Tx) error { return tx.Bolt().Bucket(store.BucketLetters).Delete(headKey) })
	rep, got := findings(t, db)
	if len(got) != 0 || !rep.HeadBuilt || rep.Anchored.Count != 4 || rep.Anchored.ID != "LT000004" {
		t.Fatalf("old dossier: %+v", rep)
	}
	_, ls := setup(t)
	err := db.Update(func(tx *store.Tx) error {
		_, err := Issue(tx, Input{Letter: ls[1], PDF: []byte("%PDF-y"), By: "Claire", At: time.Now()})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	rep, got = findings(t, db)
	if len(got) != 0 || rep.HeadBuilt || rep.Anchored.Count != 5 || rep.Anchored.ID != "LT000005" || rep.Anchored.Hash != rep.Head {
		t.Fatalf("after a letter: %+v", rep)
	}
	db.Update(func(tx *store.Tx) error { return tx.Bolt().Bucket(store.BucketLetters).Delete(headKey) })
	remove(t, db, 5)
	if _, got := findings(t, db); len(got) != 1 || got[0].ID != "LT000005" {
		t.Errorf("tail of an old dossier: %+v", got)
	}
}

// The head saved, then the copy checked against it; the last record re-hashed is seen.
func TestHeadAgainstAndForgedLast(t *testing.T) {
	db := issueN(t, 6)
	var h Head
	db.View(func(tx *store.Tx) (err error) { h, err = CurrentHead(tx); return err })
	if h.Count != 6 || h.ID != "LT000006" || h.Built {
		t.Fatalf("head %+v", h)
	}
	back, err := ParseHead([]byte("Archive…\n" + h.JSON() + "\n"))
	if err != nil || back != h {
		t.Fatalf("parse %+v %v", back, err)
	}
	if _, err := ParseHead([]byte("nothing")); err == nil {
		t.Error("parsed nothing")
	}
	against := func() []Altered {
		var out []Altered
		db.View(func(tx *store.Tx) (err error) { out, err = Against(tx, h); return err })
		return out
	}
	if got := against(); len(got) != 0 {
		t.Errorf("same: %+v", got)
	}
	remove(t, db, 5, 6)
	db.Update(func(tx *store.Tx) error { return tx.Bolt().Bucket(store.BucketLetters).Delete(headKey) })
	if got := against(); len(got) != 1 || got[0].Reason != "dropped" || got[0].ID != "LT000005" || got[0].Count != 2 {
		t.Errorf("dropped: %+v", got)
	}
	// The last letter rewritten, its own hash recomputed: the stored head shows it.
	db2 := issueN(t, 3)
	err = db2.Update(func(tx *store.Tx) error {
		r, err := Get(tx, "LT000003")
		if err != nil {
			return err
		}
		r.Text += " forged"
		r.Hash = hashOf(*r)
		v, err := json.Marshal(r)
		if err != nil {
			return err
		}
		return tx.Bolt().Bucket(store.BucketLetters).Put(key('r', 3), v)
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, got := findings(t, db2); len(got) != 1 || got[0] != (Altered{ID: "LT000003", Reason: "head"}) {
		t.Errorf("forged last: %+v", got)
	}
}

// BenchmarkArchiveCheck10k measures Check (before every write) on 10,000 letters of
// 8 KB each; BenchmarkArchiveVerify10k the full verification, for comparison.
func BenchmarkArchiveCheck10k(b *testing.B) {
	benchWalk(b, func(tx *store.Tx) error {
		ps, err := Check(tx)
		if err == nil && ps != nil {
			err = ps[0]
		}
		return err
	})
}

func BenchmarkArchiveVerify10k(b *testing.B) {
	benchWalk(b, func(tx *store.Tx) error {
		rep, err := Verify(tx)
		if err == nil && !rep.OK() {
			err = rep.Problems()[0]
		}
		return err
	})
}

func benchWalk(b *testing.B, fn func(tx *store.Tx) error) {
	db := issueSized(b, 10000, 8<<10)
	b.ResetTimer()
	for range b.N {
		if err := db.View(fn); err != nil {
			b.Fatal(err)
		}
	}
}

// An archive that never held a letter has no head to rebuild, and nothing to say.
func TestEmptyArchiveHead(t *testing.T) {
	db := issueN(t, 0)
	rep, got := findings(t, db)
	var h Head
	db.View(func(tx *store.Tx) (err error) { h, err = CurrentHead(tx); return err })
	if len(got) != 0 || rep.HeadBuilt || h.Built || h.Text("en") != "Letter archive: no letter issued" {
		t.Errorf("empty: %+v %+v %q", rep, h, h.Text("en"))
	}
}
