package ui

import (
	"bytes"
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
)

// The « Ajouter un groupe… » form of the trainees' dialog: a session's attendance list
// pasted or read from a .txt or .csv file, added at once through the use case
// `relance trainee import` calls (classroom.ParseRoster, desk.Session.AddTrainees).

// rosterDraft is what the form holds: the group, the names as typed or read, the name
// of the file they were read from ("" when typed) and the refusal to show.
type rosterDraft struct {
	group, text, file, problem string
}

// addGroupButton is the trainees' dialog's « Ajouter un groupe… » button: the form
// starts with the group the dialog shows; once the trainees are added, the dialog shows
// their group (group and who are the dialog's filters) and is redrawn by refresh.
func (sv *trainerView) addGroupButton(group, who *string, refresh func()) *widget.Button {
	a := sv.a
	return widget.NewButtonWithIcon(a.t("classroom.ui.add_group"), theme.ContentAddIcon(), func() {
		sv.askAddGroup(rosterDraft{group: *group}, func(added string) {
			if added != "" {
				*group, *who = added, ""
			}
			refresh()
		})
	})
}

// askAddGroup shows the form with draft; done is called after the trainees are added
// with their group ("" when the list held several or none).
func (sv *trainerView) askAddGroup(draft rosterDraft, done func(group string)) {
	a := sv.a
	if a.sess == nil {
		return
	}
	group := widget.NewEntry()
	group.SetPlaceHolder(a.t("exercise.ui.group_hint"))
	group.SetText(draft.group)
	names := widget.NewMultiLineEntry()
	names.SetPlaceHolder(a.t("classroom.ui.roster_hint"))
	names.Wrapping = fyne.TextWrapOff // one name a line: the line numbers of a refusal are the rows seen
	names.SetMinRowsVisible(8)
	names.SetText(draft.text)
	file := draft.file
	names.OnChanged = func(s string) {
		if strings.TrimSpace(s) == "" {
			file = "" // emptied: what comes next is typed
		}
	}
	problem := wrapLabel(draft.problem, fyne.TextStyle{})
	problem.Importance = widget.DangerImportance
	problem.Hidden = draft.problem == ""
	fromFile := widget.NewButtonWithIcon(a.t("classroom.ui.from_file"), theme.FolderOpenIcon(), func() {
		a.showFileDialog(fileRequest{kind: fileOpen, purpose: "trainee-roster", exts: []string{".txt", ".csv"}, confirm: a.t("ui.dialog.open"),
			chosen: func(path string) {
				text, err := readRoster(path)
				if err != nil {
					problem.SetText(ledger.Localize(err, a.lang))
					problem.Show()
					a.trace("roster_refused", "file", filepath.Base(path), "error", err.Error())
					return
				}
				names.SetText(text)
				file = filepath.Base(path)
				problem.Hide()
				a.trace("roster_read", "file", file, "lines", itoaUI(strings.Count(text, "\n")+1))
			}})
	})
	head := container.NewBorder(nil, nil, widget.NewLabel(a.t("classroom.ui.roster_names")), fromFile)
	form := widget.NewForm(widget.NewFormItem(a.t("exercise.ui.group"), group))
	content := container.NewBorder(container.NewVBox(problem, form, head), nil, nil, nil, names)
	d := dialog.NewCustomConfirm(a.t("classroom.ui.add_group_title"), a.t("exercise.ui.add"), a.t("ui.dialog.cancel"), content, func(ok bool) {
		if !ok {
			a.trace("dialog", "what", "add_group", "state", "cancelled")
			return
		}
		typed := rosterDraft{group: group.Text, text: names.Text, file: file}
		sv.addRoster(typed, done)
	}, a.win)
	d.Resize(fyne.NewSize(min(a.win.Canvas().Size().Width-40, 640), min(a.win.Canvas().Size().Height-40, 520)))
	d.Show()
	a.trace("dialog", "what", "add_group", "state", "shown", "problem", draft.problem)
	if draft.group == "" {
		a.win.Canvas().Focus(group)
	} else {
		a.win.Canvas().Focus(names)
	}
}

// addRoster adds the trainees of draft, or shows the form again with draft and the
// refusal; added, it says who was and who was already there.
func (sv *trainerView) addRoster(draft rosterDraft, done func(group string)) {
	a := sv.a
	name := draft.file
	if name == "" {
		name = a.t("classroom.ui.pasted")
	}
	list, err := classroom.ParseRoster(name, strings.NewReader(draft.text), strings.TrimSpace(draft.group))
	var added []classroom.Trainee
	var skipped []string
	if err == nil {
		added, skipped, err = a.sess.AddTrainees(list, a.today)
	}
	if err != nil {
		draft.problem = ledger.Localize(err, a.lang)
		a.trace("roster_refused", "file", name, "error", err.Error())
		sv.askAddGroup(draft, done)
		return
	}
	a.trace("trainees_added", "added", itoaUI(len(added)), "skipped", itoaUI(len(skipped)))
	msg := classroom.RosterSummary(a.lang, list, added, skipped)
	a.setStatus(msg)
	from := added // the dialog shows the group added to, when there is one
	if len(from) == 0 {
		from = list
	}
	one := from[0].Group
	for _, t := range from {
		if t.Group != one {
			one = ""
		}
	}
	if done != nil {
		done(one)
	}
	dialog.ShowInformation(a.t("classroom.ui.group_added"), msg, a.win)
}

// readRoster reads the roster file at path for the form: its text, once
// classroom.ParseRoster accepts it (a list in Latin-1 is refused here, before the entry
// would hide its bad bytes), without its BOM, with Unix line ends.
func readRoster(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", &ledger.Problem{Key: "classroom.err.roster_read", Args: []string{"file", filepath.Base(path)}, Err: err}
	}
	if _, err := classroom.ParseRoster(filepath.Base(path), bytes.NewReader(data), ""); err != nil {
		return "", err
	}
	text := strings.TrimPrefix(string(data), "\ufeff")
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	return strings.TrimRight(text, "\n"), nil
}
