package law

import (
	"strings"

	"github.com/shopspring/decimal"

	"relance/ledger"
)

// ParseHalfYearRates reads a half-year of published rates as a person types them (the
// window's form, `relance rates add`): the half-year (2026-H2 or 2026-S2) and the ECB
// MRO rate on its first day, the two legal interest rates and the Bank of England base
// rate, each a percentage with a comma or a point ("" leaves the embedded value), and
// where they were published (source: free text on one line, « arrêté du 18 juin 2026,
// JORF 26/06/2026 »). At least one rate is needed, both legal rates go together, each
// lies in 0–100. A bad value is a Problem naming the field and the value. The caller
// dates the entry (desk.Session.AddHalfYearRates).
func ParseHalfYearRates(half, ecb, legalPrivate, legalOther, ukBase, source string) (HalfYearRates, error) {
	h, err := ParseHalf(half)
	if err != nil {
		return HalfYearRates{}, &ledger.Problem{Key: "law.err.half", Args: []string{"value", half}}
	}
	hr := HalfYearRates{Half: h, Source: strings.TrimSpace(source)}
	if err := checkSource(hr.Source); err != nil {
		return HalfYearRates{}, err
	}
	given := false
	for _, f := range []struct {
		name, text string // name: the key of the message naming the field
		dst        *decimal.NullDecimal
	}{{"law.err.rate_ecb", ecb, &hr.ECB}, {"law.err.rate_private", legalPrivate, &hr.LegalPrivate},
		{"law.err.rate_other", legalOther, &hr.LegalOther}, {"law.err.rate_boe", ukBase, &hr.UKBase}} {
		t := strings.TrimSpace(strings.TrimSuffix(strings.Replace(strings.TrimSpace(f.text), ",", ".", 1), "%"))
		if t == "" {
			continue
		}
		v, err := decimal.NewFromString(t)
		if err != nil || v.IsNegative() || v.GreaterThan(decimal.NewFromInt(100)) {
			return HalfYearRates{}, &ledger.Problem{Key: f.name, Args: []string{"value", f.text}}
		}
		*f.dst = decimal.NewNullDecimal(v)
		given = true
	}
	if !given {
		return HalfYearRates{}, &ledger.Problem{Key: "law.err.half_empty", Args: []string{"half", h.String()}}
	}
	if hr.LegalPrivate.Valid != hr.LegalOther.Valid {
		return HalfYearRates{}, &ledger.Problem{Key: "law.err.legal_pair"}
	}
	return hr, nil
}

// LegalCoverage returns the first and last half-years the legal interest rate table
// covers (the dossier's added half-years included).
func (r *Rates) LegalCoverage() (from, to Half) { return r.legalFirst, r.legalLast }
