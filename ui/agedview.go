package ui

import (
	"fmt"
	"io"
	"sort"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
	"relance/ledger/credit"
	"relance/letters"
	"relance/letters/agedpdf"
	"relance/letters/pdfdoc"
)

// agedGroupings are the ways the aged balance can be grouped, in the order of the
// "group by" choices.
var agedGroupings = []string{"customer", "salesperson", "kind", "class"}

// agedRow is one line of the aged-balance table: a customer or a group.
type agedRow struct {
	id, name string
	customer string // customer ID to open, "" for a group
	group    string // group key to drill into, "" for a customer
	count    int
	b        *credit.Buckets
	total    bool
}

// agedPane is the aged balance at the as-of date, grouped as the user chose, with
// drill-down (a group lists its customers; a customer opens its page) and exports.
func (dv *dashboardView) agedPane() fyne.CanvasObject {
	a := dv.a
	ag := dv.aged
	rows := dv.agedRows(ag)
	cols := 3 + len(ag.Ranges) + 1
	head := []string{a.t("ui.col.id"), a.t("ui.col.name"), a.t("ui.col.balance"), a.t("ui.aged.notdue")}
	for _, r := range ag.Ranges {
		head = append(head, a.rangeLabel(r))
	}
	head = append(head, a.t("aged.credits"))
	cell := func(r *agedRow, col int) string {
		switch col {
		case 0:
			return r.id
		case 1:
			return r.name
		case 2:
			return a.money(r.b.Total())
		case 3:
			return a.money(r.b.NotDue)
		}
		if i := col - 4; i < len(ag.Ranges) {
			return a.money(r.b.Late[i])
		}
		return a.money(r.b.Credits)
	}
	dv.sortAged(rows, func(r *agedRow, col int) string { return cell(r, col) })
	amount := func(r *agedRow, col int) ledger.Cents {
		switch {
		case col == 2:
			return r.b.Total()
		case col == 3:
			return r.b.NotDue
		case col-4 < len(ag.Ranges):
			return r.b.Late[col-4]
		}
		return r.b.Credits
	}
	tcols := make([]column, cols+1)
	for c := range tcols {
		// every amount and name whole (totals are bold)
		w := max(60, widestText(len(rows), func(k int) string { return cell(&rows[k], c) },
			func(k int) bool { return rows[k].total || rows[k].group != "" })+4)
		tcols[c] = column{width: min(w, 320), right: c >= 2}
	}
	open := func(row int) {
		switch r := rows[row]; {
		case r.customer != "":
			a.trace("open", "list", "aged", "id", r.customer)
			a.showCustomer(r.customer)
		case r.group != "":
			dv.agedGroup = r.group
			a.trace("open", "list", "aged", "group", r.group)
			a.showScreen(screenDashboard)
		}
	}
	t := a.rowsTable(tcols, func() int { return len(rows) },
		func(row, col int) (string, widget.Importance) {
			r := &rows[row]
			imp := normal
			if col >= 4 && col < 4+len(ag.Ranges) && amount(r, col) > 0 {
				imp = widget.DangerImportance // only what is late and unpaid
			}
			return cell(r, col), imp
		},
		rowActions{
			selected: func(row int) {
				if r := rows[row]; r.group != "" { // a group: drill into its customers
					open(row)
				} else if r.customer != "" {
					a.trace("select", "list", "aged", "id", r.customer)
				}
			},
			open: open,
			menu: func(row int) []*fyne.MenuItem {
				if rows[row].customer == "" {
					return nil
				}
				return append([]*fyne.MenuItem{fyne.NewMenuItem(a.t("ui.cust.open"), func() { open(row) })},
					a.customerActions(rows[row].customer)[1:]...)
			},
		})
	boldRow := func(row int) bool { return row >= 0 && row < len(rows) && (rows[row].total || rows[row].group != "") }
	inner := t.UpdateCell
	t.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		o.(*cellLabel).TextStyle = fyne.TextStyle{Bold: boldRow(id.Row)}
		inner(id, o)
	}
	t.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		return b
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		if id.Col < 0 || id.Col >= len(head) {
			b.SetText("")
			b.OnTapped = nil
			return
		}
		col := id.Col
		b.Alignment = widget.ButtonAlignTrailing
		if col < 2 {
			b.Alignment = widget.ButtonAlignLeading
		}
		b.OnTapped = func() { dv.sortAgedBy(col) }
		b.SetText(sortArrow(head[col], dv.agedSort == col, dv.agedDesc))
	}
	widths := make([]float32, len(tcols))
	for c := range tcols {
		// the header whole, with its arrow when the table is sorted on it (sorting redraws the pane)
		widths[c] = max(tcols[c].width, textWidth(sortArrow(head[c], dv.agedSort == c, dv.agedDesc), true)+8)
		t.SetColumnWidth(c, widths[c])
	}

	labels := []string{a.t("ui.aged.by_customer"), a.t("ui.aged.by_salesperson"), a.t("ui.aged.by_kind"), a.t("ui.aged.by_class")}
	by := widget.NewSelect(labels, nil)
	by.SetSelectedIndex(indexOf(agedGroupings, dv.agedByOrDefault()))
	by.OnChanged = func(string) {
		dv.agedBy, dv.agedGroup = agedGroupings[by.SelectedIndex()], ""
		a.showScreen(screenDashboard)
	}
	bar := container.NewHBox(widget.NewLabel(a.t("ui.aged.by")), withWidth(180, narrow(180, by)))
	if dv.agedGroup != "" {
		back := widget.NewButtonWithIcon(a.t("ui.aged.all_groups"), theme.NavigateBackIcon(), func() {
			dv.agedGroup = ""
			a.showScreen(screenDashboard)
		})
		bar.Add(back)
	}
	exports := container.NewHBox(
		widget.NewButtonWithIcon(a.t("ui.aged.csv"), theme.DocumentSaveIcon(), func() { dv.askExportAged("csv") }),
		widget.NewButtonWithIcon(a.t("ui.aged.xlsx"), theme.DocumentSaveIcon(), func() { dv.askExportAged("xlsx") }),
		widget.NewButtonWithIcon(a.t("ui.aged.pdf"), theme.DocumentPrintIcon(), func() { dv.askExportAged("pdf") }),
	)
	top := container.NewBorder(nil, nil, bar, exports)
	note := widget.NewLabel(a.t("ui.aged.note", "date", a.date(a.asOf)))
	note.SizeName = theme.SizeNameCaptionText
	note.Wrapping = fyne.TextWrapWord
	// The name column gives up width (down to 180) before « Crédits non affectés » leaves the screen.
	return container.NewBorder(top, note, nil, nil, fitColumn(t, 1, widths, 180))
}

