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
	"relance/ledger/overindebt"
	"relance/letters"
)

// addOverindebtTab adds the « Surendettement » tab to the card of a consumer customer
// (only a private person can file, C. consom. L711-1): overindebtTab.
func (a *App) addOverindebtTab(tabs *container.AppTabs, acc *ledger.Account) {
	if acc == nil || acc.Customer.Kind != ledger.Consumer {
		return
	}
	tabs.Append(container.NewTabItem(a.t("overindebt.ui.tab"), container.NewVScroll(a.overindebtTab(acc.Customer.ID))))
}

// overindebtTab is the customer's over-indebtedness file at the as-of date: where it
// stands, what it holds (reminders, penalties), its deadlines with the days left, the
// file's details, and the buttons to record or update it and to issue the letter to
// the commission (desk.Session.Overindebt, SetOverindebt, IssueOverindebtLetter: the
// same as `relance overindebt`).
func (a *App) overindebtTab(id string) fyne.CanvasObject {
	if a.sess == nil {
		return widget.NewLabel("")
	}
	r, err := a.sess.Overindebt(id, a.asOf)
	if err != nil {
		return dangerLabel(ledger.Localize(err, a.lang))
	}
	title := widget.NewLabel(a.t("overindebt.ui.title"))
	title.TextStyle.Bold = true
	readOnly := a.db == nil || a.db.ReadOnly()
	edit := widget.NewButtonWithIcon(a.t("overindebt.ui.record"), theme.DocumentCreateIcon(), func() { a.askOverindebt(id, r) })
	if readOnly {
		edit.Disable()
	}
	box := container.NewVBox(title)
	if r == nil {
		a.trace("shown", "what", "overindebt", "customer", id, "phase", "none")
		help := widget.NewLabel(a.t("overindebt.ui.none"))
		help.Wrapping = fyne.TextWrapWord
		box.Add(help)
		box.Add(container.NewHBox(edit))
		return box
	}
	st := r.Status
	next, hasNext := st.Next()
	left := ""
	if hasNext {
		left = fmt.Sprint(next.DaysLeft)
	}
	a.trace("shown", "what", "overindebt", "customer", id, "phase", string(st.Phase), "held", st.Held, "frozen", st.Frozen,
		"next", string(next.Kind), "days_left", left)
	edit.SetText(a.t("overindebt.ui.edit"))
	phase := widget.NewLabel(desk.OverindebtPhase(a.lang, &r.Case, st))
	phase.TextStyle.Bold, phase.Wrapping = true, fyne.TextWrapWord
	box.Add(phase)
	held := widget.NewLabel(a.t("overindebt.ui.held." + fmt.Sprint(st.Held)))
	held.Wrapping = fyne.TextWrapWord
	if st.Held {
		held.Importance = widget.WarningImportance
	}
	box.Add(held)
	letter := widget.NewButtonWithIcon(a.t("overindebt.ui.letter"), theme.DocumentPrintIcon(), func() { a.askOverindebtLetter(id) })
	letter.Importance = widget.HighImportance
	if readOnly {
		letter.Disable()
	}
	box.Add(container.NewHBox(edit, letter))
	pen := a.t("overindebt.penalties.run")
	if st.Frozen {
		pen = a.t("overindebt.penalties.frozen", "date", a.date(st.FrozenFrom.AddDays(-1)))
	}
	box.Add(wrapped(a.t("overindebt.label.penalties") + " : " + pen))
	for _, d := range st.Deadlines {
		l := widget.NewLabel("• " + desk.OverindebtDeadline(a.lang, d))
		l.Wrapping = fyne.TextWrapWord
		switch {
		case d.Passed():
			l.Importance = widget.DangerImportance
		case !d.Done && d.DaysLeft <= 10:
			l.Importance, l.TextStyle.Bold = widget.WarningImportance, true
		}
		box.Add(l)
	}
	box.Add(widget.NewSeparator())
	form := widget.NewForm()
	add := func(key, v string) {
		if v != "" {
			form.Append(a.t(key), wrapped(v))
		}
	}
	date := func(d ledger.Date) string {
		if !d.Valid() {
			return ""
		}
		return a.date(d)
	}
	add("overindebt.label.commission", r.Commission)
	add("overindebt.label.address", r.CommissionAddress.OneLine())
	add("overindebt.label.ref", r.Ref)
	add("overindebt.label.filed", date(r.Filed))
	add("overindebt.label.admitted", date(r.Admitted))
	add("overindebt.label.notified", date(r.Notified))
	if r.DebtorAmount > 0 {
		add("overindebt.label.debtor_amount", a.money(r.DebtorAmount))
	}
	add("overindebt.label.claim", a.money(r.Claim))
	if r.JustifiedOn.Valid() {
		add("overindebt.label.justified", a.t("overindebt.justified", "amount", a.money(r.Justified), "date", a.date(r.JustifiedOn)))
	}
	add("overindebt.label.note", r.Note)
	box.Add(form)
	box.Add(caption(a.t("overindebt.ui.help")))
	return box
}

