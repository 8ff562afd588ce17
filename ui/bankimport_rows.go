package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/desk"
	"relance/ledger/bank/match"
)

// The widths of the review's columns; the text and the choice share what is left.
const (
	bankDateWidth   = 96
	bankAmountWidth = 118
	bankPayerWidth  = 200
	bankChoiceWidth = 340 // at least
	bankChoiceWide  = 420 // as wide as the text allows
	bankTextMin     = 120
)

// bankRow is one credit, return or already recorded line of the review: its date,
// amount, payer and text (a click on them shows the whole line below the rows), the
// list of what to record it as, and why the choice is suggested.
type bankRow struct {
	line  int        // index in BankReview.Lines
	picks []bankPick // what each option of sel means
	sel   *widget.Select
	why   *widget.Label
	bg    *canvas.Rectangle
	box   *fyne.Container
	prev  int    // the option chosen before « Autre client… », to come back to
	other string // the customer chosen with « Autre client… », "" while none
}

// bankPick is what one option of a row's list records.
type bankPick struct {
	cand  int    // the candidate (credit) or payment taken back (return), -1 for none
	other string // a customer chosen by hand: the oldest invoices first
	ask   bool   // « Autre client… »: asks for the customer
}

// choice is the row's choice for ApplyStatement; false when the line is left aside.
func (row *bankRow) choice(r *desk.BankReview) (desk.BankChoice, bool) {
	if row.sel == nil {
		return desk.BankChoice{}, false
	}
	i := row.sel.SelectedIndex()
	if i < 0 || i >= len(row.picks) {
		return desk.BankChoice{}, false
	}
	switch p := row.picks[i]; {
	case p.other != "":
		return desk.BankChoice{Line: row.line, Customer: p.other}, true
	case p.cand >= 0:
		return r.Choose(row.line, p.cand), true
	}
	return desk.BankChoice{}, false
}

// bankCell is a text of a row that answers a left click by showing the row's line.
type bankCell struct {
	widget.Label
	tapped func()
}

func newBankCell(text string, right bool, tapped func()) *bankCell {
	c := &bankCell{tapped: tapped}
	c.ExtendBaseWidget(c)
	c.Text = text
	c.Truncation = fyne.TextTruncateEllipsis
	if right {
		c.Alignment = fyne.TextAlignTrailing
	}
	return c
}

// Tapped shows the row's line.
func (c *bankCell) Tapped(*fyne.PointEvent) {
	if c.tapped != nil {
		c.tapped()
	}
}

// bankRowLayout places a row: date, amount, payer, text and choice on the first
// line at the columns' widths (the text taking what is left), the reason under the
// text and the choice.
type bankRowLayout struct{}

// MinSize is the fixed columns, the text's minimum, and the two lines.
func (bankRowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h1, y2 := bankLines(objs)
	w := float32(bankDateWidth+bankAmountWidth+bankPayerWidth+bankChoiceWidth+bankTextMin) + 4*theme.Padding() + bankScrollBar()
	h := h1
	if len(objs) > 5 && objs[5].Visible() {
		h = y2 + objs[5].MinSize().Height - theme.InnerPadding()
	}
	return fyne.NewSize(w, h)
}

// bankLines are the first line's height and where the reason's label starts: its
// text right under the first line, its own top padding over it.
func bankLines(objs []fyne.CanvasObject) (h1, y2 float32) {
	for _, o := range objs[:5] {
		h1 = max(h1, o.MinSize().Height)
	}
	return h1, h1 - theme.InnerPadding() + 2
}

// bankScrollBar is the room left on the right for the list's scroll bar, so that it
// does not cover the choices' arrows.
func bankScrollBar() float32 { return theme.Size(theme.SizeNameScrollBar) + theme.Padding() }

// Layout places the objects: date, amount, payer, text, choice, then the reason. The
// text and the choice share what the fixed columns leave, the choice at least
// bankChoiceWidth wide.
func (bankRowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	p := theme.Padding()
	h1, y2 := bankLines(objs)
	width := size.Width - bankScrollBar()
	rest := width - float32(bankDateWidth+bankAmountWidth+bankPayerWidth) - 4*p
	// On a narrow window the text gives way first (the whole line shows below when
	// clicked), down to bankTextMin, for the choice to show its score.
	choice := max(rest*0.65, min(rest-bankTextMin, bankChoiceWide), bankChoiceWidth)
	text := max(rest-choice, bankTextMin)
	x := float32(0)
	for i, w := range []float32{bankDateWidth, bankAmountWidth, bankPayerWidth, text, choice} {
		objs[i].Move(fyne.NewPos(x, 0))
		objs[i].Resize(fyne.NewSize(w, h1))
		x += w + p
	}
	if len(objs) > 5 {
		left := float32(bankDateWidth+bankAmountWidth+bankPayerWidth) + 3*p
		objs[5].Move(fyne.NewPos(left, y2))
		objs[5].Resize(fyne.NewSize(width-left, objs[5].MinSize().Height))
	}
}

