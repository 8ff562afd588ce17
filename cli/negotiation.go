package cli

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/negotiation"
	"relance/letters/negotiationpdf"
	"relance/letters/pdfdoc"
)

// runNegotiation is `relance negotiation prepare|record|case`: the negotiation sheet of a
// customer (desk.Session.PrepareNegotiation), its outcome recorded
// (desk.Session.RecordNegotiation: an agreement becomes the payment plan), and the
// demo's case study.
func runNegotiation(env *Env, args []string) error {
	if len(args) == 0 {
		return &usageError{msg: i18n.T(env.Lang, "nego.cli.usage")}
	}
	switch args[0] {
	case "prepare":
		return env.negotiationPrepare(args[1:])
	case "record":
		return env.negotiationRecord(args[1:])
	case "case":
		return env.negotiationCase(args[1:])
	}
	return &usageError{msg: i18n.T(env.Lang, "nego.cli.usage")}
}

func (env *Env) negotiationPrepare(args []string) error {
	fs := env.flags("negotiation prepare")
	rf := env.reportFlags(fs, "text", "json")
	cust := fs.String("customer", "", "customer ID")
	out := fs.String("out", "", "also write the one-page sheet as PDF")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("customer", *cust); err != nil {
		return err
	}
	asOf, ss, err := env.openReport(rf)
	if err != nil {
		return err
	}
	defer ss.Close()
	sh, err := ss.PrepareNegotiation(*cust, asOf)
	if err != nil {
		return err
	}
	if *out != "" {
		var buf bytes.Buffer
		f := pdfdoc.NewFactory()
		defer f.Warn(env.Stderr, env.Lang)
		if err := ss.NegotiationPDF(&buf, &sh, env.Lang, f); err != nil {
			return err
		}
		if err := os.WriteFile(*out, buf.Bytes(), 0o600); err != nil {
			return fmt.Errorf("write %s: %w", *out, err)
		}
	}
	if rf.Format() == "json" {
		return writeJSON(env, sh)
	}
	env.printSheet(&sh)
	if *out != "" {
		fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "nego.cli.pdf", "path", *out))
	}
	return nil
}

// tr is the catalogue in the command's language, for negotiationpdf's sentences.
type tr string

func (l tr) T(key string, args ...string) string { return i18n.T(string(l), key, args...) }

// printSheet writes sheet sh as text.
func (env *Env) printSheet(sh *negotiation.Sheet) {
	l := env.Lang
	w := env.Stdout
	day := func(d ledger.Date) string {
		if l == "fr" {
			return d.French()
		}
		return d.String()
	}
	cur := "EUR"
	fmt.Fprintln(w, i18n.T(l, "nego.pdf.title", "customer", sh.Name)+" — "+i18n.T(l, "nego.pdf.subtitle", "date", day(sh.AsOf), "id", sh.Customer))
	fmt.Fprintln(w, i18n.T(l, "nego.objective"))
	row := func(k, v string) { fmt.Fprintf(w, "  %-44s %s\n", i18n.T(l, k), v) }
	row("nego.overdue", sh.Overdue.Format(l, cur))
	row("nego.principal", sh.Principal.Format(l, cur))
	row("nego.disputed", sh.Disputed.Format(l, cur))
	row("nego.interest", sh.Interest.Format(l, cur))
	row("nego.indemnity", sh.Indemnity.Format(l, cur))
	row("nego.total", sh.Total().Format(l, cur))
	for _, b := range sh.Broken {
		fmt.Fprintln(w, "  • "+i18n.T(l, "nego.broken", "amount", b.Amount.Format(l, cur), "made", day(b.Made), "due", day(b.Due)))
	}
	fmt.Fprintln(w, i18n.T(l, "nego.margins")+" ("+i18n.T(l, "nego.opening")+" / "+i18n.T(l, "nego.floor")+")")
	o, f := &sh.Opening, &sh.Floor
	row("nego.amount", o.Amount.Format(l, cur)+" / "+f.Amount.Format(l, cur))
	row("nego.instalments", strconv.Itoa(o.Instalments)+" / "+strconv.Itoa(f.Instalments))
	row("nego.first", o.First.Format(l, cur)+" "+day(o.FirstDate)+" / "+f.First.Format(l, cur)+" "+day(f.FirstDate))
	row("nego.last", day(o.Last)+" / "+day(f.Last))
	fmt.Fprintln(w, "  "+i18n.T(l, "nego.waived_total", "amount", sh.Waived().Format(l, cur)))
	fmt.Fprintln(w, i18n.T(l, "nego.trades"))
	for _, t := range sh.Trades {
		var cs []string
		for _, c := range t.Counterpart {
			cs = append(cs, negotiationpdf.Counterpart(tr(l), sh, c))
		}
		fmt.Fprintln(w, "  • "+i18n.T(l, "nego.concession."+string(t.Concession))+" → "+strings.Join(cs, " ; "))
	}
	fmt.Fprintln(w, i18n.T(l, "nego.then"))
	for _, c := range sh.Then {
		fmt.Fprintln(w, "  • "+day(c.Date)+" : "+negotiationpdf.Consequence(tr(l), c))
	}
}

