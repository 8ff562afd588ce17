package law

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"relance/ledger"
)

func cents(s string) ledger.Cents {
	c, err := ledger.ParseCents(s)
	if err != nil {
		panic(err)
	}
	return c
}

func contract(s string) decimal.NullDecimal { return decimal.NullDecimal{Decimal: dec(s), Valid: true} }

type wantLine struct {
	from, to string
	days     int
	rate     string
	base     string
	interest string
}

// Worked examples of legal-fr §11 and §3, run through the whole engine with the
// embedded rate tables, to the cent.
func TestComputeReferenceVectors(t *testing.T) {
	r := mustRates(t)
	cases := []struct {
		name      string
		terms     Terms
		inv       Invoice
		lines     []wantLine
		interest  string
		indemnity string
		total     string
	}{
		{
			// FR-1 lesjooristes.fr: 5 000 €, 10 %, 30 days → 41.10 €. 10 % = ECB 0.00 + 10 (2019 H1).
			name:     "FR-1",
			terms:    Terms{Debtor: DebtorB2B, End: day("2019-03-31")},
			inv:      Invoice{Ref: "F1", Amount: cents("5000"), Due: day("2019-03-01")},
			lines:    []wantLine{{"2019-03-02", "2019-03-31", 30, "10", "5000.00", "41.10"}},
			interest: "41.10", indemnity: "40.00", total: "5081.10",
		},
		{
			// FR-2 agenceipro.com: 15 000 € TTC, 15 %, 30 days → 184.93 €. 15 % agreed, above the
			// 2025 H1 floor of 11.13 %.
			name:     "FR-2",
			terms:    Terms{Debtor: DebtorB2B, End: day("2025-03-16"), ContractRate: contract("15")},
			inv:      Invoice{Ref: "F2", Amount: cents("15000"), Due: day("2025-02-14")},
			lines:    []wantLine{{"2025-02-15", "2025-03-16", 30, "15", "15000.00", "184.93"}},
			interest: "184.93", indemnity: "40.00", total: "15224.93",
		},
		{
			// FR-4 (half-year split): 10 000 € due 15 Jun 2025 paid 15 Aug 2025: 15 days at 13.15 %
			// + 46 days at 12.15 % = 54.04 + 153.12 = 207.16 € + 40 €.
			name:  "FR-4",
			terms: Terms{Debtor: DebtorB2B, End: day("2025-08-15")},
			inv:   Invoice{Ref: "F4", Amount: cents("10000"), Due: day("2025-06-15")},
			lines: []wantLine{
				{"2025-06-16", "2025-06-30", 15, "13.15", "10000.00", "54.04"},
				{"2025-07-01", "2025-08-15", 46, "12.15", "10000.00", "153.12"},
			},
			interest: "207.16", indemnity: "40.00", total: "10247.16",
		},
		{
			// PUB-1 (legal-fr §3 and §11): same invoice, public buyer: 3.15 + 8 = 11.15 % fixed,
			// 61 days → 186.34 € + 40 €.
			name:     "PUB-1",
			terms:    Terms{Debtor: DebtorPublic, End: day("2025-08-15")},
			inv:      Invoice{Ref: "P1", Amount: cents("10000"), Due: day("2025-06-15")},
			lines:    []wantLine{{"2025-06-16", "2025-08-15", 61, "11.15", "10000.00", "186.34"}},
			interest: "186.34", indemnity: "40.00", total: "10226.34",
		},
		{
			// UK-2 payontime #432: £262.25, 8.5 %, 139 days → £8.49 + £40 = £310.74.
			// 8.5 % = 8 + base 0.50 on 31 Dec 2014 (2015 H1).
			name:     "UK-2",
			terms:    Terms{Debtor: DebtorUK, End: day("2015-05-29")},
			inv:      Invoice{Ref: "U2", Amount: cents("262.25"), Due: day("2015-01-10")},
			lines:    []wantLine{{"2015-01-11", "2015-05-29", 139, "8.50", "262.25", "8.49"}},
			interest: "8.49", indemnity: "40.00", total: "310.74",
		},
		{
			// UK-4 tools.gera.services: £12 000, 13 %, 90 days → ≈ £384 (exact 384.6575 → 384.66) + £100.
			// 13 % = 8 + base 5.00 on 30 Jun 2023 (2023 H2).
			name:     "UK-4",
			terms:    Terms{Debtor: DebtorUK, End: day("2023-10-08")},
			inv:      Invoice{Ref: "U4", Amount: cents("12000"), Due: day("2023-07-10")},
			lines:    []wantLine{{"2023-07-11", "2023-10-08", 90, "13.00", "12000.00", "384.66"}},
			interest: "384.66", indemnity: "100.00", total: "12484.66",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := Compute(r, c.terms, c.inv)
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Lines) != len(c.lines) {
				t.Fatalf("%d lines, want %d: %+v", len(d.Lines), len(c.lines), d.Lines)
			}
			for i, w := range c.lines {
				g := d.Lines[i]
				if g.From.String() != w.from || g.To.String() != w.to || g.Days != w.days || !g.Rate.Rate.Equal(dec(w.rate)) ||
					g.Base != cents(w.base) || g.Interest != cents(w.interest) {
					t.Errorf("line %d: %s..%s %d days %s %% on %s = %s; want %+v", i, g.From, g.To, g.Days, g.Rate.Rate,
						g.Base, g.Interest, w)
				}
			}
			tt := d.Totals
			if tt.Interest != cents(c.interest) || tt.Indemnity != cents(c.indemnity) || tt.TotalDue != cents(c.total) {
				t.Errorf("totals %+v; want interest %s indemnity %s total %s", tt, c.interest, c.indemnity, c.total)
			}
		})
	}
}

