package ui

import (
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	lettercheck "relance/letters/check"
)

// trainerView is the Correction screen: the letter, its context, the last check, the
// fixes applied, and the training mode (the trainee's marks).
type trainerView struct {
	a        *App
	engine   *lettercheck.Engine
	samples  []lettercheck.Sample
	sample   int // index of the loaded sample, -1 for a typed letter
	text     string
	original string // the letter before any fix was applied (for before/after)
	stage    lettercheck.Stage
	audience lettercheck.Audience
	lang     string
	msgLang  string // language of the findings: the interface's
	result   *lettercheck.Result
	// speller and grammar are the optional back-ends (letters/spell, letters/grammar);
	// nil: off, and the screen says so. The lead wires them.
	speller lettercheck.Speller
	grammar lettercheck.Grammar

	training bool
	rules    bool // detail mode: the findings show their rule IDs (STRUCT.SIGNATURE)
	revealed bool
	marks    []lettercheck.Mark // trainee's marks (rune spans, or missing rules)
	score    *lettercheck.TrainingScore
	tab      int // tab of the letter pane
	// controls: in presentation mode, the rows of controls are shown (folded by default,
	// so that the projected letter has the height of the screen)
	controls bool
	// bank is the classroom state: the exercise bank, the trainee, the clock (trainer_bank.go)
	bank *trainerBank

	// widgets of the screen on display, refreshed after each check
	w *trainerWidgets
	// debounce of the live check while typing
	timer *time.Timer
}

type trainerWidgets struct {
	annotated *widget.RichText
	diff      *widget.RichText
	entry     *widget.Entry
	tabs      *container.AppTabs
	side      *fyne.Container
	note      *widget.Label
	summary   *widget.Label
	// override gives the category colours to the screen; refreshed after each change
	// so that new widgets get them too
	override *container.ThemeOverride
}

// initTrainer loads the engine and the samples once, with the first flawed sample.
func (sv *trainerView) initTrainer() error {
	a := sv.a
	s := sv
	if s.engine != nil {
		return nil
	}
	e, err := lettercheck.New()
	if err != nil {
		return err
	}
	samples, err := lettercheck.Samples()
	if err != nil {
		return err
	}
	first := samples[0].Name // the manifest's first flawed letter opens the screen
	s.engine, s.samples, s.msgLang = e, sortSamples(samples), a.lang
	for i, sm := range s.samples {
		if sm.Name == first {
			s.loadSample(i)
		}
	}
	return nil
}

// sortSamples orders the built-in letters as the selector lists them: by stage of the
// reminder sequence, then audience, French before English, the letters to correct
// before the good ones — so that the fifty letters read as groups.
func sortSamples(samples []lettercheck.Sample) []lettercheck.Sample {
	rank := func(sm lettercheck.Sample) [4]int {
		r := [4]int{slices.Index(lettercheck.Stages, sm.Stage),
			slices.Index([]lettercheck.Audience{lettercheck.B2B, lettercheck.B2C, lettercheck.Public}, sm.Audience), 0, 0}
		if sm.Lang != "fr" {
			r[2] = 1
		}
		if sm.Good {
			r[3] = 1
		}
		return r
	}
	out := slices.Clone(samples)
	slices.SortStableFunc(out, func(x, y lettercheck.Sample) int {
		rx, ry := rank(x), rank(y)
		return slices.Compare(rx[:], ry[:])
	})
	return out
}

func (s *trainerView) loadSample(i int) {
	if i < 0 || i >= len(s.samples) {
		return
	}
	sm := s.samples[i]
	s.sample, s.text, s.original = i, sm.Text, sm.Text
	s.stage, s.audience, s.lang = sm.Stage, sm.Audience, sm.Lang
	s.marks, s.score, s.revealed = nil, nil, false
	s.check()
	s.letterLoaded(nil, "")
}

// check runs the engine on the current text.
func (s *trainerView) check() {
	s.result = s.engine.Check(s.text, s.options())
}

// options are the check's context as the screen sets it.
func (s *trainerView) options() lettercheck.Options {
	return lettercheck.Options{MessageLang: s.msgLang, Lang: s.lang, Stage: s.stage, Audience: s.audience, Speller: s.speller, Grammar: s.grammar}
}