// sortAgedBy sorts the aged balance on column col: ascending first, descending on a
// second click.
func (dv *dashboardView) sortAgedBy(col int) {
	a := dv.a
	if dv.agedSort == col {
		dv.agedDesc = !dv.agedDesc
	} else {
		dv.agedSort, dv.agedDesc = col, false
	}
	a.trace("sort", "list", "aged", "col", strconv.Itoa(col), "desc", dv.agedDesc)
	a.showScreen(screenDashboard)
}

// sortAged sorts the rows on the chosen column (names and codes as text, amounts as
// numbers); the total lines (the total, then the doubtful customers') stay last.
func (dv *dashboardView) sortAged(rows []agedRow, text func(r *agedRow, col int) string) {
	col := dv.agedSort
	if col < 0 || len(rows) < 2 {
		return
	}
	n := len(rows)
	for n > 0 && rows[n-1].total {
		n--
	}
	key := func(r *agedRow) ledger.Cents {
		switch {
		case col == 2:
			return r.b.Total()
		case col == 3:
			return r.b.NotDue
		case col-4 < len(r.b.Late):
			return r.b.Late[col-4]
		}
		return r.b.Credits
	}
	sort.SliceStable(rows[:n], func(i, j int) bool {
		x, y := &rows[i], &rows[j]
		if dv.agedDesc {
			x, y = y, x
		}
		if col < 2 {
			return ledger.Fold(text(x, col)) < ledger.Fold(text(y, col))
		}
		return key(x) < key(y)
	})
}

// sortArrow is a column title with an arrow on the sort column.
func sortArrow(title string, sorted, desc bool) string {
	switch {
	case !sorted:
		return title
	case desc:
		return title + " ↓"
	}
	return title + " ↑"
}

func indexOf(v []string, s string) int {
	for i, x := range v {
		if x == s {
			return i
		}
	}
	return 0
}

