package cli

import (
	"errors"
	"flag"
	"fmt"
	"strings"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/dunning"
)

// runInterruption dispatches `relance interruption add|end|withdraw|list`: the register
// of limitation interruptions and suspensions (desk.RecordInterruption,
// EndInterruption, WithdrawInterruption, Interruptions). `relance deadlines` counts
// what it records.
func runInterruption(env *Env, args []string) error {
	if len(args) == 0 {
		return &usageError{msg: i18n.T(env.Lang, "interrupt.cli.sub", "value", "")}
	}
	switch args[0] {
	case "add":
		return env.interruptionAdd(args[1:])
	case "end":
		return env.interruptionEnd(args[1:])
	case "withdraw":
		return env.interruptionWithdraw(args[1:])
	case "list":
		return env.interruptionList(args[1:])
	}
	return &usageError{msg: i18n.T(env.Lang, "interrupt.cli.sub", "value", args[0])}
}

// anyDate parses flag name's value, YYYY-MM-DD or DD/MM/YYYY; empty gives NoDate.
func (env *Env) anyDate(name, value string) (ledger.Date, error) {
	value = strings.TrimSpace(value)
	if value == "" {
		return ledger.NoDate, nil
	}
	if d, err := ledger.ParseFrenchDate(value); err == nil {
		return d, nil
	}
	return env.date(name, value, ledger.NoDate)
}

// writeFlags are the flags of the register's write commands: the dossier, the entry
// date (the acts may not be dated after it), who enters them.
type writeFlags struct{ db, at, by *string }

func (env *Env) writeFlags(fs *flag.FlagSet) writeFlags {
	return writeFlags{fs.String("db", "", "dossier file"),
		fs.String("at", "", "entry date YYYY-MM-DD (default today); no act may be dated after it"),
		fs.String("by", "", "who records it (default: the dossier's signatory)")}
}

// interruptionAdd records an act (`relance interruption add`).
func (env *Env) interruptionAdd(args []string) error {
	fs := env.flags("interruption add")
	wf := env.writeFlags(fs)
	customer := fs.String("customer", "", "customer ID")
	kind := fs.String("kind", "", "acknowledgement, part_payment, payment_plan, legal_action, injunction_served, enforcement, mediation, written_claim, admin_letter, insolvency_claim")
	date := fs.String("date", "", "date of the act, YYYY-MM-DD or DD/MM/YYYY")
	end := fs.String("end", "", "end of the proceedings, mediation or insolvency procedure, if over")
	proof := fs.String("proof", "", "where the act can be found: LRAR number, docket number, bailiff's act, file name")
	note := fs.String("note", "", "note")
	replaces := fs.String("replaces", "", "ID of the act this one corrects (IP…)")
	format := fs.String("format", "text", "output format: text or json")
	var items listFlag
	fs.Var(&items, "item", "document number or ID of an item concerned (repeat; default: all of the customer's items)")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("db", *wf.db, "customer", *customer, "kind", *kind, "date", *date); err != nil {
		return err
	}
	if err := env.format(*format, "text", "json"); err != nil {
		return err
	}
	k, ok := dunning.ParseRegisterKind(*kind)
	if !ok {
		return &usageError{msg: i18n.T(env.Lang, "interrupt.cli.kind", "value", *kind)}
	}
	r := dunning.InterruptionRecord{Customer: *customer, Kind: k, Items: items, Proof: *proof, Note: *note, Replaces: strings.TrimSpace(*replaces)}
	var err error
	if r.Date, err = env.anyDate("date", *date); err != nil {
		return err
	}
	if r.End, err = env.anyDate("end", *end); err != nil {
		return err
	}
	asOf, err := env.date("at", *wf.at, env.Today)
	if err != nil {
		return err
	}
	var row *desk.InterruptionRow
	err = env.withWrite(*wf.db, func(ss *desk.Session) error {
		if err := ss.RecordInterruption(&r, asOf, *wf.by); err != nil {
			return err
		}
		row, err = findRow(ss, r.Customer, r.ID)
		return err
	})
	if err != nil {
		return err
	}
	if *format == "json" {
		return writeJSON(env, row)
	}
	fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "interrupt.cli.recorded", "id", r.ID, "act", actText(env.Lang, row)))
	return nil
}

// findRow is act id of customer as the register lists it.
func findRow(ss *desk.Session, customer, id string) (*desk.InterruptionRow, error) {
	rows, err := ss.Interruptions(customer)
	if err != nil {
		return nil, err
	}
	for i := range rows {
		if rows[i].ID == id {
			return &rows[i], nil
		}
	}
	return nil, &ledger.Problem{Key: "interrupt.err.unknown_id", Args: []string{"id", id}}
}

// actText says an act in words: its kind, date (and end), customer and items.
func actText(l string, r *desk.InterruptionRow) string {
	args := []string{"kind", i18n.T(l, "interrupt.kind."+string(r.Kind)), "date", dateText(l, r.Date),
		"customer", r.Customer + " " + r.Name, "items", itemsText(l, r.Numbers)}
	if r.End.Valid() {
		return i18n.T(l, "interrupt.act_end", append(args, "end", dateText(l, r.End))...)
	}
	return i18n.T(l, "interrupt.act", args...)
}

