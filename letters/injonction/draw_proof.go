package injonction

import (
	"strings"

	"relance/ledger/law"
	"relance/letters/pdfdoc"
)

// proofWarnings prints, under the bordereau, the pieces of proof missing or not
// recorded for the invoices claimed (law.IPPack.ProofWarnings), in the alert colour:
// the judge may reject a request whose claim the documents do not establish (CPC 1409).
func proofWarnings(d *pdfdoc.Doc, p *law.IPPack) {
	if len(p.ProofWarnings) == 0 {
		return
	}
	d.SetY(d.Y() + 1.5)
	d.TextColor(pdfdoc.Alert)
	d.SetFont("B", 8.5)
	for _, n := range p.ProofWarnings {
		d.SetY(d.Para(d.Left, d.Y(), d.TextWidth(), pdfdoc.LineHeight(8.5), "• "+law.FormatNote(n, d.Lang(), p.Currency), "L") + 0.5)
	}
	d.TextColor(pdfdoc.Black)
	d.SetFont("", 8.5)
}

// wrappedRow draws one line of the bordereau: its number, its text and its status,
// the text wrapped over as many rows as it needs in a column w mm wide (a reference
// recorded for a piece of proof can be long; nothing is cut), every row in style st.
func wrappedRow(d *pdfdoc.Doc, t *pdfdoc.Table, w float64, st pdfdoc.RowStyle, n, text, status string) {
	lines := wrapWords(d, text, w-2.5)
	for i, line := range lines {
		if i == 0 {
			t.RowStyled(st, n, line, status)
			continue
		}
		t.RowStyled(st, "", line, "")
	}
}

// wrapWords splits s into lines that fit in w mm at the table's font (8 pt): words
// are never cut, a word wider than w stays alone on its line.
func wrapWords(d *pdfdoc.Doc, s string, w float64) []string {
	d.SetFont("", 8)
	if d.Width(s) <= w {
		return []string{s}
	}
	var lines []string
	cur := ""
	for _, word := range strings.Fields(s) {
		try := word
		if cur != "" {
			try = cur + " " + word
		}
		if cur != "" && d.Width(try) > w {
			lines = append(lines, cur)
			cur = word
			continue
		}
		cur = try
	}
	return append(lines, cur)
}