// negotiationRecordOut is the JSON output of `relance negotiation record` (docs/json.md).
type negotiationRecordOut struct {
	Sheet   *negotiation.Sheet `json:"sheet"`
	Attempt string             `json:"attempt,omitempty"`
	Grade   *negotiation.Grade `json:"grade,omitempty"`
}

func (env *Env) negotiationRecord(args []string) error {
	fs := env.flags("negotiation record")
	path := fs.String("db", "", "dossier file")
	at := fs.String("at", "", "date of the meeting YYYY-MM-DD (default today)")
	cust := fs.String("customer", "", "customer ID")
	outcome := fs.String("outcome", "", "agreement|disagreement")
	by := fs.String("by", "", "the negotiator")
	note := fs.String("note", "", "note")
	ack := fs.Bool("ack", false, "a signed acknowledgement of debt was obtained (C. civ. 2240)")
	accel := fs.Bool("accel", true, "acceleration clause agreed")
	obtained := fs.String("obtained", "", "other counterparts obtained, comma-separated: direct_debit,guarantee,deposit,pay_undisputed")
	waiveI := fs.Bool("waive-interest", false, "the agreement waives the late-payment interest")
	waiveF := fs.Bool("waive-indemnity", false, "the agreement waives the recovery indemnity")
	trainee := fs.String("trainee", "", "score the negotiation for this trainee (name or ID)")
	announced := fs.Bool("announced", false, "the trainee announced the consequences of a disagreement")
	format := fs.String("format", "text", "output format: text or json")
	var inst listFlag
	fs.Var(&inst, "instalment", "YYYY-MM-DD:AMOUNT (repeat)")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("db", *path, "customer", *cust, "outcome", *outcome); err != nil {
		return err
	}
	if err := env.format(*format, "text", "json"); err != nil {
		return err
	}
	asOf, err := env.date("at", *at, env.Today)
	if err != nil {
		return err
	}
	res, err := negotiation.ParseResult(*outcome)
	if err != nil {
		return err
	}
	ins, err := env.parseInstalments(inst)
	if err != nil {
		return err
	}
	o := negotiation.Outcome{Result: res, Date: asOf, Instalments: ins, WaiveInterest: *waiveI, WaiveIndemnity: *waiveF,
		Note: *note, By: *by}
	if *ack {
		o.Obtained = append(o.Obtained, negotiation.Acknowledgement)
	}
	if *accel && res == negotiation.Agreement {
		o.Obtained = append(o.Obtained, negotiation.Acceleration)
	}
	for _, s := range strings.Split(*obtained, ",") {
		if s = strings.TrimSpace(s); s != "" {
			c, err := negotiation.ParseCounterpart(s)
			if err != nil {
				return err
			}
			o.Obtained = append(o.Obtained, c)
		}
	}
	var out negotiationRecordOut
	err = env.withWrite(*path, func(ss *desk.Session) error {
		sh, err := ss.PrepareNegotiation(*cust, asOf)
		if err != nil {
			return err
		}
		if out.Sheet, err = ss.RecordNegotiation(sh, o); err != nil {
			return err
		}
		if *trainee != "" {
			a, g, err := ss.ScoreNegotiation(*trainee, out.Sheet, *announced, *by)
			if err != nil {
				return err
			}
			out.Attempt, out.Grade = a.ID, &g
		}
		return nil
	})
	if err != nil {
		return err
	}
	if *format == "json" {
		return writeJSON(env, out)
	}
	r := out.Sheet.Outcome
	if r.Result == negotiation.Agreement {
		fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "nego.cli.recorded_agreement", "id", out.Sheet.ID, "plan", r.Plan,
			"n", strconv.Itoa(len(r.Instalments)), "amount", r.Total().Format(env.Lang, "EUR")))
	} else {
		fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "nego.cli.recorded_disagreement", "id", out.Sheet.ID,
			"next", i18n.T(env.Lang, "nego.step."+string(r.Next)), "on", pdfdoc.FormatDate(env.Lang, r.NextDate), "action", r.Planned))
	}
	if out.Grade != nil {
		fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "nego.cli.scored", "trainee", *trainee,
			"score", frenchDecimal(env.Lang, out.Grade.Score.StringFixed(1)), "outof", strconv.Itoa(out.Grade.OutOf)))
	}
	return nil
}

// negotiationCase prints the ID and name of the demo's case-study customer.
func (env *Env) negotiationCase(args []string) error {
	fs := env.flags("negotiation case")
	rf := env.reportFlags(fs)
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	_, ss, err := env.openReport(rf)
	if err != nil {
		return err
	}
	defer ss.Close()
	id, name, err := ss.NegotiationCase()
	if err != nil {
		return err
	}
	if id != "" {
		fmt.Fprintln(env.Stdout, id+"\t"+name)
	}
	return nil
}
