package cli

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/law"
	"relance/letters"
	"relance/letters/insolvency"
	"relance/letters/pdfdoc"
)

// runProcedureEvent records an event of a customer's procedure (a contestation
// received, a decision notified…) and prints the procedure's dated steps.
func runProcedureEvent(env *Env, args []string) error {
	fs := env.flags("procedure-event")
	dbPath := fs.String("db", "", "dossier file")
	customer := fs.String("customer", "", "customer ID")
	procID := fs.String("procedure", "", "procedure ID (default: the one governing the customer on the event's date)")
	event := fs.String("event", "", "contestation, decision, revendication, contract-notice or observation-end")
	date := fs.String("date", "", "date of the event (receipt, notification, end) YYYY-MM-DD or DD/MM/YYYY")
	subject := fs.String("subject", "", "what it is about: the contract (required for contract-notice), the claim disputed…")
	contract := fs.String("contract", "", "the ongoing contract (same as --subject)")
	at := fs.String("at", "", "day it is recorded (default today)")
	by := fs.String("by", "", "who records it")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("db", *dbPath, "customer", *customer, "event", *event, "date", *date); err != nil {
		return err
	}
	kind, ok := law.ParseProcEventKind(*event)
	if !ok {
		return &usageError{msg: i18n.T(env.Lang, "insolv2.err.event", "id", *customer, "field", "event", "value", *event)}
	}
	d, err := ledger.ParseDate(*date)
	if err != nil {
		if d, err = ledger.ParseFrenchDate(*date); err != nil {
			return &usageError{msg: i18n.T(env.Lang, "cli.baddate", "flag", "--date", "value", *date)}
		}
	}
	recorded, err := env.date("at", *at, env.Today)
	if err != nil {
		return err
	}
	if *subject == "" {
		*subject = *contract
	}
	var p *law.Procedure
	err = env.withWrite(*dbPath, func(ss *desk.Session) error {
		var err error
		p, err = ss.RecordProcedureEvent(*customer, *procID, law.ProcEvent{Kind: kind, Date: d, Subject: *subject,
			Recorded: recorded, By: ss.Who(*by)})
		return err
	})
	if err != nil {
		return err
	}
	l := env.Lang
	fmt.Fprintln(env.Stdout, i18n.T(l, "insolv2.cli.recorded", "id", p.ID, "event", i18n.T(l, "insolv2.event."+string(kind)),
		"date", dateText(l, d)))
	writeSteps(env.Stdout, l, *p, recorded)
	return nil
}

// writeSteps prints a procedure's dated steps at asOf, one a line, dates in the
// user's words, a rule the legal reference does not source marked « à vérifier ».
func writeSteps(w io.Writer, l string, p law.Procedure, asOf ledger.Date) {
	for _, d := range law.ProcedureDeadlines(p, asOf) {
		fmt.Fprintln(w, i18n.T(l, "insolv2.cli.step", "what", stepName(l, d, 0), "date", dateText(l, d.Date),
			"days", i18n.T(l, "insolv2.cli.days", "n", strconv.Itoa(d.DaysLeft), "level", i18n.T(l, "law.proc.level."+string(d.Level))),
			"rule", stepRule(l, d)))
	}
}

// stepName names a procedure step, with what its event is about (the contract…),
// cut to max characters in a table (0: whole).
func stepName(l string, d law.ProcDeadline, max int) string {
	what := i18n.T(l, "law.proc.deadline."+string(d.Kind))
	if s := d.Subject; s != "" {
		if max > 0 {
			s = truncate(s, max)
		}
		what += " (" + s + ")"
	}
	return what
}

// stepRule is a step's article, marked « à vérifier » when the project's legal
// reference does not source it.
func stepRule(l string, d law.ProcDeadline) string {
	if d.Unverified {
		return d.Rule + " — " + i18n.T(l, "insolv2.unverified")
	}
	return d.Rule
}

// runProcedureLetter issues a follow-up letter of a customer's procedure: the request
// for relief from the time bar, the notice on an ongoing contract or the information
// of post-opening claims. The letter is archived with its record first, then written
// to --out.
func runProcedureLetter(env *Env, args []string) error {
	fs := env.flags("procedure-letter")
	dbPath := fs.String("db", "", "dossier file")
	customer := fs.String("customer", "", "customer ID")
	kindFlag := fs.String("kind", "", "forclusion, contract or post-opening")
	reason := fs.String("reason", "omitted", "forclusion: omitted (debtor's list, L622-6), unknown (could not know: 1 year) or other")
	facts := fs.String("facts", "", "forclusion: the facts showing the default is not the creditor's fault (required for unknown and other)")
	contract := fs.String("contract", "", "contract: the ongoing contract")
	courtAddr := fs.String("court-address", "", "forclusion: the court's address: street, postcode city")
	lang := fs.String("lang", "", "fr or en (a courtesy translation); default the dossier's")
	at := fs.String("at", "", "date of the letter (default today)")
	by := fs.String("by", "", "who issues it")
	out := fs.String("out", "", "PDF file (the letter stays in the archive in any case)")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("db", *dbPath, "customer", *customer, "kind", *kindFlag); err != nil {
		return err
	}
	kind, ok := insolvency.ParseFollowUpKind(*kindFlag)
	if !ok {
		return &usageError{msg: i18n.T(env.Lang, "insolv2.err.field", "field", "kind", "value", *kindFlag)}
	}
	r, ok := insolvency.ParseForclusionReason(*reason)
	if !ok {
		return &usageError{msg: i18n.T(env.Lang, "insolv2.err.field", "field", "reason", "value", *reason)}
	}
	asOf, err := env.date("at", *at, env.Today)
	if err != nil {
		return err
	}
	req := insolvency.FollowUpRequest{Kind: kind, Reason: r, Facts: *facts, Contract: *contract, Lang: *lang}
	if *courtAddr != "" {
		req.CourtAddress = ledger.ParseAddressLine(*courtAddr)
	}
	factory := pdfdoc.NewFactory()
	defer factory.Warn(env.Stderr, env.Lang) // characters replaced in the PDF
	var pdf []byte
	err = env.withWrite(*dbPath, func(ss *desk.Session) error {
		rec, b, err := ss.IssueProcedureLetter(*customer, req, asOf, *by, time.Now(), factory)
		if err != nil {
			return err
		}
		pdf = b
		fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "letters.cli.issued", "id", rec.ID, "hash", rec.PDFHash))
		return nil
	})
	if err != nil || *out == "" {
		return err
	}
	return letters.WriteFile(*out, func(w io.Writer) error { _, err := w.Write(pdf); return err })
}
