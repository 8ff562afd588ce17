package ui

import (
	"slices"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// widthLayout stacks its objects and asks for at least a given width, so that a
// navigation bar or an entry in a box keeps a readable size.
type widthLayout struct{ width float32 }

// MinSize is the largest minimum size of the objects, widened to the layout's width
// grown with the zoom (zoomedWidth).
func (l widthLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objects {
		if o.Visible() {
			s = s.Max(o.MinSize())
		}
	}
	if w := zoomedWidth(l.width); s.Width < w {
		s.Width = w
	}
	return s
}

// Layout gives every object the whole area.
func (l widthLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// withWidth wraps o so that it is at least width wide.
func withWidth(width float32, o fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: widthLayout{width}, Objects: []fyne.CanvasObject{o}}
}

// maxWidthLayout gives its objects the whole width up to a maximum, centred: a page
// that reads well on a wide screen and still fits a narrow one (it never asks for
// more than its objects' own minimum width).
type maxWidthLayout struct{ max float32 }

// MinSize is the largest minimum size of the objects.
func (l maxWidthLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objects {
		if o.Visible() {
			s = s.Max(o.MinSize())
		}
	}
	return s
}

// Layout centres the objects horizontally, at most l.max wide, at the top.
func (l maxWidthLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	w := min(size.Width, l.max)
	for _, o := range objects {
		w := max(w, o.MinSize().Width)
		o.Move(fyne.NewPos((size.Width-w)/2, 0))
		o.Resize(fyne.NewSize(w, size.Height))
	}
}

// atMostWidth wraps o so that it takes the available width up to width, centred.
func atMostWidth(width float32, o fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: maxWidthLayout{width}, Objects: []fyne.CanvasObject{o}}
}

// textWidth is the width a label needs to show text whole (bold when asked).
func textWidth(text string, bold bool) float32 {
	return fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{Bold: bold}).Width + 2*theme.InnerPadding()
}

// widestMeasured is how many of a column's longest texts widestText measures.
const widestMeasured = 6

// widestText returns the width of the widest of n texts (text(i), bold(i)) as labels
// draw them. It measures only the few longest in characters, so that sizing a column
// of 50,000 rows costs a pass over the strings, not 50,000 text layouts.
func widestText(n int, text func(i int) string, bold func(i int) bool) float32 {
	type cand struct {
		runes int
		i     int
	}
	var top []cand // the longest, longest first
	for i := range n {
		r := utf8.RuneCountInString(text(i))
		if len(top) == widestMeasured && r <= top[len(top)-1].runes {
			continue
		}
		k := len(top)
		for k > 0 && top[k-1].runes < r {
			k--
		}
		top = slices.Insert(top, k, cand{r, i})
		if len(top) > widestMeasured {
			top = top[:widestMeasured]
		}
	}
	var w float32
	for _, c := range top {
		w = max(w, textWidth(text(c.i), bold(c.i)))
	}
	return w
}

// narrowLayout lets its objects be narrower than they ask (at least width): a choice
// list whose longest option would otherwise widen a whole row of filters.
type narrowLayout struct{ width float32 }

// MinSize is the objects' minimum size, its width capped at the layout's width.
func (l narrowLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	s := widthLayout{}.MinSize(objects)
	s.Width = min(s.Width, l.width)
	return s
}

// Layout gives every object the whole area.
func (l narrowLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	widthLayout{}.Layout(objects, size)
}

// narrow wraps o so that it asks for at most width.
func narrow(width float32, o fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: narrowLayout{width}, Objects: []fyne.CanvasObject{o}}
}

// fitColumnLayout lays out one table so that it fits its width when it can: the column
// col shrinks from its natural width (widths[col]) down to minimum, so that the columns
// after it stay on screen (the aged balance's last column at 1366 pixels); when even its
// minimum would not make the table fit, the column keeps its natural width and the table
// scrolls sideways.
type fitColumnLayout struct {
	table   interface{ SetColumnWidth(int, float32) }
	col     int
	widths  []float32
	minimum float32
	current *float32 // the width last given, so that an unchanged layout sets nothing
}

// MinSize is the table's own.
func (l fitColumnLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	return objects[0].MinSize()
}

// Layout sets the column's width, then gives the table the whole area.
func (l fitColumnLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	others := float32(0)
	for i, w := range l.widths {
		if i != l.col {
			others += w
		}
	}
	// Columns are a padding apart; the vertical scroll bar takes its width on the right.
	room := size.Width - others - float32(len(l.widths))*theme.Padding() - theme.ScrollBarSize()
	w := min(l.widths[l.col], room)
	if room < l.minimum {
		// Too narrow to fit even with the column at its minimum (a large zoom, the
		// presentation mode): the table scrolls sideways anyway, the column stays whole.
		w = l.widths[l.col]
	}
	if *l.current != w {
		*l.current = w
		l.table.SetColumnWidth(l.col, w)
	}
	objects[0].Move(fyne.NewPos(0, 0))
	objects[0].Resize(size)
}

// fitColumn wraps table t (whose columns have the given natural widths) in a fitColumnLayout.
func fitColumn(t interface {
	fyne.CanvasObject
	SetColumnWidth(int, float32)
}, col int, widths []float32, minimum float32) *fyne.Container {
	cur := widths[col]
	return &fyne.Container{Layout: fitColumnLayout{table: t, col: col, widths: widths, minimum: minimum, current: &cur},
		Objects: []fyne.CanvasObject{t}}
}

// lazyTab is a tab of lazyTabs: its content, or build to make it the first time the
// tab is shown.
type lazyTab struct {
	label   string
	icon    fyne.Resource
	content fyne.CanvasObject
	build   func() fyne.CanvasObject
}

// lazyTabs makes tabs whose contents with a build are made only when their tab is first
// shown (a risk map, the ledger's upkeep, what collection earned: a screen does not
// compute what its hidden tabs would show), opened on tab *sel, which follows the
// selection.
func lazyTabs(sel *int, tabs ...lazyTab) *container.AppTabs {
	items := make([]*container.TabItem, len(tabs))
	boxes := make([]*fyne.Container, len(tabs))
	for i, t := range tabs {
		c := t.content
		if t.build != nil {
			boxes[i] = container.NewStack()
			c = boxes[i]
		}
		items[i] = container.NewTabItemWithIcon(t.label, t.icon, c)
	}
	at := container.NewAppTabs(items...)
	fill := func(i int) {
		if i >= 0 && i < len(boxes) && boxes[i] != nil && len(boxes[i].Objects) == 0 {
			boxes[i].Objects = []fyne.CanvasObject{tabs[i].build()}
			boxes[i].Refresh()
		}
	}
	fill(*sel)
	at.SelectIndex(*sel)
	at.OnSelected = func(*container.TabItem) {
		*sel = at.SelectedIndex()
		fill(*sel)
	}
	return at
}
