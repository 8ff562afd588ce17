package law

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"relance/ledger"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func day(s string) ledger.Date {
	d, err := ledger.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func mustRates(t *testing.T) *Rates {
	t.Helper()
	r, err := DefaultRates()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// legal-fr §2.2: the ECB rate on 1 January / 1 July and the L441-10 default rate of
// every half-year 2012 H1-2026 H1.
func TestECBHalfYears(t *testing.T) {
	r := mustRates(t)
	rows := []struct {
		year         int
		jan, h1, jul string
		h2           string
	}{
		{2012, "1.00", "11.00", "1.00", "11.00"},
		{2013, "0.75", "10.75", "0.50", "10.50"},
		{2014, "0.25", "10.25", "0.15", "10.15"},
		{2015, "0.05", "10.05", "0.05", "10.05"},
		{2016, "0.05", "10.05", "0.00", "10.00"},
		{2017, "0.00", "10.00", "0.00", "10.00"},
		{2018, "0.00", "10.00", "0.00", "10.00"},
		{2019, "0.00", "10.00", "0.00", "10.00"},
		{2020, "0.00", "10.00", "0.00", "10.00"},
		{2021, "0.00", "10.00", "0.00", "10.00"},
		{2022, "0.00", "10.00", "0.00", "10.00"},
		{2023, "2.50", "12.50", "4.00", "14.00"},
		{2024, "4.50", "14.50", "4.25", "14.25"},
		{2025, "3.15", "13.15", "2.15", "12.15"},
		{2026, "2.15", "12.15", "", ""},
	}
	for _, row := range rows {
		for _, c := range []struct {
			h          Half
			ecb, deflt string
		}{{Half{row.year, 1}, row.jan, row.h1}, {Half{row.year, 2}, row.jul, row.h2}} {
			got, err := r.ECBRateOn(c.h.Start())
			if c.ecb == "" {
				if err == nil {
					t.Errorf("%s: ECB rate %s, want an out-of-table error", c.h, got)
				}
				continue
			}
			if err != nil || !got.Equal(dec(c.ecb)) {
				t.Errorf("%s: ECB on %s = %s, %v; want %s", c.h, c.h.Start(), got, err, c.ecb)
			}
			p, err := r.B2BDefaultRate(c.h)
			if err != nil || !p.Rate.Equal(dec(c.deflt)) {
				t.Errorf("%s: default rate %s, %v; want %s", c.h, p.Rate, err, c.deflt)
			}
		}
	}
}

// legal-fr §2.1: some dates between changes, and both ends of the table.
func TestECBRateOn(t *testing.T) {
	r := mustRates(t)
	for _, c := range []struct{ date, want string }{
		{"2011-07-13", "1.50"}, {"2011-11-08", "1.50"}, {"2011-11-09", "1.25"}, {"2019-09-18", "0.00"},
		{"2022-07-26", "0.00"}, {"2022-07-27", "0.50"}, {"2024-09-17", "4.25"}, {"2024-09-18", "3.65"},
		{"2025-06-11", "2.15"}, {"2026-01-01", "2.15"},
	} {
		got, err := r.ECBRateOn(day(c.date))
		if err != nil || !got.Equal(dec(c.want)) {
			t.Errorf("ECB on %s = %s, %v; want %s", c.date, got, err, c.want)
		}
	}
	for _, d := range []string{"2011-07-12", "2026-01-02", "2026-07-01"} {
		_, err := r.ECBRateOn(day(d))
		if !errors.Is(err, &ledger.Problem{Key: "law.err.ecb_range"}) {
			t.Errorf("ECB on %s: err %v, want law.err.ecb_range", d, err)
		} else if !strings.Contains(err.Error(), d) || !strings.Contains(err.Error(), "2026-01-01") {
			t.Errorf("ECB on %s: message %q should name the date and the table's end", d, err)
		}
	}
}

// legal-fr §2.3: every published half-year, both categories, and the 3 × "other cases" floor.
func TestLegalRates(t *testing.T) {
	r := mustRates(t)
	rows := []struct{ half, private, other, floor string }{
		{"2015-H1", "4.06", "0.93", "2.79"}, {"2015-H2", "4.29", "0.99", "2.97"},
		{"2016-H1", "4.54", "1.01", "3.03"}, {"2016-H2", "4.35", "0.93", "2.79"},
		{"2017-H1", "4.16", "0.90", "2.70"}, {"2017-H2", "3.94", "0.90", "2.70"},
		{"2018-H1", "3.73", "0.89", "2.67"}, {"2018-H2", "3.60", "0.88", "2.64"},
		{"2019-H1", "3.40", "0.86", "2.58"}, {"2019-H2", "3.26", "0.87", "2.61"},
		{"2020-H1", "3.15", "0.87", "2.61"}, {"2020-H2", "3.11", "0.84", "2.52"},
		{"2021-H1", "3.14", "0.79", "2.37"}, {"2021-H2", "3.12", "0.76", "2.28"},
		{"2022-H1", "3.13", "0.76", "2.28"}, {"2022-H2", "3.15", "0.77", "2.31"},
		{"2023-H1", "4.47", "2.06", "6.18"}, {"2023-H2", "6.82", "4.22", "12.66"},
		{"2024-H1", "8.01", "5.07", "15.21"}, {"2024-H2", "8.16", "4.92", "14.76"},
		{"2025-H1", "7.21", "3.71", "11.13"}, {"2025-H2", "6.65", "2.76", "8.28"},
		{"2026-H1", "6.67", "2.62", "7.86"},
	}
	for _, row := range rows {
		h, err := ParseHalf(row.half)
		if err != nil {
			t.Fatal(err)
		}
		p, err1 := r.LegalRate(h, PrivateCreditor)
		o, err2 := r.LegalRate(h, OtherCases)
		if err1 != nil || err2 != nil || !p.Equal(dec(row.private)) || !o.Equal(dec(row.other)) {
			t.Errorf("%s: private %s other %s (%v %v); want %s %s", row.half, p, o, err1, err2, row.private, row.other)
		}
		f, err := r.ContractFloor(h)
		if err != nil || !f.Equal(dec(row.floor)) {
			t.Errorf("%s: floor %s, %v; want %s", row.half, f, err, row.floor)
		}
	}
	for _, h := range []Half{{2014, 2}, {2026, 2}} {
		if _, err := r.LegalRate(h, OtherCases); !errors.Is(err, &ledger.Problem{Key: "law.err.legal_range"}) {
			t.Errorf("%s: err %v, want law.err.legal_range", h, err)
		}
	}
}

// legal-fr §9.1: the statutory rate (8 % + base rate on the preceding reference day)
// of every half-year 2012 H1-2026 H1.
func TestUKStatutoryRates(t *testing.T) {
	r := mustRates(t)
	want := map[string]string{"2017-H1": "8.25", "2017-H2": "8.25", "2018-H1": "8.50", "2018-H2": "8.50",
		"2019-H1": "8.75", "2019-H2": "8.75", "2020-H1": "8.75", "2020-H2": "8.10", "2021-H1": "8.10",
		"2021-H2": "8.10", "2022-H1": "8.25", "2022-H2": "9.25", "2023-H1": "11.50", "2023-H2": "13.00",
		"2024-H1": "13.25", "2024-H2": "13.25", "2025-H1": "12.75", "2025-H2": "12.25", "2026-H1": "11.75"}
	for y := 2012; y <= 2016; y++ {
		want[Half{y, 1}.String()], want[Half{y, 2}.String()] = "8.50", "8.50"
	}
	for hs, w := range want {
		h, _ := ParseHalf(hs)
		p, err := r.UKStatutoryRate(h)
		if err != nil || !p.Rate.Equal(dec(w)) {
			t.Errorf("%s: UK rate %s, %v; want %s", hs, p.Rate, err, w)
		}
	}
	if len(want) != 29 {
		t.Fatalf("%d half-years, want 29", len(want))
	}
	if _, err := r.BaseRateOn(day("2022-03-01")); !errors.Is(err, &ledger.Problem{Key: "law.err.uk_range"}) {
		t.Errorf("a day that is not a reference day must be refused: %v", err)
	}
	if _, err := r.UKStatutoryRate(Half{2026, 2}); err == nil {
		t.Error("2026 H2 is not in the table")
	}
}

// A dossier adds the next half-year; the embedded tables stay as they were.
func TestRatesWithOverride(t *testing.T) {
	r := mustRates(t)
	nd := func(s string) decimal.NullDecimal { return decimal.NullDecimal{Decimal: dec(s), Valid: true} }
	h := Half{2026, 2}
	o, err := r.With(HalfYearRates{Half: h, ECB: nd("2.00"), LegalPrivate: nd("6.50"), LegalOther: nd("2.50"), UKBase: nd("3.50")})
	if err != nil {
		t.Fatal(err)
	}
	if v, err := o.ECBRateOn(ledger.NewDate(2026, time.July, 1)); err != nil || !v.Equal(dec("2.00")) {
		t.Errorf("override ECB: %s %v", v, err)
	}
	if p, err := o.B2BDefaultRate(h); err != nil || !p.Rate.Equal(dec("12.00")) {
		t.Errorf("override default rate: %s %v", p.Rate, err)
	}
	if v, err := o.LegalRate(h, PrivateCreditor); err != nil || !v.Equal(dec("6.50")) {
		t.Errorf("override legal: %s %v", v, err)
	}
	if p, err := o.UKStatutoryRate(h); err != nil || !p.Rate.Equal(dec("11.50")) {
		t.Errorf("override UK: %s %v", p.Rate, err)
	}
	if _, err := r.ECBRateOn(ledger.NewDate(2026, time.July, 1)); err == nil {
		t.Error("With changed the receiver")
	}
	for _, bad := range [][]HalfYearRates{
		{{Half: h, ECB: nd("-1")}},
		{{Half: h, LegalOther: nd("2")}},
		{{Half: h, ECB: nd("2")}, {Half: h, ECB: nd("2")}},
		{{Half: Half{2026, 3}, ECB: nd("2")}},
	} {
		if _, err := r.With(bad...); err == nil {
			t.Errorf("override %+v accepted", bad)
		}
	}
}

func TestParseRatesErrors(t *testing.T) {
	good := func(s string) *strings.Reader { return strings.NewReader(s) }
	ecb := "date,rate_pct,kind\n2020-01-01,1.00,change\n"
	legal := "half,private_pct,other_pct,source\n2020-H1,3,1,x\n"
	uk := "date,base_pct\n2019-12-31,0.75\n"
	if _, err := ParseRates(good(ecb), good(legal), good(uk)); err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string][3]string{
		"bad rate":      {"date,rate_pct,kind\n2020-01-01,x,change\n", legal, uk},
		"out of order":  {"date,rate_pct,kind\n2020-01-01,1,change\n2019-01-01,1,change\n", legal, uk},
		"bad known":     {"date,rate_pct,kind\n2020-01-01,1,change\n2020-02-01,2,known\n", legal, uk},
		"bad half":      {ecb, "half,private_pct,other_pct,source\n2020-H3,3,1,x\n", uk},
		"not ref day":   {ecb, legal, "date,base_pct\n2019-12-30,0.75\n"},
		"short row":     {ecb, legal, "date,base_pct\n2019-12-31\n"},
		"empty table":   {ecb, legal, "date,base_pct\n"},
		"negative rate": {ecb, legal, "date,base_pct\n2019-12-31,-1\n"},
	} {
		if _, err := ParseRates(good(c[0]), good(c[1]), good(c[2])); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
