package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
	"relance/ledger/dunning"
)

// agendaPromises lists the promises and the payment plans with their status at the
// as-of date, and creates a payment plan.
func (sv *agendaView) agendaPromises() fyne.CanvasObject {
	a := sv.a
	s := sv
	ps := s.rec.PromisesAt(a.asOf)
	pcols := []column{{"ui.agenda.col.id", 130, false}, {"ui.agenda.col.customer", 280, false}, {"ui.agenda.col.made", 100, true},
		{"ui.agenda.col.due", 100, true}, {"ui.agenda.col.amount", 120, true}, {"ui.agenda.col.status", 140, false}}
	ptable := a.rowsTable(pcols, func() int { return len(ps) }, func(r, c int) (string, widget.Importance) {
		p := &ps[r]
		switch c {
		case 0:
			return p.ID, widget.MediumImportance
		case 1:
			return p.Customer + " " + customerName(a.book, p.Customer), widget.MediumImportance
		case 2:
			return a.date(p.Made), widget.MediumImportance
		case 3:
			return a.date(p.Due), widget.MediumImportance
		case 4:
			return a.money(p.Amount), widget.MediumImportance
		}
		st := dunning.PromiseStateAt(*p, a.book.Account(p.Customer), a.asOf)
		imp := widget.MediumImportance
		if st == dunning.PromiseBroken {
			imp = widget.DangerImportance
		}
		return a.t("dunning.promise." + string(st)), imp
	}, sv.customerRows("promises", func(r int) string { return ps[r].Customer }))
	pl := s.rec.PlansAt(a.asOf)
	lcols := []column{{"ui.agenda.col.id", 160, false}, {"ui.agenda.col.customer", 220, false}, {"ui.agenda.col.made", 100, true},
		{"ui.agenda.col.amount", 110, true}, {"ui.agenda.col.paid", 110, true}, {"ui.agenda.col.status", 110, false}, {"ui.agenda.col.instalments", 440, false}}
	ltable := a.rowsTable(lcols, func() int { return len(pl) }, func(r, c int) (string, widget.Importance) {
		p := &pl[r]
		st := dunning.PlanStateAt(*p, a.book.Account(p.Customer), a.asOf)
		switch c {
		case 0:
			if p.Acknowledgement {
				return p.ID + " (2240)", widget.MediumImportance
			}
			return p.ID, widget.MediumImportance
		case 1:
			return p.Customer + " " + customerName(a.book, p.Customer), widget.MediumImportance
		case 2:
			return a.date(p.Agreed), widget.MediumImportance
		case 3:
			return a.money(p.Total), widget.MediumImportance
		case 4:
			return a.money(st.Paid), widget.MediumImportance
		case 6:
			var parts []string
			for _, in := range st.Instalments {
				parts = append(parts, a.date(in.Due)+" "+a.t("dunning.inst."+string(in.Status)))
			}
			return strings.Join(parts, ", "), widget.MediumImportance
		}
		imp := widget.MediumImportance
		if st.Status == dunning.PlanDefaulted {
			imp = widget.DangerImportance
		}
		return a.t("dunning.plan." + string(st.Status)), imp
	}, sv.customerRows("plans", func(r int) string { return pl[r].Customer }))
	newPlan := widget.NewButtonWithIcon(a.t("ui.agenda.new_plan"), theme.ContentAddIcon(), sv.askNewPlan)
	split := container.NewVSplit(ptable, container.NewBorder(container.NewHBox(newPlan), nil, nil, nil, ltable))
	return split
}

// customerRows are the row actions of a list of customers' records: a click selects
// the row (traced), a double click, Enter or the context menu opens the customer's card.
func (sv *agendaView) customerRows(list string, customer func(row int) string) rowActions {
	a := sv.a
	return rowActions{
		selected: func(r int) { a.trace("select", "list", list, "id", customer(r)) },
		open:     func(r int) { sv.openAgendaCustomer(customer(r)) },
		menu: func(r int) []*fyne.MenuItem {
			id := customer(r)
			return []*fyne.MenuItem{fyne.NewMenuItem(a.t("ui.agenda.open_customer"), func() { sv.openAgendaCustomer(id) })}
		},
	}
}

// customerName returns the name of customer id, or "".
func customerName(book *ledger.Book, id string) string {
	if acc := book.Account(id); acc != nil {
		return acc.Customer.Name
	}
	return ""
}

// askNewPlan agrees a payment plan: the customer's overdue balance in monthly
// instalments, with or without a signed acknowledgement of debt (C. civ. 2240).
func (sv *agendaView) askNewPlan() {
	a := sv.a
	cust := widget.NewEntry()
	count := widget.NewEntry()
	count.SetText("3")
	first := widget.NewEntry()
	first.SetText(a.asOf.AddDays(15).String())
	ack := widget.NewCheck(a.t("ui.agenda.ack"), nil)
	accel := widget.NewCheck(a.t("ui.agenda.accel"), nil)
	accel.SetChecked(true)
	items := []*widget.FormItem{widget.NewFormItem(a.t("ui.agenda.col.customer"), cust), widget.NewFormItem(a.t("ui.agenda.instalments"), count),
		widget.NewFormItem(a.t("ui.agenda.first"), first), widget.NewFormItem("", ack), widget.NewFormItem("", accel)}
	dialog.ShowForm(a.t("ui.agenda.new_plan"), a.t("ui.agenda.save"), a.t("ui.dialog.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		acc := a.book.Account(strings.TrimSpace(cust.Text))
		n, err := strconv.Atoi(strings.TrimSpace(count.Text))
		d, derr := parseDate(strings.TrimSpace(first.Text))
		if acc == nil || err != nil || n < 1 || derr != nil || acc.Overdue(a.asOf) <= 0 {
			a.showError(a.t("ui.dialog.error"), a.t("ui.agenda.bad_plan"))
			return
		}
		e := dunning.Entry{Customer: acc.Customer.ID, Name: acc.Customer.Name, Channel: dunning.ChanCall, Stage: "plan", Amount: acc.Overdue(a.asOf)}
		for _, it := range acc.Items {
			if it.OverdueAt(a.asOf) {
				e.Items = append(e.Items, it.ID)
			}
		}
		eff, rerr := dunning.Record(e, acc, dunning.Outcome{Kind: dunning.OutcomePlan, Date: a.asOf, By: a.user(),
			Instalments: dunning.SplitPlan(e.Amount, n, d), Ack: ack.Checked, Acceleration: accel.Checked})
		if rerr != nil {
			a.showError(a.t("ui.dialog.error"), ledger.Localize(rerr, a.lang))
			return
		}
		sv.recordEffects(&eff, nil, a.t("ui.agenda.recorded"))
	}, a.win)
}
