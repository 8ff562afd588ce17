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
