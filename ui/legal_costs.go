package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"relance/ledger"
	"relance/ledger/law"
)

// costsPane holds the two calculators of the cost of late payment: the financing cost
// of an overdue amount at the firm's own rate (law.LateCost), and the early-payment
// discount compared with that cost (law.DiscountComparison).
func (sv *legalView) costsPane() fyne.CanvasObject {
	a := sv.a
	s := &sv.more
	entry := func(v *string, hint string) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(*v)
		e.SetPlaceHolder(hint)
		e.OnChanged = func(t string) { *v = t }
		return e
	}
	late := widget.NewForm(
		widget.NewFormItem(a.t("ui.legal.amount"), entry(&s.costAmount, a.t("ui.legal.amount_hint"))),
		widget.NewFormItem(a.t("ui.legal2.firm_rate"), entry(&s.costRate, a.t("ui.legal.rate_example"))),
		widget.NewFormItem(a.t("ui.legal2.days_late"), entry(&s.costDays, "60")),
	)
	lateBtn := widget.NewButtonWithIcon(a.t("ui.legal.compute"), theme.ConfirmIcon(), func() {
		s.costResult = sv.computeLateCost()
		a.showScreen(screenLegal)
	})
	esc := widget.NewForm(
		widget.NewFormItem(a.t("ui.legal.amount"), entry(&s.escAmount, a.t("ui.legal.amount_hint"))),
		widget.NewFormItem(a.t("ui.legal2.discount"), entry(&s.escDiscount, "2")),
		widget.NewFormItem(a.t("ui.legal2.days_early"), entry(&s.escDays, "30")),
		widget.NewFormItem(a.t("ui.legal2.firm_rate"), entry(&s.escFR, a.t("ui.legal.rate_example"))),
	)
	escBtn := widget.NewButtonWithIcon(a.t("ui.legal.compute"), theme.ConfirmIcon(), func() {
		s.escResult = sv.computeEscompte()
		a.showScreen(screenLegal)
	})
	result := func(text string) *widget.Label {
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		l.TextStyle.Bold = true
		return l
	}
	title := func(key string) *widget.Label {
		l := widget.NewLabel(a.t(key))
		l.TextStyle.Bold = true
		l.Importance = widget.HighImportance
		return l
	}
	left := container.NewVBox(title("ui.legal2.late_cost"), caption(a.t("ui.legal2.late_cost_help")), late,
		container.NewHBox(lateBtn), result(s.costResult))
	right := container.NewVBox(title("ui.legal2.escompte"), caption(a.t("ui.legal2.escompte_help")), esc,
		container.NewHBox(escBtn), result(s.escResult))
	return container.NewVScroll(container.NewGridWithColumns(2, left, right))
}

func parsePct(s string) (decimal.Decimal, error) {
	return decimal.NewFromString(strings.TrimSuffix(strings.TrimSpace(strings.Replace(strings.TrimSpace(s), ",", ".", 1)), "%"))
}

func (sv *legalView) computeLateCost() string {
	a := sv.a
	s := &sv.more
	amt, err := parseAmount(s.costAmount)
	if err != nil {
		return a.t("ui.legal.bad_amount", "value", s.costAmount)
	}
	rate, err := parsePct(s.costRate)
	if err != nil {
		return a.t("ui.legal.bad_rate", "value", s.costRate)
	}
	days, err := strconv.Atoi(strings.TrimSpace(s.costDays))
	if err != nil {
		return a.t("ui.legal2.bad_days", "value", s.costDays)
	}
	c, err := law.LateCost(amt, rate, days, 365)
	if err != nil {
		return ledger.Localize(err, a.lang)
	}
	return a.t("ui.legal2.late_cost_result", "cost", a.money(c.Cost), "amount", a.money(c.Amount), "days", strconv.Itoa(c.Days),
		"rate", a.percent(c.Rate.StringFixed(2)))
}

func (sv *legalView) computeEscompte() string {
	a := sv.a
	s := &sv.more
	amt, err := parseAmount(s.escAmount)
	if err != nil {
		return a.t("ui.legal.bad_amount", "value", s.escAmount)
	}
	disc, err := parsePct(s.escDiscount)
	if err != nil {
		return a.t("ui.legal.bad_rate", "value", s.escDiscount)
	}
	fr, err := parsePct(s.escFR)
	if err != nil {
		return a.t("ui.legal.bad_rate", "value", s.escFR)
	}
	days, err := strconv.Atoi(strings.TrimSpace(s.escDays))
	if err != nil {
		return a.t("ui.legal2.bad_days", "value", s.escDays)
	}
	e, err := law.DiscountComparison(amt, disc, days, fr, 365)
	if err != nil {
		return ledger.Localize(err, a.lang)
	}
	return a.t("ui.legal2.escompte_result", "discount", a.money(e.Discount), "net", a.money(e.Net), "cost", a.money(e.CreditCost),
		"equivalent", a.percent(e.EquivalentPct.StringFixed(2))) + "\n" + a.t("ui.legal2.cheaper."+string(e.Cheaper))
}
