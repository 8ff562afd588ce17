package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"strings"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/payment"
)

// runPayment dispatches `relance payment add|list|reverse`: a payment recorded by hand
// between two ledger imports (desk.RecordPayment, ReversePayment, Payments).
func runPayment(env *Env, args []string) error {
	if len(args) == 0 {
		return &usageError{msg: i18n.T(env.Lang, "payment.cli.sub", "value", "")}
	}
	switch args[0] {
	case "add":
		return env.paymentAdd(args[1:])
	case "list":
		return env.paymentList(args[1:])
	case "reverse":
		return env.paymentReverse(args[1:])
	case "return":
		return env.paymentReturn(args[1:])
	}
	return &usageError{msg: i18n.T(env.Lang, "payment.cli.sub", "value", args[0])}
}

// paymentAdd records a payment and prints its allocation (`relance payment add`).
func (env *Env) paymentAdd(args []string) error {
	fs := env.flags("payment add")
	path := fs.String("db", "", "dossier file")
	at := fs.String("at", "", "entry date YYYY-MM-DD (default today); the payment may not be dated after it")
	var f payment.Form
	fs.StringVar(&f.Customer, "customer", "", "customer ID")
	fs.StringVar(&f.Date, "date", "", "date the payment was received, DD/MM/YYYY or YYYY-MM-DD")
	fs.StringVar(&f.Amount, "amount", "", "amount received, e.g. 1234,56")
	fs.StringVar(&f.Method, "method", "transfer", "transfer, cheque, direct_debit, card, cash, bill")
	fs.StringVar(&f.Ref, "ref", "", "cheque number, transfer reference")
	by := fs.String("by", "", "who records it (default: the dossier's signatory)")
	format := fs.String("format", "text", "output format: text or json")
	var inv listFlag
	fs.Var(&inv, "invoice", "N or N:AMOUNT: an invoice to settle (repeat; default: the oldest due first)")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("db", *path, "customer", f.Customer, "date", f.Date, "amount", f.Amount); err != nil {
		return err
	}
	if err := env.format(*format, "text", "json"); err != nil {
		return err
	}
	asOf, err := env.date("at", *at, env.Today)
	if err != nil {
		return err
	}
	f.Invoices = inv
	req, err := payment.ParseForm(f)
	if err != nil {
		return err
	}
	var p *payment.Payment
	var before ledger.Cents
	var currency string
	err = env.withWrite(*path, func(ss *desk.Session) error {
		if a := ss.Book.Account(req.Payment.Customer); a != nil {
			before = a.Balance()
		}
		currency = ss.Book.Settings.Currency
		var err error
		p, err = ss.RecordPayment(req, asOf, *by)
		return err
	})
	if err != nil {
		return err
	}
	if *format == "json" {
		return writeJSON(env, struct {
			*payment.Payment
			Balance ledger.Cents `json:"balance"`
		}{p, before - p.Amount})
	}
	l := env.Lang
	money := func(c ledger.Cents) string { return c.Format(l, currency) }
	fmt.Fprintln(env.Stdout, i18n.T(l, "payment.cli.recorded", "id", p.ID, "amount", money(p.Amount), "customer", p.Customer,
		"date", dateText(l, p.Date), "how", strings.TrimSpace(i18n.T(l, "payment.method."+string(p.Method))+" "+p.Ref)))
	tab := newTable(i18n.T(l, "payment.col.invoice"), i18n.T(l, "payment.col.allocated")).alignRight(1)
	for _, al := range p.Allocations {
		tab.add(al.Number, money(al.Amount))
	}
	if len(p.Allocations) > 0 {
		if err := tab.write(env.Stdout); err != nil {
			return err
		}
	}
	if r := p.Unallocated(); r > 0 {
		fmt.Fprintln(env.Stdout, i18n.T(l, "payment.cli.unallocated", "amount", money(r)))
	}
	fmt.Fprintln(env.Stdout, i18n.T(l, "payment.cli.balance", "customer", p.Customer, "amount", money(before-p.Amount)))
	return nil
}

// paymentRow is a payment as `relance payment list` shows it.
type paymentRow struct {
	payment.Payment
	Status string `json:"status"` // active, superseded, reversed, or return (a payment taken back by the bank)
	Name   string `json:"name"`
}

func paymentStatus(p *payment.Payment) string {
	switch {
	case p.IsReturn() && p.SupersededBy == "":
		return "return"
	case p.Reversed != nil:
		return "reversed"
	case p.SupersededBy != "":
		return "superseded"
	}
	return "active"
}