// correctionScreen is the trainer view: the letter annotated with numbered markers
// coloured by category, the findings grouped by category with why and how to fix,
// the checklist of missing items, the scores, the corrected letter with a word-level
// diff, and a training mode that hides the answers and scores the trainee's marks.
func (sv *trainerView) correctionScreen() fyne.CanvasObject {
	a := sv.a
	if err := sv.initTrainer(); err != nil {
		return widget.NewLabel(err.Error())
	}
	a.startCheckBackends()
	s := sv
	w := &trainerWidgets{}
	s.w = w
	if s.msgLang != a.lang {
		s.msgLang = a.lang
		s.check()
	}

	// context selectors
	names := make([]string, len(s.samples))
	for i, sm := range s.samples {
		names[i] = sampleLabel(a, sm)
	}
	names = distinctLabels(names) // several letters share a context
	sv.readBank()
	for i := range sv.bankState().list {
		names = append(names, sv.exerciseLabel(&sv.bankState().list[i]))
	}
	sampleSel := widget.NewSelect(names, nil)
	sampleSel.PlaceHolder = a.t("ui.trainer.own_letter") // a letter typed or carried from the editor
	if s.sample >= 0 {
		sampleSel.SetSelectedIndex(s.sample)
	} else if cur := sv.bankState().current; cur != nil && cur.Text == s.original {
		for i, e := range sv.bankState().list {
			if e.ID == cur.ID {
				sampleSel.SetSelectedIndex(len(s.samples) + i)
			}
		}
	}
	sampleSel.OnChanged = func(string) {
		if i := sampleSel.SelectedIndex(); i >= len(s.samples) {
			sv.loadExercise(i - len(s.samples))
			a.showScreen(screenCorrection)
			return
		}
		s.loadSample(sampleSel.SelectedIndex())
		a.showScreen(screenCorrection) // the stage, audience and language selects follow the sample
	}
	stages := make([]string, len(lettercheck.Stages))
	for i, st := range lettercheck.Stages {
		stages[i] = lettercheck.StageLabel(a.lang, st)
	}
	stageSel := widget.NewSelect(stages, nil)
	for i, st := range lettercheck.Stages {
		if st == s.stage {
			stageSel.SetSelectedIndex(i)
		}
	}
	stageSel.OnChanged = func(string) {
		s.stage = lettercheck.Stages[stageSel.SelectedIndex()]
		s.check()
		sv.refreshTrainer()
	}
	auds := []lettercheck.Audience{lettercheck.B2B, lettercheck.B2C, lettercheck.Public}
	audNames := []string{lettercheck.AudienceLabel(a.lang, lettercheck.B2B), lettercheck.AudienceLabel(a.lang, lettercheck.B2C), lettercheck.AudienceLabel(a.lang, lettercheck.Public)}
	audSel := widget.NewSelect(audNames, nil)
	for i, au := range auds {
		if au == s.audience {
			audSel.SetSelectedIndex(i)
		}
	}
	audSel.OnChanged = func(string) {
		s.audience = auds[audSel.SelectedIndex()]
		s.check()
		sv.refreshTrainer()
	}
	langSel := widget.NewSelect([]string{"FR", "EN"}, nil)
	if s.lang == "en" {
		langSel.SetSelectedIndex(1)
	} else {
		langSel.SetSelectedIndex(0)
	}
	langSel.OnChanged = func(v string) {
		s.lang = map[string]string{"FR": "fr", "EN": "en"}[v]
		s.check()
		sv.refreshTrainer()
	}
	training := widget.NewCheck(a.t("ui.trainer.training"), nil)
	training.SetChecked(s.training)
	training.OnChanged = func(on bool) {
		s.training, s.revealed, s.marks, s.score = on, false, nil, nil
		if on {
			w.tabs.SelectIndex(0)
			sv.letterLoaded(sv.bankState().current, sv.bankState().source) // the clock starts with the exercise
		}
		a.showScreen(screenCorrection) // the trainee picker follows the mode
	}
	rules := widget.NewCheck(a.t("ui.trainer.show_rules"), nil)
	rules.SetChecked(s.rules)
	rules.OnChanged = func(on bool) {
		s.rules = on
		sv.refreshTrainer()
	}
	fixAll := widget.NewButtonWithIcon(a.t("ui.trainer.fix_all"), theme.ConfirmIcon(), func() { sv.applyFixes(s.result.Findings) })
	reset := widget.NewButtonWithIcon(a.t("ui.trainer.reset"), theme.ContentUndoIcon(), func() {
		s.text = s.original
		s.check()
		sv.refreshTrainer()
	})
	export := widget.NewButtonWithIcon(a.t("ui.trainer.export"), theme.DocumentSaveIcon(), sv.askCorrectionReport)
	bar := container.NewHBox(
		widget.NewLabel(a.t("ui.trainer.sample")), withWidth(440, sampleSel),
		widget.NewLabel(a.t("ui.trainer.stage")), withWidth(190, stageSel),
		widget.NewLabel(a.t("ui.trainer.audience")), withWidth(150, audSel),
		withWidth(70, langSel),
	)
	actions := container.NewHBox(training, rules, fixAll, reset, export, sv.quizButton())

	w.note = widget.NewLabel("")
	w.note.Wrapping = fyne.TextWrapWord
	w.note.TextStyle = fyne.TextStyle{Italic: true}
	w.note.Importance = widget.WarningImportance
	w.summary = widget.NewLabel("")
	w.summary.TextStyle = fyne.TextStyle{Bold: true}

	// letter pane: annotated, editor, before/after
	w.annotated = widget.NewRichText()
	w.annotated.Wrapping = fyne.TextWrapWord
	w.diff = widget.NewRichText()
	w.diff.Wrapping = fyne.TextWrapWord
	w.entry = widget.NewMultiLineEntry()
	w.entry.Wrapping = fyne.TextWrapWord
	w.entry.SetText(s.text)
	w.entry.OnChanged = func(text string) { sv.liveCheck(text) }
	w.tabs = container.NewAppTabs(
		container.NewTabItem(a.t("ui.trainer.tab.annotated"), container.NewVScroll(w.annotated)),
		container.NewTabItem(a.t("ui.trainer.tab.edit"), w.entry),
		container.NewTabItem(a.t("ui.trainer.tab.diff"), container.NewVScroll(w.diff)),
	)
	if s.training && !s.revealed {
		s.tab = 0 // the letter to mark
	}
	w.tabs.SelectIndex(s.tab)
	w.tabs.OnSelected = func(*container.TabItem) {
		s.tab = w.tabs.SelectedIndex()
		if w.override != nil {
			w.override.Refresh()
		}
	}

	w.side = container.NewVBox()
	split := container.NewHSplit(w.tabs, container.NewVScroll(w.side))
	split.Offset = 0.56

	// Each row of controls scrolls sideways on its own when it is wider than the window
	// (a large zoom, the presentation mode): the letter and the panels below keep the
	// window's width, their text wrapped, rather than the whole screen running off it.
	controls := container.NewVBox(container.NewHScroll(bar), container.NewHScroll(actions), container.NewHScroll(sv.classroomBar()))
	top := container.NewVBox(controls, w.summary, w.note)
	if a.presenting {
		top = container.NewVBox(container.NewHScroll(container.NewHBox(sv.controlsToggle(), w.summary)), controls, w.note)
		if !s.controls {
			controls.Hide()
		}
	}
	root := container.NewBorder(top, nil, nil, nil, split)
	sv.refreshTrainer()
	w.override = container.NewThemeOverride(root, trainerTheme{Theme: a.fyne.Settings().Theme()})
	return w.override
}

