package ui

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
	"relance/ledger/classroom"
	"relance/ledger/roleplay"
)

// rolePlayView is the phone role-play of a customer, opened from its « … » menu
// (« Jeu de rôle téléphonique… »): the profile the trainer plays, the trainee's card,
// the trainer's card and the observation grid, scored live and kept with the trainee
// (desk.Session.RolePlayCards, ScoreRolePlay).
type rolePlayView struct {
	a        *App
	customer string
	cards    roleplay.Cards
	profile  *widget.Select
	tabs     *container.AppTabs
	trainee  *widget.Select
	trainees []classroom.Trainee
	grid     roleplay.Grid
	checks   map[string]*widget.Check
	amount   *widget.Entry
	date     *widget.Entry
	tone     *widget.RadioGroup
	notes    *widget.Entry
	score    *widget.Label
	saveBtn  *widget.Button // disabled once the grid is kept, until it changes
	dlg      dialog.Dialog
}

// showRolePlay opens the role-play of customer id at the as-of date (nil when it
// cannot).
func (a *App) showRolePlay(id string) *rolePlayView {
	acc := a.book.Account(id)
	if acc == nil {
		return nil
	}
	v := &rolePlayView{a: a, customer: id, checks: map[string]*widget.Check{}}
	c, err := a.sess.RolePlayCards(id, a.asOf, "")
	if err != nil {
		a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
		return nil
	}
	v.cards = c
	var names []string
	for _, p := range roleplay.Profiles() {
		names = append(names, a.t("roleplay.profile."+string(p)))
	}
	v.profile = widget.NewSelect(names, func(string) { v.setProfile(roleplay.Profiles()[v.profile.SelectedIndex()]) })
	pdf := widget.NewButton(a.t("roleplay.ui.pdf"), v.saveCardsPDF)
	top := container.NewHBox(widget.NewLabel(a.t("roleplay.ui.profile")), withWidth(280, v.profile), pdf)
	v.tabs = container.NewAppTabs(
		container.NewTabItem(a.t("roleplay.ui.tab.trainee"), widget.NewLabel("")),
		container.NewTabItem(a.t("roleplay.ui.tab.trainer"), widget.NewLabel("")),
		container.NewTabItem(a.t("roleplay.ui.tab.grid"), v.gridForm()))
	v.profile.SetSelectedIndex(slices.Index(roleplay.Profiles(), c.Profile))
	content := container.NewBorder(top, nil, nil, nil, v.tabs)
	v.dlg = dialog.NewCustom(a.t("roleplay.ui.title", "customer", acc.Customer.Name), a.t("roleplay.ui.close"), content, a.win)
	v.dlg.SetOnClosed(func() { a.trace("closed", "what", "roleplay") })
	v.dlg.Resize(fyne.NewSize(1080, 660))
	v.dlg.Show()
	a.trace("shown", "what", "roleplay", "customer", id, "profile", string(c.Profile), "suggested", string(c.Suggested))
	return v
}

// setProfile remakes the cards for profile p and shows them.
func (v *rolePlayView) setProfile(p roleplay.Profile) {
	a := v.a
	if v.cards.Profile != p || v.tabs.Items[0].Content == nil {
		c, err := a.sess.RolePlayCards(v.customer, a.asOf, p)
		if err != nil {
			a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
			return
		}
		v.cards = c
	}
	v.grid.Profile = p
	v.tabs.Items[0].Content = container.NewVScroll(v.traineeCard())
	v.tabs.Items[1].Content = container.NewVScroll(v.trainerCard())
	v.tabs.Refresh()
	if c := v.checks["desc"]; c != nil {
		if p.Difficult() {
			c.Enable()
		} else {
			c.SetChecked(false)
			c.Disable()
		}
	}
	v.rescore()
	a.trace("roleplay_profile", "profile", string(p))
}

// para is a wrapped label; bold for headings.
func para(s string, bold bool) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	l.TextStyle = fyne.TextStyle{Bold: bold}
	return l
}

// traineeCard is the trainee's card: the situation, the aim, the prompts.
func (v *rolePlayView) traineeCard() fyne.CanvasObject {
	box := container.NewVBox(para(v.a.t("roleplay.card.trainee"), true))
	v.situation(box)
	box.Add(para(v.a.t("roleplay.card.aim"), true))
	box.Add(para(v.aim(), false))
	v.guides(box)
	return box
}

