package law

import (
	"strings"

	"relance/ledger"
)

// CourtRoute is the court procedure a letter announces as the next step against c when
// the claim is not paid (legal-fr §6): the one home for « nous saisirons… » in every
// reminder and formal notice, so that no letter threatens a procedure the debtor is not
// open to.
//   - a public body → référé-provision before the administrative court (CJA R541-1): the
//     injonction de payer does not exist against a public person;
//   - a debtor in France (its address, or the creditor's country when it has none) →
//     injonction de payer (CPC 1405 ff.);
//   - a debtor in a state of Reg. (EC) 1896/2006 → the European order for payment;
//   - elsewhere (the United Kingdom since 2021, Denmark, outside the EU) → proceedings
//     before the competent court, without naming a French procedure.
//
// home is the creditor's country ("" means FR).
func CourtRoute(c *ledger.Customer, home string) Route {
	if c.Kind == ledger.PublicBody {
		return RouteAdmin
	}
	if home == "" {
		home = "FR"
	}
	country := strings.ToUpper(strings.TrimSpace(c.Address.Country))
	if country == "" {
		country = strings.ToUpper(home)
	}
	switch {
	case country == "FR":
		return RouteInjonction
	case InEUOrderState(country):
		return RouteEuropean
	}
	return RouteForeign
}
