package archive

import (
	"testing"
	"time"

	"relance/ledger/dunning"
	"relance/ledger/store"
)

// An issued letter is also an action of the customer's history, pointing to its record,
// with the letter's stage (so that the reminder engine counts the step as done); a formal
// notice is recorded on the notice channel.
func TestIssueRecordedAddsTheAction(t *testing.T) {
	db, letters := setup(t)
	at := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	var ids []string
	err := db.Update(func(tx *store.Tx) error {
		for i, l := range letters[:2] {
			r, err := IssueRecorded(tx, Input{Letter: l, PDF: []byte{'%', 'P', 'D', 'F', byte(i)}, By: "Claire", At: at})
			if err != nil {
				return err
			}
			ids = append(ids, r.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	db.View(func(tx *store.Tx) error {
		all, err := tx.Actions("")
		if err != nil {
			t.Fatal(err)
		}
		var acts []dunning.Action // the demo's own history is there too
		for _, a := range all {
			if a.Letter != "" {
				acts = append(acts, a)
			}
		}
		if len(acts) != 2 {
			t.Fatalf("%d actions, want 2", len(acts))
		}
		for i, a := range acts {
			l := letters[i]
			want := dunning.ActionKind(dunning.ChanLetter)
			if l.Stage == "med" {
				want = dunning.ActionKind(dunning.ChanNotice)
			}
			if a.Letter != ids[i] || a.Customer != l.Customer || a.Stage != string(l.Stage) || a.Kind != want || a.By != "Claire" || !a.Done() {
				t.Errorf("action %+v for letter %s (%s, %s)", a, ids[i], l.Customer, l.Stage)
			}
		}
		return nil
	})
}