// Published vectors whose rate cannot come from the tables (a rate quoted directly):
// the line computation itself, to the cent.
func TestSimpleInterestVectors(t *testing.T) {
	for _, c := range []struct {
		name, principal, rate string
		days                  int
		exact, want           string
	}{
		{"FR-1", "5000", "10", 30, "41.0958904110", "41.10"},
		{"FR-2", "15000", "15", 30, "184.9315068493", "184.93"},
		{"FR-3 (1.5 × 0.65 %)", "1000", "0.975", 45, "1.2020547945", "1.20"},
		{"UK-1", "1000", "12", 30, "9.8630136986", "9.86"},
		{"UK-2", "262.25", "8.5", 139, "8.4889965753", "8.49"},
		{"UK-3", "5000", "12.5", 30, "51.3698630137", "51.37"},
		{"UK-4", "12000", "13", 90, "384.6575342466", "384.66"},
		{"FR-4 H1", "10000", "13.15", 15, "54.0410958904", "54.04"},
		{"FR-4 H2", "10000", "12.15", 46, "153.1232876712", "153.12"},
		{"FR-4 undivided (219.77)", "10000", "13.15", 61, "219.7671232877", "219.77"},
		{"PUB-1", "10000", "11.15", 61, "186.3424657534", "186.34"},
	} {
		exact, got := SimpleInterest(cents(c.principal), dec(c.rate), c.days, 365)
		if got != cents(c.want) || !exact.Equal(dec(c.exact)) {
			t.Errorf("%s: %s (%s), want %s (%s)", c.name, got, exact, c.want, c.exact)
		}
	}
	// UK-1 daily 32.9p; UK-4 daily ≈ £4.27.
	if e, _ := SimpleInterest(cents("1000"), dec("12"), 1, 365); e.Round(3).String() != "0.329" {
		t.Errorf("UK-1 daily %s", e)
	}
	if _, c := SimpleInterest(cents("12000"), dec("13"), 1, 365); c != cents("4.27") {
		t.Errorf("UK-4 daily %s", c)
	}
	// UK-3: £51.37 + £70 = £121.37; UK-2: + £40.
	if got := cents("51.37") + UKCompensation(cents("5000")); got != cents("121.37") {
		t.Errorf("UK-3 total %s", got)
	}
	for _, c := range []struct{ debt, want string }{{"999.99", "40"}, {"1000", "70"}, {"9999.99", "70"}, {"10000", "100"}} {
		if got := UKCompensation(cents(c.debt)); got != cents(c.want) {
			t.Errorf("UK compensation on %s: %s, want %s", c.debt, got, c.want)
		}
	}
}

