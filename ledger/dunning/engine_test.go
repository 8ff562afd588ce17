package dunning_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/dispute"
	"relance/ledger/dunning"
)

var jan1 = ledger.NewDate(2026, time.January, 1)

func day(n int) ledger.Date { return jan1.AddDays(n - 1) } // day(1) = 1 January

// book returns customer C1 with the given invoices (id, due day, amount in euros).
func book(inv ...any) *ledger.Book {
	a := &ledger.Account{Customer: ledger.Customer{ID: "C1", Name: "Dupont SARL"}}
	for i := 0; i+2 < len(inv)+1; i += 3 {
		id, due, eur := inv[i].(string), inv[i+1].(int), inv[i+2].(int)
		a.Items = append(a.Items, ledger.Item{ID: id, Customer: "C1", Kind: ledger.Invoice, Number: "FA-" + id,
			DocDate: day(due).AddDays(-30), DueDate: day(due), Amount: ledger.Cents(eur * 100), Open: ledger.Cents(eur * 100)})
	}
	return ledger.NewBook(ledger.DefaultSettings(), nil, []*ledger.Account{a})
}

type world struct {
	book     *ledger.Book
	rec      dunning.Records
	disputes []dispute.Dispute
	class    string
}

func (w *world) run(at ledger.Date) dunning.Agenda {
	return dunning.Run(dunning.Input{Book: w.book, AsOf: at, Records: w.rec, Disputes: dispute.NewIndex(w.disputes),
		Class: func(string) string { return w.class }, DryRun: true})
}

// do records every entry of the agenda at as done that day (calls: no answer would
// plan a callback; here they reach the customer, who refuses).
func (w *world) do(ag dunning.Agenda) {
	for _, e := range ag.Entries {
		eff, err := dunning.Record(e, w.book.Account(e.Customer), dunning.Outcome{Kind: outcomeFor(e), Date: ag.AsOf, By: "test"})
		if err != nil {
			panic(err)
		}
		for i, a := range eff.Actions {
			a.ID = fmt.Sprintf("A%d-%d", len(w.rec.Actions), i)
			w.rec.Actions = append(w.rec.Actions, a)
		}
	}
}

func outcomeFor(e dunning.Entry) string {
	if e.Channel == dunning.ChanCall || e.Channel == dunning.ChanVisit {
		return dunning.OutcomeRefusal
	}
	return dunning.OutcomeSent
}

// timeline runs the calendar from day from to day to, doing everything due except on
// skipped days, and returns "day:stage" for every entry worked.
func (w *world) timeline(from, to int, skipped func(int) bool) []string {
	var out []string
	for d := from; d <= to; d++ {
		if skipped != nil && skipped(d) {
			continue
		}
		ag := w.run(day(d))
		for _, e := range ag.Entries {
			out = append(out, fmt.Sprintf("%d:%s", d, e.Stage))
		}
		w.do(ag)
	}
	return out
}

func TestCalendar(t *testing.T) {
	// Class B: r1 D+7, call1 D+15, r2 D+21, med D+35, legal D+50. Invoice due 1 January.
	cases := []struct {
		name    string
		class   string
		skipped func(int) bool
		want    string
	}{
		{"every day", "B", nil, "8:r1 16:call1 22:r2 36:med 51:legal"},
		// 10 days skipped after R1's day: R1 comes first, late; the call waits 8 days from it.
		{"skip 10 days", "B", func(d int) bool { return d >= 8 && d <= 17 }, "18:r1 26:call1 32:r2 46:med 61:legal"},
		{"skip the whole month", "B", func(d int) bool { return d < 40 }, "40:r1 48:call1 54:r2 68:med 83:legal"},
		// Class A: courtesy call 5 days before the due date.
		{"class A", "A", nil, "-4:pre 11:r1 16:call1 26:r2 36:visit 46:med 61:legal"},
		{"no class is B", "", nil, "8:r1 16:call1 22:r2 36:med 51:legal"},
	}
	for _, c := range cases {
		w := &world{book: book("I1", 1, 1000), class: c.class}
		got := strings.Join(w.timeline(-10, 90, c.skipped), " ")
		if got != c.want {
			t.Errorf("%s:\n got  %s\n want %s", c.name, got, c.want)
		}
	}
}

