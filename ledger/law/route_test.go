package law

import (
	"testing"

	"relance/ledger"
)

func TestCourtRoute(t *testing.T) {
	for _, c := range []struct {
		name    string
		kind    ledger.CustomerKind
		country string
		want    Route
	}{
		{"a French business", ledger.Business, "FR", RouteInjonction},
		{"no country: the creditor's", ledger.Business, "", RouteInjonction},
		{"a consumer in France", ledger.Consumer, "FR", RouteInjonction},
		{"a commune: never an injonction", ledger.PublicBody, "FR", RouteAdmin},
		{"a German business", ledger.Business, "DE", RouteEuropean},
		{"a UK business: no French procedure", ledger.Business, "GB", RouteForeign},
		{"Denmark is outside Reg. 1896/2006", ledger.Business, "DK", RouteForeign},
	} {
		cust := &ledger.Customer{Kind: c.kind, Address: ledger.Address{Country: c.country}}
		if got := CourtRoute(cust, "FR"); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}

// Against a public body the cost estimate has no court fee, service or enforcement line.
func TestPublicBodyCosts(t *testing.T) {
	costs, total, notes := CostEstimate(Court{Kind: CourtAdmin}, 650000, ledger.NewDate(2026, 12, 4))
	if len(costs) != 0 || total != 0 || len(notes) != 1 || notes[0].Key != "law.cost.note.admin" {
		t.Errorf("costs %+v, total %d, notes %+v", costs, total, notes)
	}
}
