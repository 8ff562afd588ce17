package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/credit"
	"relance/ledger/earned"
	"relance/letters"
	"relance/letters/dashpdf"
	"relance/letters/pdfdoc"
)

// kpiJSON is the JSON form of `relance kpi`: every figure with its value as a decimal
// string, its unit, its method (key and text in the user's language) and its inputs.
type kpiJSON struct {
	AsOf     string            `json:"as_of"`
	Currency string            `json:"currency"`
	Days     int               `json:"days"` // period of the accounting DSO
	KPIs     []figureJSON      `json:"kpis"`
	History  []kpiHistoryJSON  `json:"history,omitempty"`
	Position map[string]string `json:"position"`
}

type figureJSON struct {
	Key       string      `json:"key"`
	Name      string      `json:"name"`
	Value     string      `json:"value,omitempty"` // left out when not defined
	Unit      string      `json:"unit"`
	Defined   bool        `json:"defined"`
	AtLeast   bool        `json:"at_least,omitempty"`
	MethodKey string      `json:"method_key"`
	Method    string      `json:"method"`
	Inputs    []inputJSON `json:"inputs"`
}

type inputJSON struct {
	Name  string `json:"name"`
	Label string `json:"label"`
	Value string `json:"value"`
	Unit  string `json:"unit"`
	From  string `json:"from,omitempty"`
	To    string `json:"to,omitempty"`
}

// kpiHistoryJSON is one month end of --history: the position, the month's sales and the
// value of every KPI defined at that date (an undefined one is left out).
type kpiHistoryJSON struct {
	AsOf        string            `json:"as_of"`
	Receivables string            `json:"receivables"`
	Overdue     string            `json:"overdue"`
	Over90      string            `json:"over_90"`
	MonthSales  string            `json:"month_sales"`
	KPIs        map[string]string `json:"kpis"`
}

// figureValue formats a figure's value: counts as integers, the rest with 2 decimals.
func figureValue(f *credit.Figure) string {
	if !f.Defined {
		return ""
	}
	if f.Unit == credit.UnitCount {
		return f.Value.String()
	}
	return f.Value.StringFixed(2)
}

func toFigureJSON(l string, f *credit.Figure) figureJSON {
	out := figureJSON{Key: f.Key, Name: i18n.T(l, f.Key), Value: figureValue(f), Unit: f.Unit, Defined: f.Defined,
		AtLeast: f.AtLeast, MethodKey: f.Method, Method: i18n.T(l, f.Method, f.MethodArgs...), Inputs: []inputJSON{}}
	for _, in := range f.Inputs {
		v := in.Value.StringFixed(2)
		if in.Unit == credit.UnitCount || in.Unit == credit.UnitDays {
			v = in.Value.String()
		}
		out.Inputs = append(out.Inputs, inputJSON{Name: in.Name, Label: i18n.T(l, "kpi.input."+in.Name), Value: v,
			Unit: in.Unit, From: in.From.String(), To: in.To.String()})
	}
	return out
}

// unitText is a figure's unit as the table shows it: days in the user's language, the
// currency code and "%" as they are, nothing for a count.
func unitText(l, unit string) string {
	switch unit {
	case credit.UnitDays:
		return i18n.T(l, "credit.unit.days")
	case credit.UnitCount:
		return ""
	}
	return unit
}

