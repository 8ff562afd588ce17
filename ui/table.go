package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// column is a column of a read-only data table.
type column struct {
	key   string  // i18n key of its header
	width float32 // width in pixels
	right bool    // right-aligned (numbers, amounts, dates in figures)
}

// cellFunc returns the text of a cell and how it stands out (widget.DangerImportance
// for what is late, widget.MediumImportance otherwise).
type cellFunc func(row, col int) (string, widget.Importance)

// dataTable is a read-only table with a bold header row, truncated cells, the columns'
// widths and alignments, and onSelect (optional) called with the row clicked.
func (a *App) dataTable(cols []column, rows func() int, cell cellFunc, onSelect func(row int)) *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) { return rows(), len(cols) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.Alignment = fyne.TextAlignLeading
			if cols[id.Col].right {
				l.Alignment = fyne.TextAlignTrailing
			}
			text, imp := cell(id.Row, id.Col)
			l.Importance = imp
			l.SetText(text)
		})
	t.ShowHeaderColumn = false
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.TextStyle = fyne.TextStyle{Bold: true}
		l.Truncation = fyne.TextTruncateEllipsis
		if id.Col < 0 || id.Col >= len(cols) {
			return
		}
		l.Alignment = fyne.TextAlignLeading
		if cols[id.Col].right {
			l.Alignment = fyne.TextAlignTrailing
		}
		l.SetText(a.t(cols[id.Col].key))
	}
	for i, c := range cols {
		t.SetColumnWidth(i, c.width)
	}
	if onSelect != nil {
		t.OnSelected = func(id widget.TableCellID) {
			t.UnselectAll()
			if id.Row >= 0 && id.Row < rows() {
				onSelect(id.Row)
			}
		}
	}
	return t
}

const normal = widget.MediumImportance
