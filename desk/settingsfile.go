package desk

import (
	"errors"
	"io"

	"relance/ledger"
)

// SettingsFile is the export of a dossier's settings (the demo marks left out: they
// belong to the dossier, not to its settings).
type SettingsFile struct {
	FileHeader
	Settings ledger.Settings `json:"settings"`
}

// ExportSettings writes the dossier's settings to w as a settings file
// (KindSettings), the company's logo included.
func (s *Session) ExportSettings(w io.Writer) error {
	set := s.Book.Settings
	set.Demo, set.DemoToday = false, ledger.NoDate
	return writeAdminFile(w, SettingsFile{FileHeader{KindSettings, FileVersion}, set})
}

// settingsPath names the field of the settings file a refusal of the settings (its
// Problem key) is about, to give its line.
func settingsPath(err error) string {
	var p *ledger.Problem
	if !errors.As(err, &p) {
		return ""
	}
	switch p.Key {
	case "err.company":
		return "settings.company.name"
	case "err.siren":
		return "settings.company.siren"
	case "err.terms":
		return "settings.terms"
	case "err.buckets":
		return "settings.buckets"
	case "err.backups":
		return "settings.backups"
	case "err.lang":
		return "settings.lang"
	}
	return ""
}

// ImportSettings reads data, a settings file named name (ExportSettings), and records
// its settings in one transaction, checked as SaveSettings checks them and with a
// language of the letters fr or en; the dossier keeps its demo marks. The first bad
// field is named with its line.
func (s *Session) ImportSettings(name string, data []byte) error {
	var f SettingsFile
	doc, err := readAdminFile(name, data, KindSettings, &f)
	if err != nil {
		return err
	}
	set := f.Settings
	set.Demo, set.DemoToday = s.Book.Settings.Demo, s.Book.Settings.DemoToday
	if set.Lang != "" && set.Lang != "fr" && set.Lang != "en" {
		err = &ledger.Problem{Key: "err.lang", Args: []string{"value", set.Lang}}
	} else {
		err = s.SaveSettings(set)
	}
	if err != nil {
		return doc.at(settingsPath(err), err)
	}
	return nil
}
