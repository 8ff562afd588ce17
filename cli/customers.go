package cli

import (
	"fmt"
	"strconv"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
)

func runCustomers(env *Env, args []string) error {
	fs := env.flags("customers")
	rf := env.reportFlags(fs, "table", "json")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	rf.reach = &desk.Reach{} // the open position
	asOf, ss, err := env.openReport(rf)
	if err != nil {
		return err
	}
	defer ss.Close()
	book := ss.Book
	rows := ss.Customers(asOf)
	if rf.Format() == "json" {
		// Counts are numbers, amounts decimal strings, as everywhere in the JSON
		// (customersJSON: the document, which writeCustomersJSON writes fast).
		return writeCustomersJSON(env.Stdout, asOf, book.Settings.Currency, rows, ledger.Totals(rows))
	}
	l := env.Lang
	tab := newTable(i18n.T(l, "col.id"), i18n.T(l, "col.name"), i18n.T(l, "col.kind"),
		i18n.T(l, "col.balance"), i18n.T(l, "col.overdue"), i18n.T(l, "col.dayslate")).alignRight(3, 4, 5)
	for _, r := range rows {
		tab.add(r.ID, truncate(r.Name, 40), i18n.T(l, "kind."+r.Kind.String()), r.Balance.String(), r.Overdue.String(),
			strconv.Itoa(r.DaysLate))
	}
	if err := tab.write(env.Stdout); err != nil {
		return err
	}
	// The totals of the Clients list: the doubtful customers (416) on a line of their own.
	t := ledger.Totals(rows)
	if _, err := fmt.Fprintln(env.Stdout, i18n.T(l, i18n.N(l, "cli.customers.totals", t.Customers), "count", strconv.Itoa(t.Customers),
		"balance", t.Balance.String(), "overdue", t.Overdue.String())); err != nil {
		return err
	}
	if t.DoubtfulCustomers > 0 {
		_, err = fmt.Fprintln(env.Stdout, i18n.T(l, "cli.customers.doubtful", "n", strconv.Itoa(t.DoubtfulCustomers), "amount", t.Doubtful.String()))
	}
	return err
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
