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
	"relance/ledger/payment"
)

// payButton is the customer card's « Enregistrer un règlement… » button, disabled on a
// read-only dossier.
func (a *App) payButton(id string) *widget.Button {
	b := widget.NewButtonWithIcon(a.t("ui.pay.button"), theme.ConfirmIcon(), a.afterChecked(func() { a.askPayment(id) }))
	if a.db == nil || a.db.ReadOnly() {
		b.Disable()
	}
	return b
}

// paymentForm is the form of a payment received from a customer: its date, amount,
// method and reference, and the checklist of the invoices it settles, pre-filled with
// the oldest due first until the person ticks or unticks one.
type paymentForm struct {
	a                 *App
	customer          string
	date, amount, ref *widget.Entry
	method            *widget.Select
	debits            []payment.Allocation // open at the date, oldest due first
	checks            []*widget.Check
	list              *fyne.Container
	preview           *widget.Label
	touched, filling  bool
}

func (a *App) newPaymentForm(id string) *paymentForm {
	f := &paymentForm{a: a, customer: id, date: widget.NewEntry(), amount: widget.NewEntry(), ref: widget.NewEntry(),
		list: container.NewVBox(), preview: widget.NewLabel("")}
	f.date.SetPlaceHolder(a.t("ui.legal.date_hint"))
	f.date.SetText(a.date(min(a.asOf, a.today)))
	f.amount.SetPlaceHolder("1 234,56")
	names := make([]string, len(payment.Methods))
	for i, m := range payment.Methods {
		names[i] = a.t("payment.method." + string(m))
	}
	f.method = widget.NewSelect(names, nil)
	f.method.SetSelectedIndex(0)
	f.preview.Wrapping = fyne.TextWrapWord
	f.date.OnChanged = func(string) { f.refresh() }
	f.amount.OnChanged = func(string) { f.refresh() }
	f.refresh()
	return f
}

// refresh lists the invoices open at the date typed, ticks the oldest due first for the
// amount typed (until the person chose), and says what the payment would settle.
func (f *paymentForm) refresh() {
	a := f.a
	checked := map[string]bool{}
	for i, c := range f.checks {
		checked[f.debits[i].Item] = c.Checked
	}
	d, err := payment.ParseDay(f.date.Text)
	if err != nil {
		d = ledger.NoDate
	}
	f.debits = a.sess.PayableItems(f.customer, d)
	if !f.touched {
		checked = map[string]bool{}
		if req, err := f.request(nil); err == nil {
			if p, err := a.sess.AllocatePayment(req, a.today, ""); err == nil {
				for _, al := range p.Allocations {
					checked[al.Item] = true
				}
			}
		}
	}
	acc := a.book.Account(f.customer)
	f.filling = true
	f.checks = f.checks[:0]
	f.list.RemoveAll()
	for _, db := range f.debits {
		due := ""
		for i := range acc.Items {
			if acc.Items[i].ID == db.Item {
				due = a.date(acc.Items[i].DueDate)
			}
		}
		c := widget.NewCheck(a.t("ui.pay.invoice", "number", db.Number, "due", due, "open", a.money(db.Amount)), func(bool) {
			if !f.filling {
				f.touched = true
				f.showPreview()
			}
		})
		c.SetChecked(checked[db.Item])
		f.checks = append(f.checks, c)
		f.list.Add(c)
	}
	if len(f.debits) == 0 {
		f.list.Add(widget.NewLabel(a.t("ui.pay.none")))
	}
	f.filling = false
	f.showPreview()
}

// wants returns the invoices ticked, oldest due first (nil: none, the oldest due first).
func (f *paymentForm) wants() []payment.Want {
	var out []payment.Want
	for i, c := range f.checks {
		if c.Checked {
			out = append(out, payment.Want{Item: f.debits[i].Item, Number: f.debits[i].Number})
		}
	}
	return out
}

