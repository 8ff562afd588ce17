package ui

import (
	"image/color"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
	"relance/ledger/risk"
)

// clientsTabs puts the customer list, the risk map and the ledger's upkeep side by side
// as tabs; the map and the upkeep are built when their tab is shown.
func (sv *riskView) clientsTabs(list fyne.CanvasObject) fyne.CanvasObject {
	a := sv.a
	return lazyTabs(&sv.clientsTab,
		lazyTab{label: a.t("uirisk.tab.list"), icon: theme.ListIcon(), content: list},
		// The map scrolls within its tab on a narrow window rather than widening it.
		lazyTab{label: a.t("uirisk.tab.map"), icon: theme.GridIcon(), build: func() fyne.CanvasObject { return container.NewScroll(sv.riskMap()) }},
		lazyTab{label: a.t("hygiene.tab"), icon: theme.ConfirmIcon(), build: sv.hygienePane})
}

// mapBands are the outstanding bands of the risk map's rows, in cents (upper bounds,
// the last band open-ended).
func mapBands() []ledger.Cents { return []ledger.Cents{500000, 1500000, 4000000} }

// riskMap is the customers by class (columns) and outstanding (rows): each cell lists
// its customers, largest outstanding first, as buttons that open the customer.
func (sv *riskView) riskMap() fyne.CanvasObject {
	a := sv.a
	res := sv.riskResult()
	if res == nil {
		return widget.NewLabel(a.t("uirisk.none"))
	}
	codes := res.Policy.Codes()
	bands := mapBands()
	cells := make([][][]*risk.Assessment, len(bands)+1)
	totals := make([]ledger.Cents, len(codes))
	counts := make([]int, len(codes))
	for i := range cells {
		cells[i] = make([][]*risk.Assessment, len(codes))
	}
	for i := range res.Assessments {
		as := &res.Assessments[i]
		c := res.Policy.Rank(as.Class)
		if c < 0 {
			continue
		}
		b := sort.Search(len(bands), func(k int) bool { return as.Balance < bands[k] })
		row := len(bands) - b // largest band on top
		cells[row][c] = append(cells[row][c], as)
		totals[c] += as.Balance
		counts[c]++
	}
	head := container.NewGridWithColumns(len(codes) + 1)
	head.Add(widget.NewLabel(""))
	grid := container.NewGridWithColumns(len(codes) + 1)
	for i, code := range codes {
		h := widget.NewLabel(a.className(code) + "\n" + a.t(a.plural("uirisk.map.total", counts[i]), "count", a.count(counts[i]), "amount", a.money(totals[i])))
		h.TextStyle = fyne.TextStyle{Bold: true}
		h.Importance = a.classImportance(code)
		h.Alignment = fyne.TextAlignCenter
		head.Add(h)
	}
	for row := range cells {
		b := len(bands) - row
		var label string
		switch {
		case b == len(bands):
			label = a.t("uirisk.map.above", "amount", a.wholeMoney(bands[b-1]))
		case b == 0:
			label = a.t("uirisk.map.below", "amount", a.wholeMoney(bands[0]))
		default:
			label = a.t("uirisk.map.between", "from", a.wholeMoney(bands[b-1]), "to", a.wholeMoney(bands[b]))
		}
		l := widget.NewLabel(label)
		l.TextStyle = fyne.TextStyle{Bold: true}
		grid.Add(l)
		for c := range codes {
			grid.Add(sv.mapCell(cells[row][c], codes[c]))
		}
	}
	help := widget.NewLabel(a.t("uirisk.map.help"))
	help.Wrapping = fyne.TextWrapWord
	recompute := widget.NewButtonWithIcon(a.t("uirisk.recompute"), theme.ViewRefreshIcon(), a.afterChecked(sv.recomputeRisk)) // it records: after the check before writing
	if a.db == nil || a.db.ReadOnly() {
		recompute.Disable()
	}
	return container.NewBorder(container.NewVBox(container.NewBorder(nil, nil, nil, recompute, help), head), nil, nil, nil, grid)
}

