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
)

// agendaView is the Relances du jour screen: the agenda computed for the as-of date,
// the records it came from, the filter and the selection, the call sheet, the day's
// letters, the promises and plans, and the scenario editor.
type agendaView struct {
	a         *App
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
func (sv *agendaView) loadAgenda() error {
	a := sv.a
	s := sv
	if s.rev == a.book && s.at == a.asOf && s.scenarios != nil {
		return nil
	}
	res := a.risk.riskResult()
	if res == nil {
		return a.risk.err
	}
	ag, err := a.sess.Agenda(a.asOf, true, res.ClassOfID)
	if err != nil {
		return err
	}
	s.ag, s.scenarios, s.rec, s.legal, s.at, s.rev = ag.Agenda, ag.Scenarios, ag.Records, ag.Legal, a.asOf, a.book
	return nil
}

// invalidateAgenda forces the next display to compute the agenda again.
func (sv *agendaView) invalidateAgenda() { sv.rev = nil }

// entries returns the agenda's entries for the channel filter, grouped by channel in
// escalation order, by priority within a channel.
func (sv *agendaView) agendaEntries() []dunning.Entry {
	s := sv
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
func (sv *agendaView) remindersScreen() fyne.CanvasObject {
	a := sv.a
	if err := sv.loadAgenda(); err != nil {
		return widget.NewLabel(ledger.Localize(err, a.lang))
	}
	s := sv
	tabs := container.NewAppTabs(
		container.NewTabItem(a.t("ui.agenda.tab.today", "n", fmt.Sprint(len(s.ag.Entries))), sv.agendaToday()),
		container.NewTabItem(a.t("ui.agenda.tab.dry"), sv.agendaDryRun()),
		container.NewTabItem(a.t("ui.agenda.tab.promises"), sv.agendaPromises()),
		// the editor's grid scrolls rather than widening the window (tabs take the
		// widest of their contents)
		container.NewTabItem(a.t("ui.agenda.tab.scenarios"), container.NewScroll(sv.scenarioEditor())),
	)
	tabs.SelectIndex(s.tab)
	tabs.OnSelected = func(*container.TabItem) { s.tab = tabs.SelectedIndex() }
	return tabs
}

// agendaToday lists today's actions with a channel filter, the batch validation of the
// letters and the selected action's detail.
func (sv *agendaView) agendaToday() fyne.CanvasObject {
	a := sv.a
	s := sv
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
	batch := widget.NewButtonWithIcon(a.t("ui.agenda.batch", "n", fmt.Sprint(letters)), theme.DocumentPrintIcon(), sv.askIssueLetters)
	if letters == 0 {
		batch.Disable()
	}
	head := container.NewHBox(widget.NewLabelWithStyle(a.t("ui.agenda.title", "date", a.date(a.asOf)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		withWidth(220, filter), batch)
	var signals []string
	for _, sg := range s.ag.Signals {
		signals = append(signals, a.t("ui.agenda.signal", "kind", a.t("dunning.signal."+sg.Kind), "name", customerName(a.book, sg.Customer),
			"customer", sg.Customer, "amount", a.money(sg.Amount), "date", a.date(sg.Date)))
	}
	top := container.NewVBox(head)
	if len(signals) > 0 {
		sl := widget.NewLabel(strings.Join(signals, " · "))
		sl.Importance = widget.WarningImportance
		sl.Wrapping = fyne.TextWrapWord
		top.Add(sl)
	}
	var legal []string
	for _, d := range s.legal {
		kind := a.t("dunning.deadline.limitation") + " " + d.Item
		if d.Kind != "limitation" {
			kind = a.t("law.proc.deadline." + d.Kind)
		}
		if d.Kind == "enforcement" { // desk.EnforcementKind: a decision's enforcement period (CPCE L111-4)
			kind = a.t("judgment.deadline.enforcement") + " " + d.Item
		}
		legal = append(legal, a.t("ui.agenda.deadline", "date", a.date(d.Date), "customer", d.Customer+" "+d.Name, "what", kind, "rule", d.Rule))
	}
	if len(legal) > 0 {
		ll := widget.NewLabel(a.t("ui.agenda.deadlines", "n", fmt.Sprint(len(legal))) + " " + strings.Join(legal, " · "))
		ll.Importance = widget.DangerImportance
		ll.Wrapping = fyne.TextWrapWord
		top.Add(ll)
	}
	rows := sv.agendaEntries()
	cols := []column{{"ui.agenda.col.channel", 150, false}, {"ui.agenda.col.action", 210, false}, {"ui.agenda.col.customer", 320, false},
		{"ui.agenda.col.class", 70, false}, {"ui.agenda.col.items", 60, true}, {"ui.agenda.col.amount", 110, true},
		{"ui.agenda.col.due", 100, true}, {"ui.agenda.col.late", 100, true}, {"ui.agenda.col.priority", 120, false}, {"ui.agenda.col.assignee", 110, false}}
	table := a.rowsTable(cols, func() int { return len(rows) }, func(r, c int) (string, widget.Importance) {
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
			rank := sv.agendaRank(e)
			level := dunning.Urgency(rank, len(s.ag.Entries))
			if level == dunning.UrgencyHigh {
				imp = widget.DangerImportance
			}
			return fmt.Sprint(rank) + " – " + dunning.UrgencyName(a.lang, level), imp
		}
		return e.Assignee, imp
	}, rowActions{open: func(r int) { sv.openAgendaCustomer(rows[r].Customer) }, menu: func(r int) []*fyne.MenuItem {
		e := rows[r]
		return []*fyne.MenuItem{
			fyne.NewMenuItem(a.t("ui.agenda.open_customer"), func() { sv.openAgendaCustomer(e.Customer) }),
			fyne.NewMenuItem(a.t("ui.agenda.done"), func() { sv.askDone(e) }),
			fyne.NewMenuItem(a.t("ui.agenda.reschedule"), func() { sv.askReschedule(e) }),
		}
	}})
	hint := widget.NewLabel(a.t("ui.agenda.pick"))
	hint.Importance = widget.LowImportance
	hint.Wrapping = fyne.TextWrapWord
	detail := container.NewStack(hint)
	// A click shows the entry's detail below the list, in place: the list stays the
	// same widget, so that a double click on the row opens the customer.
	table.actions.selected = func(r int) {
		if r < 0 || r >= len(rows) {
			return
		}
		s.selected = r
		a.trace("select", "list", "agenda", "id", rows[r].Customer, "channel", string(rows[r].Channel))
		detail.Objects = []fyne.CanvasObject{sv.agendaDetail(rows[r])}
		detail.Refresh()
	}
	if s.selected >= 0 && s.selected < len(rows) {
		detail.Objects = []fyne.CanvasObject{sv.agendaDetail(rows[s.selected])}
	}
	split := container.NewVSplit(table, detail)
	split.Offset = 0.55
	return container.NewBorder(top, nil, nil, nil, split)
}

// agendaDetail shows why an action is due and what can be done with it.
func (sv *agendaView) agendaDetail(e dunning.Entry) fyne.CanvasObject {
	a := sv.a
	title := widget.NewLabelWithStyle(a.t("dunning.channel."+string(e.Channel))+" – "+a.t("dunning.stage."+e.Stage)+" – "+e.Customer+" "+e.Name,
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	why := container.NewVBox()
	prio := widget.NewLabel(dunning.PriorityWhy(&e, sv.agendaRank(&e), len(sv.ag.Entries), nil, a.lang, a.currency()))
	prio.Wrapping = fyne.TextWrapWord
	prio.TextStyle = fyne.TextStyle{Italic: true}
	why.Add(prio)
	for _, r := range e.Why {
		l := widget.NewLabel("• " + r.Say(a.lang, a.currency()))
		l.Wrapping = fyne.TextWrapWord
		why.Add(l)
	}
	done := widget.NewButtonWithIcon(a.t("ui.agenda.done"), theme.ConfirmIcon(), func() { sv.askDone(e) })
	if e.Channel == dunning.ChanCall || e.Channel == dunning.ChanVisit {
		done.SetText(a.t("ui.agenda.call"))
	}
	resched := widget.NewButtonWithIcon(a.t("ui.agenda.reschedule"), theme.HistoryIcon(), func() { sv.askReschedule(e) })
	sheet := widget.NewButtonWithIcon(a.t("ui.agenda.sheet_pdf"), theme.DocumentSaveIcon(), func() { sv.askCallSheetPDF(e.Customer) })
	card := widget.NewButtonWithIcon(a.t("ui.agenda.open_customer"), theme.AccountIcon(), func() { sv.openAgendaCustomer(e.Customer) })
	pay := a.payButton(e.Customer)
	pay.SetText(a.t("ui.agenda.pay"))
	row := container.NewHBox(done, resched, pay, sheet, card)
	return container.NewBorder(container.NewVBox(title, row), nil, nil, nil, container.NewVScroll(why))
}

// agendaDryRun lists every customer with nothing due today, and why.
func (sv *agendaView) agendaDryRun() fyne.CanvasObject {
	a := sv.a
	rows := sv.ag.Skipped
	cols := []column{{"ui.agenda.col.customer", 300, false}, {"ui.agenda.col.why", 800, false}}
	return a.rowsTable(cols, func() int { return len(rows) }, func(r, c int) (string, widget.Importance) {
		d := &rows[r]
		if c == 0 {
			return d.Customer + " " + d.Name, widget.MediumImportance
		}
		var parts []string
		for _, w := range d.Why {
			parts = append(parts, w.Say(a.lang, a.currency()))
		}
		return strings.Join(parts, " ; "), widget.MediumImportance
	}, sv.customerRows("dryrun", func(r int) string { return rows[r].Customer }))
}

// agendaRank is the entry's rank in the day's agenda, highest priority first (1-based).
func (sv *agendaView) agendaRank(e *dunning.Entry) int {
	for i := range sv.ag.Entries {
		x := &sv.ag.Entries[i]
		if x.Customer == e.Customer && x.Channel == e.Channel && x.Stage == e.Stage {
			return i + 1
		}
	}
	return len(sv.ag.Entries)
}

// openAgendaCustomer opens the card of a customer of the agenda.
func (sv *agendaView) openAgendaCustomer(id string) {
	a := sv.a
	a.trace("open", "list", "agenda", "id", id)
	a.showCustomer(id)
}

// recordEffects stores an outcome's effects (eff, from dunning.Record) or else the
// actions of a reschedule (acts, from dunning.Reschedule) in one transaction, then
// recomputes the agenda and reloads the dossier.
func (sv *agendaView) recordEffects(eff *dunning.Effects, acts []dunning.Action, done string) {
	a := sv.a
	var err error
	if eff != nil {
		err = a.sess.RecordOutcome(eff)
	} else {
		err = a.sess.Reschedule(acts)
	}
	if err != nil {
		a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
		return
	}
	sv.invalidateAgenda()
	sv.selected = -1
	a.reloadThen(done)
}