// wrapped is a word-wrapped label.
func wrapped(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// dangerLabel is a word-wrapped label in the danger colour (an error in place of a tab).
func dangerLabel(s string) *widget.Label {
	l := wrapped(s)
	l.Importance = widget.DangerImportance
	return l
}

// overindebtEntries are the form's fields, in the order shown.
type overindebtEntries struct {
	commission, address, ref, filed, admitted, notified, debtor, outcomeDate, note *widget.Entry
	outcome                                                                        *widget.Select
}

// form reads the entries as typed (desk.ParseOverindebtForm parses them).
func (e *overindebtEntries) form(customer string) desk.OverindebtForm {
	f := desk.OverindebtForm{Customer: customer, Commission: e.commission.Text, Address: e.address.Text, Ref: e.ref.Text,
		Filed: e.filed.Text, Admitted: e.admitted.Text, Notified: e.notified.Text, DebtorAmount: e.debtor.Text,
		OutcomeDate: e.outcomeDate.Text, Note: e.note.Text}
	if i := e.outcome.SelectedIndex(); i > 0 {
		f.Outcome = string(overindebt.Outcomes[i-1])
	}
	return f
}

// askOverindebt shows the form of customer's file (r nil: a new one); saving records it
// in one transaction and shows the card again. A refused form comes back as typed,
// under the reason.
func (a *App) askOverindebt(customer string, r *desk.OverindebtRow) {
	entry := filledEntry
	date := func(d ledger.Date) string {
		if !d.Valid() {
			return ""
		}
		return a.date(d)
	}
	var k overindebt.Case
	if r != nil {
		k = r.Case
	}
	debtor := ""
	if k.DebtorAmount > 0 {
		debtor = a.money(k.DebtorAmount)
	}
	hint := a.t("overindebt.ui.date_hint")
	e := &overindebtEntries{commission: entry(k.Commission, a.t("overindebt.ui.commission_hint")),
		address: entry(k.CommissionAddress.OneLine(), a.t("overindebt.ui.address_hint")), ref: entry(k.Ref, ""),
		filed: entry(date(k.Filed), hint), admitted: entry(date(k.Admitted), hint), notified: entry(date(k.Notified), hint),
		debtor: entry(debtor, "0,00"), outcomeDate: entry(date(k.OutcomeDate), hint), note: entry(k.Note, "")}
	names := []string{a.t("overindebt.outcome.")}
	for _, o := range overindebt.Outcomes {
		names = append(names, a.t("overindebt.outcome."+string(o)))
	}
	e.outcome = widget.NewSelect(names, nil)
	e.outcome.SetSelectedIndex(0)
	for i, o := range overindebt.Outcomes {
		if o == k.Outcome {
			e.outcome.SetSelectedIndex(i + 1)
		}
	}
	items := []*widget.FormItem{
		widget.NewFormItem(a.t("overindebt.label.commission"), e.commission),
		widget.NewFormItem(a.t("overindebt.label.address"), e.address),
		widget.NewFormItem(a.t("overindebt.label.ref"), e.ref),
		widget.NewFormItem(a.t("overindebt.label.filed"), e.filed),
		widget.NewFormItem(a.t("overindebt.label.admitted"), e.admitted),
		widget.NewFormItem(a.t("overindebt.label.notified"), e.notified),
		widget.NewFormItem(a.t("overindebt.label.debtor_amount"), e.debtor),
		widget.NewFormItem(a.t("overindebt.label.outcome"), e.outcome),
		widget.NewFormItem(a.t("overindebt.label.outcome_date"), e.outcomeDate),
		widget.NewFormItem(a.t("overindebt.label.note"), e.note),
	}
	a.trace("dialog", "what", "overindebt", "state", "shown", "customer", customer)
	var show func()
	show = func() {
		d := dialog.NewCustomConfirm(a.t("overindebt.ui.form_title"), a.t("ui.set.save"), a.t("ui.dialog.cancel"),
			container.NewVScroll(widget.NewForm(items...)), func(ok bool) {
				if !ok {
					a.trace("dialog", "what", "overindebt", "state", "cancelled")
					return
				}
				if err := a.saveOverindebt(e.form(customer)); err != nil {
					a.trace("refused", "what", "overindebt", "reason", ledger.Localize(err, a.lang))
					show()
					a.showError(a.t("overindebt.ui.form_title"), ledger.Localize(err, a.lang))
				}
			}, a.win)
		d.Resize(fyne.NewSize(min(a.win.Canvas().Size().Width-40, 620), min(a.win.Canvas().Size().Height-40, 620)))
		d.Show()
	}
	show()
}

// saveOverindebt records form f and shows the customer's card again.
func (a *App) saveOverindebt(f desk.OverindebtForm) error {
	k, err := desk.ParseOverindebtForm(f)
	if err != nil {
		return err
	}
	r, err := a.sess.SetOverindebt(k, a.asOf, "")
	if err != nil {
		return err
	}
	a.trace("written", "what", "overindebt", "customer", r.Customer, "phase", string(r.Status.Phase), "held", r.Status.Held)
	a.showCustomer(r.Customer)
	a.setStatus(a.t("overindebt.ui.saved", "name", r.Name))
	return nil
}

// askOverindebtLetter shows what the letter to the commission declares, then where to
// save it: the letter is archived with its record before the file is written
// (desk.Session.IssueOverindebtLetter, the same as `relance overindebt letter`). A
// letter that cannot be written is refused before the save dialog.
func (a *App) askOverindebtLetter(customer string) {
	ol, err := a.sess.PrepareOverindebtLetter(customer, a.asOf)
	if err != nil {
		a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
		return
	}
	l := ol.Letter
	to := strings.Join(l.Recipient, ", ")
	lines := []string{a.t("overindebt.ui.letter_summary", "total", a.money(ol.Claim.Total), "count", a.count(len(ol.Claim.Lines)), "to", to)}
	if ol.Claim.Case.DebtorAmount > 0 && ol.Claim.Difference != 0 {
		lines = append(lines, a.t("overindebt.ui.letter_difference", "amount", a.money(ol.Claim.Case.DebtorAmount), "difference", a.money(ol.Claim.Difference)))
	}
	if len(ol.Claim.Later) > 0 {
		lines = append(lines, a.t("overindebt.ui.letter_later", "count", a.count(len(ol.Claim.Later))))
	}
	if ol.Found {
		lines = append(lines, desk.OverindebtDeadline(a.lang, ol.Deadline))
	}
	box := container.NewVBox()
	for _, s := range lines {
		box.Add(wrapped(s))
	}
	box.Add(caption(a.t("overindebt.ui.archive_note")))
	a.trace("dialog", "what", "overindebt_letter", "state", "shown", "customer", customer, "total", ol.Claim.Total.String())
	d := dialog.NewCustomConfirm(a.t("overindebt.ui.letter_title"), a.t("insolv2.ui.write"), a.t("ui.dialog.cancel"), box, func(ok bool) {
		if !ok {
			a.trace("dialog", "what", "overindebt_letter", "state", "cancelled")
			return
		}
		a.askSave(fmt.Sprintf("%s-%s-%s.pdf", a.t("overindebt.ui.file"), customer, a.asOf), "insolv2.ui.saved", func(path string) error {
			return a.writeOverindebtLetter(customer, path)
		})
	}, a.win)
	d.Resize(fyne.NewSize(min(a.win.Canvas().Size().Width-40, 660), 360))
	d.Show()
}

// writeOverindebtLetter issues the letter at the as-of date, archived with its record
// and the file's justified amount in one transaction, then writes its PDF to path and
// shows the card again.
func (a *App) writeOverindebtLetter(customer, path string) error {
	ol, err := a.sess.IssueOverindebtLetter(customer, a.asOf, a.book.Settings.Signatory.Name, time.Now(), a.pdf())
	if err != nil {
		return err
	}
	rec := ol.Record
	a.trace("issued", "id", rec.ID, "customer", rec.Customer, "stage", string(rec.Stage), "total", ol.Claim.Total.String())
	if err := letters.WriteFile(path, func(w io.Writer) error { _, err := w.Write(ol.PDF); return err }); err != nil {
		return err
	}
	fyne.Do(func() { a.showCustomer(customer) })
	return nil
}