// Partial payments: interest on the remaining balance from each payment date, split
// with the half-years.
func TestComputePartialPayments(t *testing.T) {
	r := mustRates(t)
	d, err := Compute(r, Terms{Debtor: DebtorB2B, End: day("2025-08-15")}, Invoice{Ref: "F", Amount: cents("10000"),
		Due: day("2025-06-15"), Payments: []Payment{{day("2025-07-31"), cents("6000")}, {day("2025-06-20"), cents("1000")}}})
	if err != nil {
		t.Fatal(err)
	}
	want := []wantLine{
		{"2025-06-16", "2025-06-20", 5, "13.15", "10000.00", "18.01"}, // 10000 × 13.15 % × 5/365 = 18.0137
		{"2025-06-21", "2025-06-30", 10, "13.15", "9000.00", "32.42"}, // 32.4247
		{"2025-07-01", "2025-07-31", 31, "12.15", "9000.00", "92.87"}, // 92.8726
		{"2025-08-01", "2025-08-15", 15, "12.15", "3000.00", "14.98"}, // 14.9795
	}
	if len(d.Lines) != len(want) {
		t.Fatalf("lines %+v", d.Lines)
	}
	for i, w := range want {
		g := d.Lines[i]
		if g.From.String() != w.from || g.To.String() != w.to || g.Days != w.days || g.Base != cents(w.base) || g.Interest != cents(w.interest) {
			t.Errorf("line %d: %s..%s %d on %s = %s, want %+v", i, g.From, g.To, g.Days, g.Base, g.Interest, w)
		}
	}
	tt := d.Totals
	if tt.Paid != cents("7000") || tt.Principal != cents("3000") || tt.Interest != cents("158.28") ||
		tt.Indemnity != cents("40") || tt.TotalDue != cents("3198.28") {
		t.Errorf("totals %+v", tt)
	}
	// Paid in full before the due date: nothing, no indemnity.
	d, err = Compute(r, Terms{Debtor: DebtorB2B, End: day("2025-08-15")}, Invoice{Ref: "G", Amount: cents("100"),
		Due: day("2025-06-15"), Payments: []Payment{{day("2025-06-10"), cents("100")}}})
	if err != nil || len(d.Lines) != 0 || d.Totals.TotalDue != 0 {
		t.Errorf("paid on time: %+v %v", d, err)
	}
}

// Consumers: legal rate ("other cases" for a business creditor, or the private-person
// rate) from the formal notice, split per half-year, no €40.
func TestComputeConsumer(t *testing.T) {
	r := mustRates(t)
	inv := Invoice{Ref: "C", Amount: cents("1000"), Due: day("2025-05-01")}
	d, err := Compute(r, Terms{Debtor: DebtorConsumer, End: day("2025-07-31"), Notice: day("2025-06-15")}, inv)
	if err != nil {
		t.Fatal(err)
	}
	// 16-30 Jun: 15 days at 3.71 % = 1.5247 → 1.52; 1-31 Jul: 31 days at 2.76 % = 2.3441 → 2.34.
	if len(d.Lines) != 2 || d.Lines[0].Interest != cents("1.52") || d.Lines[1].Interest != cents("2.34") ||
		d.Lines[0].From.String() != "2025-06-16" || d.Totals.Indemnity != 0 || d.Totals.Interest != cents("3.86") {
		t.Errorf("consumer: %+v", d)
	}
	d, err = Compute(r, Terms{Debtor: DebtorConsumer, End: day("2025-07-31"), Notice: day("2025-06-15"), Creditor: PrivateCreditor}, inv)
	// 15 days at 7.21 % = 2.9630 → 2.96; 31 days at 6.65 % = 5.6479 → 5.65.
	if err != nil || d.Totals.Interest != cents("8.61") {
		t.Errorf("private creditor: %+v %v", d, err)
	}
	for _, terms := range []Terms{
		{Debtor: DebtorConsumer, End: day("2025-07-31")},
		{Debtor: DebtorConsumer, End: day("2025-07-31"), Notice: day("2025-04-01")},
	} {
		if _, err := Compute(r, terms, inv); err == nil {
			t.Errorf("%+v: accepted", terms)
		}
	}
}

