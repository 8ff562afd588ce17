package ui

import (
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
	"relance/ledger/dispute"
	"relance/letters"
	"relance/letters/digest"
)

// askDigest asks for a salesperson, then where to save their digest: open disputes,
// overdue customers and blocks to decide, ready to mail.
func (a *App) askDigest() {
	if len(a.book.Salespeople) == 0 {
		a.showError(a.t("ui.dialog.error"), a.t("ui.sales.none"))
		return
	}
	var names []string
	for _, sp := range a.book.Salespeople {
		names = append(names, sp.Name)
	}
	sel := widget.NewSelect(names, nil)
	sel.SetSelectedIndex(0)
	dialog.ShowForm(a.t("ui.sales.digest"), a.t("ui.sales.next"), a.t("ui.dialog.cancel"),
		[]*widget.FormItem{widget.NewFormItem(a.t("ui.sales.salesperson"), sel)}, func(ok bool) {
			if !ok {
				return
			}
			sp := a.book.Salespeople[sel.SelectedIndex()]
			a.askSave(fmt.Sprintf("%s-%s-%s.pdf", a.t("ui.sales.digest_file"), sp.ID, a.asOf), "ui.sales.digest_done",
				func(path string) error { return a.writeDigest(sp, path) })
		}, a.win)
}

// writeDigest writes salesperson sp's digest at the as-of date to path.
func (a *App) writeDigest(sp ledger.Salesperson, path string) error {
	dg := a.sess.Digest(sp, a.asOf)
	return letters.WriteFile(path, func(w io.Writer) error {
		return digest.RenderPDF(w, a.book.Settings, &dg, digest.Options{Lang: a.lang, Factory: a.pdf()})
	})
}

// writeAck writes the acknowledgement letter of dispute d to its customer.
func (a *App) writeAck(d *dispute.Dispute, path string) error {
	return letters.WriteFile(path, func(w io.Writer) error {
		return a.sess.DisputeAck(w, d, digest.Options{Factory: a.pdf()})
	})
}

// askSalespeople shows the salespeople directory: each can be edited, and one added.
func (a *App) askSalespeople() {
	list := container.NewVBox()
	for _, sp := range a.book.Salespeople {
		sp := sp
		b := widget.NewButton(sp.Name+" — "+sp.Email+" "+sp.Phone, func() { a.editSalesperson(sp) })
		b.Alignment = widget.ButtonAlignLeading
		list.Add(b)
	}
	add := widget.NewButton(a.t("ui.sales.add"), func() { a.editSalesperson(ledger.Salesperson{}) })
	d := dialog.NewCustom(a.t("ui.sales.title"), a.t("ui.dialog.close"), withWidth(560, container.NewVBox(list, add)), a.win)
	d.Show()
}

// editSalesperson edits (or, with an empty ID, creates) a salesperson in one transaction.
func (a *App) editSalesperson(sp ledger.Salesperson) {
	id, name, email, phone := widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	id.SetText(sp.ID)
	if sp.ID != "" {
		id.Disable()
	}
	name.SetText(sp.Name)
	email.SetText(sp.Email)
	phone.SetText(sp.Phone)
	items := []*widget.FormItem{
		widget.NewFormItem(a.t("ui.sales.id"), id), widget.NewFormItem(a.t("ui.sales.name"), name),
		widget.NewFormItem(a.t("ui.sales.email"), email), widget.NewFormItem(a.t("ui.sales.phone"), phone),
	}
	f := dialog.NewForm(a.t("ui.sales.title"), a.t("ui.set.save"), a.t("ui.dialog.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		// Trimmed and upper-cased as desk.SaveSalesperson stores it, which checks it.
		next := ledger.Salesperson{ID: id.Text, Name: name.Text, Email: email.Text, Phone: phone.Text}.Normalize()
		if err := a.saveSalesperson(next); err != nil {
			a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
		}
	}, a.win)
	f.Resize(fyne.NewSize(480, 320))
	f.Show()
}

// saveSalesperson stores a salesperson (one transaction) and reloads.
func (a *App) saveSalesperson(sp ledger.Salesperson) error {
	if err := a.sess.SaveSalesperson(sp); err != nil {
		return err
	}
	a.reloadThen(a.t("ui.sales.saved", "name", sp.Name))
	return nil
}
