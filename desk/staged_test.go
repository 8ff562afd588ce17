package desk_test

import (
	"errors"
	"testing"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/store"
)

// OpenWriteStaged's first session gives the figures of its reach as the whole session
// does, from fewer items; whole then gives the whole book, checked and backed up. Before
// the dossier's latest activity the first session is already the whole one.
func TestOpenWriteStaged(t *testing.T) {
	path := demoFile(t)
	exact := exactFrom(t, path)
	reach := desk.OpeningReach()

	at := exact.AddDays(10)
	first, whole, err := desk.OpenWriteStaged(path, at, reach)
	if err != nil {
		t.Fatal(err)
	}
	if !first.Partial || whole == nil {
		t.Fatalf("at %s (exact from %s): Partial %v, whole %v", at, exact, first.Partial, whole != nil)
	}
	if n := backups(t, path); n != 0 {
		t.Errorf("%d backups before the dossier was checked", n)
	}
	got := reachOutput(t, first, at, reach)
	// Each customer's account read whole into the first session (the window's card
	// while the history loads), one after the other.
	withAll := first
	for _, a := range first.Book.Accounts {
		if withAll, err = withAll.WithAccount(a.Customer.ID); err != nil {
			t.Fatal(err)
		}
	}
	if first.HasWhole(first.Book.Accounts[0].Customer.ID) || !withAll.HasWhole(first.Book.Accounts[0].Customer.ID) {
		t.Error("WithAccount changed the session it was called on, or did not mark the account whole")
	}
	// Nothing is written before the check.
	if err := first.DB.Update(func(*store.Tx) error { return nil }); !errors.Is(err, store.ErrNotChecked) {
		t.Errorf("a write before the check: %v, want ErrNotChecked", err)
	}
	s, err := whole()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DB.Update(func(*store.Tx) error { return nil }); err != nil {
		t.Errorf("a write after the check: %v", err)
	}
	for _, a := range s.Book.Accounts {
		id := a.Customer.ID
		for _, d := range []ledger.Date{at, at.AddDays(-90)} {
			if got, want := customerOutput(t, withAll, id, d), customerOutput(t, s, id, d); got != want {
				t.Errorf("%s at %s: the card's documents from its account read whole differ from the whole book's\n got %.300s\nwant %.300s", id, d, diffAt(got, want), diffAt(want, got))
			}
		}
	}
	if got, want := reachOutput(t, withAll, at, reach), reachOutput(t, s, at, reach); got != want {
		t.Errorf("with every account read whole, the figures differ from the whole book's\n got %.300s\nwant %.300s", diffAt(got, want), diffAt(want, got))
	}
	if s.Partial || s.Book.ItemCount() <= first.Book.ItemCount() {
		t.Errorf("whole: Partial %v, %d items (first %d)", s.Partial, s.Book.ItemCount(), first.Book.ItemCount())
	}
	if want := reachOutput(t, s, at, reach); got != want {
		t.Errorf("the first session's figures differ from the whole book's\n got %.300s\nwant %.300s", diffAt(got, want), diffAt(want, got))
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if n := backups(t, path); n != 1 {
		t.Errorf("%d backups after the whole session, want 1", n)
	}

	at = exact.AddDays(-20)
	first, whole, err = desk.OpenWriteStaged(path, at, reach)
	if err != nil {
		t.Fatal(err)
	}
	if first.Partial || whole != nil {
		t.Errorf("at %s, before the latest activity: Partial %v, whole %v", at, first.Partial, whole != nil)
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
}

// A damaged dossier opened in two steps is refused for writing as OpenWrite refuses it:
// at the first step when the record is one it reads, else by whole, with no backup taken.
func TestOpenWriteStagedDamaged(t *testing.T) {
	for _, bucket := range []string{"actions", "payments", "disputes"} {
		t.Run(bucket, func(t *testing.T) {
			path := demoFile(t)
			at := exactFrom(t, path).AddDays(1)
			damage(t, path, bucket)
			first, whole, err := desk.OpenWriteStaged(path, at, desk.OpeningReach())
			if err == nil {
				if whole == nil {
					t.Fatal("no second step on a partial read")
				}
				_, err = whole()
				if cerr := first.Close(); cerr != nil {
					t.Fatal(cerr)
				}
			}
			var p *ledger.Problem
			if !errors.As(err, &p) || (p.Key != "err.dossier.damaged" && p.Key != "err.dossier.corrupt") {
				t.Fatalf("damaged %s: opened for writing (%v)", bucket, err)
			}
			if n := backups(t, path); n != 0 {
				t.Errorf("a backup was taken of the damaged dossier (%d)", n)
			}
		})
	}
}
