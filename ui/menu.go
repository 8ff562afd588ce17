package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/store"
)

// mainMenu builds the window's menus in the current language.
func (a *App) mainMenu() *fyne.MainMenu {
	// Every File item but Quit acts on the dossier or leaves it, so it waits for the
	// whole history of a dossier opened in two steps.
	wait := a.afterChecked
	recent := fyne.NewMenu(a.t("ui.menu.recent"))
	for _, p := range a.recent() {
		p := p
		recent.Items = append(recent.Items, fyne.NewMenuItem(p, wait(func() { a.openDossier(p) })))
	}
	if len(recent.Items) == 0 {
		none := fyne.NewMenuItem(a.t("ui.menu.recent_none"), nil)
		none.Disabled = true
		recent.Items = append(recent.Items, none)
	}
	recentItem := fyne.NewMenuItem(a.t("ui.menu.recent"), nil)
	recentItem.ChildMenu = recent

	quit := fyne.NewMenuItem(a.t("ui.menu.quit"), func() { a.quit() })
	quit.IsQuit = true
	open := fyne.NewMenuItem(a.t("ui.menu.open"), wait(a.chooseDossier))
	open.Shortcut = menuShortcut(fyne.KeyO)
	newItem := fyne.NewMenuItem(a.t("ui.menu.new"), wait(a.askNewDossier))
	newItem.Shortcut = menuShortcut(fyne.KeyN)
	importItem := fyne.NewMenuItem(a.t("ui.menu.import"), wait(a.chooseImport))
	importItem.Shortcut = menuShortcut(fyne.KeyI)
	file := fyne.NewMenu(a.t("ui.menu.file"),
		open,
		newItem,
		fyne.NewMenuItem(a.t("ui.menu.demo"), wait(a.openDemo)),
		fyne.NewMenuItem(a.t("ui.demo.reset"), wait(a.askResetDemo)),
		recentItem,
		fyne.NewMenuItemSeparator(),
		importItem,
		fyne.NewMenuItem(a.t("ui.custfile.menu"), wait(a.chooseCustomerFile)),
		fyne.NewMenuItem(a.t("ui.bank.menu"), wait(a.chooseStatement)),
		fyne.NewMenuItem(a.t("ui.menu.statements"), wait(a.askStatements)),
		fyne.NewMenuItem(a.t("ui.latereport.menu"), wait(a.askLateReport)),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(a.t("ui.menu.backup"), wait(a.askBackup)),
		fyne.NewMenuItem(a.t("ui.menu.restore"), wait(a.askRestore)),
		fyne.NewMenuItemSeparator(),
		quit,
	)

	fr := fyne.NewMenuItem(a.t("ui.menu.lang_fr"), func() { a.setLang("fr") })
	fr.Checked = a.lang == "fr"
	en := fyne.NewMenuItem(a.t("ui.menu.lang_en"), func() { a.setLang("en") })
	en.Checked = a.lang == "en"
	lang := fyne.NewMenuItem(a.t("ui.menu.language"), nil)
	lang.ChildMenu = fyne.NewMenu("", fr, en)
	var modes []*fyne.MenuItem
	for _, m := range []string{themeSystem, themeLight, themeDark} {
		item := fyne.NewMenuItem(a.t("ui.menu.theme."+m), func() { a.setThemeMode(m) })
		item.Checked = a.themeMode() == m
		modes = append(modes, item)
	}
	themes := fyne.NewMenuItem(a.t("ui.menu.theme"), nil)
	themes.ChildMenu = fyne.NewMenu("", modes...)
	view := fyne.NewMenu(a.t("ui.menu.view"), append([]*fyne.MenuItem{lang, themes}, a.zoomMenuItems()...)...)
	help := fyne.NewMenu(a.t("ui.menu.help"),
		fyne.NewMenuItem(a.t("ui.tour.start"), a.startTour),
		fyne.NewMenuItem(a.t("ui.menu.welcome"), a.showWelcome),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(a.t("about.menu"), a.showAbout),
	)
	return fyne.NewMainMenu(file, view, help)
}

