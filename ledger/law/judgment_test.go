package law

import (
	"errors"
	"strings"
	"testing"

	"relance/ledger"
)

type wantJLine struct {
	claim, from, to string
	days            int
	rate, base, amt string
}

func checkJLines(t *testing.T, d *JudgmentDecompte, want []wantJLine) {
	t.Helper()
	if len(d.Lines) != len(want) {
		for _, l := range d.Lines {
			t.Logf("%s %s→%s %d %s %s %s", l.Invoice, l.From, l.To, l.Days, l.Rate.Rate, l.Base, l.Interest)
		}
		t.Fatalf("%d lines, want %d", len(d.Lines), len(want))
	}
	for i, w := range want {
		l := d.Lines[i]
		if l.Invoice != w.claim || l.From.String() != w.from || l.To.String() != w.to || l.Days != w.days ||
			!l.Rate.Rate.Equal(dec(w.rate)) || l.Base != cents(w.base) || l.Interest != cents(w.amt) {
			t.Errorf("line %d: %s %s→%s %d days %s%% on %s = %s; want %+v", i, l.Invoice, l.From, l.To, l.Days,
				l.Rate.Rate, l.Base, l.Interest, w)
		}
	}
}

func hasJNote(d *JudgmentDecompte, key string) bool {
	for _, n := range d.Notes {
		if n.Key == key {
			return true
		}
	}
	return false
}

// Legal rate across 30 June 2025 with the L313-3 switch in the middle of H1.
// Decision 10/03/2025, served (enforceable) 15/04/2025: the two months end on
// 15/06/2025, the rate is legal + 5 from 16/06/2025. 2025 H1 legal rate ("other
// cases") 3.71 %, H2 2.76 % (legal-fr §2.3). By hand, 365-day year:
//
//	principal 10 000 × 3.71 % × 97/365 (11/03–15/06) =  98.5945 →  98.59
//	          10 000 × 8.71 % × 15/365 (16/06–30/06) =  35.7945 →  35.79
//	          10 000 × 7.76 % × 92/365 (01/07–30/09) = 195.5945 → 195.59
//	art. 700   1 500 × 3.71 % × 97/365 = 14.7892 → 14.79
//	           1 500 × 8.71 % × 15/365 =  5.3692 →  5.37
//	           1 500 × 7.76 % × 92/365 = 29.3392 → 29.34
//
// interest 379.47; with the principal, art. 700 and 80 € of dépens, 11 959.47 €.
func TestJudgmentMajorationAcrossHalfYear(t *testing.T) {
	j := Judgment{Customer: "C1", Kind: JudgmentMerits, Decision: day("2025-03-10"), Enforceable: day("2025-04-15"),
		Principal: cents("10000"), Interest: InterestLegal, Art700: cents("1500"), Costs: cents("80")}
	d, err := ComputeJudgment(mustRates(t), j, day("2025-09-30"), "EUR")
	if err != nil {
		t.Fatal(err)
	}
	if d.Majoration != day("2025-06-16") {
		t.Errorf("majoration from %s, want 2025-06-16", d.Majoration)
	}
	checkJLines(t, d, []wantJLine{
		{"principal", "2025-03-11", "2025-06-15", 97, "3.71", "10000", "98.59"},
		{"principal", "2025-06-16", "2025-06-30", 15, "8.71", "10000", "35.79"},
		{"principal", "2025-07-01", "2025-09-30", 92, "7.76", "10000", "195.59"},
		{"art700", "2025-03-11", "2025-06-15", 97, "3.71", "1500", "14.79"},
		{"art700", "2025-06-16", "2025-06-30", 15, "8.71", "1500", "5.37"},
		{"art700", "2025-07-01", "2025-09-30", 92, "7.76", "1500", "29.34"},
	})
	if r := d.Lines[1].Rate; r.Rule != "CMF L313-2, L313-3" || !r.Margin.Equal(dec("5")) || !r.Ref.Equal(dec("3.71")) {
		t.Errorf("majorated rate %+v", r)
	}
	tot := d.Totals
	if tot.Accrued != cents("379.47") || tot.Awarded != cents("11580") || tot.TotalDue != cents("11959.47") ||
		tot.Owed != cents("11580") || tot.InterestOwed != cents("379.47") {
		t.Errorf("totals %+v", tot)
	}
	if d.EnforceUntil != day("2035-04-15") || d.DaysLeft != day("2035-04-15").DaysSince(day("2025-09-30")) {
		t.Errorf("L111-4: %s, %d days", d.EnforceUntil, d.DaysLeft)
	}
	for _, k := range []string{"judgment.note.principal_legal", "judgment.note.majoration", "judgment.note.accessories_art700",
		"judgment.note.costs", "judgment.note.enforcement", "judgment.note.basis"} {
		if !hasJNote(d, k) {
			t.Errorf("note %s missing: %+v", k, d.Notes)
		}
	}
	if hasJNote(d, "judgment.note.capitalise") || hasJNote(d, "judgment.note.imputation") {
		t.Errorf("notes for what was not ordered: %+v", d.Notes)
	}
	fr := d.NoteText(d.Notes[2], "fr")
	if !strings.Contains(fr, "16/06/2025") || !strings.Contains(fr, "15/04/2025") || strings.Contains(fr, "2025-") {
		t.Errorf("majoration note in French: %s", fr)
	}
}

