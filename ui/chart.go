package ui

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Charts are drawn with canvas primitives: Fyne has no chart widget. Values are
// converted to float64 only to place pixels; every figure shown as text comes from the
// ledger's exact amounts.

// series is one line of a line chart.
type series struct {
	name   string
	color  color.Color
	values []float64 // one per label; NaN for "no value"
}

// chart is a bar chart (one series, bars) or a line chart (several series).
type chart struct {
	widget.BaseWidget
	labels []string
	bars   []float64 // bar chart values; nil for a line chart
	colors []color.Color
	lines  []series
	unit   func(v float64) string // axis label formatting
	tapped func(i int)            // a bar or a point was tapped
	minH   float32
}

func newBarChart(labels []string, values []float64, colors []color.Color, unit func(float64) string) *chart {
	c := &chart{labels: labels, bars: values, colors: colors, unit: unit, minH: 220}
	c.ExtendBaseWidget(c)
	return c
}

func newLineChart(labels []string, lines []series, unit func(float64) string) *chart {
	c := &chart{labels: labels, lines: lines, unit: unit, minH: 220}
	c.ExtendBaseWidget(c)
	return c
}

// Tapped reports the bar (or label column) under the pointer.
func (c *chart) Tapped(e *fyne.PointEvent) {
	if c.tapped == nil || len(c.labels) == 0 {
		return
	}
	left, _, w, _ := c.plotArea(c.Size())
	i := int((e.Position.X - left) / (w / float32(len(c.labels))))
	if i >= 0 && i < len(c.labels) {
		c.tapped(i)
	}
}

func (c *chart) CreateRenderer() fyne.WidgetRenderer {
	r := &chartRenderer{c: c}
	r.build(c.Size())
	return r
}

type chartRenderer struct {
	c       *chart
	objects []fyne.CanvasObject
}

func (r *chartRenderer) Destroy()                     {}
func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *chartRenderer) MinSize() fyne.Size           { return fyne.NewSize(300, r.c.minH) }
func (r *chartRenderer) Layout(size fyne.Size)        { r.build(size) }
func (r *chartRenderer) Refresh()                     { r.build(r.c.Size()); canvas.Refresh(r.c) }

// plotArea returns the rectangle where values are drawn: room is left for the axis
// labels on the left and the category labels below (and the legend above lines).
func (c *chart) plotArea(size fyne.Size) (left, top, w, h float32) {
	left, top = 54, 8
	if len(c.lines) > 0 {
		top = 26
	}
	return left, top, size.Width - left - 8, size.Height - top - 24
}

func (r *chartRenderer) build(size fyne.Size) {
	c := r.c
	r.objects = r.objects[:0]
	if size.Width <= 0 || size.Height <= 0 || len(c.labels) == 0 {
		return
	}
	fg := theme.Color(theme.ColorNameForeground)
	grid := theme.Color(theme.ColorNameSeparator)
	textSize := theme.CaptionTextSize()
	left, top, w, h := c.plotArea(size)
	lo, hi := 0.0, 0.0
	for _, v := range c.bars {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	for _, s := range c.lines {
		for _, v := range s.values {
			if !math.IsNaN(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	if hi == lo {
		hi = lo + 1
	}
	step := niceStep((hi - lo) / 4)
	hi = math.Ceil(hi/step) * step
	lo = math.Floor(lo/step) * step
	y := func(v float64) float32 { return top + h - float32((v-lo)/(hi-lo))*h }
	// horizontal grid and axis labels
	for v := lo; v <= hi+step/2; v += step {
		line := canvas.NewLine(grid)
		line.Position1, line.Position2 = fyne.NewPos(left, y(v)), fyne.NewPos(left+w, y(v))
		t := canvas.NewText(c.unit(v), fg)
		t.TextSize = textSize
		t.Alignment = fyne.TextAlignTrailing
		t.Move(fyne.NewPos(0, y(v)-textSize*0.7))
		t.Resize(fyne.NewSize(left-6, textSize))
		r.objects = append(r.objects, line, t)
	}
	n := len(c.labels)
	slot := w / float32(n)
	widest := float32(0)
	for _, l := range c.labels {
		widest = max(widest, fyne.MeasureText(l, textSize, fyne.TextStyle{}).Width)
	}
	every := max(1, int(math.Ceil(float64((widest+8)/slot))))
	if c.bars != nil {
		every = 1 // a handful of bars: every label, centred under its bar
	}
	for i, l := range c.labels {
		if i%every != 0 {
			continue
		}
		t := canvas.NewText(l, fg)
		t.TextSize = textSize
		t.Alignment = fyne.TextAlignCenter
		t.Move(fyne.NewPos(left+slot*float32(i), top+h+4))
		t.Resize(fyne.NewSize(slot*float32(every), textSize))
		if every > 1 {
			t.Alignment = fyne.TextAlignLeading
		}
		r.objects = append(r.objects, t)
	}
	for i, v := range c.bars {
		bar := canvas.NewRectangle(c.colors[i%len(c.colors)])
		y0, y1 := y(0), y(v)
		if y1 > y0 {
			y0, y1 = y1, y0
		}
		bar.Move(fyne.NewPos(left+slot*float32(i)+slot*0.15, y1))
		bar.Resize(fyne.NewSize(slot*0.7, y0-y1))
		r.objects = append(r.objects, bar)
	}
	legendX := left
	for _, s := range c.lines {
		var prev *fyne.Position
		for i, v := range s.values {
			if math.IsNaN(v) {
				prev = nil
				continue
			}
			p := fyne.NewPos(left+slot*(float32(i)+0.5), y(v))
			if prev != nil {
				seg := canvas.NewLine(s.color)
				seg.StrokeWidth = 2
				seg.Position1, seg.Position2 = *prev, p
				r.objects = append(r.objects, seg)
			}
			dot := canvas.NewCircle(s.color)
			dot.Move(fyne.NewPos(p.X-2.5, p.Y-2.5))
			dot.Resize(fyne.NewSize(5, 5))
			r.objects = append(r.objects, dot)
			pp := p
			prev = &pp
		}
		sw := canvas.NewRectangle(s.color)
		sw.Move(fyne.NewPos(legendX, 6))
		sw.Resize(fyne.NewSize(14, 4))
		t := canvas.NewText(s.name, fg)
		t.TextSize = textSize
		t.Move(fyne.NewPos(legendX+18, 0))
		r.objects = append(r.objects, sw, t)
		legendX += 18 + fyne.MeasureText(s.name, textSize, fyne.TextStyle{}).Width + 20
	}
}

// niceStep rounds a raw step up to 1, 2 or 5 times a power of ten.
func niceStep(raw float64) float64 {
	if raw <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if raw <= m*p {
			return m * p
		}
	}
	return 10 * p
}
