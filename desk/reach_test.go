package desk_test

import (
	"encoding/json"
	"testing"

	"relance/desk"
	"relance/ledger"
)

// reachOutput is what the KPIs (months month ends), the risk classes with their reasons
// and the agenda with its dry run give at asOf from the session s, as JSON.
func reachOutput(t *testing.T, s *desk.Session, asOf ledger.Date, r desk.Reach) string {
	t.Helper()
	var parts []any
	if r.KPIMonths > 0 {
		d, err := s.Dashboard(asOf, r.KPIMonths, r.KPIDays)
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, d.History, d.Aged, d.Top)
	}
	if r.Risk {
		res, _, err := s.Risk(asOf, true)
		if err != nil {
			t.Fatal(err)
		}
		ag, err := s.Agenda(asOf, true, nil)
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, res.Assessments, res.TotalSales, ag.Agenda, ag.Legal)
	}
	b, err := json.Marshal(parts)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// sameReach checks that OpenReadFor gives the figures of the whole book: the dashboard
// (1 and 24 month ends), the risk classes and the agenda, at dates on or after the
// exactness date (from part of the history: fewer items read for the dashboard) and
// before it (the whole book, Partial false).
func sameReach(t *testing.T, name, path string) {
	t.Helper()
	exact, full := wholeBook(t, path)
	defer full.Close()
	reaches := []desk.Reach{{KPIMonths: 1, KPIDays: 90}, {KPIMonths: 2, KPIDays: 30}, {KPIMonths: 24, KPIDays: 90}, {Risk: true}}
	for _, c := range []struct {
		at      ledger.Date
		partial bool
	}{{exact, true}, {exact.AddDays(1), true}, {exact.AddDays(45), true}, {exact.AddDays(400), true}, {exact.AddDays(-20), false}} {
		for _, r := range reaches {
			s, err := desk.OpenReadFor(path, c.at, r)
			if err != nil {
				t.Fatal(err)
			}
			if s.Partial != c.partial {
				t.Errorf("%s at %s (exact from %s): Partial %v", name, c.at, exact, s.Partial)
			}
			if c.at == exact && r.KPIMonths == 1 && s.Book.ItemCount() >= full.Book.ItemCount() {
				t.Errorf("%s at %s: the dashboard read %d items of %d", name, c.at, s.Book.ItemCount(), full.Book.ItemCount())
			}
			if got, want := reachOutput(t, s, c.at, r), reachOutput(t, full, c.at, r); got != want {
				t.Errorf("%s at %s, %+v: the figures differ from the whole book's\n got %.300s\nwant %.300s", name, c.at, r, diffAt(got, want), diffAt(want, got))
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// diffAt returns a from a little before its first difference with b.
func diffAt(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return a[max(0, i-120):]
}
