package desk_test

import (
	"encoding/json"
	"testing"

	"github.com/shopspring/decimal"

	"relance/desk"
)

// What collection earned is the same from a session holding part of the history (the
// window's, which reads every account for it) as from the whole book, and its total is
// every payment of the period.
func TestEarnedPartialEqualsWhole(t *testing.T) {
	path := demoFile(t)
	scrNoPromise(t, path) // the part then reaches back a few days only, not to the oldest promise
	at := exactFrom(t, path).AddDays(10)
	from := at.AddDays(-desk.EarnedDays)
	rate := decimal.RequireFromString("4.5")
	whole := wholeOf(t, path)
	want, err := whole.Earned(from, at, &rate)
	if err != nil {
		t.Fatal(err)
	}
	var payments int
	for _, row := range want.Rows {
		payments += row.Payments
	}
	if want.Collected <= 0 || payments == 0 || want.Value == nil || want.Gained == nil {
		t.Fatalf("the demo's collection: %+v", want)
	}
	if err := whole.Close(); err != nil {
		t.Fatal(err)
	}
	part, err := desk.OpenReadFor(path, at, desk.OpeningReach())
	if err != nil {
		t.Fatal(err)
	}
	defer part.Close()
	if !part.Partial {
		t.Fatal("not a partial read")
	}
	got, err := part.Earned(from, at, &rate)
	if err != nil {
		t.Fatal(err)
	}
	g, _ := json.Marshal(got)
	w, _ := json.Marshal(want)
	if string(g) != string(w) {
		t.Errorf("partial session\n got %s\nwant %s", g, w)
	}
}
