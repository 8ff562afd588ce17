package risk

import (
	"errors"
	"testing"

	"relance/ledger"
	"relance/ledger/credit"
	"relance/ledger/dispute"
	"relance/ledger/dunning"
)

var asOf = ledger.NewDate(2026, 11, 23)

func d(s string) ledger.Date {
	v, err := ledger.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}

// inv is an invoice: open when settled is "", else settled (lettered) on that date.
func inv(id, doc, due string, amount ledger.Cents, settled, match string) ledger.Item {
	it := ledger.Item{ID: id, Number: id, Kind: ledger.Invoice, DocDate: d(doc), DueDate: d(due), Amount: amount, Match: match}
	if settled == "" {
		it.Open = amount
	} else {
		it.Settled = d(settled)
	}
	return it
}

func pay(id, date string, amount ledger.Cents, match string) ledger.Item {
	return ledger.Item{ID: id, Number: id, Kind: ledger.Payment, DocDate: d(date), DueDate: d(date), Amount: -amount,
		Match: match, Settled: d(date)}
}

func book(accts ...*ledger.Account) *ledger.Book {
	for _, a := range accts {
		for i := range a.Items {
			a.Items[i].Customer = a.Customer.ID
		}
		ledger.SortItems(a.Items)
	}
	return ledger.NewBook(ledger.DefaultSettings(), nil, accts)
}

func account(id string, items ...ledger.Item) *ledger.Account {
	return &ledger.Account{Customer: ledger.Customer{ID: id, Name: "Client " + id}, Items: items}
}

