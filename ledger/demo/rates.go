package demo

import (
	"github.com/shopspring/decimal"

	"relance/ledger"
	"relance/ledger/law"
	"relance/ledger/store"
)

// putRates records, in the demo dossier only, the ECB rate (and the Bank of England base
// rate, for its British customer) and the legal interest rates of the half-years between the end of the shipped
// tables and the demo's "today", so that its letters and penalties can be shown as of
// late 2026. The shipped tables stop where the published figures stop (reference/
// legal-fr.md §2.1: MRO 2.15 % since 11 June 2025, held through December 2025; the
// base rate table ends on 31 December 2025; the legal rates on 2026 H1); the demo assumes the last published values
// unchanged, as a fictional company's dossier would record them. A real dossier records
// the published figures (Contentieux › Taux) and is never given assumed ones; these are
// recorded with HalfYearRates.Assumed, and every décompte that uses them says they are
// assumed.
func putRates(tx *store.Tx, today ledger.Date) error {
	base, err := law.DefaultRates()
	if err != nil {
		return err
	}
	assumed := decimal.NewNullDecimal(decimal.RequireFromString("2.15"))
	boe, err := base.BaseRateOn(ledger.NewDate(2025, 12, 31))
	if err != nil {
		return err
	}
	_, lastLegal := base.LegalCoverage()
	private, err := base.LegalRate(lastLegal, law.PrivateCreditor)
	if err != nil {
		return err
	}
	other, err := base.LegalRate(lastLegal, law.OtherCases)
	if err != nil {
		return err
	}
	for h := law.HalfOf(ledger.NewDate(2026, 7, 1)); h.Start() <= today; h = h.Next() {
		e := law.HalfYearRates{Half: h, Assumed: true, Entered: today}
		if _, err := base.B2BDefaultRate(h); err != nil {
			e.ECB, e.UKBase = assumed, decimal.NewNullDecimal(boe)
		}
		if _, err := base.LegalRate(h, law.OtherCases); err != nil {
			e.LegalPrivate, e.LegalOther = decimal.NewNullDecimal(private), decimal.NewNullDecimal(other)
		}
		if !e.ECB.Valid && !e.LegalOther.Valid {
			continue // published in the shipped tables
		}
		// Assumed, not published: the décomptes that use them say so (law.RateEntry).
		if err := tx.PutHalfYearRates(e); err != nil {
			return err
		}
	}
	return nil
}
