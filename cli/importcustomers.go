package cli

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/importer/custfile"
	"relance/ledger/importer/report"
	"relance/ledger/importer/tabular"
)

// mapFlags collects repeated --map FIELD=COLUMN flags.
type mapFlags []string

func (m *mapFlags) String() string { return strings.Join(*m, " ") }

func (m *mapFlags) Set(v string) error {
	*m = append(*m, v)
	return nil
}

// runImportCustomers imports a customer master file (CSV or XLSX) into a dossier: all
// or nothing, every problem listed with its line, column and value; the exit status is
// 1 when the file is refused.
func runImportCustomers(env *Env, args []string) error {
	fs := env.flags("import-customers")
	dbPath := fs.String("db", "", "dossier file")
	preset := fs.String("mapping", "", "column mapping (generic, excel-fr or a saved one)")
	var maps mapFlags
	fs.Var(&maps, "map", "FIELD=COLUMN: the column of a field (header text, $C letter or #3 number); repeatable")
	save := fs.String("save-mapping", "", "save the mapping used in the dossier under this name")
	sheet := fs.String("sheet", "", "XLSX sheet (default: the first)")
	dry := fs.Bool("dry-run", false, "check everything, write nothing")
	format := fs.String("format", "text", "text or json")
	if err := env.parse(fs, args, true); err != nil {
		return err
	}
	if err := env.required("db", *dbPath); err != nil {
		return err
	}
	if err := env.format(*format, "text", "json"); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return &usageError{msg: i18n.T(env.Lang, "custfile.cli.nosource")}
	}
	columns, err := env.parseMaps(maps)
	if err != nil {
		return err
	}
	open := desk.OpenWrite
	if *dry && *save == "" {
		open = desk.OpenRead
	}
	ss, err := open(*dbPath)
	if err != nil {
		return err
	}
	run := func() error {
		m := tabular.Presets()["generic"]
		if *preset != "" {
			p, err := ss.CustomerFilePreset(*preset)
			if err != nil {
				return err
			}
			m = *p
		}
		if len(columns) > 0 {
			cols := map[tabular.Field]string{}
			for f, c := range m.Columns {
				cols[f] = c
			}
			for f, c := range columns {
				cols[f] = c
			}
			m.Columns = cols
		}
		if *sheet != "" {
			m.Sheet = *sheet
		}
		sh, err := desk.ReadCustomerFile(fs.Arg(0), m)
		if err != nil {
			return err
		}
		res, err := ss.ImportCustomerFile(sh, desk.CustomerFileOptions{DryRun: *dry, At: env.Today})
		if err != nil {
			return err
		}
		if *format == "json" {
			err = res.RenderJSON(env.Stdout, env.Lang)
		} else {
			err = res.Render(env.Stdout, env.Lang)
		}
		if err != nil {
			return err
		}
		if *save != "" && !fatal(res) {
			m.Name, m.Builtin = *save, false
			if err := ss.SaveCustomerFilePreset(m); err != nil {
				return err
			}
			if *format == "text" {
				fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "custfile.cli.saved", "value", m.Name))
			}
		}
		if res.Refused {
			return &ledger.Problem{Key: "custfile.err.refused", Args: []string{"count", strconv.Itoa(len(res.Problems))}}
		}
		return nil
	}
	return errors.Join(run(), ss.Close())
}

// fatal reports whether the file was refused as a whole (no header, a mapped column
// missing), not for its rows: its mapping is then not worth saving.
func fatal(res *custfile.Result) bool {
	for _, is := range res.Problems {
		if is.Severity == report.Fatal {
			return true
		}
	}
	return false
}

// parseMaps reads --map FIELD=COLUMN flags into columns by field.
func (env *Env) parseMaps(maps []string) (map[tabular.Field]string, error) {
	out := map[tabular.Field]string{}
	for _, v := range maps {
		name, col, ok := strings.Cut(v, "=")
		f, known := custfile.ParseField(strings.TrimSpace(name))
		if !ok || !known || strings.TrimSpace(col) == "" {
			names := make([]string, 0, len(custfile.Fields()))
			for _, f := range custfile.Fields() {
				names = append(names, string(f))
			}
			return nil, &usageError{msg: i18n.T(env.Lang, "custfile.cli.badmap", "value", v, "allowed", strings.Join(names, ", "))}
		}
		out[f] = strings.TrimSpace(col)
	}
	return out, nil
}
