package cli

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/letters"
	"relance/letters/pdfdoc"
)

// runOverindebt is `relance overindebt set|show|list|letter|clear`: a consumer
// customer's over-indebtedness file (surendettement), as the customer card's
// « Surendettement » section shows and records it (desk.Session.SetOverindebt,
// Overindebt, Overindebts, IssueOverindebtLetter, DeleteOverindebt).
func runOverindebt(env *Env, args []string) error {
	if len(args) == 0 {
		return &usageError{msg: i18n.T(env.Lang, "overindebt.cli.sub", "value", "")}
	}
	switch args[0] {
	case "set":
		return env.overindebtSet(args[1:])
	case "show":
		return env.overindebtShow(args[1:])
	case "list":
		return env.overindebtList(args[1:])
	case "letter":
		return env.overindebtLetter(args[1:])
	case "clear":
		return env.overindebtClear(args[1:])
	}
	return &usageError{msg: i18n.T(env.Lang, "overindebt.cli.sub", "value", args[0])}
}

// overindebtSet records or updates a file and prints it at --at.
func (env *Env) overindebtSet(args []string) error {
	fs := env.flags("overindebt set")
	path := fs.String("db", "", "dossier file")
	at := fs.String("at", "", "entry date YYYY-MM-DD (default today)")
	by := fs.String("by", "", "who records it (default: the dossier's signatory)")
	format := fs.String("format", "table", "output format: table or json")
	var f desk.OverindebtForm
	fs.StringVar(&f.Customer, "customer", "", "customer ID (a consumer)")
	fs.StringVar(&f.Commission, "commission", "", "the commission de surendettement, e.g. \"Commission de surendettement du Rhône\"")
	fs.StringVar(&f.Address, "address", "", "the commission's address, \"LINE, LINE, POSTCODE CITY\"")
	fs.StringVar(&f.Ref, "ref", "", "the file's reference at the commission")
	fs.StringVar(&f.Filed, "filed", "", "date the debtor filed, DD/MM/YYYY or YYYY-MM-DD")
	fs.StringVar(&f.Admitted, "admitted", "", "date the file was declared admissible (recevable)")
	fs.StringVar(&f.Notified, "notified", "", "date the état du passif was notified to you")
	fs.StringVar(&f.DebtorAmount, "debtor-amount", "", "your claim as the debtor declared it, e.g. 1 020,00")
	fs.StringVar(&f.Outcome, "outcome", "", "refused|plan|measures|rp|rp_liquidation|closed (empty: the file runs)")
	fs.StringVar(&f.OutcomeDate, "outcome-date", "", "date of the outcome")
	fs.StringVar(&f.Note, "note", "", "a note")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("db", *path, "customer", f.Customer, "commission", f.Commission, "filed", f.Filed); err != nil {
		return err
	}
	if err := env.format(*format, "table", "json"); err != nil {
		return err
	}
	asOf, err := env.date("at", *at, env.Today)
	if err != nil {
		return err
	}
	k, err := desk.ParseOverindebtForm(f)
	if err != nil {
		return err
	}
	var r *desk.OverindebtRow
	var cur string
	err = env.withWrite(*path, func(ss *desk.Session) error {
		cur = ss.Book.Settings.Currency
		r, err = ss.SetOverindebt(k, asOf, *by)
		return err
	})
	if err != nil {
		return err
	}
	if *format == "json" {
		return writeJSON(env, r)
	}
	return writeOverindebt(env.Stdout, env.Lang, cur, r)
}

// overindebtShow prints a customer's file at --at.
func (env *Env) overindebtShow(args []string) error {
	fs := env.flags("overindebt show")
	rf := env.reportFlags(fs, "table", "json")
	customer := fs.String("customer", "", "customer ID")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("customer", *customer); err != nil {
		return err
	}
	rf.customer = *customer
	asOf, ss, err := env.openReport(rf)
	if err != nil {
		return err
	}
	defer ss.Close()
	r, err := ss.Overindebt(*customer, asOf)
	if err != nil {
		return err
	}
	if r == nil {
		return &ledger.Problem{Key: "overindebt.err.none", Args: []string{"customer", *customer}}
	}
	if rf.Format() == "json" {
		return writeJSON(env, r)
	}
	return writeOverindebt(env.Stdout, env.Lang, ss.Book.Settings.Currency, r)
}

// overindebtList lists every file at --at with its phase and next deadline.
func (env *Env) overindebtList(args []string) error {
	fs := env.flags("overindebt list")
	rf := env.reportFlags(fs, "table", "json")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	reach := desk.Reach{}
	rf.reach = &reach // the open items are enough
	asOf, ss, err := env.openReport(rf)
	if err != nil {
		return err
	}
	defer ss.Close()
	rows, err := ss.Overindebts(asOf)
	if err != nil {
		return err
	}
	if rf.Format() == "json" {
		return writeJSON(env, struct {
			AsOf  ledger.Date          `json:"as_of"`
			Files []desk.OverindebtRow `json:"files"`
		}{asOf, rows})
	}
	l, cur := env.Lang, ss.Book.Settings.Currency
	if len(rows) == 0 {
		fmt.Fprintln(env.Stdout, i18n.T(l, "overindebt.cli.none"))
		return nil
	}
	t := newTable(i18n.T(l, "overindebt.col.customer"), i18n.T(l, "overindebt.col.name"), i18n.T(l, "overindebt.col.phase"),
		i18n.T(l, "overindebt.col.filed"), i18n.T(l, "overindebt.col.next"), i18n.T(l, "overindebt.col.claim")).alignRight(5)
	for _, r := range rows {
		next := ""
		if d, ok := r.Status.Next(); ok {
			next = desk.OverindebtDeadline(l, d)
		}
		t.add(r.Customer, truncate(r.Name, 30), desk.OverindebtPhase(l, &r.Case, r.Status), dateText(l, r.Filed), next, r.Claim.Format(l, cur))
	}
	return t.write(env.Stdout)
}

