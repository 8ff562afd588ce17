package store

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"relance/ledger"
	"relance/ledger/law"
)

func TestDossierRates(t *testing.T) {
	_, db := newDossier(t)
	defer db.Close()
	h2 := law.Half{Year: 2026, H: 2}
	if _, err := law.DefaultRates(); err != nil {
		t.Fatal(err)
	}
	r, _ := db.Rates()
	if _, err := r.B2BDefaultRate(h2); err == nil {
		t.Skip("the embedded table already covers 2026 H2")
	}
	add := law.HalfYearRates{Half: h2, ECB: decimal.NewNullDecimal(decimal.RequireFromString("2.15")),
		LegalPrivate: decimal.NewNullDecimal(decimal.RequireFromString("6.50")),
		LegalOther:   decimal.NewNullDecimal(decimal.RequireFromString("3.10"))}
	if err := db.Update(func(tx *Tx) error { return tx.PutHalfYearRates(add) }); err != nil {
		t.Fatal(err)
	}
	r, err := db.Rates()
	if err != nil {
		t.Fatal(err)
	}
	got, err := r.B2BDefaultRate(h2)
	if err != nil || !got.Rate.Equal(decimal.RequireFromString("12.15")) {
		t.Errorf("2026 H2 B2B rate %v, %v", got.Rate, err)
	}
	// The rates now reach today: a penalty to 2026-11-23 computes.
	d, err := law.Compute(r, law.Terms{Debtor: law.DebtorB2B, End: ledger.NewDate(2026, time.November, 23), Basis: 365},
		law.Invoice{Ref: "F1", Amount: 100000, Due: ledger.NewDate(2026, time.September, 30)})
	if err != nil || d.Totals.Interest != 1798 {
		t.Errorf("interest %v, %v", d, err)
	}
	bad := add
	bad.ECB = decimal.NewNullDecimal(decimal.RequireFromString("-1"))
	if err := db.Update(func(tx *Tx) error { return tx.PutHalfYearRates(bad) }); err == nil {
		t.Error("a negative rate was stored")
	}
}