// C. com. L441-10 II: an agreed rate may not be lower than 3 × the legal interest rate
// ("other cases") of the half-year. A lower clause is not refused: the creditor is owed
// at least the floor, applied to each half-year where the agreed rate is below it, with
// a warning note citing the article (issue 22 point 1).
func TestContractRateFloor(t *testing.T) {
	r := mustRates(t)
	// 12 % in 2024 H1, floor 3 × 5.07 = 15.21 %: 29 days at 15.21 % on 1 000 € = 12.0849 → 12.08.
	d, err := Compute(r, Terms{Debtor: DebtorB2B, End: day("2024-03-31"), ContractRate: contract("12")},
		Invoice{Ref: "F", Amount: cents("1000"), Due: day("2024-03-02")})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Lines) != 1 || !d.Lines[0].Rate.Rate.Equal(dec("15.21")) || d.Lines[0].Rate.Source != SourceFloor ||
		!d.Lines[0].Rate.Ref.Equal(dec("5.07")) || d.Lines[0].Interest != cents("12.08") || d.Totals.Indemnity != cents("40") {
		t.Fatalf("12 %% in 2024 H1: %+v", d.Lines)
	}
	w := d.Warnings()
	if len(w) != 1 || w[0].Key != "law.note.rate_floor" || !slices.ContainsFunc(d.Notes, func(n Note) bool { return n.Key == w[0].Key }) {
		t.Fatalf("warnings %+v, notes %+v", w, d.Notes)
	}
	fr, en := FormatNote(w[0], "fr", "EUR"), FormatNote(w[0], "en", "EUR")
	for _, want := range []string{"12,00\u00a0%", "1er semestre 2024", "5,07\u00a0%", "15,21\u00a0%", "C. com. L441-10 II"} {
		if !strings.Contains(fr, want) {
			t.Errorf("fr warning %q lacks %q", fr, want)
		}
	}
	for _, want := range []string{"12.00%", "first half of 2024", "5.07%", "15.21%", "C. com. L441-10 II"} {
		if !strings.Contains(en, want) {
			t.Errorf("en warning %q lacks %q", en, want)
		}
	}

	// The case of the issue: 10 % on FR-4's invoice (due 15 Jun 2025, paid 15 Aug 2025).
	// 2025 H1: floor 3 × 3.71 = 11.13 % > 10 %: 15 days at 11.13 % = 45.7397 → 45.74;
	// 2025 H2: floor 3 × 2.76 = 8.28 % ≤ 10 %: 46 days at 10 % = 126.0274 → 126.03.
	d, err = Compute(r, Terms{Debtor: DebtorB2B, End: day("2025-08-15"), ContractRate: contract("10")},
		Invoice{Ref: "F4", Amount: cents("10000"), Due: day("2025-06-15")})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		rate, interest string
		src            RateSource
	}{{"11.13", "45.74", SourceFloor}, {"10", "126.03", SourceContract}}
	if len(d.Lines) != 2 {
		t.Fatalf("lines %+v", d.Lines)
	}
	for i, w := range want {
		if g := d.Lines[i]; !g.Rate.Rate.Equal(dec(w.rate)) || g.Interest != cents(w.interest) || g.Rate.Source != w.src {
			t.Errorf("line %d: %s %% %s %s, want %+v", i, g.Rate.Rate, g.Interest, g.Rate.Source, w)
		}
	}
	if d.Totals.Interest != cents("171.77") || len(d.Warnings()) != 1 || d.Warnings()[0].Args[3] != "2025-H1" {
		t.Errorf("totals %+v, warnings %+v", d.Totals, d.Warnings())
	}

	// 10 % in 2025 H2 only is legal (floor 8.28 %, not the private-person rate × 3 =
	// 19.95 %): applied as is, no warning. 62 days = 169.8630 → 169.86.
	d, err = Compute(r, Terms{Debtor: DebtorB2B, End: day("2025-09-15"), ContractRate: contract("10")},
		Invoice{Ref: "F", Amount: cents("10000"), Due: day("2025-07-15")})
	if err != nil || len(d.Lines) != 1 || !d.Lines[0].Rate.Rate.Equal(dec("10")) || d.Totals.Interest != cents("169.86") ||
		len(d.Warnings()) != 0 {
		t.Errorf("10 %% in 2025 H2: %+v %v", d, err)
	}
	// Exactly at the floor is not below it.
	d, err = Compute(r, Terms{Debtor: DebtorB2B, End: day("2025-09-15"), ContractRate: contract("8.28")},
		Invoice{Ref: "F", Amount: cents("10000"), Due: day("2025-07-15")})
	if err != nil || d.Lines[0].Rate.Source != SourceContract || len(d.Warnings()) != 0 {
		t.Errorf("8.28 %% in 2025 H2: %+v %v", d, err)
	}
	// 9 % across 2024 H2 (floor 14.76) and 2025 H1 (11.13) and H2 (8.28): floor, floor,
	// agreed rate — one warning per half-year where the floor applied.
	d, err = Compute(r, Terms{Debtor: DebtorB2B, End: day("2025-07-31"), ContractRate: contract("9")},
		Invoice{Ref: "F", Amount: cents("1000"), Due: day("2024-12-01")})
	if err != nil || len(d.Lines) != 3 || !d.Lines[0].Rate.Rate.Equal(dec("14.76")) || !d.Lines[1].Rate.Rate.Equal(dec("11.13")) ||
		!d.Lines[2].Rate.Rate.Equal(dec("9")) || len(d.Warnings()) != 2 {
		t.Errorf("9 %% over three half-years: %+v %v", d, err)
	}
	checkNotesTranslated(t, d)
}