// overindebtLetter issues the letter to the commission and writes its PDF.
func (env *Env) overindebtLetter(args []string) error {
	fs := env.flags("overindebt letter")
	path := fs.String("db", "", "dossier file")
	at := fs.String("at", "", "date of the letter YYYY-MM-DD (default today)")
	customer := fs.String("customer", "", "customer ID")
	out := fs.String("out", "", "PDF file")
	by := fs.String("by", "", "who issues it")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("db", *path, "customer", *customer, "out", *out); err != nil {
		return err
	}
	asOf, err := env.date("at", *at, env.Today)
	if err != nil {
		return err
	}
	factory := pdfdoc.NewFactory()
	defer factory.Warn(env.Stderr, env.Lang) // characters replaced in the PDF
	var pdf []byte
	err = env.withWrite(*path, func(ss *desk.Session) error {
		ol, err := ss.IssueOverindebtLetter(*customer, asOf, *by, time.Now(), factory)
		if err != nil {
			return err
		}
		pdf = ol.PDF
		cur := ss.Book.Settings.Currency
		fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "letters.cli.issued", "id", ol.Record.ID, "hash", ol.Record.PDFHash))
		fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "overindebt.cli.declared", "total", ol.Claim.Total.Format(env.Lang, cur),
			"n", strconv.Itoa(len(ol.Claim.Lines))))
		return nil
	})
	if err != nil {
		return err
	}
	return letters.WriteFile(*out, func(w io.Writer) error { _, err := w.Write(pdf); return err })
}

// overindebtClear removes a file entered by mistake.
func (env *Env) overindebtClear(args []string) error {
	fs := env.flags("overindebt clear")
	path := fs.String("db", "", "dossier file")
	customer := fs.String("customer", "", "customer ID")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("db", *path, "customer", *customer); err != nil {
		return err
	}
	return env.withWrite(*path, func(ss *desk.Session) error { return ss.DeleteOverindebt(*customer) })
}

// writeOverindebt prints file r as name : value lines and its deadlines.
func writeOverindebt(w io.Writer, l, cur string, r *desk.OverindebtRow) error {
	kv := func(key, value string) {
		if value != "" {
			fmt.Fprintln(w, i18n.T(l, "cli.kv", "name", i18n.T(l, key), "value", value))
		}
	}
	date := func(d ledger.Date) string {
		if !d.Valid() {
			return ""
		}
		return dateText(l, d)
	}
	money := func(c ledger.Cents) string {
		if c == 0 {
			return ""
		}
		return c.Format(l, cur)
	}
	fmt.Fprintln(w, r.Customer+" "+r.Name)
	kv("overindebt.label.phase", desk.OverindebtPhase(l, &r.Case, r.Status))
	kv("overindebt.label.reminders", i18n.T(l, "overindebt.reminders."+strconv.FormatBool(r.Status.Held)))
	if r.Status.Frozen {
		kv("overindebt.label.penalties", i18n.T(l, "overindebt.penalties.frozen", "date", dateText(l, r.Status.FrozenFrom.AddDays(-1))))
	} else {
		kv("overindebt.label.penalties", i18n.T(l, "overindebt.penalties.run"))
	}
	kv("overindebt.label.commission", r.Commission)
	kv("overindebt.label.address", r.CommissionAddress.OneLine())
	kv("overindebt.label.ref", r.Ref)
	kv("overindebt.label.filed", date(r.Filed))
	kv("overindebt.label.admitted", date(r.Admitted))
	kv("overindebt.label.notified", date(r.Notified))
	kv("overindebt.label.debtor_amount", money(r.DebtorAmount))
	kv("overindebt.label.claim", r.Claim.Format(l, cur))
	if r.JustifiedOn.Valid() {
		kv("overindebt.label.justified", i18n.T(l, "overindebt.justified", "amount", r.Justified.Format(l, cur), "date", dateText(l, r.JustifiedOn)))
	}
	kv("overindebt.label.note", r.Note)
	if len(r.Status.Deadlines) == 0 {
		return nil
	}
	fmt.Fprintln(w)
	t := newTable(i18n.T(l, "overindebt.col.deadline"), i18n.T(l, "overindebt.col.date"), i18n.T(l, "overindebt.col.left"),
		i18n.T(l, "overindebt.col.article")).alignRight(2)
	for _, d := range r.Status.Deadlines {
		t.add(i18n.T(l, "overindebt.deadline."+string(d.Kind)), dateText(l, d.Date), desk.OverindebtLeft(l, d), d.Article)
	}
	return t.write(w)
}