func assess(t *testing.T, in Input) *Result {
	t.Helper()
	if in.AsOf == 0 {
		in.AsOf = asOf
	}
	if in.Policy.Classes == nil {
		in.Policy = DefaultPolicy()
	}
	r, err := Assess(in)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// lateSeries returns invoices of 1,000.00 settled n days late, one per month from
// first (YYYY-MM-DD of the first settlement), lettered each with its payment.
func lateSeries(prefix, first string, count, late int) []ledger.Item {
	var out []ledger.Item
	s := d(first)
	for i := 0; i < count; i++ {
		settled := s.AddMonths(i)
		due := settled.AddDays(-late)
		m := prefix + itoa(i)
		out = append(out, inv(m, due.AddDays(-30).String(), due.String(), 100000, settled.String(), m),
			pay("P"+m, settled.String(), 100000, m))
	}
	return out
}

func TestSignalsFireAtTheirBoundaries(t *testing.T) {
	limited := func(limit ledger.Cents, items ...ledger.Item) *ledger.Account {
		a := account("C1", items...)
		a.Customer.CreditLimit = limit
		return a
	}
	flagged := func(flag uint32, date string) *ledger.Account {
		it := ledger.Item{ID: "OD1", Number: "OD1", Kind: ledger.Adjustment, DocDate: d(date), DueDate: d(date),
			Amount: 50000, Open: 50000, Flags: flag}
		return account("C1", it)
	}
	disputeAt := func(opened string) []dispute.Dispute {
		return []dispute.Dispute{dispute.New("C1", []dispute.DisputedItem{{ItemID: "F1", Amount: 10000}}, dispute.ReasonPrice,
			d(opened), "moi", dispute.Internal, ledger.NoDate, "")}
	}
	action := func(date string, st dunning.ActionStatus) []dunning.Action {
		return []dunning.Action{{ID: "A1", Customer: "C1", Kind: dunning.KindTermRequest, Date: d(date), Status: st}}
	}
	open := account("C1", inv("F1", "2026-09-01", "2026-10-01", 100000, "", ""))
	drift := func(late int) *ledger.Account {
		items := lateSeries("B", "2025-09-15", 6, 5)                     // baseline: 5 days late
		items = append(items, lateSeries("R", "2026-09-10", 2, late)...) // last 3 months
		return account("C1", items...)
	}
	partialGroup := func(id string, partial bool) []ledger.Item {
		if partial {
			return []ledger.Item{inv(id, "2026-03-01", "2026-04-01", 100000, "2026-05-01", id),
				pay("P"+id+"a", "2026-04-01", 60000, id), pay("P"+id+"b", "2026-05-01", 40000, id)}
		}
		return []ledger.Item{inv(id, "2026-03-01", "2026-04-01", 100000, "2026-04-01", id), pay("P"+id, "2026-04-01", 100000, id)}
	}
	var three, oneOfFour, twoOnly []ledger.Item
	three = append(append(append(three, partialGroup("F1", true)...), partialGroup("F2", true)...), partialGroup("F3", false)...)
	oneOfFour = append(append(append(append(oneOfFour, partialGroup("F1", true)...), partialGroup("F2", false)...),
		partialGroup("F3", false)...), partialGroup("F4", false)...)
	twoOnly = append(append(twoOnly, partialGroup("F1", true)...), partialGroup("F2", true)...)
	rising := func(lastDue string) *ledger.Account {
		return account("C1",
			inv("F1", "2026-07-01", "2026-08-01", 10000, "", ""),
			inv("F2", "2026-08-01", "2026-09-01", 10000, "", ""),
			inv("F3", "2026-08-15", "2026-10-01", 10000, "", ""),
			inv("F4", "2026-08-20", lastDue, 10000, "", ""))
	}
	growth := func(recent ledger.Cents) *ledger.Account {
		return account("C1", inv("F1", "2026-07-01", "2026-07-31", 100000, "", ""),
			inv("F2", "2026-09-01", "2026-10-01", recent, "", ""))
	}
	promise := func(due string, paid bool) ([]dunning.Promise, *ledger.Account) {
		a := account("C1", inv("F1", "2026-08-01", "2026-09-01", 100000, "", ""))
		if paid {
			a.Items = append(a.Items, ledger.Item{ID: "P1", Number: "P1", Kind: ledger.Payment, DocDate: d(due), Amount: -100000, Open: -100000})
		}
		return []dunning.Promise{{ID: "P2026-000001", Customer: "C1", Made: d("2026-10-01"), Due: d(due), Amount: 100000,
			Status: dunning.PromisePending}}, a
	}
	brokenP, brokenA := promise("2026-11-10", false)
	pendingP, pendingA := promise("2026-11-20", false)
	keptP, keptA := promise("2026-11-10", true)
	oldP, oldA := promise("2026-08-20", false) // broke on 2026-08-24: more than 90 days ago
	insolvent := account("C1", inv("F1", "2026-09-01", "2026-10-01", 100000, "", ""))
	insolvent.Customer.Status = ledger.StatusInsolvency
	doubtful := account("C1", inv("F1", "2026-09-01", "2026-10-01", 100000, "", ""))
	doubtful.Customer.Doubtful = true

	cases := []struct {
		name     string
		acct     *ledger.Account
		disputes []dispute.Dispute
		promises []dunning.Promise
		actions  []dunning.Action
		key      string
		want     bool
	}{
		{"limit: balance equal to the limit", limited(100000, inv("F1", "2026-11-01", "2026-12-01", 100000, "", "")), nil, nil, nil, SigOverLimit, false},
		{"limit: one cent above", limited(100000, inv("F1", "2026-11-01", "2026-12-01", 100001, "", "")), nil, nil, nil, SigOverLimit, true},
		{"limit: none set", limited(0, inv("F1", "2026-11-01", "2026-12-01", 100001, "", "")), nil, nil, nil, SigOverLimit, false},
		{"cheque: 179 days ago", flagged(ledger.FlagUnpaidCheque, "2026-05-28"), nil, nil, nil, SigBounced, true},
		{"cheque: 180 days ago", flagged(ledger.FlagUnpaidCheque, "2026-05-27"), nil, nil, nil, SigBounced, false},
		{"direct debit rejected", flagged(ledger.FlagRejectedDebit, "2026-11-01"), nil, nil, nil, SigBounced, true},
		{"no flag", flagged(0, "2026-11-01"), nil, nil, nil, SigBounced, false},
		{"doubtful 416", doubtful, nil, nil, nil, SigDoubtful, true},
		{"doubtful flag on an open item", flagged(ledger.FlagDoubtful, "2026-11-01"), nil, nil, nil, SigDoubtful, true},
		{"not doubtful", open, nil, nil, nil, SigDoubtful, false},
		{"insolvency", insolvent, nil, nil, nil, SigInsolvency, true},
		{"no insolvency", open, nil, nil, nil, SigInsolvency, false},
		{"dispute 89 days ago", open, disputeAt("2026-08-26"), nil, nil, SigDispute, true},
		{"dispute 90 days ago", open, disputeAt("2026-08-25"), nil, nil, SigDispute, false},
		{"dispute after the date", open, disputeAt("2026-11-24"), nil, nil, SigDispute, false},
		{"term request 179 days ago", open, nil, nil, action("2026-05-28", ""), SigTermRequest, true},
		{"term request 180 days ago", open, nil, nil, action("2026-05-27", ""), SigTermRequest, false},
		{"term request only planned", open, nil, nil, action("2026-11-01", dunning.ActionPlanned), SigTermRequest, false},
		{"promise broken", brokenA, nil, brokenP, nil, SigBroken, true},
		{"promise still pending (grace)", pendingA, nil, pendingP, nil, SigBroken, false},
		{"promise kept", keptA, nil, keptP, nil, SigBroken, false},
		{"promise broken long ago", oldA, nil, oldP, nil, SigBroken, false},
		{"drift: +10 days", drift(15), nil, nil, nil, SigDrift, true},
		{"drift: +9 days", drift(14), nil, nil, nil, SigDrift, false},
		{"drift: one recent invoice only", account("C1", append(lateSeries("B", "2025-09-15", 6, 5), lateSeries("R", "2026-10-10", 1, 40)...)...), nil, nil, nil, SigDrift, false},
		{"overdue share rising every month", rising("2026-11-01"), nil, nil, nil, SigOverdueRise, true},
		{"overdue share flat last month", rising("2026-12-01"), nil, nil, nil, SigOverdueRise, false},
		{"growth +20 % while sales fall", growth(20000), nil, nil, nil, SigGrowth, true},
		{"growth just under 20 %", growth(19999), nil, nil, nil, SigGrowth, false},
		{"partial: 2 of 3 invoices", account("C1", three...), nil, nil, nil, SigPartial, true},
		{"partial: 1 of 4 invoices", account("C1", oneOfFour...), nil, nil, nil, SigPartial, false},
		{"partial: too few invoices", account("C1", twoOnly...), nil, nil, nil, SigPartial, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := assess(t, Input{Book: book(c.acct), Disputes: c.disputes, Promises: c.promises, Actions: c.actions})
			as := r.Get("C1")
			if got := as.HasSignal(c.key); got != c.want {
				t.Fatalf("%s = %v, want %v; signals %+v", c.key, got, c.want, as.Signals)
			}
			for _, s := range as.Signals {
				if s.Key == c.key {
					if len(s.Evidence) == 0 {
						t.Errorf("%s without evidence", c.key)
					}
					for _, e := range s.Evidence {
						if txt := e.Reason.Text("fr", "EUR"); txt == "" || txt == e.Reason.Key {
							t.Errorf("evidence %s not translated", e.Reason.Key)
						}
					}
				}
			}
		})
	}
}

