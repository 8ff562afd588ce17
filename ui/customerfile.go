package ui

import (
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/importer/custfile"
	"relance/ledger/importer/tabular"
)

// customerFileRows is how many rows of the file the preview shows.
const customerFileRows = 12

// noColumn is the lists' choice of no column for a field.
const noColumn = "—"

// customerFileView imports a customer master file (desk.ImportCustomerFile): the
// file read, a preview of its first rows under the field each column was found for,
// a list per field to choose another column, the saved mappings, then the import,
// all or nothing. A refusal lists every problem (line, column, value, what is wrong).
type customerFileView struct {
	a       *App
	path    string
	sheet   *custfile.Sheet
	m       tabular.Mapping
	presets map[string]tabular.Mapping

	*stepDialog

	preset  *presetSelect
	selects map[tabular.Field]*widget.Select
	options []string       // the lists' choices: none, then each column
	optCol  map[string]int // choice → 0-based column
	preview *fyne.Container
	info    *widget.Label
	run     *widget.Button
	syncing bool // the lists are being set from the mapping, not by the user
}

// chooseCustomerFile asks for a customer file (CSV or XLSX) and opens it.
func (a *App) chooseCustomerFile() {
	if a.db == nil {
		a.showError(a.t("ui.custfile.title", "file", ""), a.t("ui.import.no_dossier"))
		return
	}
	a.showFileDialog(fileRequest{kind: fileOpen, purpose: "customers", exts: []string{".csv", ".xlsx", ".txt"},
		confirm: a.t("ui.dialog.open"), chosen: func(path string) { a.openCustomerFile(path) }})
}

// openCustomerFile shows the customer file at path, read off the Fyne goroutine with
// the built-in mapping.
func (a *App) openCustomerFile(path string) *customerFileView {
	v := &customerFileView{a: a, path: path, m: tabular.Presets()["generic"], selects: map[tabular.Field]*widget.Select{},
		stepDialog: a.newStepDialog(a.t("ui.custfile.title", "file", filepath.Base(path)))}
	v.dlg.Resize(v.size())
	v.dlg.Show()
	v.read()
	return v
}

// size is 1180×640, or the window less a margin on a smaller one.
func (v *customerFileView) size() fyne.Size { return v.a.fitSize(1180, 640, 30) }

func (v *customerFileView) t(key string, args ...string) string { return v.a.t(key, args...) }

func (v *customerFileView) step(name string) { v.a.trace("custfile", "step", name) }

func (v *customerFileView) closeButton(key string) *widget.Button {
	return widget.NewButton(v.t(key), func() { v.dlg.Hide() })
}

func (v *customerFileView) busy(msg string) {
	v.show(container.NewVBox(widget.NewLabel(msg), widget.NewProgressBarInfinite()))
}

// read reads the file with the current mapping, then shows the mapping.
func (v *customerFileView) read() {
	v.busy(v.t("ui.custfile.reading", "file", filepath.Base(v.path)))
	m, path := v.m, v.path
	go func() {
		sh, err := desk.ReadCustomerFile(path, m)
		fyne.Do(func() {
			if err != nil {
				v.fail(v.t("ui.custfile.failed"), err)
				return
			}
			v.sheet = sh
			v.showMapping()
			v.step("read")
		})
	}()
}

func (v *customerFileView) fail(title string, err error) {
	msg := widget.NewLabel(ledger.Localize(err, v.a.lang))
	msg.Wrapping = fyne.TextWrapWord
	v.show(container.NewVBox(widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), msg),
		v.closeButton("ui.dialog.close"))
	v.step("failed")
}

