package cli

import (
	"fmt"
	"io"
	"time"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/cheque"
	"relance/letters"
	"relance/letters/pdfdoc"
)

// runCheque dispatches `relance cheque add|step|list|letter`: the unpaid cheques and
// their procedure (CMF L131-73) — desk.RecordCheque, RecordChequeStep, Cheques,
// IssueChequeLetter.
func runCheque(env *Env, args []string) error {
	if len(args) == 0 {
		return &usageError{msg: i18n.T(env.Lang, "cheque.cli.sub", "value", "")}
	}
	switch args[0] {
	case "add":
		return env.chequeAdd(args[1:])
	case "step":
		return env.chequeStep(args[1:])
	case "list":
		return env.chequeList(args[1:])
	case "letter":
		return env.chequeLetter(args[1:])
	}
	return &usageError{msg: i18n.T(env.Lang, "cheque.cli.sub", "value", args[0])}
}

// chequeAdd records an unpaid cheque (`relance cheque add`) and prints its ID and its
// next step.
func (env *Env) chequeAdd(args []string) error {
	fs := env.flags("cheque add")
	path := fs.String("db", "", "dossier file")
	at := fs.String("at", "", "entry date YYYY-MM-DD (default today); no date of the cheque may be after it")
	by := fs.String("by", "", "who records it (default: the dossier's signatory)")
	var f desk.ChequeForm
	var invoices listFlag
	fs.StringVar(&f.Customer, "customer", "", "customer ID (default: the return's)")
	fs.StringVar(&f.Number, "number", "", "the cheque's number")
	fs.StringVar(&f.Bank, "bank", "", "the drawee bank")
	fs.StringVar(&f.Amount, "amount", "", "amount of the cheque, e.g. 1250,00")
	fs.StringVar(&f.Written, "written", "", "date written on the cheque, DD/MM/YYYY or YYYY-MM-DD")
	fs.StringVar(&f.Presented, "presented", "", "date of the first presentation for payment")
	fs.StringVar(&f.Rejected, "rejected", "", "date of the bank's notice of rejection")
	fs.StringVar(&f.Reason, "reason", "no_funds", "no_funds|stopped|account_closed|irregular|other")
	fs.StringVar(&f.Represented, "represented", "", "date of a new presentation, unpaid too")
	fs.Var(&invoices, "invoice", "number or ID of an invoice the cheque was to pay (repeat)")
	fs.StringVar(&f.Return, "return", "", "the return recorded with `relance payment return` (RG…) or the ledger's item (OD:…); fills what is not given")
	fs.StringVar(&f.Notes, "notes", "", "notes")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("db", *path); err != nil {
		return err
	}
	if f.Return == "" {
		if err := env.required("customer", f.Customer, "number", f.Number, "amount", f.Amount, "presented", f.Presented,
			"rejected", f.Rejected); err != nil {
			return err
		}
	}
	today, err := env.date("at", *at, env.Today)
	if err != nil {
		return err
	}
	f.Invoices = invoices
	var c cheque.Cheque
	err = env.withWrite(*path, func(ss *desk.Session) error {
		var err error
		if c, err = ss.ParseChequeForm(f); err != nil {
			return err
		}
		return ss.RecordCheque(&c, today, *by)
	})
	if err != nil {
		return err
	}
	env.printCheque(&c, today)
	return nil
}

// printCheque prints a cheque's ID and its next step at today.
func (env *Env) printCheque(c *cheque.Cheque, today ledger.Date) {
	fmt.Fprintln(env.Stdout, c.ID)
	fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "cheque.cli.next", "step", chequeNextText(env.Lang, c, today)))
}

// chequeNextText words a cheque's next step at asOf: the step and from when, or that the
// procedure is over.
func chequeNextText(l string, c *cheque.Cheque, asOf ledger.Date) string {
	n := c.Next(asOf)
	switch {
	case n != nil:
		return i18n.T(l, "cheque.short."+string(n.Kind)) + " — " + chequeStatusText(l, *n)
	case c.Open() && c.Title.Valid():
		return i18n.T(l, "cheque.next.title_done")
	}
	return i18n.T(l, "cheque.next.none")
}

// chequeStatusText words where a step stands, dates in the user's words.
func chequeStatusText(l string, s cheque.Step) string {
	var out string
	switch s.Status {
	case cheque.Done:
		out = i18n.T(l, "cheque.status.done", "date", dateText(l, s.Done))
	case cheque.Due, cheque.Waiting, cheque.Optional:
		if !s.From.Valid() {
			out = i18n.T(l, "cheque.status.due_now")
		} else {
			out = i18n.T(l, "cheque.status."+string(s.Status), "date", dateText(l, s.From))
		}
	case cheque.Later:
		out = i18n.T(l, "cheque.status.later")
		if s.From.Valid() {
			out = i18n.T(l, "cheque.status.later_from", "date", dateText(l, s.From))
		}
	default:
		out = i18n.T(l, "cheque.status."+string(s.Status))
	}
	if s.By.Valid() && s.Status != cheque.Done {
		out += " ; " + i18n.T(l, "cheque.status.by", "date", dateText(l, s.By))
	}
	return out
}

