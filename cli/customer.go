package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
)

// runCustomer is `relance customer show|set|add`: a customer's record, shown as a
// table or JSON, changed field by field, or created before its first invoice
// (desk.EditCustomer and desk.AddCustomer check each field).
func runCustomer(env *Env, args []string) error {
	sub := "show"
	if len(args) > 0 && (args[0] == "show" || args[0] == "set" || args[0] == "add") {
		sub, args = args[0], args[1:]
	}
	fs := env.flags("customer " + sub)
	db := fs.String("db", "", "dossier file")
	id := fs.String("customer", "", "customer ID")
	format := fs.String("format", "table", "show: table or json")
	at := fs.String("at", "", "date of the change recorded in the history (default today)")
	by := fs.String("by", "", "who makes the change (default the signatory)")
	var ch desk.CustomerChange
	fields := []struct {
		name, usage string
		dst         **string
	}{
		{"name", "raison sociale or name", &ch.Name},
		{"kind", "business, consumer or public", &ch.Kind},
		{"lang", "language of the letters: fr or en", &ch.Lang},
		{"siren", "SIREN (or SIRET)", &ch.SIREN},
		{"siret", "SIRET of the establishment invoiced", &ch.SIRET},
		{"vat", "VAT number", &ch.VATNumber},
		{"iban", "IBAN", &ch.IBAN},
		{"address", `postal address on one line: "12 rue des Lilas, 69003 Lyon"`, &ch.Address},
		{"country", "country code (ISO 3166-1), empty for France", &ch.Country},
		{"contact", "first contact's name", &ch.Contact},
		{"role", "first contact's role", &ch.Role},
		{"email", "first contact's e-mail", &ch.Email},
		{"phone", "first contact's phone", &ch.Phone},
		{"terms", `payment terms: 30, 45fdm, fdm+45 ("" for the dossier's)`, &ch.Terms},
		{"limit", "credit limit (0 for none)", &ch.CreditLimit},
		{"salesperson", "salesperson ID (\"\" for none)", &ch.Salesperson},
		{"status", "collection status: normal, agency, legal or written_off", &ch.Status},
		{"no-reminder-until", `no reminder up to this date (DD/MM/YYYY, "" for none)`, &ch.NoReminderUntil},
		{"notes", "notes", &ch.Notes},
		{"civility", `a consumer's civility, for the letters' salutation: mme, m ("" when unknown)`, &ch.Civility},
		{"law", `law governing the contracts: country code (GB for English law), "" or FR for French law`, &ch.Law},
	}
	for _, f := range fields {
		fs.Func(f.name, f.usage, func(v string) error { *f.dst = &v; return nil })
	}
	var addLines, removeNums []string
	fs.Func("add-contact", `another contact: "NAME;ROLE;E-MAIL;PHONE" (repeatable)`, func(v string) error { addLines = append(addLines, v); return nil })
	fs.Func("remove-contact", "remove contact number N (1 is the first; repeatable)", func(v string) error { removeNums = append(removeNums, v); return nil })
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("db", *db, "customer", *id); err != nil {
		return err
	}
	if sub == "show" {
		if n := countSet(fs); n > 3 || (n == 3 && !isSet(fs, "format")) {
			return &usageError{msg: i18n.T(env.Lang, "cli.extra", "value", "set")}
		}
		return showCustomer(env, *db, *id, *format)
	}
	date, err := env.date("at", *at, env.Today)
	if err != nil {
		return err
	}
	var addContacts []ledger.Contact
	for _, v := range addLines {
		c, ok := ledger.ParseContactLine(v)
		if !ok || c == (ledger.Contact{}) {
			return &ledger.Problem{Key: "cust.err.contact", Args: []string{"value", v}}
		}
		addContacts = append(addContacts, c)
	}
	var removeContacts []int
	for _, v := range removeNums {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return &ledger.Problem{Key: "cust.err.contact_index", Args: []string{"value", v}}
		}
		removeContacts = append(removeContacts, n)
	}
	msg := "cust.cli.saved"
	err = env.withWrite(*db, func(ss *desk.Session) error {
		if sub == "add" {
			msg = "cust.cli.added"
			if len(addContacts) > 0 {
				ch.Contacts = &addContacts
			}
			_, err := ss.AddCustomer(*id, ch, date, *by)
			return err
		}
		if len(addContacts) > 0 || len(removeContacts) > 0 {
			acc, err := account(ss.Book, *id)
			if err != nil {
				return err
			}
			list, err := editContacts(acc.Customer.Contacts, removeContacts, addContacts)
			if err != nil {
				return err
			}
			ch.Contacts = &list
		}
		_, err := ss.EditCustomer(*id, ch, date, *by)
		return err
	})
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(env.Stdout, i18n.T(env.Lang, msg, "id", *id))
	return err
}

