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
	"github.com/shopspring/decimal"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/contract"
	"relance/ledger/earned"
	"relance/ledger/payment"
	"relance/letters"
	"relance/letters/termsheet"
)

// contractTab is the customer card's « Contrat » tab: what the customer accepted (the
// CGV and their clauses), the guarantees held, what to fix (desk.Session.ContractOf, as
// `relance contract show` prints it), and the buttons that change them or write the
// argument sheet for negotiating its payment terms.
func (a *App) contractTab(id string) fyne.CanvasObject {
	if a.sess == nil {
		return widget.NewLabel("")
	}
	v, err := a.sess.ContractOf(id, a.asOf)
	if err != nil {
		l := widget.NewLabel(ledger.Localize(err, a.lang))
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	a.trace("shown", "what", "contract", "customer", id, "guarantees", len(v.Contract.Guarantees), "findings", len(v.Findings))
	// Each line a wrapped paragraph, its label in bold: the card is narrow, and a
	// form's label column would squeeze the values (or the labels) out of sight.
	sep := ": "
	if a.lang == "fr" {
		sep = "\u00a0: "
	}
	var segs []widget.RichTextSegment
	for _, line := range desk.ContractLines(a.lang, v, a.money, a.date) {
		segs = append(segs, &widget.TextSegment{Style: widget.RichTextStyleStrong, Text: line[0] + sep},
			&widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: line[1]})
	}
	form := widget.NewRichText(segs...)
	form.Wrapping = fyne.TextWrapWord
	readOnly := a.db == nil || a.db.ReadOnly()
	edit := widget.NewButtonWithIcon(a.t("contract.ui.edit"), theme.DocumentCreateIcon(), func() { a.askContract(id) })
	add := widget.NewButtonWithIcon(a.t("contract.ui.add_guarantee"), theme.ContentAddIcon(), func() { a.askGuarantee(id) })
	sheet := widget.NewButtonWithIcon(a.t("contract.ui.sheet"), theme.DocumentPrintIcon(), func() { a.askTermsSheet(id) })
	order := widget.NewButtonWithIcon(a.t("order.ui.button"), theme.ContentPasteIcon(), func() { a.askOrder(id) }) // ui/order.go
	if readOnly {
		edit.Disable()
		add.Disable()
	}
	box := container.NewVBox(container.NewGridWithColumns(1, order, sheet, edit, add), form)
	if n := len(v.Contract.Guarantees); n > 0 {
		title := widget.NewLabel(a.t("contract.ui.guarantees"))
		title.TextStyle = fyne.TextStyle{Bold: true}
		box.Add(title)
		for i, g := range v.Contract.Guarantees {
			until := a.t("contract.ui.open_ended")
			if g.Until.Valid() {
				until = a.date(g.Until)
			}
			text := a.t("contract.ui.guarantee", "kind", g.Kind.Label(a.lang), "issuer", g.Issuer,
				"amount", a.money(g.Amount), "from", a.date(g.From), "until", until)
			if g.Ref != "" {
				text += a.t("contract.ui.ref", "ref", g.Ref)
			}
			l := widget.NewLabel(text)
			l.Wrapping = fyne.TextWrapWord
			n := i
			del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { a.removeGuarantee(id, n) })
			del.Importance = widget.LowImportance
			if readOnly {
				del.Disable()
			}
			box.Add(container.NewBorder(nil, nil, nil, del, l))
		}
	}
	if len(v.Findings) > 0 {
		title := widget.NewLabel(a.t("contract.findings"))
		title.TextStyle = fyne.TextStyle{Bold: true}
		box.Add(title)
		for _, f := range v.Findings {
			l := widget.NewLabel("• " + f.Text(a.lang, a.date, a.money))
			l.Wrapping = fyne.TextWrapWord
			l.Importance = widget.WarningImportance
			box.Add(l)
		}
	}
	return box
}

// saveContract stores c and shows the card again, saying done; a refusal is shown
// (after refused, when not nil: the form brought back with what was typed).
func (a *App) saveContract(c contract.Contract, done string, refused func()) {
	if err := a.sess.SaveContract(c, a.user(), a.asOf); err != nil {
		if refused != nil {
			refused()
		}
		a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
		return
	}
	a.trace("recorded", "what", "contract", "customer", c.Customer, "guarantees", len(c.Guarantees))
	a.reloadThen(done)
}

// formRate reads an optional percent typed in field label of a form: "" is none.
func formRate(s, label string) (*decimal.Decimal, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	r, err := earned.ParseRate(s)
	if err != nil || r == nil {
		return nil, &ledger.Problem{Key: "contract.err.field", Args: []string{"field", label, "value", s}}
	}
	return r, nil
}

