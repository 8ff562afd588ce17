package ui

import (
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/law"
	"relance/letters"
	"relance/letters/refere"
)

// refereState is the Contentieux › Injonction tab's state when the chosen customer is
// a public buyer: no injonction de payer lies against a public person, the tab shows
// its référé-provision pack instead (desk.RefereProvisionPack, as `relance refere`).
type refereState struct {
	active       bool // the chosen customer is a public body
	pack         *law.ReferePack
	err          string
	skipPaidLate bool // leave out the invoices paid late (their interest was received)
}

// prepareRefere builds the référé-provision pack when the tab's customer is a public
// body and reports whether it is; otherwise it clears the référé state.
func (sv *legalView) prepareRefere() bool {
	a := sv.a
	s := &sv.more
	skip := s.rf.skipPaidLate
	s.rf = refereState{skipPaidLate: skip}
	acc := a.book.Account(s.ipCustomer)
	if acc == nil || acc.Customer.Kind != ledger.PublicBody {
		return false
	}
	s.rf.active = true
	p, err := a.sess.RefereProvisionPack(s.ipCustomer, a.asOf, desk.RefereOptions{SkipPaidLate: skip})
	if err != nil {
		s.rf.err = ledger.Localize(err, a.lang)
		return true
	}
	s.rf.pack = p
	return true
}

// refereButtons are the tab's save button and help text for a public buyer.
func (sv *legalView) refereButtons() (*widget.Button, *widget.Label) {
	a := sv.a
	save := widget.NewButtonWithIcon(a.t("refere.ui.save"), theme.DocumentSaveIcon(), sv.askReferePDF)
	if sv.more.rf.pack == nil {
		save.Disable()
	}
	return save, caption(a.t("refere.ui.help"))
}

// refereView shows the pack: the conditions, the court and the debtor, the invoices,
// the provision requested, the facts, the exhibits and what follows the order.
func (sv *legalView) refereView() fyne.CanvasObject {
	a := sv.a
	rf := &sv.more.rf
	wrap := func(text string, imp widget.Importance, bold bool) *widget.Label {
		l := widget.NewLabel(text)
		l.Wrapping, l.Importance = fyne.TextWrapWord, imp
		l.TextStyle.Bold = bold
		return l
	}
	if rf.err != "" {
		return container.NewVBox(wrap(rf.err, widget.DangerImportance, false))
	}
	p := rf.pack
	if p == nil {
		return container.NewCenter(widget.NewLabel(a.t("ui.legal2.ip_empty")))
	}
	note := func(n law.Note) string { return p.Text(n, a.lang) }
	money := func(c ledger.Cents) string { return c.Format(a.lang, p.Currency) }
	head := func(key string) fyne.CanvasObject {
		l := widget.NewLabel(a.t(key))
		l.TextStyle.Bold, l.Importance = true, widget.HighImportance
		return l
	}
	box := container.NewVBox(wrap(a.t("refere.ui.public"), widget.WarningImportance, false))
	if a.lang != refere.Lang {
		box.Add(wrap(a.t("refere.ui.pdf_fr"), normal, false))
	}
	verdict, imp := a.t("refere.cli.verdict_ok"), widget.SuccessImportance
	if !p.Eligible {
		verdict, imp = a.t("refere.cli.verdict_no"), widget.DangerImportance
	}
	box.Add(wrap(p.Name+" ("+p.Customer+") — "+verdict, imp, true))
	box.Add(head("refere.ui.h.checks"))
	for _, c := range p.Checks {
		ci := widget.MediumImportance
		switch c.Status {
		case law.CheckNo:
			ci = widget.DangerImportance
		case law.CheckWarn:
			ci = widget.WarningImportance
		}
		box.Add(wrap(a.t("refere.check.status."+string(c.Status))+" — "+note(c.Note), ci, false))
	}
	orNone := func(s string) string {
		if s == "" {
			return a.t("refere.ui.none")
		}
		return s
	}
	contracts := strings.Join(p.Contracts, ", ")
	box.Add(widget.NewForm(
		widget.NewFormItem(a.t("refere.ui.court"), wrap(p.Court.Name(a.lang)+" — "+p.Court.Rule, normal, true)),
		widget.NewFormItem(a.t("refere.ui.debtor"), wrap(p.Debtor.Name+", "+p.Debtor.Address, normal, false)),
		widget.NewFormItem(a.t("refere.ui.accountant"), wrap(orNone(p.Debtor.Accountant), normal, false)),
		widget.NewFormItem(a.t("refere.ui.contracts"), wrap(orNone(contracts), normal, false)),
	))
	for _, v := range p.Court.Verify {
		box.Add(wrap("• "+note(v), normal, false))
	}
	paidLate := widget.NewCheck(a.t("refere.ui.paid_late"), nil)
	paidLate.SetChecked(!rf.skipPaidLate)
	paidLate.OnChanged = func(on bool) {
		sv.more.rf.skipPaidLate = !on
		sv.prepareInjonction()
		a.showScreen(screenLegal)
	}
	box.Add(paidLate)
	box.Add(head("refere.ui.h.lines"))
	box.Add(sv.refereLines(p, money))
	box.Add(head("refere.ui.h.totals"))
	totals := widget.NewForm()
	ts := p.Totals()
	for i, t := range ts {
		totals.Append(a.t(t.Key), wrap(money(t.Amount), normal, i == len(ts)-1))
	}
	box.Add(totals)
	section := func(key string, ns []law.Note, imp widget.Importance) {
		box.Add(head(key))
		for _, n := range ns {
			box.Add(wrap(note(n), imp, false))
		}
	}
	section("refere.ui.h.facts", p.Facts, normal)
	box.Add(head("refere.ui.h.documents"))
	for _, d := range p.Documents {
		di := widget.MediumImportance
		if d.Status == law.DocToAttach {
			di = widget.WarningImportance
		}
		box.Add(wrap(fmt.Sprintf("%d. %s — %s", d.N, p.DocText(d, a.lang), a.t("law.doc.status."+string(d.Status))), di, false))
	}
	section("refere.ui.h.after", p.After, normal)
	section("refere.ui.h.notes", p.Notes, widget.LowImportance)
	return container.NewVScroll(box)
}

