package ui

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"relance/ledger"
	"relance/ledger/law"
)

// legalView is the Contentieux screen: the penalty calculator (its inputs and result
// kept across rebuilds), the limitation deadlines, the rate tables, the injonction
// pack, the insolvency procedures and the cost of late payment, over the App's session.
type legalView struct {
	a                          *App
	tab                        int
	customer, amount, due, end string
	rate                       string
	debtor                     law.Debtor
	basis                      int // days per year: 365 (0 too), 360 or law.BasisLeap
	result                     *law.Decompte
	err                        string
	more                       legalMore // injonction, procedures and cost calculators (legal_*.go)
}

// legalScreen is the Contentieux screen: the late-penalty calculator with its
// décompte (for any amount, or for a customer's overdue invoices), the limitation
// deadlines of the dossier, and the rate tables the computations use.
func (sv *legalView) legalScreen() fyne.CanvasObject {
	a := sv.a
	panes := []struct {
		key   string
		icon  fyne.Resource
		build func() fyne.CanvasObject
	}{
		{"ui.legal.tab_penalties", theme.ContentAddIcon(), sv.penaltyPane},
		{"ui.legal.tab_limitation", theme.HistoryIcon(), sv.limitationPane},
		{"ui.legal.tab_rates", theme.ListIcon(), sv.ratesPane},
		{"ui.legal2.tab_injonction", theme.DocumentIcon(), sv.injonctionPane},
		{"ui.legal2.tab_procedures", theme.WarningIcon(), sv.insolvencyPane},
		{"ui.legal2.tab_costs", theme.InfoIcon(), sv.costsPane},
		{"judgment.ui.tab", theme.DocumentIcon(), sv.judgmentPane}, // legal_judgment.go
		{"cheque.ui.tab", theme.WarningIcon(), sv.chequePane},      // legal_cheques.go
	}
	// Only the tab shown is built; the others when they are first selected (each reads
	// the dossier: the screen opens at once even on a large one).
	holders := make([]*fyne.Container, len(panes))
	tabs := container.NewAppTabs()
	for i, p := range panes {
		holders[i] = container.NewStack()
		tabs.Append(container.NewTabItemWithIcon(a.t(p.key), p.icon, holders[i]))
	}
	fill := func(i int) {
		if i >= 0 && i < len(panes) && len(holders[i].Objects) == 0 {
			holders[i].Objects = []fyne.CanvasObject{panes[i].build()}
			holders[i].Refresh()
		}
	}
	if sv.tab < 0 || sv.tab >= len(panes) {
		sv.tab = 0
	}
	fill(sv.tab)
	tabs.SelectIndex(sv.tab)
	tabs.OnSelected = func(*container.TabItem) {
		sv.tab = tabs.SelectedIndex()
		fill(sv.tab)
	}
	return tabs
}

// showPenalties opens the calculator on a customer's overdue invoices.
func (sv *legalView) showPenalties(customerID string) {
	a := sv.a
	sv.tab, sv.customer = 0, customerID
	sv.computePenalties()
	a.showScreen(screenLegal)
}

var debtorKeys = []string{"ui.legal.debtor_b2b", "ui.legal.debtor_b2c", "ui.legal.debtor_public", "ui.legal.debtor_uk"}

