package ui

import (
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/law"
	"relance/letters"
)

// penaltyInvoiceState keeps the penalty invoice dialog's period across openings and
// the invoice it shows (Contentieux › Pénalités, « Facture de pénalités… »).
type penaltyInvoiceState struct {
	from, to string              // payment period as typed; "": no bound
	preview  *law.PenaltyInvoice // the computation shown; nil when the entries are wrong
	dlg      dialog.Dialog       // the open dialog, nil when closed
}

// penaltyInvoiceButton is « Facture de pénalités… » of the penalty calculator: it
// opens the penalty invoice of the customer picked (pick), or of the calculator's.
func (sv *legalView) penaltyInvoiceButton(pick func() string) *widget.Button {
	a := sv.a
	return widget.NewButtonWithIcon(a.t("penaltyinv.ui.button"), theme.DocumentCreateIcon(), func() {
		id := pick()
		if id == "" {
			id = strings.TrimSpace(sv.customer)
		}
		sv.showPenaltyInvoice(id)
	})
}

// penaltyInvoiceDialog is the preview of a customer's penalty invoice: the period of
// the payments, the invoices paid late with their interest and indemnity, the total,
// what was left out and why, and « Émettre et enregistrer le PDF… ».
type penaltyInvoiceDialog struct {
	sv       *legalView
	customer string
	from, to *widget.Entry
	body     *fyne.Container
	issue    *widget.Button
}

// showPenaltyInvoice opens the penalty invoice dialog of customer id at the as-of date.
func (sv *legalView) showPenaltyInvoice(id string) {
	a := sv.a
	if a.sess == nil || a.book == nil {
		return
	}
	acc := a.book.Account(id)
	if acc == nil {
		a.showError(a.t("penaltyinv.ui.button"), a.t("penaltyinv.ui.need_customer"))
		return
	}
	st := &sv.more.pinv
	v := &penaltyInvoiceDialog{sv: sv, customer: id, from: widget.NewEntry(), to: widget.NewEntry(), body: container.NewStack()}
	for _, e := range []*widget.Entry{v.from, v.to} {
		e.SetPlaceHolder(a.t("penaltyinv.ui.date_hint"))
	}
	v.from.SetText(st.from)
	v.to.SetText(st.to)
	v.from.OnChanged = func(s string) { st.from = s; v.refresh() }
	v.to.OnChanged = func(s string) { st.to = s; v.refresh() }
	v.issue = widget.NewButtonWithIcon(a.t("penaltyinv.ui.issue"), theme.DocumentSaveIcon(), v.askIssue)
	v.issue.Importance = widget.HighImportance
	intro := widget.NewLabel(a.t("penaltyinv.ui.intro", "date", a.date(a.asOf)))
	intro.Wrapping = fyne.TextWrapWord
	period := container.NewHBox(widget.NewLabel(a.t("penaltyinv.ui.from")), withWidth(130, v.from),
		widget.NewLabel(a.t("penaltyinv.ui.to")), withWidth(130, v.to))
	closeBtn := widget.NewButton(a.t("penaltyinv.ui.close"), func() { st.dlg.Hide() })
	buttons := container.NewHBox(layout.NewSpacer(), closeBtn, v.issue)
	content := container.NewBorder(container.NewVBox(intro, period, widget.NewSeparator()), buttons, nil, nil, v.body)
	st.dlg = dialog.NewCustomWithoutButtons(a.t("penaltyinv.ui.title", "customer", acc.Customer.Name+" ("+id+")"), content, a.win)
	st.dlg.SetOnClosed(func() { st.dlg = nil })
	v.refresh()
	size := a.win.Canvas().Size()
	st.dlg.Resize(fyne.NewSize(min(980, size.Width*0.95), min(620, size.Height*0.92)))
	a.trace("dialog", "what", "penalty_invoice", "state", "shown", "customer", id)
	st.dlg.Show()
}

// request reads the dialog's entries and the calculator's rate and basis; the message
// says what is wrong when they cannot be read.
func (v *penaltyInvoiceDialog) request() (desk.PenaltyInvoiceRequest, string) {
	sv := v.sv
	a := sv.a
	req := desk.PenaltyInvoiceRequest{Customer: v.customer, AsOf: a.asOf, Basis: sv.basis}
	for _, f := range []struct {
		text string
		to   *ledger.Date
	}{{v.from.Text, &req.From}, {v.to.Text, &req.To}} {
		s := strings.TrimSpace(f.text)
		if s == "" {
			continue
		}
		d, err := parseDate(s)
		if err != nil {
			return req, a.t("penaltyinv.ui.bad_date", "value", s)
		}
		*f.to = d
	}
	if r := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(strings.Replace(sv.rate, ",", ".", 1)), "%")); r != "" {
		d, err := decimal.NewFromString(r)
		if err != nil {
			return req, a.t("ui.legal.bad_rate", "value", sv.rate)
		}
		req.ContractRate = decimal.NewNullDecimal(d)
	}
	return req, ""
}

// refresh computes the penalty invoice again (desk.Session.PenaltyInvoice) and shows it.
func (v *penaltyInvoiceDialog) refresh() {
	a := v.sv.a
	st := &v.sv.more.pinv
	st.preview = nil
	req, msg := v.request()
	if msg == "" {
		pi, err := a.sess.PenaltyInvoice(req)
		if err != nil {
			msg = ledger.Localize(err, a.lang)
		} else {
			st.preview = pi
		}
	}
	v.body.Objects = []fyne.CanvasObject{v.view(st.preview, msg)}
	v.body.Refresh()
	if st.preview == nil || st.preview.Empty() {
		v.issue.Disable()
	} else {
		v.issue.Enable()
	}
}

