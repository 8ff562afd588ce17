package law

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"maps"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/shopspring/decimal"

	"relance/assets/rates"
	"relance/ledger"
)

// LegalCategory selects one of the two French legal interest rates of a half-year.
// Art. L313-2 CMF: the rate depends on the creditor, not the debtor.
type LegalCategory uint8

// Legal interest rate categories.
const (
	// OtherCases is the rate "dans tous les autres cas": a business creditor, even
	// against a consumer debtor (legal-fr §2.3). It is the one Relance's users apply.
	OtherCases LegalCategory = iota
	// PrivateCreditor is the rate when the creditor is a natural person not acting
	// for professional needs.
	PrivateCreditor
)

// LegalRates is the pair of legal interest rates of one half-year, in % per year.
type LegalRates struct {
	Private decimal.Decimal // creditor is a private person
	Other   decimal.Decimal // all other cases
}

// HalfYearRates is one half-year of rates that a dossier adds to (or corrects in) the
// embedded tables, for example the next half-year once its arrêté is published.
// A field left invalid keeps the embedded value (or its absence).
type HalfYearRates struct {
	Half Half
	// ECB is the ECB MRO rate in force on the half-year's first day (1 Jan / 1 Jul).
	ECB decimal.NullDecimal
	// LegalPrivate and LegalOther are the half-year's legal interest rates.
	LegalPrivate decimal.NullDecimal
	LegalOther   decimal.NullDecimal
	// UKBase is the Bank of England base rate on the reference day that precedes the
	// half-year (31 December for H1, 30 June for H2).
	UKBase decimal.NullDecimal
	// Source says where the figures come from, as the person gave it (« arrêté du
	// 18 juin 2026, JORF 26/06/2026 », a file and line); Entered is the day they were
	// recorded. Records written before these fields existed have neither.
	Source  string      `json:",omitempty"`
	Entered ledger.Date `json:",omitempty"`
	// Assumed marks figures that are not published ones: the demo's rates assumed
	// unchanged after the shipped tables. A décompte says so where it uses them.
	Assumed bool `json:",omitempty"`
}

type ecbRow struct {
	from ledger.Date
	rate decimal.Decimal
}

// Rates holds the parsed rate tables. It is immutable: With returns a new Rates.
type Rates struct {
	ecb        []ecbRow                 // changes, by date
	ecbKnown   ledger.Date              // last date the ECB table covers
	ecbHalf    map[Half]decimal.Decimal // overrides: rate on a half-year's first day
	legal      map[Half]LegalRates      // by half-year
	uk         map[ledger.Date]decimal.Decimal
	legalFirst Half
	legalLast  Half
	dossier    map[Half]HalfYearRates // the half-years given to With: where a rate came from the dossier
}

var defaultRates = sync.OnceValues(func() (*Rates, error) {
	read := func(name string) (io.Reader, error) {
		b, err := rates.Read(name)
		if err != nil {
			return nil, fmt.Errorf("rates: %w", err)
		}
		return bytes.NewReader(b), nil
	}
	e, err := read(rates.ECBFile)
	if err != nil {
		return nil, err
	}
	l, err := read(rates.LegalFile)
	if err != nil {
		return nil, err
	}
	u, err := read(rates.UKFile)
	if err != nil {
		return nil, err
	}
	return ParseRates(e, l, u)
})

// DefaultRates returns the tables embedded in assets/rates, parsed once.
func DefaultRates() (*Rates, error) { return defaultRates() }

