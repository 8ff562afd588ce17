package desk_test

import (
	"slices"
	"testing"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/dunning"
)

// noClass leaves every customer in the default class: the records are what these
// tests read, not the risk.
func noClass(string) string { return "" }

// agendaAt draws up the agenda of s at date.
func agendaAt(t *testing.T, s *desk.Session, date ledger.Date) *desk.Agenda {
	t.Helper()
	ag, err := s.Agenda(date, false, noClass)
	if err != nil {
		t.Fatal(err)
	}
	return ag
}

// callEntries returns the agenda's calls at anchor: at least two are needed.
func callEntries(t *testing.T, s *desk.Session) []dunning.Entry {
	t.Helper()
	var out []dunning.Entry
	for _, e := range agendaAt(t, s, anchor).Entries {
		if e.Channel == dunning.ChanCall {
			out = append(out, e)
		}
	}
	if len(out) < 2 {
		t.Fatalf("%d calls in the demo's agenda", len(out))
	}
	return out
}

// An outcome's records (the action done, the promise, the planned confirmation) are
// written together and numbered; one refused record writes none of them.
func TestRecordOutcome(t *testing.T) {
	s := openDemo(t)
	calls := callEntries(t, s)
	promise := func(e dunning.Entry) dunning.Effects {
		eff, err := dunning.Record(e, s.Book.Account(e.Customer), dunning.Outcome{Kind: dunning.OutcomePromise, Date: anchor,
			By: "test", Amount: e.Amount, PayBy: anchor.AddDays(7)})
		if err != nil {
			t.Fatal(err)
		}
		return eff
	}
	rev := revision(t, s)
	bad := promise(calls[1])
	bad.Actions = append(bad.Actions, dunning.Action{Customer: "NOPE", Kind: dunning.KindNote, Date: anchor, By: "test"})
	refused(t, s, "an action for an unknown customer", s.RecordOutcome(&bad), "dunning.err.unknown_customer", rev)

	eff := promise(calls[0])
	if err := s.RecordOutcome(&eff); err != nil {
		t.Fatal(err)
	}
	written(t, s, "outcome", rev)
	if eff.Promise == nil || eff.Promise.ID == "" || eff.Actions[0].Record != eff.Promise.ID {
		t.Fatalf("IDs not written back: %+v", eff)
	}
	rec := agendaAt(t, s, anchor).Records
	if !slices.ContainsFunc(rec.Promises, func(p dunning.Promise) bool { return p.ID == eff.Promise.ID }) {
		t.Error("the promise is not recorded")
	}
	for _, a := range eff.Actions {
		if a.ID == "" || !slices.ContainsFunc(rec.Actions, func(x dunning.Action) bool { return x.ID == a.ID }) {
			t.Errorf("action %+v not recorded", a)
		}
	}
	if slices.ContainsFunc(rec.Promises, func(p dunning.Promise) bool { return p.Customer == calls[1].Customer && p.Made == anchor }) {
		t.Error("the refused outcome's promise was recorded")
	}
}

// A reschedule's actions are written together; recording them again (they now have
// IDs) or with an item the customer does not have is refused and writes nothing.
func TestReschedule(t *testing.T) {
	s := openDemo(t)
	e := callEntries(t, s)[0]
	acts, err := dunning.Reschedule(e, anchor.AddDays(5), "Paul", "test", anchor)
	if err != nil {
		t.Fatal(err)
	}
	rev := revision(t, s)
	bad := slices.Clone(acts)
	bad[0].Items = append(slices.Clone(bad[0].Items), "NO-SUCH-ITEM")
	refused(t, s, "unknown item", s.Reschedule(bad), "dunning.err.unknown_item", rev)
	if err := s.Reschedule(acts); err != nil {
		t.Fatal(err)
	}
	written(t, s, "reschedule", rev)
	rec := agendaAt(t, s, anchor).Records
	if acts[0].ID == "" || !slices.ContainsFunc(rec.Actions, func(a dunning.Action) bool {
		return a.ID == acts[0].ID && a.Status == dunning.ActionPlanned && a.Date == anchor.AddDays(5) && a.Assignee == "Paul"
	}) {
		t.Errorf("rescheduled action %+v not recorded", acts[0])
	}
	rev = revision(t, s)
	refused(t, s, "recording the same actions again", s.Reschedule(acts), "dunning.err.action_rewrite", rev)
}