func (sv *legalView) penaltyPane() fyne.CanvasObject {
	a := sv.a
	s := sv
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
	customer := a.newCustomerPicker(s.customer, func(id string) { s.customer = id })
	customer.entry.SetPlaceHolder(a.t("ui.legal.customer_hint"))
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
	// 365 days (the default), 366 in leap years, or 360
	bases := []int{365, law.BasisLeap, 360}
	basis := widget.NewSelect([]string{a.t("ui.legal.basis365"), a.t("ui.legal.basis366"), a.t("ui.legal.basis360")}, func(string) {})
	basis.SetSelectedIndex(max(0, slices.Index(bases, s.basis)))
	basis.OnChanged = func(string) { s.basis = bases[basis.SelectedIndex()] }
	form := widget.NewForm(
		widget.NewFormItem(a.t("ui.legal.customer"), customer.object()),
		widget.NewFormItem(a.t("ui.legal.amount"), amount),
		widget.NewFormItem(a.t("ui.legal.due"), due),
		widget.NewFormItem(a.t("ui.legal.end"), end),
		widget.NewFormItem(a.t("ui.legal.debtor"), debtor),
		widget.NewFormItem(a.t("ui.legal.rate"), rate),
		widget.NewFormItem(a.t("ui.legal.basis"), basis),
	)
	help := caption(a.t("ui.legal.help"))
	compute := widget.NewButtonWithIcon(a.t("ui.legal.compute"), theme.ConfirmIcon(), func() {
		s.customer = customer.customerID()
		if s.customer == "" {
			s.customer = strings.TrimSpace(customer.entry.Text) // unknown: computePenalties says so
		}
		sv.computePenalties()
		a.showScreen(screenLegal)
	})
	compute.Importance = widget.HighImportance
	left := container.NewVBox(form, help, container.NewHBox(compute, sv.penaltyInvoiceButton(customer.customerID))) // legal_penaltyinvoice.go
	return container.NewBorder(nil, nil, withWidth(440, left), nil, sv.decompteView())
}

// computePenalties runs the penalty engine on the calculator's inputs.
func (sv *legalView) computePenalties() {
	a := sv.a
	s := sv
	s.result, s.err = nil, ""
	fail := func(key string, args ...string) { s.err = a.t(key, args...) }
	if strings.TrimSpace(s.end) == "" {
		s.end = a.date(a.asOf) // the as-of date, as the form shows it
	}
	end, err := parseDate(strings.TrimSpace(s.end))
	if err != nil {
		fail("ui.legal.bad_date", "value", s.end)
		return
	}
	terms := law.Terms{Debtor: s.debtor, End: end, Basis: 365}
	if s.basis != 0 {
		terms.Basis = s.basis
	}
	if r := strings.TrimSpace(strings.Replace(s.rate, ",", ".", 1)); r != "" {
		d, err := decimal.NewFromString(strings.TrimSuffix(strings.TrimSpace(r), "%"))
		if err != nil {
			fail("ui.legal.bad_rate", "value", s.rate)
			return
		}
		terms.ContractRate = decimal.NewNullDecimal(d)
	}
	if id := strings.TrimSpace(s.customer); id != "" {
		acc := a.book.Account(id)
		if acc == nil {
			fail("ui.legal.bad_customer", "value", id)
			return
		}
		s.debtor = law.DebtorOf(&acc.Customer)
		s.result, err = a.sess.Decompte(id, terms)
		if err != nil {
			s.err = ledger.Localize(err, a.lang)
		}
		return
	}
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
	rates, err := sv.lawRates()
	if err == nil {
		s.result, err = law.Compute(rates, terms, law.Invoice{Ref: "1", Amount: amt, Due: d})
	}
	if err != nil {
		s.err = ledger.Localize(err, a.lang)
	}
}

// decompteView shows the last computation: one line per invoice and period, totals
// and the rules applied.
func (sv *legalView) decompteView() fyne.CanvasObject {
	a := sv.a
	s := sv
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
	cols := []column{{"law.col.invoice", 110, false}, {"law.col.from", 90, true}, {"law.col.to", 90, true}, {"law.col.days", 56, true},
		{"law.col.rate", 72, true}, {"law.col.base", 104, true}, {"law.col.interest", 96, true}}
	t := a.dataTable(cols, func() int { return len(d.Lines) }, func(row, col int) (string, widget.Importance) {
		ln := &d.Lines[row]
		switch col {
		case 0:
			return ln.Invoice, normal
		case 1:
			return a.date(ln.From), normal
		case 2:
			return a.date(ln.To), normal
		case 3:
			return strconv.Itoa(ln.Days), normal
		case 4:
			return a.percent(ln.Rate.Rate.StringFixed(2)) + ln.Rate.EntryMark(), normal
		case 5:
			return ln.Base.Format(a.lang, cur), normal
		}
		return ln.Interest.Format(a.lang, cur), normal
	}, nil)
	a.fitColumns(t, cols)
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
		notes = append(notes, "• "+law.FormatNote(n, a.lang, d.Currency))
	}
	noteText := widget.NewLabel(strings.Join(notes, "\n"))
	noteText.Wrapping = fyne.TextWrapWord
	noteText.SizeName = theme.SizeNameCaptionText
	return container.NewBorder(nil, container.NewVBox(totals, noteText), nil, nil, t)
}

