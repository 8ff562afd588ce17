package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
	"relance/ledger/law"
)

// procRow is one deadline of a recorded procedure.
type procRow struct {
	p    law.Procedure
	name string
	d    law.ProcDeadline
}

// procedureRows returns every recorded procedure's deadlines at the as-of date.
func (sv *legalView) procedureRows() []procRow {
	a := sv.a
	var rows []procRow
	for _, r := range a.sess.ProcedureDeadlines(a.asOf) {
		for _, d := range r.Deadlines {
			rows = append(rows, procRow{p: r.Procedure, name: r.Name, d: d})
		}
	}
	return rows
}

// insolvencyPane lists the insolvency procedures with their deadlines, colour-coded,
// records a new one and writes the claim-filing and retention-of-title letters.
func (sv *legalView) insolvencyPane() fyne.CanvasObject {
	a := sv.a
	s := &sv.more
	rows := sv.procedureRows()
	if s.procSelected > len(rows) {
		s.procSelected = 0
	}
	claimBtn := widget.NewButtonWithIcon(a.t("ui.legal2.claim_pdf"), theme.DocumentSaveIcon(), func() { sv.askProcedureLetter(rows, false) })
	retBtn := widget.NewButtonWithIcon(a.t("ui.legal2.retention_pdf"), theme.DocumentSaveIcon(), func() { sv.askProcedureLetter(rows, true) })
	selected := func() (law.Procedure, bool) { // the procedure of the selected row
		if i := s.procSelected - 1; i >= 0 && i < len(rows) {
			return rows[i].p, true
		}
		return law.Procedure{}, false
	}
	eventBtn := widget.NewButtonWithIcon(a.t("insolv2.ui.event_button"), theme.HistoryIcon(), func() {
		if p, ok := selected(); ok {
			sv.askProcedureEvent(p)
		}
	})
	followBtn := widget.NewButtonWithIcon(a.t("insolv2.ui.letter_button"), theme.DocumentSaveIcon(), func() {
		if p, ok := selected(); ok {
			sv.askFollowUpLetter(p)
		}
	})
	detail := caption("")
	detail.Hide()
	if s.procSelected == 0 {
		claimBtn.Disable()
		retBtn.Disable()
		eventBtn.Disable()
		followBtn.Disable()
	} else if s.procSelected <= len(rows) {
		detail.SetText(sv.stepText(rows[s.procSelected-1]))
		detail.Show()
	}
	add := widget.NewButtonWithIcon(a.t("ui.legal2.record"), theme.ContentAddIcon(), sv.askProcedure)
	add.Importance = widget.HighImportance
	cols := []column{{"law.col.procedure", 90, false}, {"law.col.customer", 160, false}, {"law.col.proc_kind", 185, false},
		{"law.col.bodacc", 90, false}, {"law.col.step", 160, false}, {"law.col.proc_deadline", 90, false},
		{"law.col.daysleft", 115, true}, {"law.col.level", 115, false}, {"law.col.rule", 150, false}}
	t := a.dataTable(cols, func() int { return len(rows) }, func(row, col int) (string, widget.Importance) {
		r := &rows[row]
		switch col {
		case 0:
			return r.p.ID, normal
		case 1:
			return r.name, normal
		case 2:
			return a.t("law.proc.kind." + string(r.p.Kind)), normal
		case 3:
			return a.date(r.p.BODACC), normal
		case 4:
			return sv.stepName(r.d), normal
		case 5:
			return a.date(r.d.Date), normal
		case 6:
			return a.count(r.d.DaysLeft), normal
		case 8:
			return sv.stepRule(r.d), normal
		}
		imp := widget.SuccessImportance
		switch r.d.Level {
		case law.ProcExpired, law.ProcUrgent:
			imp = widget.DangerImportance
		case law.ProcSoon:
			imp = widget.WarningImportance
		}
		return a.t("law.proc.level." + string(r.d.Level)), imp
	}, func(row int) {
		s.procSelected = row + 1
		a.trace("select", "list", "procedures", "id", rows[row].p.ID, "step", string(rows[row].d.Kind))
		claimBtn.Enable()
		retBtn.Enable()
		eventBtn.Enable()
		followBtn.Enable()
		detail.SetText(sv.stepText(rows[row]))
		detail.Show()
	})
	// Right click: the customer's card first, then the procedure's two letters.
	t.actions.menu = func(row int) []*fyne.MenuItem {
		id := rows[row].p.Customer
		return []*fyne.MenuItem{
			fyne.NewMenuItem(a.t("ui.agenda.open_customer"), func() { a.showCustomer(id) }),
			fyne.NewMenuItem(a.t("ui.legal2.claim_pdf"), func() { sv.askProcedureLetter(rows, false) }),
			fyne.NewMenuItem(a.t("ui.legal2.retention_pdf"), func() { sv.askProcedureLetter(rows, true) }),
			fyne.NewMenuItem(a.t("insolv2.ui.event_button"), func() { sv.askProcedureEvent(rows[row].p) }),
			fyne.NewMenuItem(a.t("insolv2.ui.letter_button"), func() { sv.askFollowUpLetter(rows[row].p) }),
		}
	}
	t.actions.open = func(row int) { a.showCustomer(rows[row].p.Customer) }
	a.fitColumns(t, cols)
	top := container.NewHBox(add, claimBtn, retBtn)
	// the follow-up of the selected procedure (legal_insolvency_followup.go)
	var bottom fyne.CanvasObject = container.NewVBox(container.NewHBox(eventBtn, followBtn), detail, caption(a.t("ui.legal2.proc_help")))
	if len(rows) == 0 {
		return container.NewBorder(top, bottom, nil, nil, container.NewCenter(widget.NewLabel(a.t("ui.legal2.no_procedure"))))
	}
	return container.NewBorder(top, bottom, nil, nil, t)
}

