package ui

import (
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
	"relance/ledger/law"
	"relance/letters"
	"relance/letters/injonction"
)

// legalMore keeps the state of the Contentieux tabs added for the injonction pack,
// insolvency procedures and the cost calculators.
type legalMore struct {
	ipCustomer string
	ipPack     *law.IPPack
	ipErr      string
	rf         refereState // a public buyer's référé-provision pack, shown instead (legal_refere.go)

	procSelected int // 1 + index of the selected procedure row, 0: none

	acts actsState     // the register of interrupting acts (legal_interruptions.go)
	judg judgmentState // the decisions obtained and their post-judgment décompte (legal_judgment.go)
	cheq chequeState   // the unpaid cheques and their procedure (legal_cheques.go)

	pinv penaltyInvoiceState // the penalty invoice dialog of Pénalités (legal_penaltyinvoice.go)

	costAmount, costRate, costDays         string
	escAmount, escDiscount, escDays, escFR string
	costResult, escResult                  string
}

// injonctionPane prepares the injonction de payer pack of a customer: eligibility,
// court, the request's data, the bordereau, the costs, and saves the PDF dossier.
func (sv *legalView) injonctionPane() fyne.CanvasObject {
	a := sv.a
	s := &sv.more
	prepareNow := func() {
		sv.prepareInjonction()
		a.showScreen(screenLegal)
	}
	customer := a.newCustomerPicker(s.ipCustomer, func(id string) { s.ipCustomer = id; prepareNow() })
	prepare := widget.NewButtonWithIcon(a.t("ui.legal2.prepare"), theme.ConfirmIcon(), func() {
		s.ipCustomer = customer.customerID()
		if s.ipCustomer == "" {
			s.ipCustomer = strings.TrimSpace(customer.entry.Text)
		}
		prepareNow()
	})
	prepare.Importance = widget.HighImportance
	save := widget.NewButtonWithIcon(a.t("ui.legal2.save_pdf"), theme.DocumentSaveIcon(), sv.askInjonctionPDF)
	if s.ipPack == nil {
		save.Disable()
	}
	help := caption(a.t("ui.legal2.ip_help"))
	if s.rf.active { // a public buyer: the référé-provision pack instead of the injonction
		save, help = sv.refereButtons()
	}
	left := container.NewVBox(widget.NewForm(widget.NewFormItem(a.t("ui.legal.customer"), customer.object())),
		container.NewHBox(prepare, save), help)
	return container.NewBorder(nil, nil, withWidth(330, left), nil, sv.injonctionView())
}

// prepareInjonction builds the pack of the chosen customer at the as-of date.
func (sv *legalView) prepareInjonction() {
	a := sv.a
	s := &sv.more
	s.ipPack, s.ipErr = nil, ""
	if sv.prepareRefere() { // no injonction de payer against a public person
		return
	}
	if a.book.Account(s.ipCustomer) == nil {
		s.ipErr = a.t("ui.legal.bad_customer", "value", s.ipCustomer)
		return
	}
	p, err := a.sess.InjonctionPack(s.ipCustomer, a.asOf, nil)
	if err != nil {
		s.ipErr = ledger.Localize(err, a.lang)
		return
	}
	s.ipPack = p
}

// showInjonction opens the injonction tab on a customer.
func (sv *legalView) showInjonction(customerID string) {
	a := sv.a
	sv.tab, sv.more.ipCustomer = 3, customerID
	sv.prepareInjonction()
	a.showScreen(screenLegal)
}