// chequeStep records a step of a cheque's procedure (`relance cheque step`).
func (env *Env) chequeStep(args []string) error {
	fs := env.flags("cheque step")
	path := fs.String("db", "", "dossier file")
	id := fs.String("id", "", "cheque ID (CH…)")
	step := fs.String("step", "", "letter|represented|cert_requested|cert_obtained|served|title|paid|closed")
	date := fs.String("date", "", "date of the step, DD/MM/YYYY or YYYY-MM-DD")
	officer := fs.String("officer", "", "the commissaire de justice who served the certificate (step served)")
	at := fs.String("at", "", "entry date YYYY-MM-DD (default today); the step may not be after it")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("db", *path, "id", *id, "step", *step, "date", *date); err != nil {
		return err
	}
	today, err := env.date("at", *at, env.Today)
	if err != nil {
		return err
	}
	var c *cheque.Cheque
	err = env.withWrite(*path, func(ss *desk.Session) error {
		var err error
		c, err = ss.RecordChequeStep(*id, *step, *date, *officer, today)
		return err
	})
	if err != nil {
		return err
	}
	env.printCheque(c, today)
	return nil
}

// chequeList lists the unpaid cheques with their next step at --at, the most urgent
// first (`relance cheque list`).
func (env *Env) chequeList(args []string) error {
	fs := env.flags("cheque list")
	rf := env.reportFlags(fs, "table", "json")
	customer := fs.String("customer", "", "only this customer's cheques")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	asOf, ss, err := env.openReport(rf)
	if err != nil {
		return err
	}
	defer ss.Close()
	all, err := ss.Cheques(asOf)
	if err != nil {
		return err
	}
	rows := all[:0:0]
	for _, r := range all {
		if *customer == "" || r.Customer == *customer {
			rows = append(rows, r)
		}
	}
	if rf.Format() == "json" {
		out := chequeListJSON{AsOf: asOf.String(), Cheques: []chequeJSON{}}
		for _, r := range rows {
			out.Cheques = append(out.Cheques, chequeJSONOf(r))
		}
		return writeJSON(env, out)
	}
	l, cur := env.Lang, ss.Book.Settings.Currency
	tab := newTable(i18n.T(l, "cheque.col.id"), i18n.T(l, "law.col.customer"), i18n.T(l, "cheque.col.number"),
		i18n.T(l, "cheque.col.amount"), i18n.T(l, "cheque.col.rejected"), i18n.T(l, "cheque.col.next")).alignRight(3)
	for _, r := range rows {
		tab.add(r.ID, r.Customer+" "+truncate(r.Name, 28), r.Number, r.Amount.Format(l, cur), dateText(l, r.Rejected),
			chequeNextText(l, &r.Cheque, asOf))
	}
	return tab.write(env.Stdout)
}

// chequeLetter issues the letter to the drawer (`relance cheque letter`): checked,
// archived with its record, written to --out.
func (env *Env) chequeLetter(args []string) error {
	fs := env.flags("cheque letter")
	path := fs.String("db", "", "dossier file")
	id := fs.String("id", "", "cheque ID (CH…)")
	at := fs.String("at", "", "letter date YYYY-MM-DD (default today)")
	lang := fs.String("lang", "", "fr|en (default: the customer's language)")
	by := fs.String("by", "", "who issues it (default: the dossier's signatory)")
	out := fs.String("out", "", "PDF file")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("db", *path, "id", *id, "out", *out); err != nil {
		return err
	}
	if *lang != "" && *lang != "fr" && *lang != "en" {
		return &usageError{msg: i18n.T(env.Lang, "check.cli.badlang", "value", *lang)}
	}
	date, err := env.date("at", *at, env.Today)
	if err != nil {
		return err
	}
	f := pdfdoc.NewFactory()
	defer f.Warn(env.Stderr, env.Lang) // characters replaced in the PDF
	var pdf []byte
	var recID string
	err = env.withWrite(*path, func(ss *desk.Session) error {
		rec, b, err := ss.IssueChequeLetter(*id, date, *lang, *by, time.Now(), f)
		if err != nil {
			return err
		}
		pdf, recID = b, rec.ID
		return nil
	})
	if err != nil {
		return err
	}
	if err := letters.WriteFile(*out, func(w io.Writer) error { _, err := w.Write(pdf); return err }); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "cheque.cli.issued", "id", recID, "file", *out))
	return nil
}

// chequeListJSON is `relance cheque list --format json` (docs/json.md).
type chequeListJSON struct {
	AsOf    string       `json:"as_of"`
	Cheques []chequeJSON `json:"cheques"`
}

// chequeJSON is one unpaid cheque with its steps and its next step at the as-of date.
type chequeJSON struct {
	cheque.Cheque
	Name  string        `json:"name"`
	Steps []cheque.Step `json:"steps"`
	Next  *cheque.Step  `json:"next,omitempty"`
	Days  *int          `json:"days_to_next,omitempty"`
}

func chequeJSONOf(r desk.ChequeRow) chequeJSON {
	j := chequeJSON{Cheque: r.Cheque, Name: r.Name, Steps: r.Steps, Next: r.Next}
	if r.Next != nil && r.Next.From.Valid() {
		d := r.Days
		j.Days = &d
	}
	if j.Invoices == nil {
		j.Invoices = []string{}
	}
	if j.Represented == nil {
		j.Represented = []ledger.Date{}
	}
	return j
}
