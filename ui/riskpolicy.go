package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
	"relance/ledger/risk"
)

// riskPolicyButton opens the risk policy editor (Settings screen).
func (sv *riskView) riskPolicyButton() fyne.CanvasObject {
	a := sv.a
	b := widget.NewButtonWithIcon(a.t("uirisk.pol.button"), theme.SettingsIcon(), sv.showRiskPolicy)
	if a.db == nil || a.db.ReadOnly() {
		b.Disable()
	}
	return b
}

// policyFields lists the editable values of p (pointers into p) with their labels.
func policyFields(p *risk.Policy) (ints []struct {
	key string
	v   *int
}, scales []struct {
	key   string
	s     *risk.Scale
	money bool
}) {
	add := func(key string, v *int) {
		ints = append(ints, struct {
			key string
			v   *int
		}{key, v})
	}
	add("uirisk.pol.w_outstanding", &p.Outstanding.Weight)
	add("uirisk.pol.w_risk_level", &p.RiskLevel.Weight)
	add("uirisk.pol.w_disputes", &p.Disputes.Weight)
	add("uirisk.pol.w_dependency", &p.Dependency.Weight)
	r := &p.RiskLevel
	add("uirisk.pol.trend_days", &r.TrendDays)
	add("uirisk.pol.trend_points", &r.TrendPoints)
	add("uirisk.pol.broken_points", &r.BrokenPoints)
	add("uirisk.pol.partial_share", &r.PartialShare)
	add("uirisk.pol.partial_points", &r.PartialPoints)
	add("uirisk.pol.doubtful_points", &r.DoubtfulPoints)
	add("uirisk.pol.signal_low", &r.SignalPoints[0])
	add("uirisk.pol.signal_medium", &r.SignalPoints[1])
	add("uirisk.pol.signal_high", &r.SignalPoints[2])
	s := &p.Signals
	add("uirisk.pol.drift_days", &s.DriftDays)
	add("uirisk.pol.drift_min", &s.DriftMin)
	add("uirisk.pol.overdue_rise", &s.OverdueRise)
	add("uirisk.pol.limit_tolerance", &s.LimitTolerance)
	add("uirisk.pol.s_partial_share", &s.PartialShare)
	add("uirisk.pol.partial_min", &s.PartialMin)
	add("uirisk.pol.broken_days", &s.BrokenDays)
	add("uirisk.pol.bounce_days", &s.BounceDays)
	add("uirisk.pol.dispute_days", &s.DisputeDays)
	add("uirisk.pol.dispute_min", &s.DisputeMin)
	add("uirisk.pol.term_days", &s.TermDays)
	add("uirisk.pol.growth_pct", &s.GrowthPct)
	add("uirisk.pol.sales_drop_pct", &s.SalesDropPct)
	add("uirisk.pol.repropose_days", &s.ReproposeDays)
	sc := func(key string, v *risk.Scale, money bool) {
		scales = append(scales, struct {
			key   string
			s     *risk.Scale
			money bool
		}{key, v, money})
	}
	sc("uirisk.pol.scale_amount", &p.Outstanding.Amount, true)
	sc("uirisk.pol.scale_limit", &p.Outstanding.Limit, false)
	sc("uirisk.pol.scale_lateness", &p.RiskLevel.Lateness, false)
	sc("uirisk.pol.scale_disp_count", &p.Disputes.Count, false)
	sc("uirisk.pol.scale_disp_share", &p.Disputes.Share, false)
	sc("uirisk.pol.scale_dependency", &p.Dependency.Share, false)
	return ints, scales
}