// showMapping shows what was found: the lists of the fields on the left, the preview
// on the right, the mapping's name and buttons below.
func (v *customerFileView) showMapping() {
	var err error
	if v.presets, err = v.a.sess.CustomerFilePresets(); err != nil {
		v.a.setStatus(ledger.Localize(err, v.a.lang))
		v.presets = tabular.Presets()
	}
	v.preset = v.a.newPresetSelect(custfile.PresetNames(v.presets), v.choosePreset)
	v.preset.setSelected(v.m.Name)
	v.options, v.optCol = v.columnChoices()
	form := widget.NewForm()
	for _, f := range custfile.Fields() {
		f := f
		sel := widget.NewSelect(v.options, func(choice string) { v.chooseColumn(f, choice) })
		v.selects[f] = sel
		form.Append(custfile.FieldLabel(v.a.lang, string(f)), sel)
	}
	v.info = widget.NewLabel("")
	v.info.Wrapping = fyne.TextWrapWord
	v.preview = container.NewStack()
	v.run = widget.NewButtonWithIcon(v.t("ui.custfile.run"), theme.DownloadIcon(), v.importFile)
	v.run.Importance = widget.HighImportance
	save := widget.NewButtonWithIcon(v.t("ui.custfile.save"), theme.DocumentSaveIcon(), v.askSave)
	v.sync()
	presetRow := container.NewBorder(nil, nil, widget.NewLabel(v.t("ui.custfile.preset")), nil, v.preset.sel)
	left := container.NewBorder(container.NewVBox(presetRow, widget.NewSeparator()), nil, nil, nil, container.NewVScroll(form))
	hint := caption(v.t("ui.custfile.hint"))
	right := container.NewBorder(container.NewVBox(v.info, hint), nil, nil, nil, v.preview)
	split := container.NewHSplit(left, right)
	split.Offset = 0.34
	v.show(split, v.closeButton("ui.dialog.cancel"), save, v.run)
}

// columnChoices are the lists' choices: noColumn, then each column by its header
// (with its letters or number when two headers are the same or it has none).
func (v *customerFileView) columnChoices() ([]string, map[string]int) {
	heads := v.sheet.Headers()
	count := map[string]int{}
	for _, h := range heads {
		count[h]++
	}
	opts := []string{noColumn}
	cols := map[string]int{}
	for i, h := range heads {
		o := h
		if count[h] > 1 {
			o = h + " (" + v.sheet.Table.ColumnName(i) + ")"
		}
		opts = append(opts, o)
		cols[o] = i
	}
	return opts, cols
}

// sync sets the lists from the columns found, then the summary and the preview.
func (v *customerFileView) sync() {
	v.syncing = true
	for f, sel := range v.selects {
		if i, ok := v.sheet.Columns[f]; ok {
			sel.SetSelected(v.options[i+1])
		} else {
			sel.SetSelected(noColumn)
		}
	}
	v.syncing = false
	t := v.sheet.Table
	header := 0
	if v.sheet.Header >= 0 {
		header = t.Rows[v.sheet.Header].N
	}
	args := []string{"file", filepath.Base(v.path), "encoding", t.Encoding, "sep", t.Sep, "sheet", t.Sheet,
		"line", strconv.Itoa(header), "rows", strconv.Itoa(v.sheet.Count())}
	if t.Format == "xlsx" {
		v.info.SetText(v.t("ui.custfile.info_xlsx", args...))
	} else {
		v.info.SetText(v.t("ui.custfile.info_csv", args...))
	}
	_, hasID := v.sheet.Columns[custfile.ID]
	if v.sheet.Header < 0 || !hasID {
		v.info.SetText(v.t("ui.custfile.noheader"))
		v.info.Importance = widget.DangerImportance
		v.run.Disable()
	} else {
		v.info.Importance = widget.MediumImportance
		v.run.Enable()
	}
	v.info.Refresh()
	v.preview.Objects = []fyne.CanvasObject{v.previewTable()}
	v.preview.Refresh()
}

