package ui

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
	"relance/ledger/classroom"
	"relance/letters"
)

// gridForm is the observation grid: the trainee observed (or a new one), the boxes the
// trainer ticks during the call, the commitment, the tone, notes; the score shows as
// the boxes are ticked and « Enregistrer la note » keeps it with the trainee.
func (v *rolePlayView) gridForm() fyne.CanvasObject {
	a := v.a
	v.grid.Customer = v.customer
	v.trainee = widget.NewSelect(nil, nil)
	v.loadTrainees("")
	newName := widget.NewEntry()
	newName.SetPlaceHolder(a.t("roleplay.ui.new_trainee"))
	add := widget.NewButton("+", func() {
		name := strings.TrimSpace(newName.Text)
		t := classroom.Trainee{Name: name, Added: a.asOf}
		if err := a.sess.SaveTrainee(&t); err != nil {
			a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
			return
		}
		newName.SetText("")
		v.loadTrainees(t.ID)
		a.trace("roleplay_trainee", "id", t.ID)
	})
	who := container.NewBorder(nil, nil, nil, container.NewHBox(withWidth(240, newName), add), v.trainee)
	if a.db != nil && a.db.ReadOnly() {
		add.Disable()
	}
	check := func(key string, set func(bool)) *widget.Check {
		c := widget.NewCheck(a.t("roleplay.grid."+key), func(b bool) { set(b); v.rescore() })
		v.checks[key] = c
		return c
	}
	g := &v.grid
	steps := container.NewGridWithColumns(4,
		check("contact", func(b bool) { g.Contact = b }), check("understand", func(b bool) { g.Understand = b }),
		check("convince", func(b bool) { g.Convince = b }), check("conclude", func(b bool) { g.Conclude = b }))
	questions := container.NewGridWithColumns(2,
		check("open", func(b bool) { g.Open = b }), check("closed", func(b bool) { g.Closed = b }),
		check("neutral", func(b bool) { g.Neutral = b }), check("leading", func(b bool) { g.Leading = b }))
	other := container.NewGridWithColumns(3,
		check("reformulated", func(b bool) { g.Reformulated = b }), check("objection", func(b bool) { g.Objection = b }),
		check("desc", func(b bool) { g.DESC = b }))
	v.amount, v.date = widget.NewEntry(), widget.NewEntry()
	v.amount.SetPlaceHolder("1 200,00")
	v.date.SetPlaceHolder(a.date(v.cards.By))
	v.amount.OnChanged = func(string) { v.rescore() }
	v.date.OnChanged = func(string) { v.rescore() }
	var tones []string
	for i := 0; i <= 2; i++ {
		tones = append(tones, a.t("roleplay.grid.tone."+strconv.Itoa(i)))
	}
	v.tone = widget.NewRadioGroup(tones, func(string) { v.rescore() })
	v.tone.Horizontal = true
	v.notes = widget.NewMultiLineEntry()
	v.notes.SetMinRowsVisible(2)
	v.score = widget.NewLabel("")
	v.score.TextStyle = fyne.TextStyle{Bold: true}
	scale := para(a.t("roleplay.grid.scale"), false)
	save := widget.NewButton(a.t("roleplay.ui.save"), v.save)
	v.saveBtn = save
	save.Importance = widget.HighImportance
	if a.db != nil && a.db.ReadOnly() {
		save.Disable()
	}
	gridPDF := widget.NewButton(a.t("roleplay.ui.grid_pdf"), v.saveGridPDF)
	form := widget.NewForm(
		widget.NewFormItem(a.t("roleplay.grid.trainee"), who),
		widget.NewFormItem(a.t("roleplay.grid.steps"), steps),
		widget.NewFormItem(a.t("roleplay.grid.questions"), questions),
		widget.NewFormItem("", other),
		widget.NewFormItem(a.t("roleplay.grid.amount"), v.amount),
		widget.NewFormItem(a.t("roleplay.grid.date"), v.date),
		widget.NewFormItem(a.t("roleplay.grid.tone"), v.tone),
		widget.NewFormItem(a.t("roleplay.grid.notes"), v.notes))
	return container.NewBorder(nil, container.NewVBox(scale, container.NewHBox(v.score, save, gridPDF)), nil, nil, container.NewVScroll(form))
}

