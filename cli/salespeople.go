package cli

import (
	"fmt"
	"strconv"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
)

// runSalespeople is `relance salespeople list|add|set|remove|export|import`: the
// salespeople directory as a table or JSON, a salesperson added, changed or removed
// (refused while customers or disputes in progress name them), and the directory
// written to or read from a JSON file (desk.ExportSalespeople, ImportSalespeople).
func runSalespeople(env *Env, args []string) error {
	v, args := verb(args, "list", "add", "set", "remove", "export", "import")
	fs := env.flags("salespeople " + v)
	db := fs.String("db", "", "dossier file")
	format := fs.String("format", "table", "list: table or json")
	id := fs.String("id", "", "add, set, remove: the salesperson's ID (upper-cased)")
	out := fs.String("out", "", "export: the JSON file to write (default: standard output)")
	var ch desk.SalespersonChange
	for _, f := range []struct {
		name, usage string
		dst         **string
	}{{"name", "add, set: first name and name", &ch.Name}, {"email", "add, set: e-mail address", &ch.Email},
		{"phone", "add, set: phone", &ch.Phone}} {
		fs.Func(f.name, f.usage, func(s string) error { *f.dst = &s; return nil })
	}
	pos, err := env.parseArgs(fs, args)
	if err != nil {
		return err
	}
	if err := env.required("db", *db); err != nil {
		return err
	}
	allowed := map[string][]string{"list": {"format"}, "add": {"id", "name", "email", "phone"},
		"set": {"id", "name", "email", "phone"}, "remove": {"id"}, "export": {"out"}, "import": nil}[v]
	if err := env.onlyFlags(fs, v, allowed...); err != nil {
		return err
	}
	if v == "import" {
		return env.importSalespeople(*db, pos)
	}
	if err := env.noFile(pos); err != nil {
		return err
	}
	l := env.Lang
	switch v {
	case "list":
		if err := env.format(*format, "table", "json"); err != nil {
			return err
		}
		return env.listSalespeople(*db, *format)
	case "export":
		return env.exportFile(*db, *out, (*desk.Session).ExportSalespeople)
	}
	if err := env.required("id", *id); err != nil {
		return err
	}
	switch v {
	case "add":
		if err := env.required("name", deref(ch.Name)); err != nil {
			return err
		}
		sp := ledger.Salesperson{ID: *id, Name: deref(ch.Name), Email: deref(ch.Email), Phone: deref(ch.Phone)}.Normalize()
		if err := env.withWrite(*db, func(ss *desk.Session) error { return ss.AddSalesperson(sp) }); err != nil {
			return err
		}
		_, err = fmt.Fprintln(env.Stdout, i18n.T(l, "admin.cli.sp_added", "id", sp.ID, "name", sp.Name))
	case "set":
		if ch.Name == nil && ch.Email == nil && ch.Phone == nil {
			return &usageError{msg: i18n.T(l, "admin.cli.nothing")}
		}
		var sp *ledger.Salesperson
		if err := env.withWrite(*db, func(ss *desk.Session) error {
			var err error
			sp, err = ss.EditSalesperson(*id, ch)
			return err
		}); err != nil {
			return err
		}
		_, err = fmt.Fprintln(env.Stdout, i18n.T(l, "admin.cli.sp_saved", "id", sp.ID, "name", sp.Name))
	case "remove":
		if err := env.withWrite(*db, func(ss *desk.Session) error { return ss.RemoveSalesperson(*id) }); err != nil {
			return err
		}
		_, err = fmt.Fprintln(env.Stdout, i18n.T(l, "admin.cli.sp_removed", "id", ledger.Salesperson{ID: *id}.Normalize().ID))
	}
	return err
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// listSalespeople prints the directory: a table with, for each salesperson, how many
// customers and disputes in progress name them, or the JSON of an export.
func (env *Env) listSalespeople(db, format string) error {
	ss, err := desk.OpenRead(db)
	if err != nil {
		return err
	}
	defer ss.Close()
	if format == "json" {
		return ss.ExportSalespeople(env.Stdout)
	}
	l := env.Lang
	list := ss.Salespeople()
	if len(list) == 0 {
		_, err := fmt.Fprintln(env.Stdout, i18n.T(l, "admin.cli.sp_none"))
		return err
	}
	tab := newTable(i18n.T(l, "admin.cli.col.id"), i18n.T(l, "admin.cli.col.name"), i18n.T(l, "admin.cli.col.email"),
		i18n.T(l, "admin.cli.col.phone"), i18n.T(l, "admin.cli.col.customers"), i18n.T(l, "admin.cli.col.disputes")).alignRight(4, 5)
	for _, sp := range list {
		u := ss.SalespersonUse(sp.ID)
		tab.add(sp.ID, sp.Name, sp.Email, sp.Phone, strconv.Itoa(len(u.Customers)), strconv.Itoa(len(u.Disputes)))
	}
	return tab.write(env.Stdout)
}

// importSalespeople records the salespeople of the one file pos names, all or none.
func (env *Env) importSalespeople(db string, pos []string) error {
	file, err := env.oneFile(pos)
	if err != nil {
		return err
	}
	data, err := readImport(file)
	if err != nil {
		return err
	}
	var n desk.ImportCount
	if err := env.withWrite(db, func(ss *desk.Session) error {
		var err error
		n, err = ss.ImportSalespeople(file, data)
		return err
	}); err != nil {
		return err
	}
	_, err = fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "admin.cli.sp_imported", "file", file,
		"added", strconv.Itoa(n.Added), "changed", strconv.Itoa(n.Changed), "same", strconv.Itoa(n.Same)))
	return err
}