func (dv *dashboardView) agedByOrDefault() string {
	if dv.agedBy == "" {
		return "customer"
	}
	return dv.agedBy
}

func (dv *dashboardView) agedGroupKey() credit.GroupKey {
	a := dv.a
	switch dv.agedByOrDefault() {
	case "salesperson":
		return credit.GroupBySalesperson(a.book, a.lang)
	case "kind":
		return credit.GroupByKind(a.lang)
	case "class":
		res := a.risk.riskResult()
		return credit.GroupByClass(func(c *ledger.Customer) string {
			if res == nil {
				return ""
			}
			return res.ClassOf(c)
		}, a.lang)
	}
	return nil
}

// agedRows builds the table's rows: the groups (or a group's customers, or every
// customer) and the total line.
func (dv *dashboardView) agedRows(ag *credit.Aged) []agedRow {
	a := dv.a
	customers := func(lines []*credit.AgedLine, total credit.Buckets) []agedRow {
		rows := make([]agedRow, 0, len(lines)+1)
		for _, l := range lines {
			rows = append(rows, agedRow{id: l.Customer.ID, name: l.Customer.Name, customer: l.Customer.ID, b: &l.Buckets})
		}
		return append(rows, agedRow{name: a.t("ui.aged.total"), b: &total, total: true})
	}
	key := dv.agedGroupKey()
	if key == nil {
		lines := make([]*credit.AgedLine, len(ag.Lines))
		for i := range ag.Lines {
			lines[i] = &ag.Lines[i]
		}
		return dv.withDoubtful(customers(lines, ag.Total), ag)
	}
	var rows []agedRow
	for _, g := range ag.Group(key) {
		if dv.agedGroup == g.Key { // drilled into this group: its customers and its total
			return customers(g.Lines, g.Buckets)
		}
		g := g
		rows = append(rows, agedRow{id: g.Key, name: a.t("ui.aged.group_label", "label", g.Label, "n", strconv.Itoa(g.Customers)),
			group: g.Key, count: g.Customers, b: &g.Buckets})
	}
	if dv.agedGroup != "" { // the group no longer exists (date or data changed)
		dv.agedGroup = ""
	}
	total := ag.Total
	return dv.withDoubtful(append(rows, agedRow{name: a.t("ui.aged.total"), b: &total, total: true}), ag)
}

// withDoubtful adds the doubtful customers' line (account 416) below the total: they
// are out of the total, as in the KPIs and the Clients footer.
func (dv *dashboardView) withDoubtful(rows []agedRow, ag *credit.Aged) []agedRow {
	a := dv.a
	if len(ag.Doubtful) == 0 {
		return rows
	}
	return append(rows, agedRow{name: a.t("credit.doubtful", "n", a.count(len(ag.Doubtful))), count: len(ag.Doubtful),
		b: &ag.DoubtfulTotal, total: true})
}

// askExportAged asks where to save the aged balance, then writes it.
func (dv *dashboardView) askExportAged(format string) {
	a := dv.a
	a.askSave(fmt.Sprintf("%s-%s.%s", a.t("ui.aged.file"), a.asOf, format), "ui.aged.exported",
		func(path string) error { return dv.exportAged(format, path) })
}

// exportAged writes the aged balance at the as-of date to path as csv, xlsx or pdf.
func (dv *dashboardView) exportAged(format, path string) error {
	a := dv.a
	ag := dv.aged
	var groups []credit.AgedGroup
	if key := dv.agedGroupKey(); key != nil {
		groups = ag.Group(key)
	}
	return letters.WriteFile(path, func(w io.Writer) error {
		switch format {
		case "csv":
			return credit.WriteAgedCSV(w, ag, groups, a.lang)
		case "xlsx":
			return credit.WriteAgedXLSX(w, ag, groups, a.lang, &a.book.Settings)
		}
		return agedpdf.Render(w, a.book.Settings, agedpdf.FromAged(ag), agedpdf.Options{Lang: a.lang, Factory: a.pdf()})
	})
}

// pdf returns the app's PDF factory, created on first use (it holds the parsed fonts).
func (a *App) pdf() *pdfdoc.Factory {
	if a.pdfFactory == nil {
		a.pdfFactory = pdfdoc.NewFactory()
	}
	return a.pdfFactory
}