// loadTrainees fills the trainee list, selecting id.
func (v *rolePlayView) loadTrainees(id string) {
	a := v.a
	ts, err := a.sess.Trainees()
	if err != nil {
		a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
		return
	}
	v.trainees = ts
	var names []string
	sel := -1
	for i, t := range ts {
		n := t.Name
		if t.Group != "" {
			n += " (" + t.Group + ")"
		}
		names = append(names, n)
		if t.ID == id {
			sel = i
		}
	}
	v.trainee.Options = names
	v.trainee.PlaceHolder = a.t("roleplay.err.no_trainee")
	if len(ts) == 0 {
		v.trainee.PlaceHolder = a.t("roleplay.ui.no_trainees")
	}
	v.trainee.Refresh()
	if sel >= 0 {
		v.trainee.SetSelectedIndex(sel)
	}
}

// read reads the amount, date and tone into the grid; it returns the first problem.
func (v *rolePlayView) read() error {
	g := &v.grid
	g.Amount, g.Date = 0, ledger.NoDate
	if s := strings.TrimSpace(v.amount.Text); s != "" {
		c, err := parseAmount(s)
		if err != nil {
			return &ledger.Problem{Key: "roleplay.err.amount", Args: []string{"value", s}}
		}
		g.Amount = c
	}
	if s := strings.TrimSpace(v.date.Text); s != "" {
		d, err := parseDate(s)
		if err != nil {
			return &ledger.Problem{Key: "roleplay.err.date", Args: []string{"value", s}}
		}
		g.Date = d
	}
	g.Tone = 0
	if v.tone.Selected != "" {
		g.Tone = slices.Index(v.tone.Options, v.tone.Selected)
	}
	g.Notes = v.notes.Text
	return nil
}

// rescore shows the grid's score as it stands.
func (v *rolePlayView) rescore() {
	if v.score == nil || v.tone == nil {
		return
	}
	if err := v.read(); err != nil {
		v.score.SetText(ledger.Localize(err, v.a.lang))
		return
	}
	if v.saveBtn != nil && (v.a.db == nil || !v.a.db.ReadOnly()) {
		v.saveBtn.Enable() // a changed grid may be kept again
	}
	sc := v.grid.Scored()
	v.score.SetText(v.a.t("roleplay.grid.total", "points", sc.Points.String(), "outof", strconv.Itoa(sc.OutOf)))
}

// save keeps the grid with the trainee chosen.
func (v *rolePlayView) save() {
	a := v.a
	i := v.trainee.SelectedIndex()
	if i < 0 || i >= len(v.trainees) {
		a.showError(a.t("ui.dialog.error"), a.t("roleplay.err.no_trainee"))
		return
	}
	if err := v.read(); err != nil {
		a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
		return
	}
	at, sc, err := a.sess.ScoreRolePlay(v.trainees[i].ID, v.grid, a.asOf, a.user())
	if err != nil {
		a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
		return
	}
	msg := a.t("roleplay.ui.saved", "trainee", v.trainees[i].Name, "points", sc.Points.String(), "outof", strconv.Itoa(sc.OutOf))
	v.score.SetText(msg)
	v.saveBtn.Disable() // a second click does not keep the same grid twice
	a.trace("roleplay_saved", "attempt", at.ID, "trainee", at.Trainee, "points", sc.Points.String(), "out_of", sc.OutOf)
}

// saveCardsPDF asks where to write the cards' PDF.
func (v *rolePlayView) saveCardsPDF() {
	a := v.a
	a.askSave(fmt.Sprintf("roleplay-%s-%s.pdf", v.customer, v.cards.Profile), "roleplay.ui.pdf_done", func(path string) error {
		return letters.WriteFile(path, func(w io.Writer) error { return a.sess.RolePlayCardsPDF(w, v.cards, a.lang, a.pdf()) })
	})
}

// saveGridPDF asks where to write the filled grid's PDF.
func (v *rolePlayView) saveGridPDF() {
	a := v.a
	name := ""
	if i := v.trainee.SelectedIndex(); i >= 0 && i < len(v.trainees) {
		name = v.trainees[i].Name
	}
	if err := v.read(); err != nil {
		a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
		return
	}
	g := v.grid
	a.askSave(fmt.Sprintf("grille-%s.pdf", v.customer), "roleplay.ui.pdf_done", func(path string) error {
		return letters.WriteFile(path, func(w io.Writer) error { return a.sess.RolePlayGridPDF(w, name, g, a.asOf, a.lang, a.pdf()) })
	})
}
