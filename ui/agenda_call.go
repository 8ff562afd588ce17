package ui

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
	"relance/ledger/dispute"
	"relance/ledger/dunning"
	"relance/ledger/payment"
	"relance/letters"
	"relance/letters/callsheet"
)

// callSheetView is the call sheet on screen: the customer's situation and the 4C guide.
func (sv *agendaView) callSheetView(customer string) fyne.CanvasObject {
	a := sv.a
	s, err := a.sess.CallSheet(customer, a.asOf, sv.ag, sv.rec)
	if err != nil {
		return widget.NewLabel(ledger.Localize(err, a.lang))
	}
	acc := s.Account
	box := container.NewVBox()
	add := func(text string, bold bool) {
		l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: bold})
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
	add(acc.Customer.ID+" – "+acc.Customer.Name+" – "+a.t("ui.agenda.class", "class", s.Class), true)
	for _, c := range acc.Customer.Contacts {
		add(strings.TrimSpace(c.Name+" "+c.Role+" "+c.Phone+" "+c.Email), false)
	}
	add(a.t("ui.agenda.balance", "balance", a.money(acc.Balance()), "overdue", a.money(acc.Overdue(a.asOf))), false)
	for _, it := range acc.Items {
		if it.OverdueAt(a.asOf) {
			add("   "+it.Number+"  "+a.date(it.DueDate)+"  "+a.money(it.Open)+"  ("+strconv.Itoa(it.DaysLate(a.asOf))+" j)", false)
		}
	}
	acts := s.Records.Actions
	if len(acts) > 5 {
		acts = acts[len(acts)-5:]
	}
	for _, x := range acts {
		line := a.date(x.Date) + "  " + a.t("dunning.channel."+string(x.Kind))
		if x.Outcome != "" {
			line += " – " + a.t("dunning.outcome."+x.Outcome)
		}
		add(line, false)
	}
	for _, p := range s.Records.Promises {
		add(a.t("ui.agenda.promise_line", "id", p.ID, "amount", a.money(p.Amount), "date", a.date(p.Due),
			"status", a.t("dunning.promise."+string(dunning.PromiseStateAt(p, acc, a.asOf)))), false)
	}
	args := []string{"company", a.book.Settings.Company.Name, "signatory", a.user(), "invoice", "…", "amount", a.money(acc.Overdue(a.asOf)), "due", "…"}
	for _, g := range dunning.Guide() {
		add(a.t(g.Key)+" – "+a.t(g.Aim), true)
		for _, p := range g.Prompts {
			add("• "+a.t(p, args...), false)
		}
	}
	return container.NewVScroll(box)
}

