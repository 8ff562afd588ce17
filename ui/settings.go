package ui

import (
	"errors"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
)

// settingsView is the Paramètres screen: a form over the dossier's settings, saved in
// one store transaction.
type settingsView struct {
	a      *App
	fields map[string]*widget.Entry // by label key
	errMsg *widget.Label
	save   *widget.Button
}

// settingsKeys lists the fields of each group of the form, by label key.
func settingsGroups() [][]string {
	return [][]string{
		{"ui.set.name", "ui.set.legal_form", "ui.set.capital", "ui.set.siren", "ui.set.rcs", "ui.set.vat", "ui.set.phone", "ui.set.email",
			"ui.set.rep_name", "ui.set.rep_capacity"},
		{"ui.set.address", "ui.set.postcode", "ui.set.city", "ui.set.country", "ui.set.iban", "ui.set.bic"},
		{"ui.set.sign_name", "ui.set.sign_title"},
		{"ui.set.currency", "ui.set.terms", "ui.set.buckets", "ui.set.backups"},
	}
}

// newSettingsScreen builds the settings form, filled from the book.
func (a *App) newSettingsScreen() fyne.CanvasObject {
	v := &settingsView{a: a, fields: map[string]*widget.Entry{}}
	s := a.book.Settings
	values := map[string]string{
		"ui.set.name":         s.Company.Name,
		"ui.set.legal_form":   s.Company.LegalForm,
		"ui.set.capital":      capitalText(s.Company.Capital, a),
		"ui.set.siren":        s.Company.SIREN,
		"ui.set.rcs":          s.Company.RCSCity,
		"ui.set.vat":          s.Company.VATNumber,
		"ui.set.phone":        s.Company.Phone,
		"ui.set.email":        s.Company.Email,
		"ui.set.address":      strings.Join(s.Company.Address.Lines, "\n"),
		"ui.set.postcode":     s.Company.Address.Postcode,
		"ui.set.city":         s.Company.Address.City,
		"ui.set.country":      s.Company.Address.Country,
		"ui.set.iban":         s.Company.IBAN,
		"ui.set.bic":          s.Company.BIC,
		"ui.set.rep_name":     s.Representative.Name,
		"ui.set.rep_capacity": s.Representative.Capacity,
		"ui.set.sign_name":    s.Signatory.Name,
		"ui.set.sign_title":   s.Signatory.Title,
		"ui.set.currency":     s.Currency,
		"ui.set.terms":        s.Terms.String(),
		"ui.set.buckets":      intsText(s.Buckets),
		"ui.set.backups":      strconv.Itoa(s.BackupsKept()),
	}
	hints := map[string]string{
		"ui.set.terms":    a.t("ui.set.terms_hint"),
		"ui.set.buckets":  a.t("ui.set.buckets_hint"),
		"ui.set.capital":  a.t("ui.set.capital_hint"),
		"ui.set.rep_name": a.t("ui.set.rep_hint"),
	}
	if c := ledger.DefaultCapacity(s.Company.LegalForm); c != "" {
		hints["ui.set.rep_capacity"] = a.t("ui.set.rep_capacity_hint", "default", c)
	}
	if a.db != nil {
		hints["ui.set.backups"] = a.t("ui.set.backups_hint", "dir", filepath.Base(a.sess.BackupDir()))
	}
	groupTitles := []string{"ui.set.group_company", "ui.set.group_address", "ui.set.group_signatory", "ui.set.group_rules"}
	var cards []fyne.CanvasObject
	for g, keys := range settingsGroups() {
		form := widget.NewForm()
		for _, k := range keys {
			var e *widget.Entry
			if k == "ui.set.address" {
				e = widget.NewMultiLineEntry()
				e.SetMinRowsVisible(2)
			} else {
				e = widget.NewEntry()
			}
			e.SetText(values[k])
			v.fields[k] = e
			item := widget.NewFormItem(a.t(k), e)
			item.HintText = hints[k]
			form.AppendItem(item)
		}
		cards = append(cards, widget.NewCard(a.t(groupTitles[g]), "", form))
	}

	v.errMsg = widget.NewLabel("")
	v.errMsg.Wrapping = fyne.TextWrapWord
	v.errMsg.Importance = widget.DangerImportance
	v.errMsg.Hide()
	v.save = widget.NewButtonWithIcon(a.t("ui.set.save"), theme.DocumentSaveIcon(), v.submit)
	v.save.Importance = widget.HighImportance
	if a.db == nil || a.db.ReadOnly() {
		v.save.Disable()
	}
	a.settingsView = v

	// One column, at most 820 wide, that scrolls: it fits a 1024-pixel window without
	// widening it, and the save button stays in view below.
	page := atMostWidth(820, container.NewVBox(cards[0], cards[1], cards[2], cards[3]))
	bottom := container.NewBorder(nil, nil, nil, container.NewHBox(a.risk.riskPolicyButton(), v.save), v.errMsg)
	return container.NewBorder(nil, bottom, nil, nil, container.NewVScroll(page))
}

// submit reads the form, and writes the settings in one transaction; a bad field is
// reported by name and nothing is written.
func (v *settingsView) submit() {
	a := v.a
	s, err := v.read()
	if err == nil {
		err = a.sess.SaveSettings(s)
		err = v.nameField(err)
	}
	if err != nil {
		v.errMsg.SetText(err.Error())
		v.errMsg.Show()
		return
	}
	v.errMsg.Hide()
	a.reloadThen(a.t("ui.set.saved"))
}

