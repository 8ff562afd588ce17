package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/law"
	"relance/letters"
	"relance/letters/pdfdoc"
)

// runJudgment dispatches `relance judgment add|pay|list|decompte`: the decisions
// obtained against customers and their post-judgment décompte (desk.RecordJudgment,
// AddJudgmentPayment, Judgments, JudgmentDecompte).
func runJudgment(env *Env, args []string) error {
	if len(args) == 0 {
		return &usageError{msg: i18n.T(env.Lang, "judgment.cli.sub", "value", "")}
	}
	switch args[0] {
	case "add":
		return env.judgmentAdd(args[1:])
	case "pay":
		return env.judgmentPay(args[1:])
	case "list":
		return env.judgmentList(args[1:])
	case "decompte", "décompte", "statement":
		return env.judgmentDecompte(args[1:])
	}
	return &usageError{msg: i18n.T(env.Lang, "judgment.cli.sub", "value", args[0])}
}

// judgmentAdd records a decision (`relance judgment add`) and prints its ID, the first
// day of the L313-3 majoration and the L111-4 deadline.
func (env *Env) judgmentAdd(args []string) error {
	fs := env.flags("judgment add")
	path := fs.String("db", "", "dossier file")
	at := fs.String("at", "", "entry date YYYY-MM-DD (default today); the decision may not be dated after it")
	by := fs.String("by", "", "who records it (default: the dossier's signatory)")
	var f desk.JudgmentForm
	fs.StringVar(&f.Customer, "customer", "", "customer ID")
	fs.StringVar(&f.Kind, "kind", "", "injonction (order for payment made enforceable), jugement or refere")
	fs.StringVar(&f.Decision, "date", "", "date of the decision, DD/MM/YYYY or YYYY-MM-DD")
	fs.StringVar(&f.Enforceable, "enforceable", "", "date it became enforceable (service, enforcement formula)")
	fs.StringVar(&f.Principal, "principal", "", "principal awarded, e.g. 12500,00")
	fs.StringVar(&f.Rate, "rate", "legal", "interest on the principal: legal, l441-10, or a rate in % a year set by the decision")
	fs.StringVar(&f.InterestFrom, "interest-from", "", "date interest runs from (default: the decision)")
	fs.StringVar(&f.Indemnity, "indemnity", "", "fixed recovery indemnity awarded")
	fs.StringVar(&f.Art700, "art700", "", "sum awarded under art. 700 CPC")
	fs.StringVar(&f.Costs, "costs", "", "dépens (costs) as liquidated")
	fs.BoolVar(&f.Capitalise, "capitalise", false, "the decision orders the capitalisation of interest (C. civ. 1343-2)")
	fs.StringVar(&f.Court, "court", "", "court, e.g. \"Tribunal de commerce de Lyon\"")
	fs.StringVar(&f.Ref, "ref", "", "the decision's reference (RG number)")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("db", *path, "customer", f.Customer, "kind", f.Kind, "date", f.Decision,
		"enforceable", f.Enforceable, "principal", f.Principal); err != nil {
		return err
	}
	today, err := env.date("at", *at, env.Today)
	if err != nil {
		return err
	}
	j, err := desk.ParseJudgmentForm(f)
	if err != nil {
		return err
	}
	err = env.withWrite(*path, func(ss *desk.Session) error { return ss.RecordJudgment(&j, today, *by) })
	if err != nil {
		return err
	}
	l := env.Lang
	fmt.Fprintln(env.Stdout, j.ID)
	fmt.Fprintln(env.Stdout, i18n.T(l, "cli.kv", "name", i18n.T(l, "judgment.pdf.majoration"),
		"value", i18n.T(l, "judgment.pdf.majoration_from", "date", dateText(l, j.MajorationStart()))))
	fmt.Fprintln(env.Stdout, i18n.T(l, "judgment.pdf.enforce_until", "date", dateText(l, j.EnforcementDeadline()),
		"end", dateText(l, j.Enforceable)))
	return nil
}

// judgmentPay records a payment received on a decision (`relance judgment pay`).
func (env *Env) judgmentPay(args []string) error {
	fs := env.flags("judgment pay")
	path := fs.String("db", "", "dossier file")
	id := fs.String("id", "", "decision ID (JG…)")
	date := fs.String("date", "", "date the payment was received, DD/MM/YYYY or YYYY-MM-DD")
	amount := fs.String("amount", "", "amount received")
	ref := fs.String("ref", "", "reference (transfer, commissaire de justice's remittance)")
	at := fs.String("at", "", "entry date YYYY-MM-DD (default today)")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("db", *path, "id", *id, "date", *date, "amount", *amount); err != nil {
		return err
	}
	today, err := env.date("at", *at, env.Today)
	if err != nil {
		return err
	}
	var j *law.Judgment
	err = env.withWrite(*path, func(ss *desk.Session) error {
		var err error
		j, err = ss.AddJudgmentPayment(*id, *date, *amount, *ref, today)
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "judgment.cli.paid", "id", j.ID, "n", strconv.Itoa(len(j.Payments))))
	return nil
}

