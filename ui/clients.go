package ui

import (
	"sort"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
)

// clientsState is what the customer list remembers across rebuilds (language switch,
// as-of change, reload): its filter, its sort order and the selected customer.
type clientsState struct {
	filter   ledger.SummaryFilter
	sortCol  ledger.SummaryColumn
	desc     bool
	selected string       // customer ID shown in the detail panel, "" for none
	view     *clientsView // the widgets on screen, nil when the screen is not shown
	// detailSplit is the customer panel's identity/items split on display, if any.
	detailSplit *container.Split
}

func newClientsState() clientsState {
	return clientsState{sortCol: ledger.ColID}
}

// clientColumn describes one column of the customer table.
type clientColumn struct {
	key     string // i18n key of its header
	col     ledger.SummaryColumn
	width   float32
	numeric bool // right-aligned
}

func clientColumns() []clientColumn {
	return []clientColumn{
		{"ui.col.id", ledger.ColID, 120, false},
		{"ui.col.name", ledger.ColName, 190, false},
		{"uirisk.col.class", colClass, 180, false},
		{"ui.col.kind", ledger.ColKind, 135, false},
		{"ui.col.salesperson", ledger.ColSalesperson, 135, false},
		{"ui.col.balance", ledger.ColBalance, 125, true},
		{"ui.col.overdue", ledger.ColOverdue, 125, true},
		{"ui.col.dayslate", ledger.ColDaysLate, 90, true},
		{"ui.col.openitems", ledger.ColOpenItems, 95, true},
		{"uirisk.col.signals", colSignals, 260, false},
	}
}

// clientsView is the Clients screen on display: it sorts and filters a slice of
// summaries and lets a virtual table draw only the visible rows.
type clientsView struct {
	a      *App
	cols   []clientColumn
	rows   []ledger.CustomerSummary // filtered and sorted
	names  map[string]string        // salesperson ID → name
	table  *rowTable
	totals *widget.Label
	body   *fyne.Container  // the table alone, or the table above the detail panel
	split  *container.Split // the list above the detail, nil while no customer is shown
	// splitKey is the name split's position is kept under: its own in presentation mode,
	// where the card takes most of the height (projected for a role-play).
	splitKey string
}

// newClientsScreen builds the Clients screen.
func (a *App) newClientsScreen() fyne.CanvasObject {
	v := &clientsView{a: a, cols: clientColumns(), names: map[string]string{}}
	for _, s := range a.book.Salespeople {
		v.names[s.ID] = s.Name
	}
	a.clients.view = v

	v.table = newRowTable(func() int { return len(v.rows) }, len(v.cols),
		func() fyne.CanvasObject {
			l := newCellLabel()
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		v.updateCell,
		rowActions{
			selected: func(row int) { v.selectCustomer(v.rows[row].ID) },
			open:     func(row int) { v.selectCustomer(v.rows[row].ID) },
		},
	)
	v.table.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		return b
	}
	v.table.UpdateHeader = v.updateHeader
	v.sizeColumns()

	v.totals = widget.NewLabel("")
	v.totals.TextStyle = fyne.TextStyle{Bold: true}
	v.body = container.NewStack()
	v.apply()
	return a.risk.clientsTabs(container.NewBorder(v.filterBar(), v.totals, nil, nil, v.body))
}

