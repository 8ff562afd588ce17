package pdfdoc

// Column is a table column: its title, width in millimetres and alignment ("L", "C"
// or "R"; money goes right).
type Column struct {
	Title string
	Width float64
	Align string
}

// RowStyle changes how a row is drawn.
type RowStyle struct {
	Bold  bool
	Color Color // text colour; Black when zero
	Fill  Color // background; none when zero
}

// Table draws rows under a header row that is repeated at the top of every page the
// table runs onto. Cells never overflow: text is shrunk, then cut with "…".
type Table struct {
	d    *Doc
	cols []Column
	x    float64
	// RowH is the row height and Size the font size; Zebra shades every other row.
	RowH  float64
	Size  float64
	Zebra bool
	n     int
}

// NewTable starts a table at the left margin. Widths are scaled down proportionally if
// they add up to more than the width between the margins.
func (d *Doc) NewTable(cols ...Column) *Table {
	total := 0.0
	for _, c := range cols {
		total += c.Width
	}
	if avail := d.TextWidth(); total > avail {
		for i := range cols {
			cols[i].Width *= avail / total
		}
	}
	return &Table{d: d, cols: cols, x: d.Left, RowH: 5, Size: 8}
}

// Width returns the table's total width.
func (t *Table) Width() float64 {
	w := 0.0
	for _, c := range t.cols {
		w += c.Width
	}
	return w
}

// Header draws the header row (after a page break if it and one row do not fit).
func (t *Table) Header() {
	t.d.Need(2 * t.RowH)
	t.header()
}

func (t *Table) header() {
	d := t.d
	y := d.Y()
	d.FillColor(Light)
	d.DrawColor(Accent)
	d.pdf.SetLineWidth(0.2)
	d.pdf.Rect(t.x, y, t.Width(), t.RowH, "F")
	d.pdf.Line(t.x, y+t.RowH, t.x+t.Width(), y+t.RowH)
	d.TextColor(Accent)
	d.SetFont("B", t.Size)
	x := t.x
	for _, c := range t.cols {
		d.Text(x, y, c.Width, t.RowH, c.Title, c.Align)
		x += c.Width
	}
	d.TextColor(Black)
	d.SetY(y + t.RowH)
}

// Row draws a row of cells in the regular style.
func (t *Table) Row(cells ...string) { t.RowStyled(RowStyle{}, cells...) }

// RowStyled draws a row with a style, breaking the page (and repeating the header)
// when it does not fit.
func (t *Table) RowStyled(st RowStyle, cells ...string) {
	d := t.d
	if d.Need(t.RowH) {
		t.header()
	}
	y := d.Y()
	fill := st.Fill
	if fill == 0 && t.Zebra && t.n%2 == 1 {
		fill = Zebra
	}
	if fill != 0 {
		d.FillColor(fill)
		d.pdf.Rect(t.x, y, t.Width(), t.RowH, "F")
	}
	t.cells(y, st, cells)
	t.n++
	d.SetY(y + t.RowH)
}

func (t *Table) cells(y float64, st RowStyle, cells []string) {
	d := t.d
	style := ""
	if st.Bold {
		style = "B"
	}
	d.TextColor(st.Color)
	x := t.x
	for i, c := range t.cols {
		if i < len(cells) {
			d.SetFont(style, t.Size)
			d.Text(x, y, c.Width, t.RowH, cells[i], c.Align)
		}
		x += c.Width
	}
	d.TextColor(Black)
	d.SetFont("", t.Size)
}

// Total draws a totals row: bold, on a light background, under a rule.
func (t *Table) Total(cells ...string) {
	d := t.d
	if d.Need(t.RowH) {
		t.header()
	}
	y := d.Y()
	d.FillColor(Light)
	d.pdf.Rect(t.x, y, t.Width(), t.RowH, "F")
	d.DrawColor(Accent)
	d.pdf.SetLineWidth(0.3)
	d.pdf.Line(t.x, y, t.x+t.Width(), y)
	t.cells(y, RowStyle{Bold: true}, cells)
	d.SetY(y + t.RowH)
}

// TotalsBox draws label/amount rows right-aligned in a box w mm wide, the last row bold
// on a light background (the totals under a décompte or a claim).
func (d *Doc) TotalsBox(rows [][2]string, w float64) {
	const rh = 5.5
	d.Need(float64(len(rows)) * rh)
	x := d.Left + d.TextWidth() - w
	amountW := 34.0
	for i, r := range rows {
		y := d.Y()
		style := ""
		if i == len(rows)-1 {
			style = "B"
			d.FillColor(Light)
			d.pdf.Rect(x, y, w, rh, "F")
		}
		d.SetFont(style, 9)
		d.Text(x+1, y, w-amountW-2, rh, r[0], "L")
		d.Text(x+w-amountW-1, y, amountW, rh, r[1], "R")
		d.SetY(y + rh)
	}
}

// LabelBox draws label/value rows on a light background across the text width: each
// label in grey in a column labelW mm wide, its value in bold beside it, wrapped (the
// head of a pack or of a statement: court, parties, decision…).
func (d *Doc) LabelBox(rows [][2]string, labelW float64) {
	lh := LineHeight(9)
	d.SetFont("B", 9) // the values' font: their lines decide the box's height
	valueW := d.TextWidth() - labelW - 2
	h := 2.0
	for _, r := range rows {
		h += lh * float64(len(d.Lines(r[1], valueW)))
	}
	d.Need(h + 2)
	y0 := d.Y()
	d.FillColor(Light)
	d.pdf.Rect(d.Left, y0, d.TextWidth(), h, "F")
	y := y0 + 1
	for _, r := range rows {
		d.TextColor(Grey)
		d.SetFont("", 8.5)
		d.Text(d.Left+2, y, labelW-2, lh, r[0], "L")
		d.TextColor(Black)
		d.SetFont("B", 9)
		y = d.Para(d.Left+labelW, y, valueW, lh, r[1], "L")
	}
	d.SetY(y0 + h + 2)
}
