package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
	"relance/ledger/payment"
)

// paymentsTab is the customer card's « Règlements » tab: the payments recorded in
// Relance for the customer (by hand or from a bank statement) since the ledger last
// brought them, each with what it settled and where it stands, and for each one still
// applied the two ways it can stop holding: « Impayé… » (the bank took it back:
// desk.ReturnPayment) and « Annuler… » (entered by mistake: desk.ReversePayment).
func (a *App) paymentsTab(id string) fyne.CanvasObject {
	box := container.NewVBox()
	pays, err := a.sess.Payments(id)
	if err != nil {
		box.Add(widget.NewLabel(ledger.Localize(err, a.lang)))
		return box
	}
	intro := widget.NewLabel(a.t("ui.paylist.intro"))
	intro.Wrapping = fyne.TextWrapWord
	box.Add(intro)
	if len(pays) == 0 {
		box.Add(widget.NewLabel(a.t("ui.paylist.none")))
		return box
	}
	returned := payment.ReturnedBy(pays) // payment ID → the return taking it back
	writable := a.db != nil && !a.db.ReadOnly()
	for i := len(pays) - 1; i >= 0; i-- { // the latest first
		p := pays[i]
		box.Add(widget.NewSeparator())
		box.Add(a.paymentRow(&p, returned[p.ID], writable))
	}
	return box
}

// paymentRow is one payment of the tab: what, when, how much, what it settled, where
// it stands, and its buttons.
func (a *App) paymentRow(p *payment.Payment, returnedBy string, writable bool) fyne.CanvasObject {
	method := a.t("payment.method." + string(p.Method))
	head := a.t("ui.paylist.head", "date", a.date(p.Date), "amount", a.money(p.Amount), "method", method, "id", p.ID)
	if p.IsReturn() {
		head = a.t("ui.paylist.head_return", "date", a.date(p.Date), "amount", a.money(p.Amount), "method", method, "id", p.ID)
	}
	title := widget.NewLabel(head)
	title.TextStyle = fyne.TextStyle{Bold: true}
	title.Wrapping = fyne.TextWrapWord
	var nums []string
	for _, al := range p.Allocations {
		nums = append(nums, al.Number)
	}
	var lines []string
	if p.Ref != "" {
		lines = append(lines, a.t("ui.paylist.ref", "ref", p.Ref))
	}
	switch {
	case p.IsReturn() && len(nums) > 0:
		lines = append(lines, a.t("ui.paylist.reopened", "invoices", strings.Join(nums, ", ")))
	case len(nums) > 0:
		lines = append(lines, a.t("ui.paylist.settled", "invoices", strings.Join(nums, ", ")))
	}
	if r := p.Unallocated(); r > 0 && !p.IsReturn() {
		lines = append(lines, a.t("ui.paylist.unallocated", "amount", a.money(r)))
	}
	if strings.HasPrefix(p.Source, "bank:") {
		lines = append(lines, a.t("ui.paylist.from_bank"))
	}
	var state string
	switch {
	case p.Reversed != nil:
		state = a.t("ui.paylist.reversed", "date", a.date(p.Reversed.Date), "reason", orDash(p.Reversed.Reason))
	case p.SupersededBy != "":
		state = a.t("ui.paylist.superseded", "date", a.date(p.Superseded))
	case returnedBy != "":
		state = a.t("ui.paylist.returned_by", "id", returnedBy)
	default:
		state = a.t("ui.paylist.active")
	}
	lines = append(lines, state)
	body := widget.NewLabel(strings.Join(lines, "\n"))
	body.Wrapping = fyne.TextWrapWord
	row := container.NewVBox(title, body)
	if !p.Active() || !writable {
		return row
	}
	id := p.ID
	var buttons []fyne.CanvasObject
	if !p.IsReturn() && returnedBy == "" {
		ret := widget.NewButtonWithIcon(a.t("ui.paylist.return"), theme.WarningIcon(), func() { a.askReturnPayment(p) })
		buttons = append(buttons, ret)
	}
	if returnedBy == "" {
		rev := widget.NewButtonWithIcon(a.t("ui.paylist.reverse"), theme.ContentUndoIcon(), func() { a.askReversePayment(p) })
		rev.Importance = widget.LowImportance
		buttons = append(buttons, rev)
	}
	a.trace("shown", "what", "payment_row", "id", id)
	return container.NewVBox(row, container.NewHBox(buttons...))
}

// askReturnPayment asks the day the bank took payment p back, then records it
// (desk.ReturnPayment).
func (a *App) askReturnPayment(p *payment.Payment) {
	date := widget.NewEntry()
	date.SetText(a.date(a.today))
	date.SetPlaceHolder(a.t("ui.legal.date_hint"))
	msg := widget.NewLabel(a.t("ui.paylist.return_explain", "amount", a.money(p.Amount), "date", a.date(p.Date)))
	msg.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{widget.NewFormItem("", msg), widget.NewFormItem(a.t("ui.paylist.return_date"), date)}
	d := dialog.NewForm(a.t("ui.paylist.return_title", "id", p.ID), a.t("ui.set.save"), a.t("ui.dialog.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		day, err := payment.ParseDay(date.Text)
		if err != nil {
			a.showError(a.t("ui.paylist.return"), a.t("ui.paylist.bad_date", "value", date.Text))
			return
		}
		r, err := a.sess.ReturnPayment(p.ID, day, a.today, "")
		if err != nil {
			a.showError(a.t("ui.paylist.return"), ledger.Localize(err, a.lang))
			return
		}
		a.trace("written", "what", "payment_return", "id", r.ID, "customer", r.Customer)
		a.reloadCustomer(r.Customer, a.t("ui.paylist.returned", "id", p.ID, "amount", a.money(r.Amount)))
	}, a.win)
	d.Resize(fyne.NewSize(min(a.win.Canvas().Size().Width-40, 560), 300))
	d.Show()
}

// askReversePayment asks the day and the reason of the reversal of payment p (entered
// by mistake), then records it (desk.ReversePayment).
func (a *App) askReversePayment(p *payment.Payment) {
	date := widget.NewEntry()
	date.SetText(a.date(a.today))
	date.SetPlaceHolder(a.t("ui.legal.date_hint"))
	reason := widget.NewEntry()
	reason.SetPlaceHolder(a.t("ui.paylist.reason_hint"))
	items := []*widget.FormItem{
		widget.NewFormItem(a.t("ui.paylist.reverse_date"), date),
		widget.NewFormItem(a.t("ui.paylist.reason"), reason),
	}
	d := dialog.NewForm(a.t("ui.paylist.reverse_title", "id", p.ID), a.t("ui.set.save"), a.t("ui.dialog.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		day, err := payment.ParseDay(date.Text)
		if err != nil {
			a.showError(a.t("ui.paylist.reverse"), a.t("ui.paylist.bad_date", "value", date.Text))
			return
		}
		r, err := a.sess.ReversePayment(p.ID, day, strings.TrimSpace(reason.Text), a.today, "")
		if err != nil {
			a.showError(a.t("ui.paylist.reverse"), ledger.Localize(err, a.lang))
			return
		}
		a.trace("written", "what", "payment_reversal", "id", r.ID, "customer", r.Customer)
		a.reloadCustomer(r.Customer, a.t("ui.paylist.reversed_done", "id", r.ID))
	}, a.win)
	d.Resize(fyne.NewSize(min(a.win.Canvas().Size().Width-40, 520), 280))
	d.Show()
}