// A rate fixed by the decision (10 %), interest from 15/01/2024, capitalisation
// ordered: on 15/01/2025 the year's interest joins the capital (C. civ. 1343-2), and
// the rate is never raised (CMF L313-3 concerns the legal rate only). By hand:
//
//	5 000,00 × 10 % × 366/365 (16/01/2024–15/01/2025) = 501.3699 → 501.37, capitalised
//	5 501,37 × 10 % ×  89/365 (16/01/2025–14/04/2025) = 134.1430 → 134.14
func TestJudgmentCapitalisation(t *testing.T) {
	j := Judgment{Customer: "C1", Kind: JudgmentInjonction, Decision: day("2024-03-01"), Enforceable: day("2024-04-01"),
		Principal: cents("5000"), Interest: InterestContract, Rate: contract("10"), InterestFrom: day("2024-01-15"),
		Capitalise: true}
	d, err := ComputeJudgment(mustRates(t), j, day("2025-04-14"), "EUR")
	if err != nil {
		t.Fatal(err)
	}
	checkJLines(t, d, []wantJLine{
		{"principal", "2024-01-16", "2025-01-15", 366, "10", "5000", "501.37"},
		{"principal", "2025-01-16", "2025-04-14", 89, "10", "5501.37", "134.14"},
	})
	if len(d.Events) != 1 || d.Events[0].Kind != JudgmentCapitalised || d.Events[0].Date != day("2025-01-15") ||
		d.Events[0].Amount != cents("501.37") {
		t.Errorf("events %+v", d.Events)
	}
	tot := d.Totals
	if tot.Accrued != cents("635.51") || tot.Capitalised != cents("501.37") || tot.InterestOwed != cents("635.51") ||
		tot.TotalDue != cents("5635.51") {
		t.Errorf("totals %+v", tot)
	}
	if !hasJNote(d, "judgment.note.principal_contract") || !hasJNote(d, "judgment.note.capitalise") ||
		hasJNote(d, "judgment.note.majoration") || hasJNote(d, "judgment.note.majoration_later") {
		t.Errorf("notes %+v", d.Notes)
	}
	// Less than a year: nothing capitalised.
	d, err = ComputeJudgment(mustRates(t), j, day("2025-01-14"), "EUR")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 0 || d.Totals.Capitalised != 0 || len(d.Lines) != 1 {
		t.Errorf("before the first anniversary: %+v %+v", d.Events, d.Lines)
	}
}

// A payment of 1 000 € on 30/09/2025, before the majoration (enforceable 20/08/2025,
// +5 points from 21/10/2025), goes to the costs (dépens 100, art. 700 300, indemnity
// 40 = 440), then the interest accrued to that day, then the principal (C. civ.
// 1343-1). Legal rate 2025 H2 2.76 %. By hand:
//
//	principal 2 000 × 2.76 % × 82/365 (11/07–30/09) = 12.4011 → 12.40
//	indemnity    40 × 2.76 % × 82/365               =  0.2480 →  0.25
//	art. 700    300 × 2.76 % × 82/365               =  1.8602 →  1.86
//	payment 1 000: 440 costs, 14.51 interest, 545.49 principal → principal 1 454.51
//	principal 1 454.51 × 2.76 % × 20/365 (01/10–20/10) = 2.1997 → 2.20
//
// owed on 20/10/2025: 1 454.51 + 2.20 = 1 456.71 (= 2 440 + 16.71 − 1 000).
func TestJudgmentPaymentImputation(t *testing.T) {
	j := Judgment{Customer: "C1", Kind: JudgmentInjonction, Decision: day("2025-07-10"), Enforceable: day("2025-08-20"),
		Principal: cents("2000"), Interest: InterestLegal, Indemnity: cents("40"), Art700: cents("300"), Costs: cents("100"),
		Payments: []JudgmentPayment{{Date: day("2025-09-30"), Amount: cents("1000"), Ref: "VIR 1"}}}
	d, err := ComputeJudgment(mustRates(t), j, day("2025-10-20"), "EUR")
	if err != nil {
		t.Fatal(err)
	}
	checkJLines(t, d, []wantJLine{
		{"principal", "2025-07-11", "2025-09-30", 82, "2.76", "2000", "12.40"},
		{"principal", "2025-10-01", "2025-10-20", 20, "2.76", "1454.51", "2.20"},
		{"indemnity", "2025-07-11", "2025-09-30", 82, "2.76", "40", "0.25"},
		{"art700", "2025-07-11", "2025-09-30", 82, "2.76", "300", "1.86"},
	})
	if len(d.Events) != 1 {
		t.Fatalf("events %+v", d.Events)
	}
	e := d.Events[0]
	if e.ToCosts != cents("440") || e.ToInterest != cents("14.51") || e.ToPrincipal != cents("545.49") || e.Ref != "VIR 1" {
		t.Errorf("imputation %+v", e)
	}
	tot := d.Totals
	if tot.Paid != cents("1000") || tot.Accrued != cents("16.71") || tot.Owed != cents("1454.51") ||
		tot.InterestOwed != cents("2.20") || tot.TotalDue != cents("1456.71") {
		t.Errorf("totals %+v", tot)
	}
	if s := d.Sum(AwardArt700); s.Paid != cents("300") || s.Owed != 0 || s.InterestPaid != cents("1.86") {
		t.Errorf("art. 700 %+v", s)
	}
	if !hasJNote(d, "judgment.note.imputation") || !hasJNote(d, "judgment.note.majoration_later") || hasJNote(d, "judgment.note.majoration") {
		t.Errorf("notes %+v", d.Notes)
	}
	// More than is owed that day is refused, in the user's words.
	j.Payments[0].Amount = cents("5000")
	_, err = ComputeJudgment(mustRates(t), j, day("2025-10-20"), "EUR")
	if !errors.Is(err, &ledger.Problem{Key: "judgment.err.overpaid"}) {
		t.Fatalf("overpaid: %v", err)
	}
	if fr := ledger.Localize(err, "fr"); !strings.Contains(fr, "30/09/2025") || !strings.Contains(fr, "2\u202f454,51") {
		t.Errorf("overpaid in French: %s", fr)
	}
}

