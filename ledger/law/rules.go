package law

import (
	"github.com/shopspring/decimal"

	"relance/ledger"
)

// RateSource says where an applied rate comes from.
type RateSource string

// Rate sources.
const (
	SourceECB      RateSource = "ecb"      // ECB MRO rate + margin (L441-10 II, R2192-31)
	SourceLegal    RateSource = "legal"    // French legal interest rate (L313-2 CMF)
	SourceUKBase   RateSource = "uk_base"  // Bank of England base rate + 8 (Late Payment Act 1998)
	SourceContract RateSource = "contract" // rate agreed in the terms of sale
)

// AppliedRate is an annual rate (in %) with how it was obtained, so that a décompte
// line can say "ECB 2.15 % on 2025-07-01 + 10 points".
type AppliedRate struct {
	Rate    decimal.Decimal `json:"rate"`     // % per year applied
	Source  RateSource      `json:"source"`   // ecb, legal, uk_base or contract
	Ref     decimal.Decimal `json:"ref"`      // the underlying published rate (= Rate for legal and contract)
	RefDate ledger.Date     `json:"ref_date"` // day the underlying rate was read (first day of the half-year for legal)
	Margin  decimal.Decimal `json:"margin"`   // points added to Ref
	Rule    string          `json:"rule"`     // article the rate comes from
	// Entry is set when Ref was recorded in the dossier rather than read from the
	// shipped tables: when, from what source, or that it is assumed (rates_source.go).
	Entry *RateEntry `json:"entry,omitempty"`
}

var (
	ten   = decimal.NewFromInt(10)
	eight = decimal.NewFromInt(8)
	three = decimal.NewFromInt(3)
)

// B2BDefaultRate returns the L441-10 default penalty rate of half-year h: the ECB MRO
// rate in force on 1 January (H1) or 1 July (H2) + 10 points.
func (r *Rates) B2BDefaultRate(h Half) (AppliedRate, error) {
	// C. com. L441-10 II: "taux appliqué par la BCE à son opération de refinancement la
	// plus récente majoré de 10 points"; rate of 1 Jan for H1, of 1 Jul for H2.
	ecb, err := r.ECBRateOn(h.Start())
	if err != nil {
		return AppliedRate{}, err
	}
	return AppliedRate{Rate: ecb.Add(ten), Source: SourceECB, Ref: ecb, RefDate: h.Start(), Margin: ten,
		Rule: "C. com. L441-10 II", Entry: r.entry(h, SourceECB)}, nil
}

// PublicRate returns the moratorium interest rate of a public purchaser for a delay
// whose interest started in half-year h: ECB MRO rate on h's first day + 8 points,
// fixed for the whole delay.
func (r *Rates) PublicRate(h Half) (AppliedRate, error) {
	// C. commande publique R2192-31: rate of the ECB's main refinancing operations in
	// force on the first day of the half-year in which the interest started, + 8 points.
	ecb, err := r.ECBRateOn(h.Start())
	if err != nil {
		return AppliedRate{}, err
	}
	return AppliedRate{Rate: ecb.Add(eight), Source: SourceECB, Ref: ecb, RefDate: h.Start(), Margin: eight,
		Rule: "C. commande publique R2192-31", Entry: r.entry(h, SourceECB)}, nil
}

// LegalInterestRate returns the legal interest rate of half-year h for the creditor
// category c, as an applied rate.
func (r *Rates) LegalInterestRate(h Half, c LegalCategory) (AppliedRate, error) {
	// C. civ. 1231-6 and 1344-1: moratory interest at the legal rate; CMF L313-2: the
	// rate of the half-year, chosen by the creditor's category.
	v, err := r.LegalRate(h, c)
	if err != nil {
		return AppliedRate{}, err
	}
	return AppliedRate{Rate: v, Source: SourceLegal, Ref: v, RefDate: h.Start(), Margin: decimal.Zero,
		Rule: "C. civ. 1231-6, 1344-1; CMF L313-2", Entry: r.entry(h, SourceLegal)}, nil
}

// UKStatutoryRate returns the Late Payment Act rate for a debt that became overdue in
// half-year h: 8 % + the base rate on the preceding reference day (31 December for H1,
// 30 June for H2).
func (r *Rates) UKStatutoryRate(h Half) (AppliedRate, error) {
	// Late Payment of Commercial Debts (Interest) Act 1998 s.4 and the Late Payment
	// (Rate of Interest) Order (SI 2002/1675): reference rate + 8 %.
	ref := h.Start() - 1
	base, err := r.BaseRateOn(ref)
	if err != nil {
		return AppliedRate{}, err
	}
	return AppliedRate{Rate: base.Add(eight), Source: SourceUKBase, Ref: base, RefDate: ref, Margin: eight,
		Rule: "Late Payment of Commercial Debts (Interest) Act 1998 s.4; SI 2002/1675", Entry: r.entry(h, SourceUKBase)}, nil
}

// ContractFloor returns the lowest contractual penalty rate allowed in half-year h:
// 3 × the legal interest rate ("other cases", the professional creditor's rate).
func (r *Rates) ContractFloor(h Half) (decimal.Decimal, error) {
	// C. com. L441-10 II: the agreed rate "ne peut être inférieur à trois fois le taux
	// d'intérêt légal".
	v, err := r.LegalRate(h, OtherCases)
	if err != nil {
		return decimal.Decimal{}, err
	}
	return v.Mul(three), nil
}

// Fixed recovery indemnities, in cents of the debt's currency.
const (
	// FixedIndemnityEUR is the €40 due per invoice paid late by a professional debtor
	// (C. com. L441-10 II and D441-5) or a public purchaser (C. commande publique
	// L2192-13 and D2192-35 — article number to be checked, legal-fr §12).
	FixedIndemnityEUR ledger.Cents = 4000
)

// UKCompensation returns the fixed sum due per late debt under the Late Payment Act
// 1998 s.5A: £40 below £1,000, £70 below £10,000, £100 from £10,000.
func UKCompensation(debt ledger.Cents) ledger.Cents {
	switch {
	case debt < 100000:
		return 4000
	case debt < 1000000:
		return 7000
	}
	return 10000
}
