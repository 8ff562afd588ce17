package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// column is a column of a read-only data table.
type column struct {
	key   string  // i18n key of its header
	width float32 // width in pixels (at least; the header's text widens it)
	right bool    // right-aligned (numbers, amounts, dates in figures)
}

// cellFunc returns the text of a cell and how it stands out (widget.DangerImportance
// for what is late, widget.MediumImportance otherwise).
type cellFunc func(row, col int) (string, widget.Importance)

// rowMenuFunc returns the items of a row's context menu (right click), "Open" first.
type rowMenuFunc func(row int) []*fyne.MenuItem

// rowActions is what a table does with its rows, the same in every list of the app:
// a left click, the arrow keys or Space select a row and show its detail (selected); a
// double click or Enter opens it (open; selected when nil); a right click offers menu.
type rowActions struct {
	selected func(row int)
	open     func(row int)
	menu     rowMenuFunc
}

// rowTable is a table of rows with the app's one row behaviour (rowActions). Its cells
// are cellLabels, which pass left, double and right clicks back to it: a cell that takes
// the right click would otherwise swallow the left one in the real (GL) driver.
type rowTable struct {
	widget.Table
	rows    func() int
	actions rowActions
	cur     int // the selected row, -1 for none
}

// newRowTable makes a rowTable over rows() rows and cols columns; create and update
// build and fill its cells (create must return a *cellLabel), like widget.Table's.
func newRowTable(rows func() int, cols int, create func() fyne.CanvasObject,
	update func(widget.TableCellID, *cellLabel), act rowActions) *rowTable {
	t := &rowTable{rows: rows, actions: act, cur: -1}
	t.Length = func() (int, int) { return rows(), cols }
	t.CreateCell = create
	t.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		c := o.(*cellLabel)
		c.row, c.col, c.table = id.Row, id.Col, t
		update(id, c)
	}
	t.ShowHeaderRow = true
	t.ExtendBaseWidget(t)
	t.OnSelected = func(id widget.TableCellID) { t.choose(id.Row) }
	return t
}

// choose makes row the selected row and shows its detail (again, when it already is).
func (t *rowTable) choose(row int) {
	if row < 0 || row >= t.rows() {
		return
	}
	t.cur = row
	if t.actions.selected != nil {
		t.actions.selected(row)
	}
}

// tapCell selects the row of a cell clicked with the left button.
func (t *rowTable) tapCell(row, col int) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(t); c != nil {
		c.Focus(t)
	}
	id := widget.TableCellID{Row: row, Col: col}
	if t.cur == row {
		t.choose(row) // a second click on the selected row shows its detail again
		return
	}
	t.Select(id) // OnSelected → choose
}

// openRow opens row (its detail when the table has no "open" action).
func (t *rowTable) openRow(row int) {
	if row < 0 || row >= t.rows() {
		return
	}
	if t.cur != row {
		t.Select(widget.TableCellID{Row: row, Col: 0})
	}
	if t.actions.open != nil {
		t.actions.open(row)
		return
	}
	t.choose(row)
}

// TypedKey opens the selected row on Enter and moves the selection with the arrows.
func (t *rowTable) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if t.cur >= 0 {
			t.openRow(t.cur)
		}
	case fyne.KeyDown, fyne.KeyUp:
		row := t.cur + 1
		if e.Name == fyne.KeyUp {
			row = t.cur - 1
		}
		if t.cur < 0 {
			row = 0
		}
		if row >= 0 && row < t.rows() {
			t.Select(widget.TableCellID{Row: row, Col: 0})
		}
	default:
		t.Table.TypedKey(e)
	}
}

// selectRow selects row by code (a customer chosen elsewhere, a test), showing its detail.
func (t *rowTable) selectRow(row int) {
	if row < 0 || row >= t.rows() {
		return
	}
	t.Select(widget.TableCellID{Row: row, Col: 0})
	if t.cur != row {
		t.choose(row)
	}
}

// clearSelection forgets the selected row (after the list changed under it).
func (t *rowTable) clearSelection() {
	t.cur = -1
	t.UnselectAll()
}

// dataTable is a read-only table with a bold header row, the columns' widths and
// alignments, and the app's row behaviour: selected (optional) is called with the row
// clicked or reached with the arrows.
func (a *App) dataTable(cols []column, rows func() int, cell cellFunc, selected func(row int)) *rowTable {
	return a.rowsTable(cols, rows, cell, rowActions{selected: selected})
}

// dataTableMenu is dataTable with a context menu on each row (menu may be nil).
func (a *App) dataTableMenu(cols []column, rows func() int, cell cellFunc, selected func(row int), menu rowMenuFunc) *rowTable {
	return a.rowsTable(cols, rows, cell, rowActions{selected: selected, menu: menu})
}

// rowsTable is the data table with every row action (rowActions).
func (a *App) rowsTable(cols []column, rows func() int, cell cellFunc, act rowActions) *rowTable {
	t := newRowTable(rows, len(cols), func() fyne.CanvasObject {
		l := newCellLabel()
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, nil, act)
	t.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		c := o.(*cellLabel)
		c.row, c.col, c.table = id.Row, id.Col, t
		c.menu = nil
		if t.actions.menu != nil { // read when drawn: a screen may set the menu after building the table
			c.menu = func(row int, at fyne.Position) {
				if row >= 0 && row < rows() && t.actions.menu != nil {
					a.showContextMenu(t.actions.menu(row), at)
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
	}
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
		t.SetColumnWidth(i, max(zoomedWidth(c.width), a.headerWidth(c.key))) // wider when zoomed (ui/zoom.go)
	}
	return t
}

// headerWidth is the width a column needs to show its header whole, in bold.
func (a *App) headerWidth(key string) float32 {
	l := widget.NewLabel(a.t(key))
	l.TextStyle = fyne.TextStyle{Bold: true}
	// The table draws a divider between columns and the header cell's own padding.
	return l.MinSize().Width + 2*theme.Padding()
}

const normal = widget.MediumImportance

// cellLabel is a table cell's label. It hands the clicks it receives back to its
// table: left click selects the row, double click opens it, right click shows the
// row's context menu.
type cellLabel struct {
	widget.Label
	row, col int
	table    *rowTable // nil in a plain widget.Table: clicks then do nothing
	menu     func(row int, at fyne.Position)
}

func newCellLabel() *cellLabel {
	l := &cellLabel{}
	l.ExtendBaseWidget(l)
	return l
}

// Tapped selects the cell's row.
func (l *cellLabel) Tapped(*fyne.PointEvent) {
	if l.table != nil {
		l.table.tapCell(l.row, l.col)
	}
}

// DoubleTapped opens the cell's row.
func (l *cellLabel) DoubleTapped(*fyne.PointEvent) {
	if l.table != nil {
		l.table.openRow(l.row)
	}
}

// TappedSecondary selects the row and opens its context menu, if the table has one.
func (l *cellLabel) TappedSecondary(e *fyne.PointEvent) {
	if l.table != nil && l.table.cur != l.row {
		l.table.Select(widget.TableCellID{Row: l.row, Col: l.col})
	}
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
