package tabular

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// cellRef parses a cell reference ("B12", "XFD1048576", "$A$1") into its 1-based
// column and row; ok is false when it is not one.
func cellRef(s string) (col, row int, ok bool) {
	s = strings.ReplaceAll(s, "$", "")
	i := 0
	for i < len(s) && s[i] >= 'A' && s[i] <= 'Z' {
		if col > 1<<20 {
			return 0, 0, false
		}
		col = col*26 + int(s[i]-'A'+1)
		i++
	}
	if i == 0 || i == len(s) {
		return 0, 0, false
	}
	row, err := strconv.Atoi(s[i:])
	if err != nil || row < 1 {
		return 0, 0, false
	}
	return col, row, true
}

// rangeRef parses "A1:C3" (or a single cell) into its corners.
func rangeRef(s string) (c1, r1, c2, r2 int, ok bool) {
	a, b, isRange := strings.Cut(s, ":")
	if !isRange {
		b = a
	}
	c1, r1, ok1 := cellRef(a)
	c2, r2, ok2 := cellRef(b)
	if !ok1 || !ok2 {
		return 0, 0, 0, 0, false
	}
	return min(c1, c2), min(r1, r2), max(c1, c2), max(r1, r2), true
}

func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// sheetReader is the state of one pass over a sheet part.
type sheetReader struct {
	wb      *workbook
	t       *Table
	cells   []Cell
	curRow  int
	nextCol int
	col     int
	typ     string
	formula bool
	text    strings.Builder
	inText  bool // in <v>, or in <t> of an inline string outside a phonetic run
	inIS    bool
	phon    int
	merges  [][4]int
	width   int
}

// readSheet streams the sheet part into t.
func (wb *workbook) readSheet(part string, t *Table) error {
	rc, err := wb.open(part, wb.lim.Sheet)
	if err != nil {
		return err
	}
	defer rc.Close()
	sr := &sheetReader{wb: wb, t: t}
	d := xml.NewDecoder(rc)
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("%s: %w", part, err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			if err := sr.start(tk); err != nil {
				return err
			}
		case xml.EndElement:
			sr.end(tk)
		case xml.CharData:
			if sr.inText {
				sr.text.Write(tk)
			}
		}
	}
	return sr.applyMerges()
}

func (sr *sheetReader) limit(what string, n int) error {
	return &LimitError{What: what, Limit: int64(n), Sheet: sr.t.Sheet}
}

func (sr *sheetReader) start(se xml.StartElement) error {
	lim := sr.wb.lim
	switch se.Name.Local {
	case "dimension":
		// The used range, written first: refuse at once a sheet announced beyond
		// the limits rather than read a million rows to find out.
		if _, _, c2, r2, ok := rangeRef(attr(se, "ref")); ok {
			switch {
			case r2 > lim.Rows:
				return sr.limit("rows", lim.Rows)
			case c2 > lim.Cols:
				return sr.limit("cols", lim.Cols)
			}
		}
	case "row":
		n := sr.curRow + 1
		if v, err := strconv.Atoi(attr(se, "r")); err == nil && v > sr.curRow {
			n = v
		}
		if n > lim.Rows {
			return sr.limit("rows", lim.Rows)
		}
		for sr.curRow+1 < n { // rows absent from the file are empty
			sr.curRow++
			sr.t.Rows = append(sr.t.Rows, Row{N: sr.curRow})
		}
		sr.curRow = n
		sr.cells, sr.nextCol = nil, 1
	case "c":
		sr.col = sr.nextCol
		if c, _, ok := cellRef(attr(se, "r")); ok {
			sr.col = c
		}
		if sr.col > lim.Cols {
			return sr.limit("cols", lim.Cols)
		}
		sr.typ, sr.formula = attr(se, "t"), false
		sr.text.Reset()
	case "f":
		sr.formula = true
	case "v":
		sr.inText = true
	case "is":
		sr.inIS = true
	case "rPh":
		sr.phon++
	case "t":
		sr.inText = sr.inIS && sr.phon == 0
	case "mergeCell":
		if c1, r1, c2, r2, ok := rangeRef(attr(se, "ref")); ok {
			if len(sr.merges) >= lim.Merged {
				return sr.limit("merged", lim.Merged)
			}
			sr.merges = append(sr.merges, [4]int{c1, r1, c2, r2})
		}
	}
	return nil
}

func (sr *sheetReader) end(ee xml.EndElement) {
	switch ee.Name.Local {
	case "v", "t":
		sr.inText = false
	case "is":
		sr.inIS = false
	case "rPh":
		sr.phon--
	case "c":
		v := sr.text.String()
		if sr.typ == "s" {
			i, err := strconv.Atoi(strings.TrimSpace(v))
			if err == nil && i >= 0 && i < len(sr.wb.strings) {
				v = sr.wb.strings[i]
			} else {
				v = ""
			}
		}
		c := Cell{Text: v, Formula: sr.formula, Number: (sr.typ == "" || sr.typ == "n") && v != ""}
		if v != "" || c.Formula {
			for len(sr.cells) < sr.col {
				sr.cells = append(sr.cells, Cell{})
			}
			sr.cells[sr.col-1] = c
		}
		sr.nextCol = sr.col + 1
	case "row":
		sr.t.Rows = append(sr.t.Rows, Row{N: sr.curRow, Cells: sr.cells})
		sr.width = max(sr.width, len(sr.cells))
		sr.cells = nil
	}
}

// applyMerges marks the cells of merged ranges (but their top-left cell) within the
// rows and columns read: a merged range is never needed to read a ledger, only named
// in an error when a mapped cell is in one. Ranges are clipped to what was read; the
// cells they cover are bounded by the limits.
func (sr *sheetReader) applyMerges() error {
	lim := sr.wb.lim
	total := 0
	for _, m := range sr.merges {
		c1, r1, c2, r2 := m[0], m[1], min(m[2], sr.width), min(m[3], len(sr.t.Rows))
		if c1 > c2 || r1 > r2 {
			continue
		}
		total += (c2 - c1 + 1) * (r2 - r1 + 1)
		if total > lim.MergedCells {
			return sr.limit("merged", lim.MergedCells)
		}
		for rr := r1; rr <= r2; rr++ {
			row := &sr.t.Rows[rr-1]
			for cc := c1; cc <= c2; cc++ {
				if rr == r1 && cc == c1 {
					continue
				}
				for len(row.Cells) < cc {
					row.Cells = append(row.Cells, Cell{})
				}
				row.Cells[cc-1].Merged = true
			}
		}
	}
	return nil
}
