package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
	"relance/ledger/dunning"
	"relance/ledger/store"
)

// agendaState holds the Relances du jour screen's state: the agenda computed for the
// as-of date, the records it came from, the filter and the selection.
type agendaState struct {
	tab       int             // today, dry run, promises and plans, scenarios
	channel   dunning.Channel // "" all
	selected  int             // row in the filtered entries, -1 none
	ag        dunning.Agenda
	rec       dunning.Records
	scenarios dunning.Scenarios
	at        ledger.Date
	rev       *ledger.Book            // the book the agenda was computed on
	class     string                  // scenario editor: class shown
	legal     []dunning.LegalDeadline // limitation within 3 months, insolvency deadlines within 60 days
}

// loadAgenda computes the agenda at the as-of date (dry run included) unless it is
// already computed for this book and date.
func (a *App) loadAgenda() error {
	s := &a.agenda
	if s.rev == a.book && s.at == a.asOf && s.scenarios != nil {
		return nil
	}
	sc, rec, err := a.db.LoadDunning()
	if err != nil {
		return err
	}
	s.scenarios, s.rec, s.at, s.rev = sc, rec, a.asOf, a.book
	var class func(string) string
	if res := a.riskResult(); res != nil {
		class = res.ClassOfID
	}
	s.ag = dunning.Run(dunning.Input{Book: a.book, AsOf: a.asOf, Scenarios: sc, Records: rec, Disputes: a.disputeIdx, Class: class, DryRun: true})
	procs, err := a.db.LoadProcedures()
	if err != nil {
		return err
	}
	s.legal = dunning.LegalDeadlines(a.book, a.asOf, &rec, procs, 60)
	return nil
}

// invalidateAgenda forces the next display to compute the agenda again.
func (a *App) invalidateAgenda() { a.agenda.rev = nil }

// entries returns the agenda's entries for the channel filter, grouped by channel in
// escalation order, by priority within a channel.
func (a *App) agendaEntries() []dunning.Entry {
	s := &a.agenda
	var out []dunning.Entry
	for _, ch := range dunning.Channels {
		if s.channel != "" && s.channel != ch {
			continue
		}
		for _, e := range s.ag.Entries {
			if e.Channel == ch {
				out = append(out, e)
			}
		}
	}
	return out
}

// remindersScreen is "Relances du jour": today's actions, the dry run, the promises
// and payment plans, and the scenario editor.
func (a *App) remindersScreen() fyne.CanvasObject {
	if err := a.loadAgenda(); err != nil {
		return widget.NewLabel(ledger.Localize(err, a.lang))
	}
	s := &a.agenda
	tabs := container.NewAppTabs(
		container.NewTabItem(a.t("ui.agenda.tab.today", "n", fmt.Sprint(len(s.ag.Entries))), a.agendaToday()),
		container.NewTabItem(a.t("ui.agenda.tab.dry"), a.agendaDryRun()),
		container.NewTabItem(a.t("ui.agenda.tab.promises"), a.agendaPromises()),
		container.NewTabItem(a.t("ui.agenda.tab.scenarios"), a.scenarioEditor()),
	)
	tabs.SelectIndex(s.tab)
	tabs.OnSelected = func(*container.TabItem) { s.tab = tabs.SelectedIndex() }
	return tabs
}