// The L441-10 rate is not raised either; beyond the rate tables the interest stops
// at their last day, with a note.
func TestJudgmentL441AndRatesCap(t *testing.T) {
	r := mustRates(t)
	_, to := r.LegalCoverage()
	j := Judgment{Customer: "C1", Kind: JudgmentRefere, Decision: day("2025-11-03"), Enforceable: day("2025-11-20"),
		Principal: cents("3000"), Interest: InterestL441}
	asOf := to.End().AddDays(200)
	d, err := ComputeJudgment(r, j, asOf, "EUR")
	if err != nil {
		t.Fatal(err)
	}
	if d.InterestEnd >= asOf || !hasJNote(d, "judgment.note.rates_cap") || !hasJNote(d, "judgment.note.principal_l441") {
		t.Errorf("end %s notes %+v", d.InterestEnd, d.Notes)
	}
	for _, l := range d.Lines {
		if l.Rate.Source != SourceECB || !l.Rate.Margin.Equal(dec("10")) {
			t.Errorf("line %+v: want ECB + 10", l)
		}
	}
	if hasJNote(d, "judgment.note.majoration") {
		t.Error("L313-3 applied to the L441-10 rate")
	}
}

func TestJudgmentValidate(t *testing.T) {
	ok := Judgment{Customer: "C1", Kind: JudgmentMerits, Decision: day("2025-03-10"), Enforceable: day("2025-04-15"),
		Principal: cents("100"), Interest: InterestLegal}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		change func(*Judgment)
		key    string
		fr     string
	}{
		{"kind", func(j *Judgment) { j.Kind = "x" }, "judgment.err.field", "nature de la décision invalide (x)"},
		{"principal", func(j *Judgment) { j.Principal = 0 }, "judgment.err.field", "principal alloué invalide"},
		{"order", func(j *Judgment) { j.Enforceable = day("2025-03-01") }, "judgment.err.enforceable_before", "01/03/2025"},
		{"rate", func(j *Judgment) { j.Interest = InterestContract }, "judgment.err.field", "taux d'intérêt fixé par la décision"},
		{"unused", func(j *Judgment) { j.Rate = contract("8") }, "judgment.err.rate_unused", "8 %"},
		{"art700", func(j *Judgment) { j.Art700 = -1 }, "judgment.err.field", "article 700"},
		{"payment", func(j *Judgment) {
			j.Payments = []JudgmentPayment{{Date: day("2025-01-02"), Amount: 100}}
		}, "judgment.err.payment_before", "02/01/2025"},
	} {
		j := ok
		c.change(&j)
		err := j.Validate()
		if !errors.Is(err, &ledger.Problem{Key: c.key}) {
			t.Errorf("%s: %v, want %s", c.name, err, c.key)
			continue
		}
		if fr := ledger.Localize(err, "fr"); !strings.Contains(fr, c.fr) {
			t.Errorf("%s: %q does not say %q", c.name, fr, c.fr)
		}
	}
}

func TestEnforcementLevel(t *testing.T) {
	deadline := day("2035-04-15")
	for _, c := range []struct {
		asOf string
		want Level
	}{{"2035-04-16", LevelExpired}, {"2035-04-15", LevelWarn3}, {"2035-01-15", LevelWarn3},
		{"2035-01-14", LevelWarn6}, {"2034-10-15", LevelWarn6}, {"2034-10-14", LevelOK}} {
		if got := EnforcementLevel(deadline, day(c.asOf)); got != c.want {
			t.Errorf("%s: %s, want %s", c.asOf, got, c.want)
		}
	}
}
