package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
	"relance/ledger/importer"
	"relance/ledger/importer/fec"
	"relance/ledger/importer/report"
	"relance/ledger/importer/tabular"
)

// importWizard walks the user through an import: choose the file, see what was
// detected and override it, analyse it (progress, cancel), preview the customers and
// the report, then import in one transaction. Files are read off the Fyne goroutine.
type importWizard struct {
	a    *App
	path string
	det  *importer.Detection
	opt  importer.Options
	plan *importer.Plan

	dlg      dialog.Dialog
	root     *fyne.Container // the dialog's content: body above, footer below
	body     *fyne.Container
	footer   *fyne.Container
	progress *widget.ProgressBar
	cancel   context.CancelFunc
}

// importFile opens the import wizard on path (the File menu asks for it first).
func (a *App) importFile(path string) *importWizard {
	w := &importWizard{a: a, path: path}
	if a.book != nil {
		s := a.book.Settings
		w.opt.Settings = &s
	}
	w.opt.Today = a.today
	w.body = container.NewStack()
	w.footer = container.NewStack()
	w.root = container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), w.footer), nil, nil, w.body)
	w.dlg = dialog.NewCustomWithoutButtons(a.t("ui.import.title", "file", filepath.Base(path)), w.root, a.win)
	w.dlg.Resize(fyne.NewSize(1040, 660))
	w.dlg.Show()
	w.detect()
	return w
}

// chooseImport asks for a FEC, CSV or XLSX file and starts the wizard.
func (a *App) chooseImport() {
	if a.db == nil {
		a.showError(a.t("ui.import.title", "file", ""), a.t("ui.import.no_dossier"))
		return
	}
	a.showFileDialog(fileRequest{kind: fileOpen, purpose: "import", confirm: a.t("ui.dialog.open"),
		chosen: func(path string) { a.importFile(path) }})
}

func (w *importWizard) t(key string, args ...string) string { return w.a.t(key, args...) }

func (w *importWizard) step(name string) {
	w.a.trace("import", "step", name)
}

func (w *importWizard) show(content fyne.CanvasObject, buttons ...fyne.CanvasObject) {
	w.body.Objects = []fyne.CanvasObject{content}
	w.body.Refresh()
	// Buttons on the right, rebuilt whole so that the row is laid out for them.
	w.footer.Objects = []fyne.CanvasObject{container.NewBorder(nil, nil, nil, container.NewHBox(buttons...))}
	w.root.Refresh() // lay out again: the footer's height may have changed
}

func (w *importWizard) closeButton(label string) *widget.Button {
	return widget.NewButton(label, func() {
		if w.cancel != nil {
			w.cancel()
		}
		w.dlg.Hide()
	})
}

// busy shows a progress bar with a cancel button while work runs.
func (w *importWizard) busy(msg string) context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	w.cancel = cancel
	w.progress = widget.NewProgressBar()
	w.show(container.NewVBox(widget.NewLabel(msg), w.progress), w.closeButton(w.t("ui.dialog.cancel")))
	return ctx
}

func (w *importWizard) onProgress(done, total int64) {
	w.a.trace("import.progress", "done", done, "total", total)
	fyne.Do(func() {
		if w.progress != nil && total > 0 {
			w.progress.SetValue(float64(done) / float64(total))
		}
	})
}

// detect reads the file once to tell how it is written.
func (w *importWizard) detect() {
	ctx := w.busy(w.t("ui.import.detecting"))
	opt := w.opt
	go func() {
		det, err := importer.Detect(ctx, w.path, opt)
		fyne.Do(func() {
			w.cancel = nil
			if err != nil {
				w.fail(err)
				return
			}
			w.det = det
			w.showDetection()
			w.step("detected")
		})
	}()
}

