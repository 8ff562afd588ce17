package cli

import (
	"encoding/json"
	"fmt"
	"strconv"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/law"
)

// deadlineRow is one open debit item with its limitation state.
type deadlineRow struct {
	Customer string         `json:"customer"`
	Name     string         `json:"name"`
	Kind     string         `json:"kind"`
	Item     string         `json:"item"`
	Number   string         `json:"number"`
	Doc      string         `json:"doc_date"`
	Due      string         `json:"due"`
	Open     string         `json:"open"`
	State    limitationJSON `json:"limitation"`
	Reason   []string       `json:"reason_text"`
}

// limitationJSON is law.LimitationState without the dates it does not have: no
// deadline while suspended or unknown, no start when there is no date to count from
// (the JSON leaves out a date that does not exist rather than print "").
type limitationJSON struct {
	law.LimitationState
	Start    ledger.Date `json:"start,omitempty"`
	Deadline ledger.Date `json:"deadline,omitempty"`
}

// runDeadlines is `relance deadlines`: the limitation deadline of every open debit
// item at --at (desk.Deadlines: the interruptions the dossier records counted — payment
// plans, letters issued, the register of `relance interruption`), each
// with the rule, the day its period runs from, the interruptions counted and the
// deadline, then the insolvency deadlines; dates in the user's words except in JSON.
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
		rows = append(rows, deadlineRow{Customer: c.ID, Name: c.Name, Kind: c.Kind.String(), Item: it.ID, Number: it.Number,
			Doc: it.DocDate.String(), Due: it.DueDate.String(), Open: d.Open.String(),
			State: limitationJSON{d.State, d.State.Start, d.State.Deadline}, Reason: d.State.ReasonText(l)})
	}
	note := i18n.T(l, "interrupt.note")
	procs := ss.ProcedureDeadlines(asOf) // insolvency deadlines (C. com. L622-24, L624-9, L622-26)
	judgments, err := ss.Judgments(asOf, l)
	if err != nil {
		return err
	}
	if rf.Format() == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			AsOf       string            `json:"as_of"`
			Items      []deadlineRow     `json:"items"`
			Procedures []procedureRow    `json:"procedures"`
			Judgments  []judgmentRowJSON `json:"judgments"` // enforcement periods (CPCE L111-4), judgment.go
			Notes      []string          `json:"notes"`
		}{asOf.String(), rows, procs, judgmentRowsJSON(judgments), []string{note}})
	}
	cur := ss.Book.Settings.Currency
	tab := newTable(i18n.T(l, "law.col.customer"), i18n.T(l, "law.col.item"), i18n.T(l, "law.col.due"),
		i18n.T(l, "law.col.open"), i18n.T(l, "law.col.rule"), i18n.T(l, "limitation.col.start"),
		i18n.T(l, "limitation.col.interruptions"), i18n.T(l, "law.col.deadline"), i18n.T(l, "law.col.daysleft"),
		i18n.T(l, "law.col.level")).alignRight(3, 8)
	for i, d := range deadlines {
		st := &rows[i].State
		deadline, left := "—", "—"
		if st.Deadline.Valid() {
			deadline, left = dateText(l, st.Deadline), strconv.Itoa(st.DaysLeft)
		}
		tab.add(d.Customer.ID+" "+truncate(d.Customer.Name, 30), d.Item.Number, dateText(l, d.Item.DueDate),
			d.Open.Format(l, cur), st.Rule, dateText(l, st.Start), law.InterruptionsText(l, st.Interruptions, asOf),
			deadline, left, i18n.T(l, "law.level."+string(st.Level)))
	}
	if err := tab.write(env.Stdout); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s\n* %s\n", i18n.T(l, "law.cli.count", "n", strconv.Itoa(len(rows))), note)
	if len(procs) > 0 {
		fmt.Fprintf(env.Stdout, "\n%s\n", i18n.T(l, "law.cli.proc_deadlines"))
		if err := procedureDeadlineTable(l, procs).write(env.Stdout); err != nil {
			return err
		}
	}
	return writeEnforcementDeadlines(env, judgments, cur)
}

// procedureDeadlineTable is procedureTable with the dates in the user's words.
func procedureDeadlineTable(l string, rows []procedureRow) *table {
	tab := newTable(i18n.T(l, "law.col.procedure"), i18n.T(l, "law.col.customer"), i18n.T(l, "law.col.proc_kind"),
		i18n.T(l, "law.col.bodacc"), i18n.T(l, "law.col.step"), i18n.T(l, "law.col.proc_deadline"), i18n.T(l, "law.col.daysleft"),
		i18n.T(l, "law.col.level"), i18n.T(l, "law.col.rule")).alignRight(6)
	for _, r := range rows {
		for _, d := range r.Deadlines {
			tab.add(r.ID, r.Customer+" "+truncate(r.Name, 28), i18n.T(l, "law.proc.kind."+string(r.Kind)), dateText(l, r.BODACC),
				i18n.T(l, "law.proc.deadline."+string(d.Kind)), dateText(l, d.Date), strconv.Itoa(d.DaysLeft),
				i18n.T(l, "law.proc.level."+string(d.Level)), d.Rule)
		}
	}
	return tab
}
