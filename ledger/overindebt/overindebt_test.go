package overindebt

import (
	"errors"
	"testing"
	"time"

	"relance/ledger"
)

func d(y int, m time.Month, day int) ledger.Date { return ledger.NewDate(y, m, day) }

// demoCase is the worked example of the demo: filed on 1 September 2026, admitted on
// 23 October, the état du passif notified on 24 November.
func demoCase() Case {
	return Case{Customer: "C1", Commission: "Commission de surendettement du Rhône", Filed: d(2026, 9, 1),
		Admitted: d(2026, 10, 23), Notified: d(2026, 11, 24), DebtorAmount: 120000}
}

var consumer = &ledger.Customer{ID: "C1", Name: "Mme Durand", Kind: ledger.Consumer}

func TestStatusWorkedExample(t *testing.T) {
	k := demoCase()
	cases := []struct {
		at     ledger.Date
		phase  Phase
		held   bool
		frozen bool
	}{
		{d(2026, 8, 31), PhaseNone, false, false},
		{d(2026, 9, 1), PhaseFiled, true, false}, // held from the filing (Relance's choice)
		{d(2026, 10, 22), PhaseFiled, true, false},
		{d(2026, 10, 23), PhaseAdmitted, true, true}, // L722-14: frozen from the admissibility
		{d(2026, 11, 24), PhaseLiabilities, true, true},
		{d(2026, 12, 4), PhaseLiabilities, true, true},
	}
	for _, c := range cases {
		st := k.At(c.at)
		if st.Phase != c.phase || st.Held != c.held || st.Frozen != c.frozen {
			t.Errorf("%s: phase %q held %v frozen %v, want %q %v %v", c.at, st.Phase, st.Held, st.Frozen, c.phase, c.held, c.frozen)
		}
	}
	// On 4 December 2026 the justification is due on 24 December: 20 days left
	// (24 November + 30 days, R723-3).
	st := k.At(d(2026, 12, 4))
	j, ok := st.Find(DeadlineJustify)
	if !ok || j.Date != d(2026, 12, 24) || j.DaysLeft != 20 || j.Done || j.Passed() {
		t.Fatalf("justify = %+v %v, want 2026-12-24, 20 days left", j, ok)
	}
	if n, ok := st.Next(); !ok || n.Kind != DeadlineJustify {
		t.Errorf("next = %+v, want the justification", n)
	}
	// The suspension ends at the latest 2 years after the admissibility (L722-3).
	if s, _ := st.Find(DeadlineSuspension); s.Date != d(2028, 10, 23) {
		t.Errorf("suspension = %s, want 2028-10-23", s.Date)
	}
	// The admissibility came: its deadline is no longer listed; before it, it was
	// 3 months from the filing (1 December).
	if a, ok := st.Find(DeadlineAdmissibility); ok {
		t.Errorf("admissibility listed once admitted: %+v", a)
	}
	if a, _ := k.At(d(2026, 10, 1)).Find(DeadlineAdmissibility); a.Date != d(2026, 12, 1) || a.DaysLeft != 61 {
		t.Errorf("admissibility = %+v", a)
	}
	if st.FrozenFrom != d(2026, 10, 23) {
		t.Errorf("frozen from %s", st.FrozenFrom)
	}
	// Past the 30 days without a letter the deadline is passed.
	late := k.At(d(2026, 12, 28))
	if j, _ := late.Find(DeadlineJustify); !j.Passed() || j.DaysLeft != -4 {
		t.Errorf("28 Dec: %+v, want passed by 4 days", j)
	}
	// Justified on 10 December: done.
	k.Justified, k.JustifiedOn = 118050, d(2026, 12, 10)
	if j, _ := k.At(d(2026, 12, 28)).Find(DeadlineJustify); !j.Done || j.Passed() {
		t.Errorf("justified: %+v", j)
	}
}

