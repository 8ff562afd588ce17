package ui

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/classroom"
	"relance/ledger/quiz"
)

// quizButton is the Correction screen's « Questionnaire… » button: the end-of-course
// assessment, a timed quiz for a trainee (askQuiz).
func (sv *trainerView) quizButton() fyne.CanvasObject {
	return widget.NewButtonWithIcon(sv.a.t("quiz.ui.open"), theme.QuestionIcon(), sv.a.askQuiz)
}

// quizRun is one quiz being answered in the window: the questions drawn, the widgets
// holding the answers, the countdown.
type quizRun struct {
	a       *App
	trainee classroom.Trainee
	module  string
	qs      []quiz.Question
	answers []func() string // what each question's widget holds
	started time.Time
	limit   time.Duration
	left    *widget.Label
	d       *dialog.CustomDialog
	stop    chan struct{}
	done    bool // scored or abandoned; read and set on the Fyne goroutine only
}

// askQuiz asks for the trainee, the module, how many questions and how many minutes,
// then starts the quiz.
func (a *App) askQuiz() {
	ts, err := a.sess.Trainees()
	if err != nil {
		a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
		return
	}
	if len(ts) == 0 {
		a.showError(a.t("quiz.ui.title"), a.t("quiz.ui.no_trainee"))
		return
	}
	names := make([]string, len(ts))
	for i, t := range ts {
		names[i] = t.Name
		if t.Group != "" {
			names[i] += " (" + t.Group + ")"
		}
	}
	who := widget.NewSelect(names, nil)
	who.SetSelectedIndex(0)
	mods := append([]string{"all"}, quiz.Modules()...)
	labels := make([]string, len(mods))
	for i, m := range mods {
		labels[i] = quiz.ModuleName(a.lang, m)
	}
	mod := widget.NewSelect(labels, nil)
	mod.SetSelectedIndex(0)
	n, minutes := widget.NewEntry(), widget.NewEntry()
	n.SetText("10")
	minutes.SetText("10")
	items := []*widget.FormItem{
		widget.NewFormItem(a.t("quiz.ui.trainee"), who),
		widget.NewFormItem(a.t("quiz.ui.module"), mod),
		widget.NewFormItem(a.t("quiz.ui.n"), n),
		widget.NewFormItem(a.t("quiz.ui.minutes"), minutes),
	}
	a.trace("dialog", "what", "quiz_setup", "state", "shown", "trainees", len(ts))
	d := dialog.NewForm(a.t("quiz.ui.title"), a.t("quiz.ui.start"), a.t("ui.dialog.cancel"), items, func(ok bool) {
		if !ok {
			a.trace("dialog", "what", "quiz_setup", "state", "cancelled")
			return
		}
		count, err := strconv.Atoi(strings.TrimSpace(n.Text))
		if err != nil || count < 1 || count > 100 {
			a.showError(a.t("ui.dialog.error"), a.t("quiz.ui.bad_field", "field", a.t("quiz.ui.n"), "value", n.Text))
			return
		}
		mins, err := strconv.Atoi(strings.TrimSpace(minutes.Text))
		if err != nil || mins < 1 || mins > 240 {
			a.showError(a.t("ui.dialog.error"), a.t("quiz.ui.bad_field", "field", a.t("quiz.ui.minutes"), "value", minutes.Text))
			return
		}
		module := mods[max(mod.SelectedIndex(), 0)]
		// a new draw each time the quiz is run: the seed is the moment it starts
		qs, err := desk.DrawQuiz(a.lang, module, count, uint64(time.Now().UnixNano()))
		if err != nil {
			a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
			return
		}
		r := &quizRun{a: a, trainee: ts[max(who.SelectedIndex(), 0)], module: module, qs: qs,
			limit: time.Duration(mins) * time.Minute}
		r.show()
	}, a.win)
	d.Resize(fyne.NewSize(620, 320))
	d.Show()
}

