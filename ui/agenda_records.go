package ui

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
	"relance/ledger/dunning"
	"relance/ledger/store"
	"relance/letters/archive"
	"relance/letters/compose"
	"relance/letters/letterpdf"
	"relance/letters/templates"
)

// agendaPromises lists the promises and the payment plans with their status at the
// as-of date, and creates a payment plan.
func (a *App) agendaPromises() fyne.CanvasObject {
	s := &a.agenda
	ps := s.rec.Promises
	pcols := []column{{"ui.agenda.col.id", 130, false}, {"ui.agenda.col.customer", 280, false}, {"ui.agenda.col.made", 100, true},
		{"ui.agenda.col.due", 100, true}, {"ui.agenda.col.amount", 120, true}, {"ui.agenda.col.status", 140, false}}
	ptable := a.dataTable(pcols, func() int { return len(ps) }, func(r, c int) (string, widget.Importance) {
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
	}, nil)
	pl := s.rec.Plans
	lcols := []column{{"ui.agenda.col.id", 160, false}, {"ui.agenda.col.customer", 220, false}, {"ui.agenda.col.made", 100, true},
		{"ui.agenda.col.amount", 110, true}, {"ui.agenda.col.paid", 110, true}, {"ui.agenda.col.status", 110, false}, {"ui.agenda.col.instalments", 240, false}}
	ltable := a.dataTable(lcols, func() int { return len(pl) }, func(r, c int) (string, widget.Importance) {
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
	}, nil)
	newPlan := widget.NewButtonWithIcon(a.t("ui.agenda.new_plan"), theme.ContentAddIcon(), a.askNewPlan)
	split := container.NewVSplit(ptable, container.NewBorder(container.NewHBox(newPlan), nil, nil, nil, ltable))
	return split
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
func (a *App) askNewPlan() {
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
		a.recordEffects(&eff, nil, a.t("ui.agenda.recorded"))
	}, a.win)
}

// askIssueLetters issues today's reminder letters through the letters packages: each
// one composed, rendered, frozen in the archive and recorded as sent, all in one
// transaction; letters that cannot be composed are reported and left on the agenda.
func (a *App) askIssueLetters() {
	todo := a.agenda.ag.Writings([]dunning.Channel{dunning.ChanLetter}, false)
	dialog.ShowConfirm(a.t("ui.agenda.batch", "n", fmt.Sprint(len(todo))), a.t("ui.agenda.batch_confirm", "n", fmt.Sprint(len(todo))), func(ok bool) {
		if !ok {
			return
		}
		issued, failed := 0, []string{}
		now := time.Now()
		// The state before a batch can be restored (File > Restore).
		if err := a.db.RotateBackup(a.db.BackupsKept(backupsKept)); err != nil {
			a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
			return
		}
		err := a.db.Update(func(tx *store.Tx) error {
			for _, e := range todo {
				acc := a.book.Account(e.Customer)
				st, err := templates.ParseStage(e.Template)
				if err != nil || acc == nil {
					failed = append(failed, e.Customer)
					continue
				}
				in := compose.Input{Settings: a.book.Settings, Account: acc, Stage: st, Date: a.asOf, ItemIDs: e.Items, Rates: a.rates}
				if st == templates.Conf {
					in.Promise = compose.PromiseOf(&a.agenda.rec, e.Customer)
				}
				l, err := compose.Compose(in)
				if err != nil {
					failed = append(failed, e.Customer+" : "+ledger.Localize(err, a.lang))
					continue
				}
				var buf bytes.Buffer
				if err := letterpdf.Render(&buf, l, letterpdf.Options{Factory: a.pdf(), Created: now, Enclose: letterpdf.EncloseStatement(a.book)}); err != nil {
					return err
				}
				rec, err := archive.Issue(tx, archive.Input{Letter: l, PDF: buf.Bytes(), By: a.user(), At: now})
				if err != nil {
					return err
				}
				eff, err := dunning.Record(e, acc, dunning.Outcome{Kind: dunning.OutcomeSent, Date: a.asOf, By: a.user(), Letter: rec.ID})
				if err != nil {
					return err
				}
				if err := tx.ApplyOutcome(&eff); err != nil {
					return err
				}
				issued++
			}
			return nil
		})
		if err != nil {
			a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
			return
		}
		if len(failed) > 0 {
			a.showError(a.t("ui.agenda.batch_failed"), strings.Join(failed, "\n"))
		}
		a.invalidateAgenda()
		a.reloadThen(a.t("ui.agenda.batch_done", "n", fmt.Sprint(issued)))
	}, a.win)
}