// previewTable shows the first rows, one column per field found: the field's name
// and the file's column above its values.
func (v *customerFileView) previewTable() fyne.CanvasObject {
	var fields []tabular.Field
	for _, f := range custfile.Fields() {
		if _, ok := v.sheet.Columns[f]; ok {
			fields = append(fields, f)
		}
	}
	lines, cells := v.sheet.Preview(customerFileRows)
	text := func(row, col int) string {
		switch {
		case col == 0 && row == 0:
			return v.t("ui.custfile.col_line")
		case col == 0 && row > 1:
			return strconv.Itoa(lines[row-2])
		case col == 0:
			return ""
		}
		f := fields[col-1]
		switch row {
		case 0:
			return custfile.FieldLabel(v.a.lang, string(f))
		case 1:
			return v.t("ui.custfile.found_in", "column", v.sheet.Label(f))
		}
		return cells[row-2][v.sheet.Columns[f]]
	}
	table := widget.NewTable(
		func() (int, int) { return len(lines) + 2, len(fields) + 1 },
		func() fyne.CanvasObject { l := widget.NewLabel(""); l.Truncation = fyne.TextTruncateEllipsis; return l },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.TextStyle = fyne.TextStyle{Bold: id.Row == 0, Italic: id.Row == 1}
			l.Importance = widget.MediumImportance
			if id.Row == 1 {
				l.Importance = widget.LowImportance
			}
			l.SetText(text(id.Row, id.Col))
		})
	for c := 0; c <= len(fields); c++ {
		w := widestText(len(lines)+2, func(r int) string { return text(r, c) }, func(r int) bool { return r == 0 })
		table.SetColumnWidth(c, min(w+8, 280))
	}
	table.StickyRowCount, table.StickyColumnCount = 2, 1
	return table
}

// chooseColumn records the user's choice of a column for field f and resolves the
// mapping again.
func (v *customerFileView) chooseColumn(f tabular.Field, choice string) {
	if v.syncing {
		return
	}
	cols := map[tabular.Field]string{}
	for k, c := range v.m.Columns {
		cols[k] = c
	}
	cols[f] = tabular.NoColumn
	if i, ok := v.optCol[choice]; ok {
		cols[f] = "#" + strconv.Itoa(i+1)
		if h := strings.TrimSpace(v.sheet.ColumnLabel(i)); h == choice && v.sheet.Header >= 0 &&
			strings.TrimSpace(v.sheet.Table.Rows[v.sheet.Header].Cell(i).Text) == h {
			cols[f] = h // by its header: the mapping still fits when columns move
		}
	}
	v.m.Columns = cols
	v.sheet.Remap(v.m)
	v.sync()
	v.step("remapped")
}

// choosePreset reads the file again with a saved or built-in mapping (its separator
// or sheet may differ).
func (v *customerFileView) choosePreset(name string) {
	m, ok := v.presets[name]
	if !ok || name == v.m.Name {
		return
	}
	v.m = m
	v.read()
}

// askSave asks for a name and saves the mapping in the dossier.
func (v *customerFileView) askSave() {
	name := widget.NewEntry()
	name.SetPlaceHolder(v.t("ui.custfile.save_hint"))
	if p, ok := v.presets[v.m.Name]; ok && !p.Builtin {
		name.SetText(v.m.Name)
	}
	items := []*widget.FormItem{widget.NewFormItem(v.t("ui.custfile.save_name"), name)}
	form := dialog.NewForm(v.t("ui.custfile.save"), v.t("ui.custfile.save_ok"), v.t("ui.dialog.cancel"), items, func(ok bool) {
		if ok {
			v.savePreset(name.Text)
		}
	}, v.a.win)
	name.OnSubmitted = func(string) { form.Submit() }
	form.Resize(fyne.NewSize(440, 180))
	form.Show()
	v.a.win.Canvas().Focus(name)
}

// savePreset saves the mapping under name and selects it.
func (v *customerFileView) savePreset(name string) {
	m := v.m
	m.Name, m.Builtin = strings.TrimSpace(name), false
	if err := v.a.sess.SaveCustomerFilePreset(m); err != nil {
		v.a.showError(v.t("ui.custfile.save"), ledger.Localize(err, v.a.lang))
		return
	}
	v.m = m
	v.presets[m.Name] = m
	v.preset.setNames(custfile.PresetNames(v.presets))
	v.preset.setSelected(m.Name)
	v.a.setStatus(v.t("ui.custfile.saved", "name", m.Name))
	v.step("saved")
}

