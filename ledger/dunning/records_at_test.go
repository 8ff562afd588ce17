package dunning

import (
	"testing"

	"relance/ledger"
)

// A list as of a past date holds only what was promised or agreed by then.
func TestRecordsAt(t *testing.T) {
	d := ledger.NewDate
	r := Records{
		Promises: []Promise{{ID: "P1", Made: d(2026, 3, 1)}, {ID: "P2", Made: d(2026, 6, 1)}},
		Plans:    []Plan{{ID: "E1", Agreed: d(2026, 5, 31)}, {ID: "E2", Agreed: d(2026, 6, 2)}},
	}
	if got := r.PromisesAt(d(2026, 6, 1)); len(got) != 2 {
		t.Errorf("promises on the day made: %v", got)
	}
	if got := r.PromisesAt(d(2026, 5, 31)); len(got) != 1 || got[0].ID != "P1" {
		t.Errorf("promises before P2 was made: %v", got)
	}
	if got := r.PlansAt(d(2026, 6, 1)); len(got) != 1 || got[0].ID != "E1" {
		t.Errorf("plans: %v", got)
	}
	if got := r.PromisesAt(d(2025, 1, 1)); got == nil || len(got) != 0 {
		t.Errorf("nothing yet, as an empty list: %#v", got)
	}
}
