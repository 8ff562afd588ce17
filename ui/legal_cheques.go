package ui

import (
	"fmt"
	"io"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/cheque"
	"relance/letters"
)

// chequeState keeps the « Chèques impayés » tab's state across rebuilds: the cheque
// selected.
type chequeState struct {
	selected string // ID of the selected cheque
}

// chequePane is the « Chèques impayés » tab of Contentieux: the unpaid cheques with
// their next step and its date, the most urgent first (desk.Session.Cheques), the
// steps of the selected one with where each stands and its article (CMF L131-73), a
// cheque recorded through a form, a step recorded on the selected one, and its letter
// to the drawer issued (checked, archived, saved where the user says).
func (sv *legalView) chequePane() fyne.CanvasObject {
	a := sv.a
	s := &sv.more.cheq
	rows, err := a.sess.Cheques(a.asOf)
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
		s.selected = ""
	}
	a.trace("shown", "what", "cheques", "count", len(rows))
	add := widget.NewButtonWithIcon(a.t("cheque.ui.record"), theme.ContentAddIcon(), func() { sv.askCheque(chequeForm{}) })
	add.Importance = widget.HighImportance
	step := widget.NewButtonWithIcon(a.t("cheque.ui.step"), theme.ConfirmIcon(), sv.askChequeStep)
	letter := widget.NewButtonWithIcon(a.t("cheque.ui.letter"), theme.DocumentSaveIcon(), sv.askChequeLetter)
	if index < 0 || !rows[index].Open() {
		step.Disable()
		letter.Disable()
	}
	// the cheque and its customer, then what to do next and from when (due: in red)
	cols := []column{{"cheque.col.id", 105, false}, {"law.col.customer", 180, false}, {"cheque.col.amount", 100, true},
		{"cheque.col.rejected", 90, false}, {"cheque.col.next", 300, false}, {"cheque.col.when", 95, false}}
	t := a.dataTable(cols, func() int { return len(rows) }, func(row, col int) (string, widget.Importance) {
		r := &rows[row]
		switch col {
		case 0:
			return r.ID, normal
		case 1:
			return r.Name, normal
		case 2:
			return a.money(r.Amount), normal
		case 3:
			return a.date(r.Rejected), normal
		case 4:
			return sv.chequeNext(r)
		}
		if r.Next == nil || !r.Next.From.Valid() {
			return "—", normal
		}
		if r.Next.Status == cheque.Due {
			return a.date(r.Next.From), widget.DangerImportance
		}
		return a.date(r.Next.From), normal
	}, func(row int) {
		if rows[row].ID == s.selected {
			return
		}
		s.selected = rows[row].ID
		a.trace("select", "list", "cheques", "id", s.selected)
		a.showScreen(screenLegal)
	})
	t.actions.menu = func(row int) []*fyne.MenuItem {
		id := rows[row].Customer
		return []*fyne.MenuItem{fyne.NewMenuItem(a.t("ui.agenda.open_customer"), func() { a.showCustomer(id) })}
	}
	a.fitColumns(t, cols)
	if index >= 0 {
		t.cur = index
	}
	help := caption(a.t("cheque.ui.help"))
	help.Wrapping = fyne.TextWrapWord
	bar := container.NewVBox(container.NewHBox(add, step, letter), help)
	var list fyne.CanvasObject = t
	if len(rows) == 0 {
		list = container.NewCenter(widget.NewLabel(a.t("cheque.ui.none")))
	}
	var detail fyne.CanvasObject = container.NewCenter(widget.NewLabel(a.t("cheque.ui.empty")))
	if index >= 0 {
		detail = sv.chequeDetail(&rows[index])
	}
	split := container.NewVSplit(list, detail)
	split.Offset = 0.25
	return container.NewBorder(bar, nil, nil, nil, split)
}

