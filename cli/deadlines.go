package cli

import (
	"encoding/json"
	"fmt"
	"strconv"

	"relance/assets/i18n"
	"relance/ledger/law"
)

// deadlineRow is one open debit item with its limitation state.
type deadlineRow struct {
	Customer string              `json:"customer"`
	Name     string              `json:"name"`
	Kind     string              `json:"kind"`
	Item     string              `json:"item"`
	Number   string              `json:"number"`
	Due      string              `json:"due"`
	Open     string              `json:"open"`
	State    law.LimitationState `json:"limitation"`
	Reason   []string            `json:"reason_text"`
}

func runDeadlines(env *Env, args []string) error {
	fs := env.flags("deadlines")
	rf := env.reportFlags(fs, "table", "json")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	asOf, ss, err := env.openReport(rf)
	if err != nil {
		return err
	}
	defer ss.Close()
	l := env.Lang
	rows := []deadlineRow{}
	deadlines, err := ss.Deadlines(asOf)
	if err != nil {
		return err
	}
	for _, d := range deadlines {
		c, it := d.Customer, d.Item
		row := deadlineRow{Customer: c.ID, Name: c.Name, Kind: c.Kind.String(), Item: it.ID, Number: it.Number,
			Due: it.DueDate.String(), Open: d.Open.String(), State: d.State}
		for _, n := range d.State.Reason {
			row.Reason = append(row.Reason, n.Text(l))
		}
		rows = append(rows, row)
	}
	note := i18n.T(l, "law.cli.no_interruptions")
	procs := ss.ProcedureDeadlines(asOf) // insolvency deadlines (C. com. L622-24, L624-9, L622-26)
	if rf.Format() == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			AsOf       string         `json:"as_of"`
			Items      []deadlineRow  `json:"items"`
			Procedures []procedureRow `json:"procedures"`
			Notes      []string       `json:"notes"`
		}{asOf.String(), rows, procs, []string{note}})
	}
	tab := newTable(i18n.T(l, "law.col.customer"), i18n.T(l, "law.col.item"), i18n.T(l, "law.col.due"),
		i18n.T(l, "law.col.open"), i18n.T(l, "law.col.deadline"), i18n.T(l, "law.col.daysleft"),
		i18n.T(l, "law.col.level"), i18n.T(l, "law.col.rule")).alignRight(3, 5)
	for _, r := range rows {
		tab.add(r.Customer+" "+truncate(r.Name, 30), r.Number, r.Due, r.Open, r.State.Deadline.String(),
			strconv.Itoa(r.State.DaysLeft), i18n.T(l, "law.level."+string(r.State.Level)), r.State.Rule)
	}
	if err := tab.write(env.Stdout); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s\n* %s\n", i18n.T(l, "law.cli.count", "n", strconv.Itoa(len(rows))), note)
	if len(procs) > 0 {
		fmt.Fprintf(env.Stdout, "\n%s\n", i18n.T(l, "law.cli.proc_deadlines"))
		return procedureTable(env, procs).write(env.Stdout)
	}
	return nil
}