// askProcedure asks for a procedure's data and records it (one transaction: the
// procedure and the customer's insolvency status).
func (sv *legalView) askProcedure() {
	a := sv.a
	customer := a.newCustomerPicker("", nil)
	judgment, bodacc, mandataire, address, admin, court := widget.NewEntry(), widget.NewEntry(),
		widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	for _, e := range []*widget.Entry{judgment, bodacc} {
		e.SetPlaceHolder(a.t("ui.legal.date_hint"))
	}
	address.SetPlaceHolder(a.t("ui.legal2.address_hint"))
	kinds := make([]string, len(law.ProcedureKinds))
	for i, k := range law.ProcedureKinds {
		kinds[i] = a.t("law.proc.kind." + string(k))
	}
	kind := widget.NewSelect(kinds, nil)
	kind.SetSelectedIndex(1)
	abroad := widget.NewCheck(a.t("ui.legal2.abroad"), nil)
	items := []*widget.FormItem{
		widget.NewFormItem(a.t("ui.legal.customer"), customer.object()), widget.NewFormItem(a.t("law.col.proc_kind"), kind),
		widget.NewFormItem(a.t("ui.legal2.judgment"), judgment), widget.NewFormItem(a.t("law.col.bodacc"), bodacc),
		widget.NewFormItem(a.t("ui.legal2.mandataire"), mandataire), widget.NewFormItem(a.t("ui.legal2.address"), address),
		widget.NewFormItem(a.t("ui.legal2.administrator"), admin), widget.NewFormItem(a.t("ui.legal2.court"), court),
		widget.NewFormItem("", abroad),
	}
	d := dialog.NewForm(a.t("ui.legal2.record"), a.t("ui.set.save"), a.t("ui.dialog.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		j, err1 := parseDate(strings.TrimSpace(judgment.Text))
		b, err2 := parseDate(strings.TrimSpace(bodacc.Text))
		if err1 != nil || err2 != nil {
			a.showError(a.t("ui.dialog.error"), a.t("ui.legal.bad_date", "value", judgment.Text+" / "+bodacc.Text))
			return
		}
		cust := customer.customerID()
		if cust == "" {
			a.showError(a.t("ui.dialog.error"), a.t("ui.legal.bad_customer", "value", customer.entry.Text))
			return
		}
		p := law.Procedure{Customer: cust, Kind: law.ProcedureKinds[max(kind.SelectedIndex(), 0)],
			Judgment: j, BODACC: b, Mandataire: strings.TrimSpace(mandataire.Text), MandataireAddress: ledger.ParseAddressLine(address.Text),
			Administrator: strings.TrimSpace(admin.Text), Court: strings.TrimSpace(court.Text), Abroad: abroad.Checked,
			Recorded: a.asOf, By: a.book.Settings.Signatory.Name}
		if err := a.sess.RecordProcedure(&p); err != nil {
			a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
			return
		}
		sv.tab = 4
		a.reloadThen(a.t("ui.legal2.recorded", "id", p.ID))
	}, a.win)
	d.Resize(fyne.NewSize(620, 560))
	d.Show()
}