// refereLines lists the invoices considered, one line each (a grid of seven columns
// would not fit beside the form at 1366 px): due date, principal claimed or date paid
// (an invoice paid late), interest, indemnity and why a line is left out.
func (sv *legalView) refereLines(p *law.ReferePack, money func(ledger.Cents) string) fyne.CanvasObject {
	a := sv.a
	form := widget.NewForm()
	for _, l := range p.Lines {
		parts := []string{a.t("refere.ui.col.due") + " " + a.date(l.DueDate)}
		if l.Paid.Valid() {
			parts = append(parts, a.t("refere.ui.col.paid")+" "+a.date(l.Paid))
		} else {
			parts = append(parts, a.t("refere.ui.col.claimed")+" "+money(l.ClaimLine.Claimed))
		}
		parts = append(parts, a.t("refere.ui.col.interest")+" "+money(l.Interest+l.LegalInterest),
			a.t("refere.ui.col.indemnity")+" "+money(l.Indemnity))
		imp := widget.MediumImportance
		if l.Excluded != "" {
			parts = append(parts, a.t(l.Excluded))
			if l.ClaimLine.Claimed == 0 {
				imp = widget.LowImportance
			}
		}
		v := widget.NewLabel(strings.Join(parts, " · "))
		v.Wrapping, v.Importance = fyne.TextWrapWord, imp
		form.Append(l.Number, v)
	}
	return form
}

// askReferePDF asks where to save the pack's PDF dossier (in French), then writes it.
func (sv *legalView) askReferePDF() {
	a := sv.a
	p := sv.more.rf.pack
	if p == nil {
		return
	}
	a.askSave(fmt.Sprintf("%s-%s-%s.pdf", a.t("refere.ui.file"), p.Customer, p.AsOf), "ui.legal2.saved", func(path string) error {
		return letters.WriteFile(path, func(w io.Writer) error {
			return refere.Render(w, a.book, p, refere.Options{Factory: a.pdf()})
		})
	})
}
