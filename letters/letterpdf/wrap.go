package letterpdf

import (
	"strconv"
	"strings"

	"relance/letters/pdfdoc"
)

func itoa(n int) string { return strconv.Itoa(n) }

// wrap splits s into lines no wider than w in the current font. Unlike
// pdfdoc.Doc.Lines it breaks only at ordinary spaces and newlines, so that the
// no-break spaces of French typography (U+00A0 before € and ":", U+202F between
// thousands) keep an amount, a percentage or "n° X" on one line.
func wrap(d *pdfdoc.Doc, s string, w float64) []string {
	var out []string
	space := d.Width(" ")
	for _, p := range strings.Split(s, "\n") {
		line, lineW := "", 0.0
		for _, word := range strings.Split(p, " ") {
			if word == "" {
				continue
			}
			ww := d.Width(word)
			for ww > w && len([]rune(word)) > 1 {
				r := []rune(word)
				n := len(r) - 1
				for n > 1 && d.Width(string(r[:n])) > w {
					n--
				}
				if line != "" {
					out = append(out, line)
					line, lineW = "", 0
				}
				out = append(out, string(r[:n]))
				word = string(r[n:])
				ww = d.Width(word)
			}
			// Widths add up: fpdf applies no kerning.
			switch {
			case line == "":
				line, lineW = word, ww
			case lineW+space+ww <= w:
				line += " " + word
				lineW += space + ww
			default:
				out = append(out, line)
				line, lineW = word, ww
			}
		}
		out = append(out, line)
	}
	return out
}

// wrapped holds the lines of paragraphs (split at "\n") already wrapped in one font
// and width, by paragraph: the body's, measured by bodySize and then drawn. A nil
// wrapped measures every time.
type wrapped map[string][]string

// lines returns part (no "\n") wrapped to w in the current font, from m when there.
func (m wrapped) lines(d *pdfdoc.Doc, part string, w float64) []string {
	if lines, ok := m[part]; ok {
		return lines
	}
	lines := wrap(d, part, w)
	if m != nil {
		m[part] = lines
	}
	return lines
}

// count returns the number of lines of s wrapped to w: len(wrap(d, s, w)).
func (m wrapped) count(d *pdfdoc.Doc, s string, w float64) int {
	n := 0
	for _, part := range strings.Split(s, "\n") {
		n += len(m.lines(d, part, w))
	}
	return n
}

// para writes s wrapped to w from (x, y), one line every lh, aligned "L" or "J"
// (justified but for a paragraph's last line), breaking the page when a line does not
// fit. It returns the y below it.
func para(d *pdfdoc.Doc, x, y, w, lh float64, s, align string) float64 {
	return wrapped(nil).para(d, x, y, w, lh, s, align)
}

// para is para with the lines of m, for paragraphs in m's font and width.
func (m wrapped) para(d *pdfdoc.Doc, x, y, w, lh float64, s, align string) float64 {
	p := d.PDF()
	for _, part := range strings.Split(s, "\n") {
		lines := m.lines(d, part, w)
		for i, l := range lines {
			if y+lh > d.H-d.Bottom {
				d.NewPage()
				y = d.Y()
			}
			p.SetXY(x, y)
			if align == "J" && i < len(lines)-1 {
				if n := strings.Count(l, " "); n > 0 {
					p.SetWordSpacing((w - d.Width(l)) / float64(n))
				}
			}
			p.CellFormat(w, lh, d.Enc(l), "", 0, "L", false, 0, "")
			p.SetWordSpacing(0)
			y += lh
		}
	}
	d.SetY(y)
	return y
}
