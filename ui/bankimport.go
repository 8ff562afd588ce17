package ui

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/bank"
	"relance/ledger/payment"
)

// Importing a bank statement in the window (issue 19): Fichier › « Importer un relevé
// bancaire… » reads the file (desk.ReadStatement), matches it (ReviewStatement) and
// shows the review: one row per credit or return with a list of what to record it
// as, the safe ones chosen already; « Enregistrer » records the choices in one
// transaction (ApplyStatement) and the dossier is read again. The rows are built in
// bankimport_rows.go.

// bankView is the review of one statement in its dialog.
type bankView struct {
	a    *App
	path string
	r    *desk.BankReview

	*stepDialog
	detail *widget.Label
	save   *widget.Button

	rows    []*bankRow
	cur     *bankRow // the row clicked last, nil for none
	syncing bool     // a list is being set by code, not by the user
	saving  bool
}

// chooseStatement asks for a bank statement file (camt.053 XML, CSV or XLSX) and
// reviews it; a dossier open for writing is needed.
func (a *App) chooseStatement() {
	switch {
	case a.db == nil || a.sess == nil:
		a.showError(a.t("ui.bank.menu"), a.t("ui.bank.no_dossier"))
		return
	case a.db.ReadOnly():
		a.showError(a.t("ui.bank.menu"), a.t("ui.bank.read_only"))
		return
	}
	a.showFileDialog(fileRequest{kind: fileOpen, purpose: "statement", exts: []string{".xml", ".csv", ".xlsx", ".txt"},
		confirm: a.t("ui.dialog.open"), chosen: func(path string) { a.openStatement(path) }})
}