// editContacts removes the contacts numbered remove (1-based, in the current list),
// then appends add.
func editContacts(cur []ledger.Contact, remove []int, add []ledger.Contact) ([]ledger.Contact, error) {
	drop := map[int]bool{}
	for _, n := range remove {
		if n > len(cur) {
			return nil, &ledger.Problem{Key: "cust.err.contact_index", Args: []string{"value", strconv.Itoa(n)}}
		}
		drop[n-1] = true
	}
	var out []ledger.Contact
	for i, c := range cur {
		if !drop[i] {
			out = append(out, c)
		}
	}
	return append(out, add...), nil
}

// showCustomer prints customer id's record: field by field, or as JSON.
func showCustomer(env *Env, db, id, format string) error {
	ss, err := desk.OpenReadCustomer(db, id) // its record, not the whole dossier
	if err != nil {
		return err
	}
	defer ss.Close()
	acc, err := account(ss.Book, id)
	if err != nil {
		return err
	}
	c := acc.Customer
	switch format {
	case "json":
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(c)
	case "table":
	default:
		return &usageError{msg: i18n.T(env.Lang, "cli.badformat", "value", format, "allowed", "table, json")}
	}
	T := func(k string, a ...string) string { return i18n.T(env.Lang, k, a...) }
	t := newTable(T("cust.show.field"), T("cust.show.value"))
	add := func(key, v string) {
		if v != "" {
			label := []rune(T(key)) // the field names are written for sentences: "nom"
			t.add(strings.ToUpper(string(label[:1]))+string(label[1:]), v)
		}
	}
	add("cust.show.id", c.ID)
	add("cust.field.name", c.Name)
	add("cust.field.kind", T("ui.kind."+c.Kind.String()))
	add("cust.field.civility", desk.CivilityText(env.Lang, c.Civility))
	add("cust.field.lang", c.Language())
	add("cust.field.siren", c.SIREN)
	add("cust.field.siret", c.SIRET)
	add("cust.field.vat", c.VATNumber)
	add("cust.field.iban", c.IBAN)
	add("cust.field.address", c.Address.OneLine())
	add("cust.field.country", c.Address.Country)
	add("cust.field.law", desk.LawText(env.Lang, c.Law))
	for i, ct := range c.Contacts {
		var parts []string
		for _, p := range []string{ct.Name, ct.Role, ct.Email, ct.Phone} {
			if p != "" {
				parts = append(parts, p)
			}
		}
		t.add(T("cust.show.contact", "n", strconv.Itoa(i+1)), strings.Join(parts, " · "))
	}
	if c.Terms != nil {
		add("cust.field.terms", c.Terms.String())
	}
	if c.CreditLimit > 0 {
		add("cust.field.limit", c.CreditLimit.Format(env.Lang, ss.Book.Settings.Currency))
	}
	add("cust.field.salesperson", c.Salesperson)
	if c.Status != "" {
		add("cust.field.status", T("ui.cstatus."+string(c.Status)))
	}
	if c.NoReminderUntil.Valid() {
		d := c.NoReminderUntil.String()
		if env.Lang == "fr" {
			d = c.NoReminderUntil.French()
		}
		add("cust.field.no_reminder_until", d)
	}
	add("cust.field.notes", c.Notes)
	return t.write(env.Stdout)
}

// isSet reports whether flag name was given.
func isSet(fs *flag.FlagSet, name string) bool {
	found := false
	fs.Visit(func(f *flag.Flag) { found = found || f.Name == name })
	return found
}

// countSet counts the flags given on the command line.
func countSet(fs *flag.FlagSet) int {
	n := 0
	fs.Visit(func(*flag.Flag) { n++ })
	return n
}