// show opens the quiz: every question with its answer field, the countdown, and the
// buttons to finish or abandon.
func (r *quizRun) show() {
	a := r.a
	list := container.NewVBox()
	for i, q := range r.qs {
		head := widget.NewLabelWithStyle(a.t("quiz.ui.question", "i", strconv.Itoa(i+1), "n", strconv.Itoa(len(r.qs)),
			"module", quiz.ModuleName(a.lang, q.Module)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		text := widget.NewLabel(q.Text)
		text.Wrapping = fyne.TextWrapWord
		list.Add(head)
		list.Add(text)
		if q.Kind == quiz.Choice {
			opts := make([]string, len(q.Choices))
			for j, c := range q.Choices {
				opts[j] = strconv.Itoa(j+1) + ". " + c
			}
			radio := widget.NewRadioGroup(opts, nil)
			list.Add(radio)
			r.answers = append(r.answers, func() string {
				for j, o := range opts {
					if o == radio.Selected {
						return strconv.Itoa(j + 1)
					}
				}
				return ""
			})
		} else {
			e := widget.NewEntry()
			list.Add(container.NewBorder(nil, nil, nil, widget.NewLabel(q.Hint), e))
			r.answers = append(r.answers, func() string { return e.Text })
		}
		list.Add(widget.NewSeparator())
	}
	r.left = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	who := widget.NewLabel(a.t("quiz.ui.who", "trainee", r.trainee.Name, "module", quiz.ModuleName(a.lang, r.module)))
	who.Wrapping = fyne.TextWrapWord
	finish := widget.NewButtonWithIcon(a.t("quiz.ui.finish"), theme.ConfirmIcon(), func() { r.finish(false) })
	finish.Importance = widget.HighImportance
	abandon := widget.NewButtonWithIcon(a.t("quiz.ui.abandon"), theme.CancelIcon(), r.abandon)
	top := container.NewBorder(nil, nil, nil, r.left, who)
	bottom := container.NewHBox(layout.NewSpacer(), abandon, finish)
	content := container.NewBorder(top, bottom, nil, nil, container.NewVScroll(list))
	r.d = dialog.NewCustomWithoutButtons(a.t("quiz.ui.title"), content, a.win)
	r.d.Resize(fyne.NewSize(1100, 690))
	r.started = time.Now()
	r.stop = make(chan struct{})
	r.tick()
	r.d.Show()
	a.trace("shown", "what", "quiz", "trainee", r.trainee.ID, "module", r.module, "questions", len(r.qs),
		"seconds", int(r.limit/time.Second))
	go r.countdown()
}

// countdown updates the time left every second and scores the quiz when it is up.
func (r *quizRun) countdown() {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-r.stop:
			return
		case <-t.C:
			fyne.Do(r.tick)
		}
	}
}

// tick shows the time left, and scores the quiz once it is up (on the Fyne goroutine).
func (r *quizRun) tick() {
	if r.done {
		return
	}
	left := r.limit - time.Since(r.started)
	if left <= 0 {
		r.finish(true)
		return
	}
	s := int(left.Round(time.Second) / time.Second)
	r.left.SetText(r.a.t("quiz.ui.left", "time", strconv.Itoa(s/60)+":"+twoDigits(s%60)))
	if left < time.Minute {
		r.left.Importance = widget.DangerImportance
	}
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// abandon closes the quiz without keeping anything, once confirmed.
func (r *quizRun) abandon() {
	dialog.ShowConfirm(r.a.t("quiz.ui.abandon"), r.a.t("quiz.ui.abandon_confirm"), func(ok bool) {
		if !ok || r.done {
			return
		}
		r.done = true
		close(r.stop)
		r.d.Hide()
		r.a.trace("dialog", "what", "quiz", "state", "abandoned", "trainee", r.trainee.ID)
	}, r.a.win)
}

// finish scores the answers and keeps the attempt with the trainee
// (desk.Session.ScoreQuiz), then shows the result; timeUp says the time ran out.
func (r *quizRun) finish(timeUp bool) {
	if r.done {
		return
	}
	a := r.a
	given := make([]quiz.Given, len(r.qs))
	for i, q := range r.qs {
		given[i] = quiz.Given{ID: q.ID, Answer: r.answers[i]()}
	}
	secs := int(min(time.Since(r.started), r.limit) / time.Second)
	res, att, err := a.sess.ScoreQuiz(desk.QuizAnswers{Trainee: r.trainee.ID, Module: r.module, Lang: a.lang, Given: given,
		Seconds: secs, Date: a.asOf, By: a.user()})
	if err != nil {
		a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
		return // the quiz stays open: nothing was kept
	}
	r.done = true
	close(r.stop)
	r.d.Hide()
	a.trace("written", "what", "quiz", "trainee", r.trainee.ID, "attempt", att.ID, "score", res.Score, "out_of", res.OutOf,
		"time_up", timeUp)
	a.showQuizResult(r.trainee, res, att, timeUp)
}
