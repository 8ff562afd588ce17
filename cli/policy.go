package cli

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/risk"
)

// policyKnob is a whole-number setting of the risk policy that `relance policy set`
// changes: its flag, its field in the policy's JSON (the name its refusals give) and
// its label in the window's editor.
type policyKnob struct {
	flag, field, label string
	v                  func(*risk.Policy) *int
}

// policyScale is a scale of the risk policy ("from:points, …"; from in euros when
// money).
type policyScale struct {
	flag, field, label string
	money              bool
	v                  func(*risk.Policy) *risk.Scale
}

// policyKnobs lists the policy's thresholds and weights, in the window's order.
func policyKnobs() []policyKnob {
	return []policyKnob{
		{"weight-outstanding", "outstanding.weight", "uirisk.pol.w_outstanding", func(p *risk.Policy) *int { return &p.Outstanding.Weight }},
		{"weight-risk-level", "risk_level.weight", "uirisk.pol.w_risk_level", func(p *risk.Policy) *int { return &p.RiskLevel.Weight }},
		{"weight-disputes", "disputes.weight", "uirisk.pol.w_disputes", func(p *risk.Policy) *int { return &p.Disputes.Weight }},
		{"weight-dependency", "dependency.weight", "uirisk.pol.w_dependency", func(p *risk.Policy) *int { return &p.Dependency.Weight }},
		{"trend-days", "risk_level.trend_days", "uirisk.pol.trend_days", func(p *risk.Policy) *int { return &p.RiskLevel.TrendDays }},
		{"trend-points", "risk_level.trend_points", "uirisk.pol.trend_points", func(p *risk.Policy) *int { return &p.RiskLevel.TrendPoints }},
		{"broken-points", "risk_level.broken_points", "uirisk.pol.broken_points", func(p *risk.Policy) *int { return &p.RiskLevel.BrokenPoints }},
		{"partial-share", "risk_level.partial_share", "uirisk.pol.partial_share", func(p *risk.Policy) *int { return &p.RiskLevel.PartialShare }},
		{"partial-points", "risk_level.partial_points", "uirisk.pol.partial_points", func(p *risk.Policy) *int { return &p.RiskLevel.PartialPoints }},
		{"doubtful-points", "risk_level.doubtful_points", "uirisk.pol.doubtful_points", func(p *risk.Policy) *int { return &p.RiskLevel.DoubtfulPoints }},
		{"signal-low", "risk_level.signal_points[0]", "uirisk.pol.signal_low", func(p *risk.Policy) *int { return &p.RiskLevel.SignalPoints[0] }},
		{"signal-medium", "risk_level.signal_points[1]", "uirisk.pol.signal_medium", func(p *risk.Policy) *int { return &p.RiskLevel.SignalPoints[1] }},
		{"signal-high", "risk_level.signal_points[2]", "uirisk.pol.signal_high", func(p *risk.Policy) *int { return &p.RiskLevel.SignalPoints[2] }},
		{"drift-days", "signals.drift_days", "uirisk.pol.drift_days", func(p *risk.Policy) *int { return &p.Signals.DriftDays }},
		{"drift-min", "signals.drift_min", "uirisk.pol.drift_min", func(p *risk.Policy) *int { return &p.Signals.DriftMin }},
		{"overdue-rise", "signals.overdue_rise", "uirisk.pol.overdue_rise", func(p *risk.Policy) *int { return &p.Signals.OverdueRise }},
		{"limit-tolerance", "signals.limit_tolerance", "uirisk.pol.limit_tolerance", func(p *risk.Policy) *int { return &p.Signals.LimitTolerance }},
		{"signal-partial-share", "signals.partial_share", "uirisk.pol.s_partial_share", func(p *risk.Policy) *int { return &p.Signals.PartialShare }},
		{"partial-min", "signals.partial_min", "uirisk.pol.partial_min", func(p *risk.Policy) *int { return &p.Signals.PartialMin }},
		{"broken-days", "signals.broken_days", "uirisk.pol.broken_days", func(p *risk.Policy) *int { return &p.Signals.BrokenDays }},
		{"bounce-days", "signals.bounce_days", "uirisk.pol.bounce_days", func(p *risk.Policy) *int { return &p.Signals.BounceDays }},
		{"dispute-days", "signals.dispute_days", "uirisk.pol.dispute_days", func(p *risk.Policy) *int { return &p.Signals.DisputeDays }},
		{"dispute-min", "signals.dispute_min", "uirisk.pol.dispute_min", func(p *risk.Policy) *int { return &p.Signals.DisputeMin }},
		{"term-days", "signals.term_days", "uirisk.pol.term_days", func(p *risk.Policy) *int { return &p.Signals.TermDays }},
		{"growth-pct", "signals.growth_pct", "uirisk.pol.growth_pct", func(p *risk.Policy) *int { return &p.Signals.GrowthPct }},
		{"sales-drop-pct", "signals.sales_drop_pct", "uirisk.pol.sales_drop_pct", func(p *risk.Policy) *int { return &p.Signals.SalesDropPct }},
		{"repropose-days", "signals.repropose_days", "uirisk.pol.repropose_days", func(p *risk.Policy) *int { return &p.Signals.ReproposeDays }},
	}
}