// quit closes the dossier and leaves the application.
func (a *App) quit() {
	a.closeDossier()
	a.stopCheckBackends()
	a.fyne.Quit()
}

// chooseDossier lets the user pick a dossier file to open.
func (a *App) chooseDossier() {
	a.showFileDialog(fileRequest{kind: fileOpen, purpose: "dossier", exts: store.DossierExts(),
		confirm: a.t("ui.dialog.open"), chosen: a.openDossier})
}

// newDossierForm is the new dossier's identity: what the letterhead and the letters'
// signature need from the start (only the name is required).
type newDossierForm struct {
	name, form, siren, address, signatory *widget.Entry
}

func (f *newDossierForm) company() desk.NewCompany {
	return desk.NewCompany{Name: f.name.Text, LegalForm: f.form.Text, SIREN: f.siren.Text, Address: f.address.Text, Signatory: f.signatory.Text}
}

// askNewDossier asks for the company's identity (checked by desk.CheckNewCompany; a
// refusal names the field and comes back with what was typed), then the folder, and
// creates the dossier; its dashboard then says what to do next.
func (a *App) askNewDossier() {
	f := &newDossierForm{name: widget.NewEntry(), form: widget.NewEntry(), siren: widget.NewEntry(), address: widget.NewEntry(), signatory: widget.NewEntry()}
	f.name.SetPlaceHolder(a.t("ui.new.name_hint"))
	f.form.SetPlaceHolder(a.t("ui.new.form_hint"))
	f.siren.SetPlaceHolder(a.t("ui.new.siren_hint"))
	f.address.SetPlaceHolder(a.t("ui.new.address_hint"))
	f.signatory.SetPlaceHolder(a.t("ui.new.signatory_hint"))
	f.name.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errText(a.t("ui.new.name_required"))
		}
		return nil
	}
	a.showNewDossierForm(f)
}

func (a *App) showNewDossierForm(f *newDossierForm) {
	intro := widget.NewLabel(a.t("ui.new.intro"))
	intro.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{
		widget.NewFormItem(a.t("ui.new.name"), f.name),
		widget.NewFormItem(a.t("ui.new.form"), f.form),
		widget.NewFormItem(a.t("ui.new.siren"), f.siren),
		widget.NewFormItem(a.t("ui.new.address"), f.address),
		widget.NewFormItem(a.t("ui.new.signatory"), f.signatory),
	}
	form := widget.NewForm(items...)
	var d dialog.Dialog
	// next checks the identity; a refusal keeps the dialog, with what was typed, under
	// the message naming the field.
	next := func() {
		d.Hide()
		if f.name.Validate() != nil {
			d.Show()
			return
		}
		nc := f.company()
		if err := desk.CheckNewCompany(nc); err != nil {
			d.Show()
			a.showError(a.t("ui.new.title"), ledger.Localize(err, a.lang))
			return
		}
		a.trace("dialog", "what", "new_dossier", "state", "identity")
		a.showFileDialog(fileRequest{kind: folderOpen, purpose: "dossier", confirm: a.t("ui.new.create_here"),
			chosen: func(dir string) { a.createDossier(dir, nc) }})
	}
	d = dialog.NewCustomConfirm(a.t("ui.new.title"), a.t("ui.new.next"), a.t("ui.dialog.cancel"), container.NewVBox(intro, form), func(ok bool) {
		if ok {
			next()
		}
	}, a.win)
	for _, e := range []*widget.Entry{f.name, f.form, f.siren, f.address, f.signatory} {
		e.OnSubmitted = func(string) { next() } // Enter goes on, as the button does
	}
	d.Resize(fyne.NewSize(min(a.win.Canvas().Size().Width-40, 620), 380))
	d.Show()
	a.win.Canvas().Focus(f.name) // the name can be typed at once
}

// showError shows a message in a dialog titled title.
func (a *App) showError(title, msg string) {
	a.trace("error", "title", title, "message", msg)
	text := widget.NewLabel(msg)
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, a.t("ui.dialog.ok"), withWidth(460, text), a.win)
	d.Show()
}

// errText is an error whose message is already in the user's language.
type errText string

func (e errText) Error() string { return string(e) }