// An invoice paid on or before its due date owes nothing — no interest, no €40 — and
// the décompte says why (issue 22 point 2); an invoice not yet due at the end date
// likewise.
func TestComputeNotLate(t *testing.T) {
	r := mustRates(t)
	for _, c := range []struct {
		name      string
		terms     Terms
		inv       Invoice
		key       string
		principal string
	}{
		{"paid before the due date", Terms{Debtor: DebtorB2B, End: day("2025-08-15")},
			Invoice{Ref: "A", Amount: cents("100"), Due: day("2025-06-15"), Payments: []Payment{{day("2025-06-10"), cents("100")}}},
			"law.note.paid_on_time", "0"},
		{"paid on the due date, in two payments", Terms{Debtor: DebtorB2B, End: day("2025-06-15")},
			Invoice{Ref: "B", Amount: cents("100"), Due: day("2025-06-15"), Payments: []Payment{{day("2025-06-01"), cents("40")}, {day("2025-06-15"), cents("60")}}},
			"law.note.paid_on_time", "0"},
		{"consumer paid on time needs no formal notice", Terms{Debtor: DebtorConsumer, End: day("2025-08-15")},
			Invoice{Ref: "C", Amount: cents("100"), Due: day("2025-06-15"), Payments: []Payment{{day("2025-06-15"), cents("100")}}},
			"law.note.paid_on_time", "0"},
		{"public buyer paid on time in a half-year without rates", Terms{Debtor: DebtorPublic, End: day("2026-11-23")},
			Invoice{Ref: "D", Amount: cents("100"), Due: day("2026-09-01"), Payments: []Payment{{day("2026-08-20"), cents("100")}}},
			"law.note.paid_on_time", "0"},
		{"not yet due at the end date", Terms{Debtor: DebtorB2B, End: day("2025-08-10")},
			Invoice{Ref: "E", Amount: cents("100"), Due: day("2025-08-15")},
			"law.note.not_late", "100"},
	} {
		d, err := Compute(r, c.terms, c.inv)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		tt := d.Totals
		if len(d.Lines) != 0 || tt.Interest != 0 || tt.Indemnity != 0 || tt.Principal != cents(c.principal) ||
			tt.TotalDue != cents(c.principal) || d.Invoices[0].Late {
			t.Errorf("%s: %+v", c.name, d)
		}
		if len(d.Notes) == 0 || d.Notes[0].Key != c.key {
			t.Errorf("%s: notes %+v, want %s first", c.name, d.Notes, c.key)
		}
		checkNotesTranslated(t, d)
	}
	d, _ := Compute(r, Terms{Debtor: DebtorB2B, End: day("2025-08-15")},
		Invoice{Ref: "A", Amount: cents("100"), Due: day("2025-06-15"), Payments: []Payment{{day("2025-06-10"), cents("100")}}})
	if got := FormatNote(d.Notes[0], "fr", "EUR"); !strings.Contains(got, "10/06/2025") || !strings.Contains(got, "15/06/2025") {
		t.Errorf("fr note %q should give the payment and due dates", got)
	}
}

