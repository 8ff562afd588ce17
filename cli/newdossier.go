package cli

import (
	"fmt"

	"relance/assets/i18n"
	"relance/desk"
)

// runNew is `relance new`: an empty dossier for a company, to import its ledger into.
func runNew(env *Env, args []string) error {
	fs := env.flags("new")
	db := fs.String("db", "", "dossier file to create (never overwritten)")
	company := fs.String("company", "", "the company's name")
	siren := fs.String("siren", "", "its SIREN (9 digits, checked)")
	lang := fs.String("lang", "", "default language of the letters: fr or en (default fr)")
	form := fs.String("legal-form", "", "legal form: SAS, SARL…")
	address := fs.String("address", "", `the company's address on one line: "3 place Bellecour, 69002 Lyon"`)
	signatory := fs.String("signatory", "", "who signs the letters")
	sigPhone := fs.String("signatory-phone", "", "the signatory's phone, printed in the letters")
	sigEmail := fs.String("signatory-email", "", "the signatory's e-mail, printed in the letters")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("db", *db, "company", *company); err != nil {
		return err
	}
	if err := desk.NewDossier(*db, desk.NewCompany{Name: *company, LegalForm: *form, SIREN: *siren, Address: *address, Signatory: *signatory,
		SignatoryPhone: *sigPhone, SignatoryEmail: *sigEmail, Lang: *lang}); err != nil {
		return err
	}
	_, err := fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "cli.new.created", "file", *db, "company", *company))
	return err
}
