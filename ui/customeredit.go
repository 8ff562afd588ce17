package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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

// customerForm is the customer record's form: its entries and what they change, in two
// columns (who the customer is; how to reach it and collect).
type customerForm struct {
	identity, collect                          []*widget.FormItem
	name, siren, vat, iban, address, country   *widget.Entry
	contact, role, email, phone, others, terms *widget.Entry
	limit, noReminder, notes                   *widget.Entry
	kind, lang, sales, status                  *widget.Select
	kinds                                      []ledger.CustomerKind
	langs, spIDs                               []string
	statuses                                   []ledger.CollectionStatus
	insolvent                                  bool
	// civility: Madame, Monsieur or unknown (civilities, the same order), for a
	// consumer; law: French (the default), English or another country's, whose code is
	// typed in lawCode.
	civility, law *widget.Select
	civilities    []string
	lawCode       *widget.Entry
}

// The choices of the governing law select, in order.
const (
	lawFrench = iota
	lawEnglish
	lawOther
)

// newCustomerForm fills the form with customer c's record.
func (a *App) newCustomerForm(c ledger.Customer) *customerForm {
	f := &customerForm{kinds: []ledger.CustomerKind{ledger.Business, ledger.Consumer, ledger.PublicBody}, langs: []string{"fr", "en"},
		statuses: []ledger.CollectionStatus{ledger.StatusNormal, ledger.StatusAgency, ledger.StatusLegal, ledger.StatusWrittenOff}}
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
	var others []string
	for i, x := range c.Contacts {
		if i == 0 {
			ct = x
		} else {
			others = append(others, x.Line())
		}
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
	var stLabels []string
	for _, st := range f.statuses {
		stLabels = append(stLabels, a.t("ui.cstatus."+string(st)))
	}
	f.status = widget.NewSelect(stLabels, nil)
	f.status.SetSelectedIndex(0)
	for i, st := range f.statuses {
		if st == c.Status {
			f.status.SetSelectedIndex(i)
		}
	}
	if c.Status == ledger.StatusInsolvency {
		// The procedure decides the status (Contentieux › Procédure collective).
		f.insolvent = true
		f.status.Options = []string{a.t("ui.cstatus.insolvency")}
		f.status.SetSelectedIndex(0)
		f.status.Disable()
	}
	siren := c.SIREN
	if c.SIRET != "" {
		siren = c.SIRET
	}
	f.civilities = []string{ledger.CivilityMadame, ledger.CivilityMonsieur, ""}
	f.civility = widget.NewSelect([]string{desk.CivilityText(a.lang, ledger.CivilityMadame),
		desk.CivilityText(a.lang, ledger.CivilityMonsieur), a.t("ui.cust.civility.unknown")}, nil)
	f.civility.SetSelectedIndex(2)
	for i, cv := range f.civilities {
		if cv == c.Civility {
			f.civility.SetSelectedIndex(i)
		}
	}
	consumerOnly := func(k int) { // a civility is a person's: only a consumer's is asked
		if k >= 0 && k < len(f.kinds) && f.kinds[k] == ledger.Consumer {
			f.civility.Enable()
		} else {
			f.civility.Disable()
		}
	}
	consumerOnly(int(c.Kind))
	f.kind.OnChanged = func(string) { consumerOnly(f.kind.SelectedIndex()) }
	f.lawCode = widget.NewEntry()
	f.lawCode.SetPlaceHolder(a.t("ui.cust.law_code_hint"))
	f.law = widget.NewSelect([]string{desk.LawText(a.lang, ""), desk.LawText(a.lang, "GB"), a.t("ui.cust.law.other")}, func(string) {
		if f.law.SelectedIndex() == lawOther {
			f.lawCode.Show()
		} else {
			f.lawCode.Hide()
		}
	})
	switch l := c.GoverningLaw(); l {
	case "FR":
		f.law.SetSelectedIndex(lawFrench)
	case "GB":
		f.law.SetSelectedIndex(lawEnglish)
	default:
		f.lawCode.SetText(l)
		f.law.SetSelectedIndex(lawOther)
	}
	noRem := ""
	if c.NoReminderUntil.Valid() {
		noRem = a.date(c.NoReminderUntil)
	}
	f.name, f.siren, f.vat, f.iban = entry(c.Name), entry(siren), entry(c.VATNumber), entry(c.IBAN)
	f.address, f.country = entry(c.Address.OneLine()), entry(c.Address.Country)
	f.contact, f.role, f.email, f.phone = entry(ct.Name), entry(ct.Role), entry(ct.Email), entry(ct.Phone)
	f.terms, f.limit, f.noReminder = entry(terms), entry(limit), entry(noRem)
	f.others = widget.NewMultiLineEntry()
	f.others.SetText(strings.Join(others, "\n"))
	f.others.SetMinRowsVisible(3)
	f.others.Wrapping = fyne.TextWrapWord // the hint whole in a narrow window
	f.others.SetPlaceHolder(a.t("ui.cust.others_hint"))
	f.notes = widget.NewMultiLineEntry()
	f.notes.SetText(c.Notes)
	f.notes.SetMinRowsVisible(3)
	f.notes.Wrapping = fyne.TextWrapWord
	f.address.SetPlaceHolder(a.t("ui.cust.address_hint"))
	f.terms.SetPlaceHolder(a.t("ui.cust.terms_hint", "terms", a.book.Settings.Terms.String()))
	f.noReminder.SetPlaceHolder(a.t("ui.cust.date_hint"))
	f.identity = []*widget.FormItem{
		widget.NewFormItem(a.t("ui.cust.f.name"), f.name),
		widget.NewFormItem(a.t("ui.detail.kind"), f.kind),
		{Text: a.t("ui.cust.f.civility"), Widget: f.civility, HintText: a.t("ui.cust.civility_hint")},
		widget.NewFormItem(a.t("ui.cust.f.lang"), f.lang),
		widget.NewFormItem(a.t("ui.cust.f.siren"), f.siren),
		widget.NewFormItem(a.t("ui.cust.f.vat"), f.vat),
		widget.NewFormItem(a.t("ui.cust.f.iban"), f.iban),
		widget.NewFormItem(a.t("ui.detail.address"), f.address),
		widget.NewFormItem(a.t("ui.cust.f.country"), f.country),
		{Text: a.t("ui.cust.f.law"), Widget: container.NewVBox(f.law, f.lawCode), HintText: a.t("ui.cust.law_hint")},
		widget.NewFormItem(a.t("ui.cust.f.notes"), f.notes),
	}
	f.collect = []*widget.FormItem{
		widget.NewFormItem(a.t("ui.cust.f.contact"), f.contact),
		widget.NewFormItem(a.t("ui.cust.f.role"), f.role),
		widget.NewFormItem(a.t("ui.cust.f.email"), f.email),
		widget.NewFormItem(a.t("ui.cust.f.phone"), f.phone),
		widget.NewFormItem(a.t("ui.cust.f.others"), f.others),
		widget.NewFormItem(a.t("ui.cust.f.terms"), f.terms),
		widget.NewFormItem(a.t("ui.cust.f.limit"), f.limit),
		widget.NewFormItem(a.t("ui.cust.f.salesperson"), f.sales),
		widget.NewFormItem(a.t("ui.cust.f.status"), f.status),
		widget.NewFormItem(a.t("ui.cust.f.no_reminder"), f.noReminder),
	}
	return f
}

// change is what the form says, every field. A line of the other contacts that is not
// "name ; role ; e-mail ; phone" is returned as a Problem.
func (f *customerForm) change() (desk.CustomerChange, error) {
	val := func(e *widget.Entry) *string { v := e.Text; return &v }
	k, l, sp := f.kinds[max(f.kind.SelectedIndex(), 0)].String(), f.langs[max(f.lang.SelectedIndex(), 0)], f.spIDs[max(f.sales.SelectedIndex(), 0)]
	ch := desk.CustomerChange{Name: val(f.name), Kind: &k, Lang: &l, SIREN: val(f.siren), VATNumber: val(f.vat), IBAN: val(f.iban),
		Address: val(f.address), Country: val(f.country), Terms: val(f.terms), CreditLimit: val(f.limit), Salesperson: &sp,
		NoReminderUntil: val(f.noReminder), Notes: val(f.notes)}
	if !f.insolvent {
		st := string(f.statuses[max(f.status.SelectedIndex(), 0)])
		ch.Status = &st
	}
	if !f.civility.Disabled() { // a business keeps what its record holds
		cv := f.civilities[max(f.civility.SelectedIndex(), 0)]
		ch.Civility = &cv
	}
	law := ""
	switch f.law.SelectedIndex() {
	case lawEnglish:
		law = "GB"
	case lawOther:
		// Checked by EditCustomer (two letters); empty is no choice, not French law.
		law = f.lawCode.Text
		if strings.TrimSpace(law) == "" {
			return ch, &ledger.Problem{Key: "cust.err.law_code"}
		}
	}
	ch.Law = &law
	contacts := []ledger.Contact{{Name: f.contact.Text, Role: f.role.Text, Email: f.email.Text, Phone: f.phone.Text}}
	for _, line := range strings.Split(f.others.Text, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		c, ok := ledger.ParseContactLine(line)
		if !ok {
			return ch, &ledger.Problem{Key: "cust.err.contact", Args: []string{"value", line}}
		}
		contacts = append(contacts, c)
	}
	ch.Contacts = &contacts
	return ch, nil
}

// content lays the form out in two columns, scrolled when the window is small.
func (f *customerForm) content() fyne.CanvasObject {
	return container.NewVScroll(container.NewGridWithColumns(2, widget.NewForm(f.identity...), widget.NewForm(f.collect...)))
}

// saveCustomerForm writes the form (desk.EditCustomer), then reloads the dossier.
func (a *App) saveCustomerForm(id string, f *customerForm) error {
	ch, err := f.change()
	if err != nil {
		return err
	}
	if _, err := a.sess.EditCustomer(id, ch, a.today, ""); err != nil {
		return err
	}
	a.trace("written", "what", "customer", "id", id)
	a.reloadThen(a.t("ui.cust.saved", "name", strings.TrimSpace(f.name.Text)))
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
		d := dialog.NewCustomConfirm(a.t("ui.cust.edit_title", "name", acc.Customer.Name), a.t("ui.set.save"), a.t("ui.dialog.cancel"), f.content(), func(ok bool) {
			if !ok {
				return
			}
			if err := a.saveCustomerForm(id, f); err != nil {
				// The form comes back with what was typed, under the message.
				show()
				a.showError(a.t("ui.cust.edit"), ledger.Localize(err, a.lang))
			}
		}, a.win)
		d.Resize(fyne.NewSize(min(a.win.Canvas().Size().Width-40, 1100), min(a.win.Canvas().Size().Height-40, 620)))
		d.Show()
	}
	show()
}
