package cli

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/law"
)

// paymentList collects repeated --payment YYYY-MM-DD:AMOUNT flags as given.
type paymentList []string

func (p *paymentList) String() string     { return strings.Join(*p, ",") }
func (p *paymentList) Set(s string) error { *p = append(*p, s); return nil }

// penaltiesJSON is the JSON form of `relance penalties`: amounts and rates as decimal strings.
type penaltiesJSON struct {
	Debtor   string             `json:"debtor"`
	End      string             `json:"end"`
	Basis    int                `json:"basis"`
	Currency string             `json:"currency"`
	Lines    []penaltyLineJSON  `json:"lines"`
	Totals   map[string]string  `json:"totals"`
	Notes    []string           `json:"notes"`
	Invoices []law.InvoiceTotal `json:"invoices"`
}

type penaltyLineJSON struct {
	Invoice string `json:"invoice"`
	From    string `json:"from"`
	To      string `json:"to"`
	Days    int    `json:"days"`
	Rate    string `json:"rate"`
	Source  string `json:"rate_source"`
	Ref     string `json:"ref_rate"`
	RefDate string `json:"ref_date"`
	Margin  string `json:"margin"`
	Rule    string `json:"rule"`
	// Entry and Mention are set when the rate was recorded in the dossier, not read from
	// the shipped tables: when, from what source (or assumed), and the sentence saying so.
	Entry    *law.RateEntry `json:"rate_entry,omitempty"`
	Mention  string         `json:"rate_mention,omitempty"`
	Base     string         `json:"base"`
	Exact    string         `json:"exact"`
	Interest string         `json:"interest"`
}

func runPenalties(env *Env, args []string) error {
	fs := env.flags("penalties")
	amount := fs.String("amount", "", "invoice amount incl. VAT")
	due := fs.String("due", "", "due date YYYY-MM-DD")
	paid := fs.String("paid", "", "payment date, or the as-of date if still unpaid (default today)")
	debtor := fs.String("debtor", "b2b", "b2b, b2c, public or uk")
	rate := fs.String("rate", "", "contractual penalty rate in % (B2B only)")
	var payments paymentList
	fs.Var(&payments, "payment", "partial payment YYYY-MM-DD:AMOUNT (repeatable)")
	notice := fs.String("notice", "", "formal notice date YYYY-MM-DD (consumers)")
	basis := fs.String("basis", "365", "days per year: 365 or 360")
	private := fs.Bool("private-creditor", false, "the creditor is a private person (legal rate for private persons)")
	format := fs.String("format", "table", "table or json")
	dbPath := fs.String("db", "", "dossier whose added half-year rates complete the embedded tables (optional)")
	customer := fs.String("customer", "", "with --db: the décompte of this customer's overdue invoices at --paid (default today)")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	l := env.Lang
	if err := env.format(*format, "table", "json"); err != nil {
		return err
	}
	if *customer != "" {
		return runCustomerPenalties(env, *dbPath, *customer, *paid, *rate, *basis, *format)
	}
	if err := env.required("amount", *amount, "due", *due); err != nil {
		return err
	}
	amt, err := ledger.ParseCents(*amount)
	if err != nil || amt <= 0 {
		return &usageError{msg: i18n.T(l, "law.cli.bad_amount", "value", *amount)}
	}
	dueDate, err := env.date("due", *due, ledger.NoDate)
	if err != nil {
		return err
	}
	end, err := env.date("paid", *paid, env.Today)
	if err != nil {
		return err
	}
	if end < dueDate {
		return &usageError{msg: i18n.T(l, "law.cli.paid_before_due", "value", end.String(), "due", dueDate.String())}
	}
	kind, ok := law.ParseDebtor(*debtor)
	if !ok {
		return &usageError{msg: i18n.T(l, "law.cli.bad_debtor", "value", *debtor)}
	}
	terms := law.Terms{Debtor: kind, End: end}
	if *private {
		terms.Creditor = law.PrivateCreditor
	}
	switch *basis {
	case "365":
		terms.Basis = 365
	case "360":
		terms.Basis = 360
	default:
		return &usageError{msg: i18n.T(l, "law.cli.bad_basis", "value", *basis)}
	}
	if *rate != "" {
		r, err := decimal.NewFromString(strings.TrimSuffix(strings.TrimSpace(*rate), "%"))
		if err != nil || r.IsNegative() {
			return &usageError{msg: i18n.T(l, "law.cli.bad_rate", "value", *rate)}
		}
		terms.ContractRate = decimal.NullDecimal{Decimal: r, Valid: true}
	}
	if *notice != "" {
		if kind != law.DebtorConsumer {
			return &usageError{msg: i18n.T(l, "law.cli.notice_only_b2c")}
		}
		if terms.Notice, err = env.date("notice", *notice, ledger.NoDate); err != nil {
			return err
		}
	}
	inv := law.Invoice{Ref: "1", Amount: amt, Due: dueDate}
	for _, p := range payments {
		ds, as, ok := strings.Cut(p, ":")
		d, err1 := ledger.ParseDate(ds)
		a, err2 := ledger.ParseCents(as)
		if !ok || err1 != nil || err2 != nil || a <= 0 {
			return &usageError{msg: i18n.T(l, "law.cli.bad_payment", "value", p)}
		}
		inv.Payments = append(inv.Payments, law.Payment{Date: d, Amount: a})
	}
	rates, err := law.DefaultRates()
	if err != nil {
		return err
	}
	if *dbPath != "" {
		ss, err := desk.OpenRead(*dbPath)
		if err != nil {
			return err
		}
		rates = ss.Rates
		if err := ss.Close(); err != nil {
			return err
		}
	}
	dec, err := law.Compute(rates, terms, inv)
	if err != nil {
		return fmt.Errorf("penalties: %w", err)
	}
	if *format == "json" {
		return writePenaltiesJSON(env, dec)
	}
	return writePenaltiesTable(env, dec)
}

