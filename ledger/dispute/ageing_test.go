package dispute

import (
	"testing"
	"time"

	"relance/ledger"
)

func TestAgeing(t *testing.T) {
	asOf := ledger.NewDate(2026, time.March, 31)
	mk := func(daysAgo int, amt ledger.Cents, dueIn int) Dispute {
		d := New("C", []DisputedItem{{ItemID: "x", Amount: amt}}, ReasonPrice, asOf.AddDays(-daysAgo), "a", "S", asOf.AddDays(dueIn), "")
		return d
	}
	ds := []Dispute{mk(0, 100, 5), mk(15, 200, -1), mk(16, 300, 3), mk(61, 400, -30), mk(-3, 999, 10)}
	a := AgeingAt(ds, asOf)
	if a.Count != [4]int{2, 1, 0, 1} || a.Amount[0] != 300 || a.Amount[3] != 400 || a.Late != 2 {
		t.Errorf("%+v", a)
	}
	for days, want := range map[int]int{0: 0, 15: 0, 16: 1, 30: 1, 31: 2, 60: 2, 61: 3} {
		if AgeBand(days) != want {
			t.Errorf("AgeBand(%d) = %d", days, AgeBand(days))
		}
	}
}