// filterBar builds the kind, salesperson and "overdue only" filters.
func (v *clientsView) filterBar() fyne.CanvasObject {
	a := v.a
	st := &a.clients

	kinds := []ledger.CustomerKind{ledger.Business, ledger.Consumer, ledger.PublicBody}
	kindOpts := []string{a.t("ui.filter.all_kinds")}
	for _, k := range kinds {
		kindOpts = append(kindOpts, a.t("ui.kind."+k.String()))
	}
	kind := widget.NewSelect(kindOpts, nil)
	kind.SetSelectedIndex(0)
	if st.filter.Kind != nil {
		kind.SetSelectedIndex(int(*st.filter.Kind) + 1)
	}
	kind.OnChanged = func(string) {
		i := kind.SelectedIndex()
		if i <= 0 {
			st.filter.Kind = nil
		} else {
			k := kinds[i-1]
			st.filter.Kind = &k
		}
		v.apply()
	}

	type person struct{ id, name string }
	people := make([]person, 0, len(a.book.Salespeople))
	for _, s := range a.book.Salespeople {
		people = append(people, person{s.ID, s.Name})
	}
	sort.Slice(people, func(i, j int) bool { return people[i].name < people[j].name })
	salesOpts := []string{a.t("ui.filter.all_salespeople")}
	for _, p := range people {
		salesOpts = append(salesOpts, p.name)
	}
	sales := widget.NewSelect(salesOpts, nil)
	sales.SetSelectedIndex(0)
	for i, p := range people {
		if p.id == st.filter.Salesperson {
			sales.SetSelectedIndex(i + 1)
		}
	}
	sales.OnChanged = func(string) {
		i := sales.SelectedIndex()
		st.filter.Salesperson = ""
		if i > 0 {
			st.filter.Salesperson = people[i-1].id
		}
		v.apply()
	}

	overdue := widget.NewCheck(a.t("ui.filter.overdue_only"), func(on bool) {
		st.filter.OverdueOnly = on
		v.apply()
	})
	overdue.SetChecked(st.filter.OverdueOnly)

	// A grid rather than a row: the filters share the width and narrow with the window.
	grid := container.NewGridWithColumns(3,
		labelled(a.t("ui.filter.kind"), kind),
		labelled(a.t("ui.filter.salesperson"), sales),
		overdue)
	for _, o := range a.risk.riskFilterBar(v.apply) {
		grid.Add(o)
	}
	return grid
}

// labelled puts a label on the left of a field that takes the rest of the width.
func labelled(label string, field fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(nil, nil, widget.NewLabel(label), nil, narrow(150, field))
}

// sizeColumns gives each column the width of its widest value (names up to a
// limit), its header and the sort arrow: no amount, date or name is cut.
func (v *clientsView) sizeColumns() {
	a := v.a
	sums := a.sums
	for i, c := range v.cols {
		w := max(zoomedWidth(c.width), a.headerWidth(c.key)+24) // room for the sort arrow
		switch c.col {
		case ledger.ColName:
			widest := ""
			for k := range sums {
				if len(sums[k].Name) > len(widest) {
					widest = sums[k].Name
				}
			}
			w = max(w, min(textWidth(widest, false)+8, 340))
		case ledger.ColBalance, ledger.ColOverdue:
			var big ledger.Cents
			for k := range sums {
				big = max(big, sums[k].Balance, sums[k].Overdue, -sums[k].Balance)
			}
			w = max(w, textWidth(a.money(-big), false)+8)
		}
		v.table.SetColumnWidth(i, w)
	}
}

// apply filters and sorts the summaries, then refreshes the table, totals and detail.
func (v *clientsView) apply() {
	st := &v.a.clients
	v.rows = v.a.risk.riskFilter(st.filter.Filter(v.a.sums))
	if !v.a.risk.riskSort(v.rows, st.sortCol, st.desc) {
		ledger.SortSummaries(v.rows, st.sortCol, st.desc)
	}
	v.table.clearSelection()
	v.table.Refresh()
	t := ledger.Totals(v.rows)
	text := v.a.t(v.a.plural("ui.clients.totals", t.Customers),
		"count", v.a.count(t.Customers),
		"balance", v.a.money(t.Balance),
		"overdue", v.a.money(t.Overdue))
	if t.DoubtfulCustomers > 0 {
		text += "\n" + v.a.t("ui.clients.doubtful", "n", v.a.count(t.DoubtfulCustomers), "amount", v.a.money(t.Doubtful))
	}
	v.totals.SetText(text)
	v.layoutBody()
}

// sortBy sorts on col: ascending first, descending on a second click.
func (v *clientsView) sortBy(col ledger.SummaryColumn) {
	st := &v.a.clients
	if st.sortCol == col {
		st.desc = !st.desc
	} else {
		st.sortCol, st.desc = col, false
	}
	v.apply()
}

// headerText is a column's title with an arrow on the sort column.
func (v *clientsView) headerText(c clientColumn) string {
	st := &v.a.clients
	text := v.a.t(c.key)
	if st.sortCol == c.col {
		if st.desc {
			return text + " ↓"
		}
		return text + " ↑"
	}
	return text
}

