package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
	"relance/letters/archive"
)

// archivePane lists the issued letters with a search, re-opens the exact PDF that was
// sent, and verifies the hash chain.
func (sv *lettersView) archivePane() fyne.CanvasObject {
	a := sv.a
	st := sv
	var recs []archive.Record
	load := func() {
		var err error
		if recs, err = a.sess.Archive(archive.Filter{Text: st.search}); err != nil {
			a.setStatus(ledger.Localize(err, a.lang))
		}
	}
	load()
	// Sized at 1366 px for the longest stage (« Revendication (réserve de propriété) »), a
	// customer's name with its number and « recommandé AR » whole.
	cols := []column{{"ui.let.col.id", 85, false}, {"ui.let.col.date", 95, false}, {"ui.let.col.customer", 250, false},
		{"ui.let.col.stage", 280, false}, {"ui.let.col.channel", 160, false}, {"ui.let.col.total", 105, true},
		{"ui.let.col.by", 120, false}}
	table := a.rowsTable(cols, func() int { return len(recs) }, func(row, col int) (string, widget.Importance) {
		r := &recs[row]
		switch col {
		case 0:
			return r.ID, widget.MediumImportance
		case 1:
			return a.date(r.Date), widget.MediumImportance
		case 2:
			return r.CustomerName + " (" + r.Customer + ")", widget.MediumImportance
		case 3:
			return a.t("letters.stage." + string(r.Stage)), widget.MediumImportance
		case 4:
			return a.t("letters.channel." + string(r.Channel)), widget.MediumImportance
		case 5:
			return a.money(r.Total), widget.MediumImportance
		}
		return r.By, widget.MediumImportance
	}, rowActions{selected: func(row int) {
		if row >= 0 && row < len(recs) {
			st.selected = recs[row].ID
			a.trace("select", "list", "letters", "id", st.selected)
		}
	}, open: func(row int) {
		if row >= 0 && row < len(recs) {
			st.selected = recs[row].ID
			a.openArchived(st.selected)
		}
	}, menu: func(row int) []*fyne.MenuItem {
		id := recs[row].ID
		return []*fyne.MenuItem{fyne.NewMenuItem(a.t("ui.let.open"), func() { a.openArchived(id) })}
	}})
	search := widget.NewEntry()
	search.SetPlaceHolder(a.t("ui.let.search"))
	search.SetText(st.search)
	search.OnChanged = func(s string) {
		st.search = s
		load()
		table.Refresh()
	}
	open := widget.NewButton(a.t("ui.let.open"), func() {
		if st.selected != "" {
			a.openArchived(st.selected)
		}
	})
	verify := widget.NewButton(a.t("ui.let.verify"), func() {
		rep, err := a.sess.VerifyArchive()
		msg := a.t(a.plural("letters.cli.verify_ok", rep.Count), "count", strconv.Itoa(rep.Count))
		switch {
		case err != nil:
			msg = ledger.Localize(err, a.lang)
		case len(rep.Altered) > 0:
			msg = a.t(a.plural("letters.cli.verify_bad", len(rep.Altered)), "count", strconv.Itoa(len(rep.Altered)))
			for _, x := range rep.Altered {
				msg += "\n" + x.Text(a.lang)
			}
		}
		a.showError(a.t("ui.let.verify"), msg)
	})
	count := widget.NewLabel(a.t(a.plural("ui.let.count", len(recs)), "count", strconv.Itoa(len(recs))))
	return container.NewBorder(container.NewBorder(nil, nil, nil, container.NewHBox(count, open, verify), search), nil, nil, nil, table)
}

// openArchived opens the exact PDF of issued letter id in the system's viewer.
func (a *App) openArchived(id string) {
	pdf, err := a.sess.ArchivedPDF(id)
	if err != nil {
		a.showError(a.t("ui.let.open"), ledger.Localize(err, a.lang))
		return
	}
	a.trace("open", "list", "letters", "id", id)
	a.openPDF(id, pdf)
}