func (v *rolePlayView) aim() string {
	a, c := v.a, &v.cards
	if c.Target <= 0 {
		return a.t("roleplay.card.aim_none")
	}
	return a.t("roleplay.card.aim_text", "target", a.money(c.Target), "by", a.date(c.By), "floor", a.money(c.Floor))
}

// situation adds the figures and the invoices to box.
func (v *rolePlayView) situation(box *fyne.Container) {
	a, s := v.a, &v.cards.Situation
	late := a.t("roleplay.card.unknown")
	if s.LateKnown {
		late = a.t("roleplay.card.days", "n", strconv.Itoa(s.Late12m))
	}
	form := widget.NewForm(
		widget.NewFormItem(a.t("roleplay.card.customer"), para(s.Customer+" – "+s.Name, false)),
		widget.NewFormItem(a.t("roleplay.card.contact"), para(strings.TrimSpace(s.Contact+"  "+s.Phone), false)),
		widget.NewFormItem(a.t("roleplay.card.overdue"), widget.NewLabel(a.money(s.Overdue)+"  ("+a.t("roleplay.card.balance")+" "+a.money(s.Balance)+")")),
		widget.NewFormItem(a.t("roleplay.card.undisputed"), widget.NewLabel(a.money(s.Undisputed))),
		widget.NewFormItem(a.t("roleplay.card.late12m"), widget.NewLabel(late)),
		widget.NewFormItem(a.t("roleplay.card.actions"), widget.NewLabel(strconv.Itoa(s.Actions))))
	if s.Oldest.Valid() {
		form.Append(a.t("roleplay.card.oldest"), widget.NewLabel(a.date(s.Oldest)))
	}
	box.Add(form)
	box.Add(para(a.t("roleplay.card.invoices"), true))
	for _, in := range s.Invoices {
		line := in.Number + " – " + a.t("roleplay.card.col.due") + " " + a.date(in.Due) + " – " + a.money(in.Open)
		if in.DaysLate > 0 {
			line += " – " + a.t("roleplay.card.days", "n", strconv.Itoa(in.DaysLate))
		}
		if in.Disputed {
			line += " – " + a.t("roleplay.card.disputed")
		}
		box.Add(para("• "+line, false))
	}
	for _, b := range s.Broken {
		box.Add(para("• "+a.t("roleplay.card.broken", "amount", a.money(b.Amount), "made", a.date(b.Made), "due", a.date(b.Due)), false))
	}
	for _, d := range s.Disputes {
		box.Add(para("• "+a.t("roleplay.card.dispute", "reason", a.t("dispute.reason."+string(d.Reason)), "date", a.date(d.Opened), "amount", a.money(d.Amount)), false))
	}
}

// guides adds the prompts to box.
func (v *rolePlayView) guides(box *fyne.Container) {
	box.Add(para(v.a.t("roleplay.card.prompts"), true))
	for _, g := range roleplay.Guides() {
		box.Add(para(v.a.t(g.Title), true))
		for _, l := range g.Lines {
			box.Add(para("• "+v.a.t(l), false))
		}
	}
}

// trainerCard is the trainer's card: the character, the objections, a good call.
func (v *rolePlayView) trainerCard() fyne.CanvasObject {
	a, c := v.a, &v.cards
	name := func(p roleplay.Profile) string { return a.t("roleplay.profile." + string(p)) }
	box := container.NewVBox(para(a.t("roleplay.card.trainer"), true), para(a.t("roleplay.ui.trainer_hint"), false),
		para(a.t("roleplay.card.profile", "profile", name(c.Profile)), true),
		para(a.t("roleplay.play."+string(c.Profile)), false),
		para(a.t("roleplay.suggested", "profile", name(c.Suggested), "why", a.t(c.Why)), false),
		para(a.t("roleplay.card.objections"), true))
	for _, k := range c.Objections {
		box.Add(para("• "+a.t(k), false))
	}
	box.Add(para(a.t("roleplay.card.good"), true))
	for _, k := range c.Good {
		box.Add(para("• "+a.t(k), false))
	}
	box.Add(para(a.t("roleplay.card.aim"), true))
	box.Add(para(v.aim(), false))
	return box
}
