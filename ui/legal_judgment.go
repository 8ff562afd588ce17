package ui

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/law"
	"relance/letters"
)

// judgmentState keeps the « Après jugement » tab's state across rebuilds: the decision
// selected, the date of the décompte as typed, and the décompte shown.
type judgmentState struct {
	selected string // ID of the selected decision
	at       string // the décompte's date as typed; "" the as-of date
	result   *law.JudgmentDecompte
	err      string
}

// judgmentPane is the « Après jugement » tab: the decisions recorded (enforcement
// deadline, what remains due), a new one recorded through a form, a payment received
// on the selected one, its post-judgment décompte at a date (CMF L313-3 majoration,
// C. civ. 1343-2 capitalisation, payments imputed) and the PDF for the commissaire de
// justice.
func (sv *legalView) judgmentPane() fyne.CanvasObject {
	a := sv.a
	s := &sv.more.judg
	rows, err := a.sess.Judgments(a.asOf, a.lang)
	if err != nil {
		return widget.NewLabel(ledger.Localize(err, a.lang))
	}
	index := -1
	for i, r := range rows {
		if r.ID == s.selected {
			index = i
		}
	}
	if index < 0 {
		s.selected, s.result, s.err = "", nil, ""
	}
	at := widget.NewEntry()
	if s.at == "" {
		s.at = a.date(a.asOf)
	}
	at.SetText(s.at)
	at.SetPlaceHolder(a.t("ui.legal.date_hint"))
	at.OnChanged = func(t string) { s.at = t }
	add := widget.NewButtonWithIcon(a.t("judgment.ui.record"), theme.ContentAddIcon(), func() { sv.askJudgment(judgmentForm{}) })
	add.Importance = widget.HighImportance
	pay := widget.NewButtonWithIcon(a.t("judgment.ui.pay"), theme.ContentAddIcon(), sv.askJudgmentPayment)
	compute := widget.NewButtonWithIcon(a.t("judgment.ui.compute"), theme.ConfirmIcon(), func() {
		sv.computeJudgment()
		a.showScreen(screenLegal)
	})
	save := widget.NewButtonWithIcon(a.t("judgment.ui.save_pdf"), theme.DocumentSaveIcon(), sv.askJudgmentPDF)
	if s.selected == "" {
		pay.Disable()
		compute.Disable()
	}
	if s.result == nil {
		save.Disable()
	}
	// what to act on first (deadline, days left, level, sum due), then the decision
	cols := []column{{"judgment.col.id", 95, false}, {"law.col.customer", 180, false}, {"judgment.col.enforce_until", 120, false},
		{"law.col.daysleft", 90, true}, {"law.col.level", 100, false}, {"judgment.col.due", 105, true},
		{"judgment.col.kind", 130, false}, {"judgment.col.decision", 90, false}, {"judgment.col.enforceable", 95, false}}
	t := a.dataTable(cols, func() int { return len(rows) }, func(row, col int) (string, widget.Importance) {
		r := &rows[row]
		switch col {
		case 0:
			return r.ID, normal
		case 1:
			return r.Name, normal
		case 2:
			return a.date(r.EnforceUntil), normal
		case 3:
			return a.count(r.DaysLeft), normal
		case 5:
			if r.Problem != "" {
				return "—", widget.DangerImportance
			}
			return a.money(r.TotalDue), normal
		case 6:
			return a.t("judgment.short." + string(r.Kind)), normal
		case 7:
			return a.date(r.Decision), normal
		case 8:
			return a.date(r.Enforceable), normal
		}
		imp := widget.SuccessImportance
		switch r.Level {
		case law.LevelExpired, law.LevelWarn3:
			imp = widget.DangerImportance
		case law.LevelWarn6:
			imp = widget.WarningImportance
		}
		return a.t("law.level." + string(r.Level)), imp
	}, func(row int) {
		if rows[row].ID == s.selected { // already shown (or selected again by the rebuild): « Calculer » recomputes
			return
		}
		s.selected = rows[row].ID
		a.trace("select", "list", "judgments", "id", s.selected)
		sv.computeJudgment()
		a.showScreen(screenLegal)
	})
	t.actions.menu = func(row int) []*fyne.MenuItem {
		id := rows[row].Customer
		return []*fyne.MenuItem{fyne.NewMenuItem(a.t("ui.agenda.open_customer"), func() { a.showCustomer(id) })}
	}
	a.fitColumns(t, cols)
	if index >= 0 {
		t.cur = index // the selected decision, whose décompte is shown below
	}
	bar := container.NewHBox(add, pay, widget.NewLabel(a.t("judgment.ui.at")), withWidth(120, at), compute, save)
	var list fyne.CanvasObject = t
	if len(rows) == 0 {
		list = container.NewCenter(widget.NewLabel(a.t("judgment.ui.none")))
	}
	split := container.NewVSplit(list, sv.judgmentView())
	split.Offset = 0.3
	return container.NewBorder(bar, nil, nil, nil, split)
}

