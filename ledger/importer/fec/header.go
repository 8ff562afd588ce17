package fec

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Column is a known FEC field.
type Column int

// The 18 fields of A47 A-1 VII 1° in order, the Montant/Sens pair, the BA/BNC
// cash-basis fields (VIII 5°, 7°) and extra columns written by some exporters.
const (
	JournalCode Column = iota
	JournalLib
	EcritureNum
	EcritureDate
	CompteNum
	CompteLib
	CompAuxNum
	CompAuxLib
	PieceRef
	PieceDate
	EcritureLib
	Debit
	Credit
	EcritureLet
	DateLet
	ValidDate
	Montantdevise
	Idevise
	Montant
	Sens
	DateRglt
	ModeRglt
	NatOp
	IdClient
	DateLimitReglmt // Dolibarr, ERPNext-France: payment due date
	NumFacture
	NumColumns
)

var columnNames = [NumColumns]string{
	"JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib",
	"CompAuxNum", "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit",
	"EcritureLet", "DateLet", "ValidDate", "Montantdevise", "Idevise", "Montant", "Sens",
	"DateRglt", "ModeRglt", "NatOp", "IdClient", "DateLimitReglmt", "NumFacture",
}

// String returns the legal name of the column.
func (c Column) String() string {
	if c >= 0 && c < NumColumns {
		return columnNames[c]
	}
	return "?"
}

// synonyms maps normalised header names (upper case, no accents, letters and digits
// only) to columns.
var synonyms = func() map[string]Column {
	m := map[string]Column{}
	for c := Column(0); c < NumColumns; c++ {
		m[strings.ToUpper(columnNames[c])] = c
	}
	for k, c := range map[string]Column{
		"COMPTEAUXNUM": CompAuxNum, "COMPTEAUXLIB": CompAuxLib, "JOURNALLIBELLE": JournalLib,
		"ECRITURELIBELLE": EcritureLib, "COMPTELIBELLE": CompteLib, "MONTANTDEV": Montantdevise,
		"IDDEVISE": Idevise, "DEVISE": Idevise, "DATEECHEANCE": DateLimitReglmt, "ECHEANCE": DateLimitReglmt,
		"DATELIMITEREGLEMENT": DateLimitReglmt, "DATELIMITREGLEMENT": DateLimitReglmt,
	} {
		m[k] = c
	}
	return m
}()

// normName normalises a header cell: strip accents and quotes, keep letters and
// digits, upper case ("Crédit" → "CREDIT", "Montant devise" → "MONTANTDEVISE").
func normName(s string) string {
	s = norm.NFD.String(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}

// Layout names the FEC variant.
type Layout string

// Layouts.
const (
	LayoutBIC         Layout = "BIC"          // the 18 fields, Debit/Credit (VII 1°)
	LayoutMontantSens Layout = "MONTANT_SENS" // fields 12–13 are Montant and Sens (VII 2°)
	LayoutBA          Layout = "BA21"         // BA cash basis, 21 fields (VIII 5°)
	LayoutBNC         Layout = "BNC22"        // BNC cash basis, 22 fields (VIII 7°)
)

// Header is the column map of a file.
type Header struct {
	// Index[c] is the position of column c, or -1 when absent.
	Index [NumColumns]int `json:"-"`
	// Names are the header cells as written (trailing empty cells dropped).
	Names []string `json:"names"`
	// Count is the number of fields a line should have (len(Names)).
	Count int `json:"count"`
	// Trailing is true when the header ends with a separator (one empty extra field).
	Trailing bool `json:"trailing"`
	// Positional is true when the first line was not a header: the 18 legal columns
	// are assumed in order and the first line is data.
	Positional bool `json:"positional"`
	// MontantSens is true for the Montant/Sens form of fields 12–13.
	MontantSens bool   `json:"montant_sens"`
	Layout      Layout `json:"layout"`
	// Extra are the names of columns that are not FEC fields, kept for display.
	Extra []string `json:"extra,omitempty"`
	// Unknown lists duplicate or unrecognised cells among the first 18 positions.
	Unknown []string `json:"unknown,omitempty"`
}

// Has reports whether column c is present.
func (h *Header) Has(c Column) bool { return h.Index[c] >= 0 }

// Missing returns the legal columns (of the 18, with Montant/Sens standing in for
// Debit/Credit) that are absent.
func (h *Header) Missing() []Column {
	var out []Column
	for c := JournalCode; c <= Idevise; c++ {
		if h.Index[c] >= 0 {
			continue
		}
		if (c == Debit || c == Credit) && h.MontantSens {
			continue
		}
		out = append(out, c)
	}
	return out
}

// ParseHeader maps the decoded header cells to columns. If fewer than four cells are
// recognised the line is not a header and the 18 legal columns are assumed in order.
func ParseHeader(cells []string) Header {
	var h Header
	for i := range h.Index {
		h.Index[i] = -1
	}
	for len(cells) > 0 && strings.TrimSpace(cells[len(cells)-1]) == "" {
		cells = cells[:len(cells)-1]
		h.Trailing = true
	}
	h.Names = cells
	h.Count = len(cells)
	known := 0
	for i, raw := range cells {
		c, ok := synonyms[normName(strings.Trim(strings.TrimSpace(raw), `"`))]
		switch {
		case ok && h.Index[c] < 0:
			h.Index[c] = i
			known++
		case i < 18:
			h.Unknown = append(h.Unknown, raw)
		default:
			h.Extra = append(h.Extra, raw)
		}
	}
	if known < 4 {
		h = Header{Positional: true, Count: len(cells)}
		for i := range h.Index {
			h.Index[i] = -1
		}
		for c := JournalCode; c <= Idevise && int(c) < len(cells); c++ {
			h.Index[c] = int(c)
		}
		h.Names = columnNames[:18]
	}
	h.MontantSens = h.Index[Montant] >= 0 && h.Index[Sens] >= 0 && (h.Index[Debit] < 0 || h.Index[Credit] < 0)
	switch {
	case h.Index[IdClient] >= 0:
		h.Layout = LayoutBNC
	case h.Index[DateRglt] >= 0 && h.Index[ModeRglt] >= 0:
		h.Layout = LayoutBA
	case h.MontantSens:
		h.Layout = LayoutMontantSens
	default:
		h.Layout = LayoutBIC
	}
	return h
}