// limitationPane lists the dossier's open invoices by limitation urgency.
func (sv *legalView) limitationPane() fyne.CanvasObject {
	a := sv.a
	rows, err := a.sess.Deadlines(a.asOf)
	if err != nil {
		return widget.NewLabel(ledger.Localize(err, a.lang))
	}
	// what to act on first (deadline, days left, level), then why (rule, start, acts counted)
	cols := []column{{"law.col.customer", 200, false}, {"law.col.item", 120, false}, {"law.col.due", 100, false},
		{"law.col.open", 110, true}, {"law.col.deadline", 100, false}, {"law.col.daysleft", 90, true},
		{"law.col.level", 120, false}, {"law.col.rule", 140, false}, {"limitation.col.start", 100, false},
		{"limitation.col.interruptions", 260, false}}
	t := a.dataTable(cols, func() int { return len(rows) }, func(row, col int) (string, widget.Importance) {
		r := &rows[row]
		switch col {
		case 0:
			return r.Customer.Name, normal
		case 1:
			return r.Item.Number, normal
		case 2:
			return a.date(r.Item.DueDate), normal
		case 3:
			return a.money(r.Open), normal
		case 4, 5:
			if !r.State.Deadline.Valid() {
				return "—", normal // suspended by proceedings, or unknown
			}
			if col == 4 {
				return a.date(r.State.Deadline), normal
			}
			return a.count(r.State.DaysLeft), normal
		case 7:
			return r.State.Rule, normal
		case 8:
			return a.date(r.State.Start), normal
		case 9:
			return law.InterruptionsText(a.lang, r.State.Interruptions, a.asOf), normal
		}
		imp := normal
		switch r.State.Level {
		case law.LevelExpired, law.LevelWarn3:
			imp = widget.DangerImportance
		case law.LevelWarn6:
			imp = widget.WarningImportance
		}
		return a.t("law.level." + string(r.State.Level)), imp
	}, func(row int) { a.showCustomer(rows[row].Customer.ID) })
	a.fitColumns(t, cols)
	note := caption(a.t("interrupt.note"))
	return sv.withInterruptions(container.NewBorder(nil, note, nil, nil, t)) // legal_interruptions.go
}

// ratesPane shows, half-year by half-year, the rates the penalty engine uses.
func (sv *legalView) ratesPane() fyne.CanvasObject {
	a := sv.a
	rates, err := sv.lawRates()
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
		case 6:
			return sv.rateOrigin(rates, h)
		}
		return pct(rates.ContractFloor(h))
	}
	cols := []column{{"ui.legal.col.half", 100, false}, {"ui.legal.col.ecb", 170, true}, {"ui.legal.col.b2b", 170, true},
		{"ui.legal.col.legal_private", 190, true}, {"ui.legal.col.legal_other", 170, true}, {"ui.legal.col.floor", 170, true},
		{"rates.ui.col.origin", 420, false}}
	t := a.dataTable(cols, func() int { return len(halves) }, func(row, col int) (string, widget.Importance) {
		return cell(halves[row], col), normal
	}, nil)
	a.fitColumns(t, cols)
	from, to := rates.ECBRateCoverage()
	note := caption(a.t("ui.legal.rates_note", "from", a.date(from), "to", a.date(to)))
	add := widget.NewButtonWithIcon(a.t("ui.legal.add_half"), theme.ContentAddIcon(), func() { sv.askHalfYearRates(law.HalfOf(a.asOf)) })
	imp := widget.NewButtonWithIcon(a.t("rates.ui.import"), theme.FolderOpenIcon(), sv.chooseRatesFile)
	return container.NewBorder(container.NewHBox(add, imp), note, nil, nil, t)
}

