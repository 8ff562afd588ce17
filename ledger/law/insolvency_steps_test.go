package law

import (
	"encoding/json"
	"errors"
	"testing"

	"relance/ledger"
)

// followed is a redressement opened on 21 October 2026, published on 4 November 2026.
func followed() Procedure {
	return Procedure{ID: "J2026-0001", Customer: "C1", Kind: Redressement, Judgment: day("2026-10-21"), BODACC: day("2026-11-04"),
		Mandataire: "Me X", Administrator: "Me Y"}
}

// Each recorded event gives its steps, dated by hand from the articles.
func TestEventDeadlines(t *testing.T) {
	cases := []struct {
		name       string
		event      ProcEvent
		asOf       string
		want       map[ProcDeadlineKind]string
		unverified bool
	}{
		// C. com. L622-27: 30 days from the receipt of the mandataire's letter.
		{"contestation", ProcEvent{Kind: EventContestation, Date: day("2026-12-01")}, "2026-12-04",
			map[ProcDeadlineKind]string{DeadlineContestation: "2026-12-31"}, true},
		// C. com. R624-7: 10 days from the notification.
		{"decision", ProcEvent{Kind: EventDecision, Date: day("2027-03-25")}, "2027-03-26",
			map[ProcDeadlineKind]string{DeadlineAppeal: "2027-04-04"}, true},
		// C. com. R624-13: 1 month to acquiesce (31 January → 28 February), then 1 month
		// from the end of that month to seize the juge-commissaire (→ 28 March).
		{"revendication end of month", ProcEvent{Kind: EventRevendication, Date: day("2027-01-31")}, "2027-02-01",
			map[ProcDeadlineKind]string{DeadlineAcquiescence: "2027-02-28", DeadlineRevendication: "2027-03-28"}, false},
		{"revendication", ProcEvent{Kind: EventRevendication, Date: day("2026-12-03")}, "2026-12-04",
			map[ProcDeadlineKind]string{DeadlineAcquiescence: "2027-01-03", DeadlineRevendication: "2027-02-03"}, false},
		// C. com. L622-13 III 1°: 1 month from the receipt of the mise en demeure.
		{"contract", ProcEvent{Kind: EventContractNotice, Date: day("2026-12-02"), Subject: "bail"}, "2026-12-04",
			map[ProcDeadlineKind]string{DeadlineContract: "2027-01-02"}, false},
		// C. com. L622-17 IV: 1 year from the end of the observation period.
		{"observation end", ProcEvent{Kind: EventObservationEnd, Date: day("2027-04-30")}, "2027-05-02",
			map[ProcDeadlineKind]string{DeadlinePostOpening: "2028-04-30"}, true},
		{"observation end 29 February", ProcEvent{Kind: EventObservationEnd, Date: day("2028-02-29")}, "2028-03-01",
			map[ProcDeadlineKind]string{DeadlinePostOpening: "2029-02-28"}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := followed()
			p.Events = []ProcEvent{c.event}
			got := map[ProcDeadlineKind]ProcDeadline{}
			for _, d := range ProcedureDeadlines(p, day(c.asOf)) {
				got[d.Kind] = d
			}
			for k, want := range c.want {
				d, ok := got[k]
				switch {
				case !ok:
					t.Errorf("no %s step in %+v", k, got)
				case d.Date != day(want):
					t.Errorf("%s: %s, want %s", k, d.Date, want)
				case d.Unverified != c.unverified || d.From != c.event.Date || d.Subject != c.event.Subject:
					t.Errorf("%s: unverified %v from %s subject %q", k, d.Unverified, d.From, d.Subject)
				case d.DaysLeft != d.Date.DaysSince(day(c.asOf)) || d.Rule == "":
					t.Errorf("%s: %d days left, rule %q", k, d.DaysLeft, d.Rule)
				}
			}
		})
	}
}

// The relevé de forclusion: 6 months from the BODACC; once they have passed, the
// 1-year period of a creditor who could not know its claim is listed too.
func TestForclusionWindows(t *testing.T) {
	p := followed()
	if d := ForclusionDeadline(p, false); d != day("2027-05-04") {
		t.Errorf("6 months: %s", d)
	}
	if d := ForclusionDeadline(p, true); d != day("2027-11-04") {
		t.Errorf("1 year: %s", d)
	}
	has := func(asOf string) bool {
		for _, d := range ProcedureDeadlines(p, day(asOf)) {
			if d.Kind == DeadlineForclusionLong {
				return d.Date == day("2027-11-04")
			}
		}
		return false
	}
	if has("2027-05-04") || !has("2027-05-05") {
		t.Errorf("the 1-year step should appear the day after the 6 months end")
	}
}

