package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"relance/ledger"
	"relance/ledger/law"
)

// legalState keeps the penalty calculator's inputs and result across rebuilds.
type legalState struct {
	tab                        int
	customer, amount, due, end string
	rate                       string
	debtor                     law.Debtor
	basis360                   bool
	result                     *law.Decompte
	err                        string
}

// legalScreen is the Contentieux screen: the late-penalty calculator with its
// décompte (for any amount, or for a customer's overdue invoices), the limitation
// deadlines of the dossier, and the rate tables the computations use.
func (a *App) legalScreen() fyne.CanvasObject {
	tabs := container.NewAppTabs(
		container.NewTabItemWithIcon(a.t("ui.legal.tab_penalties"), theme.ContentAddIcon(), a.penaltyPane()),
		container.NewTabItemWithIcon(a.t("ui.legal.tab_limitation"), theme.HistoryIcon(), a.limitationPane()),
		container.NewTabItemWithIcon(a.t("ui.legal.tab_rates"), theme.ListIcon(), a.ratesPane()),
	)
	tabs.SelectIndex(a.legal.tab)
	tabs.OnSelected = func(*container.TabItem) { a.legal.tab = tabs.SelectedIndex() }
	return tabs
}

// showPenalties opens the calculator on a customer's overdue invoices.
func (a *App) showPenalties(customerID string) {
	a.legal.tab, a.legal.customer = 0, customerID
	a.computePenalties()
	a.showScreen(screenLegal)
}

var debtorKeys = []string{"ui.legal.debtor_b2b", "ui.legal.debtor_b2c", "ui.legal.debtor_public", "ui.legal.debtor_uk"}

func (a *App) penaltyPane() fyne.CanvasObject {
	s := &a.legal
	entry := func(v *string, hint string) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(*v)
		e.SetPlaceHolder(hint)
		e.OnChanged = func(t string) { *v = t }
		return e
	}
	if s.end == "" {
		s.end = a.date(a.asOf)
	}
	customer := entry(&s.customer, a.t("ui.legal.customer_hint"))
	amount := entry(&s.amount, a.t("ui.legal.amount_hint"))
	due := entry(&s.due, a.t("ui.legal.date_hint"))
	end := entry(&s.end, a.t("ui.legal.date_hint"))
	rate := entry(&s.rate, a.t("ui.legal.rate_hint"))
	labels := make([]string, len(debtorKeys))
	for i, k := range debtorKeys {
		labels[i] = a.t(k)
	}
	debtor := widget.NewSelect(labels, func(string) {})
	debtor.SetSelectedIndex(int(s.debtor))
	debtor.OnChanged = func(string) { s.debtor = law.Debtor(debtor.SelectedIndex()) }
	basis := widget.NewCheck(a.t("ui.legal.basis360"), func(b bool) { s.basis360 = b })
	basis.SetChecked(s.basis360)
	form := widget.NewForm(
		widget.NewFormItem(a.t("ui.legal.customer"), customer),
		widget.NewFormItem(a.t("ui.legal.amount"), amount),
		widget.NewFormItem(a.t("ui.legal.due"), due),
		widget.NewFormItem(a.t("ui.legal.end"), end),
		widget.NewFormItem(a.t("ui.legal.debtor"), debtor),
		widget.NewFormItem(a.t("ui.legal.rate"), rate),
		widget.NewFormItem("", basis),
	)
	help := caption(a.t("ui.legal.help"))
	compute := widget.NewButtonWithIcon(a.t("ui.legal.compute"), theme.ConfirmIcon(), func() {
		a.computePenalties()
		a.showScreen(screenLegal)
	})
	compute.Importance = widget.HighImportance
	left := container.NewVBox(form, help, container.NewHBox(compute))
	return container.NewBorder(nil, nil, withWidth(370, left), nil, a.decompteView())
}

