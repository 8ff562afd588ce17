package desk_test

import (
	"errors"
	"testing"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/store"
)

// OpenWriteStaged's session gives the figures of its reach as the whole session does,
// from fewer items; check then checks the dossier and backs it up without loading the
// whole book, and the session stays Partial: the dashboard's 24 months (read account by
// account from the dossier), a customer's documents (its account read whole) and the
// figures at another date (At) are the whole book's. Before the dossier's latest
// activity the session is already the whole, checked one.
func TestOpenWriteStaged(t *testing.T) {
	path := demoFile(t)
	exact := exactFrom(t, path)
	reach := desk.OpeningReach()

	at := exact.AddDays(10)
	long := desk.Reach{KPIMonths: 24, KPIDays: 90}
	// What the whole book gives, read before the dossier is opened for writing.
	want := map[string]string{}
	whole := wholeOf(t, path)
	var ids []string
	for _, a := range whole.Book.Accounts {
		ids = append(ids, a.Customer.ID)
		for _, d := range []ledger.Date{at, at.AddDays(-90)} {
			want[a.Customer.ID+d.String()] = customerOutput(t, whole, a.Customer.ID, d)
		}
	}
	want["reach"] = reachOutput(t, whole, at, reach)
	want["past"] = reachOutput(t, whole, exact.AddDays(-30), reach)
	for _, d := range []ledger.Date{at, at.AddDays(40)} {
		want["long"+d.String()] = reachOutput(t, whole, d, long)
	}
	wholeItems := whole.Book.ItemCount()
	if err := whole.Close(); err != nil {
		t.Fatal(err)
	}

	first, check, err := desk.OpenWriteStaged(path, at, reach)
	if err != nil {
		t.Fatal(err)
	}
	if !first.Partial || check == nil {
		t.Fatalf("at %s (exact from %s): Partial %v, check %v", at, exact, first.Partial, check != nil)
	}
	if n := backups(t, path); n != 0 {
		t.Errorf("%d backups before the dossier was checked", n)
	}
	got := reachOutput(t, first, at, reach)
	// Each customer's account read whole into the session (the window's card), one
	// after the other.
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
	if err := check(); err != nil {
		t.Fatal(err)
	}
	if err := first.DB.Update(func(*store.Tx) error { return nil }); err != nil {
		t.Errorf("a write after the check: %v", err)
	}
	if !first.Partial {
		t.Error("the check loaded the whole book")
	}
	for _, id := range ids {
		for _, d := range []ledger.Date{at, at.AddDays(-90)} {
			if got, want := customerOutput(t, withAll, id, d), want[id+d.String()]; got != want {
				t.Errorf("%s at %s: the card's documents from its account read whole differ from the whole book's\n got %.300s\nwant %.300s", id, d, diffAt(got, want), diffAt(want, got))
			}
		}
	}
	if got, want := reachOutput(t, withAll, at, reach), want["reach"]; got != want {
		t.Errorf("with every account read whole, the figures differ from the whole book's\n got %.300s\nwant %.300s", diffAt(got, want), diffAt(want, got))
	}
	if want := want["reach"]; got != want {
		t.Errorf("the session's figures differ from the whole book's\n got %.300s\nwant %.300s", diffAt(got, want), diffAt(want, got))
	}
	// The dashboard's 24 months, read account by account from the dossier.
	for _, d := range []ledger.Date{at, at.AddDays(40)} {
		if got, want := reachOutput(t, first, d, long), want["long"+d.String()]; got != want {
			t.Errorf("24 months at %s: the session's differ from the whole book's\n got %.300s\nwant %.300s", d, diffAt(got, want), diffAt(want, got))
		}
	}
	if first.Book.ItemCount() >= wholeItems {
		t.Errorf("the session holds %d items, the whole book %d", first.Book.ItemCount(), wholeItems)
	}
	// Another date: before the latest activity the whole book, and back to the part.
	past, err := first.At(exact.AddDays(-30))
	if err != nil {
		t.Fatal(err)
	}
	if past.Partial || past.Book.ItemCount() != wholeItems {
		t.Errorf("at %s: Partial %v, %d items, want the whole book's %d", exact.AddDays(-30), past.Partial, past.Book.ItemCount(), wholeItems)
	}
	if got, want := reachOutput(t, past, exact.AddDays(-30), reach), want["past"]; got != want {
		t.Errorf("at %s: the figures differ from the whole book's\n got %.300s\nwant %.300s", exact.AddDays(-30), diffAt(got, want), diffAt(want, got))
	}
	back, err := past.At(at)
	if err != nil {
		t.Fatal(err)
	}
	if !back.Partial || back.Book.ItemCount() != first.Book.ItemCount() {
		t.Errorf("back at %s: Partial %v, %d items, want %d", at, back.Partial, back.Book.ItemCount(), first.Book.ItemCount())
	}
	if same, err := first.At(at.AddDays(5)); err != nil || same != first {
		t.Errorf("a later date read the dossier again (%v)", err)
	}
	// A write, then the session read again the same way.
	again, err := withAll.Reread()
	if err != nil {
		t.Fatal(err)
	}
	if !again.Partial || again.Book.ItemCount() != first.Book.ItemCount() {
		t.Errorf("read again: Partial %v, %d items, want %d", again.Partial, again.Book.ItemCount(), first.Book.ItemCount())
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	if n := backups(t, path); n != 1 {
		t.Errorf("%d backups after the check, want 1", n)
	}

	at = exact.AddDays(-20)
	first, check, err = desk.OpenWriteStaged(path, at, reach)
	if err != nil {
		t.Fatal(err)
	}
	if first.Partial || check != nil {
		t.Errorf("at %s, before the latest activity: Partial %v, check %v", at, first.Partial, check != nil)
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
}

// wholeOf opens the dossier at path read-only, whole.
func wholeOf(t *testing.T, path string) *desk.Session {
	t.Helper()
	s, err := desk.OpenRead(path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// A damaged dossier opened in two steps is refused for writing as OpenWrite refuses it:
// at the first step when the record is one it reads, else by check, with no backup taken.
func TestOpenWriteStagedDamaged(t *testing.T) {
	for _, bucket := range []string{"actions", "payments", "disputes"} {
		t.Run(bucket, func(t *testing.T) {
			path := demoFile(t)
			at := exactFrom(t, path).AddDays(1)
			damage(t, path, bucket)
			first, check, err := desk.OpenWriteStaged(path, at, desk.OpeningReach())
			if err == nil {
				if check == nil {
					t.Fatal("no second step on a partial read")
				}
				err = check()
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
