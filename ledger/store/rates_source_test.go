package store

import (
	"testing"

	"github.com/shopspring/decimal"

	"relance/ledger"
	"relance/ledger/law"
)

// A half-year's source, entry date and assumed flag are kept; a record written before
// they existed still loads, without them.
func TestHalfYearRatesSource(t *testing.T) {
	_, db := newDossier(t)
	defer db.Close()
	h2 := law.Half{Year: 2026, H: 2}
	old := `{"Half":{"Year":2026,"H":1},"ECB":"2.15","LegalPrivate":null,"LegalOther":null,"UKBase":null}`
	if err := db.Update(func(tx *Tx) error { return tx.tx.Bucket([]byte(bRates)).Put([]byte("2026-H1"), []byte(old)) }); err != nil {
		t.Fatal(err)
	}
	add := law.HalfYearRates{Half: h2, ECB: decimal.NewNullDecimal(decimal.RequireFromString("2.15")),
		Source: "arrêté du 18 juin 2026, JORF 26/06/2026", Entered: ledger.NewDate(2026, 7, 3), Assumed: true}
	if err := db.Update(func(tx *Tx) error { return tx.PutHalfYearRates(add) }); err != nil {
		t.Fatal(err)
	}
	var got []law.HalfYearRates
	if err := db.View(func(tx *Tx) error {
		var err error
		got, err = tx.HalfYearRates()
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Half != (law.Half{Year: 2026, H: 1}) || got[0].Source != "" || got[0].Entered.Valid() ||
		!got[0].ECB.Decimal.Equal(decimal.RequireFromString("2.15")) {
		t.Fatalf("old record: %+v", got)
	}
	if g := got[1]; g.Source != add.Source || g.Entered != add.Entered || !g.Assumed {
		t.Errorf("new record: %+v", g)
	}
	if _, err := db.Rates(); err != nil {
		t.Error(err)
	}
}
