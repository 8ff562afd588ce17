package cli

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/risk"
)

// runRisk is `relance risk`: the class of each customer with its reasons and signals,
// or one of the subcommands override, ack and proposals.
func runRisk(env *Env, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "override":
			return runRiskOverride(env, args[1:])
		case "ack":
			return runRiskAck(env, args[1:])
		case "proposals":
			return runRiskProposals(env, args[1:])
		}
	}
	fs := env.flags("risk")
	rf := env.reportFlags(fs, "table", "json", "csv")
	cust := fs.String("customer", "", "only this customer")
	class := fs.String("class", "", "only the customers in this class (in force)")
	signalsOnly := fs.Bool("signals-only", false, "only the customers with an active signal")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	rf.reach = &desk.Reach{Risk: true}
	asOf, ss, err := env.openReport(rf)
	if err != nil {
		return err
	}
	defer ss.Close()
	book := ss.Book
	in, err := ss.RiskInput(asOf)
	if err != nil {
		return err
	}
	if *class != "" && in.Policy.Class(*class) == nil {
		return &usageError{msg: i18n.T(env.Lang, "risk.err.class", "value", *class, "allowed", strings.Join(in.Policy.Codes(), ", "))}
	}
	if *cust != "" && book.Account(*cust) == nil {
		return &ledger.Problem{Key: "risk.err.customer", Args: []string{"customer", *cust}}
	}
	in.Explain = rf.Format() == "json"
	res, err := risk.Assess(in)
	if err != nil {
		return err
	}
	var rows []*risk.Assessment
	for i := range res.Assessments {
		as := &res.Assessments[i]
		if (*cust != "" && as.Customer != *cust) || (*class != "" && as.Class != *class) || (*signalsOnly && as.ActiveSignals() == 0) {
			continue
		}
		rows = append(rows, as)
	}
	l, cur := env.Lang, book.Settings.Currency
	switch rf.Format() {
	case "json":
		out := make([]riskJSON, 0, len(rows))
		for _, as := range rows {
			out = append(out, toRiskJSON(as, &in.Policy, l, cur))
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			AsOf      string     `json:"as_of"`
			Currency  string     `json:"currency"`
			Customers []riskJSON `json:"customers"`
		}{asOf.String(), cur, out})
	case "csv":
		w := csv.NewWriter(env.Stdout)
		w.Comma = ';'
		head := []string{"customer", "name", "class", "computed", "override", "score"}
		head = append(head, risk.Axes()...)
		head = append(head, "balance", "overdue", "signals")
		w.Write(head)
		for _, as := range rows {
			ov := ""
			if as.Override != nil {
				ov = as.Override.Class
			}
			rec := []string{as.Customer, as.Name, as.Class, as.Computed, ov, strconv.Itoa(as.Score)}
			for _, ax := range as.Axes {
				rec = append(rec, strconv.Itoa(ax.Points))
			}
			rec = append(rec, as.Balance.String(), as.Overdue.String(), strings.Join(activeKeys(as), ","))
			w.Write(rec)
		}
		w.Flush()
		return w.Error()
	}
	tab := newTable(i18n.T(l, "uirisk.col.customer"), i18n.T(l, "uirisk.col.name"), i18n.T(l, "uirisk.col.class"),
		i18n.T(l, "uirisk.col.computed"), i18n.T(l, "uirisk.col.score"), i18n.T(l, "uirisk.col.balance"),
		i18n.T(l, "uirisk.col.signals")).alignRight(4, 5)
	for _, as := range rows {
		class := as.Class
		if as.Override != nil {
			class += " *"
		}
		var names []string
		for _, k := range activeKeys(as) {
			names = append(names, i18n.T(l, "risk.signal."+k))
		}
		tab.add(as.Customer, truncate(as.Name, 30), class, as.Computed, strconv.Itoa(as.Score), as.Balance.Format(l, cur),
			truncate(strings.Join(names, ", "), 60))
	}
	if err := tab.write(env.Stdout); err != nil {
		return err
	}
	counts := res.Counts()
	var parts []string
	for _, c := range in.Policy.Classes {
		parts = append(parts, fmt.Sprintf("%s %d", c.Code, counts[c.Code]))
	}
	fmt.Fprintln(env.Stdout, i18n.T(l, "uirisk.cli.count", "count", strconv.Itoa(len(rows)), "classes", strings.Join(parts, " · ")))
	return nil
}