// policyScales lists the policy's scales, in the window's order.
func policyScales() []policyScale {
	return []policyScale{
		{"scale-amount", "outstanding.amount", "uirisk.pol.scale_amount", true, func(p *risk.Policy) *risk.Scale { return &p.Outstanding.Amount }},
		{"scale-limit", "outstanding.limit_usage", "uirisk.pol.scale_limit", false, func(p *risk.Policy) *risk.Scale { return &p.Outstanding.Limit }},
		{"scale-lateness", "risk_level.lateness", "uirisk.pol.scale_lateness", false, func(p *risk.Policy) *risk.Scale { return &p.RiskLevel.Lateness }},
		{"scale-dispute-count", "disputes.count", "uirisk.pol.scale_disp_count", false, func(p *risk.Policy) *risk.Scale { return &p.Disputes.Count }},
		{"scale-dispute-share", "disputes.share", "uirisk.pol.scale_disp_share", false, func(p *risk.Policy) *risk.Scale { return &p.Disputes.Share }},
		{"scale-dependency", "dependency.share", "uirisk.pol.scale_dependency", false, func(p *risk.Policy) *risk.Scale { return &p.Dependency.Share }},
	}
}

// policyProblem is the refusal of value for field, as the window's editor words it.
func policyProblem(field, value string) error {
	return &ledger.Problem{Key: "risk.err.policy", Args: []string{"field", field, "value", value}}
}

// runPolicy is `relance policy show|set|reset|export|import`: the dossier's risk
// policy as tables or JSON, its thresholds, weights, scales and class bounds changed
// (checked as a whole by risk.Policy.Validate, as the window's editor does), the shipped
// policy put back, and the policy written to or read from a JSON file.
func runPolicy(env *Env, args []string) error {
	v, args := verb(args, "show", "set", "reset", "export", "import")
	fs := env.flags("policy " + v)
	db := fs.String("db", "", "dossier file")
	format := fs.String("format", "table", "show: table or json")
	out := fs.String("out", "", "export: the JSON file to write (default: standard output)")
	ints := map[string]string{}
	scales := map[string]string{}
	var classes []string
	var setFlags []string
	for _, k := range policyKnobs() {
		fs.Func(k.flag, "set: "+k.field, func(s string) error { ints[k.flag] = s; return nil })
		setFlags = append(setFlags, k.flag)
	}
	for _, k := range policyScales() {
		fs.Func(k.flag, "set: "+k.field+`, "from:points, …"`, func(s string) error { scales[k.flag] = s; return nil })
		setFlags = append(setFlags, k.flag)
	}
	fs.Func("class", "set: CODE:MAX_SCORE[:MIN_DEPENDENCY[:DEPOSIT_PERCENT]], repeatable", func(s string) error { classes = append(classes, s); return nil })
	setFlags = append(setFlags, "class")
	pos, err := env.parseArgs(fs, args)
	if err != nil {
		return err
	}
	if err := env.required("db", *db); err != nil {
		return err
	}
	allowed := map[string][]string{"show": {"format"}, "set": setFlags, "export": {"out"}}[v]
	if err := env.onlyFlags(fs, v, allowed...); err != nil {
		return err
	}
	if v == "import" {
		file, err := env.oneFile(pos)
		if err != nil {
			return err
		}
		data, err := readImport(file)
		if err != nil {
			return err
		}
		if err := env.withWrite(*db, func(ss *desk.Session) error { return ss.ImportRiskPolicy(file, data) }); err != nil {
			return err
		}
		_, err = fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "admin.cli.policy_imported", "file", file))
		return err
	}
	if err := env.noFile(pos); err != nil {
		return err
	}
	switch v {
	case "show":
		if err := env.format(*format, "table", "json"); err != nil {
			return err
		}
		return env.showPolicy(*db, *format)
	case "export":
		return env.exportFile(*db, *out, (*desk.Session).ExportRiskPolicy)
	case "reset":
		if err := env.withWrite(*db, (*desk.Session).ResetRiskPolicy); err != nil {
			return err
		}
		_, err = fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "admin.cli.policy_reset"))
		return err
	}
	if len(ints)+len(scales)+len(classes) == 0 {
		return &usageError{msg: i18n.T(env.Lang, "admin.cli.nothing")}
	}
	err = env.withWrite(*db, func(ss *desk.Session) error {
		p, err := ss.RiskPolicy()
		if err != nil {
			return err
		}
		if err := setPolicy(&p, ints, scales, classes); err != nil {
			return err
		}
		return ss.SaveRiskPolicy(p)
	})
	if err != nil {
		return withFlag(err)
	}
	_, err = fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "admin.cli.policy_saved"))
	return err
}