// askDone records entry e as done: a letter as sent, a call or visit with its
// outcome (the call sheet is shown beside the outcome form).
func (sv *agendaView) askDone(e dunning.Entry) {
	a := sv.a
	acc := a.book.Account(e.Customer)
	if acc == nil {
		return
	}
	if e.Channel != dunning.ChanCall && e.Channel != dunning.ChanVisit {
		dialog.ShowConfirm(a.t("ui.agenda.done"), a.t("ui.agenda.confirm_sent", "action", a.t("dunning.stage."+e.Stage), "customer", e.Name),
			func(ok bool) {
				if !ok {
					return
				}
				eff, err := dunning.Record(e, acc, dunning.Outcome{Kind: dunning.OutcomeSent, Date: a.asOf, By: a.user()})
				if err != nil {
					a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
					return
				}
				sv.recordEffects(&eff, nil, a.t("ui.agenda.recorded"))
			}, a.win)
		return
	}
	outcomes := dunning.Outcomes
	labels := make([]string, len(outcomes))
	for i, o := range outcomes {
		labels[i] = a.t("dunning.outcome." + o)
	}
	outcome := widget.NewSelect(labels, nil)
	outcome.SetSelectedIndex(0)
	amount := widget.NewEntry()
	amount.SetText(strings.TrimSpace(e.Amount.Format(a.lang, ""))) // « 18 483,10 », read back by ParseAmount
	date := widget.NewEntry()
	date.SetText(a.date(a.asOf.AddDays(7)))
	count := widget.NewEntry()
	count.SetText("3")
	ack := widget.NewCheck(a.t("ui.agenda.ack"), nil)
	var reasonLabels []string
	for _, r := range dispute.Reasons() {
		reasonLabels = append(reasonLabels, a.t("dispute.reason."+string(r)))
	}
	reason := widget.NewSelect(reasonLabels, nil)
	reason.SetSelectedIndex(len(reasonLabels) - 1)
	why := widget.NewSelect(a.causeLabels(), nil) // ui/causes.go
	why.SetSelectedIndex(0)
	note := widget.NewMultiLineEntry()
	form := widget.NewForm(
		widget.NewFormItem(a.t("ui.agenda.outcome"), outcome),
		widget.NewFormItem(a.t("ui.agenda.amount"), amount),
		widget.NewFormItem(a.t("ui.agenda.date"), date),
		widget.NewFormItem(a.t("ui.agenda.instalments"), count),
		widget.NewFormItem("", ack),
		widget.NewFormItem(a.t("ui.agenda.reason"), reason),
		widget.NewFormItem(a.t("cause.ui.call"), why),
		widget.NewFormItem(a.t("ui.agenda.note"), note))
	// The form scrolls both ways: at a large zoom (presentation) its width must not
	// squeeze the call sheet beside it into a column of letters.
	content := container.NewHSplit(sv.callSheetView(e.Customer), container.NewScroll(form))
	content.Offset = 0.4
	d := dialog.NewCustomConfirm(a.t("ui.agenda.call_title", "customer", e.Name), a.t("ui.agenda.save"), a.t("ui.dialog.cancel"), content, func(ok bool) {
		if !ok {
			return
		}
		o := dunning.Outcome{Kind: outcomes[outcome.SelectedIndex()], Date: a.asOf, By: a.user(), Note: note.Text,
			Reason: dispute.Reasons()[reason.SelectedIndex()], Ack: ack.Checked, Acceleration: true,
			Cause: causeAt(why.SelectedIndex())}
		d, derr := parseDate(strings.TrimSpace(date.Text))
		c, cerr := payment.ParseAmount(amount.Text)
		switch o.Kind {
		case dunning.OutcomePromise:
			if derr != nil || cerr != nil {
				a.showError(a.t("ui.dialog.error"), a.t("ui.agenda.bad_promise"))
				return
			}
			o.Amount, o.PayBy = c, d
		case dunning.OutcomeCallback:
			if derr == nil {
				o.Callback = d
			}
		case dunning.OutcomePlan:
			n, err := strconv.Atoi(strings.TrimSpace(count.Text))
			if derr == nil && cerr == nil && err == nil && n > 0 {
				o.Instalments = dunning.SplitPlan(c, n, d)
			}
		}
		eff, err := dunning.Record(e, acc, o)
		if err != nil {
			a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
			return
		}
		sv.recordEffects(&eff, nil, a.t("ui.agenda.recorded"))
	}, a.win)
	d.Resize(fyne.NewSize(1260, 680))
	d.Show()
}

// askReschedule moves entry e to another date and assigns it.
func (sv *agendaView) askReschedule(e dunning.Entry) {
	a := sv.a
	date := widget.NewEntry()
	date.SetText(a.date(a.asOf.AddDays(1)))
	who := widget.NewEntry()
	who.SetText(e.Assignee)
	items := []*widget.FormItem{widget.NewFormItem(a.t("ui.agenda.date"), date), widget.NewFormItem(a.t("ui.agenda.assignee"), who)}
	dialog.ShowForm(a.t("ui.agenda.reschedule"), a.t("ui.agenda.save"), a.t("ui.dialog.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		to, err := parseDate(strings.TrimSpace(date.Text))
		if err != nil {
			a.showError(a.t("ui.dialog.error"), a.t("ui.agenda.bad_date", "value", date.Text))
			return
		}
		acts, err := dunning.Reschedule(e, to, strings.TrimSpace(who.Text), a.user(), a.asOf)
		if err != nil {
			a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
			return
		}
		sv.recordEffects(nil, acts, a.t("ui.agenda.rescheduled", "date", a.date(to)))
	}, a.win)
}

// askCallSheetPDF saves the customer's call sheet as PDF.
func (sv *agendaView) askCallSheetPDF(customer string) {
	a := sv.a
	acc := a.book.Account(customer)
	if acc == nil {
		return
	}
	a.askSave(fmt.Sprintf("%s-%s-%s.pdf", a.t("ui.agenda.sheet_file"), customer, a.asOf), "ui.agenda.sheet_done", func(path string) error {
		s, err := a.sess.CallSheet(acc.Customer.ID, a.asOf, sv.ag, sv.rec)
		if err != nil {
			return err
		}
		s.Lang = a.lang
		return letters.WriteFile(path, func(w io.Writer) error {
			return callsheet.Render(w, s, callsheet.Options{Factory: a.pdf()})
		})
	})
}
