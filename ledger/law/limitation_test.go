package law

import (
	"regexp"
	"strings"
	"testing"

	"relance/ledger"
)

// iso finds an ISO date in a text meant for a French reader.
var iso = regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b`)

func TestDeadline(t *testing.T) {
	asOf := day("2026-11-23")
	in := func(k InterruptionKind, d string) Interruption { return Interruption{Kind: k, Date: day(d)} }
	ended := func(k InterruptionKind, d, end string) Interruption {
		return Interruption{Kind: k, Date: day(d), End: day(end)}
	}
	cases := []struct {
		name     string
		doc, due string
		kind     ledger.CustomerKind
		ints     []Interruption
		deadline string // "" when suspended
		level    Level
		rule     string
		start    string
		counted  int      // interruptions counted
		notes    []string // keys of notes that must be there
	}{
		// C. com. L110-4: five years between traders, from the due date.
		{"business 5 years, ok", "", "2024-01-15", ledger.Business, nil, "2029-01-15", LevelOK, "C. com. L110-4", "2024-01-15", 0, nil},
		{"business expired", "", "2021-06-30", ledger.Business, nil, "2026-06-30", LevelExpired, "C. com. L110-4", "2021-06-30", 0, nil},
		{"business warn3", "", "2022-01-31", ledger.Business, nil, "2027-01-31", LevelWarn3, "C. com. L110-4", "2022-01-31", 0, nil},
		{"business warn6", "", "2022-04-30", ledger.Business, nil, "2027-04-30", LevelWarn6, "C. com. L110-4", "2022-04-30", 0, nil},
		{"business counts from the due date, not the invoice", "2021-12-10", "2022-01-09", ledger.Business, nil,
			"2027-01-09", LevelWarn3, "C. com. L110-4", "2022-01-09", 0, []string{"law.limit.from_due"}},
		{"no due date: the document date", "2022-02-01", "", ledger.Business, nil,
			"2027-02-01", LevelWarn3, "C. com. L110-4", "2022-02-01", 0, []string{"limitation.from_invoice"}},
		// C. consom. L218-2: two years against a consumer.
		{"consumer 2 years, warn6", "", "2025-03-01", ledger.Consumer, nil, "2027-03-01", LevelWarn6, "C. consom. L218-2", "2025-03-01", 0, nil},
		{"consumer expired where a business is not", "", "2024-06-01", ledger.Consumer, nil, "2026-06-01", LevelExpired, "C. consom. L218-2", "2024-06-01", 0, nil},
		{"business same date ok", "", "2024-06-01", ledger.Business, nil, "2029-06-01", LevelOK, "C. com. L110-4", "2024-06-01", 0, nil},
		// C. civ. 2240: acknowledgement, signed plan, payment on account.
		{"restarted by an acknowledgement", "", "2021-06-30", ledger.Business,
			[]Interruption{in(Acknowledgement, "2025-02-10")}, "2030-02-10", LevelOK, "C. com. L110-4", "2025-02-10", 1,
			[]string{"limitation.restart"}},
		{"consumer: payment on account acknowledges the debt", "", "2024-06-01", ledger.Consumer,
			[]Interruption{in(PartPayment, "2025-05-15")}, "2027-05-15", LevelWarn6, "C. consom. L218-2", "2025-05-15", 1, nil},
		{"an acknowledgement after the deadline does not revive the claim", "", "2024-09-01", ledger.Consumer,
			[]Interruption{in(Acknowledgement, "2026-10-01")}, "2026-09-01", LevelExpired, "C. consom. L218-2", "2024-09-01", 0,
			[]string{"limitation.ignored.too_late"}},
		// C. civ. 2241: service of an injonction de payer.
		{"consumer restarted by injunction served", "", "2024-06-01", ledger.Consumer,
			[]Interruption{in(InjunctionServed, "2025-01-20")}, "2027-01-20", LevelWarn3, "C. consom. L218-2", "2025-01-20", 1, nil},
		// C. civ. 2241-2242: a claim in court interrupts until the proceedings end.
		{"proceedings going on: no deadline runs", "", "2021-03-01", ledger.Business,
			[]Interruption{in(LegalAction, "2025-05-01")}, "", LevelSuspended, "C. com. L110-4", "2021-03-01", 1,
			[]string{"limitation.proceedings.ongoing"}},
		{"proceedings ended after the old deadline: a new period from their end", "", "2021-03-01", ledger.Business,
			[]Interruption{ended(LegalAction, "2025-05-01", "2026-06-30")}, "2031-06-30", LevelOK, "C. com. L110-4", "2026-06-30", 1,
			[]string{"limitation.proceedings.ended"}},
		{"an enforcement act during the proceedings adds nothing", "", "2021-03-01", ledger.Business,
			[]Interruption{in(Enforcement, "2024-05-01"), ended(LegalAction, "2023-01-10", "2025-06-30")},
			"2030-06-30", LevelOK, "C. com. L110-4", "2025-06-30", 2, []string{"limitation.within"}},
		{"latest interruption wins, future ignored", "", "2020-01-10", ledger.Business,
			[]Interruption{in(PaymentPlan, "2023-05-01"), ended(LegalAction, "2022-01-01", "2022-06-30"), in(Enforcement, "2027-01-01")},
			"2028-05-01", LevelOK, "C. com. L110-4", "2023-05-01", 2, nil},
		// C. civ. 2244: enforcement measure.
		{"consumer restarted by an enforcement measure", "", "2024-03-01", ledger.Consumer,
			[]Interruption{in(Enforcement, "2025-11-15")}, "2027-11-15", LevelOK, "C. consom. L218-2", "2025-11-15", 1, nil},
		// C. civ. 2238: mediation suspends; the rest runs again, six months at least.
		{"mediation: the 91 days left run again from its end", "", "2021-12-01", ledger.Business,
			[]Interruption{ended(Mediation, "2024-01-10", "2024-04-10")}, "2027-03-02", LevelWarn6, "C. com. L110-4", "2021-12-01", 1,
			[]string{"limitation.mediation.ended"}},
		{"mediation near the deadline: six months at least after its end", "", "2021-12-01", ledger.Business,
			[]Interruption{ended(Mediation, "2026-09-01", "2026-11-10")}, "2027-05-10", LevelWarn6, "C. com. L110-4", "2021-12-01", 1, nil},
		{"mediation going on: suspended", "", "2021-12-01", ledger.Business,
			[]Interruption{in(Mediation, "2026-09-01")}, "", LevelSuspended, "C. com. L110-4", "2021-12-01", 1,
			[]string{"limitation.mediation.ongoing"}},
		// A reminder or formal notice does not interrupt against a private debtor.
		{"written claim does not interrupt a business", "", "2021-06-30", ledger.Business,
			[]Interruption{in(WrittenClaim, "2025-01-01")}, "2026-06-30", LevelExpired, "C. com. L110-4", "2021-06-30", 0,
			[]string{"limitation.ignored.written_claim"}},
		{"a letter from an administration means nothing for a consumer", "", "2025-03-01", ledger.Consumer,
			[]Interruption{in(AdminLetter, "2025-06-01")}, "2027-03-01", LevelWarn6, "C. consom. L218-2", "2025-03-01", 0,
			[]string{"limitation.ignored.public_only"}},

		// Loi 68-1250 art. 1: four years from 1 January of the year after the right was
		// acquired — the invoice's year, not the due date's.
		{"public: invoice of December, due in January, counts from the invoice's year", "2021-12-10", "2022-01-09", ledger.PublicBody,
			nil, "2025-12-31", LevelExpired, "loi 68-1250 art. 1", "2022-01-01", 0, []string{"limitation.public.from_invoice"}},
		{"public: 4 years from 1 January following", "2022-03-15", "2022-04-14", ledger.PublicBody, nil,
			"2026-12-31", LevelWarn3, "loi 68-1250 art. 1", "2023-01-01", 0, nil},
		{"public: no invoice date, the due date's year", "", "2022-03-15", ledger.PublicBody, nil,
			"2026-12-31", LevelWarn3, "loi 68-1250 art. 1", "2023-01-01", 0, []string{"limitation.public.from_due"}},
		// Loi 68-1250 art. 2: a written claim (a reminder, a formal notice) interrupts; a
		// new period runs from 1 January of the year after.
		{"public: a reminder restarts four years from the next 1 January", "2021-12-10", "2022-01-09", ledger.PublicBody,
			[]Interruption{in(WrittenClaim, "2025-06-12")}, "2029-12-31", LevelOK, "loi 68-1250 art. 1", "2026-01-01", 1,
			[]string{"limitation.restart_public"}},
		{"public: a formal notice on 31 December interrupts for a year more", "2021-12-10", "2022-01-09", ledger.PublicBody,
			[]Interruption{in(WrittenClaim, "2025-12-31")}, "2029-12-31", LevelOK, "loi 68-1250 art. 1", "2026-01-01", 1, nil},
		{"public: a letter after the deadline is too late", "2021-12-10", "2022-01-09", ledger.PublicBody,
			[]Interruption{in(WrittenClaim, "2026-01-05")}, "2025-12-31", LevelExpired, "loi 68-1250 art. 1", "2022-01-01", 0,
			[]string{"limitation.ignored.too_late"}},
		{"public restarted by a written claim", "", "2022-03-15", ledger.PublicBody,
			[]Interruption{in(WrittenClaim, "2024-10-01")}, "2028-12-31", LevelOK, "loi 68-1250 art. 1", "2025-01-01", 1, nil},
		{"public: two reminders, the latest counts", "2021-05-01", "2021-05-31", ledger.PublicBody,
			[]Interruption{in(WrittenClaim, "2025-03-01"), in(WrittenClaim, "2023-02-01")}, "2029-12-31", LevelOK, "loi 68-1250 art. 1", "2026-01-01", 2, nil},
		{"public: a letter from the administration about the debt", "2021-05-01", "2021-05-31", ledger.PublicBody,
			[]Interruption{in(AdminLetter, "2023-02-01")}, "2027-12-31", LevelOK, "loi 68-1250 art. 1", "2024-01-01", 1, nil},
		{"public: a payment on account", "2021-05-01", "2021-05-31", ledger.PublicBody,
			[]Interruption{in(PartPayment, "2024-03-01")}, "2028-12-31", LevelOK, "loi 68-1250 art. 1", "2025-01-01", 1, nil},
		{"public: no enforcement against a public body", "2022-02-01", "2022-03-03", ledger.PublicBody,
			[]Interruption{in(Enforcement, "2024-01-01")}, "2026-12-31", LevelWarn3, "loi 68-1250 art. 1", "2023-01-01", 0,
			[]string{"limitation.ignored.public_enforcement"}},
		{"public: court proceedings going on", "2021-05-01", "2021-05-31", ledger.PublicBody,
			[]Interruption{in(LegalAction, "2024-02-01")}, "", LevelSuspended, "loi 68-1250 art. 1", "2022-01-01", 1, nil},
		{"public: four years from 1 January after the final decision", "2021-05-01", "2021-05-31", ledger.PublicBody,
			[]Interruption{ended(LegalAction, "2024-02-01", "2025-09-30")}, "2029-12-31", LevelOK, "loi 68-1250 art. 1", "2026-01-01", 1,
			[]string{"limitation.proceedings.ended_public"}},
		// Loi 68-1250 art. 2-1: a mediation suspends for six months at most.
		{"public: a 59-day mediation", "2022-03-01", "2022-03-31", ledger.PublicBody,
			[]Interruption{ended(Mediation, "2026-01-10", "2026-03-10")}, "2027-02-28", LevelWarn6, "loi 68-1250 art. 1", "2023-01-01", 1,
			[]string{"limitation.mediation.ended_public"}},
		{"public: a nine-month mediation suspends six months", "2022-03-01", "2022-03-31", ledger.PublicBody,
			[]Interruption{ended(Mediation, "2026-01-10", "2026-10-10")}, "2027-06-30", LevelOK, "loi 68-1250 art. 1", "2023-01-01", 1, nil},
		{"public: a mediation still going on after six months", "2022-03-01", "2022-03-31", ledger.PublicBody,
			[]Interruption{in(Mediation, "2026-01-10")}, "2027-06-30", LevelOK, "loi 68-1250 art. 1", "2023-01-01", 1,
			[]string{"limitation.mediation.capped"}},
		{"public: a mediation of two months going on", "2022-03-01", "2022-03-31", ledger.PublicBody,
			[]Interruption{in(Mediation, "2026-09-20")}, "", LevelSuspended, "loi 68-1250 art. 1", "2023-01-01", 1, nil},
	}
	opt := func(s string) ledger.Date {
		if s == "" {
			return ledger.NoDate
		}
		return day(s)
	}
	for _, c := range cases {
		item := ledger.Item{DocDate: opt(c.doc), DueDate: opt(c.due), Amount: 100, Open: 100}
		st := Deadline(&item, c.kind, c.ints, asOf)
		if st.Deadline.String() != c.deadline || st.Level != c.level || st.Rule != c.rule || st.Start.String() != c.start ||
			len(st.Interruptions) != c.counted || len(st.Reason) < 2 {
			t.Errorf("%s: %s %s %s from %s, %d counted; want %s %s %s from %s, %d", c.name, st.Deadline, st.Level, st.Rule,
				st.Start, len(st.Interruptions), c.deadline, c.level, c.rule, c.start, c.counted)
		}
		if st.Deadline.Valid() && st.DaysLeft != st.Deadline.DaysSince(asOf) || !st.Deadline.Valid() && st.DaysLeft != 0 {
			t.Errorf("%s: %d days left to %s", c.name, st.DaysLeft, st.Deadline)
		}
		keys := map[string]bool{}
		for _, n := range st.Reason {
			keys[n.Key] = true
		}
		for _, k := range c.notes {
			if !keys[k] {
				t.Errorf("%s: no note %s in %v", c.name, k, st.Reason)
			}
		}
		for _, lang := range []string{"fr", "en"} {
			for i, txt := range st.ReasonText(lang) {
				if txt == st.Reason[i].Key || strings.Contains(txt, "{") || strings.Contains(txt, "limitation.kind") {
					t.Errorf("%s: note %s in %s: %q", c.name, st.Reason[i].Key, lang, txt)
				}
				if lang == "fr" && iso.MatchString(txt) {
					t.Errorf("%s: ISO date in French: %q", c.name, txt)
				}
			}
		}
	}
}

// The counted acts and the notes, as relance deadlines shows them.
func TestDeadlineReasons(t *testing.T) {
	asOf := day("2026-11-23")
	item := ledger.Item{DocDate: day("2021-12-10"), DueDate: day("2022-01-09")}
	st := Deadline(&item, ledger.PublicBody, []Interruption{{Kind: WrittenClaim, Date: day("2025-06-12")},
		{Kind: WrittenClaim, Date: day("2027-01-01")}}, asOf)
	if len(st.Interruptions) != 1 || st.Interruptions[0].Kind != WrittenClaim || st.Interruptions[0].Date != day("2025-06-12") {
		t.Errorf("counted %+v", st.Interruptions)
	}
	fr := strings.Join(st.ReasonText("fr"), "\n")
	for _, want := range []string{"loi 68-1250 art. 1", "facture du 10/12/2021", "1er janvier 2022", "Le 12/06/2025, réclamation écrite (loi 68-1250 art. 2)",
		"1er janvier 2026"} {
		if !strings.Contains(fr, want) {
			t.Errorf("French notes lack %q:\n%s", want, fr)
		}
	}
	en := strings.Join(st.ReasonText("en"), "\n")
	if !strings.Contains(en, "On 2025-06-12, written claim (loi 68-1250 art. 2)") || !strings.Contains(en, "1 January 2026") {
		t.Errorf("English notes:\n%s", en)
	}
	if WrittenClaim.Text("fr") != "réclamation écrite" || Mediation.Text("en") != "mediation" {
		t.Error("kind texts")
	}
	for _, k := range InterruptionKinds {
		if k.Text("fr") == "limitation.kind."+string(k) || k.Text("en") == "limitation.kind."+string(k) {
			t.Errorf("kind %s has no text", k)
		}
	}
}

func TestDeadlineEdges(t *testing.T) {
	asOf := day("2026-11-23")
	// A completion date replaces the due date as the starting point.
	st := ClaimDeadline(Claim{Due: day("2024-01-15"), Completion: day("2023-11-30")}, ledger.Business, nil, asOf)
	if st.Deadline.String() != "2028-11-30" || st.Reason[1].Key != "law.limit.from_completion" {
		t.Errorf("completion: %+v", st)
	}
	// Against a public body, the year of the service done (completion), not the invoice's.
	st = ClaimDeadline(Claim{Due: day("2023-02-19"), Invoice: day("2023-01-20"), Completion: day("2022-12-15")}, ledger.PublicBody, nil, asOf)
	if st.Deadline.String() != "2026-12-31" || st.Start.String() != "2023-01-01" || st.Reason[1].Key != "limitation.public.from_completion" {
		t.Errorf("public completion: %+v", st)
	}
	if st := Deadline(&ledger.Item{}, ledger.Business, nil, asOf); st.Level != LevelUnknown || st.Deadline.Valid() {
		t.Errorf("no date: %+v", st)
	}
	// An act before the start is ignored.
	item := ledger.Item{DueDate: day("2021-06-30")}
	if st := Deadline(&item, ledger.Business, []Interruption{{Kind: Acknowledgement, Date: day("2021-06-01")}}, asOf); st.Deadline.String() != "2026-06-30" ||
		len(st.Interruptions) != 0 {
		t.Errorf("act before the start: %+v", st)
	}
	// Boundaries: the deadline day itself is warn3, the day after is expired.
	item = ledger.Item{DueDate: day("2021-11-23")}
	if st := Deadline(&item, ledger.Business, nil, asOf); st.Level != LevelWarn3 || st.DaysLeft != 0 {
		t.Errorf("deadline day: %+v", st)
	}
	item.DueDate = day("2021-11-22")
	if st := Deadline(&item, ledger.Business, nil, asOf); st.Level != LevelExpired || st.DaysLeft != -1 {
		t.Errorf("day after: %+v", st)
	}
	// Public body: 31 December is the last day, 1 January too late.
	item = ledger.Item{DocDate: day("2021-03-01"), DueDate: day("2021-03-31")}
	if st := Deadline(&item, ledger.PublicBody, nil, day("2025-12-31")); st.Level != LevelWarn3 || st.DaysLeft != 0 {
		t.Errorf("public last day: %+v", st)
	}
	if st := Deadline(&item, ledger.PublicBody, nil, day("2026-01-01")); st.Level != LevelExpired {
		t.Errorf("public day after: %+v", st)
	}
	// A mediation whose end precedes its start (a typing slip) is a one-day mediation.
	item = ledger.Item{DueDate: day("2021-12-01")}
	if st := Deadline(&item, ledger.Business, []Interruption{{Kind: Mediation, Date: day("2026-09-01"), End: day("2026-08-01")}}, asOf); st.Deadline.String() != "2027-03-01" {
		t.Errorf("mediation ending before it starts: %+v", st)
	}
	if LevelExpired.Urgency() >= LevelWarn3.Urgency() || LevelWarn6.Urgency() >= LevelOK.Urgency() ||
		LevelOK.Urgency() >= LevelSuspended.Urgency() || LevelSuspended.Urgency() >= LevelUnknown.Urgency() {
		t.Error("urgency order")
	}
}
