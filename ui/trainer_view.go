package ui

import (
	"image/color"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/letters"
	lettercheck "relance/letters/check"
	"relance/letters/checkpdf"
)

func itoaUI(n int) string { return strconv.Itoa(n) }

func plainSeg(text string) *widget.TextSegment {
	return &widget.TextSegment{Text: text, Style: widget.RichTextStyleInline}
}

// annotatedSegments draws the letter with every finding's span in its category colour,
// underlined, and its number [n] in bold right where the span ends: the numbers match
// the findings list. Findings may overlap or nest (a misspelt word inside a sentence
// that is too long): the text is cut at every finding's start and end, each piece takes
// the colour of the innermost (shortest) finding covering it, and a finding that holds
// or straddles another, or lies inside one of its own colour, also opens with "[n›" so
// that its whole extent can be read.
// Identical spans close together ("[2][3]"). The text pieces, markers aside, are the
// letter exactly.
func annotatedSegments(text string, res *lettercheck.Result) []widget.RichTextSegment {
	rs := []rune(text)
	type span struct{ n, start, end int } // n: index in res.Findings
	var spans []span
	for i := range res.Findings {
		f := &res.Findings[i]
		if f.Missing() || f.Start > f.End || f.End > len(rs) {
			continue
		}
		spans = append(spans, span{i, f.Start, f.End})
	}
	// A finding opens with a marker when its start cannot be told from the colours:
	// it contains another finding, the two merely overlap, or it lies inside a finding
	// of its own category (a dated phrase in a sentence too long, both "style").
	opens := make([]bool, len(spans))
	for i, a := range spans {
		for _, b := range spans {
			if a == b || a.start == b.start && a.end == b.end {
				continue
			}
			if a.start >= b.start && a.end <= b.end {
				if res.Findings[a.n].Category == res.Findings[b.n].Category {
					opens[i] = true // nested in the same colour: only a marker shows where it starts
					break
				}
				continue // nested in another colour: its own colour shows where it starts
			}
			overlap := a.start < b.end && b.start < a.end
			holdsEmpty := b.start == b.end && a.start < b.start && b.start < a.end // a zero-width finding inside a
			if overlap || holdsEmpty {
				opens[i] = true
				break
			}
		}
	}
	cuts := []int{0, len(rs)}
	for _, s := range spans {
		cuts = append(cuts, s.start, s.end)
	}
	sort.Ints(cuts)
	cuts = slices.Compact(cuts)

	marker := func(s span, label string) *widget.TextSegment {
		return &widget.TextSegment{Text: label, Style: widget.RichTextStyle{Inline: true,
			ColorName: catColorName(res.Findings[s.n].Category), TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameCaptionText}}
	}
	var segs []widget.RichTextSegment
	for k, at := range cuts {
		// markers at this boundary: the findings that end here, innermost first (the
		// one that started last), then empty spans, then the findings that open here,
		// outermost first
		var closing, empty, opening []span
		for i, s := range spans {
			switch {
			case s.start == at && s.end == at:
				empty = append(empty, s)
			case s.end == at:
				closing = append(closing, s)
			case s.start == at && opens[i]:
				opening = append(opening, s)
			}
		}
		sort.SliceStable(closing, func(i, j int) bool { return closing[i].start > closing[j].start })
		sort.SliceStable(opening, func(i, j int) bool { return opening[i].end > opening[j].end })
		for _, s := range closing {
			segs = append(segs, marker(s, "["+strconv.Itoa(s.n+1)+"]"))
		}
		for _, s := range empty {
			segs = append(segs, marker(s, "["+strconv.Itoa(s.n+1)+"]"))
		}
		for _, s := range opening {
			segs = append(segs, marker(s, "["+strconv.Itoa(s.n+1)+"›"))
		}
		if k+1 == len(cuts) {
			break
		}
		end := cuts[k+1]
		inner := -1 // the shortest finding covering [at, end); the first listed on a tie
		for i, s := range spans {
			if s.start <= at && s.end >= end && (inner < 0 || s.end-s.start < spans[inner].end-spans[inner].start) {
				inner = i
			}
		}
		style := widget.RichTextStyleInline
		if inner >= 0 {
			style = widget.RichTextStyle{Inline: true, ColorName: catColorName(res.Findings[spans[inner].n].Category),
				TextStyle: fyne.TextStyle{Underline: true}}
		}
		// A piece that starts with line breaks is cut after them: Fyne wraps the first
		// text line of a segment to the width left on the row the segment starts on,
		// even below blank lines, and the paragraph after a marker came out narrow.
		piece := string(rs[at:end])
		if nl := len(piece) - len(strings.TrimLeft(piece, "\n")); nl > 0 && nl < len(piece) {
			segs = append(segs, &widget.TextSegment{Text: piece[:nl], Style: style})
			piece = piece[nl:]
		}
		segs = append(segs, &widget.TextSegment{Text: piece, Style: style})
	}
	return segs
}

