package store

import (
	"encoding/json"

	"relance/ledger"
	"relance/ledger/law"
)

// Bucket rates (schema 3, declared in schema.go) holds the rate half-years a dossier
// adds to (or corrects in) the embedded tables: half-year ("2026-H2") → JSON
// law.HalfYearRates.

// PutHalfYearRates adds or replaces a half-year of rates, after checking that the
// embedded tables accept it.
func (t *Tx) PutHalfYearRates(h law.HalfYearRates) error {
	base, err := law.DefaultRates()
	if err != nil {
		return err
	}
	if _, err := base.With(h); err != nil {
		return err
	}
	b, err := json.Marshal(h)
	if err != nil {
		return err
	}
	return t.tx.Bucket([]byte(bRates)).Put([]byte(h.Half.String()), b)
}

// HalfYearRates returns the dossier's added half-years, oldest first.
func (t *Tx) HalfYearRates() ([]law.HalfYearRates, error) {
	var out []law.HalfYearRates
	err := t.tx.Bucket([]byte(bRates)).ForEach(func(k, v []byte) error {
		var h law.HalfYearRates
		if err := json.Unmarshal(v, &h); err != nil {
			return t.corrupt("rates", string(k), err)
		}
		out = append(out, h)
		return nil
	})
	return out, err
}

// Rates returns the embedded rate tables with the dossier's added half-years.
func (db *DB) Rates() (*law.Rates, error) {
	base, err := law.DefaultRates()
	if err != nil {
		return nil, err
	}
	var extra []law.HalfYearRates
	if err := db.View(func(tx *Tx) error {
		var err error
		extra, err = tx.HalfYearRates()
		return err
	}); err != nil {
		return nil, err
	}
	r, err := base.With(extra...)
	if err != nil {
		return nil, &ledger.Problem{Key: "err.dossier.corrupt", Args: []string{"file", db.path}, Err: err}
	}
	return r, nil
}
