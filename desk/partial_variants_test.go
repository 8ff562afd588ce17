package desk_test

import (
	"fmt"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/dispute"
	"relance/ledger/store"
	"relance/letters/letterpdf"
	"relance/letters/templates"
)

// scrCloseDisputedItem closes, as an import would, the item of the demo's first
// resolved dispute, moved a year back and settled 10 days after its due date: a dispute
// on an item paid long ago.
func scrCloseDisputedItem(t *testing.T, path string) string {
	t.Helper()
	s, err := desk.OpenRead(path)
	if err != nil {
		t.Fatal(err)
	}
	var cust, item string
	var settled ledger.Date
	for _, d := range s.Disputes {
		if d.Status == dispute.StatusResolved && len(d.Items) > 0 {
			cust, item, settled = d.Customer, d.Items[0].ItemID, d.History[len(d.History)-1].Date
			break
		}
	}
	if err := s.Close(); err != nil || cust == "" {
		t.Fatalf("no resolved dispute (%v)", err)
	}
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *store.Tx) error {
		items, err := tx.Items(cust)
		if err != nil {
			return err
		}
		for i := range items {
			if it := &items[i]; it.ID == item {
				// A year earlier, so that it closed before the reach's since (the demo's
				// oldest promise, mid-2025).
				it.DocDate, it.DueDate = it.DocDate.AddDays(-365), it.DueDate.AddDays(-365)
				// Lettered on its own (an unlettered closed item is one the FIFO rebuilds, always read).
				it.Open, it.Settled, it.Match = 0, it.DueDate.AddDays(10), "AUDIT"
				settled = it.Settled
			}
		}
		return tx.PutItems(cust, items)
	})
	if err != nil {
		t.Fatal(err)
	}
	return cust + "/" + item + " settled " + settled.String()
}

// scrOldLetter issues a first reminder, before it was paid, on the oldest invoice of a
// customer with overdue items that was paid long before the as-of dates: a letter on
// an item now closed.
func scrOldLetter(t *testing.T, path string, asOf ledger.Date) string {
	t.Helper()
	s, err := desk.OpenWrite(path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	}()
	for _, j := range letterpdf.OverdueJobs(s.Book, asOf, templates.R1, nil) {
		a := s.Book.Account(j.Customer)
		var old *ledger.Item
		for i := range a.Items {
			it := &a.Items[i]
			if it.Kind == ledger.Invoice && it.Open == 0 && it.Settled.Valid() && it.DueDate.Valid() && it.Settled.DaysSince(it.DueDate) > 5 &&
				it.Settled < asOf.AddDays(-500) && (old == nil || it.Settled < old.Settled) {
				old = it
			}
		}
		if old == nil {
			continue
		}
		date := old.Settled.AddDays(-1)
		l, err := s.ComposeLetter(desk.LetterRequest{Customer: a.Customer.ID, Stage: templates.R1, Date: date, ItemIDs: []string{old.ID}})
		if err != nil {
			t.Fatal(err)
		}
		pdf, err := s.RenderLetter(l, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.IssueLetter(l, pdf, "", "scr", date.Time().Add(10*time.Hour)); err != nil {
			t.Fatal(err)
		}
		return a.Customer.ID + "/" + old.ID + " letter of " + date.String()
	}
	t.Fatal("no customer with an invoice paid long ago")
	return ""
}

// scrNoPromise removes the demo's promises and plans (a dossier where none was ever
// recorded): the reach's since is then the dashboard's alone (a few days back), no
// longer the oldest promise's.
func scrNoPromise(t *testing.T, path string) string {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		for _, name := range []string{"promises", "plans"} {
			if err := tx.DeleteBucket([]byte(name)); err != nil {
				return err
			}
			if _, err := tx.CreateBucket([]byte(name)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return "promises and plans removed"
}

// TestPartialSessionScreens compares, for the demo dossier and two variants of it (a dispute on
// an item closed long ago; a letter issued on an item closed long ago), what the
// Litiges, Relances and Courriers screens compute from a Partial session (OpeningReach)
// and from the whole session, at exact+10 and exact+200 days.
func TestPartialSessionScreens(t *testing.T) {
	variants := []struct {
		name  string
		setup func(t *testing.T, path string, exact ledger.Date) string
	}{
		{"demo", func(*testing.T, string, ledger.Date) string { return "" }},
		{"closeditem", func(t *testing.T, path string, _ ledger.Date) string { return scrCloseDisputedItem(t, path) }},
		{"oldletter", func(t *testing.T, path string, exact ledger.Date) string {
			return scrOldLetter(t, path, exact.AddDays(10))
		}},
		{"nopromise", func(t *testing.T, path string, _ ledger.Date) string { return scrNoPromise(t, path) }},
	}
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			path := demoFile(t)
			exact := exactFrom(t, path)
			if what := v.setup(t, path, exact); what != "" {
				t.Logf("%s: %s", v.name, what)
			}
			if e := exactFrom(t, path); e != exact {
				t.Fatalf("the setup moved the latest activity from %s to %s", exact, e)
			}
			full, err := desk.OpenRead(path)
			if err != nil {
				t.Fatal(err)
			}
			defer full.Close()
			for _, days := range []int{10, 200} {
				at := exact.AddDays(days)
				part, err := desk.OpenReadFor(path, at, desk.OpeningReach())
				if err != nil {
					t.Fatal(err)
				}
				if !part.Partial {
					t.Fatalf("at %s: not Partial", at)
				}
				t.Logf("at %s: %d items of %d", at, part.Book.ItemCount(), full.Book.ItemCount())
				for _, c := range scrCases {
					t.Run(fmt.Sprintf("%s/+%d", c.name, days), func(t *testing.T) {
						got, want := c.out(t, part, at), c.out(t, full, at)
						fixed := ""
						if c.fix != nil {
							w := part
							for _, id := range c.fix(t, part, at) {
								if w, err = w.WithAccount(id); err != nil {
									t.Fatal(err)
								}
							}
							if f := c.out(t, w, at); f == want {
								fixed = "the fix (WithAccount) gives the whole book's output"
							} else {
								fixed = "the fix (WithAccount) still differs: " + diffAt(f, want)[:min(300, len(diffAt(f, want)))]
							}
						}
						if got != want {
							t.Errorf("%s/%s at %s: the Partial session differs from the whole one\n got %.400s\nwant %.400s\n%s", v.name, c.name, at, diffAt(got, want), diffAt(want, got), fixed)
						}
					})
				}
				if err := part.Close(); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}