func (v *clientsView) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := o.(*widget.Button)
	if id.Col < 0 || id.Col >= len(v.cols) {
		b.SetText("")
		b.OnTapped = nil
		return
	}
	c := v.cols[id.Col]
	b.Alignment = widget.ButtonAlignLeading
	if c.numeric {
		b.Alignment = widget.ButtonAlignTrailing
	}
	b.OnTapped = func() { v.sortBy(c.col) }
	b.SetText(v.headerText(c))
}

func (v *clientsView) updateCell(id widget.TableCellID, cl *cellLabel) {
	cl.menu = func(row int, at fyne.Position) {
		if row >= 0 && row < len(v.rows) {
			v.a.showContextMenu(v.a.customerActions(v.rows[row].ID), at)
		}
	}
	l := &cl.Label
	if id.Row < 0 || id.Row >= len(v.rows) || id.Col >= len(v.cols) {
		l.SetText("")
		return
	}
	r := &v.rows[id.Row]
	c := v.cols[id.Col]
	l.Alignment = fyne.TextAlignLeading
	if c.numeric {
		l.Alignment = fyne.TextAlignTrailing
	}
	l.Importance = widget.MediumImportance
	l.TextStyle = fyne.TextStyle{}
	text := ""
	switch c.col {
	case ledger.ColID:
		text = r.ID
	case ledger.ColName:
		text = r.Name
	case ledger.ColKind:
		text = v.a.t("ui.kind." + r.Kind.String())
	case ledger.ColSalesperson:
		text = v.names[r.Salesperson]
		if text == "" {
			text = r.Salesperson
		}
	case ledger.ColBalance:
		text = v.a.money(r.Balance)
	case ledger.ColOverdue:
		text = v.a.money(r.Overdue)
		if r.Overdue > 0 {
			l.Importance = widget.DangerImportance
		}
	case ledger.ColDaysLate:
		if r.DaysLate > 0 {
			text = strconv.Itoa(r.DaysLate)
			l.Importance = widget.DangerImportance
		}
	case ledger.ColOpenItems:
		text = strconv.Itoa(r.OpenItems)
	case colClass, colSignals:
		text, l.Importance = v.a.risk.riskCell(r.ID, c.col)
	}
	l.SetText(text)
}

// selectCustomer shows the detail panel of customer id.
func (v *clientsView) selectCustomer(id string) {
	v.a.clients.selected = id
	v.a.trace("select", "list", "clients", "id", id)
	v.layoutBody()
	for i := range v.rows { // keep the chosen row in view above the card
		if v.rows[i].ID == id {
			v.table.ScrollTo(widget.TableCellID{Row: i, Col: 0})
			break
		}
	}
}

// closeDetail hides the detail panel.
func (v *clientsView) closeDetail() {
	v.a.clients.selected = ""
	v.table.clearSelection()
	v.layoutBody()
}

// layoutBody shows the table alone, or above the selected customer's detail.
func (v *clientsView) layoutBody() {
	id := v.a.clients.selected
	v.a.saveSplits()
	if id == "" || v.a.book.Account(id) == nil {
		v.split = nil
		v.body.Objects = []fyne.CanvasObject{v.table}
	} else {
		var detail fyne.CanvasObject
		if err := v.a.withWholeAccount(id); err != nil {
			detail = widget.NewLabel(ledger.Localize(err, v.a.lang))
		} else {
			detail = v.a.customerDetail(id, v.closeDetail)
		}
		v.split = container.NewVSplit(v.table, detail)
		v.splitKey, v.split.Offset = "clients", v.a.splitOffset("clients", 0.42)
		if v.a.presenting {
			v.splitKey, v.split.Offset = "clients-presentation", v.a.splitOffset("clients-presentation", 0.2)
		}
		v.body.Objects = []fyne.CanvasObject{v.split}
	}
	v.body.Refresh()
}

// showCustomer opens the Clients screen on customer id's detail.
func (a *App) showCustomer(id string) {
	a.clients.selected = id
	a.showScreen(screenClients)
}
