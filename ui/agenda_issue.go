package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/dunning"
	"relance/letters/letterpdf"
	"relance/letters/pdfdoc"
	"relance/letters/templates"
)

// issuedLetter is the outcome of one letter of the day's batch: issued (record ID and
// the PDF written beside the dossier) or not, and why.
type issuedLetter struct {
	entry  dunning.Entry
	record string // archive record ID; "" when not issued
	path   string // the PDF written in the batch's folder; "" when not written
	err    string // why it was not issued, or the PDF not written, in the user's words
}

// letterLine describes a letter of the day in words: customer, stage, amount, channel.
func (sv *agendaView) letterLine(e dunning.Entry) string {
	a := sv.a
	return e.Name + " (" + e.Customer + ") – " + dunning.StageName(a.lang, e.Stage) + " – " + a.money(e.Amount) + " – " + a.t("dunning.channel."+string(e.Channel))
}

// askIssueLetters lists the day's reminder letters, each with a box to leave it out,
// and issues the ones kept after confirmation (issueLetters).
func (sv *agendaView) askIssueLetters() {
	a := sv.a
	todo := sv.ag.Writings([]dunning.Channel{dunning.ChanLetter}, false)
	if len(todo) == 0 || a.db == nil || a.db.ReadOnly() {
		return
	}
	keep := make([]bool, len(todo))
	list := container.NewVBox()
	count := widget.NewLabel("")
	recount := func() {
		n := 0
		for _, k := range keep {
			if k {
				n++
			}
		}
		count.SetText(a.t("ui.agenda.issue_count", "n", fmt.Sprint(n), "total", fmt.Sprint(len(todo))))
	}
	for i, e := range todo {
		keep[i] = true
		c := widget.NewCheck(sv.letterLine(e), func(on bool) { keep[i] = on; recount() })
		c.SetChecked(true)
		list.Add(c)
	}
	recount()
	intro := widget.NewLabel(a.t("ui.agenda.issue_intro", "date", a.date(a.asOf)))
	intro.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(intro, count, nil, nil, container.NewVScroll(list))
	a.trace("confirm", "dialog", "issue_letters", "n", fmt.Sprint(len(todo)))
	d := dialog.NewCustomConfirm(a.t("ui.agenda.batch", "n", fmt.Sprint(len(todo))), a.t("ui.agenda.issue_go"), a.t("ui.dialog.cancel"), body, func(ok bool) {
		if !ok {
			return
		}
		var chosen []dunning.Entry
		for i, e := range todo {
			if keep[i] {
				chosen = append(chosen, e)
			}
		}
		if len(chosen) == 0 {
			return
		}
		// Composing and rendering the letters runs off the Fyne goroutine, behind a
		// progress bar; the window shows the outcome once they are issued.
		job := sv.letterBatch(chosen)
		wait := dialog.NewCustomWithoutButtons(a.t("ui.agenda.batch", "n", fmt.Sprint(len(chosen))),
			container.NewVBox(widget.NewLabel(a.t("ui.let.batch_running")), widget.NewProgressBarInfinite()), a.win)
		wait.Show()
		go func() {
			res, err := job.run()
			fyne.Do(func() {
				wait.Hide()
				if err != nil {
					a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
					return
				}
				sv.invalidateAgenda()
				issued := 0
				for _, r := range res {
					if r.record != "" {
						issued++
					}
				}
				a.reloadThen(a.t("ui.agenda.batch_done", "n", fmt.Sprint(issued)))
				sv.showIssued(res, job.head)
			})
		}()
	}, a.win)
	d.Resize(fyne.NewSize(min(a.win.Canvas().Size().Width-40, 760), min(a.win.Canvas().Size().Height-40, 520)))
	d.Show()
}

// letterBatch is the day's letters to issue, with what issuing them reads captured on
// the Fyne goroutine, so that run can work on another one.
type letterBatch struct {
	sess    *desk.Session
	asOf    ledger.Date
	rec     dunning.Records
	entries []dunning.Entry
	dir     string
	by      string
	lang    string
	factory *pdfdoc.Factory
	trace   func(name string, kv ...any)
	noTpl   string // why an entry without a letter template is not issued, in words
	head    string // the archive's head once issued, in words (run)
}

// letterBatch captures the issue of entries (on the Fyne goroutine).
func (sv *agendaView) letterBatch(entries []dunning.Entry) *letterBatch {
	a := sv.a
	return &letterBatch{sess: a.sess, asOf: a.asOf, rec: sv.rec, entries: entries, dir: sv.issuedDir(), by: a.user(),
		lang: a.lang, factory: a.pdf(), trace: a.trace, noTpl: a.t("ui.agenda.issue_no_template")}
}

// issueLetters issues the letters of entries (letterBatch.run), on the caller's goroutine.
func (sv *agendaView) issueLetters(entries []dunning.Entry) ([]issuedLetter, error) {
	return sv.letterBatch(entries).run()
}

