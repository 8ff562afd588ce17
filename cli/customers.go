package cli

import (
	"encoding/json"
	"fmt"
	"strconv"

	"relance/assets/i18n"
)

func runCustomers(env *Env, args []string) error {
	fs := env.flags("customers")
	rf := env.reportFlags(fs, "table", "json")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	asOf, db, book, err := env.openReport(rf)
	if err != nil {
		return err
	}
	defer db.Close()
	rows := book.Summaries(asOf)
	if rf.Format() == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			AsOf      string `json:"as_of"`
			Currency  string `json:"currency"`
			Customers any    `json:"customers"`
		}{asOf.String(), book.Settings.Currency, rows})
	}
	l := env.Lang
	tab := newTable(i18n.T(l, "col.id"), i18n.T(l, "col.name"), i18n.T(l, "col.kind"),
		i18n.T(l, "col.balance"), i18n.T(l, "col.overdue"), i18n.T(l, "col.dayslate")).alignRight(3, 4, 5)
	var bal, over int64
	for _, r := range rows {
		tab.add(r.ID, truncate(r.Name, 40), i18n.T(l, "kind."+r.Kind.String()), r.Balance.String(), r.Overdue.String(),
			strconv.Itoa(r.DaysLate))
		bal += int64(r.Balance)
		over += int64(r.Overdue)
	}
	if err := tab.write(env.Stdout); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s: %d — %s %s — %s %s\n", i18n.T(l, "cli.customers.count"), len(rows),
		i18n.T(l, "col.balance"), centsString(bal), i18n.T(l, "col.overdue"), centsString(over))
	return nil
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