// computeJudgment computes the selected decision's décompte at the typed date.
func (sv *legalView) computeJudgment() {
	a := sv.a
	s := &sv.more.judg
	s.result, s.err = nil, ""
	if s.selected == "" {
		return
	}
	at := a.asOf
	if t := strings.TrimSpace(s.at); t != "" {
		d, err := parseDate(t)
		if err != nil {
			s.err = a.t("judgment.err.typed", "field", a.t("judgment.field.at"), "value", s.at)
			return
		}
		at = d
	}
	d, err := a.sess.JudgmentDecompte("", s.selected, at)
	if err != nil {
		s.err = ledger.Localize(err, a.lang)
		return
	}
	s.result = d
}

// judgmentView shows the selected decision's décompte: the L111-4 deadline, the
// interest lines, the capitalisations and payments, the totals and the notes.
func (sv *legalView) judgmentView() fyne.CanvasObject {
	a := sv.a
	s := &sv.more.judg
	if s.err != "" {
		l := widget.NewLabel(s.err)
		l.Wrapping, l.Importance = fyne.TextWrapWord, widget.DangerImportance
		return container.NewVBox(l)
	}
	d := s.result
	if d == nil {
		return container.NewCenter(widget.NewLabel(a.t("judgment.ui.empty")))
	}
	cur := d.Currency
	money := func(c ledger.Cents) string { return c.Format(a.lang, cur) }
	head := widget.NewLabel(a.t("judgment.ui.head", "id", d.Judgment.ID, "kind", a.t(d.Judgment.Kind.KindKey()),
		"date", a.date(d.AsOf)))
	head.TextStyle.Bold = true
	head.Wrapping = fyne.TextWrapWord
	key := "judgment.pdf.enforce_until"
	if d.DaysLeft < 0 {
		key = "judgment.pdf.enforce_passed"
	}
	deadline := widget.NewLabel(a.t(key, "date", a.date(d.EnforceUntil), "end", a.date(d.Judgment.Enforceable)))
	deadline.Wrapping = fyne.TextWrapWord
	deadline.Importance = widget.HighImportance
	if law.EnforcementLevel(d.EnforceUntil, d.AsOf) != law.LevelOK {
		deadline.Importance = widget.DangerImportance
	}
	cols := []column{{"judgment.pdf.col.sum", 150, false}, {"law.col.from", 90, true}, {"law.col.to", 90, true},
		{"law.col.days", 56, true}, {"law.col.rate", 72, true}, {"law.col.base", 104, true}, {"law.col.interest", 96, true},
		{"law.col.rule", 190, false}}
	t := a.dataTable(cols, func() int { return len(d.Lines) }, func(row, col int) (string, widget.Importance) {
		ln := &d.Lines[row]
		switch col {
		case 0:
			return a.t(law.AwardKey(law.Award(ln.Invoice))), normal
		case 1:
			return a.date(ln.From), normal
		case 2:
			return a.date(ln.To), normal
		case 3:
			return strconv.Itoa(ln.Days), normal
		case 4:
			imp := normal
			if ln.Rate.Margin.Equal(law.MajorationPoints) && ln.Rate.Source == law.SourceLegal {
				imp = widget.WarningImportance // raised by CMF L313-3
			}
			return a.percent(ln.Rate.Rate.StringFixed(2)) + ln.Rate.EntryMark(), imp
		case 5:
			return money(ln.Base), normal
		case 6:
			return money(ln.Interest), normal
		}
		return ln.Rate.Rule, normal
	}, nil)
	a.fitColumns(t, cols)

	info := container.NewVBox()
	for _, e := range d.Events {
		var text string
		if e.Kind == law.JudgmentCapitalised {
			text = a.t("judgment.ui.capitalised", "date", a.date(e.Date), "claim",
				a.t(law.AwardKey(e.Award)), "amount", money(e.Amount))
		} else {
			text = a.t("judgment.ui.payment", "date", a.date(e.Date), "amount", money(e.Amount), "costs", money(e.ToCosts),
				"interest", money(e.ToInterest), "principal", money(e.ToPrincipal))
			if e.Ref != "" {
				text += " — " + e.Ref
			}
		}
		l := widget.NewLabel("• " + text)
		l.Wrapping = fyne.TextWrapWord
		info.Add(l)
	}
	costs := d.Sum(law.AwardCosts).Owed + d.Sum(law.AwardArt700).Owed + d.Sum(law.AwardIndemnity).Owed
	totals := widget.NewLabel(a.t("judgment.ui.totals", "principal", money(d.Sum(law.AwardPrincipal).Owed), "costs", money(costs),
		"interest", money(d.Totals.InterestOwed), "paid", money(d.Totals.Paid), "date", a.date(d.AsOf), "total", money(d.Totals.TotalDue)))
	totals.TextStyle.Bold = true
	totals.Wrapping = fyne.TextWrapWord
	var notes []string
	for _, n := range d.Notes {
		notes = append(notes, "• "+d.NoteText(n, a.lang))
	}
	noteText := widget.NewLabel(strings.Join(notes, "\n"))
	noteText.Wrapping = fyne.TextWrapWord
	noteText.SizeName = theme.SizeNameCaptionText
	info.Add(noteText)
	lower := container.NewVSplit(t, container.NewVScroll(info))
	lower.Offset = 0.6
	return container.NewBorder(container.NewVBox(head, deadline, totals), nil, nil, nil, lower)
}