// computePenalties runs the penalty engine on the calculator's inputs.
func (a *App) computePenalties() {
	s := &a.legal
	s.result, s.err = nil, ""
	fail := func(key string, args ...string) { s.err = a.t(key, args...) }
	end, err := parseDate(strings.TrimSpace(s.end))
	if err != nil {
		fail("ui.legal.bad_date", "value", s.end)
		return
	}
	terms := law.Terms{Debtor: s.debtor, End: end, Basis: 365}
	if s.basis360 {
		terms.Basis = 360
	}
	if r := strings.TrimSpace(strings.Replace(s.rate, ",", ".", 1)); r != "" {
		d, err := decimal.NewFromString(strings.TrimSuffix(strings.TrimSpace(r), "%"))
		if err != nil {
			fail("ui.legal.bad_rate", "value", s.rate)
			return
		}
		terms.ContractRate = decimal.NewNullDecimal(d)
	}
	var invoices []law.Invoice
	if id := strings.TrimSpace(s.customer); id != "" {
		acc := a.book.Account(id)
		if acc == nil {
			fail("ui.legal.bad_customer", "value", id)
			return
		}
		terms.Debtor = law.DebtorFor(acc.Customer.Kind)
		if acc.Customer.Address.Country == "GB" {
			terms.Debtor = law.DebtorUK
		}
		s.debtor = terms.Debtor
		invoices = law.CustomerInvoices(acc, end)
		if len(invoices) == 0 {
			fail("ui.legal.nothing_overdue", "value", acc.Customer.Name)
			return
		}
	} else {
		amt, err := parseAmount(s.amount)
		if err != nil || amt <= 0 {
			fail("ui.legal.bad_amount", "value", s.amount)
			return
		}
		d, err := parseDate(strings.TrimSpace(s.due))
		if err != nil {
			fail("ui.legal.bad_date", "value", s.due)
			return
		}
		invoices = []law.Invoice{{Ref: "1", Amount: amt, Due: d}}
	}
	rates, err := law.DefaultRates()
	if err == nil {
		s.result, err = law.Compute(rates, terms, invoices...)
	}
	if err != nil {
		s.err = ledger.Localize(err, a.lang)
	}
}

// decompteView shows the last computation: one line per invoice and period, totals
// and the rules applied.
func (a *App) decompteView() fyne.CanvasObject {
	s := &a.legal
	if s.err != "" {
		l := widget.NewLabel(s.err)
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.DangerImportance
		return container.NewVBox(l)
	}
	d := s.result
	if d == nil {
		return container.NewCenter(widget.NewLabel(a.t("ui.legal.empty")))
	}
	cur := d.Currency
	if cur == "" {
		cur = a.currency()
	}
	head := []string{"law.col.invoice", "law.col.from", "law.col.to", "law.col.days", "law.col.rate", "law.col.base", "law.col.interest"}
	t := widget.NewTableWithHeaders(
		func() (int, int) { return len(d.Lines), len(head) },
		func() fyne.CanvasObject { l := widget.NewLabel(""); l.Truncation = fyne.TextTruncateEllipsis; return l },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			ln := &d.Lines[id.Row]
			l.Alignment = fyne.TextAlignTrailing
			var v string
			switch id.Col {
			case 0:
				v, l.Alignment = ln.Invoice, fyne.TextAlignLeading
			case 1:
				v = a.date(ln.From)
			case 2:
				v = a.date(ln.To)
			case 3:
				v = strconv.Itoa(ln.Days)
			case 4:
				v = a.percent(ln.Rate.Rate.StringFixed(2))
			case 5:
				v = ln.Base.Format(a.lang, cur)
			case 6:
				v = ln.Interest.Format(a.lang, cur)
			}
			l.SetText(v)
		})
	t.ShowHeaderColumn = false
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.TextStyle = fyne.TextStyle{Bold: true}
		l.Alignment = fyne.TextAlignTrailing
		if id.Col == 0 {
			l.Alignment = fyne.TextAlignLeading
		}
		if id.Col >= 0 && id.Col < len(head) {
			l.SetText(a.t(head[id.Col]))
		}
	}
	for i, w := range []float32{118, 90, 90, 48, 72, 104, 96} {
		t.SetColumnWidth(i, w)
	}
	tot := d.Totals
	totals := widget.NewForm()
	for _, kv := range []struct {
		key string
		v   ledger.Cents
	}{{"law.total.principal", tot.Principal}, {"law.total.interest", tot.Interest},
		{"law.total.indemnity", tot.Indemnity}, {"law.total.due", tot.TotalDue}} {
		v := widget.NewLabel(kv.v.Format(a.lang, cur))
		v.TextStyle = fyne.TextStyle{Bold: kv.key == "law.total.due"}
		totals.Append(a.t(kv.key), v)
	}
	var notes []string
	for _, n := range d.Notes {
		notes = append(notes, "• "+n.Text(a.lang))
	}
	noteText := widget.NewLabel(strings.Join(notes, "\n"))
	noteText.Wrapping = fyne.TextWrapWord
	noteText.SizeName = theme.SizeNameCaptionText
	return container.NewBorder(nil, container.NewVBox(totals, noteText), nil, nil, t)
}

