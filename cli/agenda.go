package cli

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strings"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/dunning"
)

// agendaJSON is one action of `relance agenda --format json`.
type agendaJSON struct {
	Action   string   `json:"action"` // stage code (r1, call1, callback…)
	Channel  string   `json:"channel"`
	Customer string   `json:"customer"`
	Name     string   `json:"name"`
	Class    string   `json:"class"`
	Items    []string `json:"items"`
	Amount   string   `json:"amount"`
	Level    int      `json:"level"`
	Due      string   `json:"due"`
	Overdue  bool     `json:"overdue"`
	DaysLate int      `json:"days_late"`
	Priority int64    `json:"priority"`
	Rank     int      `json:"rank"`    // 1 = the most urgent of the day, as the window shows it
	Urgency  string   `json:"urgency"` // high, medium, low (dunning.Urgency)
	Manual   bool     `json:"manual,omitempty"`
	Assignee string   `json:"assignee,omitempty"`
	Template string   `json:"template,omitempty"`
	Why      []string `json:"why"`
}

// whyText renders reasons in lang, amounts in currency (dunning.Reason.Say).
func whyText(rs []dunning.Reason, lang, currency string) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Say(lang, currency)
	}
	return out
}

// runAgenda prints the day's reminder actions (`relance agenda`).
func runAgenda(env *Env, args []string) error {
	fs := env.flags("agenda")
	rf := env.reportFlags(fs, "table", "json", "csv")
	dry := fs.Bool("dry-run", false, "also explain why each other customer has nothing due")
	channel := fs.String("channel", "", "only this channel: letter, email, call, visit, notice, block, legal")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if *channel != "" && !dunning.Channel(*channel).Known() {
		return &usageError{msg: i18n.T(env.Lang, "dunning.cli.channel", "value", *channel)}
	}
	rf.reach = &desk.Reach{Risk: true}
	asOf, ss, err := env.openReport(rf)
	if err != nil {
		return err
	}
	defer ss.Close()
	book := ss.Book
	ag, err := ss.Agenda(asOf, *dry, nil)
	if err != nil {
		return err
	}
	legal := ag.Legal
	l := env.Lang
	rows := []agendaJSON{}
	for i, e := range ag.Entries {
		if *channel != "" && string(e.Channel) != *channel {
			continue
		}
		rows = append(rows, agendaJSON{Action: e.Stage, Channel: string(e.Channel), Customer: e.Customer, Name: e.Name,
			Class: e.Class, Items: orEmpty(e.Items), Amount: e.Amount.String(), Level: e.Level, Due: e.Due.String(),
			Overdue: e.Overdue(asOf), DaysLate: e.DaysLate, Priority: e.Priority,
			Rank: i + 1, Urgency: dunning.Urgency(i+1, len(ag.Entries)), Manual: e.Manual, Assignee: e.Assignee,
			Template: e.Template, Why: whyText(e.Why, l, book.Settings.Currency)})
	}
	switch rf.Format() {
	case "json":
		type skipped struct {
			Customer string   `json:"customer"`
			Name     string   `json:"name"`
			Why      []string `json:"why"`
		}
		out := struct {
			AsOf    string       `json:"as_of"`
			Actions []agendaJSON `json:"actions"`
			Skipped []skipped    `json:"skipped,omitempty"`
			Signals []string     `json:"signals,omitempty"`
			// Deadlines are the legal deadlines to watch: limitation within 3 months,
			// insolvency deadlines within 60 days.
			Deadlines []dunning.LegalDeadline `json:"deadlines"`
		}{AsOf: asOf.String(), Actions: rows, Deadlines: orEmpty(legal)}
		for _, s := range ag.Skipped {
			out.Skipped = append(out.Skipped, skipped{s.Customer, s.Name, whyText(s.Why, l, book.Settings.Currency)})
		}
		for _, s := range ag.Signals {
			out.Signals = append(out.Signals, s.Customer+" "+s.Ref+" "+i18n.T(l, "dunning.signal."+s.Kind))
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	case "csv":
		w := csv.NewWriter(env.Stdout)
		w.Write([]string{"action", "channel", "customer", "name", "class", "items", "amount", "level", "due", "days_late", "priority", "why"})
		for _, r := range rows {
			w.Write([]string{r.Action, r.Channel, r.Customer, r.Name, r.Class, strings.Join(r.Items, " "), r.Amount,
				fmt.Sprint(r.Level), r.Due, fmt.Sprint(r.DaysLate), fmt.Sprint(r.Priority), strings.Join(r.Why, "; ")})
		}
		w.Flush()
		return w.Error()
	}
	tab := newTable(i18n.T(l, "dunning.col.channel"), i18n.T(l, "dunning.col.action"), i18n.T(l, "dunning.col.customer"),
		i18n.T(l, "dunning.col.class"), i18n.T(l, "dunning.col.items"), i18n.T(l, "dunning.col.amount"),
		i18n.T(l, "dunning.col.due"), i18n.T(l, "dunning.col.late"), i18n.T(l, "dunning.col.priority")).alignRight(4, 5, 7, 8)
	for _, r := range rows {
		due := r.Due
		if d, err := ledger.ParseDate(r.Due); err == nil {
			due = dateText(l, d)
		}
		if r.Overdue {
			due += " !"
		}
		tab.add(i18n.T(l, "dunning.channel."+r.Channel), i18n.T(l, "dunning.stage."+r.Action), truncate(r.Customer+" "+r.Name, 36),
			r.Class, fmt.Sprint(len(r.Items)), r.Amount, due, fmt.Sprint(r.DaysLate),
			fmt.Sprint(r.Rank)+" – "+dunning.UrgencyName(l, r.Urgency))
	}
	if err := tab.write(env.Stdout); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, i18n.T(l, "dunning.cli.count", "count", fmt.Sprint(len(rows))))
	for _, s := range ag.Skipped {
		fmt.Fprintf(env.Stdout, "  %s %s: %s\n", s.Customer, truncate(s.Name, 30), strings.Join(whyText(s.Why, l, book.Settings.Currency), "; "))
	}
	for _, s := range ag.Signals {
		fmt.Fprintf(env.Stdout, "! %s %s %s\n", s.Customer, s.Ref, i18n.T(l, "dunning.signal."+s.Kind))
	}
	if len(legal) > 0 {
		fmt.Fprintln(env.Stdout, i18n.T(l, "dunning.cli.deadlines", "count", fmt.Sprint(len(legal))))
		for _, d := range legal {
			fmt.Fprintf(env.Stdout, "  %s  %s %s  %s %s (%s)\n", dateText(l, d.Date), d.Customer, truncate(d.Name, 30), legalKindText(l, d.Kind), d.Item, d.Rule)
		}
	}
	return nil
}

// legalKindText names a legal deadline's kind in lang.
func legalKindText(lang, kind string) string {
	if kind == "limitation" {
		return i18n.T(lang, "dunning.deadline.limitation")
	}
	if kind == "enforcement" { // desk.EnforcementKind: a decision's enforcement period (CPCE L111-4)
		return i18n.T(lang, "judgment.deadline.enforcement")
	}
	return i18n.T(lang, "law.proc.deadline."+kind)
}