func TestInterestEnd(t *testing.T) {
	k := demoCase()
	// A décompte to 4 December stops on the admissibility's eve, 22 October.
	if e, ok := k.InterestEnd(d(2026, 12, 4)); !ok || e != d(2026, 10, 22) {
		t.Errorf("end = %s %v, want 2026-10-22", e, ok)
	}
	// One to 1 October (before the admissibility) is not cut.
	if e, ok := k.InterestEnd(d(2026, 10, 1)); ok || e != d(2026, 10, 1) {
		t.Errorf("end = %s %v", e, ok)
	}
	var none *Case
	if e, ok := none.InterestEnd(d(2026, 10, 1)); ok || e != d(2026, 10, 1) {
		t.Errorf("nil case: %s %v", e, ok)
	}
	// A file still waiting for its admissibility freezes nothing.
	k.Admitted, k.Notified = ledger.NoDate, ledger.NoDate
	if _, ok := k.InterestEnd(d(2026, 12, 4)); ok {
		t.Error("not admitted: cut")
	}
}

func TestOutcomes(t *testing.T) {
	k := demoCase()
	k.Outcome, k.OutcomeDate = Plan, d(2027, 2, 1)
	st := k.At(d(2027, 3, 1))
	if st.Phase != PhaseDecided || !st.Held || !st.Frozen {
		t.Errorf("plan: %+v", st)
	}
	if s, _ := st.Find(DeadlineSuspension); !s.Done {
		t.Error("plan: the suspension's limit is still waited for")
	}
	// A file closed without measures: reminders resume, the décompte stays stopped.
	k.Outcome = Closed
	st = k.At(d(2027, 3, 1))
	if st.Held || !st.Frozen {
		t.Errorf("closed: %+v", st)
	}
	// A refusal before admissibility: nothing held nor frozen afterwards.
	r := Case{Customer: "C1", Commission: "X", Filed: d(2026, 9, 1), Outcome: Refused, OutcomeDate: d(2026, 11, 2)}
	if st := r.At(d(2026, 11, 1)); !st.Held || st.Frozen {
		t.Errorf("before the refusal: %+v", st)
	}
	if st := r.At(d(2026, 11, 2)); st.Held || st.Frozen || st.Phase != PhaseDecided {
		t.Errorf("refused: %+v", st)
	}
	// Liquidation: 2 months from the judgment to declare.
	k.Outcome, k.OutcomeDate = RPLiquidation, d(2027, 1, 15)
	if l, ok := k.At(d(2027, 1, 20)).Find(DeadlineLiquidation); !ok || l.Date != d(2027, 3, 15) || l.DaysLeft != 54 {
		t.Errorf("liquidation: %+v %v", l, ok)
	}
}

