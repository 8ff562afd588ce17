package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"strings"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
)

// runSettings is `relance settings show|set|export|import`: the dossier's settings as
// JSON, or the company's identity, the signatory and the default terms changed (checked
// by ledger.Settings.Validate before anything is written), or the settings written to
// or read from a JSON file (desk.ExportSettings, ImportSettings).
func runSettings(env *Env, args []string) error {
	sub, args := verb(args, "show", "set", "export", "import")
	fs := env.flags("settings " + sub)
	db := fs.String("db", "", "dossier file")
	out := fs.String("out", "", "export: the JSON file to write (default: standard output)")
	set := map[string]*string{}
	for _, f := range []struct{ name, usage string }{
		{"company", "the company's name"}, {"legal-form", "SAS, SARL…"}, {"siren", "SIREN"}, {"rcs", `"RCS Lyon"`},
		{"vat", "VAT number"}, {"address", `"12 rue des Lilas, 69003 Lyon"`}, {"phone", "the company's phone"},
		{"email", "the company's e-mail"}, {"signatory", "who signs the letters"}, {"signatory-title", "their title"},
		{"signatory-phone", "their phone"}, {"signatory-email", "their e-mail"}, {"terms", "default payment terms: 30, 45fdm, fdm+45"},
		{"iban", "the account customers pay into, printed on the letters"}, {"bic", "its BIC"},
	} {
		name := f.name
		fs.Func(name, f.usage, func(v string) error { set[name] = &v; return nil })
	}
	pos, err := env.parseArgs(fs, args)
	if err != nil {
		return err
	}
	if err := env.required("db", *db); err != nil {
		return err
	}
	switch sub {
	case "import":
		return env.importSettings(fs, *db, pos)
	case "export":
		if err := env.onlyFlags(fs, sub, "out"); err != nil {
			return err
		}
		if err := env.noFile(pos); err != nil {
			return err
		}
		return env.exportFile(*db, *out, (*desk.Session).ExportSettings)
	}
	if err := env.noFile(pos); err != nil {
		return err
	}
	if *out != "" {
		return &usageError{msg: i18n.T(env.Lang, "admin.cli.flag_not_for", "flag", "--out", "verb", sub)}
	}
	if sub == "show" {
		ss, err := desk.OpenRead(*db)
		if err != nil {
			return err
		}
		defer ss.Close()
		s := ss.Book.Settings
		s.Company.Logo = nil
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	}
	err = env.withWrite(*db, func(ss *desk.Session) error {
		s := ss.Book.Settings
		str := func(name string, dst *string) {
			if v, ok := set[name]; ok {
				*dst = strings.TrimSpace(*v)
			}
		}
		str("company", &s.Company.Name)
		str("legal-form", &s.Company.LegalForm)
		str("siren", &s.Company.SIREN)
		s.Company.SIREN = strings.ReplaceAll(s.Company.SIREN, " ", "")
		str("rcs", &s.Company.RCSCity)
		str("vat", &s.Company.VATNumber)
		str("phone", &s.Company.Phone)
		str("email", &s.Company.Email)
		str("iban", &s.Company.IBAN)
		str("bic", &s.Company.BIC)
		str("signatory", &s.Signatory.Name)
		str("signatory-title", &s.Signatory.Title)
		str("signatory-phone", &s.Signatory.Phone)
		str("signatory-email", &s.Signatory.Email)
		if v, ok := set["address"]; ok {
			a := ledger.ParseAddressLine(*v)
			a.Country = s.Company.Address.Country
			s.Company.Address = a
		}
		if v, ok := set["terms"]; ok {
			t, err := ledger.ParseTerms(*v)
			if err != nil {
				return err
			}
			s.Terms = t
		}
		return ss.SaveSettings(s) // checked there, as the window's form is
	})
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "cli.settings.saved", "file", *db))
	return err
}

// importSettings records the settings of the one file pos names, all or none.
func (env *Env) importSettings(fs *flag.FlagSet, db string, pos []string) error {
	if err := env.onlyFlags(fs, "import"); err != nil {
		return err
	}
	file, err := env.oneFile(pos)
	if err != nil {
		return err
	}
	data, err := readImport(file)
	if err != nil {
		return err
	}
	if err := env.withWrite(db, func(ss *desk.Session) error { return ss.ImportSettings(file, data) }); err != nil {
		return err
	}
	_, err = fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "admin.cli.settings_imported", "file", file))
	return err
}
