package ui

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/ledger/dispute"
)

// disputesView is the Litiges screen: the disputes with their filters and selection,
// a dispute's detail and steps, and the delivery blocks.
type disputesView struct {
	a        *App
	status   string           // "" all, "active", or a dispute.Status
	owner    string           // "" all, a salesperson ID or dispute.Internal
	reason   string           // "" all, or a dispute.Reason
	age      int              // 0 all, else 1..4: opened 0–15, 16–30, 31–60, > 60 days before the as-of date
	selected string           // dispute ID shown in the detail panel
	tab      int              // disputes or blocks
	offset   float64          // where the list/detail divider stands (0: from the preferences)
	split    *container.Split // the divider shown, read back before each rebuild
}

// prefDisputesSplit keeps the Litiges divider's position between sessions.
const prefDisputesSplit = "disputes.split"

// disputesSplitOffset is where to put the Litiges list/detail divider: where the user left it.
func (sv *disputesView) disputesSplitOffset() float64 {
	a := sv.a
	s := sv
	if s.split != nil && s.split.Offset > 0.05 && s.split.Offset < 0.95 {
		if s.split.Offset != s.offset && a.fyne != nil {
			a.fyne.Preferences().SetFloat(prefDisputesSplit, s.split.Offset)
		}
		s.offset = s.split.Offset
	}
	if s.offset == 0 && a.fyne != nil {
		s.offset = a.fyne.Preferences().FloatWithFallback(prefDisputesSplit, 0.45)
	}
	if s.offset <= 0.05 || s.offset >= 0.95 {
		s.offset = 0.45
	}
	return s.offset
}

// showDispute opens the Litiges screen on dispute id's detail, every filter cleared so
// that its row is listed.
func (a *App) showDispute(id string) {
	v := a.disputesView
	v.selected, v.status, v.owner, v.reason, v.age, v.tab = id, "", "", "", 0, 0
	a.showScreen(screenDisputes)
}