// judgmentList lists the decisions with their L111-4 deadline and what remains due at --at.
func (env *Env) judgmentList(args []string) error {
	fs := env.flags("judgment list")
	rf := env.reportFlags(fs, "table", "json")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	asOf, ss, err := env.openReport(rf)
	if err != nil {
		return err
	}
	defer ss.Close()
	rows, err := ss.Judgments(asOf, env.Lang)
	if err != nil {
		return err
	}
	if rf.Format() == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			AsOf      string            `json:"as_of"`
			Judgments []judgmentRowJSON `json:"judgments"`
		}{asOf.String(), judgmentRowsJSON(rows)})
	}
	return judgmentTable(env.Lang, ss.Book.Settings.Currency, rows).write(env.Stdout)
}

// judgmentTable is the list of decisions, dates in the user's words: also the
// enforcement section of `relance deadlines`.
func judgmentTable(l, cur string, rows []desk.JudgmentRow) *table {
	tab := newTable(i18n.T(l, "judgment.col.id"), i18n.T(l, "law.col.customer"), i18n.T(l, "judgment.col.kind"),
		i18n.T(l, "judgment.col.decision"), i18n.T(l, "judgment.col.enforceable"), i18n.T(l, "judgment.col.due"),
		i18n.T(l, "judgment.col.enforce_until"), i18n.T(l, "law.col.daysleft"), i18n.T(l, "law.col.level")).alignRight(5, 7)
	for _, r := range rows {
		due := r.TotalDue.Format(l, cur)
		if r.Problem != "" {
			due = "—"
		}
		tab.add(r.ID, r.Customer+" "+truncate(r.Name, 28), i18n.T(l, "judgment.short."+string(r.Kind)), dateText(l, r.Decision),
			dateText(l, r.Enforceable), due, dateText(l, r.EnforceUntil), strconv.Itoa(r.DaysLeft), i18n.T(l, "law.level."+string(r.Level)))
	}
	return tab
}

// judgmentDecompte prints the post-judgment décompte of a customer's decision and
// with --out writes the PDF for the commissaire de justice.
func (env *Env) judgmentDecompte(args []string) error {
	fs := env.flags("judgment decompte")
	rf := env.reportFlags(fs, "text", "json")
	customer := fs.String("customer", "", "customer ID")
	id := fs.String("id", "", "decision ID (default: the customer's latest)")
	out := fs.String("out", "", "PDF file for the commissaire de justice")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("customer", *customer); err != nil {
		return err
	}
	asOf, ss, err := env.openReport(rf)
	if err != nil {
		return err
	}
	defer ss.Close()
	d, err := ss.JudgmentDecompte(*customer, *id, asOf)
	if err != nil {
		return err
	}
	if *out != "" {
		var buf bytes.Buffer
		f := pdfdoc.NewFactory()
		defer f.Warn(env.Stderr, env.Lang) // characters replaced in the PDF
		if err := ss.WriteJudgmentPDF(&buf, d, env.Lang, f); err != nil {
			return err
		}
		if err := letters.WriteFile(*out, func(w io.Writer) error { _, err := w.Write(buf.Bytes()); return err }); err != nil {
			return err
		}
		fmt.Fprintln(env.Stderr, i18n.T(env.Lang, "credit.cli.written", "file", *out))
	}
	if rf.Format() == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(judgmentDecompteJSON{d, toJudgmentJSON(d.Judgment)})
	}
	return writeJudgmentText(env, ss, d)
}