// riskPolicyForm builds the editor's content over a copy of the stored policy, and
// the function that reads it back (a localized problem naming the bad field).
func (sv *riskView) riskPolicyForm() (fyne.CanvasObject, func() (risk.Policy, error), error) {
	a := sv.a
	pol, err := a.sess.RiskPolicy()
	if err != nil {
		return nil, nil, err
	}
	classes := container.NewGridWithColumns(6)
	for _, k := range []string{"uirisk.pol.code", "uirisk.pol.name_fr", "uirisk.pol.name_en", "uirisk.pol.max_score", "uirisk.pol.min_dep", "order.pol.deposit"} {
		l := widget.NewLabel(a.t(k))
		l.TextStyle = fyne.TextStyle{Bold: true}
		classes.Add(l)
	}
	type classEntries struct{ code, fr, en, max, dep, deposit *widget.Entry }
	var ce []classEntries
	entry := func(s string) *widget.Entry { e := widget.NewEntry(); e.SetText(s); return e }
	for _, c := range pol.Classes {
		e := classEntries{entry(c.Code), entry(c.NameFR), entry(c.NameEN), entry(strconv.Itoa(c.MaxScore)), entry(strconv.Itoa(c.MinDependency)),
			entry(strconv.Itoa(c.Deposit))}
		ce = append(ce, e)
		classes.Objects = append(classes.Objects, e.code, e.fr, e.en, e.max, e.dep, e.deposit)
	}
	ints, scales := policyFields(&pol)
	form := container.NewGridWithColumns(4)
	intEntries := make([]*widget.Entry, len(ints))
	for i, f := range ints {
		intEntries[i] = entry(strconv.Itoa(*f.v))
		l := widget.NewLabel(a.t(f.key))
		l.Truncation = fyne.TextTruncateEllipsis
		form.Add(l)
		form.Add(intEntries[i])
	}
	scaleForm := container.NewGridWithColumns(2)
	scaleEntries := make([]*widget.Entry, len(scales))
	for i, s := range scales {
		scaleEntries[i] = entry(s.s.Text(s.money))
		scaleForm.Add(widget.NewLabel(a.t(s.key)))
		scaleForm.Add(scaleEntries[i])
	}
	help := widget.NewLabel(a.t("uirisk.pol.help"))
	help.Wrapping = fyne.TextWrapWord
	content := container.NewAppTabs(
		container.NewTabItem(a.t("uirisk.pol.tab_classes"), container.NewVBox(help, widget.NewSeparator(), classes, widget.NewSeparator(), scaleForm)),
		container.NewTabItem(a.t("uirisk.pol.tab_thresholds"), form),
	)
	read := func() (risk.Policy, error) {
		p := pol
		p.Classes = make([]risk.Class, len(ce))
		bad := func(field, v string) error {
			return &ledger.Problem{Key: "risk.err.policy", Args: []string{"field", field, "value", v}}
		}
		for i, e := range ce {
			mx, err1 := strconv.Atoi(strings.TrimSpace(e.max.Text))
			dep, err2 := strconv.Atoi(strings.TrimSpace(e.dep.Text))
			if err1 != nil {
				return p, bad("classes["+strconv.Itoa(i)+"].max_score", e.max.Text)
			}
			if err2 != nil {
				return p, bad("classes["+strconv.Itoa(i)+"].min_dependency", e.dep.Text)
			}
			dp, err3 := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(e.deposit.Text), "%")))
			if err3 != nil {
				return p, bad("classes["+strconv.Itoa(i)+"].deposit", e.deposit.Text)
			}
			p.Classes[i] = risk.Class{Code: strings.TrimSpace(e.code.Text), NameFR: strings.TrimSpace(e.fr.Text),
				NameEN: strings.TrimSpace(e.en.Text), MaxScore: mx, MinDependency: dep, Deposit: dp}
		}
		pi, ps := policyFields(&p)
		for i, f := range pi {
			v, err := strconv.Atoi(strings.TrimSpace(intEntries[i].Text))
			if err != nil {
				return p, bad(a.t(f.key), intEntries[i].Text)
			}
			*f.v = v
		}
		for i, s := range ps {
			v, ok := risk.ParseScale(scaleEntries[i].Text, s.money)
			if !ok {
				return p, bad(a.t(s.key), scaleEntries[i].Text)
			}
			*s.s = v
		}
		return p, p.Validate()
	}
	return content, read, nil
}

// showRiskPolicy opens the risk policy editor; saving stores the policy in one
// transaction and recomputes the classes.
func (sv *riskView) showRiskPolicy() {
	a := sv.a
	content, read, err := sv.riskPolicyForm()
	if err != nil {
		a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
		return
	}
	errMsg := widget.NewLabel("")
	errMsg.Importance = widget.DangerImportance
	errMsg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	save := widget.NewButtonWithIcon(a.t("uirisk.save"), theme.DocumentSaveIcon(), func() {
		p, err := read()
		if err == nil {
			err = a.sess.SaveRiskPolicy(p)
		}
		if err != nil {
			errMsg.SetText(ledger.Localize(err, a.lang))
			return
		}
		d.Hide()
		sv.policyChanged()
	})
	save.Importance = widget.HighImportance
	reset := widget.NewButton(a.t("uirisk.pol.reset"), func() {
		if err := a.sess.ResetRiskPolicy(); err != nil {
			errMsg.SetText(ledger.Localize(err, a.lang))
			return
		}
		d.Hide()
		sv.policyChanged()
	})
	cancel := widget.NewButton(a.t("uirisk.cancel"), func() { d.Hide() })
	body := container.NewBorder(nil, container.NewBorder(nil, nil, nil, container.NewHBox(reset, cancel, save), errMsg), nil, nil, content)
	d = dialog.NewCustomWithoutButtons(a.t("uirisk.pol.title"), body, a.win)
	d.Resize(fyne.NewSize(1100, 720))
	d.Show()
}
