package cli

import (
	"fmt"
	"os"
	"strconv"
	"time"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/contract"
	"relance/ledger/payment"
)

// runOrder is `relance order`: what an order of --amount from --customer needs before it
// is accepted (desk.Session.CheckOrder, as the card's « Commande à l'étude… »), and with
// --letter the deposit request issued to that PDF (desk.Session.IssueDepositLetter).
func runOrder(env *Env, args []string) (err error) {
	fs := env.flags("order")
	common := env.disputeCommon(fs)
	customer := fs.String("customer", "", "customer ID")
	amount := fs.String("amount", "", "the order's amount incl. VAT")
	ref := fs.String("ref", "", "the order's reference")
	format := fs.String("format", "table", "table|json")
	letter := fs.String("letter", "", "issue the deposit request to this PDF file")
	lang := fs.String("lang", "", "letter language fr|en (default: the customer's)")
	if err = env.parse(fs, args, false); err != nil {
		return err
	}
	path, at, by, err := common()
	if err != nil {
		return err
	}
	if err := env.format(*format, "table", "json"); err != nil {
		return err
	}
	for _, f := range [][2]string{{"customer", *customer}, {"amount", *amount}} {
		if err := env.required(f[0], f[1]); err != nil {
			return err
		}
	}
	amt, err := payment.ParseAmount(*amount)
	if err != nil || amt <= 0 {
		return &ledger.Problem{Key: "order.err.amount", Args: []string{"value", *amount}}
	}
	open := desk.OpenRead
	if *letter != "" {
		open = desk.OpenWrite
	}
	ss, err := open(path)
	if err != nil {
		return err
	}
	defer env.closeWrite(ss, &err)
	v, err := ss.CheckOrder(*customer, *ref, amt, at)
	if err != nil {
		return err
	}
	if *letter != "" {
		rec, pdf, err := ss.IssueDepositLetter(*customer, *ref, amt, at, *lang, by, time.Now(), nil)
		if err != nil {
			return err
		}
		if err := os.WriteFile(*letter, pdf, 0o600); err != nil {
			return &ledger.Problem{Key: "dispute.cli.writefail", Args: []string{"file", *letter}, Err: err}
		}
		env.say("order.cli.written", "file", *letter, "id", rec.ID)
	}
	if *format == "json" {
		return writeJSON(env, v)
	}
	l, cur := env.Lang, ss.Book.Settings.Currency
	money := func(c ledger.Cents) string { return c.Format(l, cur) }
	name := *customer
	if a := ss.Book.Account(*customer); a != nil {
		name = a.Customer.Name
	}
	fmt.Fprintln(env.Stdout, i18n.T(l, "order.cli.title", "amount", money(amt), "customer", name, "date", dateText(l, at)))
	limit := i18n.T(l, "order.ui.no_limit")
	if v.Limit > 0 {
		limit = money(v.Limit)
	}
	fmt.Fprintln(env.Stdout, i18n.T(l, "order.ui.figures", "class", v.Class, "owed", money(v.Owed), "overdue", money(v.Overdue),
		"limit", limit, "cover", money(v.Cover)))
	if v.Deposit == 0 {
		fmt.Fprintln(env.Stdout, i18n.T(l, "order.cli.none"))
	} else {
		fmt.Fprintln(env.Stdout, i18n.T(l, "order.cli.deposit", "deposit", money(v.Deposit), "pct", strconv.Itoa(v.Pct)))
	}
	for _, f := range v.Reasons {
		fmt.Fprintln(env.Stdout, "  – "+contract.ReasonText(f, l, money))
	}
	return nil
}
