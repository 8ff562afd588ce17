package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/desk"
	"relance/ledger"
)

// customerDetail builds the panel of customer id: identity on the left, items on the
// right, overdue items marked.
func (a *App) customerDetail(id string, onClose func()) fyne.CanvasObject {
	acc := a.book.Account(id)
	c := &acc.Customer

	title := widget.NewLabel(c.Name + " — " + c.ID)
	title.TextStyle = fyne.TextStyle{Bold: true}
	title.SizeName = theme.SizeNameSubHeadingText
	title.Truncation = fyne.TextTruncateEllipsis
	closeBtn := widget.NewButtonWithIcon(a.t("ui.detail.close"), theme.CancelIcon(), onClose)
	closeBtn.Importance = widget.LowImportance
	balance := widget.NewLabel(a.t("ui.detail.position",
		"balance", a.money(acc.Balance()), "overdue", a.money(acc.Overdue(a.asOf))))
	stmt := widget.NewButtonWithIcon(a.t("ui.statement.button"), theme.DocumentPrintIcon(), func() { a.askStatement(id) })
	pen := widget.NewButtonWithIcon(a.t("ui.legal.button"), theme.ContentAddIcon(), func() { a.legal.showPenalties(id) })
	var more *widget.Button
	more = widget.NewButtonWithIcon(a.t("ui.detail.more"), theme.MoreVerticalIcon(), func() {
		a.whenChecked(func() { // its commands write or read beyond the card (ui/staged.go)
			pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(more)
			a.showContextMenu(a.customerActions(id), pos.Add(fyne.NewPos(0, more.Size().Height)))
		})
	})
	balance.Wrapping = fyne.TextWrapWord
	// Two rows, so that the panel narrows with the window: the name and Close, then the
	// position and the actions.
	header := container.NewVBox(
		container.NewBorder(nil, nil, nil, closeBtn, title),
		container.NewBorder(nil, nil, nil, container.NewHBox(a.payButton(id), stmt, pen, more), balance))

	identity := container.NewAppTabs(
		container.NewTabItem(a.t("ui.detail.tab_identity"), container.NewVScroll(container.NewVBox(a.editCustomerButton(id), a.identityForm(acc), a.privacyButtons(acc)))),
		container.NewTabItem(a.t("ui.profile.title"), container.NewVScroll(a.profileSection(acc))),
		container.NewTabItem(a.t("ui.cust.tab_disputes"), container.NewVScroll(a.disputesView.customerDisputes(id))),
		container.NewTabItem(a.t("uirisk.tab"), container.NewVScroll(a.risk.riskTab(id))),
		container.NewTabItem(a.t("ui.hist.tab"), container.NewVScroll(a.timeline(a.customerHistory(id)))),
		container.NewTabItem(a.t("ui.paylist.tab"), container.NewVScroll(a.paymentsTab(id))),
		container.NewTabItem(a.t("contract.ui.tab"), container.NewVScroll(a.contractTab(id))), // ui/contract.go
		container.NewTabItem(a.t("proof.ui.tab"), container.NewVScroll(a.proofTab(id))),       // ui/proof.go
	)
	a.addOverindebtTab(identity, acc) // a consumer's over-indebtedness file, ui/overindebt.go
	identity.SelectIndex(a.detailTab)
	identity.OnSelected = func(*container.TabItem) { a.detailTab = identity.SelectedIndex() }
	items := a.itemsTable(acc)
	split := container.NewHSplit(identity, items)
	split.Offset = a.splitOffset("customer", 0.4)
	a.clients.detailSplit = split
	body := split
	return container.NewBorder(container.NewVBox(widget.NewSeparator(), header), nil, nil, nil, body)
}

