package dispute_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"relance/ledger"
	"relance/ledger/credit"
	"relance/ledger/dispute"
)

func day(m time.Month, d int) ledger.Date { return ledger.NewDate(2026, m, d) }

var asOf = day(time.November, 23)

// smallBook: ACME owes A (1,000 € due 1 Sept), B (500 € not due) and has an unapplied
// payment of 200 €; BETA owes C (2,000 € due 1 June). Receivables 3,300 €.
func smallBook() *ledger.Book {
	acme := &ledger.Account{Customer: ledger.Customer{ID: "ACME", Name: "Acme", Salesperson: "S1", CreditLimit: 100000}, Items: []ledger.Item{
		{ID: "A", Customer: "ACME", Number: "F001", DocDate: day(time.August, 1), DueDate: day(time.September, 1), Amount: 100000, Open: 100000},
		{ID: "B", Customer: "ACME", Number: "F002", DocDate: day(time.October, 31), DueDate: day(time.November, 30), Amount: 50000, Open: 50000},
		{ID: "P", Customer: "ACME", Kind: ledger.Payment, Number: "R001", DocDate: day(time.November, 2), Amount: -20000, Open: -20000},
	}}
	beta := &ledger.Account{Customer: ledger.Customer{ID: "BETA", Name: "Béta", Salesperson: "S2"}, Items: []ledger.Item{
		{ID: "C", Customer: "BETA", Number: "F003", DocDate: day(time.May, 2), DueDate: day(time.June, 1), Amount: 200000, Open: 200000},
	}}
	sales := []ledger.Salesperson{{ID: "S1", Name: "Sophie Martin"}, {ID: "S2", Name: "Marc Petit"}}
	return ledger.NewBook(ledger.DefaultSettings(), sales, []*ledger.Account{acme, beta})
}

