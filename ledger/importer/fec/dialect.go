// Package fec reads a Fichier des Écritures Comptables (art. A47 A-1 LPF) as a stream:
// it sniffs the byte-order mark, the encoding, the separator and the line endings,
// maps the header (18-column BIC/IS layout, Montant/Sens, BA 21 and BNC 22 columns,
// extra columns such as DateLimitReglmt) and yields lines as byte fields, decoding to
// UTF-8 only the fields the caller keeps. It deliberately does not use encoding/csv:
// FEC exports treat quotes as ordinary characters (reference/fec.md §5.2).
package fec

import (
	"bytes"
	"unicode/utf8"
)

// Encoding is a text encoding allowed (or met) in FEC files.
type Encoding uint8

// Encodings. The law allows ASCII, ISO 8859-15 and UTF-8 (A47 A-1 XII 1°); Windows-1252
// is what many French tools write when they say "ANSI".
const (
	UTF8 Encoding = iota
	ISO885915
	Windows1252
)

var encNames = [...]string{"UTF-8", "ISO-8859-15", "Windows-1252"}

// String returns the encoding's usual name.
func (e Encoding) String() string {
	if int(e) < len(encNames) {
		return encNames[e]
	}
	return "UTF-8"
}

// ParseEncoding reads a name returned by String (case-insensitive, also "latin9", "cp1252").
func ParseEncoding(s string) (Encoding, bool) {
	switch string(bytes.ToLower([]byte(s))) {
	case "utf-8", "utf8":
		return UTF8, true
	case "iso-8859-15", "iso8859-15", "latin9", "latin-9":
		return ISO885915, true
	case "windows-1252", "cp1252", "ansi":
		return Windows1252, true
	}
	return UTF8, false
}

// EOL names the line terminator found.
type EOL string

// Line terminators.
const (
	LF     EOL = "LF"
	CRLF   EOL = "CRLF"
	CR     EOL = "CR"
	CRCRLF EOL = "CRCRLF" // "\r\r\n", seen in real exports (reference/fec.md §3.1)
)

// Dialect is how a file is written. Sniff guesses it; a user may override any field.
type Dialect struct {
	BOM      bool     `json:"bom"`
	Encoding Encoding `json:"encoding"`
	Sep      byte     `json:"sep"` // '\t', '|' or ';' (';' is non-compliant and warned)
	EOL      EOL      `json:"eol"`
	Quoted   bool     `json:"quoted"` // header fields wrapped in double quotes: strip symmetric outer quotes
}

// SepName returns the separator as people call it: "TAB", "|", ";".
func (d Dialect) SepName() string {
	if d.Sep == '\t' {
		return "TAB"
	}
	return string(d.Sep)
}

// SampleSize is how much of the file Sniff needs.
const SampleSize = 64 << 10

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// Sniff guesses the dialect from the first bytes of a file (up to SampleSize). ok is
// false when no separator could be found in the first line (not a FEC).
func Sniff(sample []byte) (d Dialect, ok bool) {
	if bytes.HasPrefix(sample, utf8BOM) {
		d.BOM = true
		sample = sample[3:]
	}
	d.Encoding = sniffEncoding(sample, d.BOM)
	switch i := bytes.IndexAny(sample, "\r\n"); {
	case i < 0:
		d.EOL = LF
	case sample[i] == '\n':
		d.EOL = LF
	case bytes.HasPrefix(sample[i:], []byte("\r\r\n")):
		d.EOL = CRCRLF
	case bytes.HasPrefix(sample[i:], []byte("\r\n")):
		d.EOL = CRLF
	case i+1 == len(sample) || bytes.IndexByte(sample, '\n') < 0:
		d.EOL = CR
	default:
		d.EOL = CRLF
	}
	first := sample
	if i := bytes.IndexAny(sample, "\r\n"); i >= 0 {
		first = sample[:i]
	}
	tabs, pipes, semis := bytes.Count(first, []byte{'\t'}), bytes.Count(first, []byte{'|'}), bytes.Count(first, []byte{';'})
	switch {
	case tabs >= pipes && tabs >= semis && tabs > 0:
		d.Sep = '\t'
	case pipes >= semis && pipes > 0:
		d.Sep = '|'
	case semis > 0:
		d.Sep = ';'
	default:
		return d, false
	}
	d.Quoted = bytes.HasPrefix(first, []byte{'"'})
	return d, true
}

// sniffEncoding decides line by line: when at least as many non-ASCII lines are
// valid UTF-8 as not, the file is UTF-8 (a few Latin lines are then decoded on their
// own). Otherwise bytes 0x80–0x9F in the invalid lines (C1 controls in ISO 8859,
// letters and € in cp1252) mean Windows-1252, else ISO 8859-15.
func sniffEncoding(sample []byte, bom bool) Encoding {
	if bom {
		return UTF8
	}
	if len(sample) >= SampleSize-3 {
		// Drop a line possibly cut by the sample's end.
		if i := bytes.LastIndexAny(sample, "\r\n"); i > 0 {
			sample = sample[:i]
		}
	}
	valid, invalid, c1 := 0, 0, false
	for len(sample) > 0 {
		line := sample
		if i := bytes.IndexAny(sample, "\r\n"); i >= 0 {
			line, sample = sample[:i], sample[i+1:]
		} else {
			sample = nil
		}
		if isASCII(line) {
			continue
		}
		if utf8.Valid(line) {
			valid++
			continue
		}
		invalid++
		for _, c := range line {
			if c >= 0x80 && c <= 0x9F {
				c1 = true
			}
		}
	}
	switch {
	case valid >= invalid:
		return UTF8
	case c1:
		return Windows1252
	}
	return ISO885915
}
