package cli

import (
	"fmt"
	"strconv"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/cause"
)

// runCause is `relance cause set|clear`: records why invoices of a customer are paid
// late (desk.Session.RecordCause, as the call sheet and the customer card do), or
// clears it.
func runCause(env *Env, args []string) error {
	if len(args) == 0 || (args[0] != "set" && args[0] != "clear") {
		return &usageError{msg: i18n.T(env.Lang, "cause.cli.verb")}
	}
	verb := args[0]
	fs := env.flags("cause " + verb)
	common := env.disputeCommon(fs)
	customer := fs.String("customer", "", "customer ID")
	var items listFlag
	fs.Var(&items, "item", "invoice number or item ID (repeatable)")
	allLate := fs.Bool("all-late", false, "every invoice of the customer late at --at")
	var c, note *string
	if verb == "set" {
		c = fs.String("cause", "", "invoice_error|missing_order|delivery|dispute|late_invoicing|cash|payment_run|forgotten|bad_faith|insolvency")
		note = fs.String("note", "", "a note on the cause")
	}
	if err := env.parse(fs, args[1:], false); err != nil {
		return err
	}
	path, at, by, err := common()
	if err != nil {
		return err
	}
	if err := env.required("customer", *customer); err != nil {
		return err
	}
	if len(items) == 0 && !*allLate {
		return env.required("item", "")
	}
	var what cause.Cause
	text := ""
	if verb == "set" {
		if err := env.required("cause", *c); err != nil {
			return err
		}
		if what, err = cause.Parse(*c); err != nil {
			return err
		}
		text = *note
	}
	var ids []string
	err = env.withWrite(path, func(ss *desk.Session) error {
		acc := ss.Book.Account(*customer)
		if acc == nil {
			return &ledger.Problem{Key: "cause.err.customer", Args: []string{"value", *customer}}
		}
		for _, spec := range items {
			di, err := env.parseItem(spec, acc.Items)
			if err != nil {
				return err
			}
			ids = append(ids, di.ItemID)
		}
		if *allLate {
			for i := range acc.Items {
				if acc.Items[i].OverdueAt(at) {
					ids = append(ids, acc.Items[i].ID)
				}
			}
			if len(ids) == 0 {
				return &ledger.Problem{Key: "cause.err.none_late", Args: []string{"customer", *customer, "date", dateText(env.Lang, at)}}
			}
		}
		return ss.RecordCause(acc.Customer.ID, ids, what, cause.FromCLI, text, ss.Who(by), at)
	})
	if err != nil {
		return err
	}
	if verb == "clear" {
		env.say("cause.cli.cleared", "count", strconv.Itoa(len(ids)))
		return nil
	}
	env.say("cause.cli.set", "count", strconv.Itoa(len(ids)), "cause", what.Label(env.Lang))
	return nil
}

// runCauses is `relance causes`: the invoices late at --at by cause, internal and
// external (desk.Session.LateCauses, as the dashboard's « Causes des retards » shows it).
func runCauses(env *Env, args []string) error {
	fs := env.flags("causes")
	rf := env.reportFlags(fs, "table", "json")
	list := fs.Bool("invoices", false, "also list every late invoice with its cause")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	reach := desk.CausesReach()
	rf.reach = &reach
	asOf, ss, err := env.openReport(rf)
	if err != nil {
		return err
	}
	defer ss.Close()
	b, err := ss.LateCauses(asOf)
	if err != nil {
		return err
	}
	if rf.Format() == "json" {
		return writeJSON(env, b)
	}
	l, cur := env.Lang, ss.Book.Settings.Currency
	fmt.Fprintln(env.Stdout, i18n.T(l, "cause.title", "date", dateText(l, asOf)))
	tab := newTable(i18n.T(l, "cause.col.cause"), i18n.T(l, "cause.col.side"), "#", i18n.T(l, "cause.col.amount"), "%").alignRight(2, 3, 4)
	for _, ln := range b.Lines {
		if ln.Count == 0 {
			continue
		}
		tab.add(ln.Cause.Label(l), cause.SideLabel(l, ln.Internal), strconv.Itoa(ln.Count), ln.Amount.Format(l, cur),
			strconv.Itoa(b.Share(ln.Total)))
	}
	for _, t := range []struct {
		key string
		t   cause.Total
	}{{"cause.unstated", b.Unstated}, {"cause.internal", b.Internal}, {"cause.external", b.External}, {"cause.all", b.Late}} {
		tab.add(i18n.T(l, t.key), "", strconv.Itoa(t.t.Count), t.t.Amount.Format(l, cur), strconv.Itoa(b.Share(t.t)))
	}
	if err := tab.write(env.Stdout); err != nil {
		return err
	}
	if !*list || len(b.Invoices) == 0 {
		return nil
	}
	fmt.Fprintln(env.Stdout)
	inv := newTable(i18n.T(l, "cause.col.customer"), i18n.T(l, "cause.col.invoice"), i18n.T(l, "cause.col.due"),
		i18n.T(l, "cause.col.late"), i18n.T(l, "cause.col.amount"), i18n.T(l, "cause.col.cause")).alignRight(3, 4)
	for _, x := range b.Invoices {
		inv.add(x.Customer+" "+truncate(x.Name, 30), x.Number, dateText(l, x.Due), strconv.Itoa(x.DaysLate),
			x.Open.Format(l, cur), x.Text(l))
	}
	return inv.write(env.Stdout)
}