func TestAxes(t *testing.T) {
	small := account("S", inv("F1", "2026-11-01", "2026-12-01", 499999, "", ""))
	five := account("F", inv("F1", "2026-11-01", "2026-12-01", 500000, "", ""))
	lim := account("L", inv("F1", "2026-11-01", "2026-12-01", 80000, "", ""))
	lim.Customer.CreditLimit = 100000
	late := account("T", inv("F1", "2026-08-01", "2026-09-24", 100000, "", "")) // 60 days past due
	dbt := account("D", inv("F1", "2026-11-01", "2026-12-01", 100, "", ""))
	dbt.Customer.Doubtful = true
	disp := account("X", inv("F1", "2026-11-01", "2026-12-01", 100000, "", ""))
	ds := []dispute.Dispute{
		dispute.New("X", []dispute.DisputedItem{{ItemID: "F1", Amount: 4000}}, dispute.ReasonPrice, d("2026-01-10"), "moi", dispute.Internal, ledger.NoDate, ""),
		dispute.New("X", []dispute.DisputedItem{{ItemID: "F1", Amount: 1000}}, dispute.ReasonPrice, d("2025-11-23"), "moi", dispute.Internal, ledger.NoDate, ""),
	}
	r := assess(t, Input{Book: book(small, five, lim, late, dbt, disp), Disputes: ds})
	cases := []struct {
		cust, axis string
		want       int
	}{
		{"S", AxisOutstanding, 0},
		{"F", AxisOutstanding, 20},
		{"L", AxisOutstanding, 50}, // 80 % of the limit
		{"T", AxisRiskLevel, 70},   // 60 days past due
		{"S", AxisRiskLevel, 0},
		{"D", AxisRiskLevel, 100},
		{"X", AxisDisputes, 30}, // one dispute in 12 months (the other is 12 months old to the day)
		{"S", AxisDisputes, 0},
	}
	for _, c := range cases {
		as := r.Get(c.cust)
		for _, ax := range as.Axes {
			if ax.Axis == c.axis && ax.Points != c.want {
				t.Errorf("%s %s = %d, want %d (%+v)", c.cust, c.axis, ax.Points, c.want, ax.Reasons)
			}
		}
	}
	if got := r.Get("D").Computed; got != "D" && got != "C" {
		t.Errorf("doubtful customer in class %s", got)
	}
}

