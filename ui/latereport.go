package ui

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
	"relance/ledger/latereport"
	"relance/letters"
	"relance/letters/latereportpdf"
)

// lateReportDialog is the Fichier menu's "payment terms table" (C. com. L441-14,
// D441-6): the closing date and, when the book cannot give it, the year's turnover, a
// preview of the table as ledger/latereport computes it (the same computation as
// `relance late-report`), and buttons to save it as PDF or Excel.
type lateReportDialog struct {
	a        *App
	closing  *widget.Entry
	turnover *widget.Entry
	preview  *fyne.Container
	scroll   *container.Scroll // around preview
	pdf, xls *widget.Button
	report   *latereport.Report // the table shown, nil when the entries are wrong
}

// askLateReport opens the payment terms table's dialog at the as-of date.
func (a *App) askLateReport() {
	if a.sess == nil || a.book == nil {
		return
	}
	v := &lateReportDialog{a: a, closing: widget.NewEntry(), turnover: widget.NewEntry(), preview: container.NewVBox()}
	v.closing.SetText(a.date(a.asOf))
	v.turnover.SetPlaceHolder(a.t("ui.latereport.turnover_hint"))
	v.closing.OnChanged = func(string) { v.refresh() }
	v.turnover.OnChanged = func(string) { v.refresh() }
	v.pdf = widget.NewButtonWithIcon(a.t("ui.latereport.pdf"), theme.DocumentPrintIcon(), func() { v.save("pdf") })
	v.pdf.Importance = widget.HighImportance
	v.xls = widget.NewButtonWithIcon(a.t("ui.latereport.xlsx"), theme.DocumentSaveIcon(), func() { v.save("xlsx") })
	intro := widget.NewLabel(a.t("ui.latereport.intro"))
	intro.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(widget.NewFormItem(a.t("ui.latereport.closing"), withWidth(160, v.closing)),
		widget.NewFormItem(a.t("ui.latereport.turnover"), withWidth(220, v.turnover)))
	var d dialog.Dialog
	closeBtn := widget.NewButton(a.t("ui.latereport.close"), func() { d.Hide() })
	buttons := container.NewHBox(layout.NewSpacer(), closeBtn, v.xls, v.pdf)
	v.scroll = container.NewVScroll(v.preview)
	body := container.NewBorder(container.NewVBox(intro, form, widget.NewSeparator()), buttons, nil, nil, v.scroll)
	d = dialog.NewCustomWithoutButtons(a.t("ui.latereport.title"), body, a.win)
	v.refresh()
	size := a.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(1000, size.Width*0.95), min(640, size.Height*0.92)))
	a.trace("dialog", "what", "late_report", "state", "shown")
	d.Show()
}

// options reads the entries; the message says what is wrong when they cannot be read.
func (v *lateReportDialog) options() (latereport.Options, string) {
	a := v.a
	closing, err := parseDate(strings.TrimSpace(v.closing.Text))
	if err != nil {
		return latereport.Options{}, a.t("ui.latereport.bad_date", "value", v.closing.Text)
	}
	opt := latereport.Options{Closing: closing}
	if s := strings.TrimSpace(v.turnover.Text); s != "" {
		t, err := parseAmount(s)
		if err != nil || t <= 0 {
			return latereport.Options{}, a.t("ui.latereport.bad_turnover", "value", s)
		}
		opt.Turnover = t
	}
	return opt, ""
}

// refresh computes the table again from the entries and shows it.
func (v *lateReportDialog) refresh() {
	a := v.a
	v.report = nil
	opt, msg := v.options()
	if msg == "" {
		r, err := a.sess.LateReport(opt)
		if err != nil {
			msg = ledger.Localize(err, a.lang)
		} else {
			v.report = r
		}
	}
	v.preview.RemoveAll()
	if v.report == nil {
		l := widget.NewLabel(msg)
		l.Importance = widget.DangerImportance
		l.Wrapping = fyne.TextWrapWord
		v.preview.Add(l)
		v.scroll.ScrollToTop() // the message in view, wherever the table was scrolled to
		v.pdf.Disable()
		v.xls.Disable()
		return
	}
	v.pdf.Enable()
	v.xls.Enable()
	v.showTable(v.report)
}