// chequeNext names a cheque's next step for the list, in colour: due in red, waiting
// in the normal colour, over in green (the date is the next column).
func (sv *legalView) chequeNext(r *desk.ChequeRow) (string, widget.Importance) {
	a := sv.a
	switch {
	case r.Next != nil:
		imp := normal
		if r.Next.Status == cheque.Due {
			imp = widget.DangerImportance
		}
		return a.t("cheque.short." + string(r.Next.Kind)), imp
	case r.Open() && r.Title.Valid():
		return a.t("cheque.next.title_short"), widget.WarningImportance
	}
	return a.t("cheque.next.none"), widget.SuccessImportance
}

// chequeStatus words where a step stands, dates in the user's words.
func (sv *legalView) chequeStatus(s cheque.Step) string {
	a := sv.a
	var out string
	switch s.Status {
	case cheque.Done:
		out = a.t("cheque.status.done", "date", a.date(s.Done))
	case cheque.Due, cheque.Waiting, cheque.Optional:
		out = a.t("cheque.status.due_now")
		if s.From.Valid() {
			out = a.t("cheque.status."+string(s.Status), "date", a.date(s.From))
		}
	case cheque.Later:
		out = a.t("cheque.status.later")
		if s.From.Valid() {
			out = a.t("cheque.status.later_from", "date", a.date(s.From))
		}
	default:
		out = a.t("cheque.status." + string(s.Status))
	}
	if s.By.Valid() && s.Status != cheque.Done {
		out += " ; " + a.t("cheque.status.by", "date", a.date(s.By))
	}
	return out
}

// chequeDetail shows the selected cheque: what it is, the invoices it was to pay, its
// notes, and the procedure's steps with where each stands and its article.
func (sv *legalView) chequeDetail(r *desk.ChequeRow) fyne.CanvasObject {
	a := sv.a
	head := widget.NewLabel(a.t("cheque.ui.head", "id", r.ID, "number", r.Number, "amount", a.money(r.Amount), "name", r.Name))
	head.TextStyle.Bold = true
	head.Wrapping = fyne.TextWrapWord
	var facts []string
	if r.Bank != "" {
		facts = append(facts, a.t("cheque.ui.bank", "bank", r.Bank))
	}
	facts = append(facts, a.t("cheque.ui.rejected", "date", a.date(r.Rejected), "reason", a.t("cheque.reason."+string(r.Reason))))
	if len(r.Invoices) > 0 {
		var nums []string
		acct := a.book.Account(r.Customer)
		for _, id := range r.Invoices {
			n := id
			if acct != nil {
				for _, it := range acct.Items {
					if it.ID == id && it.Number != "" {
						n = it.Number
					}
				}
			}
			nums = append(nums, n)
		}
		facts = append(facts, a.t("cheque.ui.invoices", "list", strings.Join(nums, ", ")))
	}
	if r.Officer != "" {
		facts = append(facts, a.t("cheque.ui.officer", "name", r.Officer))
	}
	if r.Notes != "" {
		facts = append(facts, r.Notes)
	}
	info := widget.NewLabel(strings.Join(facts, "\n"))
	info.Wrapping = fyne.TextWrapWord
	cols := []column{{"cheque.col.step", 330, false}, {"cheque.col.status", 360, false}, {"cheque.col.rule", 170, false}}
	steps := r.Steps
	t := a.dataTable(cols, func() int { return len(steps) }, func(row, col int) (string, widget.Importance) {
		s := steps[row]
		switch col {
		case 0:
			return a.t("cheque.step." + string(s.Kind)), normal
		case 1:
			imp := normal
			switch s.Status {
			case cheque.Due:
				imp = widget.DangerImportance
			case cheque.Done:
				imp = widget.SuccessImportance
			case cheque.Waiting:
				imp = widget.HighImportance
			}
			return sv.chequeStatus(s), imp
		}
		return s.Rule, normal
	}, nil)
	a.fitColumns(t, cols)
	return container.NewBorder(container.NewVBox(head, info), nil, nil, nil, t)
}

// chequeForm is what the record form holds, as typed.
type chequeForm struct {
	customer, number, bank, amount, written, presented, rejected, represented, invoices, ret, notes string
	reason                                                                                          int
}

