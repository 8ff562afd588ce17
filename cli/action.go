package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/cause"
	"relance/ledger/dispute"
	"relance/ledger/dunning"
)

// parseInstalments parses --instalment YYYY-MM-DD:AMOUNT flags.
func (env *Env) parseInstalments(list []string) ([]dunning.Instalment, error) {
	var out []dunning.Instalment
	for _, s := range list {
		d, a, ok := strings.Cut(s, ":")
		date, err1 := ledger.ParseDate(d)
		amount, err2 := ledger.ParseCents(a)
		if !ok || err1 != nil || err2 != nil {
			return nil, &usageError{msg: i18n.T(env.Lang, "dunning.cli.instalment", "value", s)}
		}
		out = append(out, dunning.Instalment{Due: date, Amount: amount})
	}
	return out, nil
}

// entryFor returns the agenda entry of customer on channel at asOf, or an entry built
// for an action taken outside the agenda (stage given, the customer's overdue items).
func entryFor(ag dunning.Agenda, a *ledger.Account, ch dunning.Channel, stage string, asOf ledger.Date) dunning.Entry {
	for _, e := range ag.Entries {
		if e.Customer == a.Customer.ID && e.Channel == ch && (stage == "" || stage == e.Stage) {
			return e
		}
	}
	e := dunning.Entry{Customer: a.Customer.ID, Name: a.Customer.Name, Channel: ch, Stage: stage, Due: asOf}
	for _, it := range a.Items {
		if it.OverdueAt(asOf) {
			e.Items = append(e.Items, it.ID)
			e.Amount += it.Open
		}
	}
	return e
}

// runAction records an action done (`relance action done`) or reschedules one
// (`relance action reschedule`), in one transaction.
func runAction(env *Env, args []string) (err error) {
	if len(args) == 0 || (args[0] != "done" && args[0] != "reschedule") {
		return &usageError{msg: i18n.T(env.Lang, "dunning.cli.sub", "value", strings.Join(args[:min(1, len(args))], ""))}
	}
	sub := args[0]
	fs := env.flags("action")
	path := fs.String("db", "", "dossier file")
	at := fs.String("at", "", "date of the action YYYY-MM-DD (default today)")
	cust := fs.String("customer", "", "customer ID")
	channel := fs.String("channel", "", "letter, email, call, visit, notice, block, legal")
	stage := fs.String("stage", "", "stage or step code (default: the agenda's)")
	outcome := fs.String("outcome", "", "call outcome: "+strings.Join(dunning.Outcomes, ", ")+", or sent")
	amount := fs.String("amount", "", "promise: amount promised")
	date := fs.String("date", "", "promise: promised payment date; callback: when to call back")
	reason := fs.String("reason", "", "dispute: reason")
	why := fs.String("cause", "", "why the customer pays late, recorded on each late invoice (relance cause)")
	by := fs.String("by", "", "author")
	note := fs.String("note", "", "note")
	to := fs.String("to", "", "reschedule: new date")
	assign := fs.String("assign", "", "reschedule: assignee")
	ack := fs.Bool("ack", false, "plan: signed acknowledgement of debt (C. civ. 2240)")
	accel := fs.Bool("accel", false, "plan: acceleration clause")
	var inst listFlag
	fs.Var(&inst, "instalment", "plan: YYYY-MM-DD:AMOUNT (repeat)")
	if err := env.parse(fs, args[1:], false); err != nil {
		return err
	}
	for _, r := range [][2]string{{"db", *path}, {"customer", *cust}, {"channel", *channel}} {
		if err := env.required(r[0], r[1]); err != nil {
			return err
		}
	}
	if !dunning.Channel(*channel).Known() {
		return &usageError{msg: i18n.T(env.Lang, "dunning.cli.channel", "value", *channel)}
	}
	asOf, err := env.date("at", *at, env.Today)
	if err != nil {
		return err
	}
	o := dunning.Outcome{Kind: *outcome, Date: asOf, By: *by, Note: *note, Reason: dispute.Reason(*reason), Ack: *ack, Acceleration: *accel}
	if *why != "" {
		c, err := cause.Parse(*why)
		if err != nil {
			return err
		}
		o.Cause = c
	}
	if *amount != "" {
		if o.Amount, err = ledger.ParseCents(*amount); err != nil {
			return &usageError{msg: i18n.T(env.Lang, "dunning.cli.amount", "value", *amount)}
		}
	}
	if *date != "" {
		d, err := env.date("date", *date, ledger.NoDate)
		if err != nil {
			return err
		}
		o.PayBy, o.Callback = d, d
	}
	if o.Instalments, err = env.parseInstalments(inst); err != nil {
		return err
	}
	var toDate ledger.Date
	if sub == "reschedule" {
		if err := env.required("to", *to); err != nil {
			return err
		}
		if toDate, err = env.date("to", *to, ledger.NoDate); err != nil {
			return err
		}
	}
	ss, err := desk.OpenWrite(*path)
	if err != nil {
		return err
	}
	defer env.closeWrite(ss, &err)
	a, err := account(ss.Book, *cust)
	if err != nil {
		return err
	}
	ag, err := ss.Agenda(asOf, false, nil)
	if err != nil {
		return err
	}
	en := entryFor(ag.Agenda, a, dunning.Channel(*channel), *stage, asOf)
	var summary string
	if sub == "reschedule" {
		acts, err := dunning.Reschedule(en, toDate, *assign, *by, asOf)
		if err != nil {
			return err
		}
		if err := ss.Reschedule(acts); err != nil {
			return err
		}
		summary = i18n.T(env.Lang, "dunning.cli.rescheduled", "id", acts[0].ID, "date", toDate.String())
	} else {
		eff, err := dunning.Record(en, a, o)
		if err != nil {
			return err
		}
		if err := ss.RecordOutcome(&eff); err != nil {
			return err
		}
		var ids []string
		for _, act := range eff.Actions {
			ids = append(ids, act.ID)
		}
		summary = i18n.T(env.Lang, "dunning.cli.recorded", "ids", strings.Join(ids, ", "), "record", eff.Actions[0].Record)
	}
	fmt.Fprintln(env.Stdout, summary)
	return nil
}