// request reads the form (payment.ParseForm) with the invoices wants.
func (f *paymentForm) request(wants []payment.Want) (payment.Request, error) {
	m := payment.Methods[max(f.method.SelectedIndex(), 0)]
	req, err := payment.ParseForm(payment.Form{Customer: f.customer, Date: f.date.Text, Amount: f.amount.Text, Method: string(m), Ref: f.ref.Text})
	req.Wants = wants
	return req, err
}

// showPreview says what the payment would settle, or why it would be refused.
func (f *paymentForm) showPreview() {
	a := f.a
	if strings.TrimSpace(f.amount.Text) == "" {
		f.preview.SetText("")
		return
	}
	req, err := f.request(f.wants())
	if err != nil {
		f.preview.SetText(ledger.Localize(err, a.lang))
		return
	}
	p, err := a.sess.AllocatePayment(req, a.today, "")
	if err != nil {
		f.preview.SetText(ledger.Localize(err, a.lang))
		return
	}
	f.preview.SetText(a.t("ui.pay.preview", "allocated", a.money(p.Allocated()), "n", strconv.Itoa(len(p.Allocations)),
		"rest", a.money(p.Unallocated())))
}

// content lays the form out: the fields, the invoices (scrolled), what it would settle.
func (f *paymentForm) content() fyne.CanvasObject {
	a := f.a
	form := widget.NewForm(
		widget.NewFormItem(a.t("ui.pay.date"), f.date),
		widget.NewFormItem(a.t("ui.pay.amount"), f.amount),
		widget.NewFormItem(a.t("ui.pay.method"), f.method),
		widget.NewFormItem(a.t("ui.pay.ref"), f.ref),
	)
	head := widget.NewLabel(a.t("ui.pay.invoices"))
	head.TextStyle = fyne.TextStyle{Bold: true}
	return container.NewBorder(container.NewVBox(form, head), f.preview, nil, nil, container.NewVScroll(f.list))
}

// savePaymentForm records the payment (desk.RecordPayment), then reloads the customer's
// account.
func (a *App) savePaymentForm(f *paymentForm) (*payment.Payment, error) {
	req, err := f.request(f.wants())
	if err != nil {
		return nil, err
	}
	p, err := a.sess.RecordPayment(req, a.today, "")
	if err != nil {
		return nil, err
	}
	a.trace("written", "what", "payment", "id", p.ID, "customer", p.Customer)
	a.reloadCustomer(p.Customer, a.t("ui.pay.saved", "id", p.ID, "amount", a.money(p.Amount)))
	return p, nil
}

// reloadCustomer shows the dossier again after a write that changed customer id's
// account alone: the account is read again into a new session (desk.ReloadCustomer,
// milliseconds where a full reload takes a second on a large dossier); on failure the
// whole dossier is reloaded.
func (a *App) reloadCustomer(id, done string) {
	if a.sess == nil || a.busy {
		return
	}
	ns := *a.sess
	if err := ns.ReloadCustomer(id); err != nil {
		a.reloadThen(done)
		return
	}
	a.setSession(&ns)
	a.recompute()
	a.rebuild()
	a.setStatus(done)
	a.notifyLoaded(nil)
}

// askPayment shows the form of a payment received from customer id; saving records it
// in one transaction (desk.RecordPayment). A refusal is named in a dialog, the form
// comes back as typed, and nothing is written.
func (a *App) askPayment(id string) {
	acc := a.book.Account(id)
	if acc == nil || a.sess == nil {
		return
	}
	f := a.newPaymentForm(id)
	a.trace("dialog", "what", "payment", "state", "shown")
	var show func()
	show = func() {
		d := dialog.NewCustomConfirm(a.t("ui.pay.title", "name", acc.Customer.Name), a.t("ui.set.save"), a.t("ui.dialog.cancel"), f.content(), func(ok bool) {
			if !ok {
				return
			}
			if _, err := a.savePaymentForm(f); err != nil {
				show()
				a.showError(a.t("ui.pay.button"), ledger.Localize(err, a.lang))
			}
		}, a.win)
		d.Resize(fyne.NewSize(min(a.win.Canvas().Size().Width-40, 640), min(a.win.Canvas().Size().Height-40, 560)))
		d.Show()
	}
	show()
}
