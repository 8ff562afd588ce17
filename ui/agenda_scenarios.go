package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
	"relance/ledger/dunning"
)

// stepRow is the editing widgets of one scenario step.
type stepRow struct {
	code, offset, min *widget.Entry
	channel, tmpl     *widget.Select
	manual            *widget.Check
}

// scenarioEditor edits the steps of one class's scenario: code, offset from the due
// date, channel, letter template, minimum amount, manual validation. Saving validates
// the whole scenario; "Default" restores the shipped one.
func (sv *agendaView) scenarioEditor() fyne.CanvasObject {
	a := sv.a
	s := sv
	if s.class == "" {
		s.class = dunning.DefaultClass
	}
	class := widget.NewSelect(dunning.Classes, nil)
	class.SetSelected(s.class)
	class.OnChanged = func(c string) { s.class = c; a.showScreen(screenReminders) }
	sc := s.scenarios.For(s.class)
	var chLabels []string
	for _, ch := range dunning.Channels {
		chLabels = append(chLabels, a.t("dunning.channel."+string(ch)))
	}
	tmplLabels := append([]string{"–"}, dunning.Stages...)
	grid := container.NewGridWithColumns(6,
		bold(a.t("ui.agenda.step.code")), bold(a.t("ui.agenda.step.offset")), bold(a.t("ui.agenda.step.channel")),
		bold(a.t("ui.agenda.step.template")), bold(a.t("ui.agenda.step.min")), bold(a.t("ui.agenda.step.manual")))
	var rows []*stepRow
	addRow := func(st dunning.Step) {
		r := &stepRow{code: widget.NewEntry(), offset: widget.NewEntry(), min: widget.NewEntry(),
			channel: widget.NewSelect(chLabels, nil), tmpl: widget.NewSelect(tmplLabels, nil), manual: widget.NewCheck("", nil)}
		r.code.SetText(st.Code)
		r.offset.SetText(strconv.Itoa(st.Offset))
		if st.MinAmount > 0 {
			r.min.SetText(st.MinAmount.String())
		}
		for i, ch := range dunning.Channels {
			if ch == st.Channel {
				r.channel.SetSelectedIndex(i)
			}
		}
		r.tmpl.SetSelectedIndex(0)
		for i, t := range dunning.Stages {
			if t == st.Template {
				r.tmpl.SetSelectedIndex(i + 1)
			}
		}
		r.manual.SetChecked(st.Manual)
		rows = append(rows, r)
		grid.Add(r.code)
		grid.Add(r.offset)
		grid.Add(r.channel)
		grid.Add(r.tmpl)
		grid.Add(r.min)
		grid.Add(r.manual)
	}
	for _, st := range sc.Steps {
		addRow(st)
	}
	add := widget.NewButtonWithIcon(a.t("ui.agenda.step.add"), theme.ContentAddIcon(), func() {
		addRow(dunning.Step{Channel: dunning.ChanLetter, Offset: 60})
		grid.Refresh()
	})
	save := widget.NewButtonWithIcon(a.t("ui.agenda.save"), theme.DocumentSaveIcon(), func() {
		out := dunning.Scenario{Class: s.class}
		for _, r := range rows {
			code := strings.TrimSpace(r.code.Text)
			if code == "" {
				continue // an emptied row is removed
			}
			off, err := strconv.Atoi(strings.TrimSpace(r.offset.Text))
			if err != nil {
				a.showError(a.t("ui.dialog.error"), a.t("ui.agenda.bad_offset", "value", r.offset.Text))
				return
			}
			st := dunning.Step{Code: code, Offset: off, Manual: r.manual.Checked}
			if i := r.channel.SelectedIndex(); i >= 0 {
				st.Channel = dunning.Channels[i]
			}
			if i := r.tmpl.SelectedIndex(); i > 0 {
				st.Template = dunning.Stages[i-1]
			}
			if m := strings.TrimSpace(r.min.Text); m != "" {
				if st.MinAmount, err = ledger.ParseCents(m); err != nil {
					a.showError(a.t("ui.dialog.error"), a.t("ui.agenda.bad_amount", "value", m))
					return
				}
			}
			out.Steps = append(out.Steps, st)
		}
		sv.saveScenario(func() error { return a.sess.SaveScenario(out) })
	})
	reset := widget.NewButtonWithIcon(a.t("ui.agenda.step.default"), theme.ViewRefreshIcon(), func() {
		sv.saveScenario(func() error { return a.sess.ResetScenario(s.class) })
	})
	help := widget.NewLabel(a.t("ui.agenda.step.help"))
	help.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(container.NewHBox(widget.NewLabel(a.t("ui.agenda.class_pick")), withWidth(80, class), add, save, reset), help)
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(container.NewVBox(grid)))
}

func bold(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// saveScenario runs save, a session method writing a scenario change in one
// transaction, and recomputes the agenda.
func (sv *agendaView) saveScenario(save func() error) {
	a := sv.a
	if err := save(); err != nil {
		a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
		return
	}
	sv.invalidateAgenda()
	sv.scenarios = nil
	a.setStatus(a.t("ui.agenda.scenario_saved", "class", sv.class))
	a.showScreen(screenReminders)
}