// The statuses an agenda finds stale are recorded together, after which the agenda
// at that date finds none; an unknown promise among them writes nothing.
func TestRecordPromiseStatuses(t *testing.T) {
	s := openDemo(t)
	later := anchor.AddDays(40)
	ag := agendaAt(t, s, later)
	if len(ag.Promises) == 0 {
		t.Fatal("no promise broken 40 days after the demo's date")
	}
	rev := revision(t, s)
	if err := s.RecordPromiseStatuses(dunning.Agenda{}); err != nil {
		t.Fatal(err)
	}
	if after := revision(t, s); after != rev {
		t.Error("nothing to record but something written")
	}
	bad := ag.Agenda
	ghost := ag.Promises[0]
	ghost.ID = "P2099-9999"
	bad.Promises = append(slices.Clone(ag.Promises), ghost)
	refused(t, s, "unknown promise", s.RecordPromiseStatuses(bad), "dunning.err.promise_unknown", rev)

	if err := s.RecordPromiseStatuses(ag.Agenda); err != nil {
		t.Fatal(err)
	}
	written(t, s, "statuses", rev)
	after := agendaAt(t, s, later)
	if len(after.Promises)+len(after.Plans) != 0 {
		t.Errorf("still stale after recording: %d promises, %d plans", len(after.Promises), len(after.Plans))
	}
	for _, p := range ag.Promises {
		i := slices.IndexFunc(after.Records.Promises, func(x dunning.Promise) bool { return x.ID == p.ID })
		if i < 0 || after.Records.Promises[i].Status != p.Status {
			t.Errorf("promise %s: status not recorded", p.ID)
		}
	}
}

// A payment plan is recorded with its agreement and its letter to send, together;
// an unknown customer is refused and the plan keeps no ID.
func TestAgreePlan(t *testing.T) {
	s := openDemo(t)
	acc, _ := undisputedOverdue(t, s)
	total := acc.Overdue(anchor)
	p := dunning.Plan{Customer: "NOPE", Agreed: anchor, Total: total, Instalments: dunning.SplitPlan(total, 3, anchor.AddDays(30)),
		Acceleration: true, Status: dunning.PlanActive, By: "test"}
	rev := revision(t, s)
	refused(t, s, "unknown customer", s.AgreePlan(&p), "dunning.err.unknown_customer", rev)
	if p.ID != "" {
		t.Errorf("refused plan numbered %s", p.ID)
	}
	p.Customer = acc.Customer.ID
	if err := s.AgreePlan(&p); err != nil {
		t.Fatal(err)
	}
	written(t, s, "plan", rev)
	rec := agendaAt(t, s, anchor).Records
	if p.ID == "" || !slices.ContainsFunc(rec.Plans, func(x dunning.Plan) bool { return x.ID == p.ID }) {
		t.Fatalf("plan %q not recorded", p.ID)
	}
	agreed := slices.ContainsFunc(rec.Actions, func(a dunning.Action) bool {
		return a.Customer == p.Customer && a.Kind == dunning.KindPlan && a.Record == p.ID && a.Amount == total
	})
	letter := slices.ContainsFunc(rec.Actions, func(a dunning.Action) bool {
		return a.Customer == p.Customer && a.Stage == "plan" && a.Status == dunning.ActionPlanned && a.Date == anchor
	})
	if !agreed || !letter {
		t.Errorf("agreement recorded %v, letter planned %v", agreed, letter)
	}
}

// A class's scenario is saved and reset in one transaction each; an empty one is
// refused.
func TestSaveAndResetScenario(t *testing.T) {
	s := openDemo(t)
	sc := agendaAt(t, s, anchor).Scenarios.For(dunning.DefaultClass)
	rev := revision(t, s)
	refused(t, s, "empty scenario", s.SaveScenario(dunning.Scenario{Class: sc.Class}), "dunning.err.scenario_empty", rev)
	sc.Steps = slices.Clone(sc.Steps)
	sc.Steps[0].MinAmount = 12345
	if err := s.SaveScenario(sc); err != nil {
		t.Fatal(err)
	}
	written(t, s, "scenario", rev)
	if got := agendaAt(t, s, anchor).Scenarios.For(sc.Class).Steps[0].MinAmount; got != 12345 {
		t.Errorf("minimum amount %s after saving", got)
	}
	rev = revision(t, s)
	if err := s.ResetScenario(sc.Class); err != nil {
		t.Fatal(err)
	}
	written(t, s, "reset", rev)
	want := dunning.DefaultScenarios().For(sc.Class).Steps[0].MinAmount
	if got := agendaAt(t, s, anchor).Scenarios.For(sc.Class).Steps[0].MinAmount; got != want {
		t.Errorf("minimum amount %s after the reset, want the shipped %s", got, want)
	}
}