// fieldError is a problem in one field of the form, already in the user's language.
type fieldError struct{ msg string }

func (e *fieldError) Error() string { return e.msg }

func (v *settingsView) fail(key string, err error) error {
	return &fieldError{v.a.t("ui.set.err_field", "field", v.a.t(key), "msg", ledger.Localize(err, v.a.lang))}
}

// nameField turns the store's validation problems into messages naming the field.
func (v *settingsView) nameField(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, &ledger.Problem{Key: "err.buckets"}):
		return v.fail("ui.set.buckets", err)
	case errors.Is(err, &ledger.Problem{Key: "err.terms"}):
		return v.fail("ui.set.terms", err)
	case errors.Is(err, &ledger.Problem{Key: "err.siren"}):
		return v.fail("ui.set.siren", err)
	case errors.Is(err, &ledger.Problem{Key: "err.company"}):
		return v.fail("ui.set.name", err)
	}
	return &fieldError{ledger.Localize(err, v.a.lang)}
}

// read builds the settings from the form, starting from the book's settings so that
// what the form does not show (logo, receivable accounts…) is kept.
func (v *settingsView) read() (ledger.Settings, error) {
	a := v.a
	s := a.book.Settings
	s.Company.Address.Lines = append([]string(nil), s.Company.Address.Lines...)
	s.Buckets = append([]int(nil), s.Buckets...)
	get := func(k string) string { return strings.TrimSpace(v.fields[k].Text) }

	name := get("ui.set.name")
	if name == "" {
		return s, v.fail("ui.set.name", errText(a.t("ui.set.err_required")))
	}
	capital, err := parseAmount(get("ui.set.capital"))
	if err != nil {
		return s, v.fail("ui.set.capital", errText(a.t("ui.set.err_amount", "value", get("ui.set.capital"))))
	}
	cur := strings.ToUpper(get("ui.set.currency"))
	if len(cur) != 3 || strings.Trim(cur, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		return s, v.fail("ui.set.currency", errText(a.t("ui.set.err_currency", "value", get("ui.set.currency"))))
	}
	terms, err := ledger.ParseTerms(get("ui.set.terms"))
	if err != nil {
		return s, v.fail("ui.set.terms", err)
	}
	buckets, err := parseInts(get("ui.set.buckets"))
	if err != nil {
		return s, v.fail("ui.set.buckets", errText(a.t("ui.set.err_buckets", "value", get("ui.set.buckets"))))
	}
	backups, err := strconv.Atoi(get("ui.set.backups"))
	if err != nil || backups < 1 || backups > ledger.MaxBackups {
		return s, v.fail("ui.set.backups", errText(a.t("ui.set.err_backups", "value", get("ui.set.backups"), "max", strconv.Itoa(ledger.MaxBackups))))
	}

	s.Company.Name = name
	s.Company.LegalForm = get("ui.set.legal_form")
	s.Company.Capital = capital
	s.Company.SIREN = get("ui.set.siren")
	s.Company.RCSCity = get("ui.set.rcs")
	s.Company.VATNumber = get("ui.set.vat")
	s.Company.Phone = get("ui.set.phone")
	s.Company.Email = get("ui.set.email")
	s.Company.Address.Lines = nonEmptyLines(v.fields["ui.set.address"].Text)
	s.Company.Address.Postcode = get("ui.set.postcode")
	s.Company.Address.City = get("ui.set.city")
	s.Company.Address.Country = strings.ToUpper(get("ui.set.country"))
	s.Company.IBAN = get("ui.set.iban")
	s.Company.BIC = strings.ToUpper(get("ui.set.bic"))
	s.Representative.Name = get("ui.set.rep_name")
	s.Representative.Capacity = get("ui.set.rep_capacity")
	s.Signatory.Name = get("ui.set.sign_name")
	s.Signatory.Title = get("ui.set.sign_title")
	s.Currency = cur
	s.Terms = terms
	s.Buckets = buckets
	s.Backups = backups
	return s, nil
}

// parseAmount reads an amount typed the French or English way: "10 000", "10000,50",
// "10,000.50 €". Empty means zero.
func parseAmount(s string) (ledger.Cents, error) {
	s = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "", "€", "", "£", "", "$", "").Replace(s)
	if s == "" {
		return 0, nil
	}
	if strings.Contains(s, ",") && strings.Contains(s, ".") {
		s = strings.ReplaceAll(s, ",", "") // English thousands separators
	}
	return ledger.ParseCents(strings.ReplaceAll(s, ",", "."))
}

// capitalText shows the share capital as an amount; parseAmount reads it back.
func capitalText(c ledger.Cents, a *App) string {
	if c == 0 {
		return ""
	}
	return a.money(c)
}

// parseInts reads "30,60,90" (commas, semicolons or spaces).
func parseInts(s string) ([]int, error) {
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == ' ' })
	out := make([]int, 0, len(fields))
	for _, f := range fields {
		n, err := strconv.Atoi(f)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

func intsText(v []int) string {
	parts := make([]string, len(v))
	for i, n := range v {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ",")
}

func nonEmptyLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