func TestOneLetterForTwoInvoices(t *testing.T) {
	w := &world{book: book("I1", 1, 1000, "I2", 3, 500), class: "B"}
	ag := w.run(day(10))
	if len(ag.Entries) != 1 {
		t.Fatalf("entries: %+v", ag.Entries)
	}
	e := ag.Entries[0]
	if e.Stage != "r1" || e.Channel != dunning.ChanLetter || !slices.Equal(e.Items, []string{"I1", "I2"}) || e.Amount != 150000 || e.DaysLate != 9 {
		t.Fatalf("entry: %+v", e)
	}
}

func TestExclusions(t *testing.T) {
	w := &world{book: book("I1", 1, 1000), class: "B"}
	d := dispute.New("C1", []dispute.DisputedItem{{ItemID: "I1", Amount: 100000}}, dispute.ReasonPrice, day(5), "t", dispute.Internal, ledger.NoDate, "")
	d.ID = "L2026-0001"
	w.disputes = []dispute.Dispute{d}
	stages := func(at int) string {
		var s []string
		for _, e := range w.run(day(at)).Entries {
			s = append(s, e.Stage)
		}
		return strings.Join(s, ",")
	}
	if got := stages(10); got != "" {
		t.Fatalf("disputed item reminded: %q", got)
	}
	if err := w.disputes[0].Move(dispute.StatusResolved, day(12), "t", "", &dispute.Resolution{Kind: dispute.ResolvedRejected, Date: day(12)}); err != nil {
		t.Fatal(err)
	}
	if got := stages(13); got != "r1" {
		t.Fatalf("after the dispute closed: %q, want r1", got)
	}

	// A promise made on day 13 for day 20: excluded until day 23 (grace), back on day 24.
	w.disputes = nil
	w.rec.Promises = []dunning.Promise{{ID: "P1", Customer: "C1", Made: day(13), Due: day(20), Amount: 100000, Items: []string{"I1"}, Status: dunning.PromisePending}}
	for _, c := range []struct {
		at   int
		want string
	}{{13, ""}, {20, ""}, {23, ""}, {24, "r1"}} {
		ag := w.run(day(c.at))
		var s []string
		for _, e := range ag.Entries {
			s = append(s, e.Stage)
		}
		if got := strings.Join(s, ","); got != c.want {
			t.Errorf("promise, day %d: %q, want %q", c.at, got, c.want)
		}
		if c.at == 24 {
			if len(ag.Signals) != 1 || ag.Signals[0].Kind != dunning.SignalPromiseBroken || len(ag.Promises) != 1 || ag.Promises[0].Status != dunning.PromiseBroken {
				t.Errorf("broken promise: signals %+v closures %+v", ag.Signals, ag.Promises)
			}
			if !slices.ContainsFunc(ag.Entries[0].Why, func(r dunning.Reason) bool { return r.Key == "dunning.why.promise_broken" }) {
				t.Errorf("why: %+v", ag.Entries[0].Why)
			}
		}
	}
	// Kept: a payment on day 19 for the amount.
	a := w.book.Account("C1")
	a.Items = append(a.Items, ledger.Item{ID: "R1", Customer: "C1", Kind: ledger.Payment, DocDate: day(19), Amount: -100000})
	a.Items[0].Open, a.Items[0].Settled = 0, day(19)
	ag := w.run(day(24))
	if len(ag.Entries) != 0 || len(ag.Promises) != 1 || ag.Promises[0].Status != dunning.PromiseKept {
		t.Errorf("kept promise: %+v %+v", ag.Entries, ag.Promises)
	}
}

func TestPaidCustomerLeaves(t *testing.T) {
	w := &world{book: book("I1", 1, 1000), class: "B"}
	w.do(w.run(day(8)))
	if n := len(w.run(day(16)).Entries); n != 1 {
		t.Fatalf("call due on day 16: %d entries", n)
	}
	w.book.Account("C1").Items[0].Open = 0
	ag := w.run(day(16))
	if len(ag.Entries) != 0 || len(ag.Skipped) != 1 || ag.Skipped[0].Why[0].Key != "dunning.why.nothing_owed" {
		t.Fatalf("paid customer: %+v %+v", ag.Entries, ag.Skipped)
	}
}