// limitationPane lists the dossier's open invoices by limitation urgency.
func (a *App) limitationPane() fyne.CanvasObject {
	rows := law.BookDeadlines(a.book, a.asOf)
	head := []string{"law.col.customer", "law.col.item", "law.col.due", "law.col.open", "law.col.deadline", "law.col.daysleft", "law.col.level"}
	t := widget.NewTableWithHeaders(
		func() (int, int) { return len(rows), len(head) },
		func() fyne.CanvasObject { l := widget.NewLabel(""); l.Truncation = fyne.TextTruncateEllipsis; return l },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			r := &rows[id.Row]
			l.Alignment = fyne.TextAlignLeading
			l.Importance = widget.MediumImportance
			var v string
			switch id.Col {
			case 0:
				v = r.Customer.Name
			case 1:
				v = r.Item.Number
			case 2:
				v = a.date(r.Item.DueDate)
			case 3:
				v, l.Alignment = a.money(r.Item.Open), fyne.TextAlignTrailing
			case 4:
				v = a.date(r.State.Deadline)
			case 5:
				v, l.Alignment = a.count(r.State.DaysLeft), fyne.TextAlignTrailing
			case 6:
				v = a.t("law.level." + string(r.State.Level))
				switch r.State.Level {
				case law.LevelExpired, law.LevelWarn3:
					l.Importance = widget.DangerImportance
				case law.LevelWarn6:
					l.Importance = widget.WarningImportance
				}
			}
			l.SetText(v)
		})
	t.ShowHeaderColumn = false
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.TextStyle = fyne.TextStyle{Bold: true}
		if id.Col >= 0 && id.Col < len(head) {
			l.SetText(a.t(head[id.Col]))
		}
	}
	for i, w := range []float32{250, 130, 110, 130, 110, 120, 140} {
		t.SetColumnWidth(i, w)
	}
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(rows) {
			a.showCustomer(rows[id.Row].Customer.ID)
		}
	}
	note := caption(a.t("law.cli.no_interruptions"))
	return container.NewBorder(nil, note, nil, nil, t)
}

// ratesPane shows, half-year by half-year, the rates the penalty engine uses.
func (a *App) ratesPane() fyne.CanvasObject {
	rates, err := law.DefaultRates()
	if err != nil {
		return widget.NewLabel(ledger.Localize(err, a.lang))
	}
	var halves []law.Half
	for h := (law.Half{Year: 2015, H: 1}); !law.HalfOf(a.asOf).Before(h); h = h.Next() {
		halves = append([]law.Half{h}, halves...)
	}
	cell := func(h law.Half, col int) string {
		pct := func(d decimal.Decimal, err error) string {
			if err != nil {
				return "—"
			}
			return a.percent(d.StringFixed(2))
		}
		switch col {
		case 0:
			return h.String()
		case 1:
			r, err := rates.B2BDefaultRate(h)
			return pct(r.Ref, err)
		case 2:
			r, err := rates.B2BDefaultRate(h)
			return pct(r.Rate, err)
		case 3:
			return pct(rates.LegalRate(h, law.PrivateCreditor))
		case 4:
			return pct(rates.LegalRate(h, law.OtherCases))
		}
		return pct(rates.ContractFloor(h))
	}
	head := []string{"ui.legal.col.half", "ui.legal.col.ecb", "ui.legal.col.b2b", "ui.legal.col.legal_private",
		"ui.legal.col.legal_other", "ui.legal.col.floor"}
	t := widget.NewTableWithHeaders(
		func() (int, int) { return len(halves), len(head) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.Alignment = fyne.TextAlignTrailing
			if id.Col == 0 {
				l.Alignment = fyne.TextAlignLeading
			}
			l.SetText(cell(halves[id.Row], id.Col))
		})
	t.ShowHeaderColumn = false
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.TextStyle = fyne.TextStyle{Bold: true}
		l.Truncation = fyne.TextTruncateEllipsis
		if id.Col >= 0 && id.Col < len(head) {
			l.SetText(a.t(head[id.Col]))
		}
	}
	for i, w := range []float32{100, 170, 170, 190, 170, 170} {
		t.SetColumnWidth(i, w)
	}
	from, to := rates.ECBRateCoverage()
	note := caption(a.t("ui.legal.rates_note", "from", a.date(from), "to", a.date(to)))
	return container.NewBorder(nil, note, nil, nil, t)
}