// controlsToggle folds or unfolds the rows of controls in presentation mode: folded,
// the projected letter and its findings have the screen's height.
func (sv *trainerView) controlsToggle() fyne.CanvasObject {
	a := sv.a
	label, icon := a.t("ui.trainer.controls_show"), theme.MenuExpandIcon()
	if sv.controls {
		label, icon = a.t("ui.trainer.controls_hide"), theme.MenuDropDownIcon()
	}
	return widget.NewButtonWithIcon(label, icon, func() {
		sv.controls = !sv.controls
		a.trace("controls", "screen", "correction", "shown", sv.controls)
		a.showScreen(screenCorrection)
	})
}

// sampleLabel is a built-in letter as the letter selector names it.
func sampleLabel(a *App, sm lettercheck.Sample) string {
	kind := a.t("ui.trainer.flawed")
	if sm.Good {
		kind = a.t("ui.trainer.good")
	}
	return lettercheck.StageLabel(a.lang, sm.Stage) + " – " + lettercheck.AudienceLabel(a.lang, sm.Audience) + " – " + strings.ToUpper(sm.Lang) + " – " + strings.ToLower(kind)
}

// liveCheck re-checks the letter 300 ms after the last keystroke.
func (sv *trainerView) liveCheck(text string) {
	a := sv.a
	s := sv
	if text == s.text {
		return
	}
	s.text = text
	s.sample = -1
	if len(text) > lettercheck.MaxLetterBytes {
		return // not a letter: not checked (the command line refuses such a file)
	}
	// The check runs off the UI goroutine (the grammar server takes tens of ms), on a
	// snapshot of the text and options; a result for a text since changed is dropped.
	engine, opts := s.engine, s.options()
	a.later(300*time.Millisecond, &s.timer, func() *lettercheck.Result { return engine.Check(text, opts) },
		func(res *lettercheck.Result) {
			if s.text != text {
				return
			}
			s.result = res
			sv.refreshTrainer()
		})
}

