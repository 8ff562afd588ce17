package demo

import (
	"github.com/shopspring/decimal"

	"relance/ledger"
	"relance/ledger/law"
	"relance/ledger/store"
)

// putRates records, in the demo dossier only, the ECB rate of the half-years between the
// end of the shipped tables and the demo's "today", so that its letters and penalties
// can be shown as of late 2026. The shipped tables stop where the published figures stop
// (reference/legal-fr.md §2.1: MRO 2.15 % since 11 June 2025, held through December
// 2025); the demo assumes it unchanged, as a fictional company's dossier would record
// it. A real dossier records the published figure (Contentieux › Taux, or the rates
// half-year form) and is never given an assumed one.
func putRates(tx *store.Tx, today ledger.Date) error {
	base, err := law.DefaultRates()
	if err != nil {
		return err
	}
	assumed := decimal.NewNullDecimal(decimal.RequireFromString("2.15"))
	for h := law.HalfOf(ledger.NewDate(2026, 7, 1)); h.Start() <= today; h = h.Next() {
		if _, err := base.B2BDefaultRate(h); err == nil {
			continue // published in the shipped tables
		}
		if err := tx.PutHalfYearRates(law.HalfYearRates{Half: h, ECB: assumed}); err != nil {
			return err
		}
	}
	return nil
}
