package ui

import (
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
	"relance/ledger/classroom"
	"relance/letters"
	"relance/letters/progress"
)

// The trainees' progress and the exercise bank, opened from the Correction screen's
// classroom row: dialogs over the screen, every part reachable with the mouse.

// showProgress shows the trainees and every attempt of every kind (date, exercise,
// score on 20, time), the averages per trainee and group, with the CSV and PDF exports
// and the trainees' list (add, remove with their results).
func (sv *trainerView) showProgress() {
	a := sv.a
	if a.sess == nil {
		return
	}
	group, who := "", ""
	body := container.NewStack()
	var d *dialog.CustomDialog
	var refresh func()
	refresh = func() {
		p, err := a.sess.Progress(who, group)
		if err != nil {
			group, who = "", ""
			if p, err = a.sess.Progress("", ""); err != nil {
				a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
				return
			}
		}
		body.Objects = []fyne.CanvasObject{sv.progressBody(p, &group, &who, refresh)}
		body.Refresh()
		a.trace("progress_shown", "trainees", itoaUI(len(p.Trainees)), "attempts", itoaUI(p.Attempts), "average", p.Average.String())
	}
	refresh()
	d = dialog.NewCustom(a.t("exercise.progress.title"), a.t("exercise.ui.close"), body, a.win)
	d.SetOnClosed(func() { a.trace("dialog", "what", "progress", "state", "closed") })
	d.Resize(fyne.NewSize(min(a.win.Canvas().Size().Width-40, 1180), min(a.win.Canvas().Size().Height-40, 680)))
	d.Show()
}

// progressBody draws the filters, the buttons and the table of p.
func (sv *trainerView) progressBody(p *classroom.Progress, group, who *string, refresh func()) fyne.CanvasObject {
	a := sv.a
	ts, _ := a.sess.Trainees()
	groups := []string{a.t("exercise.ui.all_groups")}
	seen := map[string]bool{}
	for _, t := range ts {
		if t.Group != "" && !seen[t.Group] {
			seen[t.Group] = true
			groups = append(groups, t.Group)
		}
	}
	gsel := widget.NewSelect(groups, nil)
	gsel.SetSelected(groups[0])
	if *group != "" {
		gsel.SetSelected(*group)
	}
	gsel.OnChanged = func(v string) {
		*group, *who = "", ""
		if gsel.SelectedIndex() > 0 {
			*group = v
		}
		refresh()
	}
	names := []string{a.t("exercise.ui.all_trainees")}
	for _, t := range ts {
		names = append(names, traineeLabel(t))
	}
	tsel := widget.NewSelect(names, nil)
	tsel.SetSelectedIndex(0)
	for i, t := range ts {
		if t.ID == *who {
			tsel.SetSelectedIndex(i + 1)
		}
	}
	tsel.OnChanged = func(string) {
		*who = ""
		if i := tsel.SelectedIndex(); i > 0 {
			*who = ts[i-1].ID
		}
		refresh()
	}
	add := widget.NewButtonWithIcon(a.t("exercise.ui.new_trainee"), theme.ContentAddIcon(), func() { sv.askNewTrainee(refresh) })
	remove := widget.NewButtonWithIcon(a.t("exercise.ui.remove_trainee"), theme.DeleteIcon(), func() {
		if *who == "" {
			return
		}
		var name string
		for _, t := range ts {
			if t.ID == *who {
				name = t.Name
			}
		}
		id := *who
		dialog.ShowConfirm(a.t("exercise.ui.remove_trainee"), a.t("exercise.ui.remove_confirm", "name", name), func(ok bool) {
			if !ok {
				return
			}
			n, err := a.sess.DeleteTrainee(id)
			if err != nil {
				a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
				return
			}
			a.trace("trainee_removed", "id", id, "attempts", itoaUI(n))
			if sv.bankState().trainee == id {
				sv.bankState().trainee = ""
			}
			*who = ""
			refresh()
		}, a.win)
	})
	if *who == "" {
		remove.Disable()
	}
	csv := widget.NewButtonWithIcon(a.t("exercise.ui.csv"), theme.DocumentSaveIcon(), func() {
		a.askSave(a.t("exercise.progress.file")+".csv", "exercise.ui.written", func(path string) error {
			return letters.WriteFile(path, func(w io.Writer) error { return progress.WriteCSV(w, a.lang, p) })
		})
	})
	pdf := widget.NewButtonWithIcon(a.t("exercise.ui.pdf"), theme.DocumentPrintIcon(), func() {
		a.askSave(a.t("exercise.progress.file")+".pdf", "exercise.ui.written", func(path string) error {
			return letters.WriteFile(path, func(w io.Writer) error {
				return progress.Render(w, a.sess.Book.Settings, p, progress.Options{Lang: a.lang, AsOf: a.today, Factory: a.pdf()})
			})
		})
	})
	filters := container.NewHBox(widget.NewLabel(a.t("exercise.progress.col.group")), withWidth(220, gsel),
		widget.NewLabel(a.t("exercise.progress.col.trainee")), withWidth(260, tsel), remove)
	exports := container.NewHBox(add, sv.addGroupButton(group, who, refresh), widget.NewSeparator(), csv, pdf) // ui/trainer_roster.go
	summary := wrapLabel(a.t("exercise.progress.subtitle", "date", a.date(a.today), "n", itoaUI(len(p.Trainees)),
		"attempts", itoaUI(p.Attempts), "average", progress.On20(a.lang, p.Average)), fyne.TextStyle{Bold: true})
	return container.NewBorder(container.NewVBox(filters, exports, summary), nil, nil, nil, container.NewVScroll(container.NewVBox(sv.progressTable(p))))
}

