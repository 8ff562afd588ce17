package desk

import (
	"io"

	"relance/ledger"
	"relance/ledger/law"
	"relance/ledger/store"
)

// ImportRates reads a rates file in the formats of assets/rates (law.ReadRatesFile)
// and records the half-years it brings, merged with the dossier's (law.RatesImport.
// Merge: a recorded figure that differs is refused unless replace), entered on today,
// in one transaction: all or nothing. The report says what was added, completed,
// replaced or skipped, and every refused line; when a line is refused nothing is
// written and the error is the report's Refused problem.
func (s *Session) ImportRates(name string, src io.Reader, replace bool, today ledger.Date) (*law.RatesImport, error) {
	imp, err := law.ReadRatesFile(name, src)
	if err != nil {
		return nil, err
	}
	err = s.DB.Update(func(tx *store.Tx) error {
		recorded, err := tx.HalfYearRates()
		if err != nil {
			return err
		}
		imp.Merge(recorded, replace, today)
		if err := imp.Refused(); err != nil {
			return err
		}
		for _, x := range imp.Records {
			if err := tx.PutHalfYearRates(x); err != nil {
				return err
			}
		}
		return nil
	})
	return imp, err
}

// MissingRates returns the half-year of asOf and the rates a penalty computation at
// that date needs and the merged tables lack (law.Rates.MissingRates): the ECB and
// legal interest rates, and the Bank of England base rate when a customer is a UK
// business. Empty when the tables cover it.
func (s *Session) MissingRates(asOf ledger.Date) (law.Half, []law.RateSource) {
	h := law.HalfOf(asOf)
	if s.Rates == nil {
		return h, nil
	}
	uk := false
	if s.Book != nil {
		for _, acc := range s.Book.Accounts {
			if law.DebtorOf(&acc.Customer) == law.DebtorUK {
				uk = true
				break
			}
		}
	}
	return h, s.Rates.MissingRates(h, uk)
}