func TestDependencyMakesStrategicClass(t *testing.T) {
	big := account("BIG", inv("F1", "2026-10-01", "2026-11-30", 300000, "", ""))
	var others []*ledger.Account
	others = append(others, big)
	for i := 0; i < 49; i++ {
		others = append(others, account("O"+itoa(100+i), inv("F1", "2026-10-01", "2026-11-30", 300000, "", "")))
	}
	r := assess(t, Input{Book: book(others...)})
	as := r.Get("BIG")
	if as.ShareBP != 200 || as.Axes[3].Points != 60 || as.Computed != "A" {
		t.Fatalf("share %d bp, dependency %d pts, class %s (%v)", as.ShareBP, as.Axes[3].Points, as.Computed, as.Why)
	}
	// 51 customers: each weighs 196 bp, under the 2 % step: standard class.
	others = append(others, account("O999", inv("F1", "2026-10-01", "2026-11-30", 300000, "", "")))
	r = assess(t, Input{Book: book(others...)})
	if as := r.Get("BIG"); as.Computed != "B" {
		t.Fatalf("class %s with share %d bp", as.Computed, as.ShareBP)
	}
}

func TestOverrideAckAndProposals(t *testing.T) {
	a := account("C1", inv("F1", "2026-05-01", "2026-06-01", 2000000, "", "")) // 175 days late, 20 k€
	bk := book(a)
	r := assess(t, Input{Book: bk})
	as := r.Get("C1")
	if as.Computed != "D" || as.Class != "D" || as.Assigned != "" {
		t.Fatalf("computed %s class %s assigned %s score %d", as.Computed, as.Class, as.Assigned, as.Score)
	}
	ch := Recompute(r, Records{})
	if len(ch.Initial) != 1 || ch.Initial[0].Class != "D" || len(ch.Proposals) != 0 {
		t.Fatalf("first computation: %+v", ch)
	}

	// In force: B since last year; the computation proposes D.
	recs := Records{Assignments: []Assignment{{Customer: "C1", Class: "B", Date: d("2025-11-01"), Source: SourceInitial}}}
	r = assess(t, Input{Book: bk, Records: recs})
	if as := r.Get("C1"); as.Class != "B" || as.Computed != "D" {
		t.Fatalf("class %s computed %s", as.Class, as.Computed)
	}
	ch = Recompute(r, recs)
	if len(ch.Proposals) != 1 || ch.Proposals[0].From != "B" || ch.Proposals[0].To != "D" || !ch.Proposals[0].Worse(&r.Policy) {
		t.Fatalf("proposal: %+v", ch)
	}
	for _, why := range ch.Proposals[0].Reasons { // evidence even when assessed without explanations
		if why.Key == "" {
			t.Fatalf("a reason without a key: %+v", ch.Proposals[0].Reasons)
		}
	}
	if ch.Proposals[0].Reasons[0].Key != "risk.why.last" && ch.Proposals[0].Reasons[0].Key != "risk.why.score" {
		t.Errorf("first reason %+v, want why the computed class", ch.Proposals[0].Reasons[0])
	}
	pr := ch.Proposals[0]
	pr.ID = "R2026-0001"
	recs.Proposals = append(recs.Proposals, pr)
	r = assess(t, Input{Book: bk, Records: recs})
	if as := r.Get("C1"); as.Pending == nil || as.Pending.ID != pr.ID {
		t.Fatalf("pending: %+v", as.Pending)
	}
	if ch := Recompute(r, recs); !ch.Empty() {
		t.Fatalf("same change proposed twice: %+v", ch)
	}

	// Rejected: not proposed again for 90 days.
	dec, asg, err := Decide(&pr, Rejected, "Claire", "client historique", asOf)
	if err != nil || asg != nil {
		t.Fatal(err, asg)
	}
	recs.Decisions = append(recs.Decisions, dec)
	r = assess(t, Input{Book: bk, Records: recs})
	if ch := Recompute(r, recs); !ch.Empty() {
		t.Fatalf("rejected change proposed again: %+v", ch)
	}
	r = assess(t, Input{Book: bk, Records: recs, AsOf: asOf.AddDays(90)})
	if ch := Recompute(r, recs); len(ch.Proposals) != 1 {
		t.Fatalf("after 90 days: %+v", ch)
	}

	// Accepted: the class in force becomes D.
	_, asg, err = Decide(&pr, Accepted, "Claire", "", asOf)
	if err != nil || asg == nil || asg.Class != "D" {
		t.Fatal(err, asg)
	}
	if _, _, err := Decide(&pr, Accepted, "", "", asOf); err == nil {
		t.Error("decision without author accepted")
	}
	if _, _, err := Decide(&pr, Accepted, "Claire", "", asOf.AddDays(-1)); err == nil {
		t.Error("decision before the proposal accepted")
	}

	// Override: wins over everything, computed stays visible, no proposal.
	pol := DefaultPolicy()
	ov := Override{Customer: "C1", Class: "C", Reason: "garantie bancaire reçue", By: "Claire", Date: asOf}
	if err := ov.Validate(&pol); err != nil {
		t.Fatal(err)
	}
	if err := (&Override{Customer: "C1", Class: "Z", Reason: "x", By: "y", Date: asOf}).Validate(&pol); err == nil {
		t.Error("unknown class accepted")
	}
	recs.Overrides = append(recs.Overrides, ov)
	r = assess(t, Input{Book: bk, Records: recs})
	as = r.Get("C1")
	if as.Class != "C" || as.Computed != "D" || as.Override == nil {
		t.Fatalf("override: class %s computed %s", as.Class, as.Computed)
	}
	// A later override with no class lifts it.
	recs.Overrides = append(recs.Overrides, Override{Customer: "C1", Reason: "fin de garantie", By: "Claire", Date: asOf.AddDays(1)})
	r = assess(t, Input{Book: bk, Records: recs, AsOf: asOf.AddDays(1)})
	if as := r.Get("C1"); as.Override != nil || as.Class != "B" {
		t.Fatalf("lifted override: class %s", as.Class)
	}
}

