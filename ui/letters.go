package ui

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/desk"
	"relance/ledger"
	"relance/letters/compose"
	"relance/letters/letterpdf"
	"relance/letters/templates"
)

// lettersView is the Courriers screen: the template library and editor with its
// preview, the stage batches and the archive; its state is kept across repaints.
type lettersView struct {
	a        *App
	stage    templates.Stage
	lang     string
	customer string
	search   string
	selected string // archive record ID
	tab      int    // 0 templates and issue, 1 archive
}

// lettersScreen is the Courriers screen: the template library with its editor and a
// live preview, a letter for one customer or a batch, and the archive of issued letters.
func (sv *lettersView) lettersScreen() fyne.CanvasObject {
	a := sv.a
	if a.book == nil {
		return a.noDossierScreen()
	}
	st := sv
	if st.stage == "" {
		st.stage, st.lang = templates.R1, a.lang
	}
	if st.customer == "" {
		st.customer = sv.firstOverdueCustomer()
	}
	intro := widget.NewLabel(a.t("ui.let.intro"))
	intro.Wrapping = fyne.TextWrapWord
	tabs := container.NewAppTabs(
		container.NewTabItem(a.t("ui.let.tab.templates"), sv.templatesPane()),
		container.NewTabItem(a.t("ui.let.tab.archive"), sv.archivePane()),
	)
	tabs.SelectIndex(st.tab)
	tabs.OnSelected = func(*container.TabItem) { st.tab = tabs.SelectedIndex() }
	return container.NewBorder(intro, nil, nil, nil, tabs)
}

// firstOverdueCustomer is the customer the preview is drawn for at first.
func (sv *lettersView) firstOverdueCustomer() string {
	a := sv.a
	for _, s := range a.sums {
		if s.Overdue > 0 {
			return s.ID
		}
	}
	if len(a.book.Accounts) > 0 {
		return a.book.Accounts[0].Customer.ID
	}
	return ""
}

// letterTemplate returns the dossier's template of the stage and language.
func (sv *lettersView) letterTemplate(s templates.Stage, lang string) (*templates.Template, error) {
	a := sv.a
	return a.sess.Template(s, lang)
}

// composeFor builds the letter of tpl (the editor's text) for the customer at the
// as-of date, as every letter is built (desk.Session.ComposeLetter).
func (sv *lettersView) composeFor(tpl *templates.Template, customer string) (*compose.Letter, error) {
	a := sv.a
	return a.sess.ComposeLetter(desk.LetterRequest{Customer: customer, Stage: tpl.Stage, Lang: tpl.Lang, Date: a.asOf, Template: tpl})
}

