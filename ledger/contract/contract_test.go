package contract

import (
	"errors"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"relance/ledger"
)

// 365 000 € of sales a year is 1 000 € a day: 30 days more tie up 30 000 €, which cost
// 1 350 € a year at 4.5 %.
func TestTermsCost(t *testing.T) {
	cash, cost := TermsCost(36500000, 30, decimal.RequireFromString("4.5"))
	if cash != 3000000 || cost != 135000 {
		t.Errorf("cash %v cost %v", cash, cost)
	}
	if c, k := TermsCost(0, 30, decimal.NewFromInt(5)); c != 0 || k != 0 {
		t.Errorf("no sales: %v %v", c, k)
	}
}

func TestValidate(t *testing.T) {
	d := ledger.NewDate(2026, time.January, 10)
	over := decimal.NewFromInt(120)
	for _, c := range []struct {
		name  string
		k     Contract
		field string
	}{
		{"accepted without version", Contract{Customer: "C1", Accepted: d}, "cgv"},
		{"rate over 100", Contract{Customer: "C1", LateRate: &over}, "late_rate"},
		{"guarantee without issuer", Contract{Customer: "C1", Guarantees: []Guarantee{{Kind: CreditInsurance, Amount: 1, From: d}}}, "guarantee.issuer"},
		{"guarantee ending before it starts", Contract{Customer: "C1", Guarantees: []Guarantee{{Kind: BankGuarantee, Issuer: "B", Amount: 1, From: d, Until: d.AddDays(-1)}}}, "guarantee.until"},
	} {
		err := c.k.Validate()
		var p *ledger.Problem
		if !errors.As(err, &p) || p.Args[1] != c.field {
			t.Errorf("%s: %v", c.name, err)
		}
	}
	ok := Contract{Customer: "C1", CGV: "CGV 2026", Accepted: d, Guarantees: []Guarantee{{Kind: StandbyLC, Issuer: "B", Amount: 1, From: d}}}
	if err := ok.Validate(); err != nil {
		t.Error(err)
	}
	if _, err := ParseKind("hypothèque"); err == nil {
		t.Error("unknown kind accepted")
	}
}

// The checks of a business customer: CGV never accepted, terms over the cap, a late
// rate under three times the legal rate, a guarantee expired, another ending within
// the month, more owed than covered; and of a consumer: the jurisdiction clause.
func TestChecks(t *testing.T) {
	asOf := ledger.NewDate(2026, time.December, 4)
	rate := decimal.RequireFromString("7.5")
	legal := decimal.RequireFromString("3.1")
	k := &Contract{Customer: "C1", LateRate: &rate, Court: "TC Lyon", Guarantees: []Guarantee{
		{Kind: CreditInsurance, Issuer: "Coface", Amount: 100000, From: asOf.AddDays(-300), Until: asOf.AddDays(-1)},
		{Kind: BankGuarantee, Issuer: "BNP", Amount: 200000, From: asOf.AddDays(-30), Until: asOf.AddDays(10)},
	}}
	biz := &ledger.Customer{ID: "C1", Kind: ledger.Business}
	got := map[string]bool{}
	for _, f := range Checks(k, biz, ledger.Terms{Days: 90}, 500000, &legal, asOf) {
		got[f.Key] = true
	}
	for _, want := range []string{"no_cgv", "terms_over_cap", "late_rate_floor", "guarantee_expired", "guarantee_expiring", "over_cover"} {
		if !got[want] {
			t.Errorf("no %s in %v", want, got)
		}
	}
	if got["court_non_merchant"] {
		t.Error("a jurisdiction clause between merchants flagged")
	}
	if k.CoverAt(asOf) != 200000 {
		t.Errorf("cover %v", k.CoverAt(asOf))
	}
	fs := Checks(k, &ledger.Customer{ID: "C1", Kind: ledger.Consumer}, ledger.Terms{Days: 90}, 0, &legal, asOf)
	if len(fs) != 3 || fs[0].Key != "court_non_merchant" { // and the two guarantees
		t.Errorf("consumer: %+v", fs)
	}
	text := fs[1].Text("fr", func(d ledger.Date) string { return d.French() }, func(c ledger.Cents) string { return c.String() })
	if text != "La garantie «\u00a0Coface\u00a0» a pris fin le 03/12/2026" {
		t.Errorf("text %q", text)
	}
}

// An order of 10 000 € from a class asking 30 %: 3 000 € in advance; over a limit of
// 50 000 € with 45 000 € owed, the 5 000 € over it; blocked, the whole order; a public
// body, nothing.
func TestCheckOrder(t *testing.T) {
	base := OrderInput{Amount: 1000000, Class: "C", ClassPct: 30}
	if c := CheckOrder(base); c.Deposit != 300000 || c.Pct != 30 || len(c.Reasons) != 1 || c.Reasons[0].Key != "class" {
		t.Errorf("class only: %+v", c)
	}
	lim := base
	lim.Owed, lim.Limit, lim.Overdue = 4500000, 5000000, 100
	c := CheckOrder(lim)
	if c.Deposit != 500000 || c.Pct != 50 || len(c.Reasons) != 3 || c.Reasons[1].Key != "limit" || c.Reasons[2].Key != "overdue" {
		t.Errorf("over the limit: %+v", c)
	}
	blk := base
	blk.Blocked = true
	if c := CheckOrder(blk); c.Deposit != 1000000 || c.Pct != 100 {
		t.Errorf("blocked: %+v", c)
	}
	pub := blk
	pub.Public = true
	if c := CheckOrder(pub); c.Deposit != 0 || len(c.Reasons) != 1 || c.Reasons[0].Key != "public" {
		t.Errorf("public body: %+v", c)
	}
	text := ReasonText(c.Reasons[1], "fr", func(x ledger.Cents) string { return x.String() })
	if text != "avec cette commande, votre encours dépasserait le plafond de 50000.00 accordé : 5000.00 sont à régler d’avance ;" {
		t.Errorf("text %q", text)
	}
}