// showTable lays the table out as the model: a column of labels, one column per bracket
// and the total, then sections (B) and (C) and the notes.
func (v *lateReportDialog) showTable(r *latereport.Report) {
	a := v.a
	lb := latereport.LabelsFor(a.lang)
	bold := fyne.TextStyle{Bold: true}
	head := widget.NewLabelWithStyle(r.Subtitle(a.lang), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	head.Wrapping = fyne.TextWrapWord
	v.preview.Add(head)
	n := len(latereport.Brackets())
	cell := func(i int) latereport.Cell {
		if i < n {
			return r.Late[i]
		}
		return r.Total
	}
	first := container.NewVBox(widget.NewLabelWithStyle(lb.SectionA, fyne.TextAlignLeading, bold),
		widget.NewLabel(lb.Count), widget.NewLabel(lb.Amount), widget.NewLabel(lb.Share))
	cols := []fyne.CanvasObject{first}
	for i, title := range lb.Columns {
		c := cell(i)
		style := fyne.TextStyle{Bold: i == n}
		cols = append(cols, container.NewVBox(
			widget.NewLabelWithStyle(title, fyne.TextAlignTrailing, bold),
			widget.NewLabelWithStyle(strconv.Itoa(c.Count), fyne.TextAlignTrailing, style),
			widget.NewLabelWithStyle(a.money(c.Amount), fyne.TextAlignTrailing, style),
			widget.NewLabelWithStyle(r.ShareText(a.lang, c.Amount), fyne.TextAlignTrailing, style)))
	}
	v.preview.Add(container.NewHScroll(container.NewHBox(cols...)))
	v.preview.Add(widget.NewSeparator())
	v.preview.Add(widget.NewLabelWithStyle(lb.SectionB, fyne.TextAlignLeading, bold))
	pair := func(label, value string) {
		text := widget.NewLabel(a.t("latereport.pair", "label", label, "value", value))
		text.Wrapping = fyne.TextWrapWord
		v.preview.Add(text)
	}
	pair(lb.ExclCount, strconv.Itoa(r.Excluded.Count))
	pair(lb.ExclAmount, a.money(r.Excluded.Amount))
	v.preview.Add(widget.NewSeparator())
	v.preview.Add(widget.NewLabelWithStyle(lb.SectionC, fyne.TextAlignLeading, bold))
	pair(lb.Contractual, r.Contractual(a.lang))
	pair(lb.Legal, r.Legal(a.lang))
	v.preview.Add(widget.NewSeparator())
	for _, note := range r.Notes(a.lang) {
		l := widget.NewLabel(note)
		l.Wrapping = fyne.TextWrapWord
		l.SizeName = theme.SizeNameCaptionText
		if !r.HasTurnover() && note == r.TurnoverText(a.lang) {
			l.Importance = widget.WarningImportance
		}
		v.preview.Add(l)
	}
}

// save asks where to save the table shown, then writes it as pdf or xlsx.
func (v *lateReportDialog) save(format string) {
	a, r := v.a, v.report
	if r == nil {
		return
	}
	a.trace("click", "what", "late_report_"+format)
	a.askSave(fmt.Sprintf("%s-%s.%s", a.t("ui.latereport.file"), r.Closing, format), "ui.latereport.saved",
		func(path string) error {
			return letters.WriteFile(path, func(w io.Writer) error {
				if format == "xlsx" {
					return latereport.WriteXLSX(w, r, a.lang, a.book.Settings.Company.Name)
				}
				return latereportpdf.Render(w, a.book.Settings, r, latereportpdf.Options{Lang: a.lang, Factory: a.pdf()})
			})
		})
}
