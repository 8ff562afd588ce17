package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/dispute"
)

// disputeDetail shows a dispute: its items, status history and notes, and the moves
// its status allows, each saved in one transaction.
func (sv *disputesView) disputeDetail(d *dispute.Dispute) fyne.CanvasObject {
	a := sv.a
	if err := a.withWholeAccount(d.Customer); err != nil { // the disputed invoice may be paid
		return widget.NewLabel(ledger.Localize(err, a.lang))
	}
	name := d.Customer
	if acc := a.book.Account(d.Customer); acc != nil {
		name = acc.Customer.Name
	}
	title := widget.NewLabel(a.t("ui.disp.title", "id", d.ID, "customer", name))
	title.TextStyle = fyne.TextStyle{Bold: true}
	title.Truncation = fyne.TextTruncateEllipsis
	closeBtn := widget.NewButtonWithIcon(a.t("ui.detail.close"), theme.CancelIcon(), func() {
		sv.selected = ""
		a.showScreen(screenDisputes)
	})
	closeBtn.Importance = widget.LowImportance
	open := widget.NewButton(a.t("ui.disp.open_customer"), func() { a.showCustomer(d.Customer) })
	ack := widget.NewButtonWithIcon(a.t("ui.disp.ack"), theme.DocumentPrintIcon(), func() {
		a.askSave(fmt.Sprintf("%s-%s.pdf", a.t("ui.disp.ack_file"), d.ID), "ui.disp.ack_done",
			func(path string) error { return a.writeAck(d, path) })
	})
	header := container.NewBorder(nil, nil, nil, container.NewHBox(ack, open, closeBtn), title)

	var items []string
	for _, it := range d.Items {
		num := it.ItemID
		if acc := a.book.Account(d.Customer); acc != nil {
			for _, x := range acc.Items {
				if x.ID == it.ItemID {
					num = x.Number
				}
			}
		}
		items = append(items, a.t("ui.disp.item", "number", num, "amount", a.money(it.Amount)))
	}
	var history []string
	for _, h := range d.History {
		line := a.date(h.Date) + " — " + a.t("dispute.status."+string(h.To))
		if h.By != "" {
			line += " (" + h.By + ")"
		}
		if h.Comment != "" {
			line += " : " + h.Comment
		}
		history = append(history, line)
	}
	if d.Resolution != nil {
		history = append(history, a.t("ui.disp.resolution", "kind", a.t("dispute.resolution."+string(d.Resolution.Kind)),
			"amount", a.money(d.Resolution.Amount)))
	}
	var notes []string
	for _, n := range d.Notes {
		notes = append(notes, a.date(n.Date)+" — "+n.By+" : "+n.Text)
	}
	left := container.NewVBox(
		a.section("ui.disp.items", strings.Join(items, "\n")),
		a.section("ui.disp.reason_owner", a.t("dispute.reason."+string(d.Reason))+" · "+sv.ownerName(d.Owner)+" · "+
			a.t("ui.disp.dueby", "date", a.date(d.DueBy))),
		a.section("ui.disp.history", strings.Join(history, "\n")),
		a.section("ui.disp.notes", strings.Join(notes, "\n")),
	)
	right := container.NewVBox(sv.disputeActions(d))
	if d.Status.Active() {
		right.Add(widget.NewSeparator())
		right.Add(sv.disputeReassign(d))
	}
	body := container.NewGridWithColumns(2, container.NewVScroll(left), container.NewVScroll(right))
	return container.NewBorder(container.NewVBox(widget.NewSeparator(), header), nil, nil, nil, body)
}