func TestAcknowledgement(t *testing.T) {
	a := account("C1", inv("F1", "2026-11-01", "2026-12-01", 100001, "", ""))
	a.Customer.CreditLimit = 100000
	bk := book(a)
	for _, c := range []struct {
		ack  string
		want bool
	}{{"2026-10-31", false}, {"2026-11-01", true}, {"2026-11-23", true}, {"2026-11-24", false}} {
		recs := Records{Acks: []Ack{{Customer: "C1", Signal: SigOverLimit, Comment: "vu avec le commercial", By: "Claire", Date: d(c.ack)}}}
		as := assess(t, Input{Book: bk, Records: recs}).Get("C1")
		if got := as.Signals[0].Ack != nil; got != c.want {
			t.Errorf("ack on %s covers: %v, want %v", c.ack, got, c.want)
		}
	}
	if err := (&Ack{Customer: "C1", Signal: "nope", Comment: "x", By: "y", Date: asOf}).Validate(); err == nil {
		t.Error("unknown signal accepted")
	}
}

func TestPolicyValidation(t *testing.T) {
	cases := []struct {
		field  string
		change func(*Policy)
	}{
		{"classes", func(p *Policy) { p.Classes = p.Classes[:1] }},
		{"classes[1].code", func(p *Policy) { p.Classes[1].Code = "A" }},
		{"classes[2].name", func(p *Policy) { p.Classes[2].NameEN = "" }},
		{"classes[0].max_score", func(p *Policy) { p.Classes[0].MaxScore = 101 }},
		{"classes[3].max_score", func(p *Policy) { p.Classes[3].MaxScore = 90 }},
		{"risk_level.weight", func(p *Policy) { p.RiskLevel.Weight = -1 }},
		{"weights", func(p *Policy) { p.Outstanding.Weight, p.RiskLevel.Weight, p.Disputes.Weight = 0, 0, 0 }},
		{"outstanding.amount[1].from", func(p *Policy) { p.Outstanding.Amount[1].From = p.Outstanding.Amount[0].From }},
		{"dependency.share[0].points", func(p *Policy) { p.Dependency.Share[0].Points = 200 }},
		{"signals.drift_days", func(p *Policy) { p.Signals.DriftDays = -1 }},
		{"signals.dispute_min", func(p *Policy) { p.Signals.DisputeMin = 0 }},
	}
	def := DefaultPolicy()
	if err := def.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		p := DefaultPolicy()
		c.change(&p)
		err := p.Validate()
		var pb *ledger.Problem
		if !errors.As(err, &pb) || pb.Args[1] != c.field {
			t.Errorf("%s: got %v", c.field, err)
		}
		if _, err := Assess(Input{Book: book(), Policy: p, AsOf: asOf}); err == nil {
			t.Errorf("%s: Assess took an invalid policy", c.field)
		}
	}
}