// headerRow is the columns' names, in bold, laid out as the rows.
func (v *bankView) headerRow() fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for i, key := range []string{"ui.bank.col.date", "ui.bank.col.amount", "ui.bank.col.payer", "ui.bank.col.text", "ui.bank.col.choice"} {
		l := widget.NewLabelWithStyle(v.t(key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		if i == 1 {
			l.Alignment = fyne.TextAlignTrailing
		}
		objs = append(objs, l)
	}
	return container.New(bankRowLayout{}, objs...)
}

// newRow makes the row of line i: a list of choices for a credit or a return, the
// payment recorded for a line done.
func (v *bankView) newRow(i int) *bankRow {
	a := v.a
	bl := &v.r.Lines[i]
	row := &bankRow{line: i, bg: bankSelection()}
	tap := func() { v.focus(row) }
	payer := bl.Debtor
	if strings.TrimSpace(payer) == "" {
		payer = v.t("ui.bank.no_payer")
	}
	text := firstOf(bl.Remittance, bl.Label)
	cells := []*bankCell{newBankCell(a.date(bl.Booked), false, tap), newBankCell(a.money(bl.Amount), true, tap),
		newBankCell(payer, false, tap), newBankCell(strings.Join(strings.Fields(text), " "), false, tap)}
	row.why = widget.NewLabel("")
	row.why.Truncation = fyne.TextTruncateEllipsis
	row.why.TextStyle = fyne.TextStyle{Italic: true} // smaller and slanted: readable, under the line
	row.why.SizeName = theme.SizeNameCaptionText
	var choice fyne.CanvasObject
	if bl.State == desk.BankDone {
		for _, c := range cells {
			c.Importance = widget.LowImportance
		}
		done := newBankCell(v.t("ui.bank.done", "payment", bl.Payment), false, tap)
		done.Importance = widget.LowImportance
		choice = done
		row.why.Importance = widget.LowImportance
		row.why.SetText(v.t("ui.bank.why_done"))
	} else {
		row.sel = widget.NewSelect(nil, func(string) { v.chosen(row) })
		v.fillOptions(row)
		k := 0
		if bl.Auto {
			k = 1 // the first candidate, right after « Laisser de côté »
		}
		v.setIndex(row, k)
		choice = row.sel
	}
	objs := []fyne.CanvasObject{cells[0], cells[1], cells[2], cells[3], choice, row.why}
	row.box = container.NewStack(row.bg, container.New(bankRowLayout{}, objs...))
	return row
}

// fillOptions sets row's options: leave aside, each candidate or payment taken
// back, the customer chosen by hand, « Autre client… » for a credit.
func (v *bankView) fillOptions(row *bankRow) {
	bl := &v.r.Lines[row.line]
	opts := []string{v.t("ui.bank.leave")}
	row.picks = []bankPick{{cand: -1}}
	switch bl.State {
	case desk.BankCredit:
		for k, c := range bl.Candidates {
			opts = append(opts, v.candidateText(c))
			row.picks = append(row.picks, bankPick{cand: k})
		}
		if row.other != "" {
			opts = append(opts, v.t("ui.bank.other_chosen", "name", v.customerName(row.other, true)))
			row.picks = append(row.picks, bankPick{cand: -1, other: row.other})
		}
		opts = append(opts, v.t("ui.bank.other"))
		row.picks = append(row.picks, bankPick{cand: -1, ask: true})
	case desk.BankReturn:
		for k, t := range bl.Takes {
			opts = append(opts, v.takeText(t))
			row.picks = append(row.picks, bankPick{cand: k})
		}
	}
	row.sel.Options = opts
	row.sel.Refresh()
}

// customerName is the name of customer id, with its ID when withID, or the ID of
// a customer the book does not hold.
func (v *bankView) customerName(id string, withID bool) string {
	acc := v.a.book.Account(id)
	switch {
	case acc == nil:
		return id
	case withID:
		return acc.Customer.Name + " (" + id + ")"
	}
	return acc.Customer.Name
}

// invoiceNumbers are the document numbers of customer's items ids.
func (v *bankView) invoiceNumbers(customer string, ids []string) string {
	acc := v.a.book.Account(customer)
	var out []string
	for _, id := range ids {
		n := id
		if acc != nil {
			for j := range acc.Items {
				if acc.Items[j].ID == id && acc.Items[j].Number != "" {
					n = acc.Items[j].Number
				}
			}
		}
		out = append(out, n)
	}
	return strings.Join(out, ", ")
}

// candidateText is a credit's candidate in words: the customer, the invoices it
// settles (or the oldest first), the score.
func (v *bankView) candidateText(c match.Candidate) string {
	name, score := v.customerName(c.Customer, false), strconv.Itoa(c.Score)
	if len(c.Items) == 0 {
		return v.t("ui.bank.candidate_fifo", "name", name, "score", score)
	}
	return v.t("ui.bank.candidate", "name", name, "invoices", v.invoiceNumbers(c.Customer, c.Items), "score", score)
}

// takeText is a payment a return may take back, in words.
func (v *bankView) takeText(t match.Taken) string {
	a := v.a
	if t.Line >= 0 {
		l := &v.r.Lines[t.Line]
		return v.t("ui.bank.return_line", "amount", a.money(l.Amount), "date", a.date(l.Booked))
	}
	name := v.customerName(t.Customer, false)
	if len(t.Numbers) == 0 {
		return v.t("ui.bank.return_take_noinv", "date", a.date(t.Date), "name", name)
	}
	return v.t("ui.bank.return_take", "date", a.date(t.Date), "name", name, "invoices", strings.Join(t.Numbers, ", "))
}

// setIndex selects option k of row by code and shows why.
func (v *bankView) setIndex(row *bankRow, k int) {
	v.syncing = true
	row.sel.SetSelectedIndex(k)
	v.syncing = false
	row.prev = k
	v.showWhy(row)
}

// chosen follows the person's choice in row's list: « Autre client… » asks for the
// customer; anything else is kept and explained.
func (v *bankView) chosen(row *bankRow) {
	if v.syncing {
		return
	}
	k := row.sel.SelectedIndex()
	if k < 0 || k >= len(row.picks) {
		return
	}
	if row.picks[k].ask {
		v.askOther(row)
		return
	}
	row.prev = k
	v.showWhy(row)
	v.focus(row)
}

// showWhy says under the row why its choice is suggested (the candidate's reasons)
// or what choosing it does.
func (v *bankView) showWhy(row *bankRow) {
	bl := &v.r.Lines[row.line]
	k := row.sel.SelectedIndex()
	var text string
	switch p := row.picks[max(k, 0)]; {
	case p.other != "":
		text = v.t("ui.bank.why_other")
	case p.cand >= 0 && bl.State == desk.BankCredit:
		text = v.t("ui.bank.why", "why", v.reasons(bl.Candidates[p.cand].Why))
		if bl.TakenBack >= 0 {
			text += " " + v.t("ui.bank.taken_back", "date", v.a.date(v.r.Lines[bl.TakenBack].Booked))
		}
	case p.cand >= 0:
		text = v.t("ui.bank.why", "why", v.reasons(bl.Takes[p.cand].Why))
	case bl.State == desk.BankCredit && len(bl.Candidates) == 0:
		text = v.t("ui.bank.why_none")
	case bl.State == desk.BankReturn && len(bl.Takes) == 0:
		text = v.t("ui.bank.why_none_return")
	default:
		text = v.t("ui.bank.why_leave")
	}
	row.why.SetText(text)
	if v.cur == row {
		v.focus(row)
	}
}

// reasons are a candidate's reasons in the user's words.
func (v *bankView) reasons(why []match.Reason) string {
	out := make([]string, len(why))
	for i, r := range why {
		out[i] = r.Text(v.a.lang, v.a.currency())
	}
	return strings.Join(out, v.t("ui.bank.why_sep"))
}

// askOther asks for the customer of a credit among all the customers (the picker);
// the choice is added to the row's list and selected. Cancelled, the row goes back
// to its previous choice.
func (v *bankView) askOther(row *bankRow) {
	a := v.a
	bl := &v.r.Lines[row.line]
	prev := row.prev
	v.setIndex(row, prev)
	p := a.newCustomerPicker(row.other, nil)
	intro := widget.NewLabel(v.t("ui.bank.pick_intro"))
	intro.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(v.t("ui.bank.pick_title", "amount", a.money(bl.Amount), "date", a.date(bl.Booked)),
		v.t("ui.bank.pick_ok"), a.t("ui.dialog.cancel"), container.NewVBox(intro, p.object()), func(ok bool) {
			id := p.customerID()
			if !ok || id == "" {
				return
			}
			v.setOther(row, id)
		}, a.win)
	d.Resize(fyne.NewSize(min(a.win.Canvas().Size().Width-40, 560), 380))
	d.Show()
	a.win.Canvas().Focus(p.entry)
	a.trace("dialog", "what", "bank_customer", "state", "shown")
}

// setOther records customer id as row's payer chosen by hand and selects it.
func (v *bankView) setOther(row *bankRow, id string) {
	row.other = id
	v.fillOptions(row)
	for k, p := range row.picks {
		if p.other == id {
			v.setIndex(row, k)
		}
	}
	v.focus(row)
}
