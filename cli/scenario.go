package cli

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger/dunning"
)

// runScenario is `relance scenario list|show|set|reset|export|import`: the reminder
// scenario of each risk class (its steps: day from the due date, channel, letter
// template), one class's, a class's steps replaced (desk.SetScenarioSteps: each
// DAY:CHANNEL[:STAGE], checked as the window's editor checks them), the shipped
// scenario put back, and the scenarios written to or read from a JSON file.
func runScenario(env *Env, args []string) error {
	v, args := verb(args, "list", "show", "set", "reset", "export", "import")
	fs := env.flags("scenario " + v)
	db := fs.String("db", "", "dossier file")
	format := fs.String("format", "table", "list, show: table or json")
	class := fs.String("class", "", "show, set, reset: the risk class (A, B, C, D…)")
	out := fs.String("out", "", "export: the JSON file to write (default: standard output)")
	var steps []string
	fs.Func("step", `set: DAY:CHANNEL[:STAGE], repeatable, in order ("7:letter:r1", "-5:call", "35:notice:med")`,
		func(s string) error { steps = append(steps, s); return nil })
	pos, err := env.parseArgs(fs, args)
	if err != nil {
		return err
	}
	if err := env.required("db", *db); err != nil {
		return err
	}
	allowed := map[string][]string{"list": {"format"}, "show": {"format", "class"}, "set": {"class", "step"},
		"reset": {"class"}, "export": {"out"}}[v]
	if err := env.onlyFlags(fs, v, allowed...); err != nil {
		return err
	}
	l := env.Lang
	if v == "import" {
		file, err := env.oneFile(pos)
		if err != nil {
			return err
		}
		data, err := readImport(file)
		if err != nil {
			return err
		}
		var n desk.ImportCount
		if err := env.withWrite(*db, func(ss *desk.Session) error {
			var err error
			n, err = ss.ImportScenarios(file, data)
			return err
		}); err != nil {
			return err
		}
		_, err = fmt.Fprintln(env.Stdout, i18n.T(l, "admin.cli.scenario_imported", "file", file,
			"changed", strconv.Itoa(n.Changed), "same", strconv.Itoa(n.Same)))
		return err
	}
	if err := env.noFile(pos); err != nil {
		return err
	}
	switch v {
	case "list":
		if err := env.format(*format, "table", "json"); err != nil {
			return err
		}
		return env.showScenarios(*db, "", *format)
	case "export":
		return env.exportFile(*db, *out, (*desk.Session).ExportScenarios)
	}
	if err := env.required("class", *class); err != nil {
		return err
	}
	c := strings.ToUpper(strings.TrimSpace(*class))
	switch v {
	case "show":
		if err := env.format(*format, "table", "json"); err != nil {
			return err
		}
		return env.showScenarios(*db, c, *format)
	case "reset":
		if err := env.withWrite(*db, func(ss *desk.Session) error { return ss.ResetScenario(c) }); err != nil {
			return err
		}
		_, err = fmt.Fprintln(env.Stdout, i18n.T(l, "admin.cli.scenario_reset", "class", c))
		return err
	}
	if len(steps) == 0 {
		return &usageError{msg: i18n.T(l, "cli.required", "flag", "--step")}
	}
	var sc dunning.Scenario
	var currency string
	if err := env.withWrite(*db, func(ss *desk.Session) error {
		var err error
		sc, err = ss.SetScenarioSteps(c, steps)
		currency = ss.Book.Settings.Currency
		return err
	}); err != nil {
		return err
	}
	if _, err := fmt.Fprintln(env.Stdout, i18n.T(l, "admin.cli.scenario_saved", "class", sc.Class, "steps", strconv.Itoa(len(sc.Steps)))); err != nil {
		return err
	}
	return env.scenarioTable(sc, currency)
}

// showScenarios prints the scenario of class, or of every class when class is "":
// for each, whether it is the shipped one, then its steps; or the JSON of the export
// (one scenario's object for a class).
func (env *Env) showScenarios(db, class, format string) error {
	ss, err := desk.OpenRead(db)
	if err != nil {
		return err
	}
	defer ss.Close()
	var doc desk.ScenariosFile
	if class == "" {
		doc, err = ss.ScenariosDoc()
	} else {
		var sc dunning.Scenario
		sc, err = ss.Scenario(class)
		doc.Scenarios = []dunning.Scenario{sc}
	}
	if err != nil {
		return err
	}
	if format == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if class != "" {
			return enc.Encode(doc.Scenarios[0])
		}
		return enc.Encode(doc)
	}
	for i, sc := range doc.Scenarios {
		if i > 0 {
			if _, err := fmt.Fprintln(env.Stdout); err != nil {
				return err
			}
		}
		if err := env.scenarioTable(sc, ss.Book.Settings.Currency); err != nil {
			return err
		}
	}
	return nil
}

// scenarioTable prints a scenario's heading (shipped or the dossier's own) and its
// steps, the minimum amounts in currency.
func (env *Env) scenarioTable(sc dunning.Scenario, currency string) error {
	l := env.Lang
	state := i18n.T(l, "admin.cli.scenario_own")
	if desk.IsShipped(sc) {
		state = i18n.T(l, "admin.cli.scenario_shipped")
	}
	if _, err := fmt.Fprintln(env.Stdout, i18n.T(l, "admin.cli.scenario_head", "class", sc.Class, "state", state)); err != nil {
		return err
	}
	tab := newTable(i18n.T(l, "admin.cli.col.step"), i18n.T(l, "admin.cli.col.day"), i18n.T(l, "admin.cli.col.channel"),
		i18n.T(l, "admin.cli.col.stage"), i18n.T(l, "admin.cli.col.code"), i18n.T(l, "admin.cli.col.min"),
		i18n.T(l, "admin.cli.col.manual")).alignRight(0, 1, 5)
	for i, st := range sc.Steps {
		tmpl := ""
		if st.Template != "" {
			tmpl = st.Template + " (" + dunning.StageName(l, st.Template) + ")"
		}
		minimum, manual := "", ""
		if st.MinAmount > 0 {
			minimum = st.MinAmount.Format(l, currency)
		}
		if st.Manual {
			manual = i18n.T(l, "admin.cli.yes")
		}
		tab.add(strconv.Itoa(i+1), fmt.Sprintf("%+d", st.Offset), string(st.Channel)+" ("+i18n.T(l, "dunning.channel."+string(st.Channel))+")",
			tmpl, st.Code, minimum, manual)
	}
	return tab.write(env.Stdout)
}