// disputes: L1 on A for 400 € with sales since 1 Oct; L2 on C in full, opened 1 July,
// rejected 15 Aug (active between those dates only).
func smallDisputes(t *testing.T) []dispute.Dispute {
	t.Helper()
	l1 := dispute.New("ACME", []dispute.DisputedItem{{ItemID: "A", Amount: 40000}}, dispute.ReasonPrice, day(time.October, 1), "cr", "S1", day(time.October, 15), "")
	l1.ID = "L2026-0001"
	must(t, l1.Move(dispute.StatusWithSales, day(time.October, 2), "cr", "sent to Sophie", nil))
	l2 := dispute.New("BETA", []dispute.DisputedItem{{ItemID: "C", Amount: 200000}}, dispute.ReasonQuality, day(time.July, 1), "cr", "S2", ledger.NoDate, "")
	l2.ID = "L2026-0002"
	must(t, l2.Move(dispute.StatusWithSales, day(time.July, 2), "cr", "", nil))
	must(t, l2.Move(dispute.StatusAnswerReceived, day(time.August, 10), "S2", "goods were fine", nil))
	must(t, l2.Move(dispute.StatusResolved, day(time.August, 15), "cr", "", &dispute.Resolution{Kind: dispute.ResolvedRejected}))
	for _, d := range []*dispute.Dispute{&l1, &l2} {
		must(t, d.Validate())
	}
	return []dispute.Dispute{l1, l2}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func item(b *ledger.Book, cust, id string) *ledger.Item {
	a := b.Account(cust)
	for i := range a.Items {
		if a.Items[i].ID == id {
			return &a.Items[i]
		}
	}
	return nil
}

// Acceptance: a disputed item leaves the reminders and the penalty base, stays in the
// aged balance with its disputed part shown apart; dated history decides.
func TestDisputedItemEffects(t *testing.T) {
	b := smallBook()
	idx := dispute.NewIndex(smallDisputes(t))
	a, bb, c := item(b, "ACME", "A"), item(b, "ACME", "B"), item(b, "BETA", "C")
	cases := []struct {
		name      string
		it        *ledger.Item
		at        ledger.Date
		disputed  ledger.Cents
		excluded  bool
		penaltyOn ledger.Cents
	}{
		{"A before the dispute", a, day(time.September, 30), 0, false, 100000},
		{"A on the opening day", a, day(time.October, 1), 40000, true, 60000},
		{"A now", a, asOf, 40000, true, 60000},
		{"B never disputed", bb, asOf, 0, false, 50000},
		{"C while disputed", c, day(time.August, 14), 200000, true, 0},
		{"C on the day it was rejected", c, day(time.August, 15), 0, false, 200000},
		{"C now", c, asOf, 0, false, 200000},
	}
	for _, tc := range cases {
		if got := idx.DisputedAmount(tc.it, tc.at); got != tc.disputed {
			t.Errorf("%s: disputed %v, want %v", tc.name, got, tc.disputed)
		}
		if got := idx.Excluded(tc.it, tc.at); got != tc.excluded {
			t.Errorf("%s: excluded %v", tc.name, got)
		}
		if got := idx.PenaltyBase(tc.it, tc.at); got != tc.penaltyOn {
			t.Errorf("%s: penalty base %v, want %v", tc.name, got, tc.penaltyOn)
		}
	}
	plain := credit.AgedBalance(b, asOf, nil)
	with := credit.AgedBalanceWith(b, asOf, credit.AgedOptions{Disputed: idx.DisputedFunc()})
	if plain.Total.Total() != with.Total.Total() || with.Total.Total() != 330000 {
		t.Errorf("aged total %v with disputes, %v without", with.Total.Total(), plain.Total.Total())
	}
	if with.Total.Disputed != 40000 || plain.Total.Disputed != 0 {
		t.Errorf("disputed column %v", with.Total.Disputed)
	}
	if open := idx.Open(asOf); len(open) != 1 || open[0].ID != "L2026-0001" {
		t.Errorf("open disputes %v", open)
	}
	var nilIdx *dispute.Index
	if nilIdx.DisputedAmount(a, asOf) != 0 || nilIdx.DisputedFunc()(a, asOf, a.Open) != 0 {
		t.Error("a nil index must dispute nothing")
	}
}

// Acceptance: the weight-of-disputes KPI matches a hand computation:
// 400 / 3,300 × 100 = 12.12 % now; on 14 Aug, C (2,000) and A is not yet disputed,
// receivables then are A 1,000 + C 2,000 = 3,000, so 66.67 %.
func TestDisputeWeightKPI(t *testing.T) {
	b := smallBook()
	idx := dispute.NewIndex(smallDisputes(t))
	for _, tc := range []struct {
		at   ledger.Date
		want string
	}{{asOf, "12.12"}, {day(time.August, 14), "66.67"}} {
		s := credit.KPIsAt(b, tc.at, credit.KPIOptions{Disputed: idx.DisputedFunc()})
		f := s.KPI(credit.KeyDisputes)
		if f == nil || !f.Defined || !f.Value.Equal(decimal.RequireFromString(tc.want)) {
			t.Errorf("%s: weight %v, want %s", tc.at, f, tc.want)
		}
	}
}

func TestFrequencies(t *testing.T) {
	ds := smallDisputes(t)
	c := dispute.New("ACME", []dispute.DisputedItem{{ItemID: "B", Amount: 100}}, dispute.ReasonOther, day(time.November, 1), "cr", "S1", ledger.NoDate, "")
	c.ID = "L2026-0003"
	must(t, c.Move(dispute.StatusCancelled, day(time.November, 2), "cr", "mistake", nil))
	old := dispute.New("ACME", []dispute.DisputedItem{{ItemID: "A", Amount: 100}}, dispute.ReasonOther, ledger.NewDate(2025, time.November, 23), "cr", "S1", ledger.NoDate, "")
	old.ID = "L2025-0001"
	f := dispute.Frequencies(append(ds, c, old), asOf)
	if f["ACME"].Count != 1 || f["ACME"].Amount != 40000 || f["BETA"].Count != 1 || f["BETA"].Amount != 200000 {
		t.Errorf("frequencies %+v", f)
	}
	if f["ACME"].From != ledger.NewDate(2025, time.November, 24) {
		t.Errorf("window starts %s", f["ACME"].From)
	}
}

// Every pair of statuses: only the flow's moves are accepted, the others are refused
// with a message naming the dispute, from and to.
func TestEveryTransition(t *testing.T) {
	reach := map[dispute.Status][]dispute.Status{
		dispute.StatusOpen:           nil,
		dispute.StatusWithSales:      {dispute.StatusWithSales},
		dispute.StatusAnswerReceived: {dispute.StatusWithSales, dispute.StatusAnswerReceived},
		dispute.StatusResolved:       {dispute.StatusResolved},
		dispute.StatusCancelled:      {dispute.StatusCancelled},
	}
	ok := map[[2]dispute.Status]bool{
		{"open", "with_sales"}: true, {"open", "resolved"}: true, {"open", "cancelled"}: true,
		{"with_sales", "answer_received"}: true, {"with_sales", "cancelled"}: true,
		{"answer_received", "with_sales"}: true, {"answer_received", "resolved"}: true, {"answer_received", "cancelled"}: true,
	}
	for _, from := range dispute.Statuses() {
		for _, to := range dispute.Statuses() {
			d := dispute.New("ACME", []dispute.DisputedItem{{ItemID: "A", Amount: 1000}}, dispute.ReasonPrice, day(time.October, 1), "cr", "S1", ledger.NoDate, "")
			d.ID = "L2026-0042"
			date := day(time.October, 2)
			for _, s := range reach[from] {
				var r *dispute.Resolution
				if s == dispute.StatusResolved {
					r = &dispute.Resolution{Kind: dispute.ResolvedCreditNote}
				}
				must(t, d.Move(s, date, "cr", "", r))
			}
			before := len(d.History)
			var r *dispute.Resolution
			if to == dispute.StatusResolved {
				r = &dispute.Resolution{Kind: dispute.ResolvedPartial, Amount: 500}
			}
			err := d.Move(to, date.AddDays(1), "cr", "", r)
			want := ok[[2]dispute.Status{from, to}]
			if want != (err == nil) {
				t.Errorf("%s → %s: err %v, want ok=%v", from, to, err, want)
				continue
			}
			if err != nil {
				msg := ledger.Localize(err, "fr")
				if !strings.Contains(msg, "L2026-0042") || !strings.Contains(msg, string(from)) || !strings.Contains(msg, string(to)) {
					t.Errorf("%s → %s: unclear message %q", from, to, msg)
				}
				if len(d.History) != before || d.Status != from {
					t.Errorf("%s → %s: refused but changed", from, to)
				}
				continue
			}
			if err := d.Validate(); err != nil {
				t.Errorf("%s → %s: %v", from, to, err)
			}
		}
	}
}

func TestResolutionChecks(t *testing.T) {
	cases := []struct {
		name string
		r    *dispute.Resolution
		key  string
	}{
		{"no resolution", nil, "dispute.err.noresolution"},
		{"empty kind", &dispute.Resolution{}, "dispute.err.noresolution"},
		{"partial = disputed", &dispute.Resolution{Kind: dispute.ResolvedPartial, Amount: 1000}, "dispute.err.partial"},
		{"partial > disputed", &dispute.Resolution{Kind: dispute.ResolvedPartial, Amount: 2000}, "dispute.err.partial"},
		{"partial zero", &dispute.Resolution{Kind: dispute.ResolvedPartial}, "dispute.err.partial"},
		{"rejected with amount", &dispute.Resolution{Kind: dispute.ResolvedRejected, Amount: 1}, "dispute.err.rejected_amount"},
		{"credit note too big", &dispute.Resolution{Kind: dispute.ResolvedCreditNote, Amount: 1001}, "dispute.err.credit_amount"},
		{"unknown kind", &dispute.Resolution{Kind: "gift"}, "dispute.err.resolution_kind"},
		{"partial ok", &dispute.Resolution{Kind: dispute.ResolvedPartial, Amount: 999}, ""},
		{"credit note defaults to total", &dispute.Resolution{Kind: dispute.ResolvedCreditNote}, ""},
	}
	for _, tc := range cases {
		d := dispute.New("ACME", []dispute.DisputedItem{{ItemID: "A", Amount: 600}, {ItemID: "B", Amount: 400}}, dispute.ReasonPrice, day(time.October, 1), "cr", "S1", ledger.NoDate, "")
		err := d.Move(dispute.StatusResolved, day(time.October, 5), "cr", "", tc.r)
		if tc.key == "" {
			if err != nil || d.Resolution == nil || d.Resolution.Date != day(time.October, 5) || d.Validate() != nil {
				t.Errorf("%s: %v %+v", tc.name, err, d.Resolution)
			}
			continue
		}
		if !errors.Is(err, &ledger.Problem{Key: tc.key}) {
			t.Errorf("%s: got %v, want %s", tc.name, err, tc.key)
		}
	}
	d := dispute.New("ACME", []dispute.DisputedItem{{ItemID: "A", Amount: 600}}, dispute.ReasonPrice, day(time.October, 1), "cr", "S1", ledger.NoDate, "")
	if err := d.Move(dispute.StatusWithSales, day(time.September, 1), "cr", "", nil); !errors.Is(err, &ledger.Problem{Key: "dispute.err.date"}) {
		t.Errorf("back-dated move: %v", err)
	}
	if err := d.AddNote(day(time.October, 3), "cr", ""); err == nil {
		t.Error("empty note accepted")
	}
	must(t, d.AddNote(day(time.October, 3), "cr", "called the buyer"))
	if len(d.Notes) != 1 {
		t.Error("note not added")
	}
}

func TestValidate(t *testing.T) {
	good := func() dispute.Dispute {
		return dispute.New("ACME", []dispute.DisputedItem{{ItemID: "A", Amount: 600}}, dispute.ReasonPrice, day(time.October, 1), "cr", "S1", ledger.NoDate, "")
	}
	cases := []struct {
		name   string
		change func(d *dispute.Dispute)
		key    string
	}{
		{"no customer", func(d *dispute.Dispute) { d.Customer = "" }, "dispute.err.customer"},
		{"no items", func(d *dispute.Dispute) { d.Items = nil }, "dispute.err.noitems"},
		{"twice", func(d *dispute.Dispute) { d.Items = append(d.Items, d.Items[0]) }, "dispute.err.item"},
		{"negative", func(d *dispute.Dispute) { d.Items[0].Amount = -1 }, "dispute.err.amount"},
		{"reason", func(d *dispute.Dispute) { d.Reason = "mood" }, "dispute.err.reason"},
		{"owner", func(d *dispute.Dispute) { d.Owner = "" }, "dispute.err.owner"},
		{"due before", func(d *dispute.Dispute) { d.DueBy = day(time.January, 1) }, "dispute.err.dueby"},
		{"history", func(d *dispute.Dispute) { d.Status = dispute.StatusWithSales }, "dispute.err.history"},
		{"early resolution", func(d *dispute.Dispute) { d.Resolution = &dispute.Resolution{Kind: "rejected"} }, "dispute.err.early_resolution"},
	}
	for _, tc := range cases {
		d := good()
		tc.change(&d)
		if err := d.Validate(); !errors.Is(err, &ledger.Problem{Key: tc.key}) {
			t.Errorf("%s: got %v, want %s", tc.name, err, tc.key)
		}
	}
}