// openStatement shows the dialog of the statement at path, read and matched off the
// Fyne goroutine as of today.
func (a *App) openStatement(path string) *bankView {
	v := &bankView{a: a, path: path, stepDialog: a.newStepDialog(a.t("ui.bank.title", "file", filepath.Base(path)))}
	v.dlg.Resize(v.size())
	v.dlg.Show()
	v.show(container.NewVBox(widget.NewLabel(a.t("ui.bank.reading", "file", filepath.Base(path))), widget.NewProgressBarInfinite()))
	sess, at := a.sess, a.today
	go func() {
		st, err := desk.ReadStatement(path)
		var r *desk.BankReview
		if err == nil {
			r, err = sess.ReviewStatement(st, at)
		}
		fyne.Do(func() {
			if err != nil {
				msg := widget.NewLabel(ledger.Localize(err, a.lang))
				msg.Wrapping = fyne.TextWrapWord
				head := widget.NewLabelWithStyle(a.t("ui.bank.read_failed"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
				v.show(container.NewVBox(head, msg), widget.NewButton(a.t("ui.dialog.close"), v.dlg.Hide))
				v.dlg.Resize(fyne.NewSize(min(v.size().Width, 720), 260))
				v.step("failed")
				return
			}
			v.r = r
			v.showReview()
			v.step("read")
		})
	}()
	return v
}

// size is 1240×700, or the window less a margin on a smaller one.
func (v *bankView) size() fyne.Size { return v.a.fitSize(1240, 700, 24) }

func (v *bankView) t(key string, args ...string) string { return v.a.t(key, args...) }

// step reports a step of the review in the trace (read, failed, refused, applied).
func (v *bankView) step(name string) { v.a.trace("bank", "step", name) }

// showReview lays out the review: what the statement is, the rows under their
// headers (scrolled), the clicked line's whole text, the buttons.
func (v *bankView) showReview() {
	a := v.a
	v.rows = v.rows[:0]
	list := container.NewVBox()
	for i := range v.r.Lines {
		switch v.r.Lines[i].State {
		case desk.BankCredit, desk.BankReturn, desk.BankDone:
			row := v.newRow(i)
			v.rows = append(v.rows, row)
			list.Add(row.box)
		}
	}
	if len(v.rows) == 0 {
		list.Add(widget.NewLabel(v.t("ui.bank.no_lines")))
	}
	v.detail = widget.NewLabel(v.t("ui.bank.detail_hint"))
	v.detail.Wrapping = fyne.TextWrapWord
	v.detail.Importance = widget.LowImportance
	heads := v.headerRow()
	center := container.NewBorder(container.NewVBox(heads, widget.NewSeparator()), nil, nil, nil, container.NewVScroll(list))
	// The whole line, below the rows, in a fixed height: a long text scrolls there
	// rather than squeezing the rows.
	line := fyne.MeasureText("M", theme.TextSize(), fyne.TextStyle{}).Height + theme.LineSpacing()
	bottom := container.NewVBox(widget.NewSeparator(), container.New(heightLayout{4*line + 2*theme.InnerPadding()}, container.NewVScroll(v.detail)))
	safe := widget.NewButtonWithIcon(v.t("ui.bank.safe"), theme.ConfirmIcon(), v.chooseSafe)
	v.save = widget.NewButtonWithIcon(v.t("ui.bank.save"), theme.DocumentSaveIcon(), v.apply)
	v.save.Importance = widget.HighImportance
	cancel := widget.NewButton(a.t("ui.dialog.cancel"), v.dlg.Hide)
	v.show(container.NewBorder(v.summary(), bottom, nil, nil, center), cancel, safe, v.save)
}

// summary is the head of the review: the account and period, the counts of lines,
// an earlier import of the same file.
func (v *bankView) summary() fyne.CanvasObject {
	st := v.r.Statement
	var from, to ledger.Date
	account := ""
	count := map[string]int{}
	for i := range v.r.Lines {
		l := &v.r.Lines[i]
		count[l.State]++
		if account == "" {
			account = l.Account
		}
		if !from.Valid() || l.Booked < from {
			from = l.Booked
		}
		if l.Booked > to {
			to = l.Booked
		}
	}
	head := v.t("ui.bank.header_noaccount", "from", v.a.date(from), "to", v.a.date(to))
	if account != "" {
		head = v.t("ui.bank.header", "account", groupsOf4(account), "from", v.a.date(from), "to", v.a.date(to))
	}
	if len(st.Lines) == 0 {
		head = ""
	}
	box := container.NewVBox(widget.NewLabelWithStyle(head, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	counts := widget.NewLabel(v.t("ui.bank.counts", "credits", strconv.Itoa(count[desk.BankCredit]),
		"returns", strconv.Itoa(count[desk.BankReturn]), "others", strconv.Itoa(count[desk.BankOther]),
		"done", strconv.Itoa(count[desk.BankDone])))
	counts.Wrapping = fyne.TextWrapWord
	box.Add(counts)
	if s := v.r.Seen; s != nil {
		dates := make([]string, len(s.Imports))
		for i, d := range s.Imports {
			dates[i] = v.a.date(d)
		}
		seen := widget.NewLabel(v.t("ui.bank.seen", "dates", strings.Join(dates, ", ")))
		seen.Importance = widget.WarningImportance
		seen.Wrapping = fyne.TextWrapWord
		box.Add(seen)
	}
	if st.Pending > 0 {
		box.Add(caption(v.t("ui.bank.pending", "n", strconv.Itoa(st.Pending))))
	}
	return box
}

// groupsOf4 writes an IBAN or account number in groups of four characters.
func groupsOf4(s string) string {
	s = strings.ReplaceAll(s, " ", "")
	var b strings.Builder
	for i, r := range []rune(s) {
		if i > 0 && i%4 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// chooseSafe chooses, on every line safe to record without asking, its exact match
// (desk.BankReview.AutoChoices); the other lines keep what the person chose.
func (v *bankView) chooseSafe() {
	for _, c := range v.r.AutoChoices() {
		for _, row := range v.rows {
			if row.line != c.Line {
				continue
			}
			for k, p := range row.picks {
				if p.cand == 0 && p.other == "" && !p.ask {
					v.setIndex(row, k)
				}
			}
		}
	}
	v.a.trace("select", "list", "bank", "what", "safe")
}

// choices are the rows' choices, lines left aside apart.
func (v *bankView) choices() []desk.BankChoice {
	var out []desk.BankChoice
	for _, row := range v.rows {
		if c, ok := row.choice(v.r); ok {
			out = append(out, c)
		}
	}
	return out
}

// apply records the choices in one transaction, off the Fyne goroutine. A refusal
// is shown over the review, which stays as chosen; success closes it, sums up what
// was recorded and reads the dossier again.
func (v *bankView) apply() {
	a := v.a
	if v.saving || a.sess == nil {
		return
	}
	v.saving = true
	v.save.Disable()
	sess, r, choices, at := a.sess, v.r, v.choices(), a.today
	go func() {
		res, err := sess.ApplyStatement(r, choices, at, "")
		fyne.Do(func() {
			v.saving = false
			v.save.Enable()
			if err != nil {
				// The error shown first: a test waiting for the step finds the dialog drawn.
				a.showError(v.t("ui.bank.refused"), ledger.Localize(err, a.lang))
				v.step("refused")
				return
			}
			v.dlg.Hide()
			v.done(res)
		})
	}()
}

// done reports what ApplyStatement recorded (trace, summary dialog, status bar) and
// reads the dossier again.
func (v *bankView) done(res *desk.BankResult) {
	a := v.a
	var pays, rets int
	var paid, returned ledger.Cents
	for _, p := range res.Payments {
		if p.IsReturn() {
			rets++
			returned += p.Amount
		} else {
			pays++
			paid += p.Amount
		}
	}
	file := v.r.Statement.File
	a.trace("written", "what", "statement", "file", file, "payments", pays, "returns", rets, "left", res.Left, "done", res.Done)
	v.step("applied")
	lines := []string{
		v.t("ui.bank.sum.file", "file", file),
		v.t("ui.bank.sum.payments", "n", strconv.Itoa(pays), "amount", a.money(paid)),
		v.t("ui.bank.sum.returns", "n", strconv.Itoa(rets), "amount", a.money(returned)),
		v.t("ui.bank.sum.left", "n", strconv.Itoa(res.Left)),
	}
	if res.Done > 0 {
		lines = append(lines, v.t("ui.bank.sum.done", "n", strconv.Itoa(res.Done)))
	}
	text := widget.NewLabel(strings.Join(lines, "\n"))
	text.Wrapping = fyne.TextWrapWord
	dialog.NewCustom(v.t("ui.bank.done_title"), a.t("ui.dialog.ok"), withWidth(480, text), a.win).Show()
	a.reloadThen(v.t("ui.bank.status", "file", file, "payments", strconv.Itoa(pays), "returns", strconv.Itoa(rets)))
}

// lineDetail is the whole of a line for the detail under the rows: its date, amount,
// method and payer, why its choice (the row's reason), the payer's and the bank's
// texts, its references, its line in the file.
func (v *bankView) lineDetail(bl *desk.BankLine, why string) string {
	a := v.a
	method := v.t("ui.bank.method.unknown")
	switch m := payment.Method(bl.Method); {
	case m.Known():
		method = a.t("payment.method." + string(m))
	case bl.Method == bank.Fee:
		method = v.t("ui.bank.method.fee")
	}
	payer := bl.Debtor
	if strings.TrimSpace(payer) == "" {
		payer = v.t("ui.bank.no_payer")
	}
	out := []string{v.t("ui.bank.detail.head", "date", a.date(bl.Booked), "amount", a.money(bl.Amount), "method", method, "payer", payer)}
	if why != "" {
		out = append(out, why)
	}
	if s := strings.TrimSpace(bl.Remittance); s != "" {
		out = append(out, v.t("ui.bank.detail.remittance", "text", s))
	}
	if s := strings.TrimSpace(bl.Label); s != "" && s != strings.TrimSpace(bl.Remittance) {
		out = append(out, v.t("ui.bank.detail.label", "text", s))
	}
	if bl.ChequeNo != "" {
		out = append(out, v.t("ui.bank.detail.cheque", "number", bl.ChequeNo))
	}
	if ref := firstOf(bl.EndToEnd, bl.BankRef); ref != "" {
		out = append(out, v.t("ui.bank.detail.ref", "ref", ref))
	}
	if bl.Row > 0 {
		out = append(out, v.t("ui.bank.detail.where", "line", strconv.Itoa(bl.Row)))
	}
	return strings.Join(out, "\n")
}

// firstOf is the first of ss that is not blank, trimmed.
func firstOf(ss ...string) string {
	if i := slices.IndexFunc(ss, func(s string) bool { return strings.TrimSpace(s) != "" }); i >= 0 {
		return strings.TrimSpace(ss[i])
	}
	return ""
}

// focus marks row as the one clicked and shows its whole line below the rows.
func (v *bankView) focus(row *bankRow) {
	if v.cur != nil && v.cur != row {
		v.cur.bg.Hide()
	}
	v.cur = row
	row.bg.Show()
	bl := &v.r.Lines[row.line]
	v.detail.Importance = widget.MediumImportance
	v.detail.SetText(v.lineDetail(bl, row.why.Text))
	v.a.trace("select", "list", "bank", "line", bl.Row)
}

// bankSelection is the background of a row, shown while it is the row clicked.
func bankSelection() *canvas.Rectangle {
	r := canvas.NewRectangle(theme.Color(theme.ColorNameSelection))
	r.CornerRadius = theme.Size(theme.SizeNameSelectionRadius)
	r.Hide()
	return r
}
