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
	return a.dataTableMenu(cols, rows, cell, onSelect, nil)
}

// rowMenuFunc returns the items of a row's context menu (right click).
type rowMenuFunc func(row int) []*fyne.MenuItem

// dataTableMenu is dataTable with a context menu on each row (menu may be nil).
func (a *App) dataTableMenu(cols []column, rows func() int, cell cellFunc, onSelect func(row int), menu rowMenuFunc) *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) { return rows(), len(cols) },
		func() fyne.CanvasObject {
			l := newCellLabel()
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			c := o.(*cellLabel)
			c.row = id.Row
			c.menu = nil
			if menu != nil {
				c.menu = func(row int, at fyne.Position) {
					if row >= 0 && row < rows() {
						a.showContextMenu(menu(row), at)
					}
				}
			}
			l := &c.Label
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

// cellLabel is a table cell's label that reports right clicks (secondary taps) with its
// row, for context menus; primary taps still go to the table (selection).
type cellLabel struct {
	widget.Label
	row  int
	menu func(row int, at fyne.Position)
}

func newCellLabel() *cellLabel {
	l := &cellLabel{}
	l.ExtendBaseWidget(l)
	return l
}

// TappedSecondary opens the row's context menu, if the table has one.
func (l *cellLabel) TappedSecondary(e *fyne.PointEvent) {
	if l.menu != nil {
		l.menu(l.row, e.AbsolutePosition)
	}
}

// showContextMenu pops up items at a position of the window (nothing when empty).
func (a *App) showContextMenu(items []*fyne.MenuItem, at fyne.Position) {
	if len(items) == 0 {
		return
	}
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), a.win.Canvas(), at)
}