func (a *App) section(key, text string) fyne.CanvasObject {
	h := widget.NewLabel(a.t(key))
	h.TextStyle = fyne.TextStyle{Bold: true}
	if text == "" {
		text = "—"
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return container.NewVBox(h, l)
}

// disputeActions offers the moves the dispute's status allows and a note.
func (sv *disputesView) disputeActions(d *dispute.Dispute) fyne.CanvasObject {
	a := sv.a
	comment := widget.NewEntry()
	comment.SetPlaceHolder(a.t("ui.disp.comment"))
	note := widget.NewButtonWithIcon(a.t("ui.disp.add_note"), theme.DocumentCreateIcon(), func() {
		text := strings.TrimSpace(comment.Text)
		sv.updateDispute(d.ID, func(x *dispute.Dispute) error { return x.AddNote(a.asOf, a.user(), text) })
	})
	box := container.NewVBox(comment, container.NewHBox(note))
	next := dispute.Next(d.Status)
	if len(next) == 0 {
		return box
	}
	var labels []string
	for _, s := range next {
		labels = append(labels, a.t("dispute.status."+string(s)))
	}
	to := widget.NewSelect(labels, nil)
	to.SetSelectedIndex(0)
	kinds := []dispute.ResolutionKind{dispute.ResolvedCreditNote, dispute.ResolvedRejected, dispute.ResolvedPartial}
	var kindLabels []string
	for _, k := range kinds {
		kindLabels = append(kindLabels, a.t("dispute.resolution."+string(k)))
	}
	kind := widget.NewSelect(kindLabels, nil)
	kind.SetSelectedIndex(0)
	amount := widget.NewEntry()
	amount.SetPlaceHolder(a.t("ui.disp.partial_amount"))
	move := widget.NewButtonWithIcon(a.t("ui.disp.move"), theme.NavigateNextIcon(), func() {
		target := next[to.SelectedIndex()]
		var res *dispute.Resolution
		if target == dispute.StatusResolved {
			res = &dispute.Resolution{Kind: kinds[kind.SelectedIndex()], Date: a.asOf}
			if res.Kind == dispute.ResolvedPartial {
				v, err := parseAmount(amount.Text)
				if err != nil {
					a.showError(a.t("ui.dialog.error"), a.t("ui.legal.bad_amount", "value", amount.Text))
					return
				}
				res.Amount = v
			}
		}
		text := strings.TrimSpace(comment.Text)
		apply := func() {
			sv.updateDispute(d.ID, func(x *dispute.Dispute) error { return x.Move(target, a.asOf, a.user(), text, res) })
		}
		if !target.Final() {
			apply()
			return
		}
		// Closing is for good: name the dispute, the outcome and the amounts first.
		outcome := a.t("dispute.status." + string(target))
		credit := ledger.Cents(0)
		if res != nil {
			outcome = a.t("dispute.resolution." + string(res.Kind))
			credit = res.Amount
			if res.Kind == dispute.ResolvedCreditNote {
				credit = d.Total()
			}
		}
		sv.confirmDispute(a.t("ui.disp.confirm_close", "id", d.ID, "outcome", outcome,
			"amount", a.money(d.Total()), "credit", a.money(credit)), apply)
	})
	move.Importance = widget.HighImportance
	form := widget.NewForm(
		widget.NewFormItem(a.t("ui.disp.to"), to),
		widget.NewFormItem(a.t("ui.disp.resolution_kind"), kind),
		widget.NewFormItem(a.t("ui.disp.credit"), amount),
	)
	return container.NewVBox(box, widget.NewSeparator(), form, container.NewHBox(move))
}

// user is who the history records as the author of an action.
func (a *App) user() string {
	if s := a.book.Settings.Signatory.Name; s != "" {
		return s
	}
	return a.t("ui.disp.me")
}

// updateDispute applies change to dispute id in one transaction and reloads; a
// refused change is shown and nothing is written.
func (sv *disputesView) updateDispute(id string, change func(*dispute.Dispute) error) {
	a := sv.a
	if err := a.sess.ChangeDispute(id, change); err != nil {
		a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
		return
	}
	a.reloadThen(a.t("ui.disp.saved", "id", id))
}

// askOpenDispute opens a dispute on an item of a customer, for its open amount by
// default, owned by the customer's salesperson, to be answered within 15 days.
func (sv *disputesView) askOpenDispute(customerID string, it ledger.Item) {
	a := sv.a
	acc := a.book.Account(customerID)
	if acc == nil || it.Open <= 0 {
		return
	}
	var reasonLabels []string
	for _, r := range dispute.Reasons() {
		reasonLabels = append(reasonLabels, a.t("dispute.reason."+string(r)))
	}
	reason := widget.NewSelect(reasonLabels, nil)
	reason.SetSelectedIndex(0)
	amount := widget.NewEntry()
	amount.SetText(strings.ReplaceAll(it.Open.Format(a.lang, ""), "\u00a0", ""))
	comment := widget.NewMultiLineEntry()
	comment.SetPlaceHolder(a.t("ui.disp.comment"))
	owners, ownerSel := sv.ownerSelect(acc.Customer.Salesperson)
	due := a.newDateField(a.asOf.AddDays(15))
	items := []*widget.FormItem{
		widget.NewFormItem(a.t("ui.disp.col.reason"), reason),
		widget.NewFormItem(a.t("dispute.col.disputed"), amount),
		widget.NewFormItem(a.t("dispute.col.owner"), ownerSel),
		widget.NewFormItem(a.t("dispute.col.dueby"), due.box),
		widget.NewFormItem(a.t("ui.disp.comment_label"), comment),
	}
	dlg := dialog.NewForm(a.t("ui.disp.new_title", "number", it.Number), a.t("ui.disp.create"), a.t("ui.dialog.cancel"), items,
		func(ok bool) {
			if !ok {
				return
			}
			v, err := parseAmount(amount.Text)
			if err != nil || v <= 0 {
				a.showError(a.t("ui.dialog.error"), a.t("ui.legal.bad_amount", "value", amount.Text))
				return
			}
			dueBy, err := due.date()
			if err != nil || dueBy < a.asOf {
				a.showError(a.t("ui.dialog.error"), a.t("ui.legal.bad_date", "value", due.entry.Text))
				return
			}
			owner := owners[max(ownerSel.SelectedIndex(), 0)]
			d, err := a.sess.OpenDispute(desk.DisputeRequest{Customer: customerID,
				Items: []dispute.DisputedItem{{ItemID: it.ID, Amount: v}}, Reason: dispute.Reasons()[reason.SelectedIndex()],
				Date: a.asOf, By: a.user(), Owner: owner, DueBy: dueBy, Comment: strings.TrimSpace(comment.Text)})
			if err != nil {
				a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
				return
			}
			sv.selected = d.ID
			a.reloadThen(a.t("ui.disp.saved", "id", d.ID))
		}, a.win)
	dlg.Resize(fyne.NewSize(560, 460))
	dlg.Show()
}

// ownerSelect offers the dossier's salespeople and the internal team as a dispute's
// owner, current first selected; it returns the owners' IDs in the Select's order.
func (sv *disputesView) ownerSelect(current string) ([]string, *widget.Select) {
	a := sv.a
	var ids, labels []string
	for _, sp := range a.book.Salespeople {
		ids, labels = append(ids, sp.ID), append(labels, sp.Name)
	}
	ids, labels = append(ids, dispute.Internal), append(labels, a.t("ui.disp.internal"))
	sel := widget.NewSelect(labels, nil)
	if i := indexOf(ids, current); i > 0 || (len(ids) > 0 && ids[0] == current) {
		sel.SetSelectedIndex(i)
	} else {
		sel.SetSelectedIndex(len(ids) - 1)
	}
	return ids, sel
}

// disputeReassign changes who answers a dispute in progress and by when; the change
// is recorded in the dispute's notes.
func (sv *disputesView) disputeReassign(d *dispute.Dispute) fyne.CanvasObject {
	a := sv.a
	owners, owner := sv.ownerSelect(d.Owner)
	due := a.newDateField(d.DueBy)
	change := widget.NewButtonWithIcon(a.t("ui.disp.reassign"), theme.AccountIcon(), func() {
		dueBy, err := due.date()
		if err != nil {
			a.showError(a.t("ui.dialog.error"), a.t("ui.legal.bad_date", "value", due.entry.Text))
			return
		}
		to := owners[max(owner.SelectedIndex(), 0)]
		text := a.t("ui.disp.reassigned", "owner", sv.ownerName(to), "date", a.date(dueBy))
		a.trace("reassign", "id", d.ID, "owner", to, "due", dueBy.String())
		sv.updateDispute(d.ID, func(x *dispute.Dispute) error { return x.Reassign(to, dueBy, a.asOf, a.user(), text) })
	})
	form := widget.NewForm(widget.NewFormItem(a.t("dispute.col.owner"), owner),
		widget.NewFormItem(a.t("dispute.col.dueby"), due.box))
	return container.NewVBox(form, container.NewHBox(change))
}

// confirmDispute asks before an irreversible step (closing a dispute, deciding or
// lifting a block), naming what it does; yes runs on confirmation.
func (sv *disputesView) confirmDispute(msg string, yes func()) {
	a := sv.a
	l := widget.NewLabel(msg)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(a.t("ui.disp.confirm_title"), a.t("ui.disp.confirm_yes"), a.t("ui.dialog.cancel"), l, func(ok bool) {
		a.trace("confirm", "ok", ok)
		if ok {
			yes()
		}
	}, a.win)
	d.Resize(fyne.NewSize(480, 220))
	d.Show()
}
