package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
	"relance/ledger/hygiene"
)

// hygienePane is the Clients screen's « Tenue du compte » tab: the checks of an
// up-to-date customer ledger at the as-of date (desk.Session.Hygiene, as `relance
// hygiene` prints them), each with its count, amount and why it matters, its findings
// largest first; a finding opens its customer's card, or its dispute.
func (sv *riskView) hygienePane() fyne.CanvasObject {
	a := sv.a
	r, err := a.sess.Hygiene(a.asOf, 0)
	if err != nil {
		return widget.NewLabel(ledger.Localize(err, a.lang))
	}
	title := widget.NewLabel(a.t("hygiene.title", "date", a.date(a.asOf)))
	title.TextStyle = fyne.TextStyle{Bold: true}
	if r.Clean() {
		return container.NewVBox(title, widget.NewLabel(a.t("hygiene.clean", "date", a.date(a.asOf))))
	}
	n := 0
	acc := widget.NewAccordion()
	for i := range r.Results {
		res := &r.Results[i]
		n += res.Count
		head := res.Check.Label(a.lang, a.money(r.SmallRest)) + " — " + strconv.Itoa(res.Count)
		if res.Count > 0 {
			head += " · " + a.money(res.Amount)
		}
		acc.Append(widget.NewAccordionItem(head, sv.hygieneFindings(res)))
	}
	for i := range r.Results {
		if r.Results[i].Count > 0 {
			acc.Open(i) // the first check with something to do
			break
		}
	}
	summary := widget.NewLabel(a.t("hygiene.summary", "n", strconv.Itoa(n)))
	a.trace("shown", "what", "hygiene", "findings", n)
	return container.NewBorder(container.NewVBox(title, summary), nil, nil, nil, container.NewVScroll(acc))
}

// hygieneShown is how many findings of a check the tab lists (the command line lists
// them all).
const hygieneShown = 60

// hygieneFindings is one check's why and its findings, each a button to its fix.
func (sv *riskView) hygieneFindings(res *hygiene.Result) fyne.CanvasObject {
	a := sv.a
	why := widget.NewLabel(res.Check.Why(a.lang))
	why.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(why)
	for i := range res.Findings {
		if i == hygieneShown {
			box.Add(widget.NewLabel(a.t("uirisk.map.more", "count", a.count(len(res.Findings)-hygieneShown))))
			break
		}
		f := &res.Findings[i]
		text := f.Customer + " " + f.Name
		if f.Ref != "" {
			text += " · " + f.Ref
		}
		if f.Date.Valid() {
			text += " · " + a.date(f.Date)
		}
		text += " · " + a.money(f.Amount)
		if d := f.Detail(a.lang); d != "" {
			text += " · " + d
		}
		id, disp := f.Customer, f.Dispute
		b := widget.NewButtonWithIcon(text, theme.NavigateNextIcon(), func() {
			a.trace("select", "list", "hygiene", "id", id, "check", string(res.Check))
			sv.clientsTab = 0
			if disp != "" {
				a.showDispute(disp)
				return
			}
			a.showCustomer(id)
		})
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		box.Add(b)
	}
	return box
}