// identityForm lays out the customer's identity as label/value pairs.
func (a *App) identityForm(acc *ledger.Account) fyne.CanvasObject {
	c := &acc.Customer
	form := container.New(layout.NewFormLayout())
	add := func(key, value string) {
		k := widget.NewLabel(a.t(key))
		k.TextStyle = fyne.TextStyle{Bold: true}
		v := widget.NewLabel(value)
		v.Wrapping = fyne.TextWrapWord
		form.Add(k)
		form.Add(v)
	}
	add("ui.detail.kind", a.t("ui.kind."+c.Kind.String()))
	if c.Civility != "" {
		add("ui.cust.f.civility", desk.CivilityText(a.lang, c.Civility))
	}
	add("ui.cust.f.law", desk.LawText(a.lang, c.Law)) // it chooses the penalty regime and the court
	add("ui.detail.address", addressText(c.Address))
	for _, f := range []struct{ key, v string }{{"ui.detail.siren", c.SIREN}, {"ui.detail.siret", c.SIRET}, {"ui.cust.f.vat", c.VATNumber}, {"ui.detail.iban", c.IBAN}} {
		if f.v != "" {
			add(f.key, f.v)
		}
	}
	var contacts []string
	for _, ct := range c.Contacts {
		line := ct.Name
		if ct.Role != "" {
			line += " (" + ct.Role + ")"
		}
		for _, s := range []string{ct.Email, ct.Phone} {
			if s != "" {
				line += "\n" + s
			}
		}
		contacts = append(contacts, line)
	}
	add("ui.detail.contacts", orDash(strings.Join(contacts, "\n")))
	terms := a.termsText(a.book.TermsOf(c))
	if c.Terms == nil {
		terms = a.t("ui.detail.terms_default", "terms", terms)
	}
	add("ui.detail.terms", terms)
	limit := a.t("ui.detail.no_limit")
	if c.CreditLimit > 0 {
		limit = a.money(c.CreditLimit)
		if acc.Balance() > c.CreditLimit {
			limit = a.t("ui.detail.limit_over", "limit", limit)
		}
	}
	add("ui.detail.credit_limit", limit)
	sp := c.Salesperson
	if p := a.book.Salesperson(sp); p != nil {
		sp = p.Name
	}
	add("ui.detail.salesperson", orDash(sp))
	if c.Status != "" && c.Status != ledger.StatusNormal {
		add("ui.detail.status", a.t("ui.cstatus."+string(c.Status)))
	}
	if c.NoReminderUntil.Valid() {
		add("ui.detail.no_reminder", a.date(c.NoReminderUntil))
	}
	if c.Doubtful {
		add("ui.detail.doubtful", a.t("ui.detail.yes"))
	}
	return form
}

// termsText describes payment terms in words.
func (a *App) termsText(t ledger.Terms) string {
	days := strconv.Itoa(t.Days)
	switch t.EOM {
	case ledger.DaysThenEOM:
		return a.t("ui.terms.days_eom", "days", days)
	case ledger.EOMThenDays:
		return a.t("ui.terms.eom_days", "days", days)
	}
	return a.t("ui.terms.net", "days", days)
}

