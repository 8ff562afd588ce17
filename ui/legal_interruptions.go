package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/dunning"
	"relance/ledger/law"
)

// actsState is what the Prescription tab keeps of the register of interrupting acts
// across rebuilds: the customer whose acts are listed ("" for every customer) and the
// selected act.
type actsState struct {
	customer string
	selected string // ID of the selected act, "" for none
}

// withInterruptions puts the register of interrupting acts under the limitation
// deadlines: « Enregistrer un acte interruptif… » above, the acts recorded (of the
// customer chosen, or all) below, with « Clore… » for an act that goes on.
func (sv *legalView) withInterruptions(deadlines fyne.CanvasObject) fyne.CanvasObject {
	a := sv.a
	s := &sv.more.acts
	record := widget.NewButtonWithIcon(a.t("interrupt.ui.record"), theme.ContentAddIcon(), func() { sv.askInterruption(s.customer) })
	record.Importance = widget.HighImportance
	if a.db == nil || a.db.ReadOnly() {
		record.Disable()
	}
	split := container.NewVSplit(deadlines, sv.actsPanel())
	split.Offset = 0.62
	return container.NewBorder(container.NewHBox(record), nil, nil, nil, split)
}

// actsPanel lists the acts recorded for the chosen customer (every customer's when
// none is chosen), with where each stands, and closes an act that goes on.
func (sv *legalView) actsPanel() fyne.CanvasObject {
	a := sv.a
	s := &sv.more.acts
	rows, err := a.sess.Interruptions(s.customer)
	if err != nil {
		s.customer = ""
		if rows, err = a.sess.Interruptions(""); err != nil {
			return widget.NewLabel(ledger.Localize(err, a.lang))
		}
	}
	picker := a.newCustomerPicker(s.customer, func(id string) {
		s.customer, s.selected = id, ""
		a.showScreen(screenLegal)
	})
	picker.entry.SetPlaceHolder(a.t("interrupt.ui.filter_hint"))
	all := widget.NewButton(a.t("interrupt.ui.all"), func() {
		s.customer, s.selected = "", ""
		a.showScreen(screenLegal)
	})
	closeBtn := widget.NewButtonWithIcon(a.t("interrupt.ui.close"), theme.ConfirmIcon(), func() {
		for i := range rows {
			if rows[i].ID == s.selected {
				sv.askEndInterruption(rows[i])
			}
		}
	})
	closable := func() bool {
		for i := range rows {
			if rows[i].ID == s.selected {
				return rows[i].Status == dunning.RegOngoing && a.db != nil && !a.db.ReadOnly()
			}
		}
		return false
	}
	if !closable() {
		closeBtn.Disable()
	}
	cols := []column{{"interrupt.col.date", 95, false}, {"interrupt.col.customer", 180, false}, {"interrupt.col.kind", 210, false},
		{"interrupt.col.end", 110, false}, {"interrupt.col.items", 130, false}, {"interrupt.col.proof", 200, false},
		{"interrupt.col.status", 170, false}, {"interrupt.col.id", 115, false}}
	t := a.dataTable(cols, func() int { return len(rows) }, func(row, col int) (string, widget.Importance) {
		r := &rows[row]
		switch col {
		case 0:
			return a.date(r.Date), normal
		case 1:
			return r.Name, normal
		case 2:
			return upperFirst(a.t("interrupt.kind." + string(r.Kind))), normal
		case 3:
			if r.Status == dunning.RegOngoing {
				return a.t("interrupt.ongoing"), widget.WarningImportance
			}
			return a.date(r.End), normal
		case 4:
			return itemsWords(a, r.Numbers), normal
		case 5:
			return strings.TrimSpace(strings.Join([]string{r.Proof, r.Note}, " ")), normal
		case 6:
			return actStatus(a, r), normal
		}
		return r.ID, normal
	}, func(row int) {
		s.selected = rows[row].ID
		a.trace("select", "list", "interruptions", "id", s.selected)
		if closable() {
			closeBtn.Enable()
		} else {
			closeBtn.Disable()
		}
	})
	a.fitColumns(t, cols)
	for i := range rows {
		if rows[i].ID == s.selected {
			t.selectRow(i) // the act just recorded or closed
			t.ScrollToLeading()
		}
	}
	title := widget.NewLabelWithStyle(a.t("interrupt.ui.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	bar := container.NewBorder(nil, nil, title, container.NewHBox(all, closeBtn), withWidth(320, picker.object()))
	var body fyne.CanvasObject = t
	if len(rows) == 0 {
		body = container.NewCenter(widget.NewLabel(a.t("interrupt.none")))
	}
	return container.NewBorder(bar, nil, nil, nil, body)
}

// upperFirst is s with its first letter in capitals (a kind of act at the head of a
// cell or a choice; the catalogue writes it for the middle of a sentence).
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// itemsWords is the items of an act in words: their numbers, or all of the customer's.
func itemsWords(a *App, numbers []string) string {
	if len(numbers) == 0 {
		return a.t("interrupt.all_items")
	}
	return strings.Join(numbers, ", ")
}

// actStatus says where an act stands, dates in the user's form.
func actStatus(a *App, r *desk.InterruptionRow) string {
	switch r.Status {
	case dunning.RegReplaced, dunning.RegWithdrawn:
		return a.t("interrupt.status."+string(r.Status)+"_by", "id", r.ReplacedBy)
	case dunning.RegEnded:
		return a.t("interrupt.status.ended_on", "end", a.date(r.End))
	case dunning.RegWithdrawal:
		return a.t("interrupt.status.withdrawal_of", "id", r.Replaces)
	}
	return a.t("interrupt.status." + string(r.Status))
}

// interruptionForm is the form of an interrupting act: the customer, the kind in words
// with what it does, the date, the end of a lasting act, the items (none ticked: all of
// the customer's), the proof and a note.
type interruptionForm struct {
	a                      *App
	customer               *customerPicker
	kind                   *widget.Select
	help                   *widget.Label
	date, end, proof, note *widget.Entry
	items                  []ledger.Item // the customer's open debit items, by due date
	checks                 []*widget.Check
	list                   *fyne.Container
	form                   *widget.Form // refreshed when the end is enabled or disabled (its label's colour)
}

// newInterruptionForm makes the form, for customer id when not empty.
func (a *App) newInterruptionForm(id string) *interruptionForm {
	f := &interruptionForm{a: a, date: widget.NewEntry(), end: widget.NewEntry(), proof: widget.NewEntry(),
		note: widget.NewEntry(), help: widget.NewLabel(""), list: container.NewVBox()}
	f.customer = a.newCustomerPicker(id, func(string) { f.fillItems() })
	kinds := dunning.RegisterKinds()
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = upperFirst(a.t("interrupt.kind." + string(k)))
	}
	f.kind = widget.NewSelect(names, func(string) { f.showHelp() })
	f.help.Wrapping = fyne.TextWrapWord
	f.help.SizeName = theme.SizeNameCaptionText
	f.kind.SetSelectedIndex(0)
	f.date.SetPlaceHolder(a.t("ui.legal.date_hint"))
	f.date.SetText(a.date(a.asOf))
	f.end.SetPlaceHolder(a.t("interrupt.ui.end_hint"))
	f.proof.SetPlaceHolder(a.t("interrupt.ui.proof_hint"))
	f.fillItems()
	return f
}

// showHelp says what the chosen kind of act does and when it can end.
func (f *interruptionForm) showHelp() {
	k := f.selectedKind()
	f.help.SetText(f.a.t("interrupt.help." + string(k)))
	if dunning.Endable(k) {
		f.end.Enable()
	} else {
		f.end.SetText("")
		f.end.Disable()
	}
	if f.form != nil {
		f.form.Refresh()
	}
}

func (f *interruptionForm) selectedKind() law.InterruptionKind {
	return dunning.RegisterKinds()[max(f.kind.SelectedIndex(), 0)]
}

// fillItems lists the chosen customer's open debit items as boxes to tick.
func (f *interruptionForm) fillItems() {
	a := f.a
	f.list.RemoveAll()
	f.items, f.checks = nil, nil
	acc := a.book.Account(f.customer.customerID())
	if acc == nil {
		f.list.Add(widget.NewLabel(a.t("interrupt.ui.items_pick")))
		return
	}
	for _, it := range acc.OpenItems() {
		if it.Open <= 0 {
			continue
		}
		f.items = append(f.items, it)
		c := widget.NewCheck(a.t("interrupt.ui.item", "number", it.Number, "due", a.date(it.DueDate), "open", a.money(it.Open)), nil)
		f.checks = append(f.checks, c)
		f.list.Add(c)
	}
	if len(f.items) == 0 {
		f.list.Add(widget.NewLabel(a.t("interrupt.ui.items_none")))
	}
}

// content lays the form out.
func (f *interruptionForm) content() fyne.CanvasObject {
	a := f.a
	f.form = widget.NewForm(
		widget.NewFormItem(a.t("interrupt.col.customer"), f.customer.object()),
		widget.NewFormItem(a.t("interrupt.col.kind"), f.kind),
		widget.NewFormItem("", f.help),
		widget.NewFormItem(a.t("interrupt.ui.date"), f.date),
		widget.NewFormItem(a.t("interrupt.ui.end"), f.end),
		widget.NewFormItem(a.t("interrupt.col.proof"), f.proof),
		widget.NewFormItem(a.t("interrupt.ui.note"), f.note),
	)
	items := container.NewBorder(caption(a.t("interrupt.ui.items")), nil, nil, nil, container.NewVScroll(f.list))
	return container.NewBorder(f.form, nil, nil, nil, items)
}

// record reads the form into an act (desk.RecordInterruption checks and stores it).
func (f *interruptionForm) record() (*dunning.InterruptionRecord, error) {
	a := f.a
	r := &dunning.InterruptionRecord{Customer: f.customer.customerID(), Kind: f.selectedKind(),
		Proof: f.proof.Text, Note: f.note.Text}
	if r.Customer == "" {
		return nil, &ledger.Problem{Key: "dunning.err.unknown_customer", Args: []string{"field", a.t("interrupt.col.customer"), "value", f.customer.entry.Text}}
	}
	var err error
	if r.Date, err = parseDate(strings.TrimSpace(f.date.Text)); err != nil {
		return nil, &ledger.Problem{Key: "interrupt.err.field", Args: []string{"field_key", "interrupt.field.date", "value", f.date.Text}}
	}
	if t := strings.TrimSpace(f.end.Text); t != "" {
		if r.End, err = parseDate(t); err != nil {
			return nil, &ledger.Problem{Key: "interrupt.err.field", Args: []string{"field_key", "interrupt.field.end", "value", t}}
		}
	}
	for i, c := range f.checks {
		if c.Checked {
			r.Items = append(r.Items, f.items[i].ID)
		}
	}
	if err := a.sess.RecordInterruption(r, a.asOf, ""); err != nil {
		return nil, err
	}
	return r, nil
}

// saveInterruptionForm records the form's act, lists the customer's acts and reloads
// the dossier: the deadlines count it at once.
func (a *App) saveInterruptionForm(f *interruptionForm) (*dunning.InterruptionRecord, error) {
	r, err := f.record()
	if err != nil {
		return nil, err
	}
	a.trace("written", "what", "interruption", "id", r.ID)
	a.legal.tab, a.legal.more.acts = 1, actsState{customer: r.Customer, selected: r.ID}
	a.reloadThen(a.t("interrupt.ui.recorded", "id", r.ID))
	return r, nil
}

// askInterruption shows the form of an interrupting act (for customer id when not
// empty); a refused act brings it back as typed, under the reason.
func (sv *legalView) askInterruption(id string) {
	a := sv.a
	if a.sess == nil {
		return
	}
	f := a.newInterruptionForm(id)
	a.trace("dialog", "what", "interruption", "state", "shown")
	var show func()
	show = func() {
		d := dialog.NewCustomConfirm(a.t("interrupt.ui.record_title"), a.t("ui.set.save"), a.t("ui.dialog.cancel"), f.content(), func(ok bool) {
			if !ok {
				return
			}
			if _, err := a.saveInterruptionForm(f); err != nil {
				show()
				a.showError(a.t("interrupt.ui.record_title"), ledger.Localize(err, a.lang))
			}
		}, a.win)
		d.Resize(fyne.NewSize(min(a.win.Canvas().Size().Width-40, 680), min(a.win.Canvas().Size().Height-40, 640)))
		d.Show()
	}
	show()
}

// askEndInterruption asks the day act r ended and records it.
func (sv *legalView) askEndInterruption(r desk.InterruptionRow) {
	a := sv.a
	date := widget.NewEntry()
	date.SetPlaceHolder(a.t("ui.legal.date_hint"))
	date.SetText(a.date(a.asOf))
	what := widget.NewLabel(a.t("interrupt.ui.close_what", "kind", a.t("interrupt.kind."+string(r.Kind)), "date", a.date(r.Date), "name", r.Name))
	what.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{widget.NewFormItem("", what), widget.NewFormItem(a.t("interrupt.ui.end"), date)}
	d := dialog.NewForm(a.t("interrupt.ui.close_title"), a.t("interrupt.ui.close_confirm"), a.t("ui.dialog.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		if err := sv.endInterruption(r.ID, date.Text); err != nil {
			a.showError(a.t("interrupt.ui.close_title"), ledger.Localize(err, a.lang))
		}
	}, a.win)
	d.Resize(fyne.NewSize(520, 260))
	d.Show()
}

// endInterruption records that act id ended on the day typed, and reloads.
func (sv *legalView) endInterruption(id, typed string) error {
	a := sv.a
	end, err := parseDate(strings.TrimSpace(typed))
	if err != nil {
		return &ledger.Problem{Key: "interrupt.err.field", Args: []string{"field_key", "interrupt.field.end", "value", typed}}
	}
	r, err := a.sess.EndInterruption(id, end, a.asOf, "")
	if err != nil {
		return err
	}
	a.trace("written", "what", "interruption_end", "id", r.ID)
	sv.tab, sv.more.acts.selected = 1, r.ID
	a.reloadThen(a.t("interrupt.ui.closed", "id", r.ID, "end", a.date(r.End)))
	return nil
}