// templatesPane is the library (stage × language), the editor with the merge-field
// picker, and the preview of page 1 for a chosen customer.
func (sv *lettersView) templatesPane() fyne.CanvasObject {
	a := sv.a
	st := sv
	tpl, err := sv.letterTemplate(st.stage, st.lang)
	if err != nil {
		return widget.NewLabel(ledger.Localize(err, a.lang))
	}
	codes := templates.Stages()
	stages := make([]string, len(codes))
	for i, s := range codes {
		stages[i] = a.t("letters.stage." + string(s))
	}
	stageSel := widget.NewSelect(stages, nil)
	stageSel.SetSelectedIndex(max(slices.Index(codes, st.stage), 0))
	langs := make([]string, len(templates.Languages))
	for i, l := range templates.Languages {
		langs[i] = l
		switch l {
		case "fr":
			langs[i] = a.t("ui.let.lang.fr")
		case "en":
			langs[i] = a.t("ui.let.lang.en")
		}
	}
	langSel := widget.NewSelect(langs, nil)
	langSel.SetSelectedIndex(max(slices.Index(templates.Languages, st.lang), 0))
	reload := func() { a.showScreen(screenLetters) }
	stageSel.OnChanged = func(string) { st.stage = codes[stageSel.SelectedIndex()]; reload() }
	langSel.OnChanged = func(string) { st.lang = templates.Languages[langSel.SelectedIndex()]; reload() }
	marker := a.t("ui.let.shipped")
	if tpl.Edited {
		marker = a.t("ui.let.edited", "by", tpl.By, "date", a.date(tpl.Date))
	}
	name := widget.NewLabelWithStyle(tpl.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})

	subject := widget.NewEntry()
	subject.SetText(tpl.Subject)
	salutation := widget.NewEntry()
	salutation.SetText(tpl.Salutation)
	closing := widget.NewEntry()
	closing.SetText(tpl.Closing)
	body := widget.NewMultiLineEntry()
	body.Wrapping = fyne.TextWrapWord
	body.SetText(tpl.Body)
	body.SetMinRowsVisible(14)
	edited := func() *templates.Template {
		c := *tpl
		c.Subject, c.Salutation, c.Closing, c.Body = subject.Text, salutation.Text, closing.Text, body.Text
		return &c
	}
	var fields []string
	for _, f := range templates.Fields() {
		fields = append(fields, "{"+templates.Display(f.Name, st.lang)+"} – "+a.t(f.Desc))
	}
	picker := widget.NewSelect(fields, nil)
	picker.PlaceHolder = a.t("ui.let.insert_field")
	picker.OnChanged = func(s string) {
		if s == "" {
			return
		}
		field, _, _ := strings.Cut(s, " – ")
		body.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip(field)})
		picker.ClearSelected()
	}

	customers := make([]string, 0, len(a.book.Accounts))
	for _, acc := range a.book.Accounts {
		customers = append(customers, acc.Customer.ID+" – "+acc.Customer.Name)
	}
	custSel := widget.NewSelectEntry(customers)
	custSel.SetText(st.customer + " – " + customerName(a.book, st.customer))
	// customerID is the customer chosen: the ID before « – » (or what was typed).
	customerID := func() string {
		id, _, _ := strings.Cut(custSel.Text, " – ")
		return strings.TrimSpace(id)
	}
	preview := container.NewStack(widget.NewLabel(""))
	status := widget.NewLabel("")
	status.Wrapping = fyne.TextWrapWord
	findings := a.newLetterFindingsView()
	a.startCheckBackends()
	// The correction engine checks the letter as the template is edited.
	recheck := func(string) {
		l, err := sv.composeFor(edited(), customerID())
		if err != nil {
			l = nil
		}
		a.updateLetterFindings(findings, l)
	}
	subject.OnChanged, salutation.OnChanged, body.OnChanged, closing.OnChanged = recheck, recheck, recheck, recheck
	showPreview := func() {
		st.customer = customerID()
		l, err := sv.composeFor(edited(), st.customer)
		a.updateLetterFindings(findings, l)
		if err != nil {
			status.SetText(ledger.Localize(err, a.lang))
			status.Importance = widget.DangerImportance
			preview.Objects = []fyne.CanvasObject{widget.NewLabel("")}
			preview.Refresh()
			return
		}
		status.Importance = widget.MediumImportance
		status.SetText("")
		preview.Objects = []fyne.CanvasObject{sv.letterPreview(l)}
		preview.Refresh()
	}
	save := widget.NewButton(a.t("ui.let.save"), func() {
		err := a.sess.SaveTemplate(edited(), "", a.today)
		if err != nil {
			a.showError(a.t("ui.let.save"), ledger.Localize(err, a.lang))
			return
		}
		reload()
	})
	restore := widget.NewButton(a.t("ui.let.restore"), func() {
		if err := a.sess.RestoreTemplate(st.stage, st.lang); err != nil {
			a.showError(a.t("ui.let.restore"), ledger.Localize(err, a.lang))
			return
		}
		reload()
	})
	restore.Disable()
	if tpl.Edited {
		restore.Enable()
	}
	issue := widget.NewButton(a.t("ui.let.issue"), func() {
		st.customer = customerID()
		sv.issueLetter(edited(), st.customer)
	})
	issue.Importance = widget.HighImportance
	batch := widget.NewButton(a.t("ui.let.batch"), func() { sv.issueBatch(st.stage) })
	correct := widget.NewButtonWithIcon(a.t("ui.let.correct"), theme.SearchReplaceIcon(), func() {
		st.customer = customerID()
		l, err := sv.composeFor(edited(), st.customer)
		if err != nil {
			a.showError(a.t("ui.let.correct"), ledger.Localize(err, a.lang))
			return
		}
		a.trainer.correctDraft(l.PlainText(), string(st.stage), st.lang, a.book.Account(st.customer))
	})
	if a.db.ReadOnly() {
		save.Disable()
		restore.Disable()
		issue.Disable()
		batch.Disable()
	}
	form := widget.NewForm(
		widget.NewFormItem(a.t("ui.let.subject"), subject),
		widget.NewFormItem(a.t("ui.let.salutation"), salutation),
		widget.NewFormItem(a.t("ui.let.body"), body),
		widget.NewFormItem(a.t("ui.let.closing"), closing),
	)
	markerLabel := widget.NewLabel(marker)
	markerLabel.Importance = widget.LowImportance
	name.Truncation = fyne.TextTruncateEllipsis
	top := container.NewVBox(
		container.NewHBox(widget.NewLabel(a.t("ui.let.stage")), stageSel, widget.NewLabel(a.t("ui.let.lang")), langSel),
		container.NewBorder(nil, nil, nil, markerLabel, name))
	editor := container.NewBorder(top, container.NewVBox(picker, container.NewHBox(save, restore)), nil, nil,
		container.NewVScroll(form))
	right := container.NewBorder(
		container.NewVBox(
			container.NewBorder(nil, nil, widget.NewLabel(a.t("ui.let.customer")), widget.NewButton(a.t("ui.let.preview"), showPreview), custSel),
			container.NewHScroll(container.NewHBox(issue, batch, correct))),
		container.NewVBox(status, findings.label), nil, nil, container.NewVScroll(preview))
	showPreview()
	// Each side scrolls sideways on a narrow window rather than widening it (1024 px).
	split := container.NewHSplit(container.NewHScroll(editor), container.NewHScroll(right))
	split.Offset = 0.5
	return split
}

