package ui

import (
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/classroom"
	lettercheck "relance/letters/check"
	"relance/letters/exercise"
	"relance/letters/progress"
)

// The classroom row of the Correction screen: open a letter from a file, save it into
// the dossier's exercise bank, pick the trainee whose marks are scored (training
// mode), and the trainees' progress. Every score with a trainee chosen is kept
// (desk.Session.ScoreLetter).

// trainerBank is the classroom state of the Correction screen.
type trainerBank struct {
	list    []exercise.Exercise // the dossier's bank, read when the screen is built
	current *exercise.Exercise  // the bank exercise on display; nil for a sample or a typed letter
	source  string              // the file the letter was opened from
	trainee string              // ID of the trainee whose marks are scored
	loaded  time.Time           // when the letter was loaded: the time to the score
	last    *classroom.Attempt  // the last attempt kept
}

func (sv *trainerView) bankState() *trainerBank {
	if sv.bank == nil {
		sv.bank = &trainerBank{loaded: time.Now()}
	}
	return sv.bank
}

// letterLoaded starts the clock of a new letter, shown from ex (nil: not a bank
// exercise) or opened from file source.
func (sv *trainerView) letterLoaded(ex *exercise.Exercise, source string) {
	b := sv.bankState()
	b.current, b.source, b.loaded, b.last = ex, source, time.Now(), nil
}

// readBank reads the dossier's bank (none without a dossier).
func (sv *trainerView) readBank() {
	b := sv.bankState()
	b.list = nil
	if sv.a.sess == nil {
		return
	}
	list, err := sv.a.sess.Exercises()
	if err != nil {
		sv.a.showError(sv.a.t("ui.dialog.error"), ledger.Localize(err, sv.a.lang))
		return
	}
	b.list = list
}

// exerciseLabel names a bank exercise in the letter selector.
func (sv *trainerView) exerciseLabel(e *exercise.Exercise) string {
	a := sv.a
	return a.t("exercise.ui.bank_item", "title", e.Title, "stage", lettercheck.StageLabel(a.lang, e.Stage),
		"audience", lettercheck.AudienceLabel(a.lang, e.Audience), "lang", e.Lang)
}

// loadExercise loads bank exercise i.
func (sv *trainerView) loadExercise(i int) {
	b := sv.bankState()
	if i < 0 || i >= len(b.list) {
		return
	}
	e := b.list[i]
	s := sv
	s.sample, s.text, s.original = -1, e.Text, e.Text
	s.stage, s.audience, s.lang = e.Stage, e.Audience, e.Lang
	s.marks, s.score, s.revealed = nil, nil, false
	s.check()
	sv.letterLoaded(&e, "")
	sv.a.trace("exercise_loaded", "id", e.ID, "findings", itoaUI(len(s.result.Findings)))
}

// openLetterFile asks for a .txt, .docx or .odt letter and shows it, checked.
func (sv *trainerView) openLetterFile() {
	a := sv.a
	a.showFileDialog(fileRequest{kind: fileOpen, purpose: "exercise", exts: []string{".txt", ".docx", ".odt"}, confirm: a.t("ui.dialog.open"),
		chosen: func(path string) { sv.loadLetterFile(path) }})
}

// loadLetterFile reads the letter at path and shows it, checked; a refusal names the file.
func (sv *trainerView) loadLetterFile(path string) {
	a := sv.a
	data, err := os.ReadFile(path)
	if err != nil {
		a.showError(a.t("ui.dialog.error"), a.t("exercise.err.read", "file", filepath.Base(path)))
		return
	}
	text, err := exercise.ReadText(path, data)
	if err != nil {
		a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
		return
	}
	s := sv
	s.sample, s.text, s.original = -1, text, text
	s.marks, s.score, s.revealed = nil, nil, false
	s.check()
	sv.letterLoaded(nil, filepath.Base(path))
	a.trace("exercise_loaded", "file", filepath.Base(path), "findings", itoaUI(len(s.result.Findings)))
	a.showScreen(screenCorrection)
}