// optionalDate is a date field that may stay empty.
func (a *App) optionalDate(text string) *dateField {
	f := a.newDateField(ledger.NoDate)
	f.entry.SetText(text)
	f.entry.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		_, err := parseDate(strings.TrimSpace(s))
		return err
	}
	return f
}

// askCheque shows the form that records an unpaid cheque, filled with f; a refused
// entry brings it back with what was typed, under the message naming the field and
// value.
func (sv *legalView) askCheque(f chequeForm) {
	a := sv.a
	customer := a.newCustomerPicker(f.customer, nil)
	entry := filledEntry
	number, bank := entry(f.number, a.t("cheque.ui.number_hint")), entry(f.bank, a.t("cheque.ui.bank_hint"))
	amount := entry(f.amount, a.t("ui.legal.amount_hint"))
	written, represented := a.optionalDate(f.written), a.optionalDate(f.represented)
	presented, rejected := a.optionalDate(f.presented), a.optionalDate(f.rejected)
	invoices, ret := entry(f.invoices, a.t("cheque.ui.invoices_hint")), entry(f.ret, a.t("cheque.ui.return_hint"))
	notes := widget.NewMultiLineEntry()
	notes.SetText(f.notes)
	notes.SetMinRowsVisible(2)
	reasons := make([]string, len(cheque.Reasons))
	for i, r := range cheque.Reasons {
		reasons[i] = a.t("cheque.reason." + string(r))
	}
	reason := widget.NewSelect(reasons, nil)
	reason.SetSelectedIndex(f.reason)
	items := []*widget.FormItem{
		widget.NewFormItem(a.t("ui.legal.customer"), customer.object()),
		widget.NewFormItem(a.t("cheque.ui.number"), number), widget.NewFormItem(a.t("cheque.ui.bank_label"), bank),
		widget.NewFormItem(a.t("cheque.ui.amount"), amount), widget.NewFormItem(a.t("cheque.ui.written"), written.box),
		widget.NewFormItem(a.t("cheque.ui.presented"), presented.box), widget.NewFormItem(a.t("cheque.ui.rejected_label"), rejected.box),
		widget.NewFormItem(a.t("cheque.ui.reason"), reason), widget.NewFormItem(a.t("cheque.ui.represented"), represented.box),
		widget.NewFormItem(a.t("cheque.ui.invoices_label"), invoices), widget.NewFormItem(a.t("cheque.ui.return"), ret),
		widget.NewFormItem(a.t("cheque.ui.notes"), notes),
	}
	d := dialog.NewForm(a.t("cheque.ui.record"), a.t("ui.set.save"), a.t("ui.dialog.cancel"), items, func(ok bool) {
		if !ok {
			a.trace("dialog", "what", "cheque", "action", "cancel")
			return
		}
		typed := chequeForm{customer: customer.customerID(), number: number.Text, bank: bank.Text, amount: amount.Text,
			written: written.entry.Text, presented: presented.entry.Text, rejected: rejected.entry.Text,
			represented: represented.entry.Text, invoices: invoices.Text, ret: ret.Text, notes: notes.Text,
			reason: max(reason.SelectedIndex(), 0)}
		if typed.customer == "" {
			typed.customer = strings.TrimSpace(customer.entry.Text)
		}
		if err := sv.saveCheque(typed); err != nil {
			sv.askCheque(typed)
			a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
		}
	}, a.win)
	d.Resize(fyne.NewSize(640, 700))
	d.Show()
	a.trace("dialog", "what", "cheque", "action", "open")
}

