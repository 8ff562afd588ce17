package ui

import (
	"strconv"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	lettercheck "relance/letters/check"
)

// Training mode: the findings are hidden; the trainee taps the words they think are
// wrong and ticks the items they think are missing, then reveals the correction and
// gets a score out of 20 (lettercheck.Score).

// wordSpans returns the rune spans of the words of text.
func wordSpans(text string) [][2]int {
	rs := []rune(text)
	var out [][2]int
	for i := 0; i < len(rs); {
		if rs[i] == '!' || rs[i] == '?' { // « !! » can be marked too
			j := i + 1
			for j < len(rs) && (rs[j] == '!' || rs[j] == '?') {
				j++
			}
			out = append(out, [2]int{i, j})
			i = j
			continue
		}
		if !unicode.IsLetter(rs[i]) && !unicode.IsDigit(rs[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j]) || (rs[j] == '\'' || rs[j] == '’' || rs[j] == '-') && j+1 < len(rs) && unicode.IsLetter(rs[j+1])) {
			j++
		}
		out = append(out, [2]int{i, j})
		i = j
	}
	return out
}

func (s *trainerView) marked(start, end int) bool {
	for _, m := range s.marks {
		if m.Start == start && m.End == end {
			return true
		}
	}
	return false
}

// trainingSegments draws the letter with every word tappable: a tap marks it.
func (sv *trainerView) trainingSegments() []widget.RichTextSegment {
	s := sv
	rs := []rune(s.text)
	var segs []widget.RichTextSegment
	pos := 0
	for _, w := range wordSpans(s.text) {
		if w[0] > pos {
			segs = append(segs, plainSeg(string(rs[pos:w[0]])))
		}
		word := string(rs[w[0]:w[1]])
		if s.marked(w[0], w[1]) {
			segs = append(segs, &widget.TextSegment{Text: word, Style: widget.RichTextStyle{Inline: true, ColorName: colorMarked,
				TextStyle: fyne.TextStyle{Bold: true, Underline: true}}})
		} else {
			start, end := w[0], w[1]
			segs = append(segs, &widget.HyperlinkSegment{Text: word, OnTapped: func() {
				s.marks = append(s.marks, lettercheck.Mark{Start: start, End: end})
				sv.a.trace("marked", "start", itoaUI(start), "end", itoaUI(end), "marks", itoaUI(len(s.marks)))
				sv.refreshTrainer()
			}})
		}
		pos = w[1]
	}
	if pos < len(rs) {
		segs = append(segs, plainSeg(string(rs[pos:])))
	}
	return segs
}

// trainingPanel is the right-hand side in training mode: instructions, the missing
// items to tick, the number of marks, and the buttons.
func (sv *trainerView) trainingPanel() []fyne.CanvasObject {
	a := sv.a
	s := sv
	words := 0
	for _, m := range s.marks {
		if m.Start >= 0 {
			words++
		}
	}
	boxes := sv.missingChecklist() // by category, naming parts of a letter, not this letter's answers
	clear := widget.NewButtonWithIcon(a.t("ui.trainer.clear_marks"), theme.ContentClearIcon(), func() {
		s.marks = nil
		sv.refreshTrainer()
	})
	reveal := widget.NewButtonWithIcon(a.t("ui.trainer.reveal"), theme.VisibilityIcon(), func() {
		s.score, s.revealed = sv.scoreMarks(), true
		sv.refreshTrainer()
	})
	reveal.Importance = widget.HighImportance
	return []fyne.CanvasObject{
		widget.NewCard(a.t("ui.trainer.training_title"), "", container.NewVBox(
			wrapLabel(a.t("ui.trainer.training_help"), fyne.TextStyle{}),
			wrapLabel(a.t("ui.trainer.marked", "n", strconv.Itoa(words)), fyne.TextStyle{Bold: true}),
			container.NewHBox(clear, reveal),
		)),
		widget.NewCard(a.t("ui.trainer.missing_quiz"), "", container.NewVBox(boxes...)),
	}
}

// scoreCard shows the trainee's score after the reveal, overall and per category.
func (sv *trainerView) scoreCard() fyne.CanvasObject {
	a := sv.a
	sc := sv.score
	head := widget.NewLabel(sv.scoreText(sc))
	head.TextStyle = fyne.TextStyle{Bold: true}
	head.Wrapping = fyne.TextWrapWord
	rows := container.NewVBox(head)
	for _, c := range lettercheck.Categories {
		v, ok := sc.ByCategory[c]
		if !ok {
			continue
		}
		rows.Add(widget.NewRichText(
			&widget.TextSegment{Text: "• ", Style: widget.RichTextStyle{Inline: true, ColorName: catColorName(c)}},
			&widget.TextSegment{Text: lettercheck.CategoryLabel(a.lang, c) + " : " + strconv.Itoa(v[0]) + "/" + strconv.Itoa(v[1]), Style: widget.RichTextStyleInline},
		))
	}
	return widget.NewCard(a.t("ui.trainer.score_title"), "", rows)
}

// scoreText is the trainee's score line: the mark out of 20 with the decimal comma in
// French, the findings found and the wrong marks with their plurals.
func (sv *trainerView) scoreText(sc *lettercheck.TrainingScore) string {
	a := sv.a
	return a.t("exercise.ui.score", "score", sv.scoreLine(sc),
		"found", a.t(a.plural("ui.trainer.found", sc.Found), "n", strconv.Itoa(sc.Found), "expected", strconv.Itoa(sc.Expected)),
		"false", a.t(a.plural("ui.trainer.false", sc.FalseMarks), "n", strconv.Itoa(sc.FalseMarks)))
}