// judgmentForm is what the record form holds, as typed.
type judgmentForm struct {
	customer, court, ref, decision, enforceable, principal, rate, from, indemnity, art700, costs string
	kind, rateKind                                                                               int
	capitalise                                                                                   bool
}

// askJudgment shows the form that records a decision, filled with f; a refused entry
// brings it back with what was typed, under the message naming the field and value.
func (sv *legalView) askJudgment(f judgmentForm) {
	a := sv.a
	customer := a.newCustomerPicker(f.customer, nil)
	entry := filledEntry
	dateHint, amountHint := a.t("ui.legal.date_hint"), a.t("ui.legal.amount_hint")
	court, ref := entry(f.court, a.t("judgment.ui.court_hint")), entry(f.ref, a.t("judgment.ui.ref_hint"))
	decision, enforceable, from := entry(f.decision, dateHint), entry(f.enforceable, dateHint), entry(f.from, a.t("judgment.ui.from_hint"))
	principal, indemnity, art700, costs := entry(f.principal, amountHint), entry(f.indemnity, amountHint),
		entry(f.art700, amountHint), entry(f.costs, amountHint)
	rate := entry(f.rate, a.t("judgment.ui.rate_hint"))
	indemnity.SetPlaceHolder(a.t("judgment.ui.indemnity_hint"))
	kinds := make([]string, len(law.JudgmentKinds))
	for i, k := range law.JudgmentKinds {
		kinds[i] = a.t("judgment.short." + string(k))
	}
	kind := widget.NewSelect(kinds, nil)
	kind.SetSelectedIndex(f.kind)
	rateKinds := []law.InterestKind{law.InterestLegal, law.InterestContract, law.InterestL441}
	rateLabels := make([]string, len(rateKinds))
	for i, k := range rateKinds {
		rateLabels[i] = a.t(k.InterestKey())
	}
	rateKind := widget.NewSelect(rateLabels, nil)
	rateKind.OnChanged = func(string) {
		if rateKind.SelectedIndex() == 1 {
			rate.Enable()
		} else {
			rate.Disable()
		}
	}
	rateKind.SetSelectedIndex(f.rateKind)
	capitalise := widget.NewCheck(a.t("judgment.ui.capitalise"), nil)
	capitalise.SetChecked(f.capitalise)
	items := []*widget.FormItem{
		widget.NewFormItem(a.t("ui.legal.customer"), customer.object()), widget.NewFormItem(a.t("judgment.col.kind"), kind),
		widget.NewFormItem(a.t("judgment.ui.court"), court), widget.NewFormItem(a.t("judgment.pdf.ref"), ref),
		widget.NewFormItem(a.t("judgment.ui.decision"), decision), widget.NewFormItem(a.t("judgment.ui.enforceable"), enforceable),
		widget.NewFormItem(a.t("judgment.ui.principal"), principal), widget.NewFormItem(a.t("judgment.ui.rate"), rateKind),
		widget.NewFormItem(a.t("judgment.ui.rate_value"), rate), widget.NewFormItem(a.t("judgment.ui.from"), from),
		widget.NewFormItem(a.t("judgment.claim.indemnity"), indemnity), widget.NewFormItem(a.t("judgment.claim.art700"), art700),
		widget.NewFormItem(a.t("judgment.claim.costs"), costs), widget.NewFormItem("", capitalise),
	}
	d := dialog.NewForm(a.t("judgment.ui.record"), a.t("ui.set.save"), a.t("ui.dialog.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		typed := judgmentForm{customer: customer.customerID(), court: court.Text, ref: ref.Text, decision: decision.Text,
			enforceable: enforceable.Text, principal: principal.Text, rate: rate.Text, from: from.Text, indemnity: indemnity.Text,
			art700: art700.Text, costs: costs.Text, kind: max(kind.SelectedIndex(), 0), rateKind: max(rateKind.SelectedIndex(), 0),
			capitalise: capitalise.Checked}
		if typed.customer == "" {
			typed.customer = strings.TrimSpace(customer.entry.Text)
		}
		if err := sv.saveJudgment(typed); err != nil {
			sv.askJudgment(typed)
			a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
		}
	}, a.win)
	d.Resize(fyne.NewSize(640, 680))
	d.Show()
}