// lawRates returns the rate tables the computations use: the embedded ones with the
// dossier's added half-years.
func (sv *legalView) lawRates() (*law.Rates, error) {
	a := sv.a
	if a.rates != nil {
		return a.rates, nil
	}
	return law.DefaultRates()
}

// askHalfYearRates asks for the published rates of half-year h and where they were
// published, and stores them in the dossier (one transaction), dated today: for the
// half-year after the embedded tables, once its rates are published (ECB rate of
// 1 January / 1 July, legal interest rates). The missing-rates banner opens it too.
func (sv *legalView) askHalfYearRates(h law.Half) { sv.askRates(rateForm{half: h.String()}) }

// askRates shows the Taux form filled with f; a refused entry brings it back with what
// was typed, under the message naming the field and the value.
func (sv *legalView) askRates(f rateForm) {
	a := sv.a
	half, ecb, private, other, uk, source := widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	half.SetText(f.half)
	for _, e := range []*widget.Entry{ecb, private, other, uk} {
		e.SetPlaceHolder(a.t("ui.legal.rate_example"))
	}
	ecb.SetText(f.ecb)
	private.SetText(f.private)
	other.SetText(f.other)
	uk.SetText(f.uk)
	source.SetText(f.source)
	source.SetPlaceHolder(a.t("rates.ui.source_hint"))
	items := []*widget.FormItem{
		widget.NewFormItem(a.t("ui.legal.col.half"), half), widget.NewFormItem(a.t("ui.legal.col.ecb"), ecb),
		widget.NewFormItem(a.t("ui.legal.col.legal_private"), private), widget.NewFormItem(a.t("ui.legal.col.legal_other"), other),
		widget.NewFormItem(a.t("ui.legal.uk_base"), uk), widget.NewFormItem(a.t("rates.ui.source"), source),
	}
	d := dialog.NewForm(a.t("ui.legal.add_half"), a.t("ui.set.save"), a.t("ui.dialog.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		typed := rateForm{half.Text, ecb.Text, private.Text, other.Text, uk.Text, source.Text}
		if err := sv.saveRates(typed); err != nil {
			sv.askRates(typed)
			a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
		}
	}, a.win)
	d.Resize(fyne.NewSize(600, 420))
	d.Show()
}

// rateForm is what the Taux form holds, as typed.
type rateForm struct{ half, ecb, private, other, uk, source string }

// saveHalfYearRates parses and stores a half-year of rates without a source; empty
// rates are left to the embedded tables.
func (sv *legalView) saveHalfYearRates(half, ecb, private, other, uk string) error {
	return sv.saveRates(rateForm{half, ecb, private, other, uk, ""})
}

// saveRates parses and stores the form's half-year of rates, entered today (the one
// parser, law.ParseHalfYearRates); empty rates are left to the embedded tables.
func (sv *legalView) saveRates(f rateForm) error {
	a := sv.a
	hr, err := law.ParseHalfYearRates(f.half, f.ecb, f.private, f.other, f.uk, f.source)
	if err != nil {
		return err
	}
	h := hr.Half
	if err := a.sess.AddHalfYearRates(hr, a.today, true); err != nil { // the form corrects a half-year too
		return err
	}
	a.trace("written", "what", "rates", "half", h.String())
	a.reloadThen(a.t("ui.legal.half_saved", "half", law.HalfText(a.lang, h)))
	return nil
}