func activeKeys(as *risk.Assessment) []string {
	var out []string
	for i := range as.Signals {
		if as.Signals[i].Active() {
			out = append(out, as.Signals[i].Key)
		}
	}
	return out
}

// riskJSON is one customer of `relance risk --format json`.
type riskJSON struct {
	Customer    string         `json:"customer"`
	Name        string         `json:"name"`
	Salesperson string         `json:"salesperson,omitempty"`
	Class       string         `json:"class"`
	ClassName   string         `json:"class_name"`
	Computed    string         `json:"computed"`
	Assigned    string         `json:"assigned,omitempty"`
	Override    *risk.Override `json:"override,omitempty"`
	Score       int            `json:"score"`
	Why         string         `json:"why"`
	Axes        []axisJSON     `json:"axes"`
	Signals     []signalJSON   `json:"signals"`
	Pending     *risk.Proposal `json:"pending_proposal,omitempty"`
	Balance     ledger.Cents   `json:"balance"`
	Overdue     ledger.Cents   `json:"overdue"`
	ShareBP     int            `json:"sales_share_bp"`
}

type axisJSON struct {
	Axis         string   `json:"axis"`
	Name         string   `json:"name"`
	Points       int      `json:"points"`
	Weight       int      `json:"weight"`
	Contribution string   `json:"contribution"`
	Reasons      []string `json:"reasons"`
}

type signalJSON struct {
	Key      string         `json:"key"`
	Name     string         `json:"name"`
	Severity risk.Severity  `json:"severity"`
	Since    ledger.Date    `json:"since,omitempty"`
	Summary  string         `json:"summary"`
	Ack      *risk.Ack      `json:"acknowledged,omitempty"`
	Evidence []evidenceJSON `json:"evidence"`
}

type evidenceJSON struct {
	Date   ledger.Date  `json:"date,omitempty"`
	Ref    string       `json:"ref,omitempty"`
	Amount ledger.Cents `json:"amount,omitempty"`
	Text   string       `json:"text"`
}

func toRiskJSON(as *risk.Assessment, p *risk.Policy, l, cur string) riskJSON {
	j := riskJSON{Customer: as.Customer, Name: as.Name, Salesperson: as.Salesperson, Class: as.Class, Computed: as.Computed,
		Assigned: as.Assigned, Override: as.Override, Score: as.Score, Why: as.Why.Text(l, cur), Pending: as.Pending,
		Balance: as.Balance, Overdue: as.Overdue, ShareBP: as.ShareBP, Axes: []axisJSON{}, Signals: []signalJSON{}}
	if c := p.Class(as.Class); c != nil {
		j.ClassName = c.Name(l)
	}
	for _, ax := range as.Axes {
		aj := axisJSON{Axis: ax.Axis, Name: i18n.T(l, "risk.axis."+ax.Axis), Points: ax.Points, Weight: ax.Weight,
			Contribution: fmt.Sprintf("%d.%d", ax.Contribution/10, ax.Contribution%10), Reasons: []string{}}
		for _, r := range ax.Reasons {
			aj.Reasons = append(aj.Reasons, r.Text(l, cur))
		}
		j.Axes = append(j.Axes, aj)
	}
	for _, s := range as.Signals {
		sj := signalJSON{Key: s.Key, Name: i18n.T(l, "risk.signal."+s.Key), Severity: s.Severity, Since: s.Since,
			Summary: s.Summary.Text(l, cur), Ack: s.Ack, Evidence: []evidenceJSON{}}
		for _, e := range s.Evidence {
			sj.Evidence = append(sj.Evidence, evidenceJSON{Date: e.Date, Ref: e.Ref, Amount: e.Amount, Text: e.Reason.Text(l, cur)})
		}
		j.Signals = append(j.Signals, sj)
	}
	return j
}

// runRiskOverride is `relance risk override`: a manual class with its reason.
func runRiskOverride(env *Env, args []string) error {
	fs := env.flags("risk override")
	db := fs.String("db", "", "dossier file")
	at := fs.String("at", "", "date of the override (default today)")
	cust := fs.String("customer", "", "customer ID")
	class := fs.String("class", "", "class code, or none to lift the override")
	why := fs.String("reason", "", "why")
	by := fs.String("by", "", "author")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	for _, f := range []struct{ name, v string }{{"db", *db}, {"customer", *cust}, {"class", *class}, {"reason", *why}, {"by", *by}} {
		if err := env.required(f.name, f.v); err != nil {
			return err
		}
	}
	date, err := env.date("at", *at, env.Today)
	if err != nil {
		return err
	}
	c := *class
	if c == "none" {
		c = ""
	}
	o := risk.Override{Customer: *cust, Class: c, Reason: *why, By: *by, Date: date}
	if err := env.withWrite(*db, func(ss *desk.Session) error { return ss.OverrideClass(o) }); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "uirisk.cli.override", "customer", o.Customer, "class", *class))
	return nil
}