// saveCheque parses the form (desk.Session.ParseChequeForm, the CLI's parser) and
// records the cheque, entered today.
func (sv *legalView) saveCheque(f chequeForm) error {
	a := sv.a
	c, err := a.sess.ParseChequeForm(desk.ChequeForm{Customer: f.customer, Number: f.number, Bank: f.bank, Amount: f.amount,
		Written: f.written, Presented: f.presented, Rejected: f.rejected, Represented: f.represented,
		Reason: string(cheque.Reasons[min(f.reason, len(cheque.Reasons)-1)]), Invoices: []string{f.invoices}, Return: f.ret, Notes: f.notes})
	if err != nil {
		return err
	}
	if err := a.sess.RecordCheque(&c, a.today, ""); err != nil {
		return err
	}
	a.trace("written", "what", "cheque", "id", c.ID)
	sv.more.cheq.selected = c.ID
	a.reloadThen(a.t("cheque.ui.recorded", "id", c.ID))
	return nil
}

// askChequeStep records a step of the selected cheque's procedure: which, on which day,
// and who served the certificate.
func (sv *legalView) askChequeStep() {
	a := sv.a
	id := sv.more.cheq.selected
	if id == "" {
		return
	}
	labels := make([]string, len(cheque.Recordable))
	for i, k := range cheque.Recordable {
		labels[i] = a.t("cheque.step." + string(k))
	}
	kind := widget.NewSelect(labels, nil)
	date := a.newDateField(a.today)
	officer := widget.NewEntry()
	officer.SetPlaceHolder(a.t("cheque.ui.officer_hint"))
	officer.Disable()
	kind.OnChanged = func(string) {
		if i := kind.SelectedIndex(); i >= 0 && cheque.Recordable[i] == cheque.KindServed {
			officer.Enable()
		} else {
			officer.Disable()
		}
	}
	// the next step to record first
	sel := 0
	rows, err := a.sess.Cheques(a.asOf)
	if err == nil {
		for _, r := range rows {
			if r.ID == id && r.Next != nil {
				for i, k := range cheque.Recordable {
					if k == r.Next.Kind {
						sel = i
					}
				}
			}
		}
	}
	kind.SetSelectedIndex(sel)
	items := []*widget.FormItem{widget.NewFormItem(a.t("cheque.col.step"), kind),
		widget.NewFormItem(a.t("cheque.ui.step_date"), date.box), widget.NewFormItem(a.t("cheque.ui.officer_label"), officer)}
	d := dialog.NewForm(a.t("cheque.ui.step_title", "id", id), a.t("ui.set.save"), a.t("ui.dialog.cancel"), items, func(ok bool) {
		if !ok {
			a.trace("dialog", "what", "cheque_step", "action", "cancel")
			return
		}
		k := cheque.Recordable[max(kind.SelectedIndex(), 0)]
		if _, err := a.sess.RecordChequeStep(id, string(k), date.entry.Text, officer.Text, a.today); err != nil {
			a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
			return
		}
		a.trace("written", "what", "cheque_step", "id", id, "step", string(k))
		a.reloadThen(a.t("cheque.ui.step_recorded", "id", id, "step", a.t("cheque.step."+string(k))))
	}, a.win)
	d.Resize(fyne.NewSize(560, 300))
	d.Show()
	a.trace("dialog", "what", "cheque_step", "action", "open")
}

// askChequeLetter asks where to save the letter to the drawer of the selected cheque,
// then issues it (desk.Session.IssueChequeLetter, as `relance cheque letter`): checked
// by the letter checker, archived with its record, the step « letter » recorded.
func (sv *legalView) askChequeLetter() {
	a := sv.a
	id := sv.more.cheq.selected
	if id == "" {
		return
	}
	name := fmt.Sprintf("%s-%s-%s.pdf", a.t("cheque.ui.file"), id, a.today)
	a.askSave(name, "cheque.ui.letter_saved", func(path string) error {
		rec, pdf, err := a.sess.IssueChequeLetter(id, a.today, "", "", time.Now(), a.pdf())
		if err != nil {
			return err
		}
		a.trace("written", "what", "cheque_letter", "id", id, "letter", rec.ID)
		if err := letters.WriteFile(path, func(w io.Writer) error { _, err := w.Write(pdf); return err }); err != nil {
			return err
		}
		a.reloadThen(a.t("cheque.ui.letter_issued", "id", rec.ID))
		return nil
	})
}