// progressTable lists the attempts per trainee with their averages, the words wrapped
// (never cut).
func (sv *trainerView) progressTable(p *classroom.Progress) fyne.CanvasObject {
	a := sv.a
	t := func(k string) string { return a.t("exercise.progress.col." + k) }
	cell := func(s string, bold bool) fyne.CanvasObject {
		return wrapLabel(s, fyne.TextStyle{Bold: bold})
	}
	grid := container.NewGridWithColumns(6)
	for _, h := range []string{t("trainee"), t("date"), t("kind"), t("exercise"), t("on20"), t("time")} {
		grid.Add(cell(h, true))
	}
	for _, tp := range p.Trainees {
		name := traineeLabel(tp.Trainee)
		if len(tp.Attempts) == 0 {
			for _, s := range []string{name, "", "", a.t("exercise.progress.none"), "", ""} {
				grid.Add(cell(s, false))
			}
			continue
		}
		for i := range tp.Attempts {
			at := &tp.Attempts[i]
			title := at.Title
			if title == "" {
				title = at.Exercise
			}
			for _, s := range []string{name, a.date(at.Date), progress.KindLabel(a.lang, at.Kind), title, progress.On20(a.lang, at.On20()), progress.Duration(a.lang, at.Seconds)} {
				grid.Add(cell(s, false))
			}
		}
		for _, s := range []string{name, "", "", a.t("exercise.progress.average"), progress.On20(a.lang, tp.Average), progress.Duration(a.lang, tp.Seconds)} {
			grid.Add(cell(s, true))
		}
	}
	return grid
}

// showBank lists the bank's exercises (load, delete) with the export and import of the
// whole bank as one file.
func (sv *trainerView) showBank() {
	a := sv.a
	if a.sess == nil {
		return
	}
	sv.readBank()
	body := container.NewStack()
	var d *dialog.CustomDialog
	var draw func()
	draw = func() {
		b := sv.bankState()
		rows := container.NewVBox()
		if len(b.list) == 0 {
			rows.Add(wrapLabel(a.t("exercise.cli.empty_bank"), fyne.TextStyle{Italic: true}))
		}
		for i := range b.list {
			e := b.list[i]
			i := i
			exp := a.t("exercise.expected.any")
			if len(e.Expected) > 0 {
				exp = a.t("exercise.ui.expected_n", "n", itoaUI(len(e.Expected)))
			}
			load := widget.NewButtonWithIcon(a.t("exercise.ui.load"), theme.DocumentIcon(), func() {
				d.Hide()
				sv.loadExercise(i)
				a.showScreen(screenCorrection)
			})
			del := widget.NewButtonWithIcon(a.t("exercise.ui.delete"), theme.DeleteIcon(), func() {
				dialog.ShowConfirm(a.t("exercise.ui.delete"), a.t("exercise.ui.delete_confirm", "title", e.Title), func(ok bool) {
					if !ok {
						return
					}
					if err := a.sess.DeleteExercise(e.ID); err != nil {
						a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
						return
					}
					a.trace("exercise_deleted", "id", e.ID)
					sv.readBank()
					draw()
				}, a.win)
			})
			line := wrapLabel(sv.exerciseLabel(&e)+" – "+exp, fyne.TextStyle{})
			rows.Add(container.NewBorder(nil, nil, nil, container.NewHBox(load, del), line))
		}
		export := widget.NewButtonWithIcon(a.t("exercise.ui.export"), theme.UploadIcon(), func() {
			a.askSave(a.t("exercise.ui.bank_file")+".json", "exercise.ui.written", func(path string) error {
				data, err := a.sess.ExportExercises()
				if err != nil {
					return err
				}
				return letters.WriteFile(path, func(w io.Writer) error { _, err := w.Write(data); return err })
			})
		})
		imp := widget.NewButtonWithIcon(a.t("exercise.ui.import"), theme.DownloadIcon(), func() {
			a.showFileDialog(fileRequest{kind: fileOpen, purpose: "exercise-bank", exts: []string{".json"}, confirm: a.t("ui.dialog.open"), chosen: func(path string) {
				data, err := os.ReadFile(path)
				if err != nil {
					a.showError(a.t("ui.dialog.error"), a.t("exercise.err.read", "file", filepath.Base(path)))
					return
				}
				im, err := a.sess.ImportExercises(filepath.Base(path), data, "", a.today)
				if err != nil {
					a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
					return
				}
				a.trace("bank_imported", "added", itoaUI(len(im.Added)), "duplicates", itoaUI(len(im.Duplicates)))
				msg := a.t("exercise.cli.imported", "n", itoaUI(len(im.Added)), "dup", itoaUI(len(im.Duplicates)))
				if len(im.Duplicates) > 0 {
					msg += "\n" + a.t("exercise.cli.duplicate", "title", strings.Join(im.Duplicates, " », « "))
				}
				a.setStatus(strings.ReplaceAll(msg, "\n", " "))
				dialog.ShowInformation(a.t("exercise.ui.bank_title"), msg, a.win)
				sv.readBank()
				draw()
			}})
		})
		body.Objects = []fyne.CanvasObject{container.NewBorder(container.NewHBox(export, imp), nil, nil, nil, container.NewVScroll(rows))}
		body.Refresh()
	}
	draw()
	d = dialog.NewCustom(a.t("exercise.ui.bank_title"), a.t("exercise.ui.close"), body, a.win)
	d.SetOnClosed(func() { a.trace("dialog", "what", "exercise_bank", "state", "closed") })
	d.Resize(fyne.NewSize(min(a.win.Canvas().Size().Width-40, 1000), min(a.win.Canvas().Size().Height-40, 600)))
	d.Show()
	a.trace("dialog", "what", "exercise_bank", "state", "shown", "exercises", itoaUI(len(sv.bankState().list)))
}
