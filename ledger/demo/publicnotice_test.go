package demo

import (
	"path/filepath"
	"testing"

	"relance/ledger"
	"relance/ledger/dunning"
	"relance/ledger/store"
)

// Every public buyer of the demo was sent a formal notice, a « med » letter done, more
// than two months before today, on a working day: its implicit rejection (CRPA L231-4)
// has arisen by today, as the référé-provision requires (CJA R421-1).
func TestDemoPublicNotices(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := Create(path, today); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	book, err := db.Load()
	if err != nil {
		t.Fatal(err)
	}
	_, rec, err := db.LoadDunning()
	if err != nil {
		t.Fatal(err)
	}
	public := 0
	for _, a := range book.Accounts {
		if a.Customer.Kind != ledger.PublicBody {
			continue
		}
		public++
		var notice *dunning.Action
		for i := range rec.Actions {
			x := &rec.Actions[i]
			if x.Customer == a.Customer.ID && x.Stage == "med" && x.Kind == dunning.ActionKind(dunning.ChanNotice) && x.Done() {
				notice = x
			}
		}
		if notice == nil {
			t.Errorf("%s %s: no formal notice", a.Customer.ID, a.Customer.Name)
			continue
		}
		if notice.Date.AddMonths(2) > today || notice.Amount <= 0 || len(notice.Items) == 0 || notice.Date.Weekday() == 0 ||
			notice.Date.Weekday() == 6 {
			t.Errorf("%s: notice %+v", a.Customer.ID, notice)
		}
	}
	if public != 3 {
		t.Errorf("%d public buyers", public)
	}
}
