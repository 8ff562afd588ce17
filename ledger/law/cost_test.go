package law

import (
	"errors"
	"strings"
	"testing"

	"relance/ledger"
)

func TestLateCost(t *testing.T) {
	for _, c := range []struct {
		amount, rate string
		days, basis  int
		want         string
	}{
		{"10000", "5", 60, 365, "82.19"},   // 82.1918
		{"10000", "5", 60, 360, "83.33"},   // 83.3333
		{"2500.50", "7.5", 45, 0, "23.12"}, // 23.1211 on 365 days
		{"0", "5", 60, 365, "0.00"},
	} {
		got, err := LateCost(cents(c.amount), dec(c.rate), c.days, c.basis)
		if err != nil || got.Cost != cents(c.want) {
			t.Errorf("%s at %s %% for %d days: %s (%v), want %s", c.amount, c.rate, c.days, got.Cost, err, c.want)
		}
	}
	for _, bad := range []func() error{
		func() error { _, err := LateCost(-1, dec("5"), 10, 365); return err },
		func() error { _, err := LateCost(100, dec("-5"), 10, 365); return err },
		func() error { _, err := LateCost(100, dec("5"), -1, 365); return err },
		func() error { _, err := LateCost(100, dec("5"), 10, 300); return err },
		func() error { _, err := LateCost(100, dec("5"), 10, 366); return err }, // no dates: no leap-year basis
	} {
		var p *ledger.Problem
		if err := bad(); !errors.As(err, &p) {
			t.Errorf("bad input accepted or not a Problem: %v", err)
		}
	}
}

func TestDiscountComparison(t *testing.T) {
	for _, c := range []struct {
		name                 string
		discount, firm       string
		days, basis          int
		equiv                string
		cheaper              Cheaper
		disc, net, creditCst string
	}{
		// Textbook "2/10 net 30": 2 % for paying 20 days early = 2/98 × 365/20 = 37.24 % a year.
		{"2/10 net 30", "2", "8", 20, 365, "37.2449", CheaperCredit, "200.00", "9800.00", "43.84"},
		// 1 % for 30 days early = 1/99 × 365/30 = 12.29 %: dearer than a 10 % overdraft…
		{"1 % 30 days, firm 10 %", "1", "10", 30, 365, "12.2896", CheaperCredit, "100.00", "9900.00", "82.19"},
		// …but cheaper than a 15 % one.
		{"1 % 30 days, firm 15 %", "1", "15", 30, 365, "12.2896", CheaperDiscount, "100.00", "9900.00", "123.29"},
		{"0.5 % 60 days, 360", "0.5", "3", 60, 360, "3.0151", CheaperCredit, "50.00", "9950.00", "50.00"},
	} {
		e, err := DiscountComparison(cents("10000"), dec(c.discount), c.days, dec(c.firm), c.basis)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if !e.EquivalentPct.Equal(dec(c.equiv)) || e.Cheaper != c.cheaper || e.Discount != cents(c.disc) ||
			e.Net != cents(c.net) || e.CreditCost != cents(c.creditCst) {
			t.Errorf("%s: %+v", c.name, e)
		}
	}
	for _, bad := range []struct {
		discount string
		days     int
	}{{"100", 10}, {"-1", 10}, {"2", 0}} {
		if _, err := DiscountComparison(cents("100"), dec(bad.discount), bad.days, dec("5"), 365); err == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
}

// The greffe fee of an injonction de payer is dated data (issue 22 point 7): its
// amount, the day it applies from and the text that sets it, each « à vérifier » when
// legal-fr §6.1 does not give it — never a guess.
func TestGreffeFeeIP(t *testing.T) {
	fee := GreffeFeeIP(day("2026-11-23"))
	if fee.Amount != 3521 || fee.From.Valid() || fee.Source != "" || fee.Seen == "" {
		t.Fatalf("fee %+v", fee)
	}
	// The court's fee is the tariff's.
	c := CompetentCourt(&ledger.Customer{Kind: ledger.Business, Address: ledger.Address{City: "Grenoble", Postcode: "38000"}}, false, "FR", day("2026-11-23"))
	if c.Fee != fee.Amount {
		t.Errorf("court fee %s, tariff %s", c.Fee, fee.Amount)
	}
	amount := fee.Amount.Format("fr", "EUR")
	if got, want := fee.Text("fr", "EUR"), amount+" (date du tarif à vérifier, source : à vérifier ; montant relevé sur lejournaldurecouvrement.fr, heropay.eu)"; got != want {
		t.Errorf("fr:\n%q\nwant\n%q", got, want)
	}
	if got := fee.Text("en", "EUR"); !strings.Contains(got, "€35.21") || !strings.Contains(got, "to be checked") {
		t.Errorf("en: %q", got)
	}
	// The form of a dated tariff with its text (a made-up one: the format, not data).
	dated := Tariff{Amount: 3521, From: day("2024-03-01"), Source: "arrêté du 1er janvier 2000"}
	if got, want := dated.Text("fr", "EUR"), amount+" (tarif en vigueur au 01/03/2024, source : arrêté du 1er janvier 2000)"; got != want {
		t.Errorf("dated fr: %q, want %q", got, want)
	}
	if got := (Tariff{Amount: 3521, From: day("2024-03-01")}).Text("en", "EUR"); got != "€35.21 (tariff in force on 2024-03-01, source: to be checked)" {
		t.Errorf("dated en: %q", got)
	}
	if got := fee.Mention("en"); got != "date of the tariff to be checked, source: to be checked; amount read on lejournaldurecouvrement.fr, heropay.eu" {
		t.Errorf("mention en: %q", got)
	}
}
