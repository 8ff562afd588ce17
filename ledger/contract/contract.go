// Package contract records what a customer accepted and what secures its debt: the
// general terms of sale (CGV) in force between the firm and the customer, the clauses
// the course calls essential to guarantee the firm's rights — the penalty clause
// (clause pénale, C. civ. 1231-5), the jurisdiction clause (attribution de compétence,
// CPC 48) and the retention-of-title clause (réserve de propriété, C. civ. 2367 ff.,
// C. com. L624-16) — and the guarantees held on the customer (credit insurance, bank
// guarantee, documentary credit, stand-by letter of credit, personal surety).
//
// The payment terms agreed stay on the customer (ledger.Customer.Terms): the contract
// only says when and under which version of the CGV they were accepted. Checks says
// what a credit manager should fix: terms over the legal caps (C. com. L441-10 I), a
// jurisdiction clause with a non-merchant, a late-penalty rate under the statutory
// floor (L441-10 II), a guarantee expired or smaller than what the customer owes.
package contract

import (
	"strings"

	"github.com/shopspring/decimal"

	"relance/ledger"
)

// Contract is what customer Customer accepted and the guarantees held on it.
type Contract struct {
	Customer string `json:"customer"`
	// CGV names the version of the general terms of sale accepted ("CGV 2026-01"), and
	// Accepted when (the signed order, the account opening form): without it the
	// clauses below cannot be set up against the customer (C. com. L441-1: the CGV are
	// the basis of the commercial negotiation, binding once accepted).
	CGV      string      `json:"cgv,omitempty"`
	Accepted ledger.Date `json:"accepted,omitempty"`
	// LateRate is the late-penalty rate of the CGV, percent a year; nil: the statutory
	// one (the ECB rate + 10 points, C. com. L441-10 II). It may not be under three
	// times the legal interest rate (same article).
	LateRate *decimal.Decimal `json:"late_rate,omitempty"`
	// PenaltyClause is the clause pénale: a lump sum due on late payment, as a percent
	// of the sums unpaid; the judge may moderate it if manifestly excessive (C. civ.
	// 1231-5). nil: none.
	PenaltyClause *decimal.Decimal `json:"penalty_clause,omitempty"`
	// Court is the court the jurisdiction clause names ("Tribunal de commerce de
	// Lyon"): valid only between merchants and when specified very apparently (CPC
	// 48); it does not apply to an injonction de payer, which the judge of the
	// debtor's domicile alone hears (CPC 1406). "": none.
	Court string `json:"court,omitempty"`
	// RetentionOfTitle: the goods stay the firm's until paid in full, agreed in
	// writing at the latest at delivery (C. civ. 2367-2368; C. com. L624-16 for the
	// claim in the buyer's insolvency).
	RetentionOfTitle bool        `json:"retention_of_title,omitempty"`
	Guarantees       []Guarantee `json:"guarantees,omitempty"`
	Note             string      `json:"note,omitempty"`
	Updated          ledger.Date `json:"updated,omitempty"`
	By               string      `json:"by,omitempty"`
}

// GuaranteeKind is the kind of a guarantee.
type GuaranteeKind string

// The kinds of guarantee.
const (
	CreditInsurance   GuaranteeKind = "credit_insurance"   // an insurer's limit on the customer (assurance-crédit)
	BankGuarantee     GuaranteeKind = "bank_guarantee"     // a bank's first-demand guarantee or surety (garantie bancaire, caution)
	DocumentaryCredit GuaranteeKind = "documentary_credit" // an irrevocable documentary credit (crédit documentaire, UCP 600)
	StandbyLC         GuaranteeKind = "standby_lc"         // a stand-by letter of credit (ISP98 / UCP 600)
	PersonalSurety    GuaranteeKind = "personal_surety"    // a manager's personal surety (cautionnement, C. civ. 2288 ff.)
)

// Kinds returns every kind of guarantee.
func Kinds() []GuaranteeKind {
	return []GuaranteeKind{CreditInsurance, BankGuarantee, DocumentaryCredit, StandbyLC, PersonalSurety}
}

// ParseKind reads a kind of guarantee by its key.
func ParseKind(s string) (GuaranteeKind, error) {
	k := GuaranteeKind(strings.ToLower(strings.TrimSpace(s)))
	for _, x := range Kinds() {
		if x == k {
			return k, nil
		}
	}
	return "", &ledger.Problem{Key: "contract.err.kind", Args: []string{"value", s}}
}

// Guarantee is one guarantee held on the customer.
type Guarantee struct {
	Kind   GuaranteeKind `json:"kind"`
	Issuer string        `json:"issuer"` // the insurer, the bank, the surety
	// Amount is the limit granted or the sum guaranteed.
	Amount ledger.Cents `json:"amount"`
	From   ledger.Date  `json:"from"`
	Until  ledger.Date  `json:"until,omitempty"` // NoDate: open-ended
	Ref    string       `json:"ref,omitempty"`   // policy, guarantee or credit number
}

// ActiveAt reports whether the guarantee covers asOf.
func (g *Guarantee) ActiveAt(asOf ledger.Date) bool {
	return g.From <= asOf && (!g.Until.Valid() || asOf <= g.Until)
}

// CoverAt returns the sum of the guarantees active at asOf.
func (c *Contract) CoverAt(asOf ledger.Date) ledger.Cents {
	var n ledger.Cents
	for i := range c.Guarantees {
		if c.Guarantees[i].ActiveAt(asOf) {
			n += c.Guarantees[i].Amount
		}
	}
	return n
}

// Validate checks a contract before it is stored and names the first bad field.
func (c *Contract) Validate() error {
	bad := func(field, value string) error {
		return &ledger.Problem{Key: "contract.err.field", Args: []string{"field", field, "value", value}}
	}
	pct := func(field string, v *decimal.Decimal) error {
		if v != nil && (v.IsNegative() || v.GreaterThan(decimal.NewFromInt(100))) {
			return bad(field, v.String())
		}
		return nil
	}
	switch {
	case c.Customer == "":
		return bad("customer", "")
	case c.Accepted.Valid() && strings.TrimSpace(c.CGV) == "":
		return bad("cgv", "")
	case len(c.Court) > 200:
		return bad("court", c.Court[:40]+"…")
	case len(c.Note) > 4000:
		return bad("note", c.Note[:40]+"…")
	}
	if err := pct("late_rate", c.LateRate); err != nil {
		return err
	}
	if err := pct("penalty_clause", c.PenaltyClause); err != nil {
		return err
	}
	for _, g := range c.Guarantees {
		switch {
		case g.Kind == "":
			return bad("guarantee.kind", "")
		case strings.TrimSpace(g.Issuer) == "":
			return bad("guarantee.issuer", "")
		case g.Amount <= 0:
			return bad("guarantee.amount", g.Amount.String())
		case !g.From.Valid():
			return bad("guarantee.from", g.From.String())
		case g.Until.Valid() && g.Until < g.From:
			return bad("guarantee.until", g.Until.String())
		}
		if _, err := ParseKind(string(g.Kind)); err != nil {
			return err
		}
	}
	return nil
}
