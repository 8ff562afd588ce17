package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

type widthRecorder struct {
	widget.Label
	set map[int]float32
}

func (w *widthRecorder) SetColumnWidth(col int, width float32) { w.set[col] = width }

// The name column gives up width so that the last column stays on screen, down to its
// minimum, never more than its natural width; when the table would not fit even so, the
// column stays whole and the table scrolls.
func TestFitColumn(t *testing.T) {
	widths := []float32{100, 300, 120, 120, 180}
	others := float32(100 + 120 + 120 + 180)
	fixed := float32(len(widths))*theme.Padding() + theme.ScrollBarSize()
	for _, c := range []struct {
		room float32
		want float32
	}{
		{others + fixed + 400, 300}, // wide: natural width
		{others + fixed + 250, 250}, // the deficit comes out of the name column
		{others + fixed + 180, 180}, // down to the minimum
		{others + fixed + 100, 300}, // it would not fit even so: the table scrolls, the column whole
	} {
		rec := &widthRecorder{set: map[int]float32{}}
		box := fitColumn(rec, 1, widths, 180)
		box.Layout.Layout(box.Objects, fyne.NewSize(c.room, 400))
		got, ok := rec.set[1]
		if !ok {
			got = widths[1] // nothing set: the natural width stays
		}
		if got != c.want {
			t.Errorf("room %v: width %v, want %v", c.room, got, c.want)
		}
	}
}