// askSaveToBank asks the title and the expected findings of the letter on display —
// none ticked: whatever the checker finds — and saves it into the bank.
func (sv *trainerView) askSaveToBank() {
	a := sv.a
	s := sv
	if a.sess == nil || s.result == nil {
		return
	}
	title := widget.NewEntry()
	if src := sv.bankState().source; src != "" {
		title.SetText(strings.TrimSuffix(src, filepath.Ext(src)))
	} else if s.sample >= 0 {
		title.SetText(sv.currentExercise().Title)
	}
	title.SetPlaceHolder(a.t("exercise.ui.title_hint"))
	// one box per rule found, its first finding's words wrapped beside it (never cut)
	var rules []string
	var boxes []*widget.Check
	list := container.NewVBox()
	seen := map[string]bool{}
	for _, f := range s.result.Findings {
		if seen[f.Rule] {
			continue
		}
		seen[f.Rule] = true
		rules = append(rules, f.Rule)
		box := widget.NewCheck("", nil)
		boxes = append(boxes, box)
		list.Add(container.NewBorder(nil, nil, box, nil, wrapLabel(lettercheck.CategoryLabel(a.lang, f.Category)+" – "+f.Message, fyne.TextStyle{})))
	}
	help := wrapLabel(a.t("exercise.ui.expected_help"), fyne.TextStyle{Italic: true})
	ctx := wrapLabel(a.t("exercise.ui.context", "stage", lettercheck.StageLabel(a.lang, s.stage),
		"audience", lettercheck.AudienceLabel(a.lang, s.audience), "lang", strings.ToUpper(s.lang)), fyne.TextStyle{})
	body := container.NewBorder(container.NewVBox(widget.NewLabel(a.t("exercise.ui.title")), title, ctx, help), nil, nil, nil,
		container.NewVScroll(list))
	d := dialog.NewCustomConfirm(a.t("exercise.ui.save_title"), a.t("exercise.ui.save"), a.t("ui.dialog.cancel"), body, func(ok bool) {
		if !ok {
			return
		}
		e := exercise.Exercise{Title: strings.TrimSpace(title.Text), Stage: s.stage, Audience: s.audience, Lang: s.lang, Text: s.text,
			Source: sv.bankState().source, Added: a.today, By: a.sess.Who("")}
		for i, b := range boxes {
			if b.Checked {
				e.Expected = append(e.Expected, rules[i])
			}
		}
		if err := a.sess.SaveExercise(&e); err != nil {
			a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
			return
		}
		a.trace("exercise_saved", "id", e.ID, "expected", itoaUI(len(e.Expected)))
		a.setStatus(a.t("exercise.ui.saved", "title", e.Title))
		sv.readBank()
		s.original, s.sample = s.text, -1 // the letter is now the bank's: the selector shows it
		sv.letterLoaded(&e, sv.bankState().source)
		a.showScreen(screenCorrection)
	}, a.win)
	d.Resize(fyne.NewSize(min(a.win.Canvas().Size().Width-40, 760), min(a.win.Canvas().Size().Height-40, 560)))
	d.Show()
}