func addressText(ad ledger.Address) string {
	lines := append([]string{}, ad.Lines...)
	city := strings.TrimSpace(ad.Postcode + " " + ad.City)
	if city != "" {
		lines = append(lines, city)
	}
	if ad.Country != "" && ad.Country != "FR" {
		lines = append(lines, ad.Country)
	}
	return orDash(strings.Join(lines, "\n"))
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

// itemColumn describes one column of a customer's item table.
type itemColumn struct {
	key     string
	width   float32
	numeric bool
}

func itemColumns() []itemColumn {
	return []itemColumn{
		{"ui.item.number", 128, false},
		{"ui.item.kind", 90, false},
		{"ui.item.docdate", 98, false},
		{"ui.item.duedate", 98, false},
		{"ui.item.amount", 105, true},
		{"ui.item.open", 105, true},
		{"ui.item.dayslate", 85, true},
	}
}

// itemsTable lists the customer's items, newest first; overdue items are shown in
// the danger colour with their days late. A double click (or Enter, or the row's menu)
// on an open invoice opens a dispute on it.
func (a *App) itemsTable(acc *ledger.Account) fyne.CanvasObject {
	icols := itemColumns()
	items := make([]ledger.Item, len(acc.Items))
	for i := range acc.Items {
		items[len(items)-1-i] = acc.Items[i]
	}
	text := func(it *ledger.Item, col int) string {
		switch col {
		case 0:
			return it.Number
		case 1:
			return a.t("ui.itemkind." + it.Nature())
		case 2:
			return a.date(it.DocDate)
		case 3:
			return a.date(it.DueDate)
		case 4:
			return a.money(it.Amount)
		case 5:
			if it.Open != 0 {
				return a.money(it.Open)
			}
		case 6:
			if it.OverdueAt(a.asOf) {
				return strconv.Itoa(it.DaysLate(a.asOf))
			}
		}
		return ""
	}
	cols := make([]column, len(icols))
	for i, c := range icols {
		cols[i] = column{key: c.key, width: c.width, right: c.numeric}
	}
	for k := range items { // every value whole: the widest number, date and amount
		for i := range cols {
			cols[i].width = max(cols[i].width, textWidth(text(&items[k], i), false)+8)
		}
	}
	open := func(row int) {
		if row >= 0 && row < len(items) && items[row].Open > 0 {
			a.disputesView.askOpenDispute(acc.Customer.ID, items[row])
		}
	}
	return a.rowsTable(cols, func() int { return len(items) },
		func(row, col int) (string, widget.Importance) {
			it := &items[row]
			imp := normal
			if it.OverdueAt(a.asOf) {
				imp = widget.DangerImportance
			}
			return text(it, col), imp
		},
		rowActions{
			selected: func(row int) { a.trace("select", "list", "items", "id", items[row].Number) },
			open:     open,
			menu: func(row int) []*fyne.MenuItem {
				if items[row].Open <= 0 {
					return nil
				}
				return []*fyne.MenuItem{fyne.NewMenuItem(a.t("ui.item.open_dispute"), func() { open(row) }),
					a.proofMenuItem(acc.Customer.ID, items[row])} // ui/proof.go
			},
		})
}

// customerActions are the things to do with customer id, offered by the panel's "More"
// button and by a right click on the customer in the Clients list: a letter, the call
// sheet, the statement, the penalty calculation and the injonction de payer pack; a
// payment received is recorded here too.
func (a *App) customerActions(id string) []*fyne.MenuItem {
	pay := fyne.NewMenuItem(a.t("ui.pay.button"), func() { a.askPayment(id) })
	pay.Disabled = a.db == nil || a.db.ReadOnly()
	return []*fyne.MenuItem{
		fyne.NewMenuItem(a.t("ui.cust.open"), func() { a.showCustomer(id) }),
		fyne.NewMenuItem(a.t("ui.detail.letter"), func() { a.lettersView.writeLetter(id) }),
		fyne.NewMenuItem(a.t("ui.detail.callsheet"), func() { a.agenda.askCallSheetPDF(id) }),
		fyne.NewMenuItem(a.t("ui.statement.button"), func() { a.askStatement(id) }),
		fyne.NewMenuItem(a.t("ui.legal.button"), func() { a.legal.showPenalties(id) }),
		fyne.NewMenuItem(a.t("ui.detail.injonction"), func() { a.legal.showInjonction(id) }),
		fyne.NewMenuItem(a.t("cause.ui.menu"), func() { a.askCauses(id) }),       // ui/causes.go
		fyne.NewMenuItem(a.t("roleplay.ui.menu"), func() { a.showRolePlay(id) }), // ui/roleplay.go
		fyne.NewMenuItem(a.t("nego.menu"), func() { a.askNegotiation(id) }),      // ui/negotiation.go
		pay,
	}
}
