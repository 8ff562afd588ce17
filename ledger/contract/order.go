package contract

import (
	"strconv"

	"relance/ledger"
)

// OrderInput is what the order check reads: the order, the customer's class and its
// deposit policy, what it owes, its limits and whether its deliveries are blocked.
type OrderInput struct {
	Amount   ledger.Cents // the order, incl. VAT
	Class    string       // the customer's risk class ("C")
	ClassPct int          // the share of an order the class pays in advance (risk.Class.Deposit)
	Owed     ledger.Cents // what the customer owes at the date
	Overdue  ledger.Cents // of which past due
	Limit    ledger.Cents // credit limit (0: none)
	Cover    ledger.Cents // the guarantees active at the date (0: none)
	Blocked  bool         // a delivery block is in force
	// Public: the customer is a public body, which pays only after the service is done
	// (décret 2012-1246 art. 33; an advance only as the public procurement code
	// provides it, CCP R2191-3 ff.): no deposit is asked.
	Public bool
}

// OrderCheck is the order check's answer: the deposit to ask before accepting the
// order, in percent and amount, and the reasons, each a Finding
// ("order.why.<key>" in the catalogue).
type OrderCheck struct {
	Amount  ledger.Cents `json:"amount"`
	Pct     int          `json:"deposit_pct"`
	Deposit ledger.Cents `json:"deposit"`
	Reasons []Finding    `json:"reasons"`
}

// CheckOrder says what an order from a customer needs before it is accepted, the
// programme's « exiger le paiement d'avance »: the class's deposit; the whole order
// when the customer's deliveries are blocked; at least the part of the order over the
// credit limit or over the guarantees' cover, which the firm would otherwise carry
// alone. An overdue balance is a reason too: the order waits for it to be settled.
func CheckOrder(in OrderInput) OrderCheck {
	out := OrderCheck{Amount: in.Amount, Reasons: []Finding{}}
	if in.Amount <= 0 {
		return out
	}
	if in.Public {
		out.reason("public", "décret 2012-1246 art. 33")
		return out
	}
	deposit := in.Amount * ledger.Cents(in.ClassPct) / 100
	if in.ClassPct > 0 {
		out.reason("class", "", "class", in.Class, "pct", strconv.Itoa(in.ClassPct))
	}
	if in.Blocked {
		deposit = in.Amount
		out.reason("blocked", "")
	}
	over := func(key string, ceiling ledger.Cents) {
		if ceiling <= 0 {
			return
		}
		if part := in.Owed + in.Amount - ceiling; part > 0 {
			part = min(part, in.Amount)
			deposit = max(deposit, part)
			out.reason(key, "", "ceiling", ceiling.String(), "part", part.String())
		}
	}
	over("limit", in.Limit)
	over("cover", in.Cover)
	if in.Overdue > 0 {
		out.reason("overdue", "", "overdue", in.Overdue.String())
	}
	out.Deposit = deposit
	out.Pct = int((int64(deposit)*100 + int64(in.Amount)/2) / int64(in.Amount))
	return out
}

// reason adds the reason key (rule: its article, or "") with its args.
func (c *OrderCheck) reason(key, rule string, args ...string) {
	c.Reasons = append(c.Reasons, Finding{Key: key, Args: args, Rule: rule})
}

// ReasonText is an order check's reason in lang, amounts written with money.
func ReasonText(f Finding, lang string, money func(ledger.Cents) string) string {
	g := Finding{Key: f.Key, Args: f.Args}
	return g.textWith(lang, "order.why.", nil, money)
}
