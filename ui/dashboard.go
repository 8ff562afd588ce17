package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
)

// topOverdueCount is how many customers the dashboard lists by overdue amount.
const topOverdueCount = 10

// dashboardScreen shows the dossier's key figures at the as-of date. Each figure is a
// tile; later KPIs (DSO, aged balance, disputes) add tiles to the same grid.
func (a *App) dashboardScreen() fyne.CanvasObject {
	t := ledger.Totals(a.sums)
	rate := "—"
	if r, ok := t.OverdueRate(); ok {
		rate = a.percent(r.StringFixed(1))
	}
	tiles := container.NewGridWithColumns(5,
		a.tile("ui.dash.customers", a.count(t.Customers), ""),
		a.tile("ui.dash.balance", a.money(t.Balance), ""),
		a.tile("ui.dash.overdue", a.money(t.Overdue), ""),
		a.tile("ui.dash.rate", rate, a.t("ui.dash.rate_hint")),
		a.tile("ui.dash.late", a.count(t.Late), ""),
	)
	heading := widget.NewLabel(a.t("ui.dash.title", "date", a.date(a.asOf)))
	heading.SizeName = theme.SizeNameSubHeadingText
	heading.TextStyle = fyne.TextStyle{Bold: true}

	topTitle := widget.NewLabel(a.t("ui.dash.top", "n", strconv.Itoa(topOverdueCount)))
	topTitle.TextStyle = fyne.TextStyle{Bold: true}
	return container.NewBorder(
		container.NewVBox(heading, tiles, widget.NewSeparator(), topTitle), nil, nil, nil,
		a.topOverdueTable(ledger.TopOverdue(a.sums, topOverdueCount)),
	)
}

// tile is one figure of the dashboard: a caption, a large value and an optional hint.
func (a *App) tile(key, value, hint string) fyne.CanvasObject {
	caption := widget.NewLabel(a.t(key))
	caption.Truncation = fyne.TextTruncateEllipsis
	v := widget.NewLabel(value)
	v.SizeName = theme.SizeNameSubHeadingText
	v.TextStyle = fyne.TextStyle{Bold: true}
	v.Truncation = fyne.TextTruncateEllipsis
	box := container.NewVBox(caption, v)
	if hint != "" {
		h := widget.NewLabel(hint)
		h.SizeName = theme.SizeNameCaptionText
		h.Truncation = fyne.TextTruncateEllipsis
		box.Add(h)
	}
	return widget.NewCard("", "", box)
}

// count writes a whole number with the user's thousands separator: "50 000" or "50,000".
func (a *App) count(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	sep := "\u202f"
	if a.lang == "en" {
		sep = ","
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// percent writes a decimal percentage ("12.5") the user's way: "12,5 %" or "12.5%".
func (a *App) percent(v string) string {
	if a.lang == "fr" {
		return strings.Replace(v, ".", ",", 1) + "\u00a0%"
	}
	return v + "%"
}

// topOverdueTable lists customers by overdue amount; a click opens the customer.
func (a *App) topOverdueTable(rows []ledger.CustomerSummary) fyne.CanvasObject {
	if len(rows) == 0 {
		return widget.NewLabel(a.t("ui.dash.none_overdue"))
	}
	keys := []string{"ui.col.id", "ui.col.name", "ui.col.overdue", "ui.col.dayslate", "ui.col.balance"}
	widths := []float32{110, 360, 150, 140, 150}
	t := widget.NewTableWithHeaders(
		func() (int, int) { return len(rows), len(keys) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			r := &rows[id.Row]
			l.Alignment = fyne.TextAlignTrailing
			l.Importance = widget.MediumImportance
			var s string
			switch id.Col {
			case 0:
				s, l.Alignment = r.ID, fyne.TextAlignLeading
			case 1:
				s, l.Alignment = r.Name, fyne.TextAlignLeading
			case 2:
				s, l.Importance = a.money(r.Overdue), widget.DangerImportance
			case 3:
				s = strconv.Itoa(r.DaysLate)
			case 4:
				s = a.money(r.Balance)
			}
			l.SetText(s)
		},
	)
	t.ShowHeaderColumn = false
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.TextStyle = fyne.TextStyle{Bold: true}
		l.Alignment = fyne.TextAlignLeading
		if id.Col >= 2 {
			l.Alignment = fyne.TextAlignTrailing
		}
		if id.Col >= 0 && id.Col < len(keys) {
			l.SetText(a.t(keys[id.Col]))
		}
	}
	for i, w := range widths {
		t.SetColumnWidth(i, w)
	}
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(rows) {
			a.showCustomer(rows[id.Row].ID)
		}
	}
	return t
}