// run issues the letters as the command line does (desk): composed with the dossier's
// edited templates, the letters already sent and the disputed items left out, rendered
// outside any transaction, then frozen in the archive and recorded as sent in one
// transaction (after a backup that File > Restore can bring back). A letter that
// cannot be composed is reported and left on the agenda. The PDFs are written to a
// folder beside the dossier. It touches no widget: the window runs it off the Fyne
// goroutine.
func (b *letterBatch) run() ([]issuedLetter, error) {
	if err := os.MkdirAll(b.dir, 0o755); err != nil {
		return nil, err
	}
	batch, err := b.sess.WriteAgendaLetters(b.asOf, b.entries, &b.rec, letterpdf.BatchOptions{Dir: b.dir, Factory: b.factory})
	if err != nil {
		return nil, err
	}
	// Issue writes the PDFs once the archive's transaction committed: none is left in
	// the folder for a letter that was not archived.
	ids, err := b.sess.Issue(batch, b.by, b.asOf, time.Now())
	if err != nil {
		return nil, err
	}
	b.head = batch.Head.Text(b.lang)
	out, byJob := batch.Results, batch.Entries
	res := make([]issuedLetter, 0, len(b.entries))
	for i, r := range out {
		il := issuedLetter{entry: byJob[desk.JobKey(r.Job)], record: ids[i]}
		if r.Err != nil {
			il.err = ledger.Localize(r.Err, b.lang)
		} else {
			il.path = r.File
			b.trace("issued", "id", il.record, "customer", il.entry.Customer, "stage", il.entry.Stage)
			b.trace("written", "path", r.File)
		}
		res = append(res, il)
	}
	// An entry without a letter template has no job: say so rather than drop it.
	for _, e := range b.entries {
		if _, err := templates.ParseStage(e.Template); err != nil {
			res = append(res, issuedLetter{entry: e, err: b.noTpl})
		}
	}
	return res, nil
}

// issuedDir is the folder beside the dossier where the day's letters are written.
func (sv *agendaView) issuedDir() string {
	a := sv.a
	return filepath.Join(filepath.Dir(a.path), "courriers-"+a.asOf.String())
}

// safeFileName keeps letters, digits, dots and dashes of s (a customer ID may hold
// anything), the rest becoming "_".
func safeFileName(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '.':
			return r
		}
		return '_'
	}, s)
}

// showIssued lists the letters of a batch: each one issued with a button to open its
// PDF, or the reason it was not; and a button to show the folder they were written to;
// under the count, the archive's head after the batch (headText, "" for none).
func (sv *agendaView) showIssued(res []issuedLetter, headText string) {
	a := sv.a
	list := container.NewVBox()
	issued := 0
	for _, r := range res {
		line := widget.NewLabel(sv.letterLine(r.entry))
		line.Wrapping = fyne.TextWrapWord
		if r.record == "" {
			line.Importance = widget.DangerImportance
			why := widget.NewLabel(a.t("ui.agenda.issue_failed", "why", r.err))
			why.Wrapping = fyne.TextWrapWord
			why.Importance = widget.DangerImportance
			list.Add(container.NewVBox(line, why))
			continue
		}
		issued++
		id := r.record
		open := widget.NewButtonWithIcon(a.t("ui.agenda.issue_open"), theme.FileIcon(), func() { a.openArchived(id) })
		row := container.NewBorder(nil, nil, nil, open, line)
		if r.err != "" {
			note := widget.NewLabel(a.t("ui.agenda.issue_not_written", "why", r.err))
			note.Wrapping = fyne.TextWrapWord
			note.Importance = widget.WarningImportance
			list.Add(container.NewVBox(row, note))
			continue
		}
		list.Add(row)
	}
	dir := sv.issuedDir()
	summary := a.t("ui.agenda.issue_result", "n", fmt.Sprint(issued), "total", fmt.Sprint(len(res)), "dir", dir)
	if headText != "" {
		summary += "\n" + headText
	}
	head := widget.NewLabel(summary)
	head.Wrapping = fyne.TextWrapWord
	folder := widget.NewButtonWithIcon(a.t("ui.agenda.issue_folder"), theme.FolderOpenIcon(), func() {
		a.trace("open", "path", dir)
		a.openInViewer(dir)
	})
	if issued == 0 {
		folder.Disable()
	}
	var d dialog.Dialog
	closeBtn := widget.NewButton(a.t("ui.agenda.issue_close"), func() { d.Hide() })
	body := container.NewBorder(head, container.NewHBox(folder, layout.NewSpacer(), closeBtn), nil, nil, container.NewVScroll(list))
	d = dialog.NewCustomWithoutButtons(a.t("ui.agenda.issue_done_title"), body, a.win)
	d.Resize(fyne.NewSize(min(a.win.Canvas().Size().Width-40, 760), min(a.win.Canvas().Size().Height-40, 520)))
	a.trace("dialog", "name", "issued_letters", "issued", fmt.Sprint(issued))
	d.Show()
}