// classroomBar is the row under the actions — the letter's file, the bank, the
// trainees' progress — and in training mode the trainee's row.
func (sv *trainerView) classroomBar() fyne.CanvasObject {
	a := sv.a
	s := sv
	b := sv.bankState()
	open := widget.NewButtonWithIcon(a.t("exercise.ui.open"), theme.FolderOpenIcon(), sv.openLetterFile)
	save := widget.NewButtonWithIcon(a.t("exercise.ui.save_bank"), theme.DocumentSaveIcon(), sv.askSaveToBank)
	bank := widget.NewButtonWithIcon(a.t("exercise.ui.bank"), theme.StorageIcon(), sv.showBank)
	people := widget.NewButtonWithIcon(a.t("exercise.ui.trainees"), theme.AccountIcon(), sv.showProgress)
	if a.sess == nil {
		save.Disable()
		bank.Disable()
		people.Disable()
	}
	row := container.NewHBox(open, save, bank, people)
	if s.training && a.sess != nil {
		ts, err := a.sess.Trainees()
		if err != nil {
			a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
		}
		names := make([]string, len(ts))
		for i, t := range ts {
			names[i] = traineeLabel(t)
		}
		pick := widget.NewSelect(names, nil)
		pick.PlaceHolder = a.t("exercise.ui.no_trainee")
		for i, t := range ts {
			if t.ID == b.trainee {
				pick.SetSelectedIndex(i)
			}
		}
		pick.OnChanged = func(string) {
			if i := pick.SelectedIndex(); i >= 0 {
				b.trainee = ts[i].ID
				a.trace("trainee_chosen", "id", b.trainee)
			}
		}
		add := widget.NewButtonWithIcon(a.t("exercise.ui.new_trainee"), theme.ContentAddIcon(), func() { sv.askNewTrainee(nil) })
		return container.NewVBox(row, container.NewHBox(widget.NewLabel(a.t("exercise.ui.trainee")), withWidth(320, pick), add))
	}
	return row
}

// traineeLabel names a trainee in a picker: « Léa Martin (Lyon) ».
func traineeLabel(t classroom.Trainee) string {
	if t.Group == "" {
		return t.Name
	}
	return t.Name + " (" + t.Group + ")"
}

// askNewTrainee asks a new trainee's name and group, saves them and chooses them;
// then calls done (may be nil).
func (sv *trainerView) askNewTrainee(done func()) {
	a := sv.a
	name, group := widget.NewEntry(), widget.NewEntry()
	group.SetPlaceHolder(a.t("exercise.ui.group_hint"))
	if ts, err := a.sess.Trainees(); err == nil && len(ts) > 0 {
		group.SetText(ts[len(ts)-1].Group) // the group of the day, most often
	}
	items := []*widget.FormItem{widget.NewFormItem(a.t("exercise.ui.name"), name), widget.NewFormItem(a.t("exercise.ui.group"), group)}
	d := dialog.NewForm(a.t("exercise.ui.new_trainee_title"), a.t("exercise.ui.add"), a.t("ui.dialog.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		t := classroom.Trainee{Name: strings.TrimSpace(name.Text), Group: strings.TrimSpace(group.Text), Added: a.today}
		if err := a.sess.SaveTrainee(&t); err != nil {
			a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
			return
		}
		a.trace("trainee_saved", "id", t.ID)
		sv.bankState().trainee = t.ID
		if done != nil {
			done()
		}
		a.showScreen(screenCorrection)
	}, a.win)
	d.Resize(fyne.NewSize(480, 240))
	d.Show()
	a.trace("dialog", "what", "new_trainee", "state", "shown")
	a.win.Canvas().Focus(name)
}

// scoreMarks scores the trainee's marks against the letter — the trainer's expected
// findings for a bank exercise, whatever the checker finds otherwise — and, a trainee
// being chosen, keeps the attempt.
func (sv *trainerView) scoreMarks() *lettercheck.TrainingScore {
	a := sv.a
	s := sv
	b := sv.bankState()
	var expected []string
	if b.current != nil && b.current.Text == s.original {
		expected = b.current.Expected
	}
	sc := lettercheck.ScoreFor(s.result, s.marks, expected)
	if b.trainee == "" || a.sess == nil {
		return &sc
	}
	ex := sv.currentExercise()
	ex.Expected = expected
	att, kept, err := a.sess.ScoreLetter(desk.LetterTry{Trainee: b.trainee, Exercise: ex, Marks: s.marks, Result: s.result, Engine: s.engine,
		Seconds: int(time.Since(b.loaded) / time.Second), Date: a.today})
	if err != nil {
		a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
		return &sc
	}
	b.last = att
	a.trace("attempt", "id", att.ID, "trainee", att.Trainee, "exercise", att.Exercise, "score", att.Score.String(), "seconds", itoaUI(att.Seconds))
	return kept
}