func TestOutcomesAndReschedule(t *testing.T) {
	w := &world{book: book("I1", 1, 1000), class: "B"}
	w.do(w.run(day(8))) // r1
	ag := w.run(day(16))
	call := ag.Entries[0]
	// No answer: the call step is done, a callback is planned two days later and
	// joins the call channel then.
	eff, err := dunning.Record(call, w.book.Account("C1"), dunning.Outcome{Kind: dunning.OutcomeNoAnswer, Date: day(16), By: "t"})
	if err != nil || len(eff.Actions) != 2 || eff.Actions[1].Date != day(18) || eff.Actions[1].Status != dunning.ActionPlanned {
		t.Fatalf("no answer: %v %+v", err, eff.Actions)
	}
	for i, a := range eff.Actions {
		a.ID = fmt.Sprintf("B%d", i)
		w.rec.Actions = append(w.rec.Actions, a)
	}
	if n := len(w.run(day(17)).Entries); n != 0 {
		t.Fatalf("day 17: %d entries", n)
	}
	ag = w.run(day(18))
	if len(ag.Entries) != 1 || ag.Entries[0].Stage != "callback" || ag.Entries[0].Refs[0] != "B1" {
		t.Fatalf("callback: %+v", ag.Entries)
	}
	// Reschedule the callback to day 25, assigned: it leaves days 18–24, then the r2
	// letter (due day 22) and the callback are two entries on day 25.
	acts, err := dunning.Reschedule(ag.Entries[0], day(25), "Marie", "t", day(18))
	if err != nil {
		t.Fatal(err)
	}
	acts[0].ID = "B2"
	w.rec.Actions = append(w.rec.Actions, acts...)
	ag = w.run(day(22))
	if len(ag.Entries) != 1 || ag.Entries[0].Stage != "r2" {
		t.Fatalf("day 22: %+v", ag.Entries)
	}
	ag = w.run(day(25))
	if len(ag.Entries) != 2 {
		t.Fatalf("day 25: %+v", ag.Entries)
	}
	// A promise: recorded with a confirmation letter to issue.
	var cb dunning.Entry
	for _, e := range ag.Entries {
		if e.Channel == dunning.ChanCall {
			cb = e
		}
	}
	if cb.Assignee != "Marie" || cb.Refs[0] != "B2" {
		t.Fatalf("rescheduled callback: %+v", cb)
	}
	eff, err = dunning.Record(cb, w.book.Account("C1"), dunning.Outcome{Kind: dunning.OutcomePromise, Date: day(25), Amount: 100000, PayBy: day(30)})
	if err != nil || eff.Promise == nil || len(eff.Actions) != 2 || eff.Actions[1].Stage != "conf" {
		t.Fatalf("promise: %v %+v", err, eff)
	}
	if _, err := dunning.Record(cb, w.book.Account("C1"), dunning.Outcome{Kind: dunning.OutcomePromise, Date: day(25), PayBy: day(30)}); err == nil {
		t.Error("promise without amount accepted")
	}
	if _, err := dunning.Record(cb, w.book.Account("C1"), dunning.Outcome{Kind: "maybe", Date: day(25)}); err == nil {
		t.Error("unknown outcome accepted")
	}
	eff, err = dunning.Record(cb, w.book.Account("C1"), dunning.Outcome{Kind: dunning.OutcomeDispute, Date: day(25), Reason: dispute.ReasonQuality})
	if err != nil || eff.Dispute == nil || eff.Dispute.Items[0].Amount != 100000 {
		t.Fatalf("dispute: %v %+v", err, eff.Dispute)
	}
	eff, err = dunning.Record(cb, w.book.Account("C1"), dunning.Outcome{Kind: dunning.OutcomePlan, Date: day(25), Ack: true, Acceleration: true,
		Instalments: dunning.SplitPlan(100000, 3, day(40))})
	if err != nil || eff.Plan == nil || eff.Plan.Total != 100000 || len(eff.Plan.Instalments) != 3 || eff.Actions[1].Stage != "plan" {
		t.Fatalf("plan: %v %+v", err, eff.Plan)
	}
	if _, err := dunning.Reschedule(cb, day(20), "", "t", day(25)); err == nil {
		t.Error("reschedule into the past accepted")
	}
}