// runCustomerPenalties prints the décompte of a customer's overdue invoices at end (the
// Contentieux screen's computation, desk.Session.Decompte: open amounts at that date,
// interest stopped at an opening judgment, never beyond the rate tables).
func runCustomerPenalties(env *Env, dbPath, customer, paid, rate, basis, format string) error {
	if err := env.required("db", dbPath); err != nil {
		return err
	}
	end, err := env.date("paid", paid, env.Today)
	if err != nil {
		return err
	}
	terms := law.Terms{End: end}
	switch basis {
	case "365":
		terms.Basis = 365
	case "360":
		terms.Basis = 360
	default:
		return &usageError{msg: i18n.T(env.Lang, "law.cli.bad_basis", "value", basis)}
	}
	if rate != "" {
		r, err := decimal.NewFromString(strings.TrimSuffix(strings.TrimSpace(rate), "%"))
		if err != nil || r.IsNegative() {
			return &usageError{msg: i18n.T(env.Lang, "law.cli.bad_rate", "value", rate)}
		}
		terms.ContractRate = decimal.NullDecimal{Decimal: r, Valid: true}
	}
	ss, err := desk.OpenRead(dbPath)
	if err != nil {
		return err
	}
	defer ss.Close()
	dec, err := ss.Decompte(customer, terms)
	if err != nil {
		return err
	}
	if format == "json" {
		return writePenaltiesJSON(env, dec)
	}
	return writePenaltiesTable(env, dec)
}

func writePenaltiesJSON(env *Env, d *law.Decompte) error {
	doc := penaltiesJSON{Debtor: d.Debtor.String(), End: d.End.String(), Basis: d.Basis, Currency: d.Currency,
		Lines: []penaltyLineJSON{}, Notes: []string{}, Invoices: d.Invoices}
	for _, ln := range d.Lines {
		row := penaltyLineJSON{Invoice: ln.Invoice, From: ln.From.String(), To: ln.To.String(),
			Days: ln.Days, Rate: ln.Rate.Rate.StringFixed(2), Source: string(ln.Rate.Source), Ref: ln.Rate.Ref.StringFixed(2),
			RefDate: ln.Rate.RefDate.String(), Margin: ln.Rate.Margin.StringFixed(2), Rule: ln.Rate.Rule, Entry: ln.Rate.Entry,
			Base: ln.Base.String(), Exact: ln.Exact.String(), Interest: ln.Interest.String()}
		if n, ok := ln.Rate.EntryNote(); ok {
			row.Mention = law.FormatNote(n, env.Lang, d.Currency)
		}
		doc.Lines = append(doc.Lines, row)
	}
	t := d.Totals
	doc.Totals = map[string]string{"amount": t.Amount.String(), "paid": t.Paid.String(), "principal": t.Principal.String(),
		"interest": t.Interest.String(), "indemnity": t.Indemnity.String(), "total_due": t.TotalDue.String()}
	for _, n := range d.Notes {
		doc.Notes = append(doc.Notes, law.FormatNote(n, env.Lang, d.Currency))
	}
	enc := json.NewEncoder(env.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

func writePenaltiesTable(env *Env, d *law.Decompte) error {
	l := env.Lang
	tab := newTable(i18n.T(l, "law.col.from"), i18n.T(l, "law.col.to"), i18n.T(l, "law.col.days"), i18n.T(l, "law.col.rate"),
		i18n.T(l, "law.col.base"), i18n.T(l, "law.col.interest"), i18n.T(l, "law.col.rule")).alignRight(2, 3, 4, 5)
	for _, ln := range d.Lines {
		tab.add(ln.From.String(), ln.To.String(), fmt.Sprint(ln.Days), ln.Rate.Rate.StringFixed(2)+ln.Rate.EntryMark(), ln.Base.String(),
			ln.Interest.String(), ln.Rate.Rule)
	}
	if err := tab.write(env.Stdout); err != nil {
		return err
	}
	t := d.Totals
	fmt.Fprintln(env.Stdout)
	for _, kv := range [][2]string{
		{i18n.T(l, "law.total.paid"), t.Paid.Format(l, d.Currency)},
		{i18n.T(l, "law.total.principal"), t.Principal.Format(l, d.Currency)},
		{i18n.T(l, "law.total.interest"), t.Interest.Format(l, d.Currency)},
		{i18n.T(l, "law.total.indemnity"), t.Indemnity.Format(l, d.Currency)},
		{i18n.T(l, "law.total.due"), t.TotalDue.Format(l, d.Currency)},
	} {
		fmt.Fprintln(env.Stdout, i18n.T(l, "cli.kv", "name", kv[0], "value", kv[1]))
	}
	fmt.Fprintln(env.Stdout)
	for _, n := range d.Notes {
		fmt.Fprintln(env.Stdout, "* "+law.FormatNote(n, l, d.Currency))
	}
	return nil
}