// mapCell is one cell of the risk map: a tinted background and its customers.
func (sv *riskView) mapCell(list []*risk.Assessment, code string) fyne.CanvasObject {
	a := sv.a
	sort.Slice(list, func(i, j int) bool { return list[i].Balance > list[j].Balance })
	box := container.NewVBox()
	const shown = 40
	for i, as := range list {
		if i == shown {
			box.Add(widget.NewLabel(a.t("uirisk.map.more", "count", a.count(len(list)-shown))))
			break
		}
		id := as.Customer
		b := widget.NewButton(shorten(as.Name, 17)+" · "+a.kiloMoney(as.Balance), func() {
			sv.clientsTab = 0
			a.showCustomer(id)
		})
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		box.Add(b)
	}
	bg := canvas.NewRectangle(tint(a.classImportance(code), len(list)))
	bg.CornerRadius = 6
	return container.NewStack(bg, container.NewVScroll(box))
}

// tint is the background of a map cell: the class's colour, stronger with more customers.
func tint(imp widget.Importance, n int) color.Color {
	alpha := uint8(0)
	if n > 0 {
		alpha = uint8(min(24+n*4, 72))
	}
	switch imp {
	case widget.DangerImportance:
		return color.NRGBA{R: 0xd3, G: 0x2f, B: 0x2f, A: alpha}
	case widget.WarningImportance:
		return color.NRGBA{R: 0xf5, G: 0x7c, B: 0x00, A: alpha}
	case widget.SuccessImportance:
		return color.NRGBA{R: 0x2e, G: 0x7d, B: 0x32, A: alpha}
	}
	return color.NRGBA{R: 0x15, G: 0x65, B: 0xc0, A: alpha}
}

// wholeMoney formats an amount in whole currency units ("40 000 €").
func (a *App) wholeMoney(c ledger.Cents) string {
	s := (c / 100 * 100).Format(a.lang, a.book.Settings.Currency)
	dec := ","
	if a.lang == "en" {
		dec = "."
	}
	if i := strings.LastIndex(s, dec); i >= 0 && i+3 <= len(s) {
		return s[:i] + s[i+3:]
	}
	return s
}

// kiloMoney formats an amount in thousands with one decimal ("47,9 k€").
func (a *App) kiloMoney(c ledger.Cents) string {
	k := int64(c) / 10000 // tenths of thousands
	sep := ","
	if a.lang == "en" {
		sep = "."
	}
	sym := strings.TrimSpace(strings.TrimLeft(ledger.Cents(0).Format("fr", a.book.Settings.Currency), "0,\u00a0"))
	return strconv.FormatInt(k/10, 10) + sep + strconv.FormatInt(k%10, 10) + " k" + sym
}

// shorten cuts s to n runes with an ellipsis.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// recomputeRisk records, in one transaction, what a recomputation at the as-of date
// finds: the first class of new customers and a proposal for every customer whose
// computed class moved away from the class in force (to accept or reject on its Risque
// tab). It runs off the UI goroutine.
func (sv *riskView) recomputeRisk() {
	a := sv.a
	sess, asOf := a.sess, a.asOf
	if sess == nil {
		return
	}
	before := 0
	if res := sv.riskResult(); res != nil {
		for i := range res.Assessments {
			if res.Assessments[i].Pending != nil {
				before++
			}
		}
	}
	go func() {
		res, err := sess.RecomputeRisk(asOf)
		fyne.Do(func() {
			if err != nil {
				a.showError(a.t("uirisk.recompute"), ledger.Localize(err, a.lang))
				return
			}
			after := 0
			for i := range res.Assessments {
				if res.Assessments[i].Pending != nil {
					after++
				}
			}
			sv.riskChanged(a.t("uirisk.recomputed", "pending", a.count(after), "new", a.count(max(0, after-before))))
		})
	}()
}
