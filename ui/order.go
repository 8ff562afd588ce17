package ui

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
	"relance/ledger/contract"
	"relance/ledger/payment"
)

// askOrder is « Commande à l'étude… » on the card's « Contrat » tab: the amount and
// reference of an order typed, « Vérifier » shows what it needs before it is accepted
// (desk.Session.CheckOrder, as `relance order` prints it), and « Demande d'acompte
// (PDF)… » issues the deposit request through the save dialog
// (desk.Session.IssueDepositLetter: archived with its record before the file is written).
func (a *App) askOrder(id string) {
	acc := a.book.Account(id)
	if acc == nil {
		return
	}
	amount, ref := widget.NewEntry(), widget.NewEntry()
	amount.SetPlaceHolder("12 000,00")
	result := container.NewVBox()
	var amt ledger.Cents
	letter := widget.NewButtonWithIcon(a.t("order.ui.letter"), theme.DocumentPrintIcon(), nil)
	letter.Disable()
	readOnly := a.db == nil || a.db.ReadOnly()
	check := func() {
		result.RemoveAll()
		letter.Disable()
		c, err := payment.ParseAmount(amount.Text)
		if err != nil || c <= 0 {
			l := widget.NewLabel(a.t("order.err.amount", "value", amount.Text))
			l.Importance = widget.DangerImportance
			result.Add(l)
			return
		}
		amt = c
		v, err := a.sess.CheckOrder(id, strings.TrimSpace(ref.Text), c, a.asOf)
		if err != nil {
			result.Add(widget.NewLabel(ledger.Localize(err, a.lang)))
			return
		}
		a.trace("computed", "what", "order", "customer", id, "deposit", v.Deposit.String(), "pct", v.Pct)
		limit := a.t("order.ui.no_limit")
		if v.Limit > 0 {
			limit = a.money(v.Limit)
		}
		fig := widget.NewLabel(a.t("order.ui.figures", "class", v.Class, "owed", a.money(v.Owed), "overdue", a.money(v.Overdue),
			"limit", limit, "cover", a.money(v.Cover)))
		fig.Wrapping = fyne.TextWrapWord
		head := widget.NewLabel(a.t("order.ui.none"))
		head.Importance = widget.SuccessImportance
		if v.Deposit > 0 {
			head.SetText(a.t("order.ui.deposit", "deposit", a.money(v.Deposit), "pct", strconv.Itoa(v.Pct)))
			head.Importance = widget.WarningImportance
			if !readOnly {
				letter.Enable()
			}
		}
		head.TextStyle = fyne.TextStyle{Bold: true}
		head.Wrapping = fyne.TextWrapWord
		result.Add(head)
		result.Add(fig)
		for _, f := range v.Reasons {
			l := widget.NewLabel("– " + contract.ReasonText(f, a.lang, a.money))
			l.Wrapping = fyne.TextWrapWord
			result.Add(l)
		}
	}
	amount.OnSubmitted = func(string) { check() }
	ref.OnSubmitted = func(string) { check() }
	verify := widget.NewButtonWithIcon(a.t("order.ui.check"), theme.SearchIcon(), check)
	verify.Importance = widget.HighImportance
	form := container.New(layout.NewFormLayout(),
		widget.NewLabel(a.t("order.ui.amount")), amount,
		widget.NewLabel(a.t("order.ui.ref")), ref)
	var d dialog.Dialog
	letter.OnTapped = func() {
		r := strings.TrimSpace(ref.Text)
		name := fmt.Sprintf("%s-%s-%s.pdf", a.t("order.ui.file"), id, a.asOf)
		d.Hide()
		a.askSave(name, "order.ui.done", func(path string) error {
			rec, pdf, err := a.sess.IssueDepositLetter(id, r, amt, a.asOf, "", a.user(), time.Now(), a.pdf())
			if err != nil {
				return err
			}
			a.trace("issued", "stage", "deposit", "customer", id, "id", rec.ID)
			return os.WriteFile(path, pdf, 0o600)
		})
	}
	content := container.NewBorder(container.NewVBox(form, container.NewHBox(layout.NewSpacer(), verify)), letter, nil, nil,
		container.NewVScroll(result))
	a.trace("dialog", "purpose", "order", "state", "shown", "customer", id)
	d = dialog.NewCustom(a.t("order.ui.title", "customer", acc.Customer.Name), a.t("ui.tour.close"), content, a.win)
	d.Resize(fyne.NewSize(760, 560))
	d.Show()
	a.win.Canvas().Focus(amount)
}