func writeJudgmentText(env *Env, ss *desk.Session, d *law.JudgmentDecompte) error {
	l, w, cur := env.Lang, env.Stdout, d.Currency
	j := &d.Judgment
	name := j.Customer
	if acc := ss.Book.Account(j.Customer); acc != nil {
		name = acc.Customer.Name
	}
	money := func(c ledger.Cents) string { return c.Format(l, cur) }
	kv := func(key, value string) { fmt.Fprintln(w, i18n.T(l, "cli.kv", "name", i18n.T(l, key), "value", value)) }
	fmt.Fprintf(w, "%s — %s (%s) — %s\n\n", i18n.T(l, "judgment.pdf.title"), name, j.Customer, j.ID)
	decision := i18n.T(l, j.Kind.KindKey())
	for _, s := range []string{j.Court, j.Ref} {
		if s != "" {
			decision += " — " + s
		}
	}
	kv("judgment.pdf.decision", decision)
	kv("judgment.pdf.date", dateText(l, j.Decision))
	kv("judgment.pdf.enforceable", dateText(l, j.Enforceable))
	rate := i18n.T(l, j.Interest.InterestKey())
	if j.Interest == law.InterestContract {
		rate += " (" + law.PercentText(l, j.Rate.Decimal) + " %)"
	}
	kv("judgment.pdf.interest", i18n.T(l, "judgment.pdf.interest_from", "rate", rate, "date", dateText(l, j.InterestStart())))
	if j.Interest == law.InterestLegal || j.Indemnity > 0 || j.Art700 > 0 {
		kv("judgment.pdf.majoration", i18n.T(l, "judgment.pdf.majoration_from", "date", dateText(l, d.Majoration)))
	}
	key := "judgment.pdf.enforce_until"
	if d.DaysLeft < 0 {
		key = "judgment.pdf.enforce_passed"
	}
	fmt.Fprintln(w, i18n.T(l, key, "date", dateText(l, d.EnforceUntil), "end", dateText(l, j.Enforceable)))

	fmt.Fprintf(w, "\n%s\n", i18n.T(l, "judgment.pdf.h.interest", "date", dateText(l, d.InterestEnd)))
	tab := newTable(i18n.T(l, "judgment.pdf.col.sum"), i18n.T(l, "law.col.from"), i18n.T(l, "law.col.to"), i18n.T(l, "law.col.days"),
		i18n.T(l, "law.col.rate"), i18n.T(l, "law.col.base"), i18n.T(l, "law.col.interest"), i18n.T(l, "law.col.rule")).alignRight(3, 4, 5, 6)
	for _, ln := range d.Lines {
		tab.add(i18n.T(l, law.AwardKey(law.Award(ln.Invoice))), dateText(l, ln.From), dateText(l, ln.To), strconv.Itoa(ln.Days),
			law.PercentText(l, ln.Rate.Rate)+" %"+ln.Rate.EntryMark(), money(ln.Base), money(ln.Interest), ln.Rate.Rule)
	}
	if err := tab.write(w); err != nil {
		return err
	}
	if len(d.Events) > 0 {
		fmt.Fprintf(w, "\n%s\n", i18n.T(l, "judgment.pdf.h.events"))
		ev := newTable(i18n.T(l, "judgment.pdf.col.date"), i18n.T(l, "judgment.pdf.col.event"), i18n.T(l, "judgment.pdf.col.amount"),
			i18n.T(l, "judgment.pdf.col.to_costs"), i18n.T(l, "judgment.pdf.col.to_interest"), i18n.T(l, "judgment.pdf.col.to_principal")).alignRight(2, 3, 4, 5)
		for _, e := range d.Events {
			if e.Kind == law.JudgmentCapitalised {
				ev.add(dateText(l, e.Date), i18n.T(l, "judgment.event.capitalised", "claim", i18n.T(l, law.AwardKey(e.Award))),
					money(e.Amount), "", "", "")
				continue
			}
			what := i18n.T(l, "judgment.event.payment")
			if e.Ref != "" {
				what += " — " + e.Ref
			}
			ev.add(dateText(l, e.Date), what, money(e.Amount), money(e.ToCosts), money(e.ToInterest), money(e.ToPrincipal))
		}
		if err := ev.write(w); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "\n%s\n", i18n.T(l, "judgment.pdf.h.sums"))
	st := newTable(i18n.T(l, "judgment.pdf.col.sum"), i18n.T(l, "judgment.pdf.col.awarded"), i18n.T(l, "judgment.pdf.col.paid"),
		i18n.T(l, "judgment.pdf.col.owed"), i18n.T(l, "judgment.pdf.col.accrued"), i18n.T(l, "judgment.pdf.col.interest_paid"),
		i18n.T(l, "judgment.pdf.col.interest_owed")).alignRight(1, 2, 3, 4, 5, 6)
	for _, s := range d.Sums {
		if s.Awarded > 0 {
			st.add(i18n.T(l, law.AwardKey(s.Award)), money(s.Awarded), money(s.Paid), money(s.Owed), money(s.Accrued),
				money(s.InterestPaid), money(s.InterestOwed))
		}
	}
	if err := st.write(w); err != nil {
		return err
	}
	fmt.Fprintln(w)
	kv("judgment.pdf.tot.paid", money(d.Totals.Paid))
	fmt.Fprintln(w, i18n.T(l, "cli.kv", "name", i18n.T(l, "judgment.pdf.tot.due", "date", dateText(l, d.AsOf)), "value", money(d.Totals.TotalDue)))
	for _, n := range d.Notes {
		fmt.Fprintln(w, "* "+d.NoteText(n, l))
	}
	return nil
}

// judgmentRow is a decision with its enforcement deadline and what remains due.
type judgmentRow = desk.JudgmentRow

// writeEnforcementDeadlines is the section of `relance deadlines` that lists the
// decisions' enforcement periods (CPCE L111-4), when the dossier records any.
func writeEnforcementDeadlines(env *Env, rows []judgmentRow, cur string) error {
	if len(rows) == 0 {
		return nil
	}
	fmt.Fprintf(env.Stdout, "\n%s\n", i18n.T(env.Lang, "judgment.cli.deadlines"))
	return judgmentTable(env.Lang, cur, rows).write(env.Stdout)
}
