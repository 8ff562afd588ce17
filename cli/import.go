package cli

import (
	"context"
	"strconv"
	"strings"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/importer"
)

// runImport imports FEC and CSV/XLSX files into a dossier, all in one transaction,
// and prints each file's report. A fatal finding in any file aborts the whole import
// (nothing is written) and names its file, line and field.
func runImport(env *Env, args []string) (err error) {
	fs := env.flags("import")
	dbPath := fs.String("db", "", "dossier file")
	terms := fs.String("terms", "", "payment terms in days given to new customers (default: the dossier's)")
	mapping := fs.String("mapping", "", "column mapping preset for CSV/XLSX files (generic, excel-fr or a saved one)")
	if err := env.parse(fs, args, true); err != nil {
		return err
	}
	if err := env.required("db", *dbPath); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return &usageError{msg: i18n.T(env.Lang, "import.cli.nosource")}
	}
	opts := importer.Options{Today: env.Today}
	if *terms != "" {
		n, err := strconv.Atoi(strings.TrimSpace(*terms))
		if err != nil || n < 0 || n > 365 {
			return &usageError{msg: i18n.T(env.Lang, "import.cli.badterms", "flag", "--terms", "value", *terms)}
		}
		opts.Terms = &ledger.Terms{Days: n}
	}
	ss, err := desk.OpenWrite(*dbPath)
	if err != nil {
		return err
	}
	defer env.closeWrite(ss, &err)
	settings := ss.Book.Settings
	if *mapping != "" {
		m, err := ss.ImportPreset(*mapping)
		if err != nil {
			return err
		}
		opts.Mapping = m
	}
	reports, err := ss.Import(context.Background(), fs.Args(), opts)
	for _, r := range reports {
		if r == nil {
			continue
		}
		if rerr := r.Render(env.Stdout, env.Lang, settings.Currency); rerr != nil {
			return rerr
		}
	}
	return err
}