// ParseRates parses the three tables in the formats of assets/rates (CSV, '#' comments,
// a header row). Errors name the table, line and value.
func ParseRates(ecb, legal, uk io.Reader) (*Rates, error) {
	r := &Rates{ecbHalf: map[Half]decimal.Decimal{}, legal: map[Half]LegalRates{}, uk: map[ledger.Date]decimal.Decimal{}}
	err := readTable(rates.ECBFile, ecb, 3, func(line int, f []string) error {
		d, err := ledger.ParseDate(f[0])
		if err != nil {
			return err
		}
		rate, err := parseRate(f[1])
		if err != nil {
			return err
		}
		if n := len(r.ecb); n > 0 && d <= r.ecbKnown {
			return fmt.Errorf("date %s not after %s", d, r.ecbKnown)
		}
		switch f[2] {
		case "change":
			r.ecb = append(r.ecb, ecbRow{d, rate})
		case "known":
			if len(r.ecb) == 0 || !r.ecb[len(r.ecb)-1].rate.Equal(rate) {
				return fmt.Errorf("%s: a \"known\" row must repeat the rate in force", d)
			}
		default:
			return fmt.Errorf("kind %q: want change or known", f[2])
		}
		r.ecbKnown = d
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTable(rates.LegalFile, legal, 4, func(line int, f []string) error {
		h, err := ParseHalf(f[0])
		if err != nil {
			return err
		}
		p, err := parseRate(f[1])
		if err != nil {
			return err
		}
		o, err := parseRate(f[2])
		if err != nil {
			return err
		}
		if _, dup := r.legal[h]; dup {
			return fmt.Errorf("half-year %s twice", h)
		}
		r.legal[h] = LegalRates{Private: p, Other: o}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTable(rates.UKFile, uk, 2, func(line int, f []string) error {
		d, err := ledger.ParseDate(f[0])
		if err != nil {
			return err
		}
		if !isUKReferenceDay(d) {
			return fmt.Errorf("%s is not a reference day (30 June or 31 December)", d)
		}
		rate, err := parseRate(f[1])
		if err != nil {
			return err
		}
		r.uk[d] = rate
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(r.ecb) == 0 || len(r.legal) == 0 || len(r.uk) == 0 {
		return nil, errors.New("rates: a table is empty")
	}
	r.bounds()
	return r, nil
}

func (r *Rates) bounds() {
	first := true
	for h := range r.legal {
		if first || h.Before(r.legalFirst) {
			r.legalFirst = h
		}
		if first || r.legalLast.Before(h) {
			r.legalLast = h
		}
		first = false
	}
}

// readTable reads a CSV table with '#' comments and a header row, calling row for each
// data row with exactly width fields.
func readTable(name string, src io.Reader, width int, row func(line int, f []string) error) error {
	cr := csv.NewReader(src)
	cr.Comment = '#'
	cr.FieldsPerRecord = width
	header := true
	for {
		f, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			return fmt.Errorf("rates: %s: %w", name, err)
		}
		if header {
			header = false
			continue
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		if err := row(line, f); err != nil {
			return fmt.Errorf("rates: %s line %d: %w", name, line, err)
		}
	}
}

func parseRate(s string) (decimal.Decimal, error) {
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, fmt.Errorf("rate %q: %w", s, err)
	}
	if d.IsNegative() || d.GreaterThan(decimal.NewFromInt(100)) {
		return decimal.Decimal{}, fmt.Errorf("rate %q: out of range 0-100", s)
	}
	return d, nil
}

func isUKReferenceDay(d ledger.Date) bool {
	_, m, day := d.YMD()
	return (m == time.June && day == 30) || (m == time.December && day == 31)
}

// With returns a copy of r in which the given half-years' rates are added, or replace
// the embedded ones. It is how a dossier records a half-year published after this
// build; the receiver is not changed.
func (r *Rates) With(extra ...HalfYearRates) (*Rates, error) {
	c := *r
	c.ecbHalf = maps.Clone(r.ecbHalf)
	c.legal = maps.Clone(r.legal)
	c.uk = maps.Clone(r.uk)
	c.dossier = maps.Clone(r.dossier)
	if c.dossier == nil {
		c.dossier = map[Half]HalfYearRates{}
	}
	seen := map[Half]bool{}
	for _, x := range extra {
		if x.Half.H != 1 && x.Half.H != 2 {
			return nil, fmt.Errorf("rates override: half-year %v: want H1 or H2", x.Half)
		}
		if seen[x.Half] {
			return nil, fmt.Errorf("rates override: half-year %s given twice", x.Half)
		}
		seen[x.Half] = true
		c.dossier[x.Half] = x
		for _, v := range []decimal.NullDecimal{x.ECB, x.LegalPrivate, x.LegalOther, x.UKBase} {
			if v.Valid && (v.Decimal.IsNegative() || v.Decimal.GreaterThan(decimal.NewFromInt(100))) {
				return nil, fmt.Errorf("rates override: %s: rate %s out of range 0-100", x.Half, v.Decimal)
			}
		}
		if x.LegalPrivate.Valid != x.LegalOther.Valid {
			return nil, fmt.Errorf("rates override: %s: give both legal rates (private and other cases)", x.Half)
		}
		if x.ECB.Valid {
			c.ecbHalf[x.Half] = x.ECB.Decimal
		}
		if x.LegalOther.Valid {
			c.legal[x.Half] = LegalRates{Private: x.LegalPrivate.Decimal, Other: x.LegalOther.Decimal}
		}
		if x.UKBase.Valid {
			c.uk[x.Half.Start()-1] = x.UKBase.Decimal
		}
	}
	c.bounds()
	return &c, nil
}

// ECBRateOn returns the ECB MRO rate (% per year) in force on d. A date before the
// first row or after the table's coverage is refused with a Problem naming the range;
// a half-year override answers for its first day.
func (r *Rates) ECBRateOn(d ledger.Date) (decimal.Decimal, error) {
	if h := HalfOf(d); d == h.Start() {
		if v, ok := r.ecbHalf[h]; ok {
			return v, nil
		}
	}
	if d < r.ecb[0].from || d > r.ecbKnown {
		return decimal.Decimal{}, &ledger.Problem{Key: "law.err.ecb_range",
			Args: []string{"date", d.String(), "from", r.ecb[0].from.String(), "to", r.ecbKnown.String()}}
	}
	i := sort.Search(len(r.ecb), func(i int) bool { return r.ecb[i].from > d }) - 1
	return r.ecb[i].rate, nil
}

// ECBRateCoverage returns the first and last dates the ECB table answers for.
func (r *Rates) ECBRateCoverage() (from, to ledger.Date) { return r.ecb[0].from, r.ecbKnown }

// LegalRate returns the legal interest rate (% per year) of half-year h for the
// creditor category c (art. L313-2 and D313-1-A CMF).
func (r *Rates) LegalRate(h Half, c LegalCategory) (decimal.Decimal, error) {
	v, ok := r.legal[h]
	if !ok {
		return decimal.Decimal{}, &ledger.Problem{Key: "law.err.legal_range",
			Args: []string{"half", h.String(), "from", r.legalFirst.String(), "to", r.legalLast.String()}}
	}
	if c == PrivateCreditor {
		return v.Private, nil
	}
	return v.Other, nil
}

// BaseRateOn returns the Bank of England base rate (% per year) on d, which must be a
// reference day of the Late Payment Act (30 June or 31 December) present in the table:
// legal-fr §9 gives the rate on those days only, so no other date is answered.
func (r *Rates) BaseRateOn(d ledger.Date) (decimal.Decimal, error) {
	v, ok := r.uk[d]
	if !ok {
		var first, last ledger.Date
		for k := range r.uk {
			if !first.Valid() || k < first {
				first = k
			}
			if k > last {
				last = k
			}
		}
		return decimal.Decimal{}, &ledger.Problem{Key: "law.err.uk_range",
			Args: []string{"date", d.String(), "from", first.String(), "to", last.String()}}
	}
	return v, nil
}