func TestPastDateRebuildsOpenAmounts(t *testing.T) {
	// Paid on 2026-11-10: open at 2026-11-01, 31 days past due then.
	a := account("C1", inv("F1", "2026-09-01", "2026-10-01", 100000, "2026-11-10", "AA"), pay("P1", "2026-11-10", 100000, "AA"))
	a.Customer.CreditLimit = 50000
	exact := func(a *ledger.Account, at ledger.Date) map[*ledger.Item]ledger.Cents {
		m := map[*ledger.Item]ledger.Cents{}
		for _, o := range credit.OpenAt(a, at) {
			m[o.Item] = o.OpenAt
		}
		return m
	}
	for _, fn := range []OpenAtFunc{nil, exact} {
		r := assess(t, Input{Book: book(a), AsOf: d("2026-11-01"), OpenAt: fn})
		as := r.Get("C1")
		if as.Balance != 100000 || as.Overdue != 100000 || !as.HasSignal(SigOverLimit) {
			t.Fatalf("balance %v overdue %v signals %+v", as.Balance, as.Overdue, as.Signals)
		}
	}
	if as := assess(t, Input{Book: book(a)}).Get("C1"); as.Balance != 0 || as.HasSignal(SigOverLimit) {
		t.Fatalf("today: balance %v", as.Balance)
	}
}

func TestTxtMatchesString(t *testing.T) {
	for _, c := range []ledger.Cents{0, 5, -5, 100, 123456, -123456, 99} {
		if txt(c) != c.String() {
			t.Errorf("txt(%d) = %q, want %q", c, txt(c), c.String())
		}
	}
	for _, dt := range []ledger.Date{ledger.NoDate, d("2026-01-05"), d("1999-12-31")} {
		if txt(dt) != dt.String() {
			t.Errorf("txt(%v) = %q", dt, txt(dt))
		}
	}
}