func (w *importWizard) fail(err error) {
	msg := widget.NewLabel(ledger.Localize(err, w.a.lang))
	msg.Wrapping = fyne.TextWrapWord
	w.show(container.NewVBox(widget.NewLabelWithStyle(w.t("ui.import.failed"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), msg),
		w.closeButton(w.t("ui.dialog.close")))
	w.step("failed")
}

// showDetection shows what was found, with the choices the user may override.
func (w *importWizard) showDetection() {
	d := w.det
	form := widget.NewForm()
	add := func(label, value string) { form.Append(label, widget.NewLabel(value)) }
	add(w.t("ui.import.file"), fmt.Sprintf("%s (%s)", filepath.Base(d.File), sizeText(d.Size)))
	add(w.t("ui.import.format"), strings.ToUpper(string(d.Format)))
	if d.Format == importer.FormatFEC {
		enc := widget.NewSelect([]string{"UTF-8", "ISO-8859-15", "Windows-1252"}, func(s string) {
			if e, ok := fec.ParseEncoding(s); ok {
				w.dialect().Encoding = e
			}
		})
		enc.SetSelected(d.Dialect.Encoding.String())
		form.Append(w.t("ui.import.encoding"), enc)
		seps := map[string]byte{w.t("ui.import.sep_tab"): '\t', "|": '|', ";": ';'}
		names := []string{w.t("ui.import.sep_tab"), "|", ";"}
		sep := widget.NewSelect(names, func(s string) { w.dialect().Sep = seps[s] })
		for n, b := range seps {
			if b == d.Dialect.Sep {
				sep.SetSelected(n)
			}
		}
		form.Append(w.t("ui.import.separator"), sep)
		add(w.t("ui.import.eol"), string(d.Dialect.EOL))
		add(w.t("ui.import.layout"), string(d.Layout))
		keys := []string{w.t("ui.import.key_auto"), w.t("ui.import.key_aux"), w.t("ui.import.key_account")}
		kinds := []importer.KeyKind{importer.KeyAuto, importer.KeyAux, importer.KeyAccount}
		key := widget.NewSelect(keys, func(s string) {
			for i, k := range keys {
				if k == s {
					w.opt.Key = kinds[i]
				}
			}
		})
		key.SetSelected(keys[0])
		form.Append(w.t("ui.import.key"), container.NewVBox(key, caption(w.t("ui.import.key_found", "kind", w.keyName(d.Key)))))
		add(w.t("ui.import.period"), w.t("ui.import.period_value", "from", w.a.date(d.From), "to", w.a.date(d.To)))
		add(w.t("ui.import.lines"), w.t("ui.import.lines_value", "lines", strconv.Itoa(d.Lines),
			"receivable", strconv.Itoa(d.ReceivableLines), "customers", strconv.Itoa(d.Customers)))
	} else {
		w.mappingForm(form)
	}
	terms := widget.NewEntry()
	if w.opt.Settings != nil {
		terms.SetText(w.opt.Settings.Terms.String())
	}
	termsErr := caption(w.t("ui.import.terms_hint"))
	form.Append(w.t("ui.import.terms"), container.NewVBox(terms, termsErr))
	var problem fyne.CanvasObject = layout.NewSpacer()
	if d.Fatal != nil {
		l := widget.NewLabel(ledger.Localize(d.Fatal, w.a.lang))
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.DangerImportance
		problem = l
	}
	next := widget.NewButtonWithIcon(w.t("ui.import.analyse"), theme.NavigateNextIcon(), func() {
		t, err := ledger.ParseTerms(terms.Text)
		if err != nil {
			termsErr.SetText(ledger.Localize(err, w.a.lang))
			return
		}
		w.opt.Terms = &t
		w.prepare()
	})
	next.Importance = widget.HighImportance
	w.show(container.NewBorder(nil, problem, nil, nil, container.NewVScroll(form)), w.closeButton(w.t("ui.dialog.cancel")), next)
}

// dialect returns the dialect override, starting from what was detected.
func (w *importWizard) dialect() *fec.Dialect {
	if w.opt.Dialect == nil {
		d := w.det.Dialect
		w.opt.Dialect = &d
	}
	return w.opt.Dialect
}

func (w *importWizard) keyName(k importer.KeyKind) string {
	switch k {
	case importer.KeyAux:
		return w.t("ui.import.key_aux")
	case importer.KeyAccount:
		return w.t("ui.import.key_account")
	case importer.KeyMixed:
		return w.t("ui.import.key_mixed")
	}
	return w.t("ui.import.key_auto")
}

// mappingForm lets the user pick a preset and the column of each field.
func (w *importWizard) mappingForm(form *widget.Form) {
	presets := tabular.PresetNames()
	if w.a.sess != nil {
		saved, err := w.a.sess.ImportPresets()
		if err != nil {
			w.a.setStatus(ledger.Localize(err, w.a.lang))
		}
		for name := range saved {
			if !contains(presets, name) {
				presets = append(presets, name)
			}
		}
	}
	preset := w.a.newPresetSelect(presets, func(name string) {
		m, err := w.a.sess.ImportPreset(name)
		if err != nil {
			w.a.setStatus(ledger.Localize(err, w.a.lang))
			return
		}
		if m != nil {
			mm := *m
			w.opt.Mapping = &mm
		}
	})
	if w.opt.Mapping != nil {
		preset.setSelected(w.opt.Mapping.Name)
	} else if len(presets) > 0 {
		preset.setSelected(presets[0])
	}
	form.Append(w.t("ui.import.preset"), preset.sel)
	none := "—"
	headers := append([]string{none}, w.det.Headers...)
	for _, f := range tabular.Fields {
		f := f
		sel := widget.NewSelect(headers, func(h string) {
			if w.opt.Mapping == nil {
				w.opt.Mapping = &tabular.Mapping{Name: "custom"}
			}
			if w.opt.Mapping.Columns == nil {
				w.opt.Mapping.Columns = map[tabular.Field]string{}
			}
			if h == none {
				delete(w.opt.Mapping.Columns, f)
				return
			}
			w.opt.Mapping.Columns[f] = h
		})
		if col, ok := w.det.Columns[f]; ok && col < len(w.det.Headers) {
			sel.SetSelected(w.det.Headers[col])
		} else {
			sel.SetSelected(none)
		}
		form.Append(w.t("ui.import.field."+string(f)), sel)
	}
}

func contains(v []string, s string) bool {
	for _, x := range v {
		if x == s {
			return true
		}
	}
	return false
}

// prepare parses and validates the file with the chosen options, writing nothing.
func (w *importWizard) prepare() {
	ctx := w.busy(w.t("ui.import.analysing", "file", filepath.Base(w.path)))
	opt := w.opt
	opt.Progress = w.onProgress
	go func() {
		plan, err := importer.Prepare(ctx, w.path, opt)
		fyne.Do(func() {
			w.cancel = nil
			if err != nil {
				w.fail(err)
				return
			}
			w.plan = plan
			w.showPreview()
			w.step("prepared")
		})
	}()
}

// showPreview shows the report and the first customers as they would be written.
func (w *importWizard) showPreview() {
	r := w.plan.Report
	cur := "EUR"
	terms := ledger.DefaultTerms
	if w.opt.Settings != nil {
		cur, terms = w.opt.Settings.Currency, w.opt.Settings.Terms
	}
	if w.opt.Terms != nil {
		terms = *w.opt.Terms
	}
	summary := widget.NewLabel(strings.Join(r.Summary(w.a.lang, cur), "\n"))
	summary.Wrapping = fyne.TextWrapWord
	issues := w.issueList(r)
	preview := w.plan.Preview(50, terms)
	table := widget.NewTable(
		func() (int, int) { return len(preview) + 1, 5 },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.Alignment = fyne.TextAlignLeading
			l.TextStyle = fyne.TextStyle{Bold: id.Row == 0}
			if id.Row == 0 {
				l.SetText(w.t([]string{"ui.col.id", "ui.col.name", "ui.col.balance", "ui.import.col.open", "ui.import.col.fifo"}[id.Col]))
				return
			}
			p := preview[id.Row-1]
			switch id.Col {
			case 0:
				l.SetText(p.Customer.ID)
			case 1:
				l.SetText(p.Customer.Name)
			case 2:
				l.Alignment = fyne.TextAlignTrailing
				l.SetText(p.Balance.Format(w.a.lang, cur))
			case 3:
				l.Alignment = fyne.TextAlignTrailing
				l.SetText(strconv.Itoa(len(p.OpenItems)))
			case 4:
				if p.FIFO {
					l.SetText(w.t("ui.import.fifo_yes"))
				} else {
					l.SetText("")
				}
			}
		})
	for i, wd := range []float32{120, 320, 150, 150, 170} {
		table.SetColumnWidth(i, wd)
	}
	tabs := container.NewAppTabs(
		container.NewTabItem(w.t("ui.import.tab_customers", "n", strconv.Itoa(r.Customers)), table),
		container.NewTabItem(w.t("ui.import.tab_findings", "errors", strconv.Itoa(r.Count(report.Error)),
			"warnings", strconv.Itoa(r.Count(report.Warning))), issues),
	)
	back := widget.NewButtonWithIcon(w.t("ui.import.back"), theme.NavigateBackIcon(), w.showDetection)
	run := widget.NewButtonWithIcon(w.t("ui.import.run"), theme.DownloadIcon(), w.apply)
	run.Importance = widget.HighImportance
	top := container.NewVBox(summary)
	if err := w.plan.Err(); err != nil {
		run.Disable()
		l := widget.NewLabel(w.t("ui.import.fatal") + " " + ledger.Localize(err, w.a.lang))
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.DangerImportance
		top.Add(l)
	}
	w.show(container.NewBorder(top, nil, nil, nil, tabs), w.closeButton(w.t("ui.dialog.cancel")), back, run)
}