// writeLetter opens the letter editor (Courriers, first tab) on customer id: the menu
// item « Écrire une lettre… », Ctrl+L and the customer card come here.
func (sv *lettersView) writeLetter(id string) {
	a := sv.a
	if a.book == nil {
		return
	}
	if id != "" {
		sv.customer = id
	}
	sv.tab = 0
	a.trace("open", "screen", "letter_editor", "id", sv.customer)
	a.showScreen(screenLetters)
}

// clip is a one-string clipboard, to insert a merge field at the entry's cursor.
type clip string

func (c clip) Content() string      { return string(c) }
func (c clip) SetContent(string)    {}
func (c clip) ContentURI() fyne.URI { return nil }

// letterPreview renders page 1 of the letter to an image with pdftoppm when it is
// installed, else shows the letter's text with a note saying why.
func (sv *lettersView) letterPreview(l *compose.Letter) fyne.CanvasObject {
	a := sv.a
	var pdf bytes.Buffer
	if err := letterpdf.Render(&pdf, l, letterpdf.Options{Factory: a.pdf(), Enclose: letterpdf.EncloseStatement(a.book)}); err != nil {
		return widget.NewLabel(ledger.Localize(err, a.lang))
	}
	if img, err := firstPage(pdf.Bytes()); err == nil {
		ci := canvas.NewImageFromImage(img)
		ci.FillMode = canvas.ImageFillContain
		ci.SetMinSize(fyne.NewSize(420, 594))
		return ci
	}
	note := widget.NewLabel(a.t("ui.let.no_pdftoppm"))
	note.Importance = widget.WarningImportance
	text := widget.NewLabel(l.PlainText())
	text.Wrapping = fyne.TextWrapWord
	return container.NewVBox(note, text)
}

// firstPage rasterises page 1 of a PDF with pdftoppm (poppler-utils), through
// temporary files that it removes.
func firstPage(pdf []byte) (image.Image, error) {
	bin, err := exec.LookPath("pdftoppm")
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "relance-preview-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "letter.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		return nil, err
	}
	out := filepath.Join(dir, "page")
	if err := exec.Command(bin, "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", in, out).Run(); err != nil {
		return nil, fmt.Errorf("pdftoppm: %w", err)
	}
	f, err := os.Open(out + ".png")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return png.Decode(f)
}

