package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// fitRowsMeasured bounds the rows measured to size the columns of a large table.
const fitRowsMeasured = 400

// fitColumnMax bounds a column's width (a long free text is then cut, never a date,
// an amount or a status, which are shorter).
const fitColumnMax = 380

// fitColumns widens each column of t to its widest cell text (and header), so that no
// date, amount, deadline or status is cut with "…"; the table scrolls sideways when
// the columns are wider than the screen.
func (a *App) fitColumns(t *rowTable, cols []column) {
	pad := 2*theme.InnerPadding() + 4
	size := theme.TextSize()
	n := min(t.rows(), fitRowsMeasured)
	scratch := newCellLabel()
	for c, col := range cols {
		w := max(zoomedWidth(col.width), a.headerWidth(col.key))
		for r := range n {
			t.UpdateCell(widget.TableCellID{Row: r, Col: c}, scratch)
			w = max(w, fyne.MeasureText(scratch.Text, size, scratch.TextStyle).Width+pad)
		}
		t.SetColumnWidth(c, min(w, max(zoomedWidth(col.width), zoomedWidth(fitColumnMax))))
	}
}