// contractForm is the contract form as typed.
type contractForm struct {
	cgv, accepted, rate, clause, court, note string
	retention                                bool
}

// askContract opens the form of what customer id accepted, filled from its contract.
func (a *App) askContract(id string) {
	v, err := a.sess.ContractOf(id, a.asOf)
	if err != nil {
		a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
		return
	}
	c := v.Contract
	f := contractForm{cgv: c.CGV, court: c.Court, note: c.Note, retention: c.RetentionOfTitle}
	if c.Accepted.Valid() {
		f.accepted = a.date(c.Accepted)
	}
	if c.LateRate != nil {
		f.rate = earned.Num(a.lang, *c.LateRate)
	}
	if c.PenaltyClause != nil {
		f.clause = earned.Num(a.lang, *c.PenaltyClause)
	}
	a.askContractForm(c, f)
}

// askContractForm shows the contract form filled with f over contract c; a refused entry
// brings it back with what was typed, under the message naming the field and value.
func (a *App) askContractForm(c contract.Contract, f contractForm) {
	id := c.Customer
	entry := func(text, hint string) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(text)
		e.SetPlaceHolder(hint)
		return e
	}
	cgv, accepted := entry(f.cgv, a.t("contract.ui.cgv_hint")), entry(f.accepted, a.t("contract.ui.date_hint"))
	rate, clause := entry(f.rate, a.t("contract.late_rate_statutory")), entry(f.clause, a.t("contract.none"))
	court := entry(f.court, a.t("contract.none"))
	rot := widget.NewCheck(a.t("contract.ui.retention"), nil)
	rot.SetChecked(f.retention)
	note := widget.NewMultiLineEntry()
	note.SetText(f.note)
	items := []*widget.FormItem{
		widget.NewFormItem(a.t("contract.ui.cgv"), cgv),
		widget.NewFormItem(a.t("contract.ui.accepted"), accepted),
		widget.NewFormItem(a.t("contract.ui.late_rate"), rate),
		widget.NewFormItem(a.t("contract.ui.penalty_clause"), clause),
		widget.NewFormItem(a.t("contract.f.court"), court),
		widget.NewFormItem("", rot),
		widget.NewFormItem(a.t("contract.ui.note"), note),
	}
	a.trace("dialog", "purpose", "contract", "state", "shown", "customer", id)
	d := dialog.NewForm(a.t("contract.ui.edit_title", "customer", a.book.Account(id).Customer.Name), a.t("ui.agenda.save"),
		a.t("ui.dialog.cancel"), items, func(ok bool) {
			if !ok {
				return
			}
			typed := contractForm{cgv: cgv.Text, accepted: accepted.Text, rate: rate.Text, clause: clause.Text, court: court.Text,
				note: note.Text, retention: rot.Checked}
			refuse := func(msg string) {
				a.askContractForm(c, typed)
				a.showError(a.t("ui.dialog.error"), msg)
			}
			k := c
			k.CGV, k.Court, k.Note, k.RetentionOfTitle = strings.TrimSpace(typed.cgv), strings.TrimSpace(typed.court), typed.note, typed.retention
			k.Accepted = ledger.NoDate
			if s := strings.TrimSpace(typed.accepted); s != "" {
				d, err := parseDate(s)
				if err != nil {
					refuse(a.t("contract.err.field", "field", a.t("contract.ui.accepted"), "value", s))
					return
				}
				k.Accepted = d
			}
			var perr error
			if k.LateRate, perr = formRate(typed.rate, a.t("contract.ui.late_rate")); perr != nil {
				refuse(ledger.Localize(perr, a.lang))
				return
			}
			if k.PenaltyClause, perr = formRate(typed.clause, a.t("contract.ui.penalty_clause")); perr != nil {
				refuse(ledger.Localize(perr, a.lang))
				return
			}
			a.saveContract(k, a.t("contract.cli.saved", "customer", id), func() { a.askContractForm(c, typed) })
		}, a.win)
	d.Resize(fyne.NewSize(720, 520))
	d.Show()
}