func TestValidate(t *testing.T) {
	ok := demoCase()
	if err := ok.Validate(consumer); err != nil {
		t.Fatalf("valid case: %v", err)
	}
	business := &ledger.Customer{ID: "C1", Name: "Durand SARL", Kind: ledger.Business}
	var p *ledger.Problem
	if err := ok.Validate(business); !errors.As(err, &p) || p.Key != "overindebt.err.business" {
		t.Errorf("business: %v", err)
	}
	if err := ok.Validate(nil); !errors.As(err, &p) || p.Key != "overindebt.err.customer" {
		t.Errorf("unknown: %v", err)
	}
	bad := []struct {
		name  string
		edit  func(*Case)
		key   string
		field string
	}{
		{"no commission", func(k *Case) { k.Commission = " " }, "overindebt.err.field", "commission"},
		{"no filing", func(k *Case) { k.Filed = ledger.NoDate }, "overindebt.err.field", "filed"},
		{"admitted before filed", func(k *Case) { k.Admitted = d(2026, 8, 1); k.Notified = ledger.NoDate }, "overindebt.err.order", "admitted"},
		{"notified before admitted", func(k *Case) { k.Notified = d(2026, 10, 1) }, "overindebt.err.order", "notified"},
		{"notified not admitted", func(k *Case) { k.Admitted = ledger.NoDate }, "overindebt.err.field", "admitted"},
		{"outcome without date", func(k *Case) { k.Outcome = Plan }, "overindebt.err.field", "outcome_date"},
		{"unknown outcome", func(k *Case) { k.Outcome, k.OutcomeDate = "won", d(2027, 1, 1) }, "overindebt.err.field", "outcome"},
		{"refused once admitted", func(k *Case) { k.Outcome, k.OutcomeDate = Refused, d(2027, 1, 1) }, "overindebt.err.refused_admitted", ""},
		{"negative amount", func(k *Case) { k.DebtorAmount = -1 }, "overindebt.err.field", "debtor_amount"},
		{"plan not admitted", func(k *Case) {
			k.Admitted, k.Notified, k.Outcome, k.OutcomeDate = ledger.NoDate, ledger.NoDate, Plan, d(2027, 1, 1)
		}, "overindebt.err.field", "admitted"},
	}
	for _, b := range bad {
		k := demoCase()
		b.edit(&k)
		err := k.Validate(consumer)
		if !errors.As(err, &p) || p.Key != b.key {
			t.Errorf("%s: %v, want %s", b.name, err, b.key)
			continue
		}
		if b.field != "" && (len(p.Args) < 4 || p.Args[3] != "overindebt.field."+b.field) {
			t.Errorf("%s: args %v, want field %s", b.name, p.Args, b.field)
		}
	}
}

func TestParseOutcome(t *testing.T) {
	for _, o := range Outcomes {
		if got, ok := ParseOutcome(" " + string(o) + " "); !ok || got != o {
			t.Errorf("%s: %q %v", o, got, ok)
		}
	}
	if o, ok := ParseOutcome("none"); !ok || o != OutcomeNone {
		t.Error("none")
	}
	if _, ok := ParseOutcome("won"); ok {
		t.Error("won parsed")
	}
}

// The claim lists the open invoices issued by the admissibility with their open
// amounts, deducts the credits, and compares the total with the debtor's figure: 800,00 + 450,50 - 100,00 = 1 150,50 €,
// 49,50 € under the 1 200,00 € of the état du passif.
func TestBuildClaim(t *testing.T) {
	acc := &ledger.Account{Customer: *consumer, Items: []ledger.Item{
		{ID: "F1", Number: "FA-101", Kind: ledger.Invoice, DocDate: d(2026, 6, 1), DueDate: d(2026, 7, 1), Amount: 80000, Open: 80000},
		{ID: "F2", Kind: ledger.Invoice, DocDate: d(2026, 7, 1), DueDate: d(2026, 8, 1), Amount: 90000, Open: 45050},
		{ID: "F3", Number: "FA-090", Kind: ledger.Invoice, DocDate: d(2026, 5, 1), Amount: 30000, Open: 0},
		{ID: "A1", Number: "AV-7", Kind: ledger.CreditNote, DocDate: d(2026, 8, 1), Amount: -10000, Open: -10000},
		{ID: "F4", Number: "FA-200", Kind: ledger.Invoice, DocDate: d(2026, 12, 20), Amount: 5000, Open: 5000},
		{ID: "F5", Number: "FA-150", Kind: ledger.Invoice, DocDate: d(2026, 11, 2), Amount: 7000, Open: 7000},
	}}
	c := BuildClaim(acc, demoCase(), d(2026, 12, 4))
	if len(c.Lines) != 2 || c.Lines[0].Number != "FA-101" || c.Lines[1].Number != "F2" {
		t.Fatalf("lines = %+v", c.Lines)
	}
	if c.Invoiced != 125050 || c.Credits != -10000 || c.Total != 115050 || c.Difference != -4950 {
		t.Errorf("claim = %+v", c)
	}
	// FA-150, issued after the admissibility (23 October), is a new debt: not declared.
	if len(c.Later) != 1 || c.Later[0].Number != "FA-150" {
		t.Errorf("later = %+v", c.Later)
	}
}