// The 366-day option (issue 22 point 8): the days falling in a leap year over 366, the
// others over 365, each line within one calendar year; 365 stays the default.
func TestComputeLeapBasis(t *testing.T) {
	r := mustRates(t)
	// 2024 H1: ECB 4.50 + 10 = 14.50 %; 30 days on 10 000 €: /366 = 118.8525 → 118.85
	// (/365 = 119.1781 → 119.18).
	inv := Invoice{Ref: "L", Amount: cents("10000"), Due: day("2024-02-15")}
	d, err := Compute(r, Terms{Debtor: DebtorB2B, End: day("2024-03-16"), Basis: BasisLeap}, inv)
	if err != nil || len(d.Lines) != 1 || d.Lines[0].Basis != 366 || d.Lines[0].Interest != cents("118.85") || d.Basis != BasisLeap {
		t.Fatalf("366: %+v %v", d, err)
	}
	if !slices.ContainsFunc(d.Notes, func(n Note) bool { return n.Key == "law.note.rounding_leap" }) ||
		slices.ContainsFunc(d.Notes, func(n Note) bool { return n.Key == "law.note.rounding" }) {
		t.Errorf("notes %+v should say the 365/366 basis", d.Notes)
	}
	checkNotesTranslated(t, d)
	d, err = Compute(r, Terms{Debtor: DebtorB2B, End: day("2024-03-16")}, inv)
	if err != nil || d.Lines[0].Basis != 365 || d.Lines[0].Interest != cents("119.18") || d.Basis != 365 {
		t.Errorf("default 365: %+v %v", d, err)
	}
	// A fixed rate (public buyer, 2024 H2: ECB 4.25 + 8 = 12.25 %) across 31 Dec 2024 is split there: 15 days /366 = 50.2049 → 50.20, 15 days /365 =
	// 50.3425 → 50.34; on 365 days one line of 30 days = 100.6849 → 100.68.
	pub := Invoice{Ref: "P", Amount: cents("10000"), Due: day("2024-12-16")}
	d, err = Compute(r, Terms{Debtor: DebtorPublic, End: day("2025-01-15"), Basis: BasisLeap}, pub)
	if err != nil || len(d.Lines) != 2 || d.Lines[0].To != day("2024-12-31") || d.Lines[0].Basis != 366 ||
		d.Lines[0].Interest != cents("50.20") || d.Lines[1].Basis != 365 || d.Lines[1].Interest != cents("50.34") ||
		!d.Lines[0].Rate.Rate.Equal(dec("12.25")) || !d.Lines[1].Rate.Rate.Equal(dec("12.25")) {
		t.Errorf("public across the year end: %+v %v", d.Lines, err)
	}
	d, err = Compute(r, Terms{Debtor: DebtorPublic, End: day("2025-01-15")}, pub)
	if err != nil || len(d.Lines) != 1 || d.Lines[0].Interest != cents("100.68") {
		t.Errorf("public on 365: %+v %v", d.Lines, err)
	}
	// Outside leap years the option changes nothing: FR-4 stays 207.16.
	d, err = Compute(r, Terms{Debtor: DebtorB2B, End: day("2025-08-15"), Basis: BasisLeap},
		Invoice{Ref: "F4", Amount: cents("10000"), Due: day("2025-06-15")})
	if err != nil || d.Totals.Interest != cents("207.16") {
		t.Errorf("FR-4 with the option: %+v %v", d, err)
	}
}