// askGuarantee opens the form adding a guarantee to customer id.
func (a *App) askGuarantee(id string) {
	kinds := contract.Kinds()
	labels := make([]string, len(kinds))
	for i, k := range kinds {
		labels[i] = k.Label(a.lang)
	}
	kind := widget.NewSelect(labels, nil)
	kind.SetSelectedIndex(0)
	issuer, amount, from, until, ref := widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	from.SetText(a.date(a.asOf))
	until.SetPlaceHolder(a.t("contract.ui.open_ended"))
	items := []*widget.FormItem{
		widget.NewFormItem(a.t("contract.col.kind"), kind),
		widget.NewFormItem(a.t("contract.col.issuer"), issuer),
		widget.NewFormItem(a.t("contract.col.amount"), amount),
		widget.NewFormItem(a.t("contract.col.from"), from),
		widget.NewFormItem(a.t("contract.col.until"), until),
		widget.NewFormItem(a.t("contract.col.ref"), ref),
	}
	a.trace("dialog", "purpose", "guarantee", "state", "shown", "customer", id)
	d := dialog.NewForm(a.t("contract.ui.add_guarantee"), a.t("ui.agenda.save"), a.t("ui.dialog.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		fail := func(field, value string) {
			a.showError(a.t("ui.dialog.error"), a.t("contract.err.field", "field", field, "value", value))
		}
		g := contract.Guarantee{Kind: kinds[max(0, kind.SelectedIndex())], Issuer: strings.TrimSpace(issuer.Text), Ref: strings.TrimSpace(ref.Text)}
		c, err := payment.ParseAmount(amount.Text)
		if err != nil || c <= 0 {
			fail(a.t("contract.col.amount"), amount.Text)
			return
		}
		g.Amount = c
		if g.From, err = parseDate(strings.TrimSpace(from.Text)); err != nil {
			fail(a.t("contract.col.from"), from.Text)
			return
		}
		if s := strings.TrimSpace(until.Text); s != "" {
			if g.Until, err = parseDate(s); err != nil {
				fail(a.t("contract.col.until"), s)
				return
			}
		}
		v, err := a.sess.ContractOf(id, a.asOf)
		if err != nil {
			a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
			return
		}
		k := v.Contract
		k.Guarantees = append(k.Guarantees, g)
		a.saveContract(k, a.t("contract.cli.guarantee", "customer", id, "kind", g.Kind.Label(a.lang)), nil)
	}, a.win)
	d.Resize(fyne.NewSize(620, 420))
	d.Show()
}

// removeGuarantee removes guarantee n of customer id once confirmed.
func (a *App) removeGuarantee(id string, n int) {
	v, err := a.sess.ContractOf(id, a.asOf)
	if err != nil || n >= len(v.Contract.Guarantees) {
		return
	}
	g := v.Contract.Guarantees[n]
	dialog.ShowConfirm(a.t("contract.ui.remove_title"), a.t("contract.ui.remove", "kind", g.Kind.Label(a.lang), "issuer", g.Issuer),
		func(ok bool) {
			if !ok {
				return
			}
			k := v.Contract
			k.Guarantees = append(k.Guarantees[:n:n], k.Guarantees[n+1:]...)
			a.saveContract(k, a.t("contract.ui.removed"), nil)
		}, a.win)
}

// askTermsSheet asks how many days more the customer wants and the firm's financing
// rate, then where to save the argument sheet (desk.Session.TermsSheet).
func (a *App) askTermsSheet(id string) {
	days, rate := widget.NewEntry(), widget.NewEntry()
	days.SetText("15")
	if a.fyne != nil {
		rate.SetText(a.fyne.Preferences().String(prefEarnedRate))
	}
	rate.SetPlaceHolder("4,5")
	items := []*widget.FormItem{widget.NewFormItem(a.t("contract.ui.days"), days), widget.NewFormItem(a.t("earned.rate"), rate)}
	dialog.ShowForm(a.t("contract.ui.sheet_title"), a.t("contract.ui.sheet_go"), a.t("ui.dialog.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		n, err := strconv.Atoi(strings.TrimSpace(days.Text))
		r, rerr := earned.ParseRate(rate.Text)
		if err != nil || rerr != nil || r == nil {
			a.showError(a.t("ui.dialog.error"), a.t("contract.ui.sheet_bad", "days", days.Text, "rate", rate.Text))
			return
		}
		sh, err := a.sess.TermsSheet(id, n, *r, a.lang, a.asOf)
		if err != nil {
			a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
			return
		}
		a.askSave(fmt.Sprintf("%s-%s-%s.pdf", a.t("contract.ui.sheet_file"), id, a.asOf), "contract.ui.sheet_done", func(path string) error {
			if err := letters.WriteFile(path, func(w io.Writer) error { return termsheet.Render(w, sh, a.pdf()) }); err != nil {
				return err
			}
			a.trace("written", "what", "termsheet", "customer", id, "cash", sh.Cash.String(), "cost", sh.Cost.String())
			return nil
		})
	}, a.win)
}
