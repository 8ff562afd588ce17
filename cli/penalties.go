package cli

import (
	"encoding/json"
	"fmt"
	"path/filepath"
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
	Debtor   string            `json:"debtor"`
	End      string            `json:"end"`
	Basis    int               `json:"basis"`
	Currency string            `json:"currency"`
	Lines    []penaltyLineJSON `json:"lines"`
	Totals   map[string]string `json:"totals"`
	Notes    []string          `json:"notes"`
	// Warnings repeats the notes the user must not miss (law.Decompte.Warnings).
	Warnings []string           `json:"warnings"`
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
	Basis    int            `json:"basis"` // days per year of the line
	Exact    string         `json:"exact"`
	Interest string         `json:"interest"`
}

func runPenalties(env *Env, args []string) error {
	fs := env.flags("penalties")
	amount := fs.String("amount", "", "invoice amount incl. VAT")
	due := fs.String("due", "", "due date YYYY-MM-DD")
	paid := fs.String("paid", "", "payment date, or the as-of date if still unpaid (default today)")
	debtor := fs.String("debtor", "b2b", "b2b, b2c, public or uk")
	rate := fs.String("rate", "", "contractual penalty rate in % (B2B only); below the legal floor, the floor applies")
	var payments paymentList
	fs.Var(&payments, "payment", "partial payment YYYY-MM-DD:AMOUNT (repeatable)")
	notice := fs.String("notice", "", "formal notice date YYYY-MM-DD (consumers)")
	basis := fs.String("basis", "365", "days per year: 365, 366 (366 for the days in a leap year) or 360")
	private := fs.Bool("private-creditor", false, "the creditor is a private person (legal rate for private persons)")
	format := fs.String("format", "table", "table or json")
	dbPath := fs.String("db", "", "dossier whose added half-year rates complete the embedded tables (optional)")
	customer := fs.String("customer", "", "with --db: the décompte of this customer's overdue invoices at --paid (default today)")
	out := fs.String("out", "", "also write the décompte as a PDF (FILE.pdf)")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	l := env.Lang
	if err := env.format(*format, "table", "json"); err != nil {
		return err
	}
	if *out != "" && !strings.EqualFold(filepath.Ext(*out), ".pdf") {
		return &usageError{msg: i18n.T(l, "law.cli.out_ext", "value", *out)}
	}
	if *customer != "" {
		return runCustomerPenalties(env, *dbPath, *customer, *paid, *rate, *basis, *format, *out)
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
	kind, ok := law.ParseDebtor(*debtor)
	if !ok {
		return &usageError{msg: i18n.T(l, "law.cli.bad_debtor", "value", *debtor)}
	}
	terms := law.Terms{Debtor: kind, End: end}
	if *private {
		terms.Creditor = law.PrivateCreditor
	}
	if terms.Basis, err = parseBasis(env, *basis); err != nil {
		return err
	}
	if terms.ContractRate, err = parseContractRate(env, *rate); err != nil {
		return err
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
	var given ledger.Cents
	for _, p := range payments {
		ds, as, ok := strings.Cut(p, ":")
		d, err1 := ledger.ParseDate(ds)
		a, err2 := ledger.ParseCents(as)
		if !ok || err1 != nil || err2 != nil || a <= 0 {
			return &usageError{msg: i18n.T(l, "law.cli.bad_payment", "value", p)}
		}
		inv.Payments = append(inv.Payments, law.Payment{Date: d, Amount: a})
		given += a
	}
	if *paid != "" && end <= dueDate && given < amt {
		// --paid is the payment date: paid on or before the due date, the invoice is
		// settled on time — nothing is owed (law.note.paid_on_time), not a usage error.
		inv.Payments = append(inv.Payments, law.Payment{Date: end, Amount: amt - given})
	}
	rates, err := law.DefaultRates()
	if err != nil {
		return err
	}
	var company ledger.Company
	if *dbPath != "" {
		ss, err := desk.OpenReadCustomer(*dbPath, "") // its rates and letterhead: no account
		if err != nil {
			return err
		}
		rates, company = ss.Rates, ss.Book.Settings.Company
		if err := ss.Close(); err != nil {
			return err
		}
	}
	dec, err := law.Compute(rates, terms, inv)
	if err != nil {
		return fmt.Errorf("penalties: %w", err)
	}
	return writePenalties(env, dec, *format, *out, &company)
}

// parseBasis reads --basis: 365 (the default), 366 (law.BasisLeap: 366 for the days
// falling in a leap year, 365 for the others) or 360.
func parseBasis(env *Env, s string) (int, error) {
	switch strings.TrimSpace(s) {
	case "365", "":
		return 365, nil
	case "366":
		return law.BasisLeap, nil
	case "360":
		return 360, nil
	}
	return 0, &usageError{msg: i18n.T(env.Lang, "law.cli.bad_basis", "value", s)}
}

// parseContractRate reads --rate: a positive percentage, "9", "9.5", "9,5" or "9 %";
// "" gives no contractual rate (the L441-10 default rate).
func parseContractRate(env *Env, s string) (decimal.NullDecimal, error) {
	if s == "" {
		return decimal.NullDecimal{}, nil
	}
	t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	r, err := decimal.NewFromString(strings.Replace(t, ",", ".", 1))
	if err != nil || r.IsNegative() {
		return decimal.NullDecimal{}, &usageError{msg: i18n.T(env.Lang, "law.cli.bad_rate", "value", s)}
	}
	return decimal.NewNullDecimal(r), nil
}

// runCustomerPenalties prints the décompte of a customer's overdue invoices at end (the
// Contentieux screen's computation, desk.Session.Decompte: open amounts at that date,
// interest stopped at an opening judgment, never beyond the rate tables).
func runCustomerPenalties(env *Env, dbPath, customer, paid, rate, basis, format, out string) error {
	if err := env.required("db", dbPath); err != nil {
		return err
	}
	end, err := env.date("paid", paid, env.Today)
	if err != nil {
		return err
	}
	terms := law.Terms{End: end}
	if terms.Basis, err = parseBasis(env, basis); err != nil {
		return err
	}
	if terms.ContractRate, err = parseContractRate(env, rate); err != nil {
		return err
	}
	ss, err := desk.OpenReadCustomer(dbPath, customer) // its account, not the whole dossier
	if err != nil {
		return err
	}
	defer ss.Close()
	dec, err := ss.Decompte(customer, terms)
	if err != nil {
		return err
	}
	return writePenalties(env, dec, format, out, &ss.Book.Settings.Company)
}

// writePenalties prints d as a table or JSON, writes it as a PDF when out is given,
// and repeats its warnings (a contractual rate below the legal floor) on stderr.
func writePenalties(env *Env, d *law.Decompte, format, out string, company *ledger.Company) error {
	for _, n := range d.Warnings() {
		fmt.Fprintln(env.Stderr, "relance penalties: "+law.FormatNote(n, env.Lang, d.Currency))
	}
	if out != "" {
		if err := writePenaltiesPDF(env, d, out, company); err != nil {
			return err
		}
	}
	if format == "json" {
		return writePenaltiesJSON(env, d)
	}
	return writePenaltiesTable(env, d)
}

func writePenaltiesJSON(env *Env, d *law.Decompte) error {
	doc := penaltiesJSON{Debtor: d.Debtor.String(), End: d.End.String(), Basis: d.Basis, Currency: d.Currency,
		Lines: []penaltyLineJSON{}, Notes: []string{}, Warnings: []string{}, Invoices: d.Invoices}
	for _, ln := range d.Lines {
		row := penaltyLineJSON{Invoice: ln.Invoice, From: ln.From.String(), To: ln.To.String(),
			Days: ln.Days, Rate: ln.Rate.Rate.StringFixed(2), Source: string(ln.Rate.Source), Ref: ln.Rate.Ref.StringFixed(2),
			RefDate: ln.Rate.RefDate.String(), Margin: ln.Rate.Margin.StringFixed(2), Rule: ln.Rate.Rule, Entry: ln.Rate.Entry,
			Base: ln.Base.String(), Basis: ln.Basis, Exact: ln.Exact.String(), Interest: ln.Interest.String()}
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
	for _, n := range d.Warnings() {
		doc.Warnings = append(doc.Warnings, law.FormatNote(n, env.Lang, d.Currency))
	}
	enc := json.NewEncoder(env.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

func writePenaltiesTable(env *Env, d *law.Decompte) error {
	l := env.Lang
	tab := newTable(i18n.T(l, "law.col.from"), i18n.T(l, "law.col.to"), i18n.T(l, "law.col.days"), i18n.T(l, "law.col.rate"),
		i18n.T(l, "law.col.base"), i18n.T(l, "law.col.interest"), i18n.T(l, "law.col.rule")).alignRight(2, 3, 4, 5)
	num := func(s string) string { // the user's decimal mark, no thousands groups (a column)
		if l == "fr" {
			return strings.Replace(s, ".", ",", 1)
		}
		return s
	}
	for _, ln := range d.Lines {
		tab.add(law.FormatDate(l, ln.From), law.FormatDate(l, ln.To), fmt.Sprint(ln.Days), num(ln.Rate.Rate.StringFixed(2))+ln.Rate.EntryMark(),
			num(ln.Base.String()), num(ln.Interest.String()), ln.Rate.Rule)
	}
	if len(d.Lines) > 0 { // none when no invoice is late: the notes say why
		if err := tab.write(env.Stdout); err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout)
	}
	t := d.Totals
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
