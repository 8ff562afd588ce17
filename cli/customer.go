package cli

import (
	"encoding/json"
	"flag"
	"fmt"

	"relance/assets/i18n"
	"relance/desk"
)

// runCustomer is `relance customer show|set`: a customer's record, shown as JSON or
// changed field by field (desk.EditCustomer checks each one).
func runCustomer(env *Env, args []string) error {
	sub := "show"
	if len(args) > 0 && (args[0] == "show" || args[0] == "set") {
		sub, args = args[0], args[1:]
	}
	fs := env.flags("customer " + sub)
	db := fs.String("db", "", "dossier file")
	id := fs.String("customer", "", "customer ID")
	var ch desk.CustomerChange
	fields := []struct {
		name, usage string
		dst         **string
	}{
		{"name", "raison sociale or name", &ch.Name},
		{"kind", "business, consumer or public", &ch.Kind},
		{"lang", "language of the letters: fr or en", &ch.Lang},
		{"siren", "SIREN (or SIRET)", &ch.SIREN},
		{"vat", "VAT number", &ch.VATNumber},
		{"address", `postal address on one line: "12 rue des Lilas, 69003 Lyon"`, &ch.Address},
		{"country", "country code (ISO 3166-1), empty for France", &ch.Country},
		{"contact", "contact's name", &ch.Contact},
		{"email", "contact's e-mail", &ch.Email},
		{"phone", "contact's phone", &ch.Phone},
		{"terms", `payment terms: 30, 45fdm, fdm+45 ("" for the dossier's)`, &ch.Terms},
		{"limit", "credit limit (0 for none)", &ch.CreditLimit},
		{"salesperson", "salesperson ID (\"\" for none)", &ch.Salesperson},
		{"notes", "notes", &ch.Notes},
	}
	for _, f := range fields {
		fs.Func(f.name, f.usage, func(v string) error { *f.dst = &v; return nil })
	}
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("db", *db, "customer", *id); err != nil {
		return err
	}
	if sub == "show" {
		if n := countSet(fs); n > 2 {
			return &usageError{msg: i18n.T(env.Lang, "cli.extra", "value", "set")}
		}
		ss, err := desk.OpenRead(*db)
		if err != nil {
			return err
		}
		defer ss.Close()
		acc, err := account(ss.Book, *id)
		if err != nil {
			return err
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(acc.Customer)
	}
	if err := withWrite(*db, func(ss *desk.Session) error {
		_, err := ss.EditCustomer(*id, ch)
		return err
	}); err != nil {
		return err
	}
	_, err := fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "cust.cli.saved", "id", *id))
	return err
}

// countSet counts the flags given on the command line.
func countSet(fs *flag.FlagSet) int {
	n := 0
	fs.Visit(func(*flag.Flag) { n++ })
	return n
}