// diffSegments shows the word-level changes from before to after: deleted words in red
// struck through (shown as [-…-]), inserted ones in green bold.
func diffSegments(before, after string) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	for _, op := range lettercheck.Diff(before, after) {
		switch op.Kind {
		case "-":
			segs = append(segs, &widget.TextSegment{Text: "[-" + op.Text + "-]", Style: widget.RichTextStyle{Inline: true, ColorName: colorDeleted,
				TextStyle: fyne.TextStyle{Italic: true}}})
		case "+":
			segs = append(segs, &widget.TextSegment{Text: op.Text, Style: widget.RichTextStyle{Inline: true, ColorName: colorInserted,
				TextStyle: fyne.TextStyle{Bold: true, Underline: true}}})
		default:
			segs = append(segs, plainSeg(op.Text))
		}
	}
	return segs
}

func wrapLabel(text string, style fyne.TextStyle) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.TextStyle = style
	return l
}

// findingsPanel is the right-hand side: scores, missing items, findings by category.
func (sv *trainerView) findingsPanel() []fyne.CanvasObject {
	a := sv.a
	s := sv
	res := s.result
	var out []fyne.CanvasObject
	if s.score != nil {
		out = append(out, sv.scoreCard())
	}
	out = append(out, sv.scoresCard(res.Scores))

	// checklist of missing items
	var missing []fyne.CanvasObject
	for i, f := range res.Findings {
		if !f.Missing() {
			continue
		}
		f := f
		line := widget.NewRichText(
			&widget.TextSegment{Text: "[" + strconv.Itoa(i+1) + "] ", Style: widget.RichTextStyle{Inline: true, ColorName: catColorName(f.Category), TextStyle: fyne.TextStyle{Bold: true}}},
			&widget.TextSegment{Text: lettercheck.SectionLabel(a.lang, f.Section) + " – " + f.Message, Style: widget.RichTextStyleInline},
		)
		line.Wrapping = fyne.TextWrapWord
		var right fyne.CanvasObject
		if f.Fix != nil {
			right = widget.NewButtonWithIcon(a.t("ui.trainer.insert"), theme.ContentAddIcon(), func() { sv.applyFixes([]lettercheck.Finding{f}) })
		}
		missing = append(missing, line)
		if right != nil {
			missing = append(missing, container.NewHBox(right))
		}
	}
	if len(missing) > 0 {
		out = append(out, widget.NewCard(a.t("ui.trainer.missing"), "", container.NewVBox(missing...)))
	}

	// findings grouped by category
	acc := widget.NewAccordion()
	for _, c := range lettercheck.Categories {
		var cards []fyne.CanvasObject
		for i, f := range res.Findings {
			if f.Category != c || f.Missing() {
				continue
			}
			cards = append(cards, sv.findingCard(i, f))
		}
		if len(cards) == 0 {
			continue
		}
		acc.Append(widget.NewAccordionItem(lettercheck.CategoryLabel(a.lang, c)+" ("+strconv.Itoa(len(cards))+")", container.NewVBox(cards...)))
	}
	acc.MultiOpen = true
	if len(acc.Items) > 0 {
		acc.Open(0)
	}
	out = append(out, acc)
	return out
}

// findingCard shows one finding: number and severity, message, why (with the legal
// reference), suggestions and an "apply" button when there is an automatic fix.
func (sv *trainerView) findingCard(i int, f lettercheck.Finding) fyne.CanvasObject {
	a := sv.a
	head := widget.NewRichText(
		&widget.TextSegment{Text: "[" + strconv.Itoa(i+1) + "] ", Style: widget.RichTextStyle{Inline: true, ColorName: catColorName(f.Category), TextStyle: fyne.TextStyle{Bold: true}}},
		&widget.TextSegment{Text: lettercheck.SeverityLabel(a.lang, f.Severity), Style: widget.RichTextStyle{Inline: true, ColorName: severityColor(f.Severity), TextStyle: fyne.TextStyle{Bold: true}}},
	)
	if sv.rules { // detail mode: the rule's ID, for trainers and the catalogue
		head.Segments = append(head.Segments, &widget.TextSegment{Text: " · " + f.Rule, Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder}})
	}
	objs := []fyne.CanvasObject{head, wrapLabel(f.Message, fyne.TextStyle{})}
	why := f.Why
	if f.Legal != "" {
		why += " (" + f.Legal + ")"
	}
	objs = append(objs, wrapLabel(a.t("check.why")+" "+why, fyne.TextStyle{Italic: true}))
	for k, sg := range f.Suggestions {
		if k == 2 {
			break
		}
		objs = append(objs, wrapLabel(suggestionMark+strings.ReplaceAll(sg, "\n", " / "), fyne.TextStyle{}))
	}
	if f.Fix != nil {
		f := f
		objs = append(objs, container.NewHBox(widget.NewButtonWithIcon(a.t("ui.trainer.apply"), theme.ConfirmIcon(), func() { sv.applyFixes([]lettercheck.Finding{f}) })))
	}
	objs = append(objs, widget.NewSeparator())
	return container.NewVBox(objs...)
}

