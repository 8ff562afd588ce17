package tabular

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"relance/ledger/importer/field"
)

// ReadCSV reads a CSV export. sep 0 means detect among ';', TAB, '|' and ',' from the
// first lines (';' first: what French Excel writes). The encoding is UTF-8 (BOM
// stripped) when valid, else Windows-1252. Quoted fields follow RFC 4180 leniently.
func ReadCSV(r io.Reader, sep rune) (*Table, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxTableFile+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if len(data) > MaxTableFile {
		return nil, &LimitError{What: "file", Limit: MaxTableFile, Format: "csv"}
	}
	if v, ok := field.UTF16(data); ok {
		return nil, &field.UTF16Error{Variant: v}
	}
	t := &Table{Format: "csv", Encoding: "UTF-8"}
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	if !utf8.Valid(data) {
		dec, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			return nil, fmt.Errorf("decode: %w", err)
		}
		data, t.Encoding = dec, "Windows-1252"
	}
	if sep == 0 {
		sep = detectSep(data)
	}
	t.Sep = string(sep)
	if sep == '\t' {
		t.Sep = "TAB"
	}
	// With LazyQuotes, a quote that is never closed makes the reader take the rest of
	// the file as one cell without any error: silent data loss. Refuse it.
	// A quote closed by a quote followed by other text ('"y")') is read leniently, as
	// encoding/csv does; the table records where, so that the importer can say so.
	if line, strict := openQuote(data, sep); line > 0 {
		if strict {
			return nil, &QuoteError{Line: line}
		}
		t.OpenQuote = line
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = sep
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		if len(t.Rows) >= MaxCSVRows {
			return nil, &LimitError{What: "rows", Limit: MaxCSVRows, Format: "csv"}
		}
		row := Row{N: line, Cells: make([]Cell, len(rec))}
		for i, v := range rec {
			row.Cells[i] = Cell{Text: strings.TrimSpace(strings.ReplaceAll(v, "\u00a0", " "))}
		}
		t.Rows = append(t.Rows, row)
	}
	return t, nil
}

// detectSep picks the separator that occurs most, consistently, on the first lines.
func detectSep(data []byte) rune {
	lines := bytes.SplitN(data, []byte{'\n'}, 6)
	if len(lines) > 5 {
		lines = lines[:5]
	}
	best, bestN := ';', 0
	for _, c := range []rune{';', '\t', '|', ','} {
		n := 0
		for _, l := range lines {
			n += bytes.Count(l, []byte(string(c)))
		}
		if n > bestN {
			best, bestN = c, n
		}
	}
	return best
}

// QuoteError is a quoted cell whose quote is never closed.
type QuoteError struct {
	Line int // 1-based line where the quote opened
}

// Error implements error.
func (e *QuoteError) Error() string {
	return fmt.Sprintf("line %d: quote opened and never closed", e.Line)
}

// openQuote returns the 1-based line where a quoted field opens without ever being
// closed, or 0. It reads quotes as encoding/csv does with LazyQuotes: a field is quoted
// when it starts with '"'; inside, '""' is a quote and a '"' not followed by the
// separator, an end of line or the end of the data is taken literally. strict is true
// when the field holds no other quote at all (the quote is plainly never closed), false
// when it holds quotes followed by other text (taken literally by LazyQuotes).
func openQuote(data []byte, sep rune) (line int, strict bool) {
	sepb := []byte(string(sep))
	line = 1
	start := true // at the start of a field
	for i := 0; i < len(data); {
		if start && data[i] == '"' {
			opened, stray := line, false
			i++
			for closed := false; !closed; {
				if i >= len(data) {
					return opened, !stray
				}
				switch data[i] {
				case '\n':
					line++
					i++
				case '"':
					j := i + 1
					switch {
					case j < len(data) && data[j] == '"':
						i += 2
					case j == len(data) || data[j] == '\n' || data[j] == '\r' || bytes.HasPrefix(data[j:], sepb):
						i, closed = j, true
					default:
						stray = true
						i++
					}
				default:
					i++
				}
			}
			start = false
			continue
		}
		switch {
		case data[i] == '\n':
			line++
			start = true
			i++
		case bytes.HasPrefix(data[i:], sepb):
			start = true
			i += len(sepb)
		default:
			start = false
			i++
		}
	}
	return 0, false
}