// agendaToday lists today's actions with a channel filter, the batch validation of the
// letters and the selected action's detail.
func (a *App) agendaToday() fyne.CanvasObject {
	s := &a.agenda
	keys := []dunning.Channel{""}
	labels := []string{a.t("ui.agenda.all", "n", fmt.Sprint(len(s.ag.Entries)))}
	byCh := s.ag.ByChannel()
	for _, ch := range dunning.Channels {
		if n := len(byCh[ch]); n > 0 {
			keys = append(keys, ch)
			labels = append(labels, a.t("dunning.channel."+string(ch))+" ("+fmt.Sprint(n)+")")
		}
	}
	filter := widget.NewSelect(labels, nil)
	filter.SetSelectedIndex(max(slices.Index(keys, s.channel), 0))
	filter.OnChanged = func(string) {
		s.channel, s.selected = keys[filter.SelectedIndex()], -1
		a.showScreen(screenReminders)
	}
	letters := len(s.ag.Writings([]dunning.Channel{dunning.ChanLetter}, false))
	batch := widget.NewButtonWithIcon(a.t("ui.agenda.batch", "n", fmt.Sprint(letters)), theme.DocumentPrintIcon(), a.askIssueLetters)
	if letters == 0 {
		batch.Disable()
	}
	head := container.NewHBox(widget.NewLabelWithStyle(a.t("ui.agenda.title", "date", a.date(a.asOf)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		withWidth(220, filter), batch)
	var signals []string
	for _, sg := range s.ag.Signals {
		signals = append(signals, a.t("dunning.signal."+sg.Kind)+" : "+sg.Customer+" "+sg.Ref)
	}
	top := container.NewVBox(head)
	if len(signals) > 0 {
		sl := widget.NewLabel(strings.Join(signals, " · "))
		sl.Importance = widget.WarningImportance
		sl.Truncation = fyne.TextTruncateEllipsis
		top.Add(sl)
	}
	var legal []string
	for _, d := range s.legal {
		kind := a.t("dunning.deadline.limitation") + " " + d.Item
		if d.Kind != "limitation" {
			kind = a.t("law.proc.deadline." + d.Kind)
		}
		legal = append(legal, a.t("ui.agenda.deadline", "date", a.date(d.Date), "customer", d.Customer+" "+d.Name, "what", kind, "rule", d.Rule))
	}
	if len(legal) > 0 {
		ll := widget.NewLabel(a.t("ui.agenda.deadlines", "n", fmt.Sprint(len(legal))) + " " + strings.Join(legal, " · "))
		ll.Importance = widget.DangerImportance
		ll.Truncation = fyne.TextTruncateEllipsis
		top.Add(ll)
	}
	rows := a.agendaEntries()
	cols := []column{{"ui.agenda.col.channel", 100, false}, {"ui.agenda.col.action", 160, false}, {"ui.agenda.col.customer", 215, false},
		{"ui.agenda.col.class", 55, false}, {"ui.agenda.col.items", 60, true}, {"ui.agenda.col.amount", 110, true},
		{"ui.agenda.col.due", 100, true}, {"ui.agenda.col.late", 75, true}, {"ui.agenda.col.priority", 80, true}, {"ui.agenda.col.assignee", 100, false}}
	table := a.dataTable(cols, func() int { return len(rows) }, func(r, c int) (string, widget.Importance) {
		e := &rows[r]
		imp := widget.MediumImportance
		switch c {
		case 0:
			return a.t("dunning.channel." + string(e.Channel)), imp
		case 1:
			t := a.t("dunning.stage." + e.Stage)
			if e.Manual {
				t += " (" + a.t("ui.agenda.manual") + ")"
			}
			return t, imp
		case 2:
			return e.Customer + " " + e.Name, imp
		case 3:
			return e.Class, imp
		case 4:
			return fmt.Sprint(len(e.Items)), imp
		case 5:
			return a.money(e.Amount), imp
		case 6:
			if e.Overdue(a.asOf) {
				imp = widget.DangerImportance
			}
			return a.date(e.Due), imp
		case 7:
			return fmt.Sprint(e.DaysLate), imp
		case 8:
			return fmt.Sprint(e.Priority), imp
		}
		return e.Assignee, imp
	}, func(r int) { s.selected = r; a.showScreen(screenReminders) })
	if s.selected < 0 || s.selected >= len(rows) {
		return container.NewBorder(top, nil, nil, nil, table)
	}
	split := container.NewVSplit(table, a.agendaDetail(rows[s.selected]))
	split.Offset = 0.55
	return container.NewBorder(top, nil, nil, nil, split)
}

// agendaDetail shows why an action is due and what can be done with it.
func (a *App) agendaDetail(e dunning.Entry) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(a.t("dunning.channel."+string(e.Channel))+" – "+a.t("dunning.stage."+e.Stage)+" – "+e.Customer+" "+e.Name,
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	why := container.NewVBox()
	for _, r := range e.Why {
		l := widget.NewLabel("• " + r.Text(a.lang))
		l.Wrapping = fyne.TextWrapWord
		why.Add(l)
	}
	done := widget.NewButtonWithIcon(a.t("ui.agenda.done"), theme.ConfirmIcon(), func() { a.askDone(e) })
	if e.Channel == dunning.ChanCall || e.Channel == dunning.ChanVisit {
		done.SetText(a.t("ui.agenda.call"))
	}
	resched := widget.NewButtonWithIcon(a.t("ui.agenda.reschedule"), theme.HistoryIcon(), func() { a.askReschedule(e) })
	sheet := widget.NewButtonWithIcon(a.t("ui.agenda.sheet_pdf"), theme.DocumentSaveIcon(), func() { a.askCallSheetPDF(e.Customer) })
	buttons := container.NewHBox(done, resched, sheet)
	return container.NewBorder(container.NewVBox(title, buttons), nil, nil, nil, container.NewVScroll(why))
}

// agendaDryRun lists every customer with nothing due today, and why.
func (a *App) agendaDryRun() fyne.CanvasObject {
	rows := a.agenda.ag.Skipped
	cols := []column{{"ui.agenda.col.customer", 300, false}, {"ui.agenda.col.why", 800, false}}
	return a.dataTable(cols, func() int { return len(rows) }, func(r, c int) (string, widget.Importance) {
		d := &rows[r]
		if c == 0 {
			return d.Customer + " " + d.Name, widget.MediumImportance
		}
		var parts []string
		for _, w := range d.Why {
			parts = append(parts, w.Text(a.lang))
		}
		return strings.Join(parts, " ; "), widget.MediumImportance
	}, nil)
}

// recordActions stores acts (or an outcome's effects) in one transaction, then
// recomputes the agenda and reloads the dossier.
func (a *App) recordEffects(eff *dunning.Effects, acts []dunning.Action, done string) {
	err := a.db.Update(func(tx *store.Tx) error {
		if eff != nil {
			if err := tx.ApplyOutcome(eff); err != nil {
				return err
			}
		}
		return tx.AddActions(acts)
	})
	if err != nil {
		a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
		return
	}
	a.invalidateAgenda()
	a.agenda.selected = -1
	a.reloadThen(done)
}
