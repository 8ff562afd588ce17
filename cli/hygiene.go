package cli

import (
	"fmt"
	"strconv"
	"strings"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/payment"
)

// runHygiene is `relance hygiene`: the checks of an up-to-date customer ledger at --at
// (desk.Session.Hygiene, as the window's « Tenue du compte » tab shows them), each with
// its count, amount and findings; --small-rest sets the largest rest of an invoice
// counted as a small rest.
func runHygiene(env *Env, args []string) error {
	fs := env.flags("hygiene")
	rf := env.reportFlags(fs, "table", "json")
	rest := fs.String("small-rest", "", "largest rest of an invoice counted as a small rest (default 5.00)")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	l := env.Lang
	var limit ledger.Cents
	if strings.TrimSpace(*rest) != "" {
		c, err := payment.ParseAmount(*rest)
		if err != nil || c <= 0 {
			return &usageError{msg: i18n.T(l, "hygiene.cli.bad_rest", "value", *rest)}
		}
		limit = c
	}
	reach := desk.HygieneReach()
	rf.reach = &reach
	asOf, ss, err := env.openReport(rf)
	if err != nil {
		return err
	}
	defer ss.Close()
	r, err := ss.Hygiene(asOf, limit)
	if err != nil {
		return err
	}
	if rf.Format() == "json" {
		return writeJSON(env, r)
	}
	cur := ss.Book.Settings.Currency
	fmt.Fprintln(env.Stdout, i18n.T(l, "hygiene.title", "date", dateText(l, asOf)))
	if r.Clean() {
		fmt.Fprintln(env.Stdout, i18n.T(l, "hygiene.clean", "date", dateText(l, asOf)))
		return nil
	}
	n := 0
	sum := newTable("", "#", i18n.T(l, "hygiene.col.amount")).alignRight(1, 2)
	for _, res := range r.Results {
		n += res.Count
		sum.add(res.Check.Label(l, r.SmallRest.Format(l, cur)), strconv.Itoa(res.Count), res.Amount.Format(l, cur))
	}
	if err := sum.write(env.Stdout); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, i18n.T(l, "hygiene.summary", "n", strconv.Itoa(n)))
	for _, res := range r.Results {
		if res.Count == 0 {
			continue
		}
		fmt.Fprintf(env.Stdout, "\n%s (%d)\n%s\n", res.Check.Label(l, r.SmallRest.Format(l, cur)), res.Count, res.Check.Why(l))
		tab := newTable(i18n.T(l, "hygiene.col.customer"), i18n.T(l, "hygiene.col.ref"), i18n.T(l, "hygiene.col.date"),
			i18n.T(l, "hygiene.col.amount"), i18n.T(l, "hygiene.col.detail")).alignRight(3)
		for i := range res.Findings {
			f := &res.Findings[i]
			date := ""
			if f.Date.Valid() {
				date = dateText(l, f.Date)
			}
			tab.add(f.Customer+" "+truncate(f.Name, 30), f.Ref, date, f.Amount.Format(l, cur), f.Detail(l))
		}
		if err := tab.write(env.Stdout); err != nil {
			return err
		}
	}
	return nil
}