func runKPI(env *Env, args []string) error {
	fs := env.flags("kpi")
	rf := env.reportFlags(fs, "table", "json", "pdf")
	format := rf.format
	outPath := fs.String("out", "", "output file (required for pdf)")
	days := fs.Int("days", 90, "period of the accounting DSO, in days")
	history := fs.Bool("history", false, "add the 24 month ends up to the date")
	rate := fs.String("rate", "", "pdf: the firm's annual financing rate in percent, to value the DSO gained by collection")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if *format == "pdf" && *outPath == "" {
		return &usageError{msg: i18n.T(env.Lang, "credit.cli.needout")}
	}
	if *days < 1 || *days > 3660 {
		return &usageError{msg: i18n.T(env.Lang, "cli.badformat", "value", strconv.Itoa(*days), "allowed", "1-3660")}
	}
	months := 1
	if *history || *format == "pdf" {
		months = 24
	}
	rf.reach = &desk.Reach{KPIMonths: months, KPIDays: *days}
	asOf, ss, err := env.openReport(rf)
	if err != nil {
		return err
	}
	defer ss.Close()
	book := ss.Book
	dash, err := ss.Dashboard(asOf, months, *days)
	if err != nil {
		return err
	}
	hist, now := dash.History, dash.Snapshot
	l := env.Lang
	if *format == "pdf" {
		r, err := earned.ParseRate(*rate)
		if err != nil {
			return err
		}
		rep, err := ss.ManagementReport(dash, r)
		if err != nil {
			return err
		}
		return writeDashboardPDF(env, *outPath, book, rep)
	}
	if *format == "json" {
		p := &now.Position
		doc := kpiJSON{AsOf: asOf.String(), Currency: book.Settings.Currency, Days: *days, KPIs: []figureJSON{},
			Position: map[string]string{"receivables": p.Receivables.String(), "not_due": p.NotDue.String(),
				"overdue": p.Overdue.String(), "over_90": p.Over90.String(), "credits": p.Credits.String(),
				"disputed": p.Disputed.String(), "doubtful": p.Doubtful.String(), "month_sales": now.MonthSales.String()}}
		for i := range now.KPIs {
			doc.KPIs = append(doc.KPIs, toFigureJSON(l, &now.KPIs[i]))
		}
		if *history {
			for _, s := range hist {
				h := kpiHistoryJSON{AsOf: s.AsOf.String(), Receivables: s.Position.Receivables.String(),
					Overdue: s.Position.Overdue.String(), Over90: s.Position.Over90.String(),
					MonthSales: s.MonthSales.String(), KPIs: map[string]string{}}
				for i := range s.KPIs {
					if v := figureValue(&s.KPIs[i]); v != "" {
						h.KPIs[s.KPIs[i].Key] = v
					}
				}
				doc.History = append(doc.History, h)
			}
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(doc)
	}
	tab := newTable(i18n.T(l, "credit.col.kpi"), i18n.T(l, "credit.col.value"), "").alignRight(1)
	for i := range now.KPIs {
		f := &now.KPIs[i]
		v := figureValue(f)
		if v == "" {
			v = "—"
		} else if f.AtLeast {
			v = "≥ " + v
		}
		tab.add(i18n.T(l, f.Key), v, unitText(l, f.Unit))
	}
	if err := tab.write(env.Stdout); err != nil {
		return err
	}
	if !*history {
		return nil
	}
	keys := []string{credit.KeyDSOAccounting, credit.KeyDSOCountBack, credit.KeyOverdueRate, credit.KeyOver90}
	head := []string{i18n.T(l, "credit.col.date"), i18n.T(l, credit.KeyReceivables), i18n.T(l, "credit.col.sales")}
	for _, k := range keys {
		head = append(head, i18n.T(l, k))
	}
	ht := newTable(head...)
	for i := 1; i < len(head); i++ {
		ht.alignRight(i)
	}
	for _, s := range hist {
		row := []string{s.AsOf.String(), s.Position.Receivables.String(), s.MonthSales.String()}
		for _, k := range keys {
			v := figureValue(s.KPI(k))
			if v == "" {
				v = "—"
			}
			row = append(row, v)
		}
		ht.add(row...)
	}
	if _, err := env.Stdout.Write([]byte("\n")); err != nil {
		return err
	}
	return ht.write(env.Stdout)
}

// writeDashboardPDF writes the credit dashboard report.
func writeDashboardPDF(env *Env, path string, book *ledger.Book, r dashpdf.Report) error {
	f := pdfdoc.NewFactory()
	defer f.Warn(env.Stderr, env.Lang) // characters replaced in the PDF
	err := letters.WriteFile(path, func(w io.Writer) error {
		return dashpdf.Render(w, book.Settings, r, dashpdf.Options{Lang: env.Lang, Factory: f})
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stderr, i18n.T(env.Lang, "credit.cli.written", "file", path))
	return nil
}