// issueList lists every kind of finding with its count, then the kept examples.
func (w *importWizard) issueList(r *importer.Report) fyne.CanvasObject {
	var lines []string
	for _, c := range r.Counts {
		lines = append(lines, fmt.Sprintf("%s × %d", w.a.t(c.Key, "file", "", "line", "", "field", "", "value", ""), c.N))
	}
	if len(lines) > 0 {
		lines = append(lines, "")
	}
	for _, is := range r.Issues {
		lines = append(lines, is.Localize(w.a.lang))
	}
	if len(lines) == 0 {
		lines = []string{w.t("ui.import.no_findings")}
	}
	list := widget.NewList(func() int { return len(lines) },
		func() fyne.CanvasObject { l := widget.NewLabel(""); l.Truncation = fyne.TextTruncateEllipsis; return l },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(lines[i]) })
	return list
}

// apply writes the prepared import in one transaction, then reloads the dossier.
func (w *importWizard) apply() {
	sess := w.a.sess
	if sess == nil || w.plan == nil {
		return
	}
	w.busy(w.t("ui.import.writing"))
	w.progress.Hide()
	plan, opt := w.plan, w.opt
	go func() {
		err := sess.ApplyImport(plan, opt) // after a backup: the state before the import can be restored
		fyne.Do(func() {
			w.cancel = nil
			if err != nil {
				w.fail(err)
				return
			}
			r := plan.Report
			cur := "EUR"
			if opt.Settings != nil {
				cur = opt.Settings.Currency
			}
			msg := strings.Join(r.Summary(w.a.lang, cur), "\n")
			if r.AlreadyImported {
				msg = w.t("ui.import.already") + "\n\n" + msg
			}
			l := widget.NewLabel(msg)
			l.Wrapping = fyne.TextWrapWord
			head := widget.NewLabelWithStyle(w.t("ui.import.done"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			w.show(container.NewVScroll(container.NewVBox(head, l)), w.closeButton(w.t("ui.dialog.close")))
			w.a.reloadThen(w.t("ui.import.status", "file", filepath.Base(w.path)))
			w.step("applied")
		})
	}()
}

func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// caption is a small explanatory text under a field.
func caption(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.SizeName = theme.SizeNameCaptionText
	l.Wrapping = fyne.TextWrapWord
	return l
}
