package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/desk"
	"relance/ledger"
)

// editCustomerButton opens the customer's record for editing (none on a read-only
// dossier).
func (a *App) editCustomerButton(id string) fyne.CanvasObject {
	b := widget.NewButtonWithIcon(a.t("ui.cust.edit"), theme.DocumentCreateIcon(), func() { a.askEditCustomer(id) })
	b.Importance = widget.LowImportance
	if a.db == nil || a.db.ReadOnly() {
		b.Disable()
	}
	return b
}

// customerForm is the customer record's form: its entries and what they change.
type customerForm struct {
	items                                       []*widget.FormItem
	name, siren, vat, address, country, contact *widget.Entry
	email, phone, terms, limit, notes           *widget.Entry
	kind, lang, sales                           *widget.Select
	kinds                                       []ledger.CustomerKind
	langs, spIDs                                []string
}

// newCustomerForm fills the form with customer c's record.
func (a *App) newCustomerForm(c ledger.Customer) *customerForm {
	f := &customerForm{kinds: []ledger.CustomerKind{ledger.Business, ledger.Consumer, ledger.PublicBody}, langs: []string{"fr", "en"}}
	entry := func(v string) *widget.Entry { e := widget.NewEntry(); e.SetText(v); return e }
	var kindLabels []string
	for _, k := range f.kinds {
		kindLabels = append(kindLabels, a.t("ui.kind."+k.String()))
	}
	f.kind = widget.NewSelect(kindLabels, nil)
	f.kind.SetSelectedIndex(int(c.Kind))
	f.lang = widget.NewSelect([]string{a.t("ui.let.lang.fr"), a.t("ui.let.lang.en")}, nil)
	f.lang.SetSelectedIndex(0)
	if c.Language() == "en" {
		f.lang.SetSelectedIndex(1)
	}
	var ct ledger.Contact
	if len(c.Contacts) > 0 {
		ct = c.Contacts[0]
	}
	terms := ""
	if c.Terms != nil {
		terms = c.Terms.String()
	}
	limit := ""
	if c.CreditLimit > 0 {
		limit = c.CreditLimit.String()
		if a.lang == "fr" {
			limit = strings.Replace(limit, ".", ",", 1)
		}
	}
	f.spIDs = []string{""}
	spNames := []string{a.t("ui.cust.no_salesperson")}
	for _, sp := range a.book.Salespeople {
		f.spIDs = append(f.spIDs, sp.ID)
		spNames = append(spNames, sp.Name)
	}
	f.sales = widget.NewSelect(spNames, nil)
	f.sales.SetSelectedIndex(0)
	for i, sid := range f.spIDs {
		if sid == c.Salesperson {
			f.sales.SetSelectedIndex(i)
		}
	}
	f.name, f.siren, f.vat, f.address, f.country = entry(c.Name), entry(c.SIREN), entry(c.VATNumber), entry(c.Address.OneLine()), entry(c.Address.Country)
	f.contact, f.email, f.phone, f.terms, f.limit = entry(ct.Name), entry(ct.Email), entry(ct.Phone), entry(terms), entry(limit)
	f.notes = widget.NewMultiLineEntry()
	f.notes.SetText(c.Notes)
	f.address.SetPlaceHolder(a.t("ui.cust.address_hint"))
	f.terms.SetPlaceHolder(a.t("ui.cust.terms_hint", "terms", a.book.Settings.Terms.String()))
	f.items = []*widget.FormItem{
		widget.NewFormItem(a.t("ui.cust.f.name"), f.name),
		widget.NewFormItem(a.t("ui.detail.kind"), f.kind),
		widget.NewFormItem(a.t("ui.cust.f.lang"), f.lang),
		widget.NewFormItem(a.t("ui.cust.f.siren"), f.siren),
		widget.NewFormItem(a.t("ui.cust.f.vat"), f.vat),
		widget.NewFormItem(a.t("ui.detail.address"), f.address),
		widget.NewFormItem(a.t("ui.cust.f.country"), f.country),
		widget.NewFormItem(a.t("ui.cust.f.contact"), f.contact),
		widget.NewFormItem(a.t("ui.cust.f.email"), f.email),
		widget.NewFormItem(a.t("ui.cust.f.phone"), f.phone),
		widget.NewFormItem(a.t("ui.cust.f.terms"), f.terms),
		widget.NewFormItem(a.t("ui.cust.f.limit"), f.limit),
		widget.NewFormItem(a.t("ui.cust.f.salesperson"), f.sales),
		widget.NewFormItem(a.t("ui.cust.f.notes"), f.notes),
	}
	return f
}

// change is what the form says, every field.
func (f *customerForm) change() desk.CustomerChange {
	val := func(e *widget.Entry) *string { v := e.Text; return &v }
	k, l, sp := f.kinds[max(f.kind.SelectedIndex(), 0)].String(), f.langs[max(f.lang.SelectedIndex(), 0)], f.spIDs[max(f.sales.SelectedIndex(), 0)]
	return desk.CustomerChange{Name: val(f.name), Kind: &k, Lang: &l, SIREN: val(f.siren), VATNumber: val(f.vat),
		Address: val(f.address), Country: val(f.country), Contact: val(f.contact), Email: val(f.email), Phone: val(f.phone),
		Terms: val(f.terms), CreditLimit: val(f.limit), Salesperson: &sp, Notes: val(f.notes)}
}

// saveCustomerForm writes the form (desk.EditCustomer), then reloads the dossier.
func (a *App) saveCustomerForm(id string, f *customerForm) error {
	if _, err := a.sess.EditCustomer(id, f.change()); err != nil {
		return err
	}
	a.trace("written", "what", "customer", "id", id)
	a.reloadThen(a.t("ui.cust.saved", "id", id))
	return nil
}

// askEditCustomer shows the customer's record in a form; saving checks every field
// and writes them in one transaction (desk.EditCustomer), then reloads the dossier. A
// refused field is named in a dialog and nothing is written.
func (a *App) askEditCustomer(id string) {
	acc := a.book.Account(id)
	if acc == nil {
		return
	}
	f := a.newCustomerForm(acc.Customer)
	a.trace("dialog", "what", "edit_customer", "state", "shown")
	var show func()
	show = func() {
		d := dialog.NewForm(a.t("ui.cust.edit_title", "name", acc.Customer.Name), a.t("ui.set.save"), a.t("ui.dialog.cancel"), f.items, func(ok bool) {
			if !ok {
				return
			}
			if err := a.saveCustomerForm(id, f); err != nil {
				// The form comes back with what was typed, under the message.
				show()
				a.showError(a.t("ui.cust.edit"), ledger.Localize(err, a.lang))
			}
		}, a.win)
		d.Resize(fyne.NewSize(min(a.win.Canvas().Size().Width-40, 640), min(a.win.Canvas().Size().Height-40, 720)))
		d.Show()
	}
	show()
}