// Events are checked: a known kind, a date from the judgment to today, the contract
// named, no observation period in a liquidation.
func TestValidateEvent(t *testing.T) {
	p := followed()
	asOf := day("2026-12-04")
	liq := p
	liq.Kind = Liquidation
	cases := []struct {
		name string
		p    Procedure
		e    ProcEvent
		key  string
	}{
		{"ok", p, ProcEvent{Kind: EventContestation, Date: day("2026-12-01")}, ""},
		{"judgment day", p, ProcEvent{Kind: EventDecision, Date: day("2026-10-21")}, ""},
		{"kind", p, ProcEvent{Kind: "appel", Date: day("2026-12-01")}, "insolv2.err.event"},
		{"no date", p, ProcEvent{Kind: EventDecision}, "insolv2.err.event"},
		{"before the judgment", p, ProcEvent{Kind: EventDecision, Date: day("2026-10-20")}, "insolv2.err.event_before"},
		{"future", p, ProcEvent{Kind: EventDecision, Date: day("2026-12-05")}, "insolv2.err.event_future"},
		{"contract unnamed", p, ProcEvent{Kind: EventContractNotice, Date: day("2026-12-01"), Subject: "  "}, "insolv2.err.event"},
		{"liquidation", liq, ProcEvent{Kind: EventObservationEnd, Date: day("2026-12-01")}, "insolv2.err.no_observation"},
	}
	for _, c := range cases {
		err := ValidateEvent(&c.p, c.e, asOf)
		var pb *ledger.Problem
		switch {
		case c.key == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.key != "" && (!errors.As(err, &pb) || pb.Key != c.key):
			t.Errorf("%s: %v, want %s", c.name, err, c.key)
		}
	}
	bad := p
	bad.Events = []ProcEvent{{Kind: EventDecision, Date: day("2026-01-01")}}
	if err := bad.Validate(); err == nil {
		t.Error("a procedure with an event before its judgment validates")
	}
	for in, want := range map[string]ProcEventKind{"contract-notice": EventContractNotice, "Observation-End": EventObservationEnd,
		"decision": EventDecision} {
		if k, ok := ParseProcEventKind(in); !ok || k != want {
			t.Errorf("ParseProcEventKind(%q) = %q %v", in, k, ok)
		}
	}
	if _, ok := ParseProcEventKind("appel"); ok {
		t.Error("unknown event parsed")
	}
}

// A procedure stored before events existed reads back without any; one with events
// keeps them; LastEvent picks the latest of a kind.
func TestProcedureEventsJSON(t *testing.T) {
	var old Procedure
	if err := json.Unmarshal([]byte(`{"id":"J2026-0001","customer":"C1","kind":"redressement","judgment":"2026-10-21",
		"bodacc":"2026-11-04","mandataire":"Me X","mandataire_address":{},"administrator_address":{}}`), &old); err != nil {
		t.Fatal(err)
	}
	if len(old.Events) != 0 || old.Validate() != nil || len(ProcedureDeadlines(old, day("2026-12-04"))) != 3 {
		t.Errorf("old procedure: %+v", old)
	}
	p := followed()
	p.Events = []ProcEvent{{Kind: EventObservationEnd, Date: day("2027-04-30")}, {Kind: EventObservationEnd, Date: day("2027-03-31")},
		{Kind: EventContractNotice, Date: day("2026-12-02"), Subject: "bail", By: "CM"}}
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	var back Procedure
	if err := json.Unmarshal(b, &back); err != nil || len(back.Events) != 3 || back.Events[2] != p.Events[2] {
		t.Fatalf("round trip: %+v %v", back, err)
	}
	if e, ok := LastEvent(back, EventObservationEnd); !ok || e.Date != day("2027-04-30") {
		t.Errorf("last observation end %+v %v", e, ok)
	}
	if _, ok := LastEvent(back, EventDecision); ok {
		t.Error("a decision found")
	}
}