func (sv *legalView) injonctionView() fyne.CanvasObject {
	a := sv.a
	s := &sv.more
	if s.rf.active {
		return sv.refereView()
	}
	if s.ipErr != "" {
		l := widget.NewLabel(s.ipErr)
		l.Wrapping, l.Importance = fyne.TextWrapWord, widget.DangerImportance
		return container.NewVBox(l)
	}
	p := s.ipPack
	if p == nil {
		return container.NewCenter(widget.NewLabel(a.t("ui.legal2.ip_empty")))
	}
	cur := p.Currency
	note := func(n law.Note) string { return law.FormatNote(n, a.lang, cur) }
	wrap := func(text string, imp widget.Importance, bold bool) *widget.Label {
		l := widget.NewLabel(text)
		l.Wrapping, l.Importance = fyne.TextWrapWord, imp
		l.TextStyle.Bold = bold
		return l
	}
	head := func(key string, args ...string) fyne.CanvasObject {
		l := widget.NewLabel(a.t(key, args...))
		l.TextStyle.Bold = true
		l.Importance = widget.HighImportance
		return l
	}
	box := container.NewVBox()
	verdict := a.t("ip.pdf.eligible")
	imp := widget.SuccessImportance
	if !p.Eligibility.Eligible {
		verdict = a.t("ip.pdf.not_eligible", "route", note(law.Note{Key: "law.route." + string(p.Eligibility.Route)}))
		imp = widget.DangerImportance
	}
	if strings.TrimSpace(a.book.Settings.Representative.Name) == "" {
		box.Add(wrap(a.t("ui.legal2.rep_missing"), widget.DangerImportance, true))
	}
	box.Add(wrap(p.Name+" ("+p.Customer+") — "+verdict, imp, true))
	if w := a.proofWarnings(p.ProofWarnings, cur); w != nil { // pieces of proof missing (ui/proof.go)
		box.Add(w)
	}
	for _, c := range p.Eligibility.Checks {
		mark, ci := a.t("ip.pdf.yes")+" — ", widget.MediumImportance
		if !c.OK {
			mark, ci = a.t("ip.pdf.no")+" — ", widget.DangerImportance
		}
		box.Add(wrap(mark+note(c.Note), ci, false))
	}
	for _, r := range p.Eligibility.Alternatives {
		box.Add(wrap(a.t("ip.pdf.alternative", "route", note(law.Note{Key: "law.route." + string(r)})), widget.LowImportance, false))
	}
	court := widget.NewForm(
		widget.NewFormItem(a.t("ip.pdf.court"), wrap(p.Court.Name(a.lang), normal, true)),
		widget.NewFormItem(a.t("ip.pdf.form"), widget.NewLabel(p.Court.FormName(a.lang)+" — "+p.Court.Rule)),
	)
	box.Add(court)
	box.Add(head("ip.pdf.h.form", "form", p.Court.FormName(a.lang)))
	form := widget.NewForm()
	for _, f := range append(append([]law.FormField{}, p.Form...), p.European...) {
		form.Append(a.t(f.Label), wrap(f.Value(a.lang, cur), normal, false))
	}
	box.Add(form)
	box.Add(head("ip.pdf.h.bordereau"))
	for _, d := range p.Documents {
		di := widget.MediumImportance
		if d.Status == law.DocToAttach || d.Status == law.DocMissing {
			di = widget.WarningImportance
		}
		box.Add(wrap(fmt.Sprintf("%d. %s — %s", d.N, d.Text(a.lang, cur), a.t("law.doc.status."+string(d.Status))), di, false))
	}
	box.Add(head("ip.pdf.h.costs"))
	costs := widget.NewForm()
	for _, c := range p.Costs {
		costs.Append(a.t(c.Key), wrap(c.AmountText(a.lang, cur), widget.MediumImportance, false))
	}
	costs.Append(a.t("ip.pdf.cost_total"), wrap(p.CostTotal.Format(a.lang, cur), normal, true))
	box.Add(costs)
	for _, n := range p.Notes {
		box.Add(wrap("• "+note(n), widget.LowImportance, false))
	}
	return container.NewVScroll(box)
}

// askInjonctionPDF asks where to save the pack's PDF dossier, then writes it.
func (sv *legalView) askInjonctionPDF() {
	a := sv.a
	p := sv.more.ipPack
	if p == nil {
		return
	}
	a.askSave(fmt.Sprintf("%s-%s-%s.pdf", a.t("ui.legal2.ip_file"), p.Customer, p.AsOf), "ui.legal2.saved", func(path string) error {
		return letters.WriteFile(path, func(w io.Writer) error {
			return injonction.Render(w, a.book, p, a.lang, injonction.Options{Factory: a.pdf()})
		})
	})
}