// penaltyRow is one late payment of the table, its invoice's figures on the first.
type penaltyRow struct {
	inv   *law.BilledInvoice
	pay   law.Payment
	first bool
}

// view lays out the invoice: the payments billed, the totals and the notes; or the
// message, or « nothing to bill » with the reasons.
func (v *penaltyInvoiceDialog) view(pi *law.PenaltyInvoice, msg string) fyne.CanvasObject {
	a := v.sv.a
	wrap := func(s string, imp widget.Importance) *widget.Label {
		l := widget.NewLabel(s)
		l.Wrapping, l.Importance = fyne.TextWrapWord, imp
		return l
	}
	if pi == nil {
		return container.NewVBox(wrap(msg, widget.DangerImportance))
	}
	note := func(n law.Note) string { return "• " + law.FormatNote(n, a.lang, pi.Currency) }
	if pi.Empty() {
		box := container.NewVBox(wrap(a.t("penaltyinv.ui.nothing"), widget.WarningImportance))
		for _, n := range pi.Left {
			box.Add(wrap(note(n), widget.MediumImportance))
		}
		return container.NewVScroll(box)
	}
	money := func(c ledger.Cents) string { return c.Format(a.lang, pi.Currency) }
	var rows []penaltyRow
	for i := range pi.Invoices {
		b := &pi.Invoices[i]
		for k, p := range b.Payments {
			rows = append(rows, penaltyRow{inv: b, pay: p, first: k == 0})
		}
	}
	cols := []column{{"penaltyinv.col.invoice", 120, false}, {"penaltyinv.col.due", 95, true}, {"penaltyinv.col.paid_on", 95, true},
		{"penaltyinv.col.paid", 120, true}, {"penaltyinv.col.days", 60, true}, {"penaltyinv.col.interest", 100, true},
		{"penaltyinv.col.indemnity", 100, true}}
	t := a.dataTable(cols, func() int { return len(rows) }, func(row, col int) (string, widget.Importance) {
		r := rows[row]
		if !r.first && (col < 2 || col > 4) {
			return "", normal
		}
		switch col {
		case 0:
			return r.inv.Number, normal
		case 1:
			return a.date(r.inv.Due), normal
		case 2:
			return a.date(r.pay.Date), normal
		case 3:
			return money(r.pay.Amount), normal
		case 4:
			return strconv.Itoa(r.pay.Date.DaysSince(r.inv.Start)), normal
		case 5:
			return money(r.inv.Interest), normal
		}
		return money(r.inv.Indemnity), normal
	}, nil)
	a.fitColumns(t, cols)
	n := 0
	for _, b := range pi.Invoices {
		if b.Indemnity > 0 {
			n++
		}
	}
	totals := widget.NewForm()
	for _, kv := range [][2]string{
		{a.t("penaltyinv.pdf.sum.interest"), money(pi.Interest)},
		{a.t("penaltyinv.pdf.sum.indemnity", "n", strconv.Itoa(n)), money(pi.Indemnity)},
		{a.t("penaltyinv.pdf.sum.total"), money(pi.Total)},
	} {
		l := widget.NewLabel(kv[1])
		l.TextStyle.Bold = kv[0] == a.t("penaltyinv.pdf.sum.total")
		totals.Append(kv[0], l)
	}
	var notes []string
	for _, n := range pi.Decompte.Warnings() {
		notes = append(notes, note(n))
	}
	for _, n := range pi.Left {
		notes = append(notes, note(n))
	}
	bottom := container.NewVBox(totals)
	if len(notes) > 0 {
		l := wrap(strings.Join(notes, "\n"), widget.MediumImportance)
		l.SizeName = theme.SizeNameCaptionText
		bottom.Add(l)
	}
	return container.NewBorder(nil, bottom, nil, nil, t)
}

// askIssue asks where to save the PDF, then issues the penalty invoice (numbered,
// archived with an action in the customer's history) and writes the PDF once the
// archive's transaction has committed.
func (v *penaltyInvoiceDialog) askIssue() {
	a := v.sv.a
	st := &v.sv.more.pinv
	req, msg := v.request()
	if msg != "" {
		a.showError(a.t("penaltyinv.ui.issue"), msg)
		return
	}
	name := fmt.Sprintf("%s-%s-%s.pdf", a.t("penaltyinv.ui.file"), v.customer, a.asOf)
	a.showFileDialog(fileRequest{kind: fileSave, purpose: "save", name: name, chosen: func(path string) {
		res, err := a.sess.IssuePenaltyInvoice(req, a.user(), time.Now(), a.pdf())
		if err == nil {
			err = letters.WriteFile(path, func(w io.Writer) error { _, err := w.Write(res.PDF); return err })
		}
		if err != nil {
			removeIfEmpty(path) // the save dialog created it; leave no empty document behind
			a.showError(a.t("penaltyinv.ui.issue"), ledger.Localize(err, a.lang))
			v.refresh()
			return
		}
		a.trace("issued", "what", "penalty_invoice", "number", res.Invoice.Number, "id", res.Record.ID, "path", path)
		if st.dlg != nil {
			st.dlg.Hide()
		}
		done := a.t("penaltyinv.ui.saved", "number", res.Invoice.Number, "id", res.Record.ID, "file", filepath.Base(path))
		a.setStatus(done)
		if w := a.pdfWarning(); w != "" {
			done += "\n\n" + w
		}
		a.offerOpen(path, done)
	}})
}
