package tabular

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// ReadCSV reads a CSV export. sep 0 means detect among ';', TAB, '|' and ',' from the
// first lines (';' first: what French Excel writes). The encoding is UTF-8 (BOM
// stripped) when valid, else Windows-1252. Quoted fields follow RFC 4180 leniently.
func ReadCSV(r io.Reader, sep rune) (*Table, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
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