// checkNotesTranslated fails when a note of d has no text in a language (the key
// would be shown instead of a sentence).
func checkNotesTranslated(t *testing.T, d *Decompte) {
	t.Helper()
	for _, n := range d.Notes {
		for _, lang := range []string{"fr", "en"} {
			if got := FormatNote(n, lang, d.Currency); got == n.Key || strings.Contains(got, "{") {
				t.Errorf("note %s in %s: %q", n.Key, lang, got)
			}
		}
	}
}

func TestComputeErrorsAndBasis(t *testing.T) {
	r := mustRates(t)
	inv := Invoice{Ref: "F", Amount: cents("5000"), Due: day("2019-03-01")}
	d, err := Compute(r, Terms{Debtor: DebtorB2B, End: day("2019-03-31"), Basis: 360}, inv)
	// 5000 × 10 % × 30/360 = 41.6667 → 41.67
	if err != nil || d.Totals.Interest != cents("41.67") || d.Basis != 360 {
		t.Errorf("basis 360: %+v %v", d, err)
	}
	for name, c := range map[string]struct {
		terms Terms
		inv   Invoice
		key   string
	}{
		"basis":          {Terms{Debtor: DebtorB2B, End: day("2019-03-31"), Basis: 300}, inv, "law.err.basis"},
		"no end":         {Terms{Debtor: DebtorB2B}, inv, "law.err.end"},
		"negative":       {Terms{Debtor: DebtorB2B, End: day("2019-03-31")}, Invoice{Amount: -1, Due: day("2019-03-01")}, "law.err.amount"},
		"overpaid":       {Terms{Debtor: DebtorB2B, End: day("2019-03-31")}, Invoice{Amount: 100, Due: day("2019-03-01"), Payments: []Payment{{day("2019-03-05"), 200}}}, "law.err.overpaid"},
		"payment after":  {Terms{Debtor: DebtorB2B, End: day("2019-03-31")}, Invoice{Amount: 100, Due: day("2019-03-01"), Payments: []Payment{{day("2019-04-05"), 50}}}, "law.err.payment_after"},
		"rate for uk":    {Terms{Debtor: DebtorUK, End: day("2019-03-31"), ContractRate: contract("20")}, inv, "law.err.rate_regime"},
		"ecb unknown":    {Terms{Debtor: DebtorB2B, End: day("2026-11-23")}, Invoice{Amount: 100, Due: day("2026-05-01")}, "law.err.ecb_range"},
		"notice missing": {Terms{Debtor: DebtorConsumer, End: day("2019-03-31")}, inv, "law.err.notice_required"},
	} {
		_, err := Compute(r, c.terms, c.inv)
		if !errors.Is(err, &ledger.Problem{Key: c.key}) {
			t.Errorf("%s: err %v, want %s", name, err, c.key)
		}
	}
}
