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

// The name column gives up width so that the last column stays on screen, never below
// its minimum, and never more than its natural width.
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
		{others + fixed + 100, 180}, // never below the minimum: the table scrolls
	} {
		rec := &widthRecorder{set: map[int]float32{}}
		box := fitColumn(rec, 1, widths, 180)
		box.Layout.Layout(box.Objects, fyne.NewSize(c.room, 400))
		got, ok := rec.set[1]
		if c.want == 300 {
			if ok && got != 300 {
				t.Errorf("room %v: width %v, want natural 300", c.room, got)
			}
			continue
		}
		if got != c.want {
			t.Errorf("room %v: width %v, want %v", c.room, got, c.want)
		}
	}
}