// issueLetter freezes the letter in the archive and opens its PDF.
func (sv *lettersView) issueLetter(tpl *templates.Template, customer string) {
	a := sv.a
	l, err := sv.composeFor(tpl, customer)
	if err != nil {
		a.showError(a.t("ui.let.issue"), ledger.Localize(err, a.lang))
		return
	}
	pdf, err := a.sess.RenderLetter(l, a.pdf())
	if err != nil {
		a.showError(a.t("ui.let.issue"), ledger.Localize(err, a.lang))
		return
	}
	rec, err := a.sess.IssueLetter(l, pdf, "", a.book.Settings.Signatory.Name, time.Now())
	if err != nil {
		a.showError(a.t("ui.let.issue"), ledger.Localize(err, a.lang))
		return
	}
	sv.selected = rec.ID
	a.openPDF(rec.ID, pdf)
	a.showScreen(screenLetters)
}

// issueBatch writes the stage's letter to every overdue customer, with a progress bar,
// one PDF each and a merged PDF in a folder beside the dossier, and archives them.
func (sv *lettersView) issueBatch(stage templates.Stage) {
	a := sv.a
	dir := filepath.Join(filepath.Dir(a.path), "courriers-"+string(stage)+"-"+a.asOf.String())
	if err := os.MkdirAll(dir, 0o755); err != nil {
		a.showError(a.t("ui.let.batch"), err.Error())
		return
	}
	bar := widget.NewProgressBar()
	label := widget.NewLabel(a.t("ui.let.batch_running"))
	// Cancel stops the batch after the current letter: nothing is issued, and the PDFs
	// already written stay in the folder.
	var cancelled atomic.Bool
	cancel := widget.NewButton(a.t("ui.dialog.cancel"), func() { cancelled.Store(true) })
	dlg := dialog.NewCustomWithoutButtons(a.t("ui.let.batch"), withWidth(420, container.NewVBox(label, bar, container.NewHBox(layout.NewSpacer(), cancel))), a.win)
	dlg.Show()
	sess, book, asOf, factory := a.sess, a.book, a.asOf, a.pdf()
	go func() {
		batch, err := sess.WriteStageLetters(asOf, stage, letterpdf.BatchOptions{Dir: dir, Merged: filepath.Join(dir, "impression.pdf"),
			Factory: factory, Cancel: cancelled.Load,
			Progress: func(done, total int) { fyne.Do(func() { bar.SetValue(float64(done) / float64(total)) }) }})
		fyne.Do(func() {
			dlg.Hide()
			if err != nil {
				a.showError(a.t("ui.let.batch"), ledger.Localize(err, a.lang))
				return
			}
			if cancelled.Load() {
				a.setStatus(a.t("ui.let.batch_cancelled", "dir", dir))
				return
			}
			n, skipped := 0, 0
			res := batch.Results
			ids, err := sess.Issue(batch, book.Settings.Signatory.Name, asOf, time.Now())
			for i := range res {
				if res[i].Err != nil {
					skipped++
				} else if i < len(ids) && ids[i] != "" {
					n++
				}
			}
			if err != nil {
				a.showError(a.t("ui.let.batch"), ledger.Localize(err, a.lang))
				return
			}
			a.showError(a.t("ui.let.batch"), a.t(a.plural("ui.let.batch_done", n), "count", a.count(n),
				"skipped", a.t(a.plural("ui.let.skipped", skipped), "n", a.count(skipped)), "dir", dir))
			a.showScreen(screenLetters)
		})
	}()
}

// openPDF writes the exact PDF bytes to a file of its own in the user's cache folder
// (the temporary folder when there is none) and opens it with the system's viewer.
func (a *App) openPDF(id string, pdf []byte) {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	dir = filepath.Join(dir, "relance", "pdf")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		a.showError(a.t("ui.dialog.error"), err.Error())
		return
	}
	f, err := os.CreateTemp(dir, safeFileName(id)+"-*.pdf")
	if err != nil {
		a.showError(a.t("ui.dialog.error"), err.Error())
		return
	}
	_, err = f.Write(pdf)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		a.showError(a.t("ui.dialog.error"), err.Error())
		return
	}
	a.trace("written", "path", f.Name())
	a.trace("open", "path", f.Name())
	a.openInViewer(f.Name())
}