// saveJudgment parses the form (desk.ParseJudgmentForm, the CLI's parser) and records
// the decision, entered today.
func (sv *legalView) saveJudgment(f judgmentForm) error {
	a := sv.a
	rate := []string{"legal", f.rate, "l441-10"}[min(max(f.rateKind, 0), 2)]
	if f.rateKind == 1 && strings.TrimSpace(f.rate) == "" { // a fixed rate chosen but not typed
		return &ledger.Problem{Key: "judgment.err.rate_missing"}
	}
	j, err := desk.ParseJudgmentForm(desk.JudgmentForm{Customer: f.customer, Kind: string(law.JudgmentKinds[min(f.kind, 2)]),
		Court: f.court, Ref: f.ref, Decision: f.decision, Enforceable: f.enforceable, Principal: f.principal, Rate: rate,
		InterestFrom: f.from, Indemnity: f.indemnity, Art700: f.art700, Costs: f.costs, Capitalise: f.capitalise})
	if err != nil {
		return err
	}
	if err := a.sess.RecordJudgment(&j, a.today, ""); err != nil {
		return err
	}
	a.trace("written", "what", "judgment", "id", j.ID)
	s := &sv.more.judg
	s.selected, s.result, s.err = j.ID, nil, ""
	sv.computeJudgment()
	a.reloadThen(a.t("judgment.ui.recorded", "id", j.ID))
	return nil
}

// askJudgmentPayment records a payment received on the selected decision.
func (sv *legalView) askJudgmentPayment() {
	a := sv.a
	s := &sv.more.judg
	if s.selected == "" {
		return
	}
	date, amount, ref := widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	date.SetText(a.date(a.today))
	date.SetPlaceHolder(a.t("ui.legal.date_hint"))
	amount.SetPlaceHolder(a.t("ui.legal.amount_hint"))
	items := []*widget.FormItem{widget.NewFormItem(a.t("judgment.ui.pay_date"), date),
		widget.NewFormItem(a.t("judgment.ui.pay_amount"), amount), widget.NewFormItem(a.t("judgment.pdf.ref"), ref)}
	d := dialog.NewForm(a.t("judgment.ui.pay_title", "id", s.selected), a.t("ui.set.save"), a.t("ui.dialog.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		if _, err := a.sess.AddJudgmentPayment(s.selected, date.Text, amount.Text, ref.Text, a.today); err != nil {
			a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
			return
		}
		a.trace("written", "what", "judgment payment", "id", s.selected)
		sv.computeJudgment()
		a.reloadThen(a.t("judgment.ui.paid", "id", s.selected))
	}, a.win)
	d.Resize(fyne.NewSize(480, 260))
	d.Show()
}

// askJudgmentPDF asks where to save the décompte's PDF for the commissaire de
// justice, then writes it (desk.WriteJudgmentPDF, as `relance judgment decompte --out`).
func (sv *legalView) askJudgmentPDF() {
	a := sv.a
	d := sv.more.judg.result
	if d == nil {
		return
	}
	name := fmt.Sprintf("%s-%s-%s.pdf", a.t("judgment.ui.file"), d.Judgment.Customer, d.AsOf)
	a.askSave(name, "judgment.ui.saved", func(path string) error {
		return letters.WriteFile(path, func(w io.Writer) error { return a.sess.WriteJudgmentPDF(w, d, a.lang, a.pdf()) })
	})
}