// disputesPane lists the disputes with filters by status, owner and reason, the
// ageing of the disputes in progress, and the selected dispute's detail: its items,
// history and notes, with the moves its status allows and a note field.
func (sv *disputesView) disputesPane() fyne.CanvasObject {
	a := sv.a
	s := sv
	rows := sv.filteredDisputes()
	statusKeys := []string{"", "active"}
	statusLabels := []string{a.t("ui.disp.all_statuses"), a.t("ui.disp.active")}
	for _, st := range dispute.Statuses() {
		statusKeys = append(statusKeys, string(st))
		statusLabels = append(statusLabels, a.t("dispute.status."+string(st)))
	}
	status := widget.NewSelect(statusLabels, nil)
	status.SetSelectedIndex(indexOf(statusKeys, s.status))
	status.OnChanged = func(string) { s.status = statusKeys[status.SelectedIndex()]; a.showScreen(screenDisputes) }
	ownerKeys, ownerLabels := []string{""}, []string{a.t("ui.disp.all_owners")}
	for _, sp := range a.book.Salespeople {
		ownerKeys, ownerLabels = append(ownerKeys, sp.ID), append(ownerLabels, sp.Name)
	}
	ownerKeys, ownerLabels = append(ownerKeys, dispute.Internal), append(ownerLabels, a.t("ui.disp.internal"))
	owner := widget.NewSelect(ownerLabels, nil)
	owner.SetSelectedIndex(indexOf(ownerKeys, s.owner))
	owner.OnChanged = func(string) { s.owner = ownerKeys[owner.SelectedIndex()]; a.showScreen(screenDisputes) }
	reasonKeys, reasonLabels := []string{""}, []string{a.t("ui.disp.all_reasons")}
	for _, r := range dispute.Reasons() {
		reasonKeys, reasonLabels = append(reasonKeys, string(r)), append(reasonLabels, a.t("dispute.reason."+string(r)))
	}
	reason := widget.NewSelect(reasonLabels, nil)
	reason.SetSelectedIndex(indexOf(reasonKeys, s.reason))
	reason.OnChanged = func(string) { s.reason = reasonKeys[reason.SelectedIndex()]; a.showScreen(screenDisputes) }
	ageLabels := []string{a.t("ui.disp.all_ages"), a.t("ui.disp.age", "from", "0", "to", "15"), a.t("ui.disp.age", "from", "16", "to", "30"),
		a.t("ui.disp.age", "from", "31", "to", "60"), a.t("ui.disp.ageover", "from", "60")}
	age := widget.NewSelect(ageLabels, nil)
	age.SetSelectedIndex(s.age)
	age.OnChanged = func(string) { s.age = age.SelectedIndex(); a.showScreen(screenDisputes) }
	filters := container.NewHBox(withWidth(210, status), withWidth(210, owner), withWidth(230, reason), withWidth(200, age))
	digestBtn := widget.NewButtonWithIcon(a.t("ui.sales.digest"), theme.MailSendIcon(), a.askDigest)
	salesBtn := widget.NewButtonWithIcon(a.t("ui.sales.title"), theme.AccountIcon(), a.askSalespeople)
	buttons := container.NewHBox(digestBtn, salesBtn)

	top := container.NewVBox(filters, container.NewBorder(nil, nil, nil, buttons, sv.disputeAgeing()))
	offset := sv.disputesSplitOffset()
	detail := container.NewStack()
	showDetail := func(d *dispute.Dispute) {
		if d == nil {
			detail.Objects = []fyne.CanvasObject{container.NewCenter(widget.NewLabel(a.t("ui.disp.pick")))}
		} else {
			detail.Objects = []fyne.CanvasObject{sv.disputeDetail(d)}
		}
		detail.Refresh()
	}
	table, t := sv.disputesTable(rows, func(d *dispute.Dispute) {
		s.selected = d.ID
		a.trace("select", "list", "disputes", "id", d.ID)
		showDetail(d)
	})
	showDetail(nil)
	if t != nil {
		for i, d := range rows {
			if d.ID == s.selected {
				t.selectRow(i)
			}
		}
	} else if d := sv.findDispute(s.selected); d != nil {
		showDetail(d) // chosen elsewhere, hidden by the filters
	}
	s.split = container.NewVSplit(table, detail)
	s.split.Offset = offset
	return container.NewBorder(top, nil, nil, nil, s.split)
}

// disputesScreen shows the disputes and, in a second tab, the delivery blocks.
func (sv *disputesView) disputesScreen() fyne.CanvasObject {
	a := sv.a
	tabs := container.NewAppTabs(
		container.NewTabItemWithIcon(a.t("ui.disp.tab"), theme.WarningIcon(), sv.disputesPane()),
		container.NewTabItemWithIcon(a.t("ui.blk.tab"), theme.CancelIcon(), sv.blocksPane()),
	)
	tabs.SelectIndex(sv.tab)
	tabs.OnSelected = func(*container.TabItem) { sv.tab = tabs.SelectedIndex() }
	return tabs
}

func (sv *disputesView) findDispute(id string) *dispute.Dispute {
	a := sv.a
	for i := range a.disputes {
		if a.disputes[i].ID == id {
			return &a.disputes[i]
		}
	}
	return nil
}