// setPolicy applies the values given on the command line to p, refusing one that is
// not a whole number (a scale: "from:points, …") or an unknown class.
func setPolicy(p *risk.Policy, ints, scales map[string]string, classes []string) error {
	for _, k := range policyKnobs() {
		if s, ok := ints[k.flag]; ok {
			n, err := strconv.Atoi(strings.TrimSpace(s))
			if err != nil {
				return policyProblem(k.field, s)
			}
			*k.v(p) = n
		}
	}
	for _, k := range policyScales() {
		if s, ok := scales[k.flag]; ok {
			sc, ok := risk.ParseScale(s, k.money)
			if !ok {
				return policyProblem(k.field, s)
			}
			*k.v(p) = sc
		}
	}
	p.Classes = append([]risk.Class(nil), p.Classes...)
	for _, spec := range classes {
		parts := strings.Split(spec, ":")
		if len(parts) < 2 || len(parts) > 4 {
			return &ledger.Problem{Key: "admin.err.policy_class_spec", Args: []string{"field", "class", "value", spec}}
		}
		i := p.Rank(strings.ToUpper(strings.TrimSpace(parts[0])))
		if i < 0 {
			return &ledger.Problem{Key: "admin.err.policy_class", Args: []string{"field", "class", "value", parts[0], "allowed", strings.Join(p.Codes(), ", ")}}
		}
		f := "classes[" + strconv.Itoa(i) + "]"
		mx, err := strconv.Atoi(strings.TrimSpace(parts[1]))
		if err != nil {
			return policyProblem(f+".max_score", parts[1])
		}
		p.Classes[i].MaxScore = mx
		if len(parts) >= 3 && strings.TrimSpace(parts[2]) != "" {
			dep, err := strconv.Atoi(strings.TrimSpace(parts[2]))
			if err != nil {
				return policyProblem(f+".min_dependency", parts[2])
			}
			p.Classes[i].MinDependency = dep
		}
		if len(parts) == 4 {
			dp, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(parts[3]), "%")))
			if err != nil {
				return policyProblem(f+".deposit", parts[3])
			}
			p.Classes[i].Deposit = dp
		}
	}
	return nil
}

// withFlag names the command-line option of the policy field a refusal is about.
func withFlag(err error) error {
	var p *ledger.Problem
	if !errors.As(err, &p) || p.Key != "risk.err.policy" {
		return err
	}
	field := problemArg(p, "field")
	for _, k := range policyKnobs() {
		if k.field == field {
			return &ledger.Problem{Key: "admin.err.flag", Args: []string{"flag", k.flag}, Err: err}
		}
	}
	for _, k := range policyScales() {
		if !strings.HasPrefix(field, k.field) {
			continue
		}
		if v, e := strconv.ParseInt(problemArg(p, "value"), 10, 64); e == nil && k.money && strings.HasSuffix(field, ".from") {
			err = policyProblem(field, strconv.FormatInt(v/100, 10)) // in euros, as typed
		}
		return &ledger.Problem{Key: "admin.err.flag", Args: []string{"flag", k.flag}, Err: err}
	}
	if strings.HasPrefix(field, "classes[") {
		return &ledger.Problem{Key: "admin.err.flag", Args: []string{"flag", "class"}, Err: err}
	}
	return err
}

// problemArg is the value of p's argument name, "" when none.
func problemArg(p *ledger.Problem, name string) string {
	for i := 0; i+1 < len(p.Args); i += 2 {
		if p.Args[i] == name {
			return p.Args[i+1]
		}
	}
	return ""
}

// showPolicy prints the policy: its classes, then each setting with its option and
// value; or the JSON of an export.
func (env *Env) showPolicy(db, format string) error {
	ss, err := desk.OpenRead(db)
	if err != nil {
		return err
	}
	defer ss.Close()
	if format == "json" {
		return ss.ExportRiskPolicy(env.Stdout)
	}
	p, err := ss.RiskPolicy()
	if err != nil {
		return err
	}
	l := env.Lang
	if _, err := fmt.Fprintln(env.Stdout, i18n.T(l, "admin.cli.policy_classes")); err != nil {
		return err
	}
	tab := newTable(i18n.T(l, "admin.cli.col.class"), i18n.T(l, "admin.cli.col.name"), i18n.T(l, "admin.cli.col.max_score"),
		i18n.T(l, "admin.cli.col.min_dep"), i18n.T(l, "order.pol.deposit")).alignRight(2, 3, 4)
	for _, c := range p.Classes {
		tab.add(c.Code, c.Name(l), strconv.Itoa(c.MaxScore), strconv.Itoa(c.MinDependency), strconv.Itoa(c.Deposit)+" %")
	}
	if err := tab.write(env.Stdout); err != nil {
		return err
	}
	if _, err := fmt.Fprintln(env.Stdout, "\n"+i18n.T(l, "admin.cli.policy_values")); err != nil {
		return err
	}
	tab = newTable(i18n.T(l, "admin.cli.col.setting"), i18n.T(l, "admin.cli.col.flag"), i18n.T(l, "admin.cli.col.value"))
	for _, k := range policyScales() {
		tab.add(i18n.T(l, k.label), "--"+k.flag, k.v(&p).Text(k.money))
	}
	for _, k := range policyKnobs() {
		tab.add(i18n.T(l, k.label), "--"+k.flag, strconv.Itoa(*k.v(&p)))
	}
	return tab.write(env.Stdout)
}
