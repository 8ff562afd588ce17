package credit

import (
	"testing"

	"github.com/shopspring/decimal"

	"relance/ledger"
)

func eur(units int64) ledger.Cents { return ledger.Cents(units * 100) }

func near(t *testing.T, what string, got decimal.Decimal, want string, places int32) {
	t.Helper()
	if g := got.Round(places).StringFixed(places); g != want {
		t.Errorf("%s = %s, want %s", what, g, want)
	}
}

// reference/legal-fr.md §8.1
func TestDSOAccountingVectors(t *testing.T) {
	cases := []struct {
		name        string
		recv, sales int64
		days        int
		want        string
	}{
		{"Divalto", 30000, 60000, 90, "45.00"},
		{"financefactory", 20000, 45000, 90, "40.00"},
		{"hobbiesvicente", 5700, 7600, 91, "68.25"},
	}
	for _, c := range cases {
		got, ok := DSOAccounting(eur(c.recv), eur(c.sales), c.days)
		if !ok {
			t.Fatal(c.name)
		}
		near(t, c.name, got, c.want, 2)
	}
	if _, ok := DSOAccounting(100, 0, 30); ok {
		t.Error("no sales must not give a DSO")
	}
}

// reference/legal-fr.md §8.2
func TestDSOCountBackVectors(t *testing.T) {
	cases := []struct {
		name   string
		recv   int64
		months []MonthSales
		want   string
	}{
		{"Divalto ex. 2", 2500, []MonthSales{{eur(1200), 30}, {eur(800), 31}, {eur(700), 30}}, "82.43"},
		// Divalto ex. 1 (published 74 days, "exact" 73.92) is not a vector: the reference notes its
		// text is garbled, and the stated method gives 53.25 (months as listed) or 71.60 (reversed).
		{"benjipays", 212000, []MonthSales{{eur(100000), 30}, {eur(80000), 30}, {eur(70000), 30}}, "73.71"},
		{"calculator7", 2100000, []MonthSales{{eur(900000), 31}, {eur(800000), 28}, {eur(700000), 31}}, "76.71"},
	}
	for _, c := range cases {
		got, ok := DSOCountBack(eur(c.recv), c.months)
		if !ok {
			t.Fatalf("%s: not exhausted", c.name)
		}
		near(t, c.name, got, c.want, 2)
	}
	if got, ok := DSOCountBack(eur(5000), []MonthSales{{eur(1000), 30}}); ok || !got.Equal(decimal.NewFromInt(30)) {
		t.Errorf("beyond history: %s %v", got, ok)
	}
}

// reference/legal-fr.md §8.3–8.5 on the creditguru data.
func TestCEIOverdueBPDSO(t *testing.T) {
	cei, _ := CEI(eur(6200), eur(10890), eur(6340), eur(3590), 3)
	near(t, "CEI monthly-average", cei, "55.93", 2)
	cei, _ = CEI(eur(6200), eur(10890), eur(6340), eur(3590), 1)
	near(t, "CEI total sales", cei, "79.63", 2)
	cei, _ = CEI(eur(100000), eur(1000000), eur(120000), eur(100000), 1)
	near(t, "CEI gaviti", cei, "98.00", 2)
	rate, _ := Rate(eur(6340-3590), eur(6340))
	near(t, "overdue rate", rate, "43.38", 2)
	dso, _ := DSOAccounting(eur(6340), eur(10890), 90)
	bp, _ := BestPossibleDSO(eur(3590), eur(10890), 90)
	near(t, "DSO", dso, "52.40", 2)
	near(t, "BPDSO", bp, "29.67", 2)
	near(t, "ADD", dso.Sub(bp), "22.73", 2)
}
