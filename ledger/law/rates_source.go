package law

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"relance/ledger"
)

// RateEntry says that a rate a décompte applies was recorded in the dossier, not read
// from the tables shipped with Relance: which rate of which half-year, the day it was
// entered and its source as the person gave them, or that it is an assumed figure (the
// demo's rates after the shipped tables).
type RateEntry struct {
	Half    string      `json:"half"` // "2026-H2"
	Kind    RateSource  `json:"kind"` // ecb, legal or uk_base
	Entered ledger.Date `json:"entered,omitempty"`
	Source  string      `json:"source,omitempty"`
	Assumed bool        `json:"assumed,omitempty"`
}

// entry returns where the rate kind of half-year h comes from when the dossier gave
// it (With), nil when it is the shipped tables' own.
func (r *Rates) entry(h Half, kind RateSource) *RateEntry {
	x, ok := r.dossier[h]
	if !ok {
		return nil
	}
	var v decimal.NullDecimal
	switch kind {
	case SourceECB:
		v = x.ECB
	case SourceLegal:
		v = x.LegalOther
	case SourceUKBase:
		v = x.UKBase
	}
	if !v.Valid {
		return nil
	}
	return &RateEntry{Half: h.String(), Kind: kind, Entered: x.Entered, Source: x.Source, Assumed: x.Assumed}
}

// DossierHalf returns the half-year of rates the dossier gave for h (With), if any:
// its figures, source, entry date, or that they are assumed.
func (r *Rates) DossierHalf(h Half) (HalfYearRates, bool) {
	x, ok := r.dossier[h]
	return x, ok
}

// EntryMark is the sign a décompte puts after a rate recorded in the dossier (" †",
// a no-break space before the dagger),
// whose note (EntryNote) says when it was entered and from what source; "" for a rate
// of the shipped tables.
func (a AppliedRate) EntryMark() string {
	if a.Entry == nil {
		return ""
	}
	return "\u00a0†"
}

// EntryNote is the note that tells the reader of a décompte where a rate recorded in
// the dossier comes from: « † taux BCE du 2nd semestre 2026 (2,15 %) : taux saisi le
// 03/07/2026 — source : … », or that it is assumed. Render it with FormatNote.
func (a AppliedRate) EntryNote() (Note, bool) {
	e := a.Entry
	if e == nil {
		return Note{}, false
	}
	args := []string{"rate_kind", string(e.Kind), "period", e.Half, "pct", a.Ref.StringFixed(2),
		"date", e.Entered.String(), "source", e.Source}
	switch {
	case e.Assumed:
		return Note{Key: "rates.note.assumed", Args: args}, true
	case !e.Entered.Valid():
		return Note{Key: "rates.note.entered_undated", Args: args}, true
	}
	return Note{Key: "rates.note.entered", Args: args}, true
}

// noteRateEntries adds, once per rate, the note of each rate of the décompte that the
// dossier gave rather than the shipped tables.
func (d *Decompte) noteRateEntries() {
	for _, ln := range d.Lines {
		if n, ok := ln.Rate.EntryNote(); ok {
			d.note(n.Key, n.Args...)
		}
	}
}

// RateKindText names a rate in lang, in lower case: « taux BCE », « taux de
// l'intérêt légal », « taux de base de la Banque d'Angleterre ».
func RateKindText(lang string, kind RateSource) string {
	switch kind {
	case SourceECB:
		return Note{Key: "rates.kind.ecb"}.Text(lang)
	case SourceLegal:
		return Note{Key: "rates.kind.legal"}.Text(lang)
	case SourceUKBase:
		return Note{Key: "rates.kind.uk_base"}.Text(lang)
	}
	return string(kind)
}

// HalfText names a half-year in lang: « 2nd semestre 2026 », "second half of 2026".
func HalfText(lang string, h Half) string {
	year := strconv.Itoa(h.Year)
	if h.H == 1 {
		return Note{Key: "rates.half.1", Args: []string{"year", year}}.Text(lang)
	}
	return Note{Key: "rates.half.2", Args: []string{"year", year}}.Text(lang)
}

// PercentText writes a rate the way lang writes it: "2,15" in French, "2.15" in English.
func PercentText(lang string, d decimal.Decimal) string {
	s := d.StringFixed(2)
	if lang == "fr" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// formatRateArg renders the arguments of the rate notes (FormatNote): the rate's kind
// and half-year in words, the percentages (pct, and pct_contract and pct_legal of the
// floor note law.note.rate_floor) in the language's way, an empty source.
func formatRateArg(lang, name, value string) (string, bool) {
	switch name {
	case "rate_kind":
		return RateKindText(lang, RateSource(value)), true
	case "period":
		if h, err := ParseHalf(value); err == nil {
			return HalfText(lang, h), true
		}
	case "pct", "pct_contract", "pct_legal":
		if d, err := decimal.NewFromString(value); err == nil {
			return PercentText(lang, d), true
		}
	case "source":
		if strings.TrimSpace(value) == "" {
			return Note{Key: "rates.source_none"}.Text(lang), true
		}
	}
	return value, false
}

// MissingRates returns the rates of half-year h that a penalty computation needs and r
// lacks: the ECB rate on its first day (C. com. L441-10 II), the legal interest rates
// (CMF L313-2) and, when uk, the Bank of England base rate on the reference day before
// it (Late Payment Act 1998). Empty when r covers h.
func (r *Rates) MissingRates(h Half, uk bool) []RateSource {
	var out []RateSource
	if _, err := r.ECBRateOn(h.Start()); err != nil {
		out = append(out, SourceECB)
	}
	if _, err := r.LegalRate(h, OtherCases); err != nil {
		out = append(out, SourceLegal)
	}
	if uk {
		if _, err := r.BaseRateOn(h.Start() - 1); err != nil {
			out = append(out, SourceUKBase)
		}
	}
	return out
}

// maxSourceLen is the longest source a half-year's rates accept (an arrêté's reference
// and where it was published fit in a line).
const maxSourceLen = 200

// checkSource refuses a source on several lines or longer than maxSourceLen.
func checkSource(s string) error {
	if strings.ContainsAny(s, "\r\n") || len([]rune(s)) > maxSourceLen {
		return &ledger.Problem{Key: "rates.err.source", Args: []string{"value", s, "max", strconv.Itoa(maxSourceLen)}}
	}
	return nil
}
