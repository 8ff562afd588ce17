package ui

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
	lettercheck "relance/letters/check"
	"relance/letters/compose"
	"relance/letters/grammar"
	"relance/letters/spell"
)

// checkBackends are the optional spelling and grammar engines of the letter checks:
// libhunspell with the embedded dictionaries, and a Grammalecte server on 127.0.0.1 when
// it is installed. The real application starts them in the background once (the tests
// run without them, so that their findings do not depend on the machine); until they
// are ready, or when they cannot start, the checks say that spelling or grammar is off.
type checkBackends struct {
	enabled bool // set by Run: start them on first use
	started bool
	grammar *grammar.Checker
	notes   []string // why an engine is off, in the user's language
}

// startCheckBackends starts the engines once, off the UI goroutine, then gives them to
// the Correction screen and checks its letter again.
func (a *App) startCheckBackends() {
	b := &a.backends
	if !b.enabled || b.started {
		return
	}
	b.started = true
	lang := a.lang
	go func() {
		var sp lettercheck.Speller
		var notes []string
		if c, err := spell.New(spell.Options{}); err == nil {
			sp = c
		} else {
			notes = append(notes, ledger.Localize(err, lang))
		}
		var g *grammar.Checker
		if err := grammar.Available(grammar.Options{}); err == nil {
			g = grammar.New(grammar.Options{})
			if err := g.Start(context.Background()); err != nil {
				notes = append(notes, ledger.Localize(err, lang))
				a.trace("grammar.off", "error", err) // the detail (paths, the server's output): trace only
			}
		} else {
			notes = append(notes, ledger.Localize(err, lang))
			a.trace("grammar.off", "error", err)
		}
		fyne.Do(func() {
			b.grammar, b.notes = g, notes
			s := a.trainer
			s.speller = sp
			if g != nil {
				s.grammar = lettercheck.Grammalecte(g)
			}
			if s.engine != nil {
				s.check()
				a.trainer.refreshTrainer()
			}
		})
	}()
}

// stopCheckBackends stops the grammar server, if one was started.
func (a *App) stopCheckBackends() {
	if g := a.backends.grammar; g != nil {
		_ = g.Close() // cleanup after the error returned below, or shutdown: nothing to report
		a.backends.grammar = nil
	}
}

// letterFindingsView shows, under the letters editor, what the correction engine finds
// in the composed letter at its stage, for its customer (amounts and invoice numbers
// cross-checked against the ledger): a count by severity and the first findings.
// update runs the check off the UI goroutine, 300 ms after the last change.
type letterFindingsView struct {
	label *widget.Label
	timer *time.Timer
	seq   int
}

func (a *App) newLetterFindingsView() *letterFindingsView {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	return &letterFindingsView{label: l}
}

// update checks letter l (nil: clears the view) after a short pause.
func (a *App) updateLetterFindings(v *letterFindingsView, l *compose.Letter) {
	if v.timer != nil {
		v.timer.Stop()
	}
	v.seq++
	if l == nil || a.trainer.initTrainer() != nil {
		v.label.SetText("")
		return
	}
	seq, engine := v.seq, a.trainer.engine
	opt := lettercheck.Options{MessageLang: a.lang, Lang: l.Lang, Date: l.Date, Speller: a.trainer.speller, Grammar: a.trainer.grammar}
	if st, ok := lettercheck.ParseStage(string(l.Stage)); ok {
		opt.Stage = st
	}
	opt.ForCustomer(a.book.Account(l.Customer))
	text := l.PlainText()
	lang := a.lang
	show := func(res *lettercheck.Result) {
		if seq != v.seq {
			return
		}
		v.label.SetText(findingsSummary(a, lang, res))
		v.label.Importance = widget.MediumImportance
		if res.Count(lettercheck.Error) > 0 {
			v.label.Importance = widget.DangerImportance
		}
		v.label.Refresh()
	}
	a.later(300*time.Millisecond, &v.timer, func() *lettercheck.Result { return engine.Check(text, opt) }, show)
}

// later runs work after delay off the UI goroutine, then done with its result on the UI
// goroutine, replacing what *timer had pending. Without the real driver (tests, where
// fyne.Do runs on the calling goroutine), it runs both at once, synchronously.
func (a *App) later(delay time.Duration, timer **time.Timer, work func() *lettercheck.Result, done func(*lettercheck.Result)) {
	if *timer != nil {
		(*timer).Stop()
	}
	if !a.backends.enabled {
		done(work())
		return
	}
	*timer = time.AfterFunc(delay, func() {
		res := work()
		fyne.Do(func() { done(res) })
	})
}

// findingsSummary is the count line and the first findings of a check, one per line.
func findingsSummary(a *App, lang string, res *lettercheck.Result) string {
	errs := res.Count(lettercheck.Error)
	lines := []string{a.t("ui.let.check_summary", "total", itoaUI(len(res.Findings)), "errors", itoaUI(errs))}
	for i, f := range res.Findings {
		if i == 6 {
			lines = append(lines, a.t("ui.let.check_more", "n", itoaUI(len(res.Findings)-i)))
			break
		}
		lines = append(lines, "• "+lettercheck.SeverityLabel(lang, f.Severity)+" : "+f.Message)
	}
	return strings.Join(lines, "\n")
}