// suggestionMark leads a suggested wording: "»", a glyph of the text font (the arrow
// "→" is not, and was drawn as a box).
const suggestionMark = "» "

// severityColor is the colour of a severity's label.
func severityColor(s lettercheck.Severity) fyne.ThemeColorName {
	switch s {
	case lettercheck.Blocking, lettercheck.Error:
		return theme.ColorNameError
	case lettercheck.Warning:
		return theme.ColorNameWarning
	}
	return theme.ColorNamePrimary
}

// scoresCard shows readability, DESC coverage and the firmness × courtesy gauge with
// the stage's target zone.
func (sv *trainerView) scoresCard(sc lettercheck.Scores) fyne.CanvasObject {
	a := sv.a
	lines := lettercheck.ScoreLines(a.lang, sc)
	text := container.NewVBox()
	for _, l := range lines {
		text.Add(wrapLabel(l, fyne.TextStyle{}))
	}
	return widget.NewCard(a.t("ui.trainer.scores"), "", container.NewBorder(nil, nil, toneGauge(a, sc.Tone), nil, text))
}

// toneGauge draws the firmness (x) × courtesy (y) square, the target zone of the stage
// and the letter as a dot.
func toneGauge(a *App, t lettercheck.Tone) fyne.CanvasObject {
	// The square grows with the zoom (the theme's text size), as the text beside it does.
	unit := theme.TextSize() / 14
	size := 120 * unit
	capt := theme.CaptionTextSize()
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	bg.StrokeWidth = 1
	bg.Resize(fyne.NewSize(size, size))
	z := t.Target
	zone := canvas.NewRectangle(color.NRGBA{R: 0x2e, G: 0x7d, B: 0x32, A: 0x50})
	zone.Move(fyne.NewPos(float32(z.FirmMin)*size/100, float32(100-z.CourtMax)*size/100))
	zone.Resize(fyne.NewSize(float32(z.FirmMax-z.FirmMin)*size/100, float32(z.CourtMax-z.CourtMin)*size/100))
	dotCol := color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff}
	if t.InZone {
		dotCol = color.NRGBA{R: 0x2e, G: 0x7d, B: 0x32, A: 0xff}
	}
	dot := canvas.NewCircle(dotCol)
	dot.Resize(fyne.NewSize(12*unit, 12*unit))
	dot.Move(fyne.NewPos(float32(t.Firmness)*size/100-6*unit, float32(100-t.Courtesy)*size/100-6*unit))
	xl := canvas.NewText(a.t("ui.trainer.firmness"), theme.Color(theme.ColorNamePlaceHolder))
	xl.TextSize = capt
	xl.Move(fyne.NewPos(0, size+2))
	yl := canvas.NewText(a.t("ui.trainer.courtesy"), theme.Color(theme.ColorNamePlaceHolder))
	yl.TextSize = capt
	yl.Move(fyne.NewPos(2, 2))
	box := container.NewWithoutLayout(bg, zone, yl, dot, xl)
	return withMinSize(fyne.NewSize(size+8, size+capt+8), box)
}

// withMinSize gives o a minimum size (for drawings without a layout).
func withMinSize(s fyne.Size, o fyne.CanvasObject) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(s)
	return container.NewStack(r, o)
}

// askCorrectionReport asks where to save the correction report PDF, then writes it.
func (sv *trainerView) askCorrectionReport() {
	a := sv.a
	a.askSave(a.t("ui.trainer.report_file")+".pdf", "ui.trainer.report_done", sv.writeCorrectionReport)
}

// writeCorrectionReport writes the correction report of the original letter (with the
// trainee's score in training mode) to path.
func (sv *trainerView) writeCorrectionReport(path string) error {
	a := sv.a
	s := sv
	res := s.engine.Check(s.original, lettercheck.Options{MessageLang: a.lang, Lang: s.lang, Stage: s.stage, Audience: s.audience, Speller: s.speller, Grammar: s.grammar})
	corrected := s.text
	if corrected == s.original {
		corrected = ""
	}
	return letters.WriteFile(path, func(w io.Writer) error {
		return checkpdf.Render(w, checkpdf.Report{Lang: a.lang, Result: res, Original: s.original, Corrected: corrected, Score: s.score, Trainee: sv.traineeName(),
			Created: a.today.Time().Add(12 * time.Hour), Factory: a.pdf()})
	})
}
