package cli

import (
	"encoding/json"
	"fmt"
	"strings"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/dispute"
)

// ownerID resolves --owner: "internal", a salesperson ID or (part of) a name.
func ownerID(book *ledger.Book, s string) (string, error) {
	if s == dispute.Internal {
		return s, nil
	}
	sp, err := dispute.FindSalesperson(book, s)
	return sp.ID, err
}

// disputeJSON is one dispute of `relance disputes --format json`: the stored dispute,
// its status at the as-of date, its total and the customer's name.
type disputeJSON struct {
	dispute.Dispute
	StatusAt string `json:"status_at"`
	Total    string `json:"total"`
	Name     string `json:"customer_name"`
	Active   bool   `json:"active"`
}

func runDisputes(env *Env, args []string) error {
	fs := env.flags("disputes")
	rf := env.reportFlags(fs, "table", "json")
	owner := fs.String("owner", "", "salesperson (ID or name) or internal")
	status := fs.String("status", "", "status at the date: "+statusList())
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if *status != "" && !dispute.Status(*status).Valid() {
		return &usageError{msg: i18n.T(env.Lang, "dispute.cli.badstatus", "value", *status, "allowed", statusList())}
	}
	asOf, ss, err := env.openReport(rf)
	if err != nil {
		return err
	}
	defer ss.Close()
	book := ss.Book
	want := ""
	if *owner != "" {
		if want, err = ownerID(book, *owner); err != nil {
			return err
		}
	}
	rows := []disputeJSON{}
	var total ledger.Cents
	for _, d := range ss.Disputes {
		st := d.StatusAt(asOf)
		if st == "" || (want != "" && d.Owner != want) || (*status != "" && string(st) != *status) {
			continue
		}
		name := ""
		if a := book.Account(d.Customer); a != nil {
			name = a.Customer.Name
		}
		rows = append(rows, disputeJSON{Dispute: d, StatusAt: string(st), Total: d.Total().String(), Name: name, Active: d.ActiveAt(asOf)})
		total += d.Total()
	}
	if rf.Format() == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			AsOf     string        `json:"as_of"`
			Currency string        `json:"currency"`
			Disputes []disputeJSON `json:"disputes"`
		}{asOf.String(), book.Settings.Currency, rows})
	}
	l := env.Lang
	tab := newTable(i18n.T(l, "dispute.col.id"), i18n.T(l, "dispute.col.customer"), i18n.T(l, "dispute.col.name"),
		i18n.T(l, "dispute.col.detail"), i18n.T(l, "dispute.col.status"), i18n.T(l, "dispute.col.owner"),
		i18n.T(l, "dispute.col.date"), i18n.T(l, "dispute.col.dueby"), i18n.T(l, "dispute.col.disputed")).alignRight(8)
	for _, r := range rows {
		due := r.DueBy.String()
		if r.Active && r.DueBy.Valid() && r.DueBy < asOf {
			due += " !"
		}
		owner := r.Owner
		if sp := book.Salesperson(r.Owner); sp != nil {
			owner = sp.Name
		} else if owner == dispute.Internal {
			owner = i18n.T(l, "dispute.internal")
		}
		tab.add(r.ID, r.Customer, truncate(r.Name, 30), i18n.T(l, "dispute.reason."+string(r.Reason)),
			i18n.T(l, "dispute.status."+r.StatusAt), owner, r.Opened.String(), due, r.Total)
	}
	if err := tab.write(env.Stdout); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, i18n.T(l, "dispute.cli.count", "count", fmt.Sprint(len(rows)), "amount", total.String()))
	return nil
}

func statusList() string {
	var s []string
	for _, st := range dispute.Statuses() {
		s = append(s, string(st))
	}
	return strings.Join(s, ", ")
}