// currentExercise is the letter on display as an exercise: the bank's, the sample's,
// or the file's (named after it) or a typed letter's.
func (sv *trainerView) currentExercise() *exercise.Exercise {
	s := sv
	b := sv.bankState()
	if b.current != nil && b.current.Text == s.original {
		c := *b.current
		return &c
	}
	if s.sample >= 0 && s.sample < len(s.samples) {
		return desk.SampleExercise(s.samples[s.sample], sv.a.lang)
	}
	title := b.source
	if title == "" {
		title = sv.a.t("ui.trainer.own_letter")
	}
	return &exercise.Exercise{ID: "file:" + title, Title: title, Stage: s.stage, Audience: s.audience, Lang: s.lang, Text: s.original}
}

// traineeName is the name of the trainee chosen, "" for none.
func (sv *trainerView) traineeName() string {
	b := sv.bankState()
	if b.trainee == "" || sv.a.sess == nil {
		return ""
	}
	t, err := sv.a.sess.TraineeByName(b.trainee)
	if err != nil {
		return ""
	}
	return t.Name
}

// missingChecklist is the training-mode list of items that may be missing, under the
// names of their categories (« Mentions obligatoires », « Structure »…): each item
// names a part of a letter, never whether this letter lacks it.
func (sv *trainerView) missingChecklist() []fyne.CanvasObject {
	a := sv.a
	s := sv
	byCat := map[lettercheck.Category][]*lettercheck.Rule{}
	for _, r := range s.engine.Catalogue().MissingCandidates(s.lang, s.stage, s.audience) {
		byCat[r.Category()] = append(byCat[r.Category()], r)
	}
	var out []fyne.CanvasObject
	for _, c := range lettercheck.Categories {
		rules := byCat[c]
		if len(rules) == 0 {
			continue
		}
		head := widget.NewLabel(lettercheck.CategoryLabel(a.lang, c))
		head.TextStyle = fyne.TextStyle{Bold: true}
		out = append(out, head)
		for _, r := range rules {
			id := r.ID
			label := a.t("exercise.item." + id)
			if label == "exercise.item."+id {
				label = r.MissingLabel(s.lang)
			}
			box := widget.NewCheck(label, nil)
			for _, m := range s.marks {
				if m.Start < 0 && m.Rule == id {
					box.Checked = true
				}
			}
			box.OnChanged = func(on bool) {
				kept := s.marks[:0]
				for _, m := range s.marks {
					if !(m.Start < 0 && m.Rule == id) {
						kept = append(kept, m)
					}
				}
				s.marks = kept
				if on {
					s.marks = append(s.marks, lettercheck.Mark{Start: -1, End: -1, Rule: id})
				}
			}
			out = append(out, box)
		}
	}
	return out
}

// scoreLine is the trainee's score in the interface's number format: « 14,5 / 20 ».
func (sv *trainerView) scoreLine(sc *lettercheck.TrainingScore) string {
	return progress.On20(sv.a.lang, decimalOf(sc.Score))
}

// decimalOf is a score computed to the half point as a decimal (exact).
func decimalOf(v float64) decimal.Decimal { return decimal.NewFromFloat(v) }

// distinctLabels numbers the labels that repeat (« … (fr) – n° 2 »), so that each
// entry of a selector can be told from the others.
func distinctLabels(names []string) []string {
	count := map[string]int{}
	for _, n := range names {
		count[n]++
	}
	seen := map[string]int{}
	out := make([]string, len(names))
	for i, n := range names {
		seen[n]++
		out[i] = n
		if count[n] > 1 {
			out[i] = n + " – n° " + itoaUI(seen[n])
		}
	}
	return out
}