// runRiskAck is `relance risk ack`: a signal acknowledged with a comment.
func runRiskAck(env *Env, args []string) error {
	fs := env.flags("risk ack")
	db := fs.String("db", "", "dossier file")
	at := fs.String("at", "", "date of the acknowledgement (default today)")
	cust := fs.String("customer", "", "customer ID")
	sig := fs.String("signal", "", "signal key: "+strings.Join(risk.SignalKeys(), ", "))
	comment := fs.String("comment", "", "comment")
	by := fs.String("by", "", "author")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	for _, f := range []struct{ name, v string }{{"db", *db}, {"customer", *cust}, {"signal", *sig}, {"comment", *comment}, {"by", *by}} {
		if err := env.required(f.name, f.v); err != nil {
			return err
		}
	}
	date, err := env.date("at", *at, env.Today)
	if err != nil {
		return err
	}
	a := risk.Ack{Customer: *cust, Signal: *sig, Comment: *comment, By: *by, Date: date}
	if err := env.withWrite(*db, func(ss *desk.Session) error { return ss.AcknowledgeSignal(a) }); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "uirisk.cli.ack", "customer", a.Customer, "signal", i18n.T(env.Lang, "risk.signal."+a.Signal)))
	return nil
}

// runRiskProposals is `relance risk proposals`: it recomputes the classes at the date,
// records the initial classes and the new proposals (one transaction), and lists the
// pending ones; or, with --accept/--reject, decides one.
func runRiskProposals(env *Env, args []string) (err error) {
	fs := env.flags("risk proposals")
	db := fs.String("db", "", "dossier file")
	at := fs.String("at", "", "as-of date (default today)")
	accept := fs.String("accept", "", "proposal ID to accept")
	reject := fs.String("reject", "", "proposal ID to reject")
	by := fs.String("by", "", "author of the decision")
	comment := fs.String("comment", "", "comment on the decision")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("db", *db); err != nil {
		return err
	}
	date, err := env.date("at", *at, env.Today)
	if err != nil {
		return err
	}
	l := env.Lang
	if *accept != "" || *reject != "" {
		if *accept != "" && *reject != "" {
			return &usageError{msg: i18n.T(l, "uirisk.cli.one_decision")}
		}
		if err := env.required("by", *by); err != nil {
			return err
		}
		id, outcome := *accept, risk.Accepted
		if *reject != "" {
			id, outcome = *reject, risk.Rejected
		}
		err := env.withWrite(*db, func(ss *desk.Session) error {
			_, err := ss.DecideProposal(id, outcome, *by, *comment, date)
			return err
		})
		if err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, i18n.T(l, "uirisk.cli.decided", "id", id, "outcome", i18n.T(l, "uirisk.outcome."+string(outcome))))
		return nil
	}
	ss, err := desk.OpenWrite(*db)
	if err != nil {
		return err
	}
	defer env.closeWrite(ss, &err)
	res, err := ss.RecomputeRisk(date)
	if err != nil {
		return err
	}
	tab := newTable(i18n.T(l, "uirisk.col.proposal"), i18n.T(l, "uirisk.col.customer"), i18n.T(l, "uirisk.col.name"),
		i18n.T(l, "uirisk.col.change"), i18n.T(l, "uirisk.col.score"), i18n.T(l, "uirisk.col.signals"))
	n := 0
	for i := range res.Assessments {
		as := &res.Assessments[i]
		if as.Pending == nil {
			continue
		}
		n++
		var names []string
		for _, k := range as.Pending.Signals {
			names = append(names, i18n.T(l, "risk.signal."+k))
		}
		tab.add(as.Pending.ID, as.Customer, truncate(as.Name, 30), as.Pending.From+" → "+as.Pending.To,
			strconv.Itoa(as.Pending.Score), truncate(strings.Join(names, ", "), 60))
	}
	if err := tab.write(env.Stdout); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, i18n.T(l, "uirisk.cli.pending", "count", strconv.Itoa(n)))
	return nil
}
