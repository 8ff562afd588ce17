package law

import (
	"testing"

	"relance/ledger"
)

func TestDeadline(t *testing.T) {
	asOf := day("2026-11-23")
	cases := []struct {
		name     string
		due      string
		kind     ledger.CustomerKind
		ints     []Interruption
		deadline string
		level    Level
		rule     string
	}{
		{"business 5 years, ok", "2024-01-15", ledger.Business, nil, "2029-01-15", LevelOK, "C. com. L110-4"},
		{"business expired", "2021-06-30", ledger.Business, nil, "2026-06-30", LevelExpired, "C. com. L110-4"},
		{"business warn3", "2022-01-31", ledger.Business, nil, "2027-01-31", LevelWarn3, "C. com. L110-4"},
		{"business warn6", "2022-04-30", ledger.Business, nil, "2027-04-30", LevelWarn6, "C. com. L110-4"},
		{"consumer 2 years, warn6", "2025-03-01", ledger.Consumer, nil, "2027-03-01", LevelWarn6, "C. consom. L218-2"},
		{"consumer expired where a business is not", "2024-06-01", ledger.Consumer, nil, "2026-06-01", LevelExpired, "C. consom. L218-2"},
		{"business same date ok", "2024-06-01", ledger.Business, nil, "2029-06-01", LevelOK, "C. com. L110-4"},
		{"restarted by an acknowledgement", "2021-06-30", ledger.Business,
			[]Interruption{{Acknowledgement, day("2025-02-10")}}, "2030-02-10", LevelOK, "C. com. L110-4"},
		{"consumer restarted by injunction served", "2024-06-01", ledger.Consumer,
			[]Interruption{{InjunctionServed, day("2025-01-20")}}, "2027-01-20", LevelWarn3, "C. consom. L218-2"},
		{"latest interruption wins, future ignored", "2020-01-10", ledger.Business,
			[]Interruption{{PaymentPlan, day("2023-05-01")}, {LegalAction, day("2022-01-01")}, {Enforcement, day("2027-01-01")}},
			"2028-05-01", LevelOK, "C. com. L110-4"},
		{"written claim does not interrupt a business", "2021-06-30", ledger.Business,
			[]Interruption{{WrittenClaim, day("2025-01-01")}}, "2026-06-30", LevelExpired, "C. com. L110-4"},
		{"public: 4 years from 1 January following", "2022-03-15", ledger.PublicBody, nil, "2026-12-31", LevelWarn3, "loi 68-1250 art. 1"},
		{"public restarted by a written claim", "2022-03-15", ledger.PublicBody,
			[]Interruption{{WrittenClaim, day("2024-10-01")}}, "2028-12-31", LevelOK, "loi 68-1250 art. 1"},
	}
	for _, c := range cases {
		item := ledger.Item{DueDate: day(c.due), Amount: 100, Open: 100}
		st := Deadline(&item, c.kind, c.ints, asOf)
		if st.Deadline.String() != c.deadline || st.Level != c.level || st.Rule != c.rule ||
			st.DaysLeft != st.Deadline.DaysSince(asOf) || len(st.Reason) < 2 {
			t.Errorf("%s: %s %s %s (%d days), want %s %s %s", c.name, st.Deadline, st.Level, st.Rule, st.DaysLeft,
				c.deadline, c.level, c.rule)
		}
		for _, n := range st.Reason {
			if txt := n.Text("fr"); txt == n.Key {
				t.Errorf("%s: note %s has no text", c.name, n.Key)
			}
		}
	}
	// A completion date replaces the due date as the starting point.
	st := ClaimDeadline(Claim{Due: day("2024-01-15"), Completion: day("2023-11-30")}, ledger.Business, nil, asOf)
	if st.Deadline.String() != "2028-11-30" || st.Reason[1].Key != "law.limit.from_completion" {
		t.Errorf("completion: %+v", st)
	}
	if st := Deadline(&ledger.Item{}, ledger.Business, nil, asOf); st.Level != LevelUnknown {
		t.Errorf("no date: %+v", st)
	}
	// Boundaries: the deadline day itself is warn3, the day after is expired.
	item := ledger.Item{DueDate: day("2021-11-23")}
	if st := Deadline(&item, ledger.Business, nil, asOf); st.Level != LevelWarn3 || st.DaysLeft != 0 {
		t.Errorf("deadline day: %+v", st)
	}
	item.DueDate = day("2021-11-22")
	if st := Deadline(&item, ledger.Business, nil, asOf); st.Level != LevelExpired || st.DaysLeft != -1 {
		t.Errorf("day after: %+v", st)
	}
	if LevelExpired.Urgency() >= LevelWarn3.Urgency() || LevelWarn6.Urgency() >= LevelOK.Urgency() {
		t.Error("urgency order")
	}
}