func itemsText(l string, numbers []string) string {
	if len(numbers) == 0 {
		return i18n.T(l, "interrupt.all_items")
	}
	return strings.Join(numbers, ", ")
}

// statusText says where an act stands, in words.
func statusText(l string, r *desk.InterruptionRow) string {
	switch r.Status {
	case dunning.RegReplaced, dunning.RegWithdrawn:
		return i18n.T(l, "interrupt.status."+string(r.Status)+"_by", "id", r.ReplacedBy)
	case dunning.RegEnded:
		return i18n.T(l, "interrupt.status.ended_on", "end", dateText(l, r.End))
	case dunning.RegWithdrawal:
		return i18n.T(l, "interrupt.status.withdrawal_of", "id", r.Replaces)
	}
	return i18n.T(l, "interrupt.status."+string(r.Status))
}

// interruptionClose runs `end` or `withdraw` (name): it parses the act's ID and the
// command's own flag (withDate: --date, otherwise --reason), runs run in a write session
// and says what the act became.
func (env *Env) interruptionClose(name string, args []string, withDate bool, run func(ss *desk.Session, id, text string, at ledger.Date, by string) (*dunning.InterruptionRecord, error)) error {
	fs := env.flags("interruption " + name)
	wf := env.writeFlags(fs)
	id := fs.String("id", "", "ID of the act (IP…)")
	var text *string
	if withDate {
		text = fs.String("date", "", "the day it ended, YYYY-MM-DD or DD/MM/YYYY")
	} else {
		text = fs.String("reason", "", "why the act is withdrawn")
	}
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	second := "reason"
	if withDate {
		second = "date"
	}
	if err := env.required("db", *wf.db, "id", *id, second, *text); err != nil {
		return err
	}
	asOf, err := env.date("at", *wf.at, env.Today)
	if err != nil {
		return err
	}
	var row *desk.InterruptionRow
	err = env.withWrite(*wf.db, func(ss *desk.Session) error {
		r, err := run(ss, *id, *text, asOf, *wf.by)
		if err != nil {
			return err
		}
		row, err = findRow(ss, r.Customer, *id)
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "interrupt.cli."+name, "id", *id, "act", actText(env.Lang, row),
		"status", statusText(env.Lang, row)))
	return nil
}

// interruptionEnd records the end of a lasting act (`relance interruption end`).
func (env *Env) interruptionEnd(args []string) error {
	return env.interruptionClose("end", args, true, func(ss *desk.Session, id, text string, at ledger.Date, by string) (*dunning.InterruptionRecord, error) {
		end, err := env.anyDate("date", text)
		if err != nil {
			return nil, err
		}
		return ss.EndInterruption(id, end, at, by)
	})
}

// interruptionWithdraw withdraws an act recorded by mistake (`relance interruption
// withdraw`).
func (env *Env) interruptionWithdraw(args []string) error {
	return env.interruptionClose("withdraw", args, false, func(ss *desk.Session, id, text string, at ledger.Date, by string) (*dunning.InterruptionRecord, error) {
		return ss.WithdrawInterruption(id, text, at, by)
	})
}

// interruptionList lists the register (`relance interruption list`).
func (env *Env) interruptionList(args []string) error {
	fs := env.flags("interruption list")
	rf := env.reportFlags(fs, "table", "json")
	customer := fs.String("customer", "", "customer ID (default: every customer)")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	_, ss, err := env.openReport(rf)
	if err != nil {
		return err
	}
	rows, err := ss.Interruptions(*customer)
	if err := errors.Join(err, ss.Close()); err != nil {
		return err
	}
	if rf.Format() == "json" {
		return writeJSON(env, struct {
			Interruptions []desk.InterruptionRow `json:"interruptions"`
		}{rows})
	}
	l := env.Lang
	if len(rows) == 0 {
		fmt.Fprintln(env.Stdout, i18n.T(l, "interrupt.none"))
		return nil
	}
	tab := newTable(i18n.T(l, "interrupt.col.id"), i18n.T(l, "interrupt.col.customer"), i18n.T(l, "interrupt.col.kind"),
		i18n.T(l, "interrupt.col.date"), i18n.T(l, "interrupt.col.end"), i18n.T(l, "interrupt.col.items"),
		i18n.T(l, "interrupt.col.proof"), i18n.T(l, "interrupt.col.status"), i18n.T(l, "interrupt.col.recorded"))
	for i := range rows {
		r := &rows[i]
		end := dateText(l, r.End)
		if r.Status == dunning.RegOngoing {
			end = i18n.T(l, "interrupt.ongoing")
		}
		proof := r.Proof
		if r.Note != "" {
			proof = strings.TrimSpace(proof + " — " + r.Note)
		}
		tab.add(r.ID, truncate(r.Customer+" "+r.Name, 30), i18n.T(l, "interrupt.kind."+string(r.Kind)), dateText(l, r.Date),
			end, truncate(itemsText(l, r.Numbers), 30), truncate(proof, 40), statusText(l, r),
			i18n.T(l, "interrupt.recorded_by", "date", dateText(l, r.Recorded), "by", r.By))
	}
	return tab.write(env.Stdout)
}