// filteredDisputes returns the disputes the filters keep, open ones first, then by
// due-by date.
func (sv *disputesView) filteredDisputes() []*dispute.Dispute {
	a := sv.a
	s := sv
	var out []*dispute.Dispute
	for i := range a.disputes {
		d := &a.disputes[i]
		switch {
		case s.status == "active" && !d.Status.Active(),
			s.status != "" && s.status != "active" && string(d.Status) != s.status,
			s.owner != "" && d.Owner != s.owner,
			s.reason != "" && string(d.Reason) != s.reason,
			s.age > 0 && dispute.AgeBand(a.asOf.DaysSince(d.Opened))+1 != s.age:
			continue
		}
		out = append(out, d)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Status.Active() != out[j].Status.Active() {
			return out[i].Status.Active()
		}
		if out[i].DueBy != out[j].DueBy {
			return out[i].DueBy < out[j].DueBy
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// disputeAgeing counts the disputes in progress by time since they were opened, with
// the amounts, and how many are past the date by which sales should answer.
func (sv *disputesView) disputeAgeing() fyne.CanvasObject {
	a := sv.a
	ag := dispute.AgeingAt(a.disputes, a.asOf)
	labels := []string{a.t("ui.disp.age", "from", "0", "to", "15"), a.t("ui.disp.age", "from", "16", "to", "30"),
		a.t("ui.disp.age", "from", "31", "to", "60"), a.t("ui.disp.ageover", "from", "60")}
	var parts []string
	for i := range ag.Count {
		parts = append(parts, a.t("ui.disp.age_part", "label", labels[i], "n", strconv.Itoa(ag.Count[i]), "amount", a.money(ag.Amount[i])))
	}
	l := widget.NewLabel(a.t("ui.disp.ageing", "parts", strings.Join(parts, " · "), "late", strconv.Itoa(ag.Late)))
	l.Wrapping = fyne.TextWrapWord
	return l
}

// disputesTable lists rows; a click, the arrows or Enter show the dispute's detail
// (chosen); the context menu opens it, its customer or its acknowledgement. The
// table is nil when no dispute passes the filters.
func (sv *disputesView) disputesTable(rows []*dispute.Dispute, chosen func(d *dispute.Dispute)) (fyne.CanvasObject, *rowTable) {
	a := sv.a
	if len(rows) == 0 {
		return container.NewCenter(widget.NewLabel(a.t("ui.disp.none"))), nil
	}
	cols := []column{{"dispute.col.id", 95, false}, {"dispute.col.name", 170, false}, {"ui.disp.col.reason", 150, false},
		{"dispute.col.disputed", 110, true}, {"ui.disp.col.opened", 95, false}, {"dispute.col.dueby", 125, false},
		{"dispute.col.owner", 145, false}, {"dispute.col.status", 150, false}}
	t := a.dataTableMenu(cols, func() int { return len(rows) }, func(row, col int) (string, widget.Importance) {
		d := rows[row]
		switch col {
		case 0:
			return d.ID, normal
		case 1:
			if acc := a.book.Account(d.Customer); acc != nil {
				return acc.Customer.Name, normal
			}
			return d.Customer, normal
		case 2:
			return a.t("dispute.reason." + string(d.Reason)), normal
		case 3:
			return a.money(d.Total()), normal
		case 4:
			return a.date(d.Opened), normal
		case 5:
			if d.Status.Active() && d.DueBy.Valid() && d.DueBy < a.asOf {
				return a.date(d.DueBy), widget.DangerImportance
			}
			return a.date(d.DueBy), normal
		case 6:
			return sv.ownerName(d.Owner), normal
		}
		return a.t("dispute.status." + string(d.Status)), normal
	}, func(row int) { chosen(rows[row]) }, func(row int) []*fyne.MenuItem {
		d := rows[row]
		return []*fyne.MenuItem{
			fyne.NewMenuItem(a.t("ui.menu.ctx_open"), func() {
				a.trace("open", "list", "disputes", "id", d.ID)
				chosen(d)
			}),
			fyne.NewMenuItem(a.t("ui.disp.open_customer"), func() { a.showCustomer(d.Customer) }),
			fyne.NewMenuItem(a.t("ui.disp.ack"), func() {
				a.askSave(fmt.Sprintf("%s-%s.pdf", a.t("ui.disp.ack_file"), d.ID), "ui.disp.ack_done",
					func(path string) error { return a.writeAck(d, path) })
			}),
		}
	})
	a.fitColumns(t, cols)
	return t, t
}

func (sv *disputesView) ownerName(id string) string {
	a := sv.a
	if id == dispute.Internal {
		return a.t("ui.disp.internal")
	}
	if sp := a.book.Salesperson(id); sp != nil {
		return sp.Name
	}
	return id
}
