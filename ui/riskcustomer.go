package ui

import (
	"sort"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
	"relance/ledger/risk"
)

// timelineEvent is one dated line of a customer's history timeline. Other features
// (actions, promises, letters) append their own events to the list riskEvents gives.
type timelineEvent struct {
	Date ledger.Date
	Text string
}

// timeline draws events newest first, one wrapped line each.
func (a *App) timeline(events []timelineEvent) fyne.CanvasObject {
	sort.SliceStable(events, func(i, j int) bool { return events[i].Date > events[j].Date })
	box := container.NewVBox()
	if len(events) == 0 {
		box.Add(widget.NewLabel(a.t("uirisk.timeline.empty")))
	}
	for _, e := range events {
		l := widget.NewLabel(a.date(e.Date) + " — " + e.Text)
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
	return box
}

// riskEvents are the risk history of customer id: overrides, acknowledgements,
// class assignments, proposals and decisions.
func (sv *riskView) riskEvents(id string) []timelineEvent {
	a := sv.a
	res := sv.riskResult()
	if res == nil {
		return nil
	}
	r := &sv.in.Records
	var ev []timelineEvent
	for _, o := range r.Overrides {
		if o.Customer != id {
			continue
		}
		if o.Class == "" {
			ev = append(ev, timelineEvent{o.Date, a.t("uirisk.ev.override_lifted", "by", o.By, "reason", o.Reason)})
		} else {
			ev = append(ev, timelineEvent{o.Date, a.t("uirisk.ev.override", "class", a.className(o.Class), "by", o.By, "reason", o.Reason)})
		}
	}
	for _, k := range r.Acks {
		if k.Customer == id {
			ev = append(ev, timelineEvent{k.Date, a.t("uirisk.ev.ack", "signal", a.t("risk.signal."+k.Signal), "by", k.By, "comment", k.Comment)})
		}
	}
	for _, g := range r.Assignments {
		if g.Customer == id {
			ev = append(ev, timelineEvent{g.Date, a.t("uirisk.ev.assign."+string(g.Source), "class", a.className(g.Class))})
		}
	}
	props := map[string]risk.Proposal{}
	for _, p := range r.Proposals {
		if p.Customer == id {
			props[p.ID] = p
			ev = append(ev, timelineEvent{p.Date, a.t("uirisk.ev.proposal", "id", p.ID, "from", p.From, "to", p.To)})
		}
	}
	for _, d := range r.Decisions {
		if _, ok := props[d.Proposal]; ok {
			ev = append(ev, timelineEvent{d.Date, a.t("uirisk.ev.decision", "id", d.Proposal,
				"outcome", a.t("uirisk.outcome."+string(d.Outcome)), "by", orDash(d.By), "comment", d.Comment)})
		}
	}
	return ev
}

// riskTab is the customer panel's "Risque" tab: the class with its per-axis reasons,
// computed vs override, the signals with their evidence, the pending proposal and the
// history timeline.
func (sv *riskView) riskTab(id string) fyne.CanvasObject {
	a := sv.a
	as := sv.riskDetail(id)
	if as == nil {
		msg := a.t("uirisk.none")
		if sv.err != nil {
			msg = ledger.Localize(sv.err, a.lang)
		}
		return widget.NewLabel(msg)
	}
	cur := a.book.Settings.Currency
	wrap := func(s string) *widget.Label {
		l := widget.NewLabel(s)
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	heading := func(key string) *widget.Label {
		l := widget.NewLabel(a.t(key))
		l.TextStyle = fyne.TextStyle{Bold: true}
		return l
	}
	box := container.NewVBox()
	class := widget.NewLabel(a.t("uirisk.class_in_force", "class", a.className(as.Class)))
	class.TextStyle = fyne.TextStyle{Bold: true}
	class.SizeName = theme.SizeNameSubHeadingText
	class.Importance = a.classImportance(as.Class)
	box.Add(class)
	box.Add(wrap(a.t("uirisk.computed", "class", a.className(as.Computed), "score", strconv.Itoa(as.Score))))
	box.Add(wrap(as.Why.Text(a.lang, cur)))
	if as.Override != nil {
		o := as.Override
		box.Add(wrap(a.t("uirisk.override_info", "by", o.By, "date", a.date(o.Date), "reason", o.Reason)))
	}
	ovr := widget.NewButtonWithIcon(a.t("uirisk.override_button"), theme.DocumentCreateIcon(), func() { sv.askOverride(as) })
	box.Add(container.NewHBox(ovr))

	if p := as.Pending; p != nil {
		box.Add(widget.NewSeparator())
		box.Add(heading("uirisk.proposal"))
		box.Add(wrap(a.t("uirisk.proposal_line", "id", p.ID, "date", a.date(p.Date), "from", a.className(p.From), "to", a.className(p.To))))
		for _, r := range p.Reasons {
			box.Add(wrap("• " + r.Text(a.lang, cur)))
		}
		acc := widget.NewButtonWithIcon(a.t("uirisk.accept"), theme.ConfirmIcon(), func() { sv.askDecision(p, risk.Accepted) })
		acc.Importance = widget.HighImportance
		rej := widget.NewButtonWithIcon(a.t("uirisk.reject"), theme.CancelIcon(), func() { sv.askDecision(p, risk.Rejected) })
		box.Add(container.NewHBox(acc, rej))
	}

	box.Add(widget.NewSeparator())
	box.Add(heading("uirisk.axes"))
	for _, ax := range as.Axes {
		l := widget.NewLabel(a.t("uirisk.axis_line", "axis", a.t("risk.axis."+ax.Axis), "points", strconv.Itoa(ax.Points),
			"weight", strconv.Itoa(ax.Weight)))
		l.TextStyle = fyne.TextStyle{Italic: true}
		box.Add(l)
		for _, r := range ax.Reasons {
			box.Add(wrap("• " + r.Text(a.lang, cur)))
		}
	}

	box.Add(widget.NewSeparator())
	box.Add(heading("uirisk.signals"))
	if len(as.Signals) == 0 {
		box.Add(widget.NewLabel(a.t("uirisk.no_signal")))
	}
	for i := range as.Signals {
		s := as.Signals[i]
		t := widget.NewLabel(a.t("risk.signal."+s.Key) + " — " + a.t("uirisk.severity", "severity", a.t("risk.severity."+s.Severity.String())))
		t.TextStyle = fyne.TextStyle{Bold: true}
		t.Importance = widget.WarningImportance
		if s.Severity == risk.High {
			t.Importance = widget.DangerImportance
		}
		if !s.Active() {
			t.Importance = widget.LowImportance
		}
		box.Add(t)
		box.Add(wrap(s.Summary.Text(a.lang, cur)))
		for _, e := range s.Evidence {
			box.Add(wrap("• " + e.Reason.Text(a.lang, cur)))
		}
		if s.Ack != nil {
			box.Add(wrap(a.t("uirisk.acked", "by", s.Ack.By, "date", a.date(s.Ack.Date), "comment", s.Ack.Comment)))
		} else {
			key := s.Key
			b := widget.NewButtonWithIcon(a.t("uirisk.ack_button"), theme.ConfirmIcon(), func() { sv.askAck(id, key) })
			b.Importance = widget.LowImportance
			box.Add(container.NewHBox(b))
		}
	}

	box.Add(widget.NewSeparator())
	box.Add(heading("uirisk.timeline"))
	box.Add(a.timeline(sv.riskEvents(id)))
	return box
}

// author is who signs a risk decision by default: the dossier's signatory.
func (a *App) author() string {
	if n := a.book.Settings.Signatory.Name; n != "" {
		return n
	}
	return a.t("uirisk.me")
}

// riskWrite runs write (one desk use case), then refreshes the classes and the screen.
func (sv *riskView) riskWrite(write func() error, done string) {
	a := sv.a
	if a.sess == nil {
		return
	}
	if err := write(); err != nil {
		a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
		return
	}
	sv.riskChanged(a.t(done))
}

// askOverride asks for a class, a reason and an author, then records the override.
func (sv *riskView) askOverride(as *risk.Assessment) {
	a := sv.a
	res := sv.riskResult()
	opts := []string{a.t("uirisk.override_none")}
	codes := res.Policy.Codes()
	for _, c := range codes {
		opts = append(opts, a.className(c))
	}
	class := widget.NewSelect(opts, nil)
	class.SetSelectedIndex(0)
	if as.Override == nil {
		class.SetSelectedIndex(res.Policy.Rank(as.Class) + 1)
	}
	reason := widget.NewMultiLineEntry()
	reason.SetMinRowsVisible(3)
	by := widget.NewEntry()
	by.SetText(a.author())
	items := []*widget.FormItem{
		widget.NewFormItem(a.t("uirisk.col.class"), class),
		widget.NewFormItem(a.t("uirisk.reason"), reason),
		widget.NewFormItem(a.t("uirisk.by"), by),
	}
	d := dialog.NewForm(a.t("uirisk.override_title", "name", as.Name), a.t("uirisk.save"), a.t("uirisk.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		code := ""
		if i := class.SelectedIndex(); i > 0 {
			code = codes[i-1]
		}
		o := risk.Override{Customer: as.Customer, Class: code, Reason: reason.Text, By: by.Text, Date: a.asOf}
		sv.riskWrite(func() error { return a.sess.OverrideClass(o) }, "uirisk.status.override")
	}, a.win)
	d.Resize(fyne.NewSize(520, 360))
	d.Show()
}

// askAck asks for a comment, then records the acknowledgement of signal key.
func (sv *riskView) askAck(id, key string) {
	a := sv.a
	comment := widget.NewMultiLineEntry()
	comment.SetMinRowsVisible(3)
	by := widget.NewEntry()
	by.SetText(a.author())
	items := []*widget.FormItem{
		widget.NewFormItem(a.t("uirisk.comment"), comment),
		widget.NewFormItem(a.t("uirisk.by"), by),
	}
	d := dialog.NewForm(a.t("uirisk.ack_title", "signal", a.t("risk.signal."+key)), a.t("uirisk.save"), a.t("uirisk.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		k := risk.Ack{Customer: id, Signal: key, Comment: comment.Text, By: by.Text, Date: a.asOf}
		sv.riskWrite(func() error { return a.sess.AcknowledgeSignal(k) }, "uirisk.status.ack")
	}, a.win)
	d.Resize(fyne.NewSize(520, 300))
	d.Show()
}

// askDecision asks for an author and a comment, then accepts or rejects proposal p.
func (sv *riskView) askDecision(p *risk.Proposal, outcome risk.Outcome) {
	a := sv.a
	comment := widget.NewEntry()
	by := widget.NewEntry()
	by.SetText(a.author())
	items := []*widget.FormItem{
		widget.NewFormItem(a.t("uirisk.comment"), comment),
		widget.NewFormItem(a.t("uirisk.by"), by),
	}
	id := p.ID
	d := dialog.NewForm(a.t("uirisk.decide_title", "id", id, "outcome", a.t("uirisk.outcome."+string(outcome))), a.t("uirisk.save"),
		a.t("uirisk.cancel"), items, func(ok bool) {
			if !ok {
				return
			}
			sv.riskWrite(func() error {
				_, err := a.sess.DecideProposal(id, outcome, by.Text, comment.Text, a.asOf)
				return err
			}, "uirisk.status.decided")
		}, a.win)
	d.Resize(fyne.NewSize(480, 240))
	d.Show()
}
