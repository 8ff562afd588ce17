package cli

import (
	"fmt"
	"strconv"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/earned"
)

// runEarned is `relance earned`: what collection brought in over (--from, --at]
// (desk.Session.Earned, as the dashboard's « Résultats des relances » tab shows it):
// the cash received after each kind of action, the DSO gained and, with --rate, its
// value at the firm's financing rate.
func runEarned(env *Env, args []string) error {
	fs := env.flags("earned")
	rf := env.reportFlags(fs, "table", "json")
	fromFlag := fs.String("from", "", "start of the period YYYY-MM-DD, excluded (default 90 days before --at)")
	rateFlag := fs.String("rate", "", "the firm's financing rate, percent a year (e.g. 4.5)")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	l := env.Lang
	rate, err := earned.ParseRate(*rateFlag)
	if err != nil {
		return &usageError{msg: ledger.Localize(err, l)}
	}
	at, err := env.date("at", *rf.at, env.Today)
	if err != nil {
		return err
	}
	from, err := env.date("from", *fromFlag, at.AddDays(-desk.EarnedDays))
	if err != nil {
		return err
	}
	if from >= at {
		return &usageError{msg: i18n.T(l, "earned.cli.bad_period", "from", dateText(l, from), "to", dateText(l, at))}
	}
	asOf, ss, err := env.openReport(rf)
	if err != nil {
		return err
	}
	defer ss.Close()
	r, err := ss.Earned(from, asOf, rate)
	if err != nil {
		return err
	}
	if rf.Format() == "json" {
		return writeJSON(env, r)
	}
	cur := ss.Book.Settings.Currency
	money := func(c ledger.Cents) string { return c.Format(l, cur) }
	fmt.Fprintln(env.Stdout, i18n.T(l, "earned.title", "from", dateText(l, r.From), "to", dateText(l, r.To)))
	tab := newTable(i18n.T(l, "earned.col.lever"), i18n.T(l, "earned.col.actions"), i18n.T(l, "earned.col.payments"),
		i18n.T(l, "earned.col.collected"), i18n.T(l, "earned.col.share"), i18n.T(l, "earned.col.delay")).alignRight(1, 2, 3, 4, 5)
	for _, row := range r.Rows {
		actions, delay := strconv.Itoa(row.Actions), earned.Num(l, row.Delay)
		if row.Payments == 0 {
			delay = "—"
		}
		if row.Lever == earned.None {
			actions, delay = "", ""
		}
		tab.add(row.Lever.Label(l), actions, strconv.Itoa(row.Payments), money(row.Collected), earned.Num(l, row.Share)+" %", delay)
	}
	if err := tab.write(env.Stdout); err != nil {
		return err
	}
	for _, line := range r.Lines(l, func(d ledger.Date) string { return dateText(l, d) }, money) {
		fmt.Fprintln(env.Stdout, line)
	}
	fmt.Fprintln(env.Stdout, i18n.T(l, "earned.help"))
	return nil
}