// runPromises lists the promises and payment plans with their status at a date
// (`relance promises`); --update records the promises and plans found kept, broken,
// completed or defaulted.
func runPromises(env *Env, args []string) error {
	fs := env.flags("promises")
	rf := env.reportFlags(fs, "table", "json")
	update := fs.Bool("update", false, "record the statuses found (kept, broken, completed, defaulted)")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	asOf, ss, err := env.openReport(rf)
	if err != nil {
		return err
	}
	ag, err := ss.Agenda(asOf, false, nil)
	book, rec := ss.Book, ag.Records
	if err := errors.Join(err, ss.Close()); err != nil {
		return err
	}
	if *update && len(ag.Promises)+len(ag.Plans) > 0 {
		if err := env.withWrite(*rf.db, func(ss *desk.Session) error { return ss.RecordPromiseStatuses(ag.Agenda) }); err != nil {
			return err
		}
	}
	type promiseRow struct {
		dunning.Promise
		StatusAt dunning.PromiseStatus `json:"status_at"`
	}
	// planState is dunning.PlanState with no missed date when none was missed (the
	// JSON leaves out a date that does not exist rather than print "").
	type planState struct {
		dunning.PlanState
		Missed ledger.Date `json:"missed,omitempty"`
	}
	type planRow struct {
		dunning.Plan
		State planState `json:"state"`
	}
	ps := []promiseRow{}
	pls := []planRow{}
	for _, p := range rec.PromisesAt(asOf) {
		ps = append(ps, promiseRow{p, dunning.PromiseStateAt(p, book.Account(p.Customer), asOf)})
	}
	for _, p := range rec.PlansAt(asOf) {
		st := dunning.PlanStateAt(p, book.Account(p.Customer), asOf)
		pls = append(pls, planRow{p, planState{st, st.Missed}})
	}
	if rf.Format() == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			AsOf     string       `json:"as_of"`
			Promises []promiseRow `json:"promises"`
			Plans    []planRow    `json:"plans"`
		}{asOf.String(), ps, pls})
	}
	l := env.Lang
	tab := newTable(i18n.T(l, "dunning.col.id"), i18n.T(l, "dunning.col.customer"), i18n.T(l, "dunning.col.made"),
		i18n.T(l, "dunning.col.due"), i18n.T(l, "dunning.col.amount"), i18n.T(l, "dunning.col.status")).alignRight(4)
	for _, p := range ps {
		tab.add(p.ID, truncate(p.Customer+" "+customerName(book, p.Customer), 36), p.Made.String(), p.Due.String(),
			p.Amount.String(), i18n.T(l, "dunning.promise."+string(p.StatusAt)))
	}
	if err := tab.write(env.Stdout); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout)
	tab = newTable(i18n.T(l, "dunning.col.id"), i18n.T(l, "dunning.col.customer"), i18n.T(l, "dunning.col.made"),
		i18n.T(l, "dunning.col.amount"), i18n.T(l, "dunning.col.paid"), i18n.T(l, "dunning.col.instalments"),
		i18n.T(l, "dunning.col.status")).alignRight(3, 4)
	for _, p := range pls {
		var in []string
		for _, s := range p.State.Instalments {
			in = append(in, s.Due.String()+" "+i18n.T(l, "dunning.inst."+string(s.Status)))
		}
		ack := ""
		if p.Acknowledgement {
			ack = " (2240)"
		}
		tab.add(p.ID, truncate(p.Customer+" "+customerName(book, p.Customer), 30), p.Agreed.String()+ack, p.Total.String(),
			p.State.Paid.String(), strings.Join(in, ", "), i18n.T(l, "dunning.plan."+string(p.State.Status)))
	}
	return tab.write(env.Stdout)
}

// runPlan records a payment plan agreed with a customer (`relance plan`).
func runPlan(env *Env, args []string) error {
	fs := env.flags("plan")
	path := fs.String("db", "", "dossier file")
	at := fs.String("at", "", "agreement date YYYY-MM-DD (default today)")
	cust := fs.String("customer", "", "customer ID")
	by := fs.String("by", "", "author")
	ack := fs.Bool("ack", false, "signed acknowledgement of debt (interrupts limitation, C. civ. 2240)")
	accel := fs.Bool("accel", true, "acceleration clause: a missed instalment makes the whole balance due")
	var inst listFlag
	fs.Var(&inst, "instalment", "YYYY-MM-DD:AMOUNT (repeat)")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("db", *path, "customer", *cust, "instalment", strings.Join(inst, "")); err != nil {
		return err
	}
	asOf, err := env.date("at", *at, env.Today)
	if err != nil {
		return err
	}
	ins, err := env.parseInstalments(inst)
	if err != nil {
		return err
	}
	var total ledger.Cents
	for _, in := range ins {
		total += in.Amount
	}
	p := dunning.Plan{Customer: *cust, Agreed: asOf, Total: total, Instalments: ins, Acknowledgement: *ack, Acceleration: *accel,
		Status: dunning.PlanActive, By: *by}
	err = env.withWrite(*path, func(ss *desk.Session) error { return ss.AgreePlan(&p) })
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "dunning.cli.plan", "id", p.ID, "n", fmt.Sprint(len(ins)), "amount", total.String()))
	return nil
}