func TestPlans(t *testing.T) {
	a := &ledger.Account{Customer: ledger.Customer{ID: "C1"}, Items: []ledger.Item{
		{ID: "I1", Kind: ledger.Invoice, DueDate: day(1), Amount: 90000, Open: 60000},
		{ID: "R1", Kind: ledger.Payment, DocDate: day(31), Amount: -30000},
	}}
	p := dunning.Plan{ID: "E1", Customer: "C1", Agreed: day(10), Total: 90000, Status: dunning.PlanActive,
		Instalments: dunning.SplitPlan(90000, 3, day(30))}
	cases := []struct {
		at     int
		accel  bool
		status dunning.PlanStatus
		inst   string
	}{
		{29, true, dunning.PlanActive, "upcoming upcoming upcoming"},
		{32, true, dunning.PlanActive, "paid upcoming upcoming"},
		{day(30).AddMonths(1).DaysSince(jan1) + 2, true, dunning.PlanActive, "paid due upcoming"},
		{day(30).AddMonths(1).DaysSince(jan1) + 5, true, dunning.PlanDefaulted, "paid late upcoming"},
		{day(30).AddMonths(1).DaysSince(jan1) + 5, false, dunning.PlanActive, "paid late upcoming"},
	}
	for _, c := range cases {
		p.Acceleration = c.accel
		st := dunning.PlanStateAt(p, a, day(c.at))
		var s []string
		for _, in := range st.Instalments {
			s = append(s, string(in.Status))
		}
		if st.Status != c.status || strings.Join(s, " ") != c.inst {
			t.Errorf("day %d accel %v: %s %v", c.at, c.accel, st.Status, s)
		}
	}
	a.Items = append(a.Items, ledger.Item{ID: "R2", Kind: ledger.Payment, DocDate: day(60), Amount: -60000})
	if st := dunning.PlanStateAt(p, a, day(61)); st.Status != dunning.PlanCompleted || st.Remaining != 0 {
		t.Errorf("completed: %+v", st)
	}
	p.Acknowledgement = true
	if p.LimitationRestart() != day(10) {
		t.Error("acknowledgement of debt restarts limitation on the agreement date")
	}
}

func TestPromiseStateAt(t *testing.T) {
	a := &ledger.Account{Items: []ledger.Item{
		{ID: "I1", Kind: ledger.Invoice, Amount: 50000, Open: 0, Settled: day(12)},
		{ID: "R1", Kind: ledger.Payment, DocDate: day(12), Amount: -20000},
	}}
	p := dunning.Promise{Made: day(5), Due: day(10), Amount: 50000, Status: dunning.PromisePending}
	pi := p
	pi.Items = []string{"I1"}
	closed := p
	closed.Status, closed.Closed = dunning.PromiseBroken, day(15)
	cases := []struct {
		name string
		p    dunning.Promise
		at   int
		want dunning.PromiseStatus
	}{
		{"before due", p, 8, dunning.PromisePending},
		{"in grace", p, 13, dunning.PromisePending},
		{"amount short", p, 14, dunning.PromiseBroken},
		{"items settled in grace", pi, 14, dunning.PromiseKept},
		{"items settled, seen early", pi, 11, dunning.PromisePending},
		{"recorded closed later", closed, 14, dunning.PromiseBroken},
		{"recorded closed", closed, 15, dunning.PromiseBroken},
		{"before made", p, 1, dunning.PromisePending},
	}
	for _, c := range cases {
		if got := dunning.PromiseStateAt(c.p, a, day(c.at)); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
	if got := dunning.PromiseStateAt(p, nil, day(30)); got != dunning.PromiseBroken {
		t.Errorf("nil account: %s", got)
	}
}