// paymentList lists the payments recorded by hand (`relance payment list`).
func (env *Env) paymentList(args []string) error {
	fs := env.flags("payment list")
	rf := env.reportFlags(fs, "table", "json")
	customer := fs.String("customer", "", "customer ID (default: every customer)")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	_, ss, err := env.openReport(rf)
	if err != nil {
		return err
	}
	pays, err := ss.Payments(*customer)
	book := ss.Book
	if err := errors.Join(err, ss.Close()); err != nil {
		return err
	}
	if *customer != "" && book.Account(*customer) == nil {
		return &ledger.Problem{Key: "pdf.err.customer", Args: []string{"value", *customer}}
	}
	rows := make([]paymentRow, 0, len(pays))
	for _, p := range pays {
		rows = append(rows, paymentRow{p, paymentStatus(&p), customerName(book, p.Customer)})
	}
	if rf.Format() == "json" {
		return writeJSON(env, struct {
			Payments []paymentRow `json:"payments"`
		}{rows})
	}
	l := env.Lang
	cur := book.Settings.Currency
	tab := newTable(i18n.T(l, "payment.col.id"), i18n.T(l, "payment.col.customer"), i18n.T(l, "payment.col.date"),
		i18n.T(l, "payment.col.amount"), i18n.T(l, "payment.col.method"), i18n.T(l, "payment.col.ref"),
		i18n.T(l, "payment.col.allocated"), i18n.T(l, "payment.col.status")).alignRight(3, 6)
	for _, r := range rows {
		st := i18n.T(l, "payment.status.active")
		method := i18n.T(l, "payment.method."+string(r.Method))
		switch r.Status {
		case "return":
			var nums []string
			for _, al := range r.Allocations {
				nums = append(nums, al.Number)
			}
			st = i18n.T(l, "payment.status.return", "invoices", strings.Join(nums, ", "))
			method = i18n.T(l, "payment.method.return", "method", method)
		case "reversed":
			st = i18n.T(l, "payment.status.reversed", "date", dateText(l, r.Reversed.Date), "reason", r.Reversed.Reason)
		case "superseded":
			st = i18n.T(l, "payment.status.superseded", "item", r.SupersededBy, "date", dateText(l, r.Superseded))
		}
		tab.add(r.ID, truncate(r.Customer+" "+r.Name, 30), dateText(l, r.Date), r.Amount.Format(l, cur),
			method, r.Ref, r.Allocated().Format(l, cur), st)
	}
	return tab.write(env.Stdout)
}

// closeArgs are the flags of `relance payment return` and `reverse`: a payment ID,
// the day it stopped holding, the entry date, who records it; extra adds the
// command's own flags before parsing.
type closeArgs struct {
	path, id, by string
	date, asOf   ledger.Date
}

func (env *Env) parseClose(name, dateHelp string, args []string, extra func(fs *flag.FlagSet)) (closeArgs, error) {
	var c closeArgs
	fs := env.flags(name)
	path := fs.String("db", "", "dossier file")
	at := fs.String("at", "", "entry date YYYY-MM-DD (default today)")
	id := fs.String("id", "", "payment ID (RG…)")
	date := fs.String("date", "", dateHelp+", DD/MM/YYYY or YYYY-MM-DD")
	by := fs.String("by", "", "who records it (default: the dossier's signatory)")
	if extra != nil {
		extra(fs)
	}
	if err := env.parse(fs, args, false); err != nil {
		return c, err
	}
	if err := env.required("db", *path, "id", *id, "date", *date); err != nil {
		return c, err
	}
	asOf, err := env.date("at", *at, env.Today)
	if err != nil {
		return c, err
	}
	d, err := payment.ParseDay(*date)
	if err != nil {
		return c, &usageError{msg: i18n.T(env.Lang, "cli.baddate", "flag", "--date", "value", *date)}
	}
	return closeArgs{path: *path, id: *id, by: *by, date: d, asOf: asOf}, nil
}

// paymentReturn records that the bank took a payment back (`relance payment return`).
func (env *Env) paymentReturn(args []string) error {
	c, err := env.parseClose("payment return", "date the bank took it back", args, nil)
	if err != nil {
		return err
	}
	var r *payment.Payment
	var currency string
	err = env.withWrite(c.path, func(ss *desk.Session) error {
		currency = ss.Book.Settings.Currency
		var err error
		r, err = ss.ReturnPayment(c.id, c.date, c.asOf, c.by)
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "payment.cli.returned", "id", c.id, "return", r.ID, "customer", r.Customer,
		"date", dateText(env.Lang, r.Date), "amount", r.Amount.Format(env.Lang, currency)))
	return nil
}

// paymentReverse records a payment's reversal (`relance payment reverse`).
func (env *Env) paymentReverse(args []string) error {
	var reason *string
	c, err := env.parseClose("payment reverse", "date of the reversal", args, func(fs *flag.FlagSet) {
		reason = fs.String("reason", "", "why: entered twice, wrong customer…")
	})
	if err != nil {
		return err
	}
	var p *payment.Payment
	err = env.withWrite(c.path, func(ss *desk.Session) error {
		var err error
		p, err = ss.ReversePayment(c.id, c.date, *reason, c.asOf, c.by)
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "payment.cli.reversed", "id", p.ID, "customer", p.Customer, "date", dateText(env.Lang, c.date)))
	return nil
}

// writeJSON writes v indented on stdout.
func writeJSON(env *Env, v any) error {
	enc := json.NewEncoder(env.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
