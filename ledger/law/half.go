// Package law holds Relance's legal computations for debt collection: dated rate tables
// (ECB, French legal interest rate, Bank of England base rate), late-payment penalties
// with their line-by-line décompte, the financing cost of late payment and of an early
// payment discount, and limitation deadlines.
//
// Every rule cites its article in a comment; every rate comes from the dated tables in
// assets/rates (or a dossier's override), never from a constant; every computation
// takes explicit civil dates and exact decimals.
package law

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"relance/ledger"
)

// Half is a calendar half-year: H1 is 1 January-30 June, H2 is 1 July-31 December.
// Both the L441-10 penalty rate and the legal interest rate are fixed per half-year.
type Half struct {
	Year int
	H    int // 1 or 2
}

// HalfOf returns the half-year containing d.
func HalfOf(d ledger.Date) Half {
	if d.Month() <= time.June {
		return Half{d.Year(), 1}
	}
	return Half{d.Year(), 2}
}

// Start returns the first day of the half-year (1 January or 1 July).
func (h Half) Start() ledger.Date {
	if h.H == 1 {
		return ledger.NewDate(h.Year, time.January, 1)
	}
	return ledger.NewDate(h.Year, time.July, 1)
}

// End returns the last day of the half-year (30 June or 31 December).
func (h Half) End() ledger.Date { return h.Next().Start() - 1 }

// Next returns the following half-year.
func (h Half) Next() Half {
	if h.H == 1 {
		return Half{h.Year, 2}
	}
	return Half{h.Year + 1, 1}
}

// Before reports whether h comes before o.
func (h Half) Before(o Half) bool {
	return h.Year < o.Year || (h.Year == o.Year && h.H < o.H)
}

// String formats the half-year as "2025-H1".
func (h Half) String() string { return fmt.Sprintf("%04d-H%d", h.Year, h.H) }

// ParseHalf parses "2025-H1" or "2025-H2".
func ParseHalf(s string) (Half, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	t = strings.Replace(t, "-S", "-H", 1) // « 2026-S2 »: semestre
	y, hs, ok := strings.Cut(t, "-H")
	year, err := strconv.Atoi(y)
	if !ok || err != nil || len(y) != 4 || (hs != "1" && hs != "2") {
		return Half{}, fmt.Errorf("half-year %q: want YYYY-H1 or YYYY-H2", s)
	}
	return Half{year, int(hs[0] - '0')}, nil
}

// Note is an explanation meant for the user: a catalogue key (law.*) with named
// parameters, rendered by Text in the user's language.
type Note struct {
	Key  string   `json:"key"`
	Args []string `json:"args,omitempty"` // name/value pairs
}

// Text renders the note in lang ("fr" or "en").
func (n Note) Text(lang string) string {
	return (&ledger.Problem{Key: n.Key, Args: n.Args}).Localize(lang)
}
