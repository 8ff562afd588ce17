package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/importer/source"
	"relance/ledger/law"
)

// runRatesImport is `relance rates import --db F FILE`: the half-years a rates file
// brings recorded in the dossier, all or nothing (desk.Session.ImportRates), and the
// report printed — what was added, completed, replaced, skipped, and every refused
// line naming the file, line, field and value.
func runRatesImport(env *Env, db string, files []string, format string, replace bool) error {
	if err := env.format(format, "table", "json"); err != nil {
		return err
	}
	if len(files) != 1 {
		return &usageError{msg: i18n.T(env.Lang, "rates.cli.import.file")}
	}
	path := files[0]
	f, _, err := source.OpenRegular(path)
	if err != nil {
		return source.AsProblem(err, func(err error) *ledger.Problem {
			return &ledger.Problem{Key: "rates.err.import.open", Args: []string{"file", path}, Err: err}
		})
	}
	defer f.Close()
	var imp *law.RatesImport
	err = env.withWrite(db, func(ss *desk.Session) error {
		var err error
		imp, err = ss.ImportRates(path, f, replace, env.Today)
		return err
	})
	if imp == nil {
		return err
	}
	var perr error
	if format == "json" {
		perr = writeRatesImportJSON(env, imp, err == nil)
	} else {
		perr = writeRatesImport(env, imp, err == nil)
	}
	return errors.Join(err, perr)
}

// writeRatesImport prints the report of an import (law.RatesImport.Report);
// recorded says whether it was written.
func writeRatesImport(env *Env, imp *law.RatesImport, recorded bool) error {
	_, err := fmt.Fprintln(env.Stdout, strings.Join(imp.Report(env.Lang, recorded), "\n"))
	return err
}

// writeRatesImportJSON prints the report of an import as JSON.
func writeRatesImportJSON(env *Env, imp *law.RatesImport, recorded bool) error {
	type problem struct {
		Line    int    `json:"line"`
		Message string `json:"message"`
	}
	strs := func(hs []law.Half) []string {
		out := []string{}
		for _, h := range hs {
			out = append(out, h.String())
		}
		return out
	}
	out := struct {
		File      string    `json:"file"`
		Kind      string    `json:"kind"`
		Rows      int       `json:"rows"`
		Recorded  bool      `json:"recorded"`
		Added     []string  `json:"added"`
		Completed []string  `json:"completed"`
		Replaced  []string  `json:"replaced"`
		Unchanged []string  `json:"unchanged"`
		Skipped   int       `json:"skipped"`
		Ignored   int       `json:"ignored"`
		Problems  []problem `json:"problems"`
	}{imp.File, string(imp.Kind), imp.Rows, recorded && len(imp.Records) > 0, strs(imp.Added), strs(imp.Completed),
		strs(imp.Replaced), strs(imp.Unchanged), imp.Skipped, imp.Ignored, []problem{}}
	for _, p := range imp.Problems {
		out.Problems = append(out.Problems, problem{p.Line, p.Problem.Localize(env.Lang)})
	}
	enc := json.NewEncoder(env.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
