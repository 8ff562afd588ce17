package law

import (
	"slices"

	"github.com/shopspring/decimal"

	"relance/ledger"
)

// Merge merges the file's half-years with those the dossier has recorded, dated
// entered: a new half-year is added; a recorded one is completed with the file's other
// figures, or left as it is when it has them already; a recorded figure that differs is
// refused unless replace, and so is a half-year of assumed rates (the demo's), which
// replace swaps whole for the file's published figures. The file's source is kept with
// the figures.
func (imp *RatesImport) Merge(recorded []HalfYearRates, replace bool, entered ledger.Date) {
	have := map[Half]HalfYearRates{}
	for _, r := range recorded {
		have[r.Half] = r
	}
	halves := make([]Half, 0, len(imp.found))
	for h := range imp.found {
		halves = append(halves, h)
	}
	slices.SortFunc(halves, func(a, b Half) int { return (a.Year*2 + a.H) - (b.Year*2 + b.H) })
	imp.Records, imp.Added, imp.Completed, imp.Replaced, imp.Unchanged = nil, nil, nil, nil, nil
	for _, h := range halves {
		f := imp.found[h]
		x := f.x
		x.Entered = entered
		old, ok := have[h]
		switch {
		case !ok:
			imp.Records, imp.Added = append(imp.Records, x), append(imp.Added, h)
		case old.Assumed:
			if !replace {
				imp.problem(f.line, "rates.err.import.assumed", "half", h.String())
				continue
			}
			imp.Records, imp.Replaced = append(imp.Records, x), append(imp.Replaced, h)
		default:
			merged, conflict, changed := mergeHalf(old, x)
			if conflict != nil && !replace {
				imp.problem(f.line, "rates.err.import.recorded", append([]string{"half", h.String()}, conflict...)...)
				continue
			}
			switch {
			case !changed:
				imp.Unchanged = append(imp.Unchanged, h)
				continue
			case conflict != nil:
				imp.Replaced = append(imp.Replaced, h)
			default:
				imp.Completed = append(imp.Completed, h)
			}
			imp.Records = append(imp.Records, merged)
		}
	}
	slices.SortStableFunc(imp.Problems, func(a, b LineProblem) int { return a.Line - b.Line })
}

// mergeHalf returns old with x's figures, the first figure of old that x contradicts
// (field, value, recorded: nil when none) and whether anything changes.
func mergeHalf(old, x HalfYearRates) (merged HalfYearRates, conflict []string, changed bool) {
	merged = old
	kept := false // a figure of old stays beside x's
	for _, f := range []struct {
		field string
		dst   *decimal.NullDecimal
		v     decimal.NullDecimal
	}{{"rate_pct", &merged.ECB, x.ECB}, {"private_pct", &merged.LegalPrivate, x.LegalPrivate},
		{"other_pct", &merged.LegalOther, x.LegalOther}, {"base_pct", &merged.UKBase, x.UKBase}} {
		if !f.v.Valid {
			kept = kept || f.dst.Valid
			continue
		}
		if f.dst.Valid && f.dst.Decimal.Equal(f.v.Decimal) {
			continue
		}
		if f.dst.Valid && conflict == nil {
			conflict = []string{"field", f.field, "value", f.v.Decimal.StringFixed(2), "recorded", f.dst.Decimal.StringFixed(2)}
		}
		*f.dst, changed = f.v, true
	}
	if changed {
		merged.Source, merged.Entered = x.Source, x.Entered
		if kept && old.Source != "" && old.Source != x.Source {
			merged.Source = old.Source + " ; " + x.Source
		}
	}
	return merged, conflict, changed
}