// importFile checks every row and writes them all, off the Fyne goroutine.
func (v *customerFileView) importFile() {
	sess := v.a.sess
	if sess == nil || v.sheet == nil {
		return
	}
	v.busy(v.t("ui.custfile.importing", "file", filepath.Base(v.path)))
	sh, at := v.sheet, v.a.today
	go func() {
		res, err := sess.ImportCustomerFile(sh, desk.CustomerFileOptions{At: at})
		fyne.Do(func() {
			switch {
			case err != nil:
				v.fail(v.t("ui.custfile.failed_import"), err)
			case res.Refused:
				v.showProblems(res)
				v.step("refused")
			default:
				v.showDone(res)
				v.a.reloadThen(v.t("ui.custfile.status", "file", res.File, "created", strconv.Itoa(res.Created),
					"updated", strconv.Itoa(res.Updated)))
				v.step("imported")
			}
		})
	}()
}

func (v *customerFileView) showDone(res *custfile.Result) {
	l := widget.NewLabel(res.Summary(v.a.lang))
	l.Wrapping = fyne.TextWrapWord
	head := widget.NewLabelWithStyle(v.t("ui.custfile.done"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.show(container.NewVBox(head, l), v.closeButton("ui.dialog.close"))
	v.dlg.Resize(fyne.NewSize(min(v.size().Width, 720), 240))
}

// showProblems lists every problem of a refused file: line, column, value and what is
// wrong, the message wrapped on as many lines as it needs.
func (v *customerFileView) showProblems(res *custfile.Result) {
	probs := res.List(v.a.lang)
	head := widget.NewLabelWithStyle(v.t("ui.custfile.refused"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Importance = widget.DangerImportance
	sum := widget.NewLabel(res.Summary(v.a.lang))
	sum.Wrapping = fyne.TextWrapWord
	widths := []float32{70, 190, 230}
	msgWidth := v.size().Width - widths[0] - widths[1] - widths[2] - 60
	heads := []string{v.t("ui.custfile.col_line"), v.t("ui.custfile.col_column"), v.t("ui.custfile.col_value"), v.t("ui.custfile.col_problem")}
	text := func(row, col int) string {
		if row == 0 {
			return heads[col]
		}
		p := probs[row-1]
		switch col {
		case 0:
			if p.Line == 0 {
				return ""
			}
			return strconv.Itoa(p.Line)
		case 1:
			if p.Field != "" && p.Column != custfile.FieldLabel(v.a.lang, p.Field) {
				return p.Column + " (" + custfile.FieldLabel(v.a.lang, p.Field) + ")"
			}
			return p.Column
		case 2:
			return p.Value
		}
		return p.Message
	}
	table := widget.NewTable(
		func() (int, int) { return len(probs) + 1, 4 },
		func() fyne.CanvasObject { l := widget.NewLabel(""); l.Wrapping = fyne.TextWrapWord; return l },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.TextStyle = fyne.TextStyle{Bold: id.Row == 0}
			l.SetText(text(id.Row, id.Col))
		})
	for c, w := range append(widths, msgWidth) {
		table.SetColumnWidth(c, w)
	}
	line := fyne.MeasureText("M", theme.TextSize(), fyne.TextStyle{}).Height
	for r := 1; r <= len(probs); r++ {
		n := 1
		for c, w := range append(widths, msgWidth) {
			tw := fyne.MeasureText(text(r, c), theme.TextSize(), fyne.TextStyle{}).Width
			n = max(n, int(math.Ceil(float64(tw*1.1/(w-2*theme.InnerPadding())))))
		}
		table.SetRowHeight(r, float32(n)*(line+theme.LineSpacing())+2*theme.InnerPadding())
	}
	table.StickyRowCount = 1
	back := widget.NewButtonWithIcon(v.t("ui.custfile.back"), theme.NavigateBackIcon(), func() {
		v.showMapping()
		v.step("read")
	})
	v.show(container.NewBorder(container.NewVBox(head, sum), nil, nil, nil, table), v.closeButton("ui.dialog.close"), back)
}