// applyFixes applies the fixes of these findings to the letter and checks it again.
func (sv *trainerView) applyFixes(fs []lettercheck.Finding) {
	s := sv
	s.text = lettercheck.Apply(s.text, fs)
	s.check()
	if s.w != nil {
		s.w.entry.OnChanged = nil
		s.w.entry.SetText(s.text)
		s.w.entry.OnChanged = func(text string) { sv.liveCheck(text) }
	}
	sv.refreshTrainer()
}

// refreshTrainer redraws the parts of the screen that depend on the lettercheck.
func (sv *trainerView) refreshTrainer() {
	a := sv.a
	s := sv
	w := s.w
	if w == nil || s.result == nil {
		return
	}
	res := s.result
	if w.entry.Text != s.text {
		w.entry.OnChanged = nil
		w.entry.SetText(s.text)
		w.entry.OnChanged = func(text string) { sv.liveCheck(text) }
	}
	notes := lettercheck.GrammarNote(a.lang, res)
	if res.GrammarErr == nil && len(a.backends.notes) > 0 {
		notes = "" // the engines' own notes below say why, with what to install
	}
	if res.SpellingOff {
		if notes != "" {
			notes += "\n"
		}
		notes += a.t("check.note.spelling_off")
	}
	if (notes != "" || res.GrammarOff) && len(a.backends.notes) > 0 {
		if notes != "" {
			notes += "\n"
		}
		notes += strings.Join(a.backends.notes, "\n")
	}
	w.note.SetText(notes)
	w.note.Hidden = notes == ""
	if s.training && !s.revealed {
		w.summary.SetText(a.t("ui.trainer.find_errors"))
		w.annotated.Segments = sv.trainingSegments()
	} else {
		w.summary.SetText(a.t("check.summary", "total", itoaUI(len(res.Findings)), "blocking", itoaUI(res.Count(lettercheck.Blocking)),
			"error", itoaUI(res.Count(lettercheck.Error)-res.Count(lettercheck.Blocking)), "warning", itoaUI(res.Count(lettercheck.Warning)-res.Count(lettercheck.Error)),
			"advice", itoaUI(len(res.Findings)-res.Count(lettercheck.Warning))))
		w.annotated.Segments = annotatedSegments(s.text, res)
	}
	w.annotated.Refresh()
	w.diff.Segments = diffSegments(s.original, s.text)
	w.diff.Refresh()
	if s.training && !s.revealed {
		w.side.Objects = sv.trainingPanel()
	} else {
		w.side.Objects = sv.findingsPanel()
	}
	w.side.Refresh()
	if w.override != nil {
		w.override.Refresh()
	}
}
